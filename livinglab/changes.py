"""What changed in a workshop, recorded on the session and announced once it is committed.

A domain function that changes a workshop records the kind of change on its session
(`record`). The session scope (livinglab/db.py) hands what was recorded to the process's
announcer after a successful commit, and to nobody after a rollback: no screen hears of a
change that did not happen, and no caller (a handler, the CLI, a purge) picks the kinds.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlmodel import Session

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


@dataclass(frozen=True)
class Announcement:
    """One workshop's committed changes: their kinds, and the ids of new insights."""

    code: str
    kinds: frozenset[Change]
    posted: frozenset[int] = field(default_factory=frozenset)


Announce = Callable[[list[Announcement]], None]
_KEY = "livinglab.changes"


def record(
    session: Session, workshop: Workshop, *kinds: Change, posted: Iterable[int] = ()
) -> None:
    """Note that `workshop` changed in `kinds` in this session's transaction."""
    pending = session.info.setdefault(_KEY, {})
    seen_kinds, seen_posted = pending.setdefault(workshop.code, (set(), set()))
    seen_kinds.update(kinds)
    seen_posted.update(posted)


def take(session: Session) -> list[Announcement]:
    """What this session recorded since the last take, and forget it (after a commit)."""
    pending = session.info.pop(_KEY, {})
    return [
        Announcement(code=code, kinds=frozenset(kinds), posted=frozenset(posted))
        for code, (kinds, posted) in pending.items()
    ]
