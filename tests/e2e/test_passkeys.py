"""Passkeys in real Chromium with its virtual authenticator (DevTools protocol): the setup
link printed by `python -m livinglab setup-link` makes the first admin, whose passkey then
signs in from a second browser; an IP address and a spent link are explained.

The test server's public address is http://127.0.0.1:PORT, and WebAuthn refuses IP
addresses: these contexts use http://localhost:PORT, as the README tells people to.
"""

import re
import subprocess
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, expect

from livinglab.organisation.sessions import COOKIE
from livinglab.web import routes

from .room import LOAD_TIMEOUT, PHONE
from .server import VENV_BIN, AppServer

#: A phone with a fingerprint reader: passkeys stored on it, the person verified.
AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def device(browser: Browser, opened: list) -> tuple[Page, CDPSession, str]:
    """A new browser with a virtual authenticator: its page, DevTools session, authenticator."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(LOAD_TIMEOUT)
    opened.append(context)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    made = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})
    return page, cdp, made["authenticatorId"]


def setup_link(server: AppServer) -> str:
    """What an operator runs on the server: the `Setup link:` line of the command."""
    printed = subprocess.run(
        [str(VENV_BIN / "python"), "-m", "livinglab", "setup-link"],
        cwd=server.app_dir,
        env=server._env(),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    found = re.search(r"^Setup link: (\S+)$", printed, re.MULTILINE)
    assert found, printed
    return found.group(1)


def session_cookie(page: Page) -> dict | None:
    return next((c for c in page.context.cookies() if c["name"] == COOKIE), None)


def test_the_setup_link_makes_the_first_admin_whose_passkey_signs_in_elsewhere(
    browser: Browser, app_server: AppServer, contexts
):
    local = f"http://localhost:{app_server.port}"
    link = setup_link(app_server)
    assert link.startswith(app_server.public_url + routes.WELCOME + "?token=")
    link = local + link.removeprefix(app_server.public_url)

    page, cdp, authenticator = device(browser, contexts)
    page.goto(link)
    expect(page.get_by_test_id("welcome-first-admin")).to_be_visible()
    button = page.get_by_test_id("passkey-add")
    expect(button).to_have_attribute("data-token", re.compile(r".{20,}"))
    page.get_by_test_id("welcome-name").fill("Noor Bakker")
    button.click()
    page.wait_for_url(local + "/")
    cookie = session_cookie(page)
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Lax"

    stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    (credential,) = stored["credentials"]
    assert credential["rpId"] == "localhost" and credential["isResidentCredential"]

    # The same link again: spent.
    page.goto(link)
    expect(page.get_by_test_id("error-message")).to_contain_text("uitnodiging werkt niet meer")
    expect(page.get_by_test_id("passkey-add")).to_have_count(0)

    # The same passkey on another browser (as a synced password manager would have it).
    other, other_cdp, other_authenticator = device(browser, contexts)
    other_cdp.send(
        "WebAuthn.addCredential",
        {"authenticatorId": other_authenticator, "credential": credential},
    )
    other.goto(local + routes.SIGN_IN + "?lang=en&next=/privacy")
    sign_in = other.get_by_test_id("passkey-sign-in")
    expect(sign_in).to_have_text("Sign in with a passkey")
    expect(sign_in).to_have_attribute("data-next", "/privacy")
    assert session_cookie(other) is None
    sign_in.click()
    other.wait_for_url(re.compile(re.escape(local) + r"/privacy/?$"))
    assert session_cookie(other)["httpOnly"]
    assert session_cookie(other)["value"] != cookie["value"]


def test_sign_in_explains_an_ip_address_and_a_refusal(
    browser: Browser, app_server: AppServer, contexts
):
    page, _, _ = device(browser, contexts)
    page.goto(app_server.base_url + routes.SIGN_IN + "?lang=en")  # 127.0.0.1
    sign_in = page.get_by_test_id("passkey-sign-in")
    expect(sign_in).to_have_text("Sign in with a passkey")
    sign_in.click()
    expect(page.get_by_test_id("passkey-sign-in-error")).to_contain_text("http://localhost")
    expect(page.get_by_test_id("passkey-sign-in-error")).to_have_attribute("role", "alert")
    assert session_cookie(page) is None

    page.goto(app_server.base_url + routes.SIGN_IN + "?error=error_too_many_sign_ins")
    expect(page.get_by_test_id("error-message")).to_contain_text("Te veel mislukte pogingen")
    expect(page.get_by_test_id("error-message")).to_have_attribute("role", "alert")
