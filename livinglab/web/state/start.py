"""The start page: a facilitator creates a workshop (empty, from a ready agenda, or like an
earlier one of theirs) and gets the private link once; it lists the workshops this browser
runs, so a lost link is not a lost workshop."""

import reflex as rx

from livinglab import agendas, demo, workshops
from livinglab.agendas import AgendaChoice, OwnWorkshop
from livinglab.limits import RETENTION_DEFAULT_MONTHS
from livinglab.web import keyring, routes
from livinglab.web.state.console import FacilitatorState
from livinglab.web.state.view import LanguageState, ViewState, as_int

#: The template choice "an empty workshop".
EMPTY = "empty"
#: A template choice "like this earlier workshop" is LIKE + its code.
LIKE = "like-"


class StartState(ViewState, LanguageState):
    """Creating a workshop. The facilitator link is shown once and kept in a cookie."""

    created: bool = False
    facilitator_link: str = ""
    console_path: str = ""
    projector_path: str = ""
    agendas: list[AgendaChoice] = []
    own: list[OwnWorkshop] = []
    #: The chosen template: EMPTY, an agenda's id, or LIKE + a code.
    template: str = EMPTY
    #: What the form starts with for the chosen template.
    title_start: str = ""
    question_start: str = ""
    #: No workshop at all in the database: the page offers the sample workshops.
    database_empty: bool = False
    #: The sample workshops' pages once made: {"label": catalog key, "href": address}.
    demo_links: list[dict[str, str]] = []

    async def _keys(self) -> dict[str, str]:
        """The facilitator keys this browser keeps (its cookie), by workshop code."""
        facilitator = await self.get_state(FacilitatorState)
        return keyring.entries(facilitator.facilitator_keys)

    async def _load_choices(self) -> None:
        choices = await self._domain(agendas.agendas, language=self.lang)
        self.agendas = choices or []
        self.own = await self._domain(agendas.own_workshops, keys=await self._keys()) or []

    @rx.event
    async def on_load(self):
        """The agendas in the page's language, and the workshops this browser runs."""
        await self._load_choices()
        self.database_empty = await self._domain(demo.holds_workshops) is False

    @rx.event
    async def make_demo(self):
        """Make the sample workshops (as `python -m livinglab demo` does) and show their pages;
        this browser keeps their facilitator keys, like a workshop it made."""
        made = await self._domain(demo.create_demo)
        self.database_empty = False  # made now, or refused: real workshops came meanwhile
        if made is None:
            return
        facilitator = await self.get_state(FacilitatorState)
        for workshop in made:
            facilitator.facilitator_keys = keyring.store(
                facilitator.facilitator_keys, workshop.code, workshop.key
            )
        self.demo_links = [
            {"label": label, "href": href}
            for label, href in routes.demo_links(self.router.url.origin, *made)
        ]
        await self._load_choices()

    @rx.event
    async def choose_language(self, language: str):
        """Show the form (and the agendas) in the language the workshop will use."""
        if language in workshops.LANGUAGES:
            self._set_language(language)
            self.template = EMPTY
            self.title_start = self.question_start = ""
            await self._load_choices()

    @rx.event
    def choose_template(self, choice: str):
        """Start the form from a ready agenda or an earlier workshop (its question, its plan)."""
        choice = str(choice)
        self.template = EMPTY
        self.title_start = self.question_start = ""
        for agenda in self.agendas:
            if choice == str(agenda.id):
                self.template, self.title_start = choice, agenda.name
                self.question_start = agenda.question
        for earlier in self.own:
            if choice == LIKE + earlier.code:
                self.template, self.title_start = choice, earlier.title
                self.question_start = earlier.question

    @rx.event
    async def create(self, form: dict):
        like = self.template.removeprefix(LIKE) if self.template.startswith(LIKE) else ""
        keys = await self._keys() if like else {}
        created = await self._domain(
            agendas.create_prepared,
            agenda_id=0 if like or self.template == EMPTY else as_int(self.template),
            like_code=like,
            like_key=keys.get(like, ""),
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
        self.facilitator_link = routes.console_link(origin, workshop.code, key)
        facilitator = await self.get_state(FacilitatorState)
        facilitator.facilitator_keys = keyring.store(
            facilitator.facilitator_keys, workshop.code, key
        )
        self.created = True

    @rx.event
    async def start_over(self):
        self.created = False
        self.facilitator_link = ""
        self.template = EMPTY
        self.title_start = self.question_start = ""
        await self._load_choices()
