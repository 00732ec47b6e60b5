"""What every view state shares: the catalog in the workshop's language and refusals."""

import asyncio
import secrets
import time
from collections.abc import Callable
from typing import TypeVar

import reflex as rx

from livinglab import actors, anonymity, metrics
from livinglab.changes import Announcement
from livinglab.db import session_scope
from livinglab.dialogue import GroupAnswers, ProposalView
from livinglab.errors import DomainError
from livinglab.i18n import catalog
from livinglab.organisation.members import SignedIn
from livinglab.realtime.snapshots import RoomView
from livinglab.sensemaking import ThemeSummary
from livinglab.voting import Tally, VoteItem
from livinglab.web import room
from livinglab.web.auth import session_cookie
from livinglab.web.exports import SUFFIX, export_file

Result = TypeVar("Result")


def path_code(path: str) -> str:
    """The join code in a path like /j/ABCDEFG or /f/ABCDEFG (second segment)."""
    parts = [part for part in str(path).split("/") if part]
    return parts[1] if len(parts) > 1 else ""


def as_int(raw: object) -> int:
    """A number from a form field or event argument; -1 (matches nothing) when it is not one."""
    try:
        return int(str(raw))
    except ValueError:
        return -1


def new_ref() -> str:
    """An id for the next form sent: a double tap or a resend sends the same one twice."""
    return secrets.token_urlsafe(12)


def now_ms() -> int:
    """The server's clock in milliseconds: every countdown is measured against it."""
    return int(time.time() * 1000)


def held(state: rx.State, name: str):
    """The value a state var holds, unwrapped.

    Reading the attribute wraps every list item in a proxy: for a 1,000-card board that
    cost more than sending it.
    """
    return state.__dict__[name] if name in state.__dict__ else getattr(state, name)


def show(state: rx.State, **values) -> None:
    """Assign only the vars whose value changed.

    Reflex sends every assigned var to the browser, equal or not: a push that re-assigns
    the whole room would carry the themes, the ballot and the results every time.
    """
    for name, value in values.items():
        if held(state, name) != value:
            setattr(state, name, value)


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

    def _client_address(self) -> str:
        """The address this browser connects from, as Reflex resolved it (throttles key on it)."""
        return self.router.session.client_ip or "unknown"

    def _session_token(self) -> str:
        """The member session this browser signed in with: the HttpOnly cookie, as sent with
        the websocket's opening request (never readable by the page's scripts). A sign-in or
        sign-out loads the page again, so the socket always carries the current one."""
        return session_cookie(self.router.headers.cookie)

    async def _signed_in(self) -> SignedIn | None:
        """The member behind this browser's session, with their roles as they are now."""
        return await self._domain(actors.member, secret=self._session_token())

    async def _domain(self, call: Callable[..., Result], **kwargs) -> Result | None:
        """Run a domain call in its own committed transaction, off the event loop; then
        the room hears what it changed (the domain recorded it, livinglab/changes.py).

        A refusal becomes `error_key` (shown in `error-message`) and None is returned.
        """
        committed: list[Announcement] = []

        def run() -> Result:
            with session_scope(announce=committed.extend) as session:
                return call(session=session, **kwargs)

        try:
            result = await asyncio.to_thread(run)
        except DomainError as refusal:
            metrics.EVENTS.labels(call.__name__, "refused").inc()
            self.error_key = refusal.key
            return None
        metrics.EVENTS.labels(call.__name__, "done").inc()
        self.error_key = ""
        room.announce(committed)  # on the event loop, where the hub lives
        return result

    @rx.event
    def dismiss_error(self) -> None:
        """Close the refusal message."""
        self.error_key = ""


class RoomMirror(rx.State, mixin=True):
    """The room as every screen shows it: stage, prompt, timer, themes, the vote round."""

    stage: str = "welcome"
    prompt: str = ""
    timer_ends_ms: int = 0
    server_now_ms: int = 0
    participants: int = 0
    #: Minutes planned for this stage by its agenda (0: none); the timer field starts there.
    planned_minutes: int = 0
    themes: list[ThemeSummary] = []
    has_round: bool = False
    round_open: bool = False
    round_revealed: bool = False
    dots_per_person: int = 0
    max_per_item: int = 0
    vote_items: list[VoteItem] = []
    voters: int = 0
    results: list[Tally] = []
    #: Under the chart: which roles were merged or withheld, and why ("" when none).
    results_note: str = ""
    proposals: list[ProposalView] = []
    has_consent: bool = False
    consent_open: bool = False
    consent_revealed: bool = False
    consent_proposal_id: int = 0
    consent_text: str = ""
    consent_answered: int = 0
    consent_counts: dict[str, int] = {}
    consent_by_group: list[GroupAnswers] = []
    consent_note: str = ""
    consent_objections: list[str] = []

    def _apply_room(self, room: RoomView) -> None:
        view, vote_round, consent = room.stage, room.vote_round, room.consent
        show(
            self,
            stage=view.stage,
            prompt=view.prompt,
            timer_ends_ms=view.timer_ends_ms,
            participants=view.participants,
            planned_minutes=view.planned_minutes,
            themes=room.themes,
            has_round=vote_round is not None,
            round_open=bool(vote_round and vote_round.is_open),
            round_revealed=bool(vote_round and vote_round.revealed),
            dots_per_person=vote_round.dots_per_person if vote_round else 0,
            max_per_item=vote_round.max_per_item if vote_round else 0,
            vote_items=vote_round.items if vote_round else [],
            voters=vote_round.voters if vote_round else 0,
            results=vote_round.results if vote_round else [],
            results_note=anonymity.note(
                vote_round.split.as_record() if vote_round and vote_round.split else None, self.t
            ),
            proposals=room.proposals,
            has_consent=consent is not None,
            consent_open=bool(consent and consent.is_open),
            consent_revealed=bool(consent and consent.revealed),
            consent_proposal_id=consent.proposal_id if consent else 0,
            consent_text=consent.proposal_text if consent else "",
            consent_answered=consent.answered if consent else 0,
            consent_counts=consent.counts if consent else {},
            consent_by_group=consent.by_group if consent else [],
            consent_note=anonymity.note(
                consent.split.as_record() if consent and consent.split else None, self.t
            ),
            consent_objections=consent.objections if consent else [],
        )
        if view.timer_ends_ms:
            self.server_now_ms = now_ms()  # the countdown's reference, only while one runs


class Downloads(rx.State, mixin=True):
    """Handing the decision log to the browser, made off the event loop, with progress."""

    #: The export being made ("pdf", "json", "csv"), for the progress indicator.
    exporting: str = ""

    async def _deliver(self, read_record: Callable[..., dict], file_format: str, **kwargs):
        """Read the record (a domain call that checks the caller), render, yield the download.

        For background handlers: the state lock is held only to flag progress and refusals;
        reading and rendering happen in the export process.
        """
        if file_format not in SUFFIX:
            return
        async with self:
            if self.exporting:
                return
            self.exporting = file_format
        try:
            data, name = await export_file(read_record, file_format, **kwargs)
        except DomainError as refusal:
            async with self:
                self.error_key = refusal.key
            return
        finally:
            async with self:
                self.exporting = ""
        async with self:
            self.error_key = ""
        yield rx.download(data=data, filename=name)
