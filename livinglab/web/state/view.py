"""What every view state shares: the catalog in the workshop's language and refusals."""

import asyncio
import time
from collections.abc import Callable
from typing import TypeVar

import reflex as rx

from livinglab.db import session_scope
from livinglab.errors import DomainError
from livinglab.i18n import catalog

Result = TypeVar("Result")


def path_code(path: str) -> str:
    """The join code in a path like /j/ABCDEFG or /f/ABCDEFG (second segment)."""
    parts = [part for part in str(path).split("/") if part]
    return parts[1] if len(parts) > 1 else ""


def now_ms() -> int:
    """The server's clock in milliseconds: every countdown is measured against it."""
    return int(time.time() * 1000)


class LanguageState(rx.State):
    """The catalog in the language of the workshop on screen: one copy per browser tab.

    Every view state is a substate of this one, so a reconnect, which re-sends the
    whole state tree, carries the catalog once, not once per view.
    """

    t: dict[str, str] = catalog("nl")
    lang: str = "nl"

    def _set_language(self, language: str) -> None:
        if language != self.lang:
            self.lang = language
            self.t = catalog(language)


class ViewState(rx.State, mixin=True):
    """The message of the view's last refusal, and domain calls that produce it."""

    error_key: str = ""

    async def _domain(self, call: Callable[..., Result], **kwargs) -> Result | None:
        """Run a domain call in its own committed transaction, off the event loop.

        A refusal becomes `error_key` (shown in `error-message`) and None is returned.
        """

        def run() -> Result:
            with session_scope() as session:
                return call(session=session, **kwargs)

        try:
            result = await asyncio.to_thread(run)
        except DomainError as refusal:
            self.error_key = refusal.key
            return None
        self.error_key = ""
        return result

    @rx.event
    def dismiss_error(self) -> None:
        """Close the refusal message."""
        self.error_key = ""
