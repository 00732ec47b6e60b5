"""What a vote round and a consent round share: open until closed, hidden until revealed.

Results reach no screen before the facilitator reveals them, so nobody follows the crowd.
"""

from sqlmodel import Session

from livinglab.models import ConsentRound, VoteRound, utcnow

Round = VoteRound | ConsentRound


def require_open(current: Round | None, refusal: type[Exception]) -> Round:
    """`current` if it is still open; else `refusal` (there is no round to act in)."""
    if current is None or not current.is_open:
        raise refusal()
    return current


def close(session: Session, current: Round) -> Round:
    """Stop the round: nobody can answer, add or take back anything after this."""
    current.is_open = False
    current.closed_at = utcnow()
    session.add(current)
    session.flush()
    return current


def reveal(session: Session, current: Round | None, refusal: type[Exception]) -> Round:
    """Show the round's result on every screen; `refusal` when there is no round yet."""
    if current is None:
        raise refusal()
    current.revealed = True
    session.add(current)
    session.flush()
    return current
