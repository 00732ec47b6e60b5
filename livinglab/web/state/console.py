"""The facilitator's state, behind the console and the projector: the full board."""

from dataclasses import dataclass

import reflex as rx

from livinglab import (
    anonymity,
    codes,
    cofacilitators,
    dialogue,
    insights,
    retention,
    sensemaking,
    voting,
    workshops,
)
from livinglab.codes import format_code
from livinglab.cofacilitators import CoFacilitatorView
from livinglab.dialogue import ProposalView
from livinglab.errors import NotFacilitator
from livinglab.insights import InsightCard
from livinglab.joinurl import is_loopback, join_url, qr_svg_data_uri
from livinglab.limits import DEFAULT_DOTS, DEFAULT_PER_ITEM, MAX_DOTS, SMALLEST_GROUP_DEFAULT
from livinglab.organisation import members, runs
from livinglab.organisation.runs import Colleague
from livinglab.realtime.hub import Audience
from livinglab.realtime.snapshots import (
    BoardSnapshot,
    PaperParticipant,
    ThemeProposal,
    board_snapshot,
)
from livinglab.records.corrections import correct_as_runner
from livinglab.records.library import facilitator_record
from livinglab.sensemaking import ProposedTheme
from livinglab.voting import RoleBalance
from livinglab.web import keyring, room, routes
from livinglab.web.state.view import (
    Downloads,
    LanguageState,
    RoomMirror,
    ViewState,
    as_int,
    held,
    new_ref,
    path_code,
    show,
)
from livinglab.workshops import is_themed, projector_shows

KEY_COOKIE_MAX_AGE = 60 * 60 * 24 * 90
PROXY_FIELD = "proxy-text"
UNGROUPED = "0"
#: The flat board is sent as two lists: the newest cards (at most this many), which a
#: post changes, and the earlier ones, which change once per this many posts. A post
#: then costs the projector a bounded update, not the whole board again.
NEWEST = 50


@dataclass(frozen=True)
class ThemeColumn:
    """A theme with its cards, as the board shows it (0 is the ungrouped column)."""

    id: int
    name: str
    cards: list[InsightCard]
    #: Quick reactions from phones: how many people gave each.
    recognise: int = 0
    affects_me: int = 0
    idea: int = 0


@dataclass(frozen=True)
class SuggestedGroup:
    """A group the suggester proposes, with its cards' texts for the facilitator to judge."""

    index: int
    name: str
    insight_ids: list[int]
    texts: list[str]
    #: The story that shows best what the group shares (shown beside the name).
    example: str
    #: The stories that fit no theme, gathered for the facilitator to sort by hand.
    other: bool


def _with_posted(cards: list[InsightCard], posted: list[InsightCard]) -> list[InsightCard]:
    """The board with just-posted cards added, newest first; a card already there stays once.

    The cards already held are kept as they are, so comparing the earlier part of the
    board with what the screen shows is an identity check, not a card-by-card one.
    """
    known = {card.id for card in cards}
    new = [card for card in posted if card.id not in known]
    return sorted(new + cards, key=lambda card: card.id, reverse=True) if new else cards


