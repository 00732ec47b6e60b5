"""Sliding-window limits per client address: join-code guessing and new participants.

One count for the whole deployment: in this process with one worker, in Redis when several
workers run (REFLEX_REDIS_URL), so a script cannot multiply its allowance by the number of
workers. The client address is Reflex's `router.session.client_ip` (X-Forwarded-For only
through `trusted_proxy_hops` configured proxies, reflex/app.py).
"""

import secrets
import time
from collections import deque
from collections.abc import Callable
from functools import cache
from typing import Protocol

import redis

from livinglab import settings

#: How long the console keeps saying that phones had to wait, in seconds.
CROWDING_SHOWN = 10 * 60


class Window(Protocol):
    """Where the recent events per key are counted: this process, or Redis for all workers."""

    def count(self, key: str) -> int: ...

    def admit(self, key: str, limit: int) -> int:
        """Count one event for `key` if fewer than `limit` are recent: the count with it,
        or 0 when refused (a refused event is not counted)."""
        ...

    def note(self, key: str, value: int) -> None:
        """Remember `value` under `key` for CROWDING_SHOWN seconds."""
        ...

    def noted(self, key: str) -> int: ...


class MemoryWindow:
    """The window in this process (one worker). Remembers only recent keys."""

    def __init__(self, *, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._notes: dict[str, tuple[int, float]] = {}

    def _recent(self, key: str) -> deque[float]:
        events = self._events.get(key, deque())
        while events and events[0] <= self._clock() - self.seconds:
            events.popleft()
        if not events:
            self._events.pop(key, None)
        return events

    def count(self, key: str) -> int:
        return len(self._recent(key))

    def admit(self, key: str, limit: int) -> int:
        events = self._recent(key)
        if len(events) >= limit:
            return 0
        events.append(self._clock())
        self._events[key] = events
        return len(events)

    def note(self, key: str, value: int) -> None:
        self._notes[key] = (value, self._clock() + CROWDING_SHOWN)

    def noted(self, key: str) -> int:
        value, until = self._notes.get(key, (0, 0.0))
        if until <= self._clock():
            self._notes.pop(key, None)
            return 0
        return value


#: Drop what left the window, then count; add only below the limit. One script: atomic.
_ADMIT = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
local n = redis.call('ZCARD', KEYS[1])
if n >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil(ARGV[2] * 1000))
return n + 1
"""


class RedisWindow:
    """The window in Redis, shared by every worker: a sorted set of event times per key."""

    PREFIX = "livinglab:throttle:"

    def __init__(
        self, url: str, *, seconds: float, name: str, clock: Callable[[], float] = time.time
    ) -> None:
        self.seconds = seconds
        self._clock = clock
        self._prefix = f"{self.PREFIX}{name}:"
        self._redis = redis.Redis.from_url(url)
        self._admit = self._redis.register_script(_ADMIT)

    def count(self, key: str) -> int:
        name = self._prefix + key
        now = self._clock()
        with self._redis.pipeline() as pipe:
            pipe.zremrangebyscore(name, "-inf", now - self.seconds)
            pipe.zcard(name)
            return pipe.execute()[1]

    def admit(self, key: str, limit: int) -> int:
        # Members must differ even when two workers admit in the same microsecond.
        event = f"{self._clock():.6f}:{secrets.token_hex(4)}"
        return int(
            self._admit(keys=[self._prefix + key], args=[self._clock(), self.seconds, limit, event])
        )

    def note(self, key: str, value: int) -> None:
        # Until when, by the workers' clock (Redis's own expiry only cleans up).
        until = self._clock() + CROWDING_SHOWN
        self._redis.set(f"{self._prefix}note:{key}", f"{value}:{until}", ex=CROWDING_SHOWN)

    def noted(self, key: str) -> int:
        value, _, until = (self._redis.get(f"{self._prefix}note:{key}") or b"0:0").partition(b":")
        return int(value) if float(until) > self._clock() else 0


def window(name: str, *, seconds: float = 60.0) -> Window:
    """A window for `name`: in Redis when several workers share it, else in this process."""
    if settings.REDIS_URL:
        return RedisWindow(settings.REDIS_URL, seconds=seconds, name=name)
    return MemoryWindow(seconds=seconds)


class AttemptLimiter:
    """Allows `limit` failures per window per key (wrong join codes per client address)."""

    def __init__(self, *, limit: int, window: Window) -> None:
        self.limit = limit
        self._window = window

    def blocked(self, key: str) -> bool:
        """True when `key` used up its failures in the current window."""
        return self._window.count(key) >= self.limit

    def record_failure(self, key: str) -> None:
        """Count one failed attempt for `key` (past the limit it is blocked anyway)."""
        self._window.admit(key, self.limit)


class JoinCeiling:
    """At most `per_minute` new participants per client address per minute.

    Venues put every phone behind one address (NAT), so the ceiling is high; it stops a
    script that joins again and again, each time with a fresh vote budget. When it is
    reached the workshop is noted as crowded, so its console can warn.
    """

    def __init__(self, *, per_minute: int, window: Window) -> None:
        self.per_minute = per_minute
        self._window = window

    def admit(self, address: str, code: str) -> bool:
        """Count one new participant from `address` joining `code`; False: they must wait."""
        joined = self._window.admit(address, self.per_minute)
        if not joined or joined == self.per_minute:
            self._window.note(code, self.per_minute)
        return bool(joined)

    def crowded(self, code: str) -> int:
        """The ceiling phones of `code` ran into in the last minutes (0: none did)."""
        return self._window.noted(code)


@cache
def wrong_codes() -> AttemptLimiter:
    """Wrong join codes per client address: guessing codes is throttled, not the room."""
    return AttemptLimiter(limit=settings.JOIN_ATTEMPTS_PER_MINUTE, window=window("codes"))


@cache
def new_participants() -> JoinCeiling:
    """New participants per client address, for the whole deployment."""
    return JoinCeiling(per_minute=settings.JOINS_PER_MINUTE, window=window("joins"))


#: Failed sign-ins are counted over this many seconds.
SIGN_IN_WINDOW = 15 * 60


@cache
def failed_sign_ins_by_address() -> AttemptLimiter:
    """Failed sign-ins per client address (a script trying accounts or forged answers)."""
    return AttemptLimiter(
        limit=settings.SIGN_IN_FAILURES_PER_ADDRESS,
        window=window("sign-in-address", seconds=SIGN_IN_WINDOW),
    )


@cache
def failed_sign_ins_by_account() -> AttemptLimiter:
    """Failed sign-ins per account, from any address (one person's passkey guessed at)."""
    return AttemptLimiter(
        limit=settings.SIGN_IN_FAILURES_PER_ACCOUNT,
        window=window("sign-in-account", seconds=SIGN_IN_WINDOW),
    )
