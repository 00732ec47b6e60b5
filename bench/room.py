"""Load harness for one workshop room: a facilitator, a projector and N phones on a live server.

Every simulated screen speaks the protocol of the real Reflex frontend (state.js): socket.io
over an Engine.IO v4 websocket to `/_event/`, the hydrate event riding in the CONNECT packet,
form events as ordered form-data entries, router data as `withRouterData` builds it, and browser
cookies (the facilitator key, the participant token) kept per device and sent with every hydrate.

    python -m bench.room --phones 300 --posts-per-s 2 --duration 60 --floor \
        --url http://127.0.0.1:3000
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import random
import re
import secrets
import statistics
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Origin, Subprotocol

from bench import floor
from bench.schedule import JOIN_WINDOW_300, at_rate, burst_starts, join_times, join_window

try:
    import psutil
except ImportError:  # the figures without server CPU and RSS are still worth having
    psutil = None

# Full state names as Reflex derives them (module path + snake_case class name). They are
# checked against the state tree of the served bundle at start-up (`Bundle.check`).
#: The member session cookie (livinglab/organisation/sessions.py COOKIE).
SESSION_COOKIE = "livinglab_session"
ROOT = "reflex___state____state"
#: The view states are substates of the one that holds the catalog (one copy per tab).
LANGUAGE_STATE = f"{ROOT}.livinglab___web___state___view____language_state"
START_STATE = f"{LANGUAGE_STATE}.livinglab___web___state___start____start_state"
FACILITATOR_STATE = f"{LANGUAGE_STATE}.livinglab___web___state___console____facilitator_state"
PHONE_STATE = f"{LANGUAGE_STATE}.livinglab___web___state___phone____phone_state"
HYDRATE_AND_LOAD = f"{ROOT}.hydrate_and_load"
UPDATE_VARS_INTERNAL = f"{ROOT}.reflex___state____update_vars_internal_state.update_vars_internal"
ON_LOAD_INTERNAL = f"{ROOT}.reflex___state____on_load_internal_state.on_load_internal"
CREATE = f"{START_STATE}.create"
NEXT_STAGE = f"{FACILITATOR_STATE}.next_stage"
JOIN = f"{PHONE_STATE}.join"
POST_INSIGHT = f"{PHONE_STATE}.post_insight"
ADD_DOT = f"{PHONE_STATE}.add_dot"
CREATE_THEME = f"{FACILITATOR_STATE}.create_theme"
OPEN_ROUND = f"{FACILITATOR_STATE}.open_round"
CLOSE_ROUND = f"{FACILITATOR_STATE}.close_round"
REVEAL_RESULTS = f"{FACILITATOR_STATE}.reveal_results"

NAMESPACE = "/_event"
#: state.js wraps a submitted form as its ordered entries under this key (encodeFormDataArgs).
FORM_DATA_KEY = "__reflex_form_data__"
#: Reflex suffixes every var name in a delta with this.
VAR_SUFFIX = "_rx_state_"
#: How long a single answer from the server may take before the screen counts it as lost.
REPLY_TIMEOUT = 30.0
#: After the last post, how long the projector may take to show everything.
SETTLE_TIMEOUT = 20.0


def var(name: str) -> str:
    """A state var as it is named in a delta."""
    return f"{name}{VAR_SUFFIX}"


def now() -> float:
    return time.perf_counter()


def dumps(value: Any) -> str:
    """JSON as JSON.stringify writes it (no spaces): message sizes match a browser's."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def form(fields: dict[str, str]) -> dict[str, Any]:
    """A submitted form as state.js sends it: ordered [name, value] entries."""
    return {FORM_DATA_KEY: [[name, value] for name, value in fields.items()]}


# --------------------------------------------------------------------------- the served bundle


@dataclass(frozen=True)
class Bundle:
    """What the compiled frontend sends on connect, read from the served JS like a browser gets it.

    The hashes of the compiled initial state let the server send only the vars that differ
    from them on the first hydrate; without them every page load would get the whole tree.
    """

    reflex_version: str
    state_schema: str
    initial_hashes: list[str]
    #: Cookie vars: full state key (`state.var_rx_state_`) -> cookie name.
    cookies: dict[str, str]
    state_names: frozenset[str]

    @classmethod
    def fetch(cls, base_url: str) -> Bundle:
        page = _http_get(base_url + "/")
        found = re.search(r"/assets/context-[\w-]+\.js", page)
        if found is None:
            raise BundleUnreadable(
                f"no context bundle linked from {base_url}/: is it a Reflex app?"
            )
        return cls.parse(_http_get(base_url + found.group(0)))

    @classmethod
    def parse(cls, js: str) -> Bundle:
        """Read the bundle whatever the minifier named things; stop when a piece is missing.

        `export const stateSchema = "…"` may come out as `stateSchema="…"`, as an export getter
        `stateSchema:()=>y … y="…"` or as `y as stateSchema`: each is followed to its literal.
        """
        schema = _exported(js, "stateSchema", _SCHEMA)
        hashes = _exported(js, "initialStateHashes", _HASHES)
        version = re.search(r"\bversion\s*[=:]\s*[`\"'](\d+\.\d+[\w.]*)[`\"']", js)
        storage = re.search(r"clientStorage\s*[=:]\s*\{(.*?)local_storage", js, re.S)
        cookies = dict(
            re.findall(
                r"[\"']([\w.]+" + VAR_SUFFIX + r")[\"']\s*:\s*\{\s*[\"']?name[\"']?\s*:\s*"
                r"[`\"']([^`\"']+)",
                storage.group(1) if storage else "",
            )
        )
        states = frozenset(re.findall(r"[\"'](" + ROOT + r"(?:\.\w+)*)[\"']\s*:\s*\{", js))
        if not states:
            raise BundleUnreadable("no state names (reflex___state____state…) in the bundle")
        return cls(
            reflex_version=version.group(1) if version else "0.10.1",
            state_schema=json.loads(schema),
            initial_hashes=json.loads(hashes),
            cookies=cookies,
            state_names=states,
        )

    def check(self) -> None:
        """Refuse to run against a build whose state names differ from the ones hard-coded here."""
        missing = {START_STATE, FACILITATOR_STATE, PHONE_STATE} - self.state_names
        if missing:
            raise BundleUnreadable(f"the served app has no state(s) {sorted(missing)}: renamed?")


