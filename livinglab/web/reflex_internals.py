"""The Reflex internals livinglab needs, in one place: an upgrade of Reflex touches this file.

Each use says why no public API does it (checked against reflex 0.10.1).
"""

from pathlib import Path

import reflex as rx
from reflex import constants
from reflex.config import get_config
from reflex.state import State
from reflex.utils import prerequisites

# The client-side var that is true while the websocket is down. Reflex exports it only
# from its banner component's module; we need it for the connection notice in the
# workshop's language.
from reflex_components_core.core.banner import has_connection_errors

__all__ = [
    "built_pages_dir",
    "frontend_address",
    "has_connection_errors",
    "is_connected",
    "new_root_state",
    "replace_connection_toast",
]


async def is_connected(app: rx.App, client_token: str) -> bool:
    """True while `client_token`'s socket is connected to some worker.

    `app.modify_state` on a gone client would create a state nobody reads, so the hub
    asks first; the token manager that knows has no public accessor.
    """
    namespace = app.event_namespace
    return namespace is not None and await namespace._token_manager.is_token_connected(client_token)


def replace_connection_toast(app: rx.App, notice) -> None:
    """Show `notice(stateful)` instead of Reflex's English "connection lost" toast.

    Reflex adds that toast as the app wrap keyed (5, "Overlay"); there is no option to
    replace it, so the same key is overwritten.
    """
    app.app_wraps[(5, "Overlay")] = notice


def new_root_state(router_data: dict) -> State:
    """A fresh root state for one tab, as Reflex builds it on connect (for state tests).

    Reflex refuses `State()` outside its own code unless this flag is given, and fills the
    router from the browser's first event with a private method.
    """
    root = State(_reflex_internal_init=True)
    root.router_data = root._update_router_vars(router_data, {})
    return root


def built_pages_dir() -> Path:
    """Where Reflex's production build keeps the pages it serves (as Reflex mounts them).

    The security headers hash the build's inline scripts; Reflex names its build folder
    (under `.web/`) only in its own utilities and constants.
    """
    frontend_path = get_config().frontend_path.strip("/")
    return prerequisites.get_web_dir() / constants.Dirs.STATIC / frontend_path


def frontend_address(path: str) -> str:
    """`path` as the browser asks for it, under the app's frontend path (rxconfig)."""
    return get_config().prepend_frontend_path(path)
