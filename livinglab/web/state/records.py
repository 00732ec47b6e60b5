"""The records library: policy teams read the logs of closed workshops with the
organisation's key, in the browser or as files."""

import reflex as rx

from livinglab.i18n import catalog
from livinglab.record import ClosedWorkshop, closed_record, closed_workshops
from livinglab.record_view import RecordView, record_view
from livinglab.web.state.view import Downloads, LanguageState, ViewState, path_code


class RecordsState(ViewState, Downloads, LanguageState):
    """Behind LIVINGLAB_RECORDS_KEY; the key is checked on the server for every request."""

    records_key: str = rx.Cookie(
        "", name="livinglab_records", max_age=60 * 60 * 8, same_site="strict"
    )
    workshops: list[ClosedWorkshop] = []
    opened: bool = False
    #: The log read on /records/[code] (None until read, or when refused).
    record: RecordView | None = None

    async def _list(self, key: str) -> bool:
        """List the closed workshops for `key`; a key that does not work is forgotten."""
        listed = await self._domain(closed_workshops, key=key)
        self.opened = listed is not None
        self.workshops = listed or []
        self.records_key = key if listed is not None else ""
        return listed is not None

    async def _read_record(self) -> None:
        """The log of the workshop in the address, in that workshop's language."""
        record = await self._domain(
            closed_record, key=self.records_key, code=path_code(self.router.url.path)
        )
        if record is None:
            self.record = None
            return
        self._set_language(record["workshop"]["language"])
        self.record = record_view(record, catalog(self.lang))

    @rx.event
    async def open_records(self, form: dict):
        """Check the typed key, list the closed workshops (and read the log on its page)."""
        if await self._list(str(form.get("key", ""))) and path_code(self.router.url.path):
            await self._read_record()

    @rx.event
    async def on_load(self):
        """Reopen with the key kept in the cookie; a key that no longer works is forgotten."""
        if self.records_key:
            await self._list(self.records_key)

    @rx.event
    async def on_load_record(self):
        """/records/[code]: the log of one closed workshop, with the key kept in the cookie."""
        self.record = None
        if self.records_key and await self._list(self.records_key):
            await self._read_record()

    @rx.event(background=True)
    async def download(self, code: str, file_format: str):
        """One closed workshop's log as PDF, JSON or CSV."""
        async for event in self._deliver(
            closed_record, str(file_format), key=self.records_key, code=str(code)
        ):
            yield event