class BundleUnreadable(SystemExit):
    """The served bundle does not say what a browser would send: measuring on would be wrong."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"bench.room cannot read the served app ({reason}); nothing measured")


#: The literals the two exports hold: a hex string, and an array of 16-hex-digit strings.
_SCHEMA = r"\"[0-9a-f]+\""
_HASHES = r"\[\s*(?:\"[0-9a-f]{16}\"\s*(?:,\s*\"[0-9a-f]{16}\"\s*)*)?\]"
_NAME = r"[A-Za-z_$][\w$]*"


def _exported(js: str, name: str, literal: str) -> str:
    """The JSON literal the bundle exports as `name`: assigned directly, or through the
    identifier a getter, a property or an `as` export points to. Exactly one, or stop."""
    js = js.replace("'", '"').replace("`", '"')
    found = set(re.findall(rf"(?<![\w$]){name}\s*[=:]\s*({literal})", js))
    aliases = set(re.findall(rf"(?<![\w$]){name}\s*[=:]\s*(?:\(\)\s*=>\s*)?({_NAME})", js))
    aliases |= set(re.findall(rf"({_NAME})\s+as\s+{name}(?![\w$])", js))
    for alias in aliases - {name}:
        found |= set(re.findall(rf"(?<![\w$.]){re.escape(alias)}\s*=\s*({literal})", js))
    values = {dumps(json.loads(value)) for value in found}
    if len(values) != 1:
        what = "not found" if not values else f"{len(values)} different values"
        raise BundleUnreadable(f"{name}: {what}")
    return values.pop()


def _http_get(url: str) -> str:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=REPLY_TIMEOUT) as response:
        return response.read().decode("utf-8", "replace")


# --------------------------------------------------------------------------- browsers and tabs


class Browser:
    """One device. Its cookie jar is shared by its tabs (the console and the projector)."""

    def __init__(self, bundle: Bundle, address: str = "") -> None:
        self.bundle = bundle
        self.cookies: dict[str, str] = {}
        #: The loopback address it connects from ("": the default); the server throttles
        #: new participants per address, so phones on mobile data each have their own.
        self.address = address

    def storage_vars(self) -> dict[str, str]:
        """Cookie values keyed by state var, as `hydrateClientStorage` sends them."""
        return {
            key: self.cookies[name]
            for key, name in self.bundle.cookies.items()
            if name in self.cookies
        }

    def absorb(self, delta: dict[str, dict[str, Any]]) -> None:
        """Store cookie vars from a delta, like `applyClientStorageDelta` (not before hydrated)."""
        root = delta.get(ROOT)
        if root is not None and root.get(var("is_hydrated")) is False:
            return
        for substate, values in delta.items():
            for name, value in values.items():
                cookie = self.bundle.cookies.get(f"{substate}.{name}")
                if cookie is not None:
                    self.cookies[cookie] = str(value)

    def cookie_header(self) -> str:
        return "; ".join(
            f"{name}={urllib.parse.quote(value)}" for name, value in self.cookies.items()
        )


@dataclass
class Received:
    """One socket.io `event` message a tab received: when, how big, in which phase."""

    at: float
    size: int
    phase: str
    #: The tab's own action this answers ("post", "vote"), "tail" for a frontend-only
    #: update (the `_set_value` that empties the field), "" for a push from the hub.
    own: str


Predicate = Callable[["Tab", dict[str, Any]], bool]


class Tab:
    """One browser tab: one socket.io connection, the state it has been sent, what it received."""

    def __init__(self, base_url: str, browser: Browser, label: str) -> None:
        self.base_url = base_url
        self.browser = browser
        self.label = label
        self.token = str(uuid.uuid4())  # sessionStorage: one per tab, kept across page loads
        self.path = "/"
        self.search = ""
        self.params: dict[str, str] = {}
        self.state: dict[str, dict[str, Any]] = {}
        self.received: list[Received] = []
        self.phase = "load"
        self.own = ""  # "post" or "vote" while this tab waits for the answer to its own action
        self.reconnects = 0
        self.connects = 0
        self.errors: list[str] = []
        self.on_update: Callable[[Tab, dict[str, Any], float], None] | None = None
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task | None = None
        self._connected: asyncio.Future[None] | None = None
        self._waiters: list[tuple[Predicate, asyncio.Future[float]]] = []
        self._closing = False
        self._live = False  # only a page that had loaded reconnects, as state.js does
        self._reconnecting = False
        self._dropped = False  # a drop on purpose is no socket error
        self._tasks: set[asyncio.Task] = set()

    # -- reading state -------------------------------------------------------------------------

    def get(self, substate: str, name: str, default: Any = None) -> Any:
        return self.state.get(substate, {}).get(var(name), default)

    def hydrated(self) -> bool:
        return bool(self.get(ROOT, "is_hydrated"))

    # -- the connection ------------------------------------------------------------------------

    async def open(self, path: str, *, params: dict[str, str] | None = None, first: bool = True):
        """Load a page: connect with the hydrate event in the CONNECT packet (state.js connect)."""
        self.path, _, self.search = path.partition("?")
        self.search = f"?{self.search}" if self.search else ""
        self.params = params or {}
        self._closing = False
        base = urllib.parse.urlsplit(self.base_url)
        scheme = "wss" if base.scheme == "https" else "ws"
        url = f"{scheme}://{base.netloc}{NAMESPACE}/?EIO=4&transport=websocket&token={self.token}"
        headers = {"Cookie": self.browser.cookie_header()} if self.browser.cookies else {}
        self._ws = await connect(
            url,
            origin=Origin(f"{base.scheme}://{base.netloc}"),
            subprotocols=[Subprotocol(self.browser.bundle.reflex_version)],
            additional_headers=headers,
            user_agent_header="livinglab-bench (Mobile)",
            proxy=None,
            open_timeout=REPLY_TIMEOUT,
            ping_interval=None,
            max_size=None,
            **({"local_addr": (self.browser.address, 0)} if self.browser.address else {}),
        )
        opening = await asyncio.wait_for(self._ws.recv(), REPLY_TIMEOUT)
        if not str(opening).startswith("0"):
            raise ConnectionError(f"{self.label}: no Engine.IO open packet: {opening!r:.80}")
        payload: dict[str, Any] = {}
        if vars_ := self.browser.storage_vars():
            payload["vars"] = vars_
        if first and self.browser.bundle.initial_hashes:
            payload["hashes"] = self.browser.bundle.initial_hashes
        auth = {
            "event": self._routed({"name": HYDRATE_AND_LOAD, "payload": payload}),
            "state_schema": self.browser.bundle.state_schema,
        }
        self.connects += 1
        self._connected = asyncio.get_running_loop().create_future()
        self._reader = asyncio.create_task(self._read(self._ws))
        await self._ws.send(f"40{NAMESPACE},{dumps(auth)}")
        await asyncio.wait_for(self._connected, REPLY_TIMEOUT)
        self._live = True

    async def close(self) -> None:
        """Leave the page (socket.disconnect): tell the namespace, then close the socket."""
        self._closing = True
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.send(f"41{NAMESPACE},")
                await asyncio.wait_for(self._ws.close(), 5)
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader

    def drop(self) -> None:
        """Lose the connection without a goodbye, as a phone does when it sleeps or roams."""
        if self._ws is not None:
            self._dropped = True
            self._ws.transport.abort()

    def _routed(self, event: dict[str, Any]) -> dict[str, Any]:
        """The event with router data from the current location (state.js withRouterData)."""
        router: dict[str, Any] = {"pathname": self.path, "asPath": self.path + self.search}
        query = dict(urllib.parse.parse_qsl(self.search.lstrip("?"))) | self.params
        if query:
            router["query"] = query
        event["router_data"] = router
        return event

    async def emit(self, name: str, payload: dict[str, Any] | None = None) -> None:
        """Send an event the way `applyEvent` does (`socket.emit("event", ...)`)."""
        event: dict[str, Any] = {"name": name}
        if payload:
            event["payload"] = payload
        if self._ws is None:
            raise ConnectionError(f"{self.label}: not connected")
        await self._ws.send(f"42{NAMESPACE},{dumps(['event', self._routed(event)])}")

    async def navigate(self, location: str) -> None:
        """A client-side navigation (`_redirect`): the new page's on_load (onLoadInternalEvent)."""
        self.path, _, search = location.partition("?")
        self.search = f"?{search}" if search else ""
        self.state.setdefault(ROOT, {})[var("is_hydrated")] = False
        if vars_ := self.browser.storage_vars():
            await self.emit(UPDATE_VARS_INTERNAL, {"vars": vars_})
        await self.emit(ON_LOAD_INTERNAL)

    async def until(self, predicate: Predicate, timeout: float = REPLY_TIMEOUT) -> float:
        """Wait until an update makes `predicate` true; return when that update was received."""
        if predicate(self, {}):
            return now()
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        waiter = (predicate, future)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    # -- receiving -----------------------------------------------------------------------------

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for message in ws:
                at = now()
                text = message if isinstance(message, str) else message.decode()
                size = len(text.encode())
                if text == "2":  # Engine.IO ping: answer at once or the server drops us
                    await ws.send("3")
                elif text.startswith(f"42{NAMESPACE},"):
                    self._on_packet(json.loads(text[len(NAMESPACE) + 3 :]), at, size)
                elif text.startswith(f"40{NAMESPACE}"):
                    if self._connected is not None and not self._connected.done():
                        self._connected.set_result(None)
                elif text.startswith(f"44{NAMESPACE}"):
                    self._fail(f"connect refused: {text[:200]}")
                elif text.startswith(f"41{NAMESPACE}") or text == "1":
                    self._fail("disconnected by the server")
                    break
        except ConnectionClosed as closed:
            if not self._closing and not self._dropped:
                self._fail(f"socket closed: {closed}")
            self._dropped = False
        if self._live and not self._closing and not self._reconnecting:
            self._spawn(self._reconnect())

    def _fail(self, error: str) -> None:
        self.errors.append(error)
        if self._connected is not None and not self._connected.done():
            self._connected.set_exception(ConnectionError(f"{self.label}: {error}"))

    async def _reconnect(self) -> None:
        """Reconnect like state.js does after a transient drop: a full (hash-less) rehydrate."""
        self._reconnecting = True
        try:
            for attempt in range(6):
                await asyncio.sleep(0.2 * attempt)  # at once, then state.js's backoff
                if self._closing:
                    return
                try:
                    await self.open(self.path + self.search, params=self.params, first=False)
                except (OSError, ConnectionError, TimeoutError, ConnectionClosed) as error:
                    self.errors.append(f"reconnect {attempt}: {error}")
                    continue
                self.reconnects += 1
                return
        finally:
            self._reconnecting = False

    def _on_packet(self, packet: list[Any], at: float, size: int) -> None:
        name, data = packet[0], packet[1] if len(packet) > 1 else None
        if name == "new_token" and isinstance(data, str):
            self.token = data
            return
        if name != "event" or not isinstance(data, dict):
            if name == "state_mismatch":
                self._fail(f"state schema mismatch: {data}")
            return
        delta = data.get("delta") or {}
        # Hub pushes always carry a delta; an update of frontend events only (`_set_value`
        # clearing the form) is the tail of this tab's own action.
        self.received.append(Received(at, size, self.phase, self.own or ("" if delta else "tail")))
        for substate, values in delta.items():
            self.state.setdefault(substate, {}).update(values)
        self.browser.absorb(delta)
        if self.on_update is not None:
            self.on_update(self, delta, at)
        for predicate, future in list(self._waiters):
            if not future.done() and predicate(self, delta):
                future.set_result(at)
        for event in data.get("events") or []:
            if event.get("name") == "_redirect" and not event.get("payload", {}).get("external"):
                self._spawn(self.navigate(event["payload"]["path"]))

    def _spawn(self, coroutine) -> None:
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


