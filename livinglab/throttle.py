"""A sliding-window limit on failed attempts per client address (join-code guessing)."""

import time
from collections import deque


class AttemptLimiter:
    """Allows `limit` failures per `window` seconds per key; remembers only recent keys."""

    def __init__(self, *, limit: int, window: float = 60.0, clock=time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str) -> deque[float]:
        now = self._clock()
        failures = self._failures.get(key)
        if failures is None:
            return deque()
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if not failures:
            del self._failures[key]
        return failures

    def blocked(self, key: str) -> bool:
        """True when `key` used up its failures in the current window."""
        return len(self._recent(key)) >= self.limit

    def record_failure(self, key: str) -> None:
        """Count one failed attempt for `key`."""
        self._recent(key)
        self._failures.setdefault(key, deque()).append(self._clock())
