"""Carries "room X changed" between workers over Redis, so every worker's screens hear it.

One process serves everyone by default and needs no bus. With several workers
(REFLEX_REDIS_URL set) a phone on worker A posts while the projector sits on worker
B: each announcement is published once and every worker pushes to its own screens.
"""

import asyncio
import logging
from collections.abc import Callable, Iterable

import redis.asyncio as redis

from livinglab.changes import Announce, Announcement, Change

logger = logging.getLogger(__name__)

CHANNEL_PREFIX = "livinglab:room:"
#: A message is "kind,kind|id,id": the kinds, then the ids of new insights (maybe none).
PARTS, ITEMS = "|", ","


class RedisBus:
    """Publish room changes; listen for everyone's (this worker's own included)."""

    def __init__(self, url: str) -> None:
        self._redis = redis.from_url(url)

    async def close(self) -> None:
        await self._redis.aclose()

    async def publish(self, code: str, kinds: Iterable[str], posted: Iterable[int] = ()) -> None:
        message = ITEMS.join(sorted(kinds)) + PARTS + ITEMS.join(map(str, sorted(posted)))
        await self._redis.publish(CHANNEL_PREFIX + code, message)

    async def listen(self, deliver: Callable[[str, set[Change], frozenset[int]], None]) -> None:
        """Call `deliver(code, kinds, posted)` for every announcement, until cancelled."""
        pubsub = self._redis.pubsub()
        await pubsub.psubscribe(CHANNEL_PREFIX + "*")
        try:
            async for message in pubsub.listen():
                if message["type"] != "pmessage":
                    continue
                code = message["channel"].decode().removeprefix(CHANNEL_PREFIX)
                kinds, _, posted = message["data"].decode().partition(PARTS)
                deliver(
                    code,
                    {Change(kind) for kind in kinds.split(ITEMS) if kind},
                    frozenset(int(item) for item in posted.split(ITEMS) if item),
                )
        finally:
            await pubsub.aclose()


def announcer_for_commands(url: str) -> Announce:
    """For a command run beside the app (`python -m livinglab purge`): publish what it
    committed, so every worker's screens read the room again."""

    def announce(announcements: list[Announcement]) -> None:
        async def send() -> None:
            bus = RedisBus(url)
            for announcement in announcements:
                await bus.publish(announcement.code, announcement.kinds, announcement.posted)
            await bus.close()

        asyncio.run(send())

    return announce