# --------------------------------------------------------------------------- the room


@dataclass
class Post:
    """One insight a phone sent: its unique text and what happened to it."""

    text: str
    phone: int
    sent_at: float
    acked_at: float | None = None
    refused: str = ""
    on_projector_at: float | None = None
    #: The phase it was sent in ("post", or "flood": while one phone and one address flood).
    phase: str = ""


def phone_address(number: int) -> str:
    """Phone `number`'s own loopback address (127.1.x.y), as if each were on mobile data."""
    return f"127.1.{number // 250}.{number % 250 + 1}"


#: The address the join flood comes from (one script, or a venue NAT with a stuck phone).
FLOOD_ADDRESS = "127.66.0.1"
#: Join floods at once: a script's parallel connections.
FLOOD_PARALLEL = 8


@dataclass
class Vote:
    """One dot a phone put on a theme, and when the phone saw it counted."""

    phone: int
    sent_at: float
    acked_at: float | None = None
    refused: str = ""


@dataclass
class Phone:
    """A participant's phone: one browser with one tab on /j/CODE."""

    number: int
    tab: Tab
    opened_at: float | None = None
    loaded_at: float | None = None
    join_sent_at: float | None = None
    joined_at: float | None = None
    busy: bool = False
    failure: str = ""
    dots_cast: int = 0


@dataclass
class Figures:
    """Everything measured in one run, printed at the end."""

    page_load: list[float] = field(default_factory=list)
    join: list[float] = field(default_factory=list)
    post_ack: list[float] = field(default_factory=list)
    post_projector: list[float] = field(default_factory=list)
    skipped_posts: int = 0
    late_join: list[float] = field(default_factory=list)
    stage_push: list[float] = field(default_factory=list)
    stage_missed: int = 0
    stage_console: float | None = None
    returns: list[float] = field(default_factory=list)
    return_bytes: list[int] = field(default_factory=list)
    return_failed: int = 0
    vote_ack: list[float] = field(default_factory=list)
    #: The flood: what became of the flooding phone's posts and the one address's joins.
    flood_posts: Counter[str] = field(default_factory=Counter)
    flood_joins: Counter[str] = field(default_factory=Counter)
    flood_join_seconds: float = 0.0
    skipped_votes: int = 0
    votes_counted: int | None = None


