"""Carries "room X changed" between workers over Redis, so every worker's screens hear it.

One process serves everyone by default and needs no bus. With several workers
(REFLEX_REDIS_URL set) a phone on worker A posts while the projector sits on worker
B: each announcement is published once and every worker pushes to its own screens.
"""

import logging
from collections.abc import Callable, Iterable

import redis.asyncio as redis

logger = logging.getLogger(__name__)

CHANNEL_PREFIX = "livinglab:room:"


class RedisBus:
    """Publish room changes; listen for everyone's (this worker's own included)."""

    def __init__(self, url: str) -> None:
        self._redis = redis.from_url(url)

    async def publish(self, code: str, kinds: Iterable[str]) -> None:
        await self._redis.publish(CHANNEL_PREFIX + code, ",".join(sorted(kinds)))

    async def listen(self, deliver: Callable[[str, set[str]], None]) -> None:
        """Call `deliver(code, kinds)` for every announcement, until cancelled."""
        pubsub = self._redis.pubsub()
        await pubsub.psubscribe(CHANNEL_PREFIX + "*")
        try:
            async for message in pubsub.listen():
                if message["type"] != "pmessage":
                    continue
                code = message["channel"].decode().removeprefix(CHANNEL_PREFIX)
                deliver(code, set(message["data"].decode().split(",")))
        finally:
            await pubsub.aclose()
