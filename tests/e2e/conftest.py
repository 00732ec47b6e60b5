"""One real livinglab server and one Chromium for this package; fresh contexts per test.

Sync Playwright only (pytest-asyncio in the same process breaks its event loop). Package
scope, not session: sync Playwright holds a running event loop until it stops, and the
other tests in the same run call asyncio.run().
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, sync_playwright

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
    """Browser contexts for one test: each is a separate person (own cookies and storage)."""

    def __init__(self, browser: Browser) -> None:
        self._browser = browser
        self._open: list[BrowserContext] = []
        #: Every JavaScript dialog (alert, confirm) any page opened: injected script would.
        self.dialogs: list[str] = []

    def _record(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _new(self, options: dict) -> BrowserContext:
        context = self._browser.new_context(**options)
        context.set_default_timeout(15_000)
        context.on("page", lambda page: page.on("dialog", self._record))
        self._open.append(context)
        return context

    def facilitator(self) -> BrowserContext:
        return self._new(PROJECTOR)

    def phone(self) -> BrowserContext:
        return self._new(PHONE)

    def close(self) -> None:
        for context in self._open:
            context.close()


@pytest.fixture
def people(browser: Browser, app_server: AppServer) -> Iterator[Contexts]:
    contexts = Contexts(browser)
    yield contexts
    contexts.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    server = item.config.stash.get(SERVER_KEY, None)
    if report.failed and server is not None:
        tail = "\n".join(server.log().splitlines()[-LOG_TAIL:])
        report.sections.append((f"livinglab server log ({server.log_path})", tail))
    return report
