"""Quick reactions: a pictogram on a theme instead of typing (recognise it, affects me, idea).

Counts go to the facilitator's screens; a phone sees only its own reactions, so a room
of phones reacting costs no pushes to the other phones.
"""

from collections import defaultdict

from sqlalchemy import delete
from sqlmodel import Session, func, select

from livinglab import changes
from livinglab.access import access_theme
from livinglab.changes import Change
from livinglab.errors import InvalidChoice
from livinglab.models import Reaction, ReactionKind
from livinglab.workshops import Act, require_participant

#: The reactions, in the order the buttons show them.
KINDS = tuple(ReactionKind)


def toggle_reaction(
    *, session: Session, code: str, token: str, theme_id: int, kind: str
) -> list[str]:
    """Give a reaction to a theme, or take it back when given already.

    Returns the participant's own reactions afterwards, as "theme_id:kind".
    """
    workshop, participant = require_participant(
        session=session, code=code, token=token, act=Act.REACT
    )
    if kind not in KINDS:
        raise InvalidChoice(str(kind))
    theme = access_theme(session, workshop, theme_id)
    given = (
        Reaction.participant_id == participant.id,
        Reaction.theme_id == theme.id,
        Reaction.kind == kind,
    )
    if session.exec(select(Reaction.id).where(*given)).first() is None:
        session.add(
            Reaction(
                workshop_id=workshop.id, participant_id=participant.id, theme_id=theme.id, kind=kind
            )
        )
    else:
        session.exec(delete(Reaction).where(*given))
    session.flush()
    changes.record(session, workshop, Change.REACTIONS)
    return own_reactions(session=session, participant_id=participant.id)


def own_reactions(*, session: Session, participant_id: int) -> list[str]:
    """One person's reactions, as "theme_id:kind" (what their phone marks as given)."""
    rows = session.exec(
        select(Reaction.theme_id, Reaction.kind)
        .where(Reaction.participant_id == participant_id)
        .order_by(Reaction.theme_id, Reaction.kind)
    )
    return [f"{theme_id}:{kind}" for theme_id, kind in rows]


def reaction_counts(*, session: Session, workshop_id: int) -> dict[int, dict[str, int]]:
    """Per theme id with any reaction: how many people gave each kind, in the order of KINDS."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(KINDS, 0))
    for theme_id, kind, number in session.exec(
        select(Reaction.theme_id, Reaction.kind, func.count())
        .where(Reaction.workshop_id == workshop_id)
        .group_by(Reaction.theme_id, Reaction.kind)
    ):
        counts[theme_id][kind] = number
    return dict(counts)
