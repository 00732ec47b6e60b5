"""State tests: real event handlers on real states, without a browser or a socket."""

import asyncio

import pytest
from reflex.state import State

import livinglab.livinglab  # noqa: F401 (registers pages, routes and states)
from livinglab.web.room import hub


def open_view(state_class, path: str, *, tab: str = "tab-1", ip: str = "10.0.0.5", cookies=None):
    """A fresh state tree for one browser tab at `path`, as Reflex builds it on connect."""
    root = State(_reflex_internal_init=True)
    route, _, query = path.partition("?")
    root.router_data = root._update_router_vars(
        {
            "token": tab,
            "ip": ip,
            "pathname": route,
            "asPath": path,
            "query": dict(part.split("=", 1) for part in query.split("&") if part),
            "headers": {"origin": "http://localhost:3000"},
        },
        {},
    )
    view = root.get_substate(state_class.get_full_name().split(".")[1:])
    for name, value in (cookies or {}).items():
        setattr(view, name, value)
    return view


def run(coroutine):
    """Run one event handler to completion, the way the event loop would."""
    return asyncio.run(coroutine)


@pytest.fixture(autouse=True)
def forget_watchers():
    """The hub is per worker: each test starts with an empty room registry."""
    hub._rooms.clear()
    yield
    hub._rooms.clear()
