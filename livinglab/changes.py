"""What changed in a workshop, recorded on the session and announced once it is committed.

A domain function that changes a workshop records the kind of change on its session
(`record`). The session scope (livinglab/db.py) hands what was recorded to the process's
announcer after a successful commit, and to nobody after a rollback: no screen hears of a
change that did not happen, and no caller (a handler, the CLI, a purge) picks the kinds.

Derived data follows the same record, inside the transaction: just before a commit, the
handlers registered for each recorded kind (`follow`, wired once in livinglab/bootstrap.py)
run on the same session, so a sealed record and its search rows change in one commit or
not at all. No writer has to remember them. A kind that must be followed (`MUST_FOLLOW`)
with nothing wired fails the commit loudly.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select

from livinglab.models import Workshop


class Change(StrEnum):
    """The kinds of change screens follow (realtime/hub.py says which audience hears each)."""

    STAGE = "stage"
    PEOPLE = "people"
    #: Cards changed other than by a new post: an edit, hiding, withdrawing.
    BOARD = "board"
    #: New insights only; their ids travel with the announcement.
    POSTED = "posted"
    #: The stories waiting for review: one began to wait, or review first was switched.
    QUEUE = "queue"
    THEMES = "themes"
    ROUND = "round"
    VOTES = "votes"
    #: Proposals, consent rounds, decisions and actions.
    DIALOGUE = "dialogue"
    #: Quick reactions on themes.
    REACTIONS = "reactions"
    #: The workshop closed (or closed again after reopening): its record is to be sealed.
    CLOSED = "closed"
    #: A closed workshop opened again: it leaves the records library until it closes again.
    REOPENED = "reopened"
    #: A closed workshop's record has a new sealed version (closing, a correction, a purge).
    RECORD = "record"
    #: An action of a closed workshop was followed up.
    FOLLOWED_UP = "followed_up"


#: What the room's screens show (a purge makes every screen read it all again).
ROOM = frozenset(
    {
        Change.STAGE,
        Change.PEOPLE,
        Change.BOARD,
        Change.POSTED,
        Change.QUEUE,
        Change.THEMES,
        Change.ROUND,
        Change.VOTES,
        Change.DIALOGUE,
        Change.REACTIONS,
    }
)
#: Changes whose derived data must follow in the same commit (the sealed record, the search
#: rows): committing one with no handler wired is a bug, never a silent stale record.
MUST_FOLLOW = frozenset({Change.CLOSED, Change.REOPENED, Change.RECORD, Change.FOLLOWED_UP})


@dataclass(frozen=True)
class Announcement:
    """One workshop's committed changes: their kinds, and the ids of new insights."""

    code: str
    kinds: frozenset[Change]
    posted: frozenset[int] = field(default_factory=frozenset)


Announce = Callable[[list[Announcement]], None]
#: What derived data does when a workshop changed: runs on the committing session.
Handler = Callable[[Session, Workshop], None]
_KEY = "livinglab.changes"
#: (code, kind) pairs recorded in this transaction whose handlers have not run yet.
_TO_FOLLOW = "livinglab.to_follow"
_handlers: dict[Change, list[Handler]] = {}


class NothingFollows(RuntimeError):
    """A change that derived data must follow was committed with no handler wired."""


def record(
    session: Session, workshop: Workshop, *kinds: Change, posted: Iterable[int] = ()
) -> None:
    """Note that `workshop` changed in `kinds` in this session's transaction."""
    pending = session.info.setdefault(_KEY, {})
    seen_kinds, seen_posted = pending.setdefault(workshop.code, (set(), set()))
    seen_kinds.update(kinds)
    seen_posted.update(posted)
    session.info.setdefault(_TO_FOLLOW, []).extend((workshop.code, kind) for kind in kinds)


def follow(kind: Change, handler: Handler) -> None:
    """Run `handler(session, workshop)` in the transaction of every commit that recorded
    `kind` for that workshop (once per commit). Wired once, at start (bootstrap.wire)."""
    if handler not in _handlers.setdefault(kind, []):
        _handlers[kind].append(handler)


def unwire() -> None:
    """Forget every handler (a test shows what happens when nothing is wired)."""
    _handlers.clear()


def _run_handlers(session: OrmSession) -> None:
    """Before the commit: run the handlers of what was recorded, in rounds, until the
    handlers record nothing new (sealing a record records RECORD, which the search follows).
    """
    while to_follow := session.info.pop(_TO_FOLLOW, []):
        unwired = sorted({kind for _, kind in to_follow if kind in MUST_FOLLOW} - set(_handlers))
        if unwired:
            raise NothingFollows(", ".join(unwired))
        due: dict[str, list[Handler]] = {}  # a room's vote or post has none: no read at all
        for code, kind in to_follow:
            for handler in _handlers.get(kind, ()):
                if handler not in due.get(code, ()):
                    due.setdefault(code, []).append(handler)
        for code, handlers in due.items():
            workshop = session.exec(select(Workshop).where(Workshop.code == code)).first()
            for handler in handlers if workshop is not None else ():
                handler(session, workshop)
        if due:
            session.flush()


def _forget_unfollowed(session: OrmSession, _previous_transaction=None) -> None:
    session.info.pop(_TO_FOLLOW, None)


event.listen(OrmSession, "before_commit", _run_handlers)
event.listen(OrmSession, "after_rollback", _forget_unfollowed)


def take(session: Session) -> list[Announcement]:
    """What this session recorded since the last take, and forget it (after a commit)."""
    pending = session.info.pop(_KEY, {})
    return [
        Announcement(code=code, kinds=frozenset(kinds), posted=frozenset(posted))
        for code, (kinds, posted) in pending.items()
    ]
