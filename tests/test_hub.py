"""The room hub: a burst of changes becomes one read and one push per interested screen."""

import asyncio

from livinglab import metrics
from livinglab.changes import Change
from livinglab.realtime import hub as hub_module
from livinglab.realtime.hub import Audience, RoomHub


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
        hub.watch("ABC", Audience.FACILITATOR, "projector")
        for token in ("p1", "p2", "p3"):
            hub.watch("ABC", Audience.PHONE, token)
        for _ in range(20):
            hub.announce("ABC", Change.BOARD)
        await settle()
        return room

    room = asyncio.run(scenario())
    assert room.loads == [("ABC", Audience.FACILITATOR)]
    assert [(token, audience) for token, audience, _ in room.pushes] == [
        ("projector", Audience.FACILITATOR)
    ]


def test_posts_in_one_batch_are_read_by_their_ids():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", Audience.FACILITATOR, "projector")
        hub.watch("ABC", Audience.PHONE, "phone")
        for insight_id in (7, 8, 9):
            hub.announce("ABC", Change.POSTED, posted=[insight_id])
        await settle()
        hub.announce("ABC", Change.STAGE)
        await settle()
        return room

    room = asyncio.run(scenario())
    assert room.kinds[0] == {Change.POSTED}
    assert room.posted[0] == {7, 8, 9}
    assert room.loads[0] == ("ABC", Audience.FACILITATOR)  # phones are not told of posts
    assert frozenset() in room.posted[1:]  # the next batch starts with no posts


def test_stage_change_reaches_every_phone_with_one_read():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", Audience.FACILITATOR, "projector")
        phones = [f"phone{i}" for i in range(100)]
        for token in phones:
            hub.watch("ABC", Audience.PHONE, token)
        hub.announce("ABC", Change.STAGE)
        await settle()
        return room, phones

    room, phones = asyncio.run(scenario())
    assert sorted(room.loads) == [("ABC", Audience.FACILITATOR), ("ABC", Audience.PHONE)]
    pushed_phones = sorted(
        token for token, audience, _ in room.pushes if audience == Audience.PHONE
    )
    assert pushed_phones == sorted(phones)
    assert len(room.pushes) == 101


def test_joins_only_update_facilitator_screens():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", Audience.FACILITATOR, "projector")
        for i in range(50):
            hub.watch("ABC", Audience.PHONE, f"phone{i}")
            hub.announce("ABC", Change.PEOPLE)
        await settle()
        return room

    room = asyncio.run(scenario())
    assert {audience for _, audience, _ in room.pushes} == {Audience.FACILITATOR}
    assert room.kinds == [{Change.PEOPLE}]  # the loader is told: no board to read


def test_disconnected_screens_are_forgotten_and_rooms_are_separate():
    async def scenario():
        room = Room(gone={"gone"})
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", Audience.PHONE, "gone")
        hub.watch("ABC", Audience.PHONE, "here")
        hub.watch("XYZ", Audience.PHONE, "elsewhere")
        hub.announce("ABC", Change.STAGE)
        await settle()
        hub.watch("XYZ", Audience.PHONE, "here")  # the same tab opened another workshop
        return room, hub

    room, hub = asyncio.run(scenario())
    assert [token for token, _, _ in room.pushes] == ["here"]
    assert hub.watchers("ABC") == {}
    assert hub.watchers("XYZ") == {"elsewhere": Audience.PHONE, "here": Audience.PHONE}


def test_a_failing_push_does_not_stop_the_others():
    async def scenario():
        room = Room()

        async def flaky_push(token, audience, snapshot):
            if token == "broken":
                raise RuntimeError("socket exploded")
            return await room.push(token, audience, snapshot)

        hub = RoomHub(load=room.load, push=flaky_push)
        hub.watch("ABC", Audience.PHONE, "broken")
        hub.watch("ABC", Audience.PHONE, "fine")
        hub.announce("ABC", Change.STAGE)
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
                hub.watch("ABC", Audience.PHONE, token)
                return False
            return await room.push(token, audience, snapshot)

        hub = RoomHub(load=room.load, push=push)
        hub.watch("ABC", Audience.PHONE, "phone")
        hub.announce("ABC", Change.STAGE)
        await settle()
        kept = hub.watchers("ABC")
        hub.announce("ABC", Change.STAGE)
        await settle()
        return room, kept, dropped_once

    room, kept, dropped_once = asyncio.run(scenario())
    assert dropped_once == ["phone"]
    assert kept == {"phone": Audience.PHONE}
    assert [token for token, _, _ in room.pushes] == ["phone"]


def test_forgotten_screens_and_empty_rooms_leave_nothing_behind():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        for attempt in range(1000):  # a flood of wrong codes from one tab
            hub.watch(f"WRONG{attempt}", Audience.PHONE, "guesser")
            hub.forget("guesser")
        hub.watch("ABC", Audience.PHONE, "phone")
        return hub

    hub = asyncio.run(scenario())
    assert hub.rooms() == ["ABC"]
    assert hub.watchers("ABC") == {"phone": Audience.PHONE}


def test_a_vote_burst_is_read_a_few_times_a_second_but_a_post_goes_out_at_once():
    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", Audience.FACILITATOR, "projector")
        loop = asyncio.get_running_loop()
        began = loop.time()
        while loop.time() - began < 1.0:  # 100 votes a second for a second
            hub.announce("ABC", Change.VOTES)
            await asyncio.sleep(0.01)
        await settle()
        reads_for_votes = len(room.loads)
        posted = loop.time()
        hub.announce("ABC", Change.VOTES)
        hub.announce("ABC", Change.BOARD)
        deadline = posted + 2.0
        while len(room.loads) == reads_for_votes:
            assert loop.time() < deadline, (
                f"the post was not read within 2 s ({reads_for_votes} reads for the votes, "
                "none since)"
            )
            await asyncio.sleep(0.005)
        return reads_for_votes, loop.time() - posted

    reads, post_delay = asyncio.run(scenario())
    assert 3 <= reads <= 6
    assert post_delay < hub_module.COUNTS_WINDOW


def test_a_push_is_timed_from_its_announcement_and_its_batch_counted():
    sample = metrics.PUSH_LATENCY.collect()[0].samples
    counted = {s.name: s.value for s in sample}
    batches = {s.name: s.value for s in metrics.BATCH_SIZE.collect()[0].samples}

    async def scenario():
        room = Room()
        hub = RoomHub(load=room.load, push=room.push)
        hub.watch("ABC", Audience.FACILITATOR, "projector")
        hub.watch("ABC", Audience.FACILITATOR, "console")
        for _ in range(5):
            hub.announce("ABC", Change.BOARD)
        await settle()

    asyncio.run(scenario())
    latency = {s.name: s.value for s in metrics.PUSH_LATENCY.collect()[0].samples}
    batch = {s.name: s.value for s in metrics.BATCH_SIZE.collect()[0].samples}
    assert (
        latency["livinglab_push_latency_seconds_count"]
        == counted["livinglab_push_latency_seconds_count"] + 2
    )  # one per screen
    assert (
        latency["livinglab_push_latency_seconds_sum"]
        > counted["livinglab_push_latency_seconds_sum"]
    )
    assert batch["livinglab_push_batch_announcements_sum"] == (
        batches["livinglab_push_batch_announcements_sum"] + 5
    )
