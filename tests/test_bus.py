"""Two workers share a room through a real Redis: a post on one reaches screens on the other.

The ids of new insights travel with the announcement."""

import asyncio

from livinglab.changes import Change
from livinglab.realtime import hub as hub_module
from livinglab.realtime.bus import RedisBus
from livinglab.realtime.hub import Audience, RoomHub


def test_announcement_on_one_worker_pushes_on_the_other(redis_url):
    async def scenario():
        pushes: list[tuple[str, str, str]] = []

        def worker(name: str) -> tuple[RoomHub, RedisBus]:
            bus = RedisBus(redis_url)

            async def load(code, audience, kinds, posted):
                return f"{code}:{audience}:{','.join(map(str, sorted(posted)))}"

            async def push(token, audience, snapshot):
                pushes.append((name, token, snapshot))
                return True

            return RoomHub(load=load, push=push, publish=bus.publish), bus

        phone_worker, phone_bus = worker("A")
        projector_worker, projector_bus = worker("B")
        projector_worker.watch("ROOM", Audience.FACILITATOR, "projector")
        phone_worker.watch("ROOM", Audience.PHONE, "phone")
        listeners = [
            asyncio.create_task(phone_bus.listen(phone_worker.receive)),
            asyncio.create_task(projector_bus.listen(projector_worker.receive)),
        ]
        await asyncio.sleep(0.3)  # both subscribed
        phone_worker.announce("ROOM", Change.POSTED, posted=[12, 3])
        await asyncio.sleep(0.3 + hub_module.BATCH_WINDOW * 4)
        board_pushes = list(pushes)
        projector_worker.announce("ROOM", Change.STAGE)
        await asyncio.sleep(0.3 + hub_module.BATCH_WINDOW * 4)
        for listener in listeners:
            listener.cancel()
        await asyncio.gather(*listeners, return_exceptions=True)
        return board_pushes, pushes

    board_pushes, all_pushes = asyncio.run(scenario())
    assert board_pushes == [("B", "projector", "ROOM:facilitator:3,12")]
    assert sorted(all_pushes[1:]) == [
        ("A", "phone", "ROOM:phone:"),
        ("B", "projector", "ROOM:facilitator:"),
    ]