class FacilitatorState(ViewState, RoomMirror, Downloads, LanguageState):
    """Console and projector: authorised by the facilitator key, never by a hidden button."""

    facilitator_keys: str = rx.Cookie(
        "", name="livinglab_facilitator", max_age=KEY_COOKIE_MAX_AGE, same_site="strict"
    )
    authorised: bool = False
    #: The facilitator (True) or a co-facilitator (False, `cofacilitator_id` says which).
    is_lead: bool = False
    _cofacilitator_id: int = 0
    cofacilitators: list[CoFacilitatorView] = []
    #: A co-facilitator link just made, shown once to hand out ("" otherwise).
    new_cofacilitator_link: str = ""
    #: This console's own link as a QR code, to open it on a second device (asked for).
    own_link_qr: str = ""
    #: This browser deleted the workshop: the console says so instead of the board.
    deleted: bool = False
    loaded: bool = False
    code: str = ""
    code_shown: str = ""
    title: str = ""
    question: str = ""
    #: Every visible card, newest first (server side only: the views get the lists below).
    _cards: list[InsightCard] = []
    #: The flat board (welcome and collect): the newest cards, then the earlier ones.
    newest_cards: list[InsightCard] = []
    earlier_cards: list[InsightCard] = []
    hidden_cards: list[InsightCard] = []
    #: Stories waiting for review, oldest first, and whether new ones wait (review first).
    waiting_cards: list[InsightCard] = []
    review_first: bool = False
    #: The card whose author's stories "hide all" would hide: the console asks first (0: none).
    confirming_hide_all: int = 0
    #: The themed board (sensemaking and dialogue).
    columns: list[ThemeColumn] = []
    ungrouped: list[InsightCard] = []
    theme_proposals: list[ThemeProposal] = []
    balance: list[RoleBalance] = []
    paper: list[PaperParticipant] = []
    suggestion: list[SuggestedGroup] = []
    pending: list[ProposalView] = []
    suggestion_empty: bool = False
    #: The sentence model could not load: this suggestion comes from shared words alone.
    suggestion_by_words: bool = False
    #: The id the next story written for someone goes out with (a double click stores one).
    proxy_ref: str = ""
    join_url: str = ""
    #: The join URL without the code, so a narrow column breaks before the code.
    join_base: str = ""
    qr_code: str = ""
    url_is_loopback: bool = False
    #: What the facilitator chose the projector to show ("" follows the stage).
    projector_focus: str = ""
    #: What the projector shows now (a ProjectorFocus): the choice, else the stage's.
    projector_shows: str = "join"
    #: The proposal the dialogue is about now (none or one), and the others.
    focus_proposal: list[ProposalView] = []
    other_proposals: list[ProposalView] = []
    #: "Next step" would close the workshop: the console asks first (stage-close-confirm).
    confirming_close: bool = False
    #: How many people the facilitator counted in the room (0: not counted).
    people_in_room: int = 0
    smallest_group: int = SMALLEST_GROUP_DEFAULT
    #: The form the last refusal belongs to ("": the panel's message at its top).
    error_at: str = ""
    #: The ceiling of new phones per address this room ran into lately (0: none).
    crowded: int = 0
    #: This console runs on the member's session, not on a key this browser holds (then
    #: there is no link of its own to show).
    by_session: bool = False
    #: The lead member as this console opened (-1: not read yet), to notice a handover.
    _lead_member_id: int = -1
    #: Whom the lead (signed in) may hand the workshop over to.
    colleagues: list[Colleague] = []
    may_hand_over: bool = False

    def _held_key(self) -> str:
        """The facilitator or co-facilitator key this browser keeps for this workshop."""
        return keyring.read(self.facilitator_keys, self.code)

    def _key(self) -> str:
        """What proves this browser runs the workshop: its key, else the member's session
        (the workshop's lead, or a co-facilitator who opened their link signed in)."""
        return self._held_key() or self._session_token()

    def _lost_lead(self, snapshot: BoardSnapshot) -> bool:
        """The lead of this console was removed, lost the role, or handed the workshop over."""
        if not self.is_lead:
            return False
        if self._lead_member_id == -1:
            self._lead_member_id = snapshot.lead_member_id
        return not snapshot.lead_active or snapshot.lead_member_id != self._lead_member_id

    def apply_pushed(self, snapshot: BoardSnapshot) -> None:
        """Show a freshly read board (from this client's event or the room hub)."""
        if (
            self._cofacilitator_id
            and not any(
                helper.id == self._cofacilitator_id and helper.active
                for helper in snapshot.cofacilitators
            )
        ) or self._lost_lead(snapshot):
            self._lock_out()
            return
        if snapshot.room.stage.stage != self.stage:
            show(self, confirming_close=False)  # the question was about the stage left
        self._apply_room(snapshot.room)
        self._set_language(snapshot.info.language)
        show(
            self,
            title=snapshot.info.title,
            question=snapshot.info.question,
            theme_proposals=snapshot.theme_proposals,
            balance=snapshot.balance,
            paper=snapshot.paper,
            pending=snapshot.pending,
            cofacilitators=snapshot.cofacilitators if self.is_lead else [],
            projector_focus=snapshot.projector_focus,
            review_first=snapshot.review_first,
            people_in_room=snapshot.people_in_room,
            smallest_group=snapshot.smallest_group,
            crowded=snapshot.crowded,
            projector_shows=projector_shows(
                stage=self.stage,
                focus=snapshot.projector_focus,
                results_revealed=self.round_revealed,
            ).value,
        )
        proposals = held(self, "proposals")
        in_focus = dialogue.proposal_in_focus(proposals, self.consent_proposal_id)
        show(
            self,
            focus_proposal=[in_focus] if in_focus else [],
            # Newest first: the projector shows as many as fit and counts the rest.
            other_proposals=[p for p in reversed(proposals) if p is not in_focus],
        )
        if snapshot.waiting_cards is not None:
            show(self, waiting_cards=snapshot.waiting_cards)
        cards = held(self, "_cards")
        if snapshot.cards is not None:
            cards = snapshot.cards
            show(self, hidden_cards=snapshot.hidden_cards)
        elif snapshot.posted_cards:
            cards = _with_posted(cards, snapshot.posted_cards)
        if cards is not held(self, "_cards"):
            self._cards = cards
        if is_themed(self.stage):
            columns = [
                ThemeColumn(
                    id=theme.id,
                    name=theme.name,
                    cards=[card for card in cards if card.theme_id == theme.id],
                    **snapshot.reactions.get(theme.id, {}),
                )
                for theme in self.themes
            ]
            ungrouped = [card for card in cards if card.theme_id == 0]
            show(self, newest_cards=[], earlier_cards=[], columns=columns, ungrouped=ungrouped)
        else:
            earlier = (len(cards) - 1) // NEWEST * NEWEST if cards else 0
            show(
                self,
                newest_cards=cards[: len(cards) - earlier],
                earlier_cards=cards[len(cards) - earlier :],
                columns=[],
                ungrouped=[],
            )

    @rx.event
    async def on_load(self):
        """Check the key (from the link once, then the cookie), load the board, join the room."""
        self.code = codes.normalize_code(path_code(self.router.url.path))
        self.loaded = False
        link_key = self.router.url.query_parameters.get("key", "")
        key = link_key or self._key()
        runner = await self._domain(cofacilitators.require_runner, code=self.code, key=key)
        session_token = self._session_token()
        if runner is None and not link_key and session_token and key != session_token:
            # The key this browser kept stopped working (handed over and back): the session.
            runner = await self._domain(
                cofacilitators.require_runner, code=self.code, key=session_token
            )
            if runner is not None:
                self.facilitator_keys = keyring.drop(self.facilitator_keys, self.code)
        self.loaded = True
        self.authorised = runner is not None
        if runner is None:
            return None
        self.is_lead = not runner.cofacilitator_id
        self._cofacilitator_id = runner.cofacilitator_id
        self._lead_member_id = -1
        self.by_session = not link_key and not self._held_key()
        await self._as_member(link_key, is_helper=bool(runner.cofacilitator_id))
        room.hub().watch(
            self.code, Audience.FACILITATOR, self.router.session.client_token
        )  # before reading
        if not self.proxy_ref:
            self.proxy_ref = new_ref()
        await self._refresh()
        self.code_shown = format_code(self.code)
        self.join_url = join_url(self.code)
        self.join_base = self.join_url.removesuffix(self.code)
        self.url_is_loopback = is_loopback(self.join_url)
        self.qr_code = qr_svg_data_uri(self.join_url)
        if link_key:
            # Keep the key in a cookie and take it out of the address bar, which
            # the projector may be mirroring to the whole room.
            self.facilitator_keys = keyring.store(self.facilitator_keys, self.code, link_key)
            return rx.redirect(self.router.url.path, replace=True)
        return None

    async def _as_member(self, link_key: str, *, is_helper: bool) -> None:
        """Signed in as a member who runs workshops: a co-facilitator link opened now becomes
        theirs (the workshop is on their list); the lead gets the colleagues to hand over to."""
        self.colleagues = []
        self.may_hand_over = False
        by = await self._signed_in()
        if by is None or not by.holds(*members.RUNS_WORKSHOPS):
            return
        if is_helper:
            if link_key:
                await self._domain(cofacilitators.claim, code=self.code, key=link_key, by=by)
            return
        self.colleagues = await self._domain(runs.colleagues, by=by) or []
        self.may_hand_over = True

    def _lock_out(self) -> None:
        """This console's access ended (a co-facilitator's key was revoked, the lead was
        removed, lost the role or handed the workshop over): nothing of the room stays."""
        room.hub().forget(self.router.session.client_token)
        self.authorised = False
        self.is_lead = False
        self.may_hand_over = False
        self.colleagues = []
        self._cards = []
        for name in (
            "newest_cards",
            "earlier_cards",
            "hidden_cards",
            "waiting_cards",
            "ungrouped",
            "columns",
        ):
            setattr(self, name, [])
        self.error_key = NotFacilitator.key

    async def _refresh(self) -> None:
        snapshot = await self._domain(board_snapshot, code=self.code)
        if snapshot is not None:
            self.apply_pushed(snapshot)

    async def _domain(self, call, **kwargs):
        """A domain call; refused as no longer running the room (not merely a lead's act
        asked by a co-facilitator), the console empties."""
        self.error_at = ""
        result = await super()._domain(call, **kwargs)
        if self.error_key == NotFacilitator.key and self.authorised:
            runner = await super()._domain(
                cofacilitators.find_runner, code=self.code, key=self._key()
            )
            if runner is None:
                self._lock_out()
            else:
                self.error_key = NotFacilitator.key
        return result

    async def _act(self, call, *, at: str = "", **kwargs):
        """Run a facilitator action with this browser's key, then show the board again.

        `at`: the form a refusal is shown beside (a setting far down the panel).
        """
        result = await self._domain(call, code=self.code, key=self._key(), **kwargs)
        if self.error_key:
            self.error_at = at
            return None
        await self._refresh()
        return result

    @rx.event
    async def next_stage(self, seen: str):
        """Move on from `seen`, the stage the button was pressed at (a double click moves once).

        Closing cannot be undone for the phones: that step first asks (`close_workshop`).
        """
        if workshops.closes_workshop(str(seen)):
            self.confirming_close = True
            return
        await self._act(workshops.move_stage, step=1, seen=str(seen))

    @rx.event
    async def close_workshop(self, seen: str):
        """The facilitator confirmed: move from `seen` into the closed stage."""
        self.confirming_close = False
        await self._act(workshops.move_stage, step=1, seen=str(seen))

    @rx.event
    def cancel_close(self):
        self.confirming_close = False

    @rx.event
    async def previous_stage(self, seen: str):
        await self._act(workshops.move_stage, step=-1, seen=str(seen))

    @rx.event
    async def show_on_projector(self, focus: str):
        """Choose what the projector shows ("" follows the stage), without moving the stage."""
        await self._act(workshops.show_on_projector, focus=str(focus))

    @rx.event
    async def save_prompt(self, form: dict):
        await self._act(workshops.set_prompt, stage=self.stage, prompt=form.get("prompt", ""))

    @rx.event
    async def start_timer(self, form: dict):
        await self._act(workshops.start_timer, minutes=form.get("minutes", ""))

    @rx.event
    async def stop_timer(self):
        await self._act(workshops.stop_timer)

    @rx.event
    async def set_people_in_room(self, form: dict):
        """The head count the facilitator entered (empty clears it)."""
        await self._act(
            workshops.set_people_in_room, at="people-in-room", people=form.get("people", "")
        )

    @rx.event
    async def set_smallest_group(self, form: dict):
        """From how many people a role shows on its own in the results (anonymity.py)."""
        await self._act(
            anonymity.set_smallest_group, at="smallest-group", size=form.get("size", "")
        )

    @rx.var
    def more_joined_than_in_room(self) -> bool:
        """More phones and people on paper joined than the facilitator counted in the room."""
        return 0 < self.people_in_room < self.participants

    @rx.event
    async def hide_insight(self, insight_id: int):
        await self._act(insights.set_hidden, insight_id=insight_id, hidden=True)

    @rx.event
    async def show_insight(self, insight_id: int):
        """Show a hidden card again, or let a waiting one through."""
        await self._act(insights.set_hidden, insight_id=insight_id, hidden=False)

    @rx.event
    async def correct_story(self, form: dict):
        """After closing: hide a story, or show a hidden one again, with the reason typed;
        the record gets a new version (a refusal is shown beside the story's form)."""
        insight_id = as_int(form.get("insight_id", ""))
        await self._act(
            correct_as_runner,
            at=f"correct-{insight_id}",
            change=str(form.get("change", "")),
            reason=str(form.get("reason", "")),
            insight_id=insight_id,
        )

    @rx.event
    async def let_all_through(self):
        """Let through the waiting stories this console shows, not any that came after."""
        await self._act(
            insights.let_through, insight_ids=[card.id for card in held(self, "waiting_cards")]
        )

    @rx.event
    async def set_review_first(self, on: bool):
        await self._act(insights.set_review_first, on=bool(on))

    @rx.event
    def ask_hide_all(self, insight_id: int):
        """Hiding all of one person's stories is drastic: first ask, beside that card."""
        self.confirming_hide_all = as_int(insight_id)

    @rx.event
    def cancel_hide_all(self):
        self.confirming_hide_all = 0

    @rx.event
    async def hide_all_of(self, insight_id: int):
        """Hide every story of this card's author (confirmed); shown again one by one."""
        self.confirming_hide_all = 0
        await self._act(insights.hide_all_of, insight_id=as_int(insight_id))

    # Themes
    @rx.event
    async def create_theme(self, form: dict):
        await self._act(sensemaking.create_theme, name=form.get("name", ""))

    @rx.event
    async def rename_theme(self, form: dict):
        await self._act(
            sensemaking.rename_theme,
            theme_id=as_int(form.get("theme_id")),
            name=form.get("name", ""),
        )

    @rx.event
    async def delete_theme(self, theme_id: int):
        await self._act(sensemaking.delete_theme, theme_id=as_int(theme_id))

    @rx.event
    async def merge_theme(self, form: dict):
        await self._act(
            sensemaking.merge_themes,
            theme_id=as_int(form.get("theme_id")),
            into_theme_id=as_int(form.get("into")),
        )

    @rx.event
    async def split_theme(self, form: dict):
        """Chosen cards (checkboxes named card-<id>) of a theme become a new theme."""
        chosen = [
            as_int(name.removeprefix("card-"))
            for name, value in form.items()
            if name.startswith("card-") and value not in ("", False, None, "false")
        ]
        await self._act(
            sensemaking.split_theme,
            theme_id=as_int(form.get("theme_id")),
            insight_ids=chosen,
            name=form.get("name", ""),
        )

    @rx.event
    async def move_card(self, insight_id: int, theme: str):
        """The keyboard and tap path (and the end of a drag): put a card in a theme."""
        target = None if str(theme) == UNGROUPED else as_int(theme)
        await self._act(sensemaking.move_insight, insight_id=as_int(insight_id), theme_id=target)

    @rx.event
    async def suggest_grouping(self):
        """Ask the suggester for themes for the ungrouped cards; nothing is stored yet."""
        proposal = await self._domain(sensemaking.propose_grouping, code=self.code, key=self._key())
        if proposal is None:
            return
        texts = {card.id: card.text for card in self._cards}
        self.suggestion = [
            SuggestedGroup(
                index=index,
                name=group.name,
                insight_ids=group.insight_ids,
                texts=[
                    texts.get(insight_id, "")
                    for insight_id in group.insight_ids
                    if group.other or insight_id != group.representative_id
                ],
                example="" if group.other else texts.get(group.representative_id, ""),
                other=group.other,
            )
            for index, group in enumerate(proposal.themes)
        ]
        self.suggestion_empty = not proposal.themes
        self.suggestion_by_words = not proposal.by_meaning

    @rx.event
    async def accept_grouping(self, form: dict):
        """Make the suggested themes real, with the names as the facilitator edited them."""
        grouping = [
            ProposedTheme(
                name=form.get(f"name-{group.index}", group.name), insight_ids=group.insight_ids
            )
            for group in self.suggestion
            if not group.other  # those stay on the wall for the facilitator to place
        ]
        await self._act(sensemaking.apply_grouping, grouping=grouping)
        if not self.error_key:
            self.suggestion = []

    @rx.event
    def discard_grouping(self):
        self.suggestion = []
        self.suggestion_empty = False
        self.suggestion_by_words = False

    @rx.event
    async def accept_proposal(self, proposal_id: int):
        await self._act(sensemaking.accept_suggestion, suggestion_id=as_int(proposal_id))

    @rx.event
    async def decline_proposal(self, proposal_id: int):
        await self._act(sensemaking.decline_suggestion, suggestion_id=as_int(proposal_id))

    # Voting
    @rx.event
    async def open_round(self, form: dict):
        await self._act(
            voting.open_round,
            dots_per_person=form.get("dots", DEFAULT_DOTS),
            max_per_item=form.get("per_item", DEFAULT_PER_ITEM),
        )

    @rx.event
    async def close_round(self):
        await self._act(voting.close_round)

    @rx.event
    async def reveal_results(self):
        await self._act(voting.reveal_results)

    @rx.event
    async def add_paper_participant(self, form: dict):
        await self._act(
            voting.add_paper_participant,
            name=form.get("name", ""),
            role=form.get("role", ""),
        )

    @rx.event
    async def write_for_paper(self, form: dict):
        """Write down the story of someone without a phone; stored as written for them."""
        posted = await self._act(
            insights.post_for,
            participant_id=as_int(form.get("participant_id")),
            text=form.get("text", ""),
            client_ref=form.get("ref", ""),
        )
        if posted is not None:
            self.proxy_ref = new_ref()
            return rx.set_value(PROXY_FIELD, "")
        return None

    @rx.event
    async def vote_for_paper(self, form: dict):
        """Cast a paper participant's dots: fields dots-<item id> hold how many."""
        item_ids = [
            as_int(name.removeprefix("dots-"))
            for name, value in form.items()
            if name.startswith("dots-")
            for _ in range(max(0, min(as_int(value), MAX_DOTS)))
        ]
        await self._act(
            voting.cast_votes_for,
            participant_id=as_int(form.get("participant_id")),
            item_ids=item_ids,
        )

    @rx.event
    async def invite_cofacilitator(self, form: dict):
        """Make a co-facilitator link (the facilitator only); it is shown once, here."""
        invited = await self._act(cofacilitators.invite, label=form.get("label", ""))
        if invited is not None:
            _helper, secret = invited
            self.new_cofacilitator_link = routes.console_link(
                self.router.url.origin, self.code, secret
            )

    @rx.event
    async def revoke_cofacilitator(self, cofacilitator_id: int):
        """Stop a co-facilitator's link at once (the facilitator only)."""
        await self._act(cofacilitators.revoke, cofacilitator_id=as_int(cofacilitator_id))
        if not self.error_key:
            self.new_cofacilitator_link = ""

    @rx.event
    async def show_own_link(self):
        """The facilitator's own link as a QR code: a phone or a second laptop opens the console.

        Made only when asked (it holds the key) and only for the key's holder; never from
        the member's session, which no link may carry.
        """
        key = self._held_key()
        if await self._domain(workshops.require_facilitator, code=self.code, key=key) is None:
            return
        self.own_link_qr = qr_svg_data_uri(
            routes.console_link(self.router.url.origin, self.code, key)
        )

    @rx.event
    async def hand_over(self, form: dict):
        """Give the workshop to a colleague (the lead, signed in): this console stops."""
        by = await self._signed_in()
        done = await self._domain(
            runs.hand_over,
            by=by,
            code=self.code,
            key=self._key(),
            to_member_id=as_int(form.get("to", "")),
        )
        if done is not None:
            self._lock_out()

    @rx.event
    def hide_own_link(self):
        self.own_link_qr = ""

    @rx.event
    async def delete_workshop(self, form: dict):
        """Delete everything of this workshop, once the facilitator typed its code."""
        await self._domain(
            retention.delete_workshop,
            code=self.code,
            key=self._key(),
            typed_code=str(form.get("code", "")),
        )
        if not self.error_key:
            room.hub().forget(self.router.session.client_token)
            self.deleted = True
            self.authorised = False

    # Dialogue
    @rx.event
    async def add_proposal(self, form: dict):
        await self._act(
            dialogue.add_proposal,
            text=form.get("text", ""),
            theme_id=as_int(form.get("theme_id") or 0) or None,
        )

    @rx.event
    async def review_proposal(self, proposal_id: int, accept: bool):
        await self._act(
            dialogue.review_proposal,
            proposal_id=as_int(proposal_id),
            accept=bool(accept),
        )

    @rx.event
    async def open_consent(self, proposal_id: int):
        await self._act(dialogue.open_consent, proposal_id=as_int(proposal_id))

    @rx.event
    async def close_consent(self):
        await self._act(dialogue.close_consent)

    @rx.event
    async def reveal_consent(self):
        await self._act(dialogue.reveal_consent)

    @rx.event
    async def decide(self, form: dict):
        await self._act(
            dialogue.decide,
            proposal_id=as_int(form.get("proposal_id")),
            outcome=form.get("outcome", ""),
            rationale=form.get("rationale", ""),
        )

    @rx.event
    async def add_action(self, form: dict):
        await self._act(
            dialogue.add_action,
            decision_id=as_int(form.get("decision_id")),
            what=form.get("what", ""),
            owner=form.get("owner", ""),
            due=form.get("due", ""),
        )

    @rx.event(background=True)
    async def download(self, file_format: str):
        """Make the record as PDF, JSON or CSV and hand it to the browser, off the event loop."""
        async for event in self._deliver(
            facilitator_record, str(file_format), code=self.code, key=self._key()
        ):
            yield event
