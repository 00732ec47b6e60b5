"""One real livinglab server and one Chromium for this package; fresh contexts per test.

Sync Playwright only (pytest-asyncio in the same process breaks its event loop). Package
scope, not session: sync Playwright holds a running event loop until it stops, and the
other tests in the same run call asyncio.run().
"""

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, sync_playwright

from .room import CHROMIUM, CHROMIUM_ARGS, PHONE, PROJECTOR
from .server import AppServer

SERVER_KEY = pytest.StashKey[AppServer]()
#: Lines of the server log shown under a failed test.
LOG_TAIL = 150


@pytest.fixture(scope="package")
def app_server(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[AppServer]:
    """The app as `make run` starts it, from a copy, on a free port, with its own database."""
    server = AppServer(log_path=tmp_path_factory.mktemp("livinglab-server") / "server.log")
    request.config.stash[SERVER_KEY] = server
    try:
        server.start()  # raises with the whole log when the app does not come up
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Contexts:
    """Browser contexts for one test: each is a separate person (own cookies and storage).

    Nothing a page does may reach another host than the app's: every request and websocket
    to one is recorded in `foreign_requests`, and the `people` fixture fails the test on it.
    """

    def __init__(self, browser: Browser, app_url: str, server: AppServer | None = None) -> None:
        self._browser = browser
        self._server = server
        self._app_host = urlsplit(app_url).hostname
        self._open: list[BrowserContext] = []
        #: Every JavaScript dialog (alert, confirm) any page opened: injected script would.
        self.dialogs: list[str] = []
        #: Every http(s) or ws(s) address a page asked for on another host than the app's.
        self.foreign_requests: list[str] = []

    def _record(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def leaves_the_app(self, url: str) -> bool:
        """True for a network address on another host (data: and blob: stay in the page)."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != self._app_host

    def _guard(self, url: str) -> None:
        if self.leaves_the_app(url):
            self.foreign_requests.append(url)

    def _watch(self, page: Page) -> None:
        page.on("dialog", self._record)
        page.on("websocket", lambda socket: self._guard(socket.url))

    def _new(self, options: dict) -> BrowserContext:
        context = self._browser.new_context(**options)
        context.set_default_timeout(15_000)
        context.on("page", self._watch)
        # Watched, not routed: routing would hold requests whenever the test is not inside
        # a Playwright call (a sleep) and turns off the HTTP cache.
        context.on("request", lambda request: self._guard(request.url))
        self._open.append(context)
        return context

    def facilitator(self, *, signed_in: bool = True) -> BrowserContext:
        """A laptop; signed in as a new facilitator of the organisation unless told not to
        (only members start workshops)."""
        context = self._new(PROJECTOR)
        if signed_in and self._server is not None:
            self._server.sign_in(context)
        return context

    def phone(self) -> BrowserContext:
        return self._new(PHONE)

    def close(self) -> None:
        for context in self._open:
            context.close()


@pytest.fixture
def people(browser: Browser, app_server: AppServer) -> Iterator[Contexts]:
    contexts = Contexts(browser, app_server.base_url, app_server)
    yield contexts
    contexts.close()
    assert not contexts.foreign_requests, f"requests left the app: {contexts.foreign_requests}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    server = item.config.stash.get(SERVER_KEY, None)
    if report.failed and server is not None:
        tail = "\n".join(server.log().splitlines()[-LOG_TAIL:])
        report.sections.append((f"livinglab server log ({server.log_path})", tail))
    return report
