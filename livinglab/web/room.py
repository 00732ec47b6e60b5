"""The worker's room hub, wired to the database (load) and to Reflex states (push)."""

import asyncio

import reflex as rx

from livinglab import settings
from livinglab.db import session_scope
from livinglab.realtime.bus import RedisBus
from livinglab.realtime.hub import BOARD, FACILITATOR, THEMES, RoomHub
from livinglab.realtime.snapshots import board_snapshot, room_snapshot


def _read(code: str, audience: str, kinds: set[str], posted: frozenset[int]):
    with session_scope() as session:
        if audience == FACILITATOR:
            # A join or a vote changes counts, not the board, and posts only add cards:
            # the whole board is read only when cards changed.
            with_cards = bool({BOARD, THEMES} & kinds)
            return board_snapshot(session=session, code=code, with_cards=with_cards, posted=posted)
        return room_snapshot(session=session, code=code)


async def _load(code: str, audience: str, kinds: set[str], posted: frozenset[int]):
    return await asyncio.to_thread(_read, code, audience, kinds, posted)


async def _push(client_token: str, audience: str, snapshot) -> bool:
    """Apply `snapshot` to one client's state; False when that client is gone."""
    from livinglab.livinglab import app
    from livinglab.web.state.console import FacilitatorState
    from livinglab.web.state.phone import PhoneState

    namespace = app.event_namespace
    if namespace is None or not await namespace._token_manager.is_token_connected(client_token):
        return False
    state_class = FacilitatorState if audience == FACILITATOR else PhoneState
    async with app.modify_state(rx.BaseStateToken(ident=client_token, cls=state_class)) as root:
        state = await root.get_state(state_class)
        state.apply_pushed(snapshot)
    return True


bus = RedisBus(settings.REDIS_URL) if settings.REDIS_URL else None
hub = RoomHub(load=_load, push=_push, publish=bus.publish if bus else None)


async def hear_other_workers() -> None:
    """Lifespan task (several workers only): push what any worker announced."""
    if bus is not None:
        await bus.listen(hub.receive)
