"""The room hub: a burst of changes becomes one read and one push per interested screen."""

import asyncio

from livinglab.realtime import hub as hub_module
from livinglab.realtime.hub import (
    BOARD,
    FACILITATOR,
    PEOPLE,
    PHONE,
    POSTED,
    STAGE,
    VOTES,
    RoomHub,
)


class Room:
    """Records what the hub reads and pushes; clients in `gone` are disconnected."""

    def __init__(self, gone=()):
        self.loads: list[tuple[str, str]] = []
        self.kinds: list[set[str]] = []
        self.posted: list[frozenset[int]] = []
        self.pushes: list[tuple[str, str, object]] = []
        self.gone = set(gone)

    async def load(self, code, audience, kinds, posted):
        self.loads.append((code, audience))
        self.kinds.append(kinds)
        self.posted.append(posted)
        return f"{audience}-snapshot-{len(self.loads)}"

    async def push(self, token, audience, snapshot):
        if token in self.gone:
            return False
        self.pushes.append((token, audience, snapshot))
        return True


async def settle():
    await asyncio.sleep(hub_module.COUNTS_WINDOW + hub_module.BATCH_WINDOW * 3)


def test_burst_of_posts_is_one_read_and_one_push_per_facilitator_screen():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", FACILITATOR, "projector")
        for token in ("p1", "p2", "p3"):
            hub.watch("ABC", PHONE, token)
        for _ in range(20):
            hub.announce("ABC", BOARD)
        await settle()
        return room

    room = asyncio.run(scenario())
    assert room.loads == [("ABC", FACILITATOR)]
    assert [(token, audience) for token, audience, _ in room.pushes] == [("projector", FACILITATOR)]


def test_posts_in_one_batch_are_read_by_their_ids():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", FACILITATOR, "projector")
        hub.watch("ABC", PHONE, "phone")
        for insight_id in (7, 8, 9):
            hub.announce("ABC", POSTED, posted=[insight_id])
        await settle()
        hub.announce("ABC", STAGE)
        await settle()
        return room

    room = asyncio.run(scenario())
    assert room.kinds[0] == {POSTED}
    assert room.posted[0] == {7, 8, 9}
    assert room.loads[0] == ("ABC", FACILITATOR)  # phones are not told of posts
    assert frozenset() in room.posted[1:]  # the next batch starts with no posts


def test_stage_change_reaches_every_phone_with_one_read():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", FACILITATOR, "projector")
        phones = [f"phone{i}" for i in range(100)]
        for token in phones:
            hub.watch("ABC", PHONE, token)
        hub.announce("ABC", STAGE)
        await settle()
        return room, phones

    room, phones = asyncio.run(scenario())
    assert sorted(room.loads) == [("ABC", FACILITATOR), ("ABC", PHONE)]
    pushed_phones = sorted(token for token, audience, _ in room.pushes if audience == PHONE)
    assert pushed_phones == sorted(phones)
    assert len(room.pushes) == 101


def test_joins_only_update_facilitator_screens():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", FACILITATOR, "projector")
        for i in range(50):
            hub.watch("ABC", PHONE, f"phone{i}")
            hub.announce("ABC", PEOPLE)
        await settle()
        return room

    room = asyncio.run(scenario())
    assert {audience for _, audience, _ in room.pushes} == {FACILITATOR}
    assert room.kinds == [{PEOPLE}]  # the loader is told: no board to read


def test_disconnected_screens_are_forgotten_and_rooms_are_separate():
    async def scenario():
        room = Room(gone={"gone"})
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", PHONE, "gone")
        hub.watch("ABC", PHONE, "here")
        hub.watch("XYZ", PHONE, "elsewhere")
        hub.announce("ABC", STAGE)
        await settle()
        hub.watch("XYZ", PHONE, "here")  # the same tab opened another workshop
        return room, hub

    room, hub = asyncio.run(scenario())
    assert [token for token, _, _ in room.pushes] == ["here"]
    assert hub.watchers("ABC") == {}
    assert hub.watchers("XYZ") == {"elsewhere": PHONE, "here": PHONE}


def test_a_failing_push_does_not_stop_the_others():
    async def scenario():
        room = Room()

        async def flaky_push(token, audience, snapshot):
            if token == "broken":
                raise RuntimeError("socket exploded")
            return await room.push(token, audience, snapshot)

        hub = RoomHub(load=room.load, push=flaky_push)
        hub.watch("ABC", PHONE, "broken")
        hub.watch("ABC", PHONE, "fine")
        hub.announce("ABC", STAGE)
        await settle()
        return room, hub

    room, hub = asyncio.run(scenario())
    assert [token for token, _, _ in room.pushes] == ["fine"]
    assert set(hub.watchers("ABC")) == {"broken", "fine"}


def test_a_reconnect_during_a_failed_push_keeps_the_renewed_watch():
    async def scenario():
        room = Room()
        dropped_once = []

        async def push(token, audience, snapshot):
            if not dropped_once:
                # The socket dropped; before the hub hears so, the phone reconnects.
                dropped_once.append(token)
                hub.watch("ABC", PHONE, token)
                return False
            return await room.push(token, audience, snapshot)

        hub = RoomHub(load=room.load, push=push)
        hub.watch("ABC", PHONE, "phone")
        hub.announce("ABC", STAGE)
        await settle()
        kept = hub.watchers("ABC")
        hub.announce("ABC", STAGE)
        await settle()
        return room, kept, dropped_once

    room, kept, dropped_once = asyncio.run(scenario())
    assert dropped_once == ["phone"]
    assert kept == {"phone": PHONE}
    assert [token for token, _, _ in room.pushes] == ["phone"]


def test_forgotten_screens_and_empty_rooms_leave_nothing_behind():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        for attempt in range(1000):  # a flood of wrong codes from one tab
            hub.watch(f"WRONG{attempt}", PHONE, "guesser")
            hub.forget("guesser")
        hub.watch("ABC", PHONE, "phone")
        return hub

    hub = asyncio.run(scenario())
    assert list(hub._rooms) == ["ABC"]
    assert hub.watchers("ABC") == {"phone": PHONE}


def test_a_vote_burst_is_read_a_few_times_a_second_but_a_post_goes_out_at_once():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", FACILITATOR, "projector")
        loop = asyncio.get_running_loop()
        began = loop.time()
        while loop.time() - began < 1.0:  # 100 votes a second for a second
            hub.announce("ABC", VOTES)
            await asyncio.sleep(0.01)
        await settle()
        reads_for_votes = len(room.loads)
        posted = loop.time()
        hub.announce("ABC", VOTES)
        hub.announce("ABC", BOARD)
        while len(room.loads) == reads_for_votes:
            await asyncio.sleep(0.005)
        return reads_for_votes, loop.time() - posted

    reads, post_delay = asyncio.run(scenario())
    assert 3 <= reads <= 6
    assert post_delay < hub_module.COUNTS_WINDOW
