"""The start page: a signed-in facilitator creates a workshop (empty, from a ready agenda, or
like an earlier one of theirs) and gets the private link once; it lists the workshops this
browser runs and, signed in, every workshop the member runs on any device.

A visitor who is not signed in sees no form: only members of the organisation start
workshops (the handlers refuse them too, whatever a client sends)."""

import reflex as rx

from livinglab import agendas, demo, workshops
from livinglab.agendas import AgendaChoice, OwnWorkshop
from livinglab.errors import DomainError
from livinglab.limits import RETENTION_DEFAULT_MONTHS
from livinglab.models import MemberRole
from livinglab.organisation import members
from livinglab.organisation.members import SignedIn
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
    #: Who is signed in on this browser ("" when nobody), and what they may do.
    member_name: str = ""
    member_roles: str = ""
    may_start: bool = False
    is_admin: bool = False

    @rx.var
    def signed_in(self) -> bool:
        return self.member_name != ""

    async def _member(self) -> SignedIn | None:
        """The signed-in member, and what the page shows of them (read again on every act)."""
        by = await self._signed_in()
        self.member_name = by.name if by else ""
        self.member_roles = (
            ", ".join(
                self.t.get(f"start_member_role_{role}", role)
                for role in members.ROLES
                if by.holds(role)
            )
            if by
            else ""
        )
        self.may_start = bool(by and by.holds(*members.RUNS_WORKSHOPS))
        self.is_admin = bool(by and by.holds(MemberRole.ADMIN))
        return by

    async def _starter(self) -> SignedIn | None:
        """The signed-in member if they may start workshops; else the refusal is shown."""
        by = await self._member()
        try:
            return members.require(by, *members.RUNS_WORKSHOPS)
        except DomainError as refusal:
            self.error_key = refusal.key
            return None

    async def _keys(self) -> dict[str, str]:
        """The facilitator keys this browser keeps (its cookie), by workshop code."""
        facilitator = await self.get_state(FacilitatorState)
        return keyring.entries(facilitator.facilitator_keys)

    async def _load_choices(self, by: SignedIn | None = None) -> None:
        choices = await self._domain(agendas.agendas, language=self.lang)
        self.agendas = choices or []
        self.own = await self._domain(agendas.own_workshops, keys=await self._keys(), by=by) or []

    async def _like_key(self, code: str) -> str:
        """What opens an earlier workshop: this browser's key, else the member's session."""
        return (await self._keys()).get(code, "") or self._session_token()

    @rx.event
    async def on_load(self):
        """Who is signed in, the agendas in the page's language, and the member's workshops."""
        by = await self._member()
        await self._load_choices(by)
        self.database_empty = await self._domain(demo.holds_workshops) is False

    @rx.event
    async def make_demo(self):
        """Make the sample workshops (as `python -m livinglab demo` does) and show their pages;
        this browser keeps their facilitator keys, like a workshop it made. Members who
        run workshops only."""
        by = await self._starter()
        if by is None:
            return
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
        await self._load_choices(by)

    @rx.event
    async def choose_language(self, language: str):
        """Show the form (and the agendas) in the language the workshop will use."""
        if language in workshops.LANGUAGES:
            self._set_language(language)
            self.template = EMPTY
            self.title_start = self.question_start = ""
            await self._load_choices(await self._member())

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
            if earlier.lead and choice == LIKE + earlier.code:
                self.template, self.title_start = choice, earlier.title
                self.question_start = earlier.question

    @rx.event
    async def create(self, form: dict):
        """Start the workshop: only for a signed-in member who runs workshops (checked here
        and again by the domain, whatever the page showed)."""
        by = await self._starter()
        if by is None:
            return
        like = self.template.removeprefix(LIKE) if self.template.startswith(LIKE) else ""
        created = await self._domain(
            agendas.create_prepared,
            by=by,
            agenda_id=0 if like or self.template == EMPTY else as_int(self.template),
            like_code=like,
            like_key=await self._like_key(like) if like else "",
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
        await self._load_choices(await self._member())
