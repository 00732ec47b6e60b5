"""The scenario's clock, shared by the room harness and the floor: who acts when."""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from collections.abc import Awaitable, Callable

#: The join window for 300 phones; fewer phones get a proportionally shorter one.
JOIN_WINDOW_300 = 60.0


def join_window(args: argparse.Namespace) -> float:
    if args.join_window is not None:
        return args.join_window
    return JOIN_WINDOW_300 * args.phones / 300


def join_times(args: argparse.Namespace) -> list[float]:
    """When each phone scans the QR code, in seconds from the start: spread over the window."""
    window = join_window(args)
    return sorted(random.uniform(0, window) for _ in range(args.phones))


async def at_rate(
    rate: float, duration: float, act: Callable[[int], Awaitable[bool]], first: int = 0
) -> int:
    """Start `act(n)` `rate` times a second for `duration` seconds; wait for them all.

    `act` returns False when no phone was free to do it. Returns how many were skipped.
    """
    interval = 1.0 / rate
    start = time.perf_counter()
    tasks: list[asyncio.Task] = []
    for number in range(int(duration * rate)):
        await asyncio.sleep(max(0.0, start + number * interval - time.perf_counter()))
        tasks.append(asyncio.create_task(act(first + number)))
    done = await asyncio.gather(*tasks)
    return sum(1 for acted in done if acted is False)


def burst_starts(args: argparse.Namespace) -> list[float]:
    """When, in seconds into the posting, each vote burst begins."""
    if not args.burst_votes_per_s:
        return []
    first = min(args.duration / 3, args.duration - args.burst_seconds)
    every = args.burst_every or args.duration
    starts, start = [], max(0.0, first)
    while start + args.burst_seconds <= args.duration:
        starts.append(start)
        start += every
    return starts
