"""The composition root of the real-time path: this worker's room hub, wired at start.

`wire` builds the hub with what it needs, the database read (load) and the push into
Reflex states, once, when the app starts (livinglab/livinglab.py). The states reach it
through `hub()`; committed changes reach it through `announce` (livinglab/web/state/view.py).
"""

import asyncio
from functools import partial

import reflex as rx

from livinglab import settings
from livinglab.changes import Announcement, Change
from livinglab.db import session_scope
from livinglab.realtime.bus import RedisBus
from livinglab.realtime.hub import Audience, RoomHub
from livinglab.realtime.snapshots import board_snapshot, room_snapshot
from livinglab.web.reflex_internals import is_connected

_hub: RoomHub | None = None
_bus: RedisBus | None = None


def _read(code: str, audience: Audience, kinds: set[Change], posted: frozenset[int]):
    with session_scope() as session:
        if audience == Audience.FACILITATOR:
            # A join or a vote changes counts, not the board, and posts only add cards:
            # the whole board is read only when cards changed.
            with_cards = bool({Change.BOARD, Change.THEMES} & kinds)
            return board_snapshot(
                session=session,
                code=code,
                with_cards=with_cards,
                with_queue=Change.QUEUE in kinds,
                posted=posted,
            )
        return room_snapshot(session=session, code=code)


async def _load(code: str, audience: Audience, kinds: set[Change], posted: frozenset[int]):
    return await asyncio.to_thread(_read, code, audience, kinds, posted)


async def _push(
    app: rx.App,
    views: dict[Audience, type[rx.State]],
    client_token: str,
    audience: Audience,
    snapshot,
) -> bool:
    """Apply `snapshot` to one client's view state; False when that client is gone."""
    if not await is_connected(app, client_token):
        return False
    view = views[audience]
    async with app.modify_state(rx.BaseStateToken(ident=client_token, cls=view)) as root:
        state = await root.get_state(view)
        state.apply_pushed(snapshot)
    return True


def wire(app: rx.App, views: dict[Audience, type[rx.State]]) -> RoomHub:
    """Build this worker's hub: it pushes to the state of `views` for each audience.

    With several workers (REFLEX_REDIS_URL) announcements go over Redis to every worker.
    """
    global _hub, _bus
    _bus = RedisBus(settings.REDIS_URL) if settings.REDIS_URL else None
    _hub = RoomHub(
        load=_load,
        push=partial(_push, app, views),
        publish=_bus.publish if _bus else None,
    )
    return _hub


def hub() -> RoomHub:
    """This worker's hub (built by `wire` when the app started)."""
    if _hub is None:
        raise RuntimeError("the room hub is not wired: livinglab.livinglab builds it at start")
    return _hub


def announce(announcements: list[Announcement]) -> None:
    """Tell the room of committed changes (on the event loop, after the domain call)."""
    for announcement in announcements:
        hub().announce(announcement.code, *announcement.kinds, posted=announcement.posted)


async def hear_other_workers() -> None:
    """Lifespan task (several workers only): push what any worker announced."""
    if _bus is not None:
        await _bus.listen(hub().receive)
