"""The records page: policy teams open the logs of closed workshops with the organisation's key."""

import reflex as rx

from livinglab.record import ClosedWorkshop, closed_record, closed_workshops
from livinglab.web.state.view import Downloads, LanguageState, ViewState


class RecordsState(ViewState, Downloads, LanguageState):
    """Behind LIVINGLAB_RECORDS_KEY; the key is checked on the server for every request."""

    records_key: str = rx.Cookie(
        "", name="livinglab_records", max_age=60 * 60 * 8, same_site="strict"
    )
    workshops: list[ClosedWorkshop] = []
    opened: bool = False

    @rx.event
    async def open_records(self, form: dict):
        """Check the typed key and list the closed workshops."""
        key = str(form.get("key", ""))
        listed = await self._domain(closed_workshops, key=key)
        self.opened = listed is not None
        if listed is not None:
            self.records_key = key
            self.workshops = listed

    @rx.event
    async def on_load(self):
        """Reopen with the key kept in the cookie; a key that no longer works is forgotten."""
        if self.records_key:
            listed = await self._domain(closed_workshops, key=self.records_key)
            self.opened = listed is not None
            self.workshops = listed or []
            if listed is None:
                self.records_key = ""

    @rx.event(background=True)
    async def download(self, code: str, file_format: str):
        """One closed workshop's log as PDF, JSON or CSV."""
        async for event in self._deliver(
            closed_record, str(file_format), key=self.records_key, code=str(code)
        ):
            yield event