class Room:
    """The workshop under load: the facilitator's screens, the phones, and the posts."""

    def __init__(self, args: argparse.Namespace, bundle: Bundle) -> None:
        self.args = args
        self.bundle = bundle
        self.base_url = args.url.rstrip("/")
        self.run_id = secrets.token_hex(3)
        self.facilitator_browser = Browser(bundle)
        if args.session:
            # Only signed-in facilitators start workshops: the session cookie of one.
            self.facilitator_browser.cookies[SESSION_COOKIE] = args.session
        self.console = Tab(self.base_url, self.facilitator_browser, "console")
        self.projector = Tab(self.base_url, self.facilitator_browser, "projector")
        self.projector.on_update = self._projector_update
        self.phones: list[Phone] = []
        self.posts: dict[str, Post] = {}
        self.votes: list[Vote] = []
        self.figures = Figures()
        self.code = ""
        self.marks: dict[str, float] = {}
        self.monitor = ServerMonitor.for_url(self.base_url)

    # -- the facilitator -----------------------------------------------------------------------

    async def create_workshop(self) -> None:
        """The start page's form, submitted from the facilitator's browser; read the link."""
        try:
            await self.console.open("/", first=True)
            await self.console.until(lambda tab, _: tab.hydrated())
        except (ConnectionError, TimeoutError) as refused:
            # The server checks the schema the bundle was read for: a wrong one is refused.
            seen = "; ".join(self.console.errors[-1:])
            raise BundleUnreadable(f"the first page did not load: {refused} {seen}") from None
        await self.console.emit(
            CREATE,
            {
                "form": form(
                    {
                        "title": f"Load test {self.run_id}",
                        "question": "How do we help people find work sooner?",
                        "language": self.args.language,
                        "names": "anonymous",
                    }
                )
            },
        )
        await self.console.until(lambda tab, _: bool(tab.get(START_STATE, "facilitator_link")))
        link = self.console.get(START_STATE, "facilitator_link")
        found = re.search(r"/f/([A-Z0-9]+)\?key=([\w-]+)", link)
        if found is None:
            raise SystemExit(f"unexpected facilitator link {link!r}")
        self.code, key = found.groups()
        print(f"workshop {self.code} created; facilitator link {link[:40]}...")
        # Following the link is a full page load in the same tab: same token, new socket.
        await self.console.close()
        await self._open_facilitator_screen(self.console, f"/f/{self.code}?key={key}")
        # The projector: a second tab of the same browser, opened with the key in its link.
        await self._open_facilitator_screen(self.projector, f"/p/{self.code}?key={key}")

    async def _open_facilitator_screen(self, tab: Tab, location: str) -> None:
        await tab.open(location, params={"room": self.code})
        await tab.until(
            lambda t, _: t.hydrated() and t.get(FACILITATOR_STATE, "authorised") is True
        )
        await tab.until(lambda t, _: "?" not in t.path and t.hydrated())  # after the redirect

    async def press_next_stage(self) -> None:
        """The console's next button: it sends the stage it shows, so a double click moves once."""
        seen = self.console.get(FACILITATOR_STATE, "stage", "welcome")  # the compiled default
        await self.console.emit(NEXT_STAGE, {"seen": seen})

    async def open_collect_stage(self) -> None:
        await self.press_next_stage()
        await self.console.until(lambda tab, _: tab.get(FACILITATOR_STATE, "stage") == "collect")
        await self.projector.until(lambda tab, _: tab.get(FACILITATOR_STATE, "stage") == "collect")
        print("stage: collect")

    def _projector_update(self, tab: Tab, delta: dict[str, Any], at: float) -> None:
        changed = delta.get(FACILITATOR_STATE, {})
        cards = [*changed.get(var("newest_cards"), []), *changed.get(var("earlier_cards"), [])]
        for card in cards:
            post = self.posts.get(card.get("text", ""))
            if post is not None and post.on_projector_at is None:
                post.on_projector_at = at
                self.figures.post_projector.append(at - post.sent_at)

    # -- the phones ----------------------------------------------------------------------------

    async def phone_life(self, phone: Phone, start_at: float, joins: list[float]) -> None:
        """Scan the QR code, load the page, join: the join-to-participating-view latency."""
        await asyncio.sleep(max(0.0, start_at - now()))
        tab = phone.tab
        try:
            phone.opened_at = now()
            await tab.open(f"/j/{self.code}", params={"room": self.code})
            phone.loaded_at = await tab.until(
                lambda t, _: t.hydrated() and bool(t.get(PHONE_STATE, "loaded"))
            )
            if not tab.get(PHONE_STATE, "found"):
                raise RuntimeError(f"workshop not found: {tab.get(PHONE_STATE, 'error_key')}")
            self.figures.page_load.append(phone.loaded_at - phone.opened_at)
            phone.join_sent_at = now()
            await tab.emit(JOIN, {"form": form({"name": "", "role": "resident"})})
            phone.joined_at = await tab.until(
                lambda t, delta: (
                    t.get(PHONE_STATE, "joined") is True
                    or bool(delta.get(PHONE_STATE, {}).get(var("error_key")))
                )
            )
            if tab.get(PHONE_STATE, "joined") is not True:
                raise RuntimeError(f"join refused: {tab.get(PHONE_STATE, 'error_key')}")
            joins.append(phone.joined_at - phone.join_sent_at)
        except (TimeoutError, OSError, ConnectionError, ConnectionClosed, RuntimeError) as error:
            phone.failure = f"{type(error).__name__}: {error}"
            phone.joined_at = None

    async def post(self, phone: Phone, number: int) -> None:
        """Submit the post form: unique text, and the form's hidden ref (the phone's draft_ref)."""
        tab = phone.tab
        text = f"bench {self.run_id} insight {number:05d} from phone {phone.number}"
        ref = tab.get(PHONE_STATE, "draft_ref") or secrets.token_urlsafe(12)
        phone.busy = True
        tab.own = "post"
        post = Post(text=text, phone=phone.number, sent_at=now(), phase=tab.phase)
        self.posts[text] = post
        try:
            await tab.emit(POST_INSIGHT, {"form": form({"text": text, "ref": ref})})
            post.acked_at = await tab.until(
                lambda t, delta: (
                    any(card.get("text") == text for card in t.get(PHONE_STATE, "my_insights", []))
                    or bool(delta.get(PHONE_STATE, {}).get(var("error_key")))
                )
            )
            error = tab.get(PHONE_STATE, "error_key")
            mine = tab.get(PHONE_STATE, "my_insights", [])
            if not any(card.get("text") == text for card in mine):
                post.refused = error or "refused"
            else:
                self.figures.post_ack.append(post.acked_at - post.sent_at)
        except (TimeoutError, OSError, ConnectionError, ConnectionClosed) as error:
            post.refused = f"no answer ({type(error).__name__})"
        finally:
            tab.own = ""
            phone.busy = False

    async def post_at_rate(self, rate: float, duration: float, first: int = 0) -> None:
        """R posts per second in total, each from a random joined phone not already posting.

        Posts are numbered from `first`, so a second posting phase has texts of its own.
        """
        joined = [phone for phone in self.phones if phone.joined_at is not None]

        async def post_from_an_idle_phone(number: int) -> bool:
            idle = [phone for phone in joined if not phone.busy]
            if not idle:
                return False
            await self.post(random.choice(idle), number)
            return True

        if joined:
            self.figures.skipped_posts += await at_rate(
                rate, duration, post_from_an_idle_phone, first
            )

    # -- voting --------------------------------------------------------------------------------

    async def open_vote_round(self) -> None:
        """Themes on the board and a dot round on them, open while the phones post.

        The server allows a round in any open stage; opening it during *collect* puts the
        vote bursts on top of the posting, the load the scenario asks for.
        """
        for number in range(self.args.themes):
            await self.console.emit(CREATE_THEME, {"form": form({"name": f"Thema {number + 1}"})})
        await self.console.until(
            lambda t, _: len(t.get(FACILITATOR_STATE, "themes", [])) >= self.args.themes
        )
        dots = str(self.args.dots)
        await self.console.emit(OPEN_ROUND, {"form": form({"dots": dots, "per_item": dots})})
        await self.console.until(lambda t, _: t.get(FACILITATOR_STATE, "round_open") is True)
        print(f"vote round open: {self.args.themes} themes, {dots} dots per phone")

    async def vote(self, phone: Phone) -> None:
        """Tap + on a random theme; acknowledged when the phone's own dots count goes up."""
        tab = phone.tab
        items = tab.get(PHONE_STATE, "vote_items", [])
        if not items:
            return
        before = sum(tab.get(PHONE_STATE, "my_dots", {}).values())
        phone.busy = True
        phone.dots_cast += 1
        tab.own = "vote"
        vote = Vote(phone=phone.number, sent_at=now())
        self.votes.append(vote)
        try:
            await tab.emit(ADD_DOT, {"item_id": random.choice(items)["id"]})
            vote.acked_at = await tab.until(
                lambda t, delta: (
                    sum(t.get(PHONE_STATE, "my_dots", {}).values()) > before
                    or bool(delta.get(PHONE_STATE, {}).get(var("error_key")))
                )
            )
            if sum(tab.get(PHONE_STATE, "my_dots", {}).values()) > before:
                self.figures.vote_ack.append(vote.acked_at - vote.sent_at)
            else:
                vote.refused = tab.get(PHONE_STATE, "error_key") or "refused"
        except (TimeoutError, OSError, ConnectionError, ConnectionClosed) as error:
            vote.refused = f"no answer ({type(error).__name__})"
        finally:
            tab.own = ""
            phone.busy = False

    async def votes_at_rate(self, rate: float, duration: float) -> None:
        """R dots per second in total, each from an idle joined phone with dots left."""
        joined = [phone for phone in self.phones if phone.joined_at is not None]

        async def vote_from_an_idle_phone(_number: int) -> bool:
            idle = [p for p in joined if not p.busy and p.dots_cast < self.args.dots]
            if not idle:
                return False
            await self.vote(random.choice(idle))
            return True

        self.figures.skipped_votes += await at_rate(rate, duration, vote_from_an_idle_phone)

    async def vote_bursts(self, posting_began: float) -> None:
        for start in burst_starts(self.args):
            await asyncio.sleep(max(0.0, posting_began + start - now()))
            await self.votes_at_rate(self.args.burst_votes_per_s, self.args.burst_seconds)

    async def count_votes(self) -> None:
        """Close the round and reveal it: the tallies are what the database counted."""
        await self.console.emit(CLOSE_ROUND)
        await self.console.until(lambda t, _: t.get(FACILITATOR_STATE, "round_open") is False)
        await self.console.emit(REVEAL_RESULTS)
        await self.console.until(lambda t, _: t.get(FACILITATOR_STATE, "round_revealed") is True)
        results = self.console.get(FACILITATOR_STATE, "results", [])
        self.figures.votes_counted = sum(tally.get("dots", 0) for tally in results)

    async def settle(self) -> None:
        """Give the projector time to show every post that the server accepted."""
        deadline = now() + SETTLE_TIMEOUT
        while now() < deadline:
            waiting = [
                post
                for post in self.posts.values()
                if not post.refused and post.on_projector_at is None
            ]
            if not waiting:
                return
            await asyncio.sleep(0.2)

    async def final_board(self) -> list[str]:
        """The board as a projector opened now shows it: read fresh from the server.

        A fresh page load reads the database, so a push the live projector missed cannot
        hide a lost post, and a stale card on the live projector cannot fake one.
        """
        fresh = Tab(self.base_url, self.facilitator_browser, "final projector")
        try:
            await fresh.open(f"/p/{self.code}", params={"room": self.code})
            await fresh.until(
                lambda t, _: t.hydrated() and t.get(FACILITATOR_STATE, "authorised") is True
            )
            cards = board_cards(fresh)
        except (TimeoutError, OSError, ConnectionError, ConnectionClosed) as error:
            print(f"warning: no fresh projector ({error}); counting the live projector's board")
            cards = board_cards(self.projector)
        finally:
            await fresh.close()
        return [card.get("text", "") for card in cards]

    async def flood(self) -> None:
        """The posting again, while one phone posts as fast as it can and one address joins
        again and again: what the other phones and the projector see meanwhile."""
        flooder = next(phone for phone in self.phones if phone.joined_at is not None)
        flooder.busy = True  # never picked for the room's own posts
        posting = asyncio.Event()
        began = now()

        async def joins() -> None:
            await self._join_flood(self.args.flood_joins)
            self.figures.flood_join_seconds = now() - began

        tasks = [
            asyncio.create_task(self._post_flood(flooder, posting)),
            asyncio.create_task(joins()),
        ]
        await self.post_at_rate(self.args.posts_per_s, self.args.duration, first=100_000)
        posting.set()
        await asyncio.gather(*tasks)

    async def _post_flood(self, phone: Phone, done: asyncio.Event) -> None:
        """Post, and the moment the answer comes, post again: a stuck or scripted phone."""
        tab = phone.tab
        for number in itertools.count():
            if done.is_set():
                return
            answered = tab.get(PHONE_STATE, "stories_answered", 0)
            text = f"flood {self.run_id} {number:05d}"
            try:
                await tab.emit(POST_INSIGHT, {"form": form({"text": text, "ref": f"f{number}"})})
                await tab.until(
                    lambda t, _, before=answered: (
                        t.get(PHONE_STATE, "stories_answered", 0) != before
                    )
                )
            except (TimeoutError, OSError, ConnectionError, ConnectionClosed) as error:
                self.figures.flood_posts[f"no answer ({type(error).__name__})"] += 1
                return
            self.figures.flood_posts[tab.get(PHONE_STATE, "error_key") or "stored"] += 1

    async def _join_flood(self, count: int) -> None:
        """`count` new phones from one address, a few at a time: each loads the page and joins."""
        parallel = asyncio.Semaphore(FLOOD_PARALLEL)
        outcomes = self.figures.flood_joins

        async def once(number: int) -> None:
            async with parallel:
                tab = Tab(self.base_url, Browser(self.bundle, FLOOD_ADDRESS), f"flood {number}")
                try:
                    await tab.open(f"/j/{self.code}", params={"room": self.code})
                    await tab.until(
                        lambda t, _: t.hydrated() and bool(t.get(PHONE_STATE, "loaded"))
                    )
                    await tab.emit(JOIN, {"form": form({"name": "", "role": "resident"})})
                    await tab.until(
                        lambda t, delta: (
                            t.get(PHONE_STATE, "joined") is True
                            or bool(delta.get(PHONE_STATE, {}).get(var("error_key")))
                        )
                    )
                    joined = tab.get(PHONE_STATE, "joined") is True
                    outcomes["joined" if joined else tab.get(PHONE_STATE, "error_key")] += 1
                except (TimeoutError, OSError, ConnectionError, ConnectionClosed) as error:
                    outcomes[f"failed ({type(error).__name__})"] += 1
                finally:
                    await tab.close()

        await asyncio.gather(*(once(number) for number in range(count)))

    def _flood_lines(self) -> list[str]:
        """The flood against the same posting without it, or why they cannot be compared."""
        seen = {
            phase: [
                post.on_projector_at - post.sent_at
                for post in self.posts.values()
                if post.phase == phase and post.on_projector_at is not None
            ]
            for phase in ("post", "flood")
        }
        if min(len(latencies) for latencies in seen.values()) < 20:
            raise SystemExit(
                "flood: fewer than 20 posts reached the projector in a phase "
                f"({len(seen['post'])} without, {len(seen['flood'])} with): no comparison"
            )
        quiet, flooded = (percentile(seen[phase], 0.95) for phase in ("post", "flood"))
        figures = self.figures
        return [
            latency_line("post->projector without the flood", seen["post"]),
            latency_line("post->projector during the flood", seen["flood"]),
            f"post->projector p95 during/without the flood: {flooded / quiet:.2f}",
            f"flood phone posts {dict(figures.flood_posts)}",
            f"flood joins from {FLOOD_ADDRESS} {dict(figures.flood_joins)} "
            f"in {figures.flood_join_seconds:.0f}s",
        ]

    async def late_joins(self, count: int) -> None:
        """Latecomers join while the board is full: what a join costs the facilitator screens."""
        late = [
            Phone(
                number,
                Tab(self.base_url, Browser(self.bundle, phone_address(number)), f"phone {number}"),
            )
            for number in range(len(self.phones), len(self.phones) + count)
        ]
        for phone in late:
            phone.tab.phase = "late join"
        begin = now()
        await asyncio.gather(
            *(
                self.phone_life(phone, begin + 0.5 * index, self.figures.late_join)
                for index, phone in enumerate(late)
            )
        )
        self.phones.extend(late)

    async def move_stage_under_load(self) -> None:
        """The facilitator moves on while every phone watches: the one push that reaches all."""
        joined = [phone for phone in self.phones if phone.joined_at is not None]
        sent = now()
        waits = [
            asyncio.create_task(
                phone.tab.until(lambda t, _: t.get(PHONE_STATE, "stage") == "sensemaking")
            )
            for phone in joined
        ]
        console = asyncio.create_task(
            self.console.until(lambda t, _: t.get(FACILITATOR_STATE, "stage") == "sensemaking")
        )
        await self.press_next_stage()
        with contextlib.suppress(TimeoutError):
            self.figures.stage_console = await console - sent
        for seen in await asyncio.gather(*waits, return_exceptions=True):
            if isinstance(seen, float):
                self.figures.stage_push.append(seen - sent)
            else:
                self.figures.stage_missed += 1

    async def drop_and_return(self, count: int) -> None:
        """Phones that slept or lost Wi-Fi come back: state.js rehydrates them in full."""
        joined = [phone for phone in self.phones if phone.joined_at is not None]
        for phone in random.sample(joined, min(count, len(joined))):
            tab = phone.tab
            before = tab.connects
            dropped = now()
            tab.drop()
            try:
                back = await tab.until(
                    lambda t, delta, before=before: (
                        t.connects > before
                        and delta.get(ROOT, {}).get(var("is_hydrated")) is True
                        and t.get(PHONE_STATE, "joined") is True
                    )
                )
            except TimeoutError:
                self.figures.return_failed += 1
                continue
            self.figures.returns.append(back - dropped)
            self.figures.return_bytes.append(
                sum(message.size for message in tab.received if message.at >= dropped)
            )

    # -- the whole scenario ------------------------------------------------------------------

    def _enter(self, phase: str) -> None:
        """Tag everything received from now on with `phase`, and time the phase."""
        self.marks[phase] = now()
        for tab in [self.console, self.projector, *self._phone_tabs()]:
            tab.phase = phase
        if self.monitor:
            self.monitor.mark(phase)

    async def run(self) -> bool:
        """The whole scenario; True when every phone joined and every post is on the board once."""
        sampler = asyncio.create_task(self.monitor.sample()) if self.monitor else None
        try:
            await self.create_workshop()
            await self.open_collect_stage()
            print(f"{self.args.phones} phones joining over {join_window(self.args):.0f}s ...")
            self.phones = [
                Phone(
                    number,
                    Tab(
                        self.base_url,
                        Browser(self.bundle, phone_address(number)),
                        f"phone {number}",
                    ),
                )
                for number in range(self.args.phones)
            ]
            starts = join_times(self.args)
            self._enter("join")
            begin = now()
            await asyncio.gather(
                *(
                    self.phone_life(phone, begin + start, self.figures.join)
                    for phone, start in zip(self.phones, starts, strict=True)
                )
            )
            joined = sum(phone.joined_at is not None for phone in self.phones)
            print(f"{joined}/{len(self.phones)} phones joined; posting for {self.args.duration}s")
            if self.args.themes:
                await self.open_vote_round()
            self._enter("post")
            began = now()
            await asyncio.gather(
                self.post_at_rate(self.args.posts_per_s, self.args.duration),
                self.vote_bursts(began),
            )
            self._enter("settle")
            await self.settle()
            if self.args.flood_joins:
                print(
                    f"flood: one phone posting flat out, {self.args.flood_joins} joins "
                    "from one address"
                )
                self._enter("flood")
                await self.flood()
                self._enter("flood settle")
                await self.settle()
            board = await self.final_board()
            if self.args.themes and self.args.votes_per_s:
                print(f"voting at {self.args.votes_per_s:g}/s for {self.args.vote_seconds:g}s")
                self._enter("votes")
                await self.votes_at_rate(self.args.votes_per_s, self.args.vote_seconds)
            if self.args.themes:
                self._enter("count")
                await self.count_votes()
            if self.args.late_phones:
                print(f"{self.args.late_phones} late phones joining; then the next stage")
                self._enter("late join")
                await self.late_joins(self.args.late_phones)
            self._enter("stage")
            await self.move_stage_under_load()
            if self.args.reconnects:
                self._enter("reconnect")
                await self.drop_and_return(self.args.reconnects)
            self._enter("end")
            return self.report(board)
        finally:
            if sampler:
                sampler.cancel()
            await asyncio.gather(
                self.console.close(),
                self.projector.close(),
                *(phone.tab.close() for phone in self.phones),
                return_exceptions=True,
            )

    def _phone_tabs(self) -> list[Tab]:
        return [phone.tab for phone in self.phones]

    # -- the figures ---------------------------------------------------------------------------

    def report(self, board: list[str]) -> bool:
        figures = self.figures
        phones = [phone for phone in self.phones if phone.join_sent_at is not None]
        print()
        print(
            f"# {self.args.phones} phones, {self.args.posts_per_s:g} posts/s for "
            f"{self.args.duration:g}s against {self.base_url} (workshop {self.code})"
        )
        print(latency_line("page load (connect->on_load done)", figures.page_load))
        print(latency_line("join->board-visible", figures.join))
        print(latency_line("post->own phone", figures.post_ack))
        print(latency_line("post->projector", figures.post_projector))
        drift = self._drift()
        if drift:
            print(drift)
        if self.votes:
            print(latency_line("vote->own phone (ack)", figures.vote_ack))
        if self.args.late_phones:
            print(latency_line("late join->board-visible (full board)", figures.late_join))
        console = figures.stage_console
        print(
            latency_line("next stage->phone", figures.stage_push)
            + self._missed()
            + (f"; console answered in {console:.3f}s" if console is not None else "")
        )

        def sizes(tabs: list[Tab], keep: Callable[[Received], bool]) -> list[int]:
            return [message.size for tab in tabs for message in tab.received if keep(message)]

        tabs = [phone.tab for phone in phones]
        after_join = [
            message.size
            for phone in phones
            for message in phone.tab.received
            if message.at >= phone.join_sent_at and message.phase != "reconnect"
        ]
        print(size_line("bytes per phone update (after join)", after_join))
        print(
            size_line(
                "bytes per phone update while others post",
                sizes(tabs, lambda m: m.phase == "post" and not m.own),
                empty="no pushes: phones are never sent the board",
            )
        )
        print(
            size_line(
                "bytes per phone reply to its own post",
                sizes(tabs, lambda m: m.own in ("post", "tail")),
            )
        )
        if self.votes:
            replies = sizes(tabs, lambda m: m.own == "vote")
            print(size_line("bytes per phone reply to its own vote", replies))
        print(
            size_line(
                "bytes per phone stage push",
                sizes(tabs, lambda m: m.phase == "stage" and not m.own),
            )
        )
        if self.args.reconnects:
            failed = figures.return_failed
            print(
                latency_line("phone back after a dropped connection", figures.returns)
                + (f", {failed} never came back" if failed else "")
            )
            returned = sizes(tabs, lambda m: m.phase == "reconnect")
            print(size_line("bytes per phone update on reconnect (full rehydrate)", returned))
            print(size_line("bytes per phone reconnect (all messages)", figures.return_bytes))
        page_loads = [
            sum(message.size for message in phone.tab.received if message.at < phone.join_sent_at)
            for phone in phones
        ]
        print(size_line("bytes per phone page load (all messages)", page_loads))
        for phase in ("join", "post", "late join"):
            projector = sizes([self.projector], lambda m, phase=phase: m.phase == phase)
            print(size_line(f"bytes per projector update ({phase})", projector))
        posting = max(1e-9, self.marks["settle"] - self.marks["post"])
        downlink = [
            sum(message.size for message in tab.received if message.phase == "post") / posting
            for tab in tabs
        ]
        if downlink:
            print(
                f"phone downlink while posting mean {statistics.mean(downlink):.0f} B/s "
                f"max {max(downlink):.0f} B/s (pings excluded)"
            )

        on_board = Counter(board)
        sent = list(self.posts.values())
        refused = [post for post in sent if post.refused]
        lost = [post for post in sent if on_board[post.text] == 0]
        duplicated = [post for post in sent if on_board[post.text] > 1]
        unseen = [post for post in sent if not post.refused and post.on_projector_at is None]
        print(
            f"posts sent/received/lost/duplicated {len(sent)}/{len(sent) - len(lost)}/"
            f"{len(lost)}/{len(duplicated)} (refused {len(refused)}, never on the live "
            f"projector {len(unseen)}, skipped for want of an idle phone {figures.skipped_posts})"
        )
        for post in refused[:5]:
            print(f"  refused: phone {post.phone}: {post.refused}")
        votes_lost = votes_duplicated = 0
        if self.votes:
            acked = sum(1 for vote in self.votes if vote.acked_at and not vote.refused)
            counted = figures.votes_counted or 0
            votes_lost, votes_duplicated = max(0, acked - counted), max(0, counted - acked)
            refusals = Counter(vote.refused for vote in self.votes if vote.refused)
            print(
                f"votes sent/acked/counted/lost/duplicated {len(self.votes)}/{acked}/{counted}/"
                f"{votes_lost}/{votes_duplicated} (refused {dict(refusals)}, skipped for want "
                f"of an idle phone with dots left {figures.skipped_votes})"
            )
            if "votes" in self.marks and "count" in self.marks:
                began, ended = self.marks["votes"], self.marks["count"]
                phase = [v for v in self.votes if v.sent_at >= began and v.acked_at]
                acks = [v.acked_at - v.sent_at for v in phase if not v.refused]
                print(
                    f"vote phase: {len(acks)} acked in {ended - began:.1f}s = "
                    f"{len(acks) / max(1e-9, ended - began):.0f} votes/s; "
                    + latency_line("ack", acks)
                )
        if self.args.flood_joins:
            for line in self._flood_lines():
                print(line)
        failed = [phone for phone in self.phones if phone.failure]
        print(
            f"phones joined {len(self.phones) - len(failed)}/{len(self.phones)}, "
            f"reconnects {sum(tab.reconnects for tab in self._phone_tabs())}"
        )
        for reason, count in Counter(phone.failure for phone in failed).most_common(5):
            print(f"  failed x{count}: {reason}")
        errors = Counter(
            error
            for tab in [self.console, self.projector, *self._phone_tabs()]
            for error in tab.errors
        )
        for error, count in errors.most_common(5):
            print(f"  socket error x{count}: {error[:160]}")
        if self.monitor:
            for line in self.monitor.lines():
                print(line)
        else:
            print("server CPU/RSS: not measured (psutil missing or no process on the port)")
        return not (lost or duplicated or failed or votes_lost or votes_duplicated)

    def _drift(self) -> str:
        """post->projector p95 in the posting's first minute against its last (long runs)."""
        start, end = self.marks.get("post"), self.marks.get("settle")
        if start is None or end is None or end - start < 180:
            return ""
        shown = [p for p in self.posts.values() if p.on_projector_at is not None]
        first = [p.on_projector_at - p.sent_at for p in shown if p.sent_at < start + 60]
        last = [p.on_projector_at - p.sent_at for p in shown if p.sent_at >= end - 60]
        if not first or not last:
            return ""
        ratio = percentile(last, 0.95) / percentile(first, 0.95)
        return (
            f"post->projector p95 first minute {percentile(first, 0.95):.3f}s, last minute "
            f"{percentile(last, 0.95):.3f}s: drift ratio {ratio:.2f}"
        )

    def _missed(self) -> str:
        missed = self.figures.stage_missed
        return f", {missed} phones never saw it" if missed else ""


