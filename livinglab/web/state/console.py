"""The facilitator's state, behind the console and the projector: the full board."""

import reflex as rx

from livinglab import insights, workshops
from livinglab.insights import InsightCard
from livinglab.joinurl import is_loopback, join_url, qr_svg_data_uri
from livinglab.realtime.hub import BOARD, FACILITATOR, STAGE
from livinglab.realtime.snapshots import BoardSnapshot, board_snapshot
from livinglab.web import keyring
from livinglab.web.room import hub
from livinglab.web.state.view import LanguageState, ViewState, now_ms, path_code
from livinglab.workshops import StageView, format_code

KEY_COOKIE_MAX_AGE = 60 * 60 * 24 * 90


class FacilitatorState(ViewState, LanguageState):
    """Console and projector: authorised by the facilitator key, never by a hidden button."""

    facilitator_keys: str = rx.Cookie(
        "", name="livinglab_facilitator", max_age=KEY_COOKIE_MAX_AGE, same_site="strict"
    )
    authorised: bool = False
    loaded: bool = False
    code: str = ""
    code_shown: str = ""
    title: str = ""
    question: str = ""
    stage: str = "welcome"
    prompt: str = ""
    timer_ends_ms: int = 0
    server_now_ms: int = 0
    participants: int = 0
    cards: list[InsightCard] = []
    hidden_cards: list[InsightCard] = []
    join_url: str = ""
    #: The join URL without the code, so a narrow column breaks before the code.
    join_base: str = ""
    qr_code: str = ""
    url_is_loopback: bool = False

    def _key(self) -> str:
        return keyring.read(self.facilitator_keys, self.code)

    def apply_pushed(self, snapshot: BoardSnapshot) -> None:
        """Show a freshly read board (from this client's event or the room hub)."""
        self._apply_stage(snapshot.stage)
        self.title = snapshot.info.title
        self.question = snapshot.info.question
        self._set_language(snapshot.info.language)
        if snapshot.cards is not None:
            self.cards = snapshot.cards
            self.hidden_cards = snapshot.hidden_cards

    def _apply_stage(self, view: StageView) -> None:
        self.stage = view.stage
        self.prompt = view.prompt
        self.timer_ends_ms = view.timer_ends_ms
        self.server_now_ms = now_ms()
        self.participants = view.participants

    @rx.event
    async def on_load(self):
        """Check the key (from the link once, then the cookie), load the board, join the room."""
        self.code = workshops.normalize_code(path_code(self.router.url.path))
        self.loaded = False
        link_key = self.router.url.query_parameters.get("key", "")
        key = link_key or self._key()
        workshop = await self._domain(workshops.require_facilitator, code=self.code, key=key)
        self.loaded = True
        self.authorised = workshop is not None
        if workshop is None:
            return None
        await self._refresh()
        self.code_shown = format_code(self.code)
        self.join_url = join_url(self.code)
        self.join_base = self.join_url.removesuffix(self.code)
        self.url_is_loopback = is_loopback(self.join_url)
        self.qr_code = qr_svg_data_uri(self.join_url)
        hub.watch(self.code, FACILITATOR, self.router.session.client_token)
        if link_key:
            # Keep the key in a cookie and take it out of the address bar, which
            # the projector may be mirroring to the whole room.
            self.facilitator_keys = keyring.store(self.facilitator_keys, self.code, link_key)
            return rx.redirect(self.router.url.path, replace=True)
        return None

    async def _refresh(self) -> None:
        snapshot = await self._domain(board_snapshot, code=self.code)
        if snapshot is not None:
            self.apply_pushed(snapshot)

    async def _act(self, call, *kinds: str, **kwargs) -> None:
        """Run a facilitator action with this browser's key; tell the room once committed."""
        await self._domain(call, code=self.code, key=self._key(), **kwargs)
        if self.error_key:
            return
        hub.announce(self.code, *kinds)
        await self._refresh()

    @rx.event
    async def next_stage(self, seen: str):
        """Move on from `seen`, the stage the button was pressed at (a double click moves once)."""
        await self._act(workshops.move_stage, STAGE, step=1, seen=str(seen))

    @rx.event
    async def previous_stage(self, seen: str):
        await self._act(workshops.move_stage, STAGE, step=-1, seen=str(seen))

    @rx.event
    async def save_prompt(self, form: dict):
        await self._act(
            workshops.set_prompt, STAGE, stage=self.stage, prompt=form.get("prompt", "")
        )

    @rx.event
    async def start_timer(self, form: dict):
        await self._act(workshops.start_timer, STAGE, minutes=form.get("minutes", ""))

    @rx.event
    async def stop_timer(self):
        await self._act(workshops.stop_timer, STAGE)

    @rx.event
    async def hide_insight(self, insight_id: int):
        await self._act(insights.set_hidden, BOARD, insight_id=insight_id, hidden=True)

    @rx.event
    async def show_insight(self, insight_id: int):
        await self._act(insights.set_hidden, BOARD, insight_id=insight_id, hidden=False)
