"""A participant's phone: joining, the stage, posting and managing one's own insights."""

from dataclasses import dataclass

import reflex as rx

from livinglab import codes, dialogue, insights, reactions, sensemaking, throttle, voting, workshops
from livinglab.errors import JoinWaits, TooManyAttempts, WorkshopNotFound
from livinglab.insights import InsightCard
from livinglab.realtime.hub import Audience
from livinglab.realtime.snapshots import PhoneSnapshot, RoomView, phone_snapshot
from livinglab.records.corrections import ask_erasure
from livinglab.web import keyring, room, routes
from livinglab.web.state.view import (
    LanguageState,
    RoomMirror,
    ViewState,
    as_int,
    new_ref,
    path_code,
    show,
)

TOKEN_COOKIE_MAX_AGE = 60 * 60 * 24 * 365
#: The id of the story field, emptied only once the story is stored (a refusal keeps it).
INSIGHT_FIELD = "insight"


@dataclass(frozen=True)
class BallotLine:
    """One item on a phone's ballot, with the dots this person put on it."""

    item_id: int
    label: str
    mine: int


class PhoneState(ViewState, RoomMirror, LanguageState):
    """One phone in the room. Identity comes from the server-issued token in a cookie."""

    participant_tokens: str = rx.Cookie(
        "", name="livinglab_participant", max_age=TOKEN_COOKIE_MAX_AGE
    )
    loaded: bool = False
    found: bool = False
    joined: bool = False
    code: str = ""
    title: str = ""
    question: str = ""
    uses_names: bool = False
    my_insights: list[InsightCard] = []
    #: This participant's own dots per item in the latest round (never anyone else's).
    my_dots: dict[str, int] = {}
    suggestion_sent: bool = False
    #: This person's own answer in the latest consent round ("" when none).
    my_answer: str = ""
    proposal_sent: bool = False
    #: This person's own quick reactions, as "theme_id:kind".
    my_reactions: list[str] = []
    #: The id the next post goes out with: a double tap sends the same id twice.
    draft_ref: str = ""
    editing_id: int = -1
    just_sent: bool = False
    #: Signals to the phone's outbox (assets/outbox.js watches them on the page): a story
    #: was answered; the page (re)loaded, so stories still waiting are sent again.
    #: Counters in the page, not scripts from the server: the CSP allows no eval.
    stories_answered: int = 0
    page_loads: int = 0
    #: Goes up each time joining must wait (too many new phones from one address): the
    #: outbox then sends the join form again by itself, with what the person chose.
    join_waits: int = 0
    #: Which control the last refusal belongs to ("post", "ballot-3", "suggest-12"): the
    #: page shows the message beside it, where the person just tapped.
    error_at: str = ""
    #: After closing, this person's request to remove their stories: "" (none), "waiting",
    #: "granted"; and whether the phone is asking "are you sure?" first.
    erasure: str = ""
    confirming_erasure: bool = False

    async def _domain_at(self, at: str, call, **kwargs):
        """`_domain`, with a refusal shown beside the control `at`."""
        self.error_at = at
        return await self._domain(call, **kwargs)

    def _token(self) -> str:
        return keyring.read(self.participant_tokens, self.code)

    def apply_pushed(self, room: RoomView) -> None:
        """Follow the room: stage, prompt, timer, themes, vote round (pushed by the room hub)."""
        if room.stage.stage != self.stage:
            self.editing_id = -1
            self.just_sent = False
        self._apply_room(room)

    def _apply(self, snapshot: PhoneSnapshot) -> None:
        self.apply_pushed(snapshot.room)
        self._show_dots(snapshot.my_dots)
        self._set_language(snapshot.info.language)
        show(
            self,
            my_answer=snapshot.my_answer,
            found=True,
            title=snapshot.info.title,
            question=snapshot.info.question,
            uses_names=snapshot.info.uses_names,
            joined=snapshot.joined,
            my_insights=snapshot.my_insights,
            my_reactions=snapshot.my_reactions,
            erasure=snapshot.erasure,
        )

    def _show_dots(self, dots: dict[int, int]) -> None:
        show(self, my_dots={str(item): count for item, count in dots.items()})

    async def _refresh(self) -> None:
        snapshot = await self._domain(phone_snapshot, code=self.code, token=self._token())
        if snapshot is not None:
            self._apply(snapshot)

    @rx.event
    async def on_load(self):
        """Rebuild this phone's view from the database: first visit, reload or reconnect."""
        self.code = codes.normalize_code(path_code(self.router.url.path))
        self.loaded = False
        self.error_at = ""  # a refusal while loading belongs to the page, not a control
        # Guessing codes is throttled per address; a phone that already joined this
        # workshop (its token proves it) is never held back by others' typos.
        client = self.router.session.client_token
        if not self._token() and throttle.wrong_codes().blocked(self._client_address()):
            self.error_key = TooManyAttempts.key
            self.found = False
        else:
            # Watch before reading: a change committed meanwhile is pushed after this
            # handler lets go of the state, so the phone never keeps a stale view.
            room.hub().watch(self.code, Audience.PHONE, client)
            await self._refresh()
            if self.error_key == WorkshopNotFound.key:
                throttle.wrong_codes().record_failure(self._client_address())
                self.found = False
        if not self.found:
            room.hub().forget(client)
        if not self.draft_ref:
            self.draft_ref = new_ref()
        self.loaded = True
        # A reconnect: a story still waiting may have been lost in a dead connection.
        self.page_loads += 1

    @rx.event
    async def join(self, form: dict):
        """Join with an optional first name and a role; the token goes into a cookie."""
        if self.joined and self._token():
            return
        joined = await self._domain_at(
            "join",
            workshops.join,
            code=self.code,
            name=form.get("name", ""),
            role=form.get("role", ""),
            address=self._client_address(),
        )
        if joined is None:
            if self.error_key == JoinWaits.key:
                self.join_waits += 1
            return
        _participant, token = joined
        self.participant_tokens = keyring.store(self.participant_tokens, self.code, token)
        await self._refresh()

    @rx.event
    async def post_insight(self, form: dict):
        """Post a story; the form's ref makes a double tap or a resend count once."""
        posted = await self._domain_at(
            "post",
            insights.post_insight,
            code=self.code,
            token=self._token(),
            text=form.get("text", ""),
            client_ref=form.get("ref", ""),
        )
        self.stories_answered += 1
        if posted is None:
            self.just_sent = False
            return None
        self.draft_ref = new_ref()
        self.just_sent = True
        await self._refresh()
        return rx.set_value(INSIGHT_FIELD, "")

    @rx.event
    def start_edit(self, insight_id: int):
        self.editing_id = insight_id
        self.just_sent = False

    @rx.event
    def cancel_edit(self):
        self.editing_id = -1

    @rx.event
    async def save_edit(self, form: dict):
        """Change one's own insight (the server checks it is one's own)."""
        await self._domain_at(
            "edit",
            insights.edit_insight,
            code=self.code,
            token=self._token(),
            insight_id=as_int(form.get("insight_id")),
            text=form.get("text", ""),
        )
        if self.error_key:
            return
        self.editing_id = -1
        await self._refresh()

    @rx.event
    async def withdraw(self, insight_id: int):
        """Take one's own insight away."""
        await self._domain_at(
            f"card-{insight_id}",
            insights.withdraw_insight,
            code=self.code,
            token=self._token(),
            insight_id=as_int(insight_id),
        )
        if self.error_key:
            return
        await self._refresh()

    @rx.event
    async def suggest_theme(self, form: dict):
        """Propose a theme for one's own card; the facilitator accepts it or not."""
        await self._domain_at(
            f"suggest-{form.get('insight_id')}",
            sensemaking.suggest_theme_for_own_insight,
            code=self.code,
            token=self._token(),
            insight_id=as_int(form.get("insight_id")),
            theme_id=as_int(form.get("theme_id")),
        )
        self.suggestion_sent = not self.error_key

    @rx.event
    async def add_dot(self, item_id: int):
        """Put one dot on an item; the database refuses anything over the budget or cap."""
        dots = await self._domain_at(
            f"ballot-{item_id}",
            voting.cast_votes,
            code=self.code,
            token=self._token(),
            item_ids=[as_int(item_id)],
        )
        self._after_vote(dots)

    @rx.event
    async def remove_dot(self, item_id: int):
        """Take one of one's own dots back from an item while the round is open."""
        dots = await self._domain_at(
            f"ballot-{item_id}",
            voting.take_back_vote,
            code=self.code,
            token=self._token(),
            item_id=as_int(item_id),
        )
        self._after_vote(dots)

    @rx.event
    async def send_proposal(self, form: dict):
        """Propose what should change; the facilitator puts it on the board or not."""
        await self._domain_at(
            "proposal",
            dialogue.send_proposal,
            code=self.code,
            token=self._token(),
            text=form.get("text", ""),
            theme_id=as_int(form.get("theme_id") or 0) or None,
        )
        self.proposal_sent = not self.error_key

    @rx.event
    async def answer_consent(self, form: dict):
        """Agree, can live with it, or object (with an optional one-line reason)."""
        await self._domain_at(
            "consent",
            dialogue.answer_consent,
            code=self.code,
            token=self._token(),
            answer=form.get("answer", ""),
            reason=form.get("reason", ""),
        )
        if not self.error_key:
            self.my_answer = form.get("answer", "")

    @rx.event
    async def react(self, theme_id: int, kind: str):
        """Give a quick reaction to a theme, or take it back (a second tap)."""
        mine = await self._domain_at(
            f"react-{theme_id}",
            reactions.toggle_reaction,
            code=self.code,
            token=self._token(),
            theme_id=as_int(theme_id),
            kind=str(kind),
        )
        if mine is not None:
            show(self, my_reactions=mine)

    @rx.event
    def confirm_erasure(self):
        """Asking to remove one's stories cannot be undone by oneself: ask first."""
        self.confirming_erasure = True

    @rx.event
    def cancel_erasure(self):
        self.confirming_erasure = False

    @rx.event
    async def ask_erasure(self):
        """After closing: ask the organisation to remove all of one's stories (asking twice
        is one request)."""
        asked = await self._domain_at("erasure", ask_erasure, code=self.code, token=self._token())
        self.confirming_erasure = False
        if asked is not None:
            await self._refresh()

    def _after_vote(self, dots: dict[int, int] | None) -> None:
        """Show this person's own dots; the room (items, round) comes from the hub's pushes."""
        if dots is not None:
            self._show_dots(dots)

    @rx.var
    def ballot(self) -> list[BallotLine]:
        """The round's items with this person's own dots on each."""
        return [
            BallotLine(item_id=item.id, label=item.label, mine=self.my_dots.get(str(item.id), 0))
            for item in self.vote_items
        ]

    @rx.var
    def dots_left(self) -> int:
        return max(0, self.dots_per_person - sum(self.my_dots.values()))


class JoinCodeState(ViewState, LanguageState):
    """The /j page: type the code instead of scanning it."""

    @rx.event
    async def go(self, form: dict):
        address = self._client_address()
        if throttle.wrong_codes().blocked(address):
            self.error_key = TooManyAttempts.key
            return None
        code = codes.normalize_code(form.get("code", ""))
        workshop = await self._domain(workshops.find_workshop, code=code)
        if workshop is None:
            throttle.wrong_codes().record_failure(address)
            return None
        return rx.redirect(routes.phone(workshop.code))
