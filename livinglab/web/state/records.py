"""The records library: policy teams read the logs of closed workshops with the
organisation's key, in the browser or as files."""

from urllib.parse import urlencode

import reflex as rx

from livinglab.errors import (
    AccessRevoked,
    RecordsSwitchedOff,
    RoleRequired,
    SignInRequired,
    WrongRecordsKey,
)
from livinglab.limits import SEARCH_MAX
from livinglab.models import RecordChange
from livinglab.records import followups
from livinglab.records.access import ReaderLine, invite, readers, require_access, revoke
from livinglab.records.corrections import (
    ErasureLine,
    correct_as_reader,
    grant_erasure,
    waiting_erasures,
)
from livinglab.records.library import (
    ClosedWorkshop,
    closed_record,
    closed_workshops,
    record_chain,
)
from livinglab.records.search import Hit, RecurringTheme, find, recurring_themes
from livinglab.records.view import RecordView, read_log
from livinglab.web import routes
from livinglab.web.state.view import Downloads, LanguageState, ViewState, as_int, path_code

#: Refusals after which this browser may not read the library any more.
LOCKED_OUT = frozenset(
    refusal.key
    for refusal in (
        AccessRevoked,
        RecordsSwitchedOff,
        RoleRequired,
        SignInRequired,
        WrongRecordsKey,
    )
)


