"""The floor: the same room scenario against a minimal raw `websockets` broadcast server.

No Reflex, no database, no state: a phone's post is appended to a list, acknowledged to
the phone and sent to the projector; a vote is counted and acknowledged. What livinglab
adds on top of this costs what our figures exceed it by, so `bench.room --floor` reports
our p95 as a ratio to this one, measured in the same run on the same machine.

    python -m bench.floor --port 3200          # the server alone (bench.room starts it)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed

from bench.schedule import at_rate, burst_starts, join_times

REPLY_TIMEOUT = 30.0


# --------------------------------------------------------------------------- the server


class FloorRoom:
    """One room in memory: the board, the vote counts, the projectors to tell."""

    def __init__(self) -> None:
        self.board: list[str] = []
        self.votes: Counter[int] = Counter()
        self.projectors: set[ServerConnection] = set()

    async def handle(self, ws: ServerConnection) -> None:
        try:
            async for raw in ws:
                message = json.loads(raw)
                kind = message["t"]
                if kind == "projector":
                    self.projectors.add(ws)
                    await ws.send(json.dumps({"t": "board", "cards": self.board}))
                elif kind == "join":
                    await ws.send(json.dumps({"t": "joined", "cards": len(self.board)}))
                elif kind == "post":
                    self.board.append(message["text"])
                    await ws.send(json.dumps({"t": "ack", "text": message["text"]}))
                    broadcast(self.projectors, json.dumps({"t": "card", "text": message["text"]}))
                elif kind == "vote":
                    self.votes[message["item"]] += 1
                    await ws.send(json.dumps({"t": "voted", "n": message["n"]}))
                elif kind == "tally":
                    await ws.send(json.dumps({"t": "tally", "votes": sum(self.votes.values())}))
        finally:
            self.projectors.discard(ws)


async def run_server(port: int) -> None:
    room = FloorRoom()
    async with serve(room.handle, "127.0.0.1", port, ping_interval=None, max_size=None):
        print(f"floor listening on {port}", flush=True)
        await asyncio.Future()


def start_server(port: int) -> subprocess.Popen:
    """The floor server in its own process, like the app's, so neither shares the harness core."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.floor", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    if "listening" not in line:
        process.kill()
        raise SystemExit(f"the floor server did not start: {line!r}")
    return process


# --------------------------------------------------------------------------- the scenario


@dataclass
class FloorFigures:
    join: list[float] = field(default_factory=list)
    post_projector: list[float] = field(default_factory=list)
    post_projector_at: list[tuple[float, float]] = field(default_factory=list)
    vote_ack: list[float] = field(default_factory=list)
    posts_sent: int = 0
    votes_acked: int = 0
    votes_counted: int = 0


class FloorPhone:
    def __init__(self, url: str) -> None:
        self.url = url
        self.ws: ClientConnection | None = None
        self.busy = False
        self.waiting: dict[str, asyncio.Future[float]] = {}
        self.reader: asyncio.Task | None = None
        self.dots_cast = 0

    async def open(self) -> float:
        sent = time.perf_counter()
        self.ws = await connect(self.url, ping_interval=None, max_size=None)
        self.reader = asyncio.create_task(self._read())
        joined = self._expect("joined")
        await self.ws.send(json.dumps({"t": "join"}))
        return await joined - sent

    def _expect(self, key: str) -> asyncio.Future[float]:
        future = asyncio.get_running_loop().create_future()
        self.waiting[key] = future
        return future

    async def _read(self) -> None:
        with contextlib.suppress(ConnectionClosed):
            await self._dispatch()

    async def _dispatch(self) -> None:
        async for raw in self.ws:
            message = json.loads(raw)
            key = {"joined": "joined", "ack": f"ack:{message.get('text')}"}.get(message["t"])
            key = key or f"voted:{message.get('n')}"
            future = self.waiting.pop(key, None)
            if future is not None and not future.done():
                future.set_result(time.perf_counter())

    async def post(self, text: str) -> None:
        self.busy = True
        try:
            acked = self._expect(f"ack:{text}")
            await self.ws.send(json.dumps({"t": "post", "text": text}))
            await asyncio.wait_for(acked, REPLY_TIMEOUT)
        finally:
            self.busy = False

    async def vote(self, item: int, number: int) -> float:
        self.busy = True
        self.dots_cast += 1
        try:
            sent = time.perf_counter()
            voted = self._expect(f"voted:{number}")
            await self.ws.send(json.dumps({"t": "vote", "item": item, "n": number}))
            return await asyncio.wait_for(voted, REPLY_TIMEOUT) - sent
        finally:
            self.busy = False


async def floor_scenario(args: argparse.Namespace, url: str) -> FloorFigures:
    """The room scenario of bench.room (joins, posts with vote bursts, a vote phase)."""
    figures = FloorFigures()
    sent_at: dict[str, float] = {}
    projector = await connect(url, ping_interval=None, max_size=None)
    await projector.send(json.dumps({"t": "projector"}))
    await projector.recv()

    async def watch() -> None:
        async for raw in projector:  # ends when the projector closes
            message = json.loads(raw)
            if message["t"] == "card" and message["text"] in sent_at:
                at = time.perf_counter()
                figures.post_projector.append(at - sent_at[message["text"]])
                figures.post_projector_at.append((sent_at[message["text"]], at))
            elif message["t"] == "tally":
                figures.votes_counted = message["votes"]

    watcher = asyncio.create_task(watch())
    phones = [FloorPhone(url) for _ in range(args.phones)]
    begin = time.perf_counter()

    async def join(phone: FloorPhone, start: float) -> None:
        await asyncio.sleep(max(0.0, begin + start - time.perf_counter()))
        figures.join.append(await phone.open())

    await asyncio.gather(*(join(p, s) for p, s in zip(phones, join_times(args), strict=True)))
    votes = iter(range(10**9))

    async def post(number: int) -> bool:
        idle = [phone for phone in phones if not phone.busy]
        if not idle:
            return False
        text = f"floor insight {number:05d}"
        sent_at[text] = time.perf_counter()
        figures.posts_sent += 1
        await random.choice(idle).post(text)
        return True

    async def vote(_number: int) -> bool:
        idle = [phone for phone in phones if not phone.busy and phone.dots_cast < args.dots]
        if not idle:
            return False
        figures.vote_ack.append(
            await random.choice(idle).vote(random.randrange(args.themes), next(votes))
        )
        figures.votes_acked += 1
        return True

    async def bursts() -> None:
        for start in burst_starts(args):
            await asyncio.sleep(max(0.0, posting + start - time.perf_counter()))
            await at_rate(args.burst_votes_per_s, args.burst_seconds, vote)

    posting = time.perf_counter()
    await asyncio.gather(at_rate(args.posts_per_s, args.duration, post), bursts())
    await asyncio.sleep(1.0)
    if args.votes_per_s:
        await at_rate(args.votes_per_s, args.vote_seconds, vote)
    await projector.send(json.dumps({"t": "tally"}))
    await asyncio.sleep(1.0)
    watcher.cancel()
    await asyncio.gather(projector.close(), *(p.ws.close() for p in phones if p.ws))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.floor", description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    port = parser.parse_args(argv).port
    try:
        asyncio.run(run_server(port))
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
