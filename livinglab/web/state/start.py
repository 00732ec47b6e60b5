"""The start page: a facilitator creates a workshop and gets the private link once."""

import reflex as rx

from livinglab import workshops
from livinglab.limits import RETENTION_DEFAULT_MONTHS
from livinglab.web import keyring, routes
from livinglab.web.state.console import FacilitatorState
from livinglab.web.state.view import LanguageState, ViewState


class StartState(ViewState, LanguageState):
    """Creating a workshop. The facilitator link is shown once and kept in a cookie."""

    created: bool = False
    facilitator_link: str = ""
    console_path: str = ""
    projector_path: str = ""

    @rx.event
    def choose_language(self, language: str):
        """Show the form in the language the workshop will use."""
        if language in workshops.LANGUAGES:
            self._set_language(language)

    @rx.event
    async def create(self, form: dict):
        created = await self._domain(
            workshops.create_workshop,
            title=form.get("title", ""),
            question=form.get("question", ""),
            place=form.get("place", ""),
            organisers=form.get("organisers", ""),
            language=form.get("language", "nl"),
            uses_names=form.get("names", "") == "first_name",
            retention_months=form.get("retention", RETENTION_DEFAULT_MONTHS),
        )
        if created is None:
            return
        workshop, key = created
        self._set_language(workshop.language)
        origin = self.router.url.origin
        self.console_path = routes.console(workshop.code)
        self.projector_path = routes.projector(workshop.code)
        self.facilitator_link = f"{origin}{self.console_path}?key={key}"
        facilitator = await self.get_state(FacilitatorState)
        facilitator.facilitator_keys = keyring.store(
            facilitator.facilitator_keys, workshop.code, key
        )
        self.created = True

    @rx.event
    def start_over(self):
        self.created = False
        self.facilitator_link = ""