class RecordsState(ViewState, Downloads, LanguageState):
    """Behind LIVINGLAB_RECORDS_KEY; the key is checked on the server for every request."""

    records_key: str = rx.Cookie(
        "", name="livinglab_records", max_age=60 * 60 * 8, same_site="strict"
    )
    workshops: list[ClosedWorkshop] = []
    opened: bool = False
    #: The log read on /records/[code] (None until read, or when refused).
    record: RecordView | None = None
    #: Which form a refusal belongs beside ("action-12", "invite"; "" elsewhere).
    error_at: str = ""
    #: True for the organisation key's holder: they invite and revoke people.
    organisation: bool = False
    readers: list[ReaderLine] = []
    #: True for a person with update access (and the organisation key): they correct
    #: records and grant requests to remove stories.
    may_update: bool = False
    #: Participants' requests to remove their stories, waiting for someone with update access.
    erasures: list[ErasureLine] = []
    #: The access link just made, shown once.
    new_link: str = ""
    #: The last search that was not refused: what was typed, what it found, and whether it
    #: found more than are shown.
    searched: bool = False
    query: str = ""
    hits: list[Hit] = []
    more: bool = False
    #: Across the workshops: actions still to be done (overdue first), themes that came back.
    open_actions: list[followups.OpenAction] = []
    recurring: list[RecurringTheme] = []
    #: The person's own iCalendar feed of open actions (their credential is in it).
    calendar_link: str = ""

    async def _domain(self, call, **kwargs):
        """A domain call; a refusal that says this browser may no longer read the library (a
        link taken back, a member removed or without a records role any more) empties the
        page at once: nothing of the records stays on the screen."""
        result = await super()._domain(call, **kwargs)
        if self.error_key in LOCKED_OUT and (self.opened or self.record is not None):
            self._empty()
        return result

    def _empty(self) -> None:
        self.opened, self.record, self.error_at = False, None, ""
        self.organisation = self.may_update = self.searched = self.more = False
        self.workshops, self.readers, self.erasures, self.hits = [], [], [], []
        self.open_actions, self.recurring = [], []
        self.new_link = self.calendar_link = self.query = ""

    def _credential(self) -> str:
        """The records key or link this browser keeps; without one, the member session (a
        records_reader or records_updater signed in: never copied into a readable cookie)."""
        return self.records_key or self._session_token()

    async def _list(self, key: str) -> bool:
        """List the closed workshops for `key`; a key that does not work is forgotten.
        "" lists them for the signed-in member, if their roles allow it."""
        self.error_at = ""
        listed = await self._domain(closed_workshops, key=key or self._session_token())
        self.opened = listed is not None
        self.workshops = listed or []
        self.records_key = key if listed is not None else ""
        return listed is not None

    async def _read_record(self) -> None:
        """The log of the workshop in the address, in that workshop's language."""
        self.record = await self._domain(
            read_log, credential=self._credential(), code=path_code(self.router.url.path)
        )
        if self.record is not None:
            self._set_language(self.record.language)

    @rx.event
    async def open_records(self, form: dict):
        """Check the typed key, list the closed workshops (and read the log on its page)."""
        if not await self._list(str(form.get("key", ""))):
            return
        if path_code(self.router.url.path):
            await self._read_record()
        else:
            await self._read_library()

    @rx.event
    async def on_load(self):
        """Reopen with the key kept in the cookie; a key that no longer works is forgotten.

        A person's invite link (/records?access=TOKEN) moves its token into the cookie and
        out of the address bar, as the facilitator's key does.
        """
        link_access = self.router.url.query_parameters.get("access", "")
        credential = link_access or self.records_key
        self.new_link = ""
        if (credential or self._session_token()) and await self._list(credential):
            await self._read_library()
        elif not credential:
            self.error_key = ""  # a member without a records role reads the key form
        if link_access:
            return rx.redirect(routes.RECORDS, replace=True)
        return None

    async def _read_library(self) -> None:
        """What /records shows beside the list: who may read, and the views across workshops."""
        await self._read_access()
        self.open_actions = (
            await self._domain(followups.open_actions, credential=self._credential()) or []
        )
        self.recurring = await self._domain(recurring_themes, credential=self._credential()) or []
        # A calendar keeps its address in many places: a person's own link, never the
        # organisation's key (which also invites people).
        # A member signed in has no link to put there (their session stays in its cookie).
        feed = urlencode({"access": self.records_key})
        self.calendar_link = (
            ""
            if self.organisation or not self.records_key
            else f"{self.router.url.origin}{routes.ACTIONS_CALENDAR}?{feed}"
        )

    @rx.event
    async def search(self, form: dict):
        """Search every closed workshop with the filters; a refusal keeps what was shown."""
        self.error_at = "search"
        query = str(form.get("query", "")).strip()[:SEARCH_MAX]
        found = await self._domain(
            find,
            credential=self._credential(),
            query=query,
            since=str(form.get("since", "")),
            until=str(form.get("until", "")),
            place=str(form.get("place", "")),
            organiser=str(form.get("organiser", "")),
            outcome=str(form.get("outcome", "")),
            action_status=str(form.get("action_status", "")),
        )
        if found is not None:
            self.searched, self.query, self.hits, self.more = True, query, found.hits, found.more

    async def _read_access(self) -> None:
        """Who may read the library: only the organisation key sees and changes the list."""
        caller = await self._domain(require_access, credential=self._credential())
        self.organisation = bool(caller and caller.organisation)
        self.may_update = bool(caller and caller.may_update)
        await self._read_erasures()
        self.readers = (
            await self._domain(readers, credential=self._credential()) or []
            if self.organisation
            else []
        )

    async def _read_erasures(self) -> None:
        self.erasures = (
            await self._domain(waiting_erasures, credential=self._credential()) or []
            if self.may_update
            else []
        )

    @rx.event
    async def invite(self, form: dict):
        """A person's own access link, shown once (only its hash is stored)."""
        self.error_at = "invite"
        made = await self._domain(
            invite,
            credential=self._credential(),
            name=str(form.get("name", "")),
            level=str(form.get("level", "")),
        )
        if made is not None:
            self.new_link = f"{self.router.url.origin}{routes.RECORDS}?access={made[1]}"
            await self._read_access()

    @rx.event
    async def revoke(self, reader_id: int):
        """Take a person's link back: their next request is refused."""
        self.error_at = "invite"
        await self._domain(revoke, credential=self._credential(), reader_id=as_int(reader_id))
        await self._read_access()

    @rx.event
    async def on_load_record(self):
        """/records/[code]: the log of one closed workshop, with the key kept in the cookie."""
        self.record = None
        if self._credential() and await self._list(self.records_key):
            await self._read_record()

    @rx.event
    async def follow_up(self, form: dict):
        """Append a dated update to an action (update access, checked on the server)."""
        action_id = as_int(form.get("action_id", ""))
        self.error_at = f"action-{action_id}"
        updated = await self._domain(
            followups.update_action,
            credential=self._credential(),
            action_id=action_id,
            status=str(form.get("status", "")),
            note=str(form.get("note", "")),
        )
        if updated is not None:
            await self._read_record()

    @rx.event
    async def correct(self, form: dict):
        """Hide a story of the log, or change the smallest group, with the reason typed: the
        record gets a new version (update access, checked on the server)."""
        change = str(form.get("change", ""))
        insight_id = as_int(form.get("insight_id", ""))
        group = change == RecordChange.SMALLEST_GROUP
        self.error_at = "correct-group" if group else f"correct-{insight_id}"
        target = {"size": form.get("size", "")} if group else {"insight_id": insight_id}
        made = await self._domain(
            correct_as_reader,
            credential=self._credential(),
            code=path_code(self.router.url.path),
            change=change,
            reason=str(form.get("reason", "")),
            **target,
        )
        if made is not None:
            await self._read_record()

    @rx.event
    async def grant_erasure(self, form: dict):
        """Remove the stories of a participant who asked for it, with a reason: a new version
        of their workshop's record (update access, checked on the server)."""
        request_id = as_int(form.get("request_id", ""))
        self.error_at = f"erasure-{request_id}"
        await self._domain(
            grant_erasure,
            credential=self._credential(),
            request_id=request_id,
            reason=str(form.get("reason", "")),
        )
        if not self.error_key:
            await self._read_erasures()

    @rx.event(background=True)
    async def download(self, code: str, file_format: str):
        """One closed workshop's log as PDF, JSON or CSV, or every version of it ("chain")."""
        read = record_chain if file_format == "chain" else closed_record
        async for event in self._deliver(
            read, str(file_format), key=self._credential(), code=str(code)
        ):
            yield event