def board_cards(tab: Tab) -> list[dict[str, Any]]:
    """The flat board a facilitator screen holds: the newest cards, then the earlier ones."""
    return [
        *tab.get(FACILITATOR_STATE, "newest_cards", []),
        *tab.get(FACILITATOR_STATE, "earlier_cards", []),
    ]


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the value below which `fraction` of the values fall."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def latency_line(label: str, values: list[float]) -> str:
    if not values:
        return f"{label} n=0"
    return (
        f"{label} p50 {percentile(values, 0.5):.3f}s p95 {percentile(values, 0.95):.3f}s "
        f"max {max(values):.3f}s (n={len(values)})"
    )


def size_line(label: str, sizes: list[int], empty: str = "nothing sent") -> str:
    if not sizes:
        return f"{label} n=0 ({empty})"
    return f"{label} median {statistics.median(sizes):.0f} B max {max(sizes)} B (n={len(sizes)})"


# --------------------------------------------------------------------------- the server process


class ServerMonitor:
    """CPU and memory of the process listening on the app's port (and its children)."""

    def __init__(self, process: Any) -> None:
        self.process = process
        self.samples: list[tuple[float, float, int]] = []  # (wall, cpu seconds, rss bytes)
        self.phases: list[tuple[str, float]] = []
        self.harness = psutil.Process()
        self.harness_start = self.harness.cpu_times()

    @classmethod
    def for_url(cls, base_url: str) -> ServerMonitor | None:
        """The process tree serving the port: one process, or workers under one parent."""
        if psutil is None:
            return None
        port = urllib.parse.urlsplit(base_url).port or 80
        with contextlib.suppress(psutil.Error):
            listeners = {
                conn.pid
                for conn in psutil.net_connections("tcp")
                if conn.status == psutil.CONN_LISTEN and conn.laddr.port == port and conn.pid
            }
            if not listeners:
                return None
            workers = [psutil.Process(pid) for pid in sorted(listeners)]
            parents = {worker.ppid() for worker in workers}
            if len(parents) == 1:
                parent = psutil.Process(parents.pop())
                if parent.name() == workers[0].name():
                    return cls(parent)
            return cls(workers[0])
        return None

    def _measure(self) -> tuple[float, float, int]:
        cpu, rss = 0.0, 0
        for process in [self.process, *self.process.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                times = process.cpu_times()
                cpu += times.user + times.system
                rss += process.memory_info().rss
        return now(), cpu, rss

    def mark(self, phase: str) -> None:
        sample = self._measure()
        self.phases.append((phase, sample[0]))
        self.samples.append(sample)

    async def sample(self) -> None:
        while True:
            self.samples.append(self._measure())
            await asyncio.sleep(1.0)

    def lines(self) -> list[str]:
        workers = len(self.process.children(recursive=True)) or 1
        lines = [
            f"server pid {self.process.pid} ({self.process.name()}, {workers} process(es) "
            "under it), 100% = one core"
        ]
        for (phase, start), (_, end) in zip(self.phases, self.phases[1:], strict=False):
            inside = [sample for sample in self.samples if start <= sample[0] <= end]
            if len(inside) < 2:
                continue
            cpu = (inside[-1][1] - inside[0][1]) / max(1e-9, inside[-1][0] - inside[0][0])
            steps = [
                (b[1] - a[1]) / max(1e-9, b[0] - a[0])
                for a, b in itertools.pairwise(inside)
                if b[0] - a[0] > 0.5
            ]
            peak = max(steps, default=cpu)
            rss = max(sample[2] for sample in inside)
            lines.append(
                f"server CPU% {phase} mean {cpu * 100:.0f}% peak {peak * 100:.0f}%, "
                f"RSS peak {rss / 2**20:.0f} MB"
            )
        used = self.harness.cpu_times()
        spent = used.user + used.system - self.harness_start.user - self.harness_start.system
        wall = self.phases[-1][1] - self.phases[0][1] if self.phases else 1.0
        lines.append(f"harness CPU% mean {spent / max(1e-9, wall) * 100:.0f}% (same machine)")
        return lines


# --------------------------------------------------------------------------- command line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.room", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--phones", type=int, required=True, help="simulated phones (N)")
    parser.add_argument("--posts-per-s", type=float, required=True, help="posts/s, all phones")
    parser.add_argument("--url", default="http://127.0.0.1:3000", help="the running app")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of posting")
    parser.add_argument(
        "--join-window",
        type=float,
        default=None,
        help=f"seconds over which phones join (default {JOIN_WINDOW_300:.0f} per 300 phones)",
    )
    parser.add_argument(
        "--late-phones",
        type=int,
        default=10,
        help="phones that join after the posting, while the board is full (0: none)",
    )
    parser.add_argument(
        "--reconnects",
        type=int,
        default=10,
        help="joined phones that drop their connection at the end and come back (0: none)",
    )
    parser.add_argument(
        "--themes", type=int, default=8, help="themes to vote on (0: no voting at all)"
    )
    parser.add_argument("--dots", type=int, default=10, help="dots per phone in the round")
    parser.add_argument(
        "--burst-votes-per-s", type=float, default=30, help="votes/s in a burst (0: none)"
    )
    parser.add_argument("--burst-seconds", type=float, default=10, help="length of a burst")
    parser.add_argument(
        "--burst-every",
        type=float,
        default=0,
        help="seconds between bursts during the posting (0: one burst, a third in)",
    )
    parser.add_argument(
        "--votes-per-s", type=float, default=100, help="votes/s in the vote phase (0: none)"
    )
    parser.add_argument("--vote-seconds", type=float, default=20, help="vote phase length")
    parser.add_argument(
        "--floor",
        action="store_true",
        help="then run the same scenario against a raw websockets server and report ratios",
    )
    parser.add_argument(
        "--flood-joins",
        type=int,
        default=0,
        help="then post again for --duration while one phone posts flat out and one address "
        "joins this many times (0: no flood)",
    )
    parser.add_argument("--language", default="nl", choices=("nl", "en"))
    parser.add_argument(
        "--session",
        default="",
        help="the livinglab_session cookie of a signed-in facilitator (only members start "
        "workshops): copy it from the browser's developer tools",
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed (join times, posters)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.phones < 1 or args.posts_per_s <= 0:
        raise SystemExit("--phones must be >= 1 and --posts-per-s > 0")
    random.seed(args.seed)
    try:
        bundle = Bundle.fetch(args.url.rstrip("/"))
    except OSError as error:
        raise SystemExit(f"cannot load {args.url}: {error}") from None
    bundle.check()
    room = Room(args, bundle)
    try:
        complete = asyncio.run(room.run())
        if args.floor:
            compare_with_floor(args, room.figures)
    except KeyboardInterrupt:
        return 130
    return 0 if complete else 1


def compare_with_floor(args: argparse.Namespace, ours: Figures) -> None:
    """The same scenario against the raw websockets floor; our p95 as a ratio to its p95."""
    port = urllib.parse.urlsplit(args.url).port or 80
    server = floor.start_server(port + 1)
    try:
        print(f"\n# the floor: the same scenario against bench.floor on port {port + 1}")
        base = asyncio.run(floor.floor_scenario(args, f"ws://127.0.0.1:{port + 1}"))
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(latency_line("floor join->joined", base.join))
    print(latency_line("floor post->projector", base.post_projector))
    print(latency_line("floor vote->ack", base.vote_ack))
    print(f"floor votes acked/counted {base.votes_acked}/{base.votes_counted}")
    for label, mine, theirs in (
        ("join->board-visible", ours.join, base.join),
        ("post->projector", ours.post_projector, base.post_projector),
        ("vote ack", ours.vote_ack, base.vote_ack),
    ):
        if mine and theirs:
            ratio = percentile(mine, 0.95) / percentile(theirs, 0.95)
            print(f"p95 ratio livinglab/floor {label}: {ratio:.1f}")


if __name__ == "__main__":
    sys.exit(main())
