"""The room hub: which connected screens watch which workshop, and batched pushes to them.

Framework-free: the web layer hands in `load` (read a snapshot from the database)
and `push` (deliver it to one client). A change is announced by kind; a burst of
announcements becomes one database read and one push per interested screen.
New posts are announced with their ids, so a batch of posts reads those cards only,
not the whole board again: the work per post stays the same as the board grows.
"""

import asyncio
import itertools
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from livinglab import metrics
from livinglab.changes import Change

logger = logging.getLogger(__name__)


class Audience(StrEnum):
    """Who watches a room: the facilitator's screens get the board, phones never do."""

    FACILITATOR = "facilitator"
    PHONE = "phone"


#: Which audience cares about each kind of change. Phones get only the stage, the
#: themes' names and counts, the vote round and the dialogue.
INTEREST = {
    Audience.FACILITATOR: frozenset(Change),
    # After closing, "you said, we did" follows the sealed record and the follow-ups.
    Audience.PHONE: frozenset(
        {
            Change.STAGE,
            Change.THEMES,
            Change.ROUND,
            Change.DIALOGUE,
            Change.RECORD,
            Change.FOLLOWED_UP,
        }
    ),
}

#: How long the pump gathers announcements before it reads and pushes (seconds).
BATCH_WINDOW = 0.05
#: Changes that only move counts (joins, votes, reactions): a vote burst is read and pushed
#: four times a second, not twenty; anything else in the batch goes out at BATCH_WINDOW.
COUNTS = frozenset({Change.PEOPLE, Change.VOTES, Change.REACTIONS})
COUNTS_WINDOW = 0.25
#: Pushes in flight at once per room: bounds the work a stage change starts.
PUSH_CONCURRENCY = 64

Load = Callable[[str, Audience, set[Change], frozenset[int]], Awaitable[Any]]
Push = Callable[[str, Audience, Any], Awaitable[bool]]
Publish = Callable[[str, set[Change], frozenset[int]], Awaitable[None]]


@dataclass
class _Room:
    watchers: dict[str, Audience] = field(default_factory=dict)  # client token -> audience
    #: When each screen last (re)joined: a failed push forgets only an older watch,
    #: never one renewed by a reconnect while that push was on its way.
    joined: dict[str, int] = field(default_factory=dict)
    pending: set[Change] = field(default_factory=set)
    #: Ids of the insights posted since the last batch.
    posted: set[int] = field(default_factory=set)
    #: When the oldest pending announcement arrived, and how many arrived since (metrics).
    since: float = 0.0
    announced: int = 0
    pump: asyncio.Task | None = None


class RoomHub:
    """Routes announced changes to the screens of one worker, one batch at a time."""

    def __init__(self, *, load: Load, push: Push, publish: Publish | None = None) -> None:
        """`publish`, when given, sends announcements to every worker (see realtime.bus)."""
        self._load = load
        self._push = push
        self._publish = publish
        self._rooms: dict[str, _Room] = {}
        self._publishing: set[asyncio.Task] = set()
        self._joins = itertools.count()

    def watch(self, code: str, audience: Audience, client_token: str) -> None:
        """Let `client_token` receive `audience` updates for workshop `code` (only)."""
        self.forget(client_token, keep=code)
        room = self._rooms.setdefault(code, _Room())
        room.watchers[client_token] = audience
        room.joined[client_token] = next(self._joins)
        self._count_screens()

    def forget(self, client_token: str, keep: str = "") -> None:
        """Stop pushing to `client_token`, in every workshop but `keep`."""
        for code in [code for code in self._rooms if code != keep]:
            room = self._rooms[code]
            room.watchers.pop(client_token, None)
            room.joined.pop(client_token, None)
            if not room.watchers and (room.pump is None or room.pump.done()):
                del self._rooms[code]
        self._count_screens()

    def _count_screens(self) -> None:
        metrics.OPEN_ROOMS.set(len(self._rooms))
        watching = [a for room in self._rooms.values() for a in room.watchers.values()]
        for audience in Audience:
            metrics.SCREENS.labels(audience.value).set(watching.count(audience))

    def rooms(self) -> list[str]:
        """The workshops this worker holds anything for (screens watching, a pump running)."""
        return list(self._rooms)

    def watchers(self, code: str) -> dict[str, Audience]:
        """The screens watching `code` on this worker (a copy)."""
        room = self._rooms.get(code)
        return dict(room.watchers) if room else {}

    def announce(self, code: str, *kinds: Change, posted: Iterable[int] = ()) -> None:
        """Something of `kinds` changed in `code` (already committed): tell every screen.

        `posted` are the ids of new insights (kind POSTED).
        """
        if self._publish is None:
            self.receive(code, set(kinds), frozenset(posted))
            return
        task = asyncio.get_running_loop().create_task(
            self._publish(code, set(kinds), frozenset(posted))
        )
        self._publishing.add(task)
        task.add_done_callback(self._published)

    def _published(self, task: asyncio.Task) -> None:
        self._publishing.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("announcing a change failed", exc_info=task.exception())

    def receive(self, code: str, kinds: set[Change], posted: frozenset[int] = frozenset()) -> None:
        """An announcement reached this worker: push to its screens watching `code`."""
        room = self._rooms.get(code)
        if room is None or not room.watchers:
            return
        if not room.pending:
            room.since = time.monotonic()
        room.announced += 1
        room.pending.update(kinds)
        room.posted.update(posted)
        if room.pump is None or room.pump.done():
            room.pump = asyncio.get_running_loop().create_task(self._pump(code, room))

    async def _pump(self, code: str, room: _Room) -> None:
        while room.pending:
            await asyncio.sleep(BATCH_WINDOW)
            waited = BATCH_WINDOW
            while room.pending <= COUNTS and waited < COUNTS_WINDOW:
                await asyncio.sleep(BATCH_WINDOW)
                waited += BATCH_WINDOW
            kinds, room.pending = room.pending, set()
            posted, room.posted = frozenset(room.posted), set()
            since, room.since = room.since, 0.0
            metrics.BATCH_SIZE.observe(room.announced)
            room.announced = 0
            try:
                await self._deliver(code, room, kinds, posted, since)
            except Exception:
                logger.exception("pushing %s to room %s failed", sorted(kinds), code)

    async def _deliver(
        self, code: str, room: _Room, kinds: set[Change], posted: frozenset[int], since: float
    ) -> None:
        audiences = {
            audience for audience in set(room.watchers.values()) if INTEREST[audience] & kinds
        }
        snapshots = {
            audience: await self._load(code, audience, kinds, posted) for audience in audiences
        }
        limit = asyncio.Semaphore(PUSH_CONCURRENCY)

        async def deliver_one(token: str, audience: str) -> None:
            joined = room.joined.get(token)
            async with limit:
                try:
                    delivered = await self._push(token, audience, snapshots[audience])
                except Exception:
                    logger.exception("push to a %s screen failed", audience)
                    delivered = True  # keep it: the next change tries again
            if delivered:
                metrics.PUSH_LATENCY.observe(time.monotonic() - since)
            elif room.joined.get(token) == joined:
                room.watchers.pop(token, None)
                room.joined.pop(token, None)
                self._count_screens()

        await asyncio.gather(
            *(
                deliver_one(token, audience)
                for token, audience in list(room.watchers.items())
                if audience in audiences
            )
        )
