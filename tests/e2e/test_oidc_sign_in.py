"""Signing in at the organisation's identity provider, in real Chromium (issue 22).

Its own livinglab server (configured for single sign-on) and its own OpenID Connect
provider (tests/oidc/provider.mjs), whose login and consent forms the browser fills in.
Signed in is checked by the cookie (HttpOnly: no script sees it) and the database; the
start page's "signed in as" is another helper's.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import Engine
from sqlmodel import Session, select

from livinglab.credentials import digest_secret
from livinglab.db import make_engine
from livinglab.models import Member, MemberSession
from livinglab.organisation import sessions
from tests.services import IdentityProvider, oidc_provider

from .room import LOAD_TIMEOUT, PROJECTOR
from .server import AppServer, free_port


@dataclass
class SingleSignOn:
    server: AppServer
    provider: IdentityProvider
    database: Engine


@pytest.fixture(scope="module")
def sso(tmp_path_factory) -> Iterator[SingleSignOn]:
    """One livinglab server that signs members in at one provider."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with oidc_provider((base + "/auth/callback", base + "/")) as provider:
        server = AppServer(
            port=port,
            log_path=tmp_path_factory.mktemp("livinglab-oidc") / "server.log",
            env={
                "LIVINGLAB_OIDC_ISSUER": provider.issuer,
                "LIVINGLAB_OIDC_CLIENT_ID": provider.client_id,
                "LIVINGLAB_OIDC_CLIENT_SECRET": provider.client_secret,
                "LIVINGLAB_OIDC_ROLES": "facilitators=facilitator,records-readers=records_reader",
            },
        )
        try:
            server.start()
            database = make_engine(f"sqlite:///{server.workdir / 'e2e.db'}")
            yield SingleSignOn(server, provider, database)
            database.dispose()
        except BaseException:
            print(server.log()[-5000:])
            raise
        finally:
            server.stop()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(**PROJECTOR, locale="nl-NL")
    context.set_default_timeout(LOAD_TIMEOUT)
    yield context
    context.close()


def log_in_at_provider(page: Page, sso: SingleSignOn, person: str) -> None:
    """On the provider's own pages: its login form, then its consent."""
    page.wait_for_url(f"{sso.provider.issuer}/**")
    page.fill('input[name="login"]', person)
    page.fill('input[name="password"]', "anything")
    page.click('button[type="submit"]')
    page.wait_for_url(f"{sso.provider.issuer}/**")
    page.click('button[type="submit"]')  # consent: "Continue"


def session_cookie(context: BrowserContext, sso: SingleSignOn) -> dict | None:
    found = [c for c in context.cookies(sso.server.base_url) if c["name"] == sessions.COOKIE]
    return found[0] if found else None


def test_fatima_signs_in_at_the_provider_and_signs_out_there_too(
    context: BrowserContext, sso: SingleSignOn
):
    base = sso.server.base_url
    page = context.new_page()
    page.goto(base + "/auth/sign-in?next=/records")
    log_in_at_provider(page, sso, "fatima")
    page.wait_for_url(base + "/records**")  # the build serves /records/

    cookie = session_cookie(context, sso)
    assert cookie is not None
    assert (cookie["httpOnly"], cookie["sameSite"]) == (True, "Lax")
    assert page.evaluate("document.cookie").find(sessions.COOKIE) == -1
    with Session(sso.database) as db:
        row = db.exec(
            select(MemberSession).where(MemberSession.token_hash == digest_secret(cookie["value"]))
        ).one()
        member = db.exec(select(Member).where(Member.id == row.member_id)).one()
        assert (member.name, member.roles, row.method) == (
            "Fatima El Amrani",
            "facilitator",
            "oidc",
        )
        assert row.ended_at is None

    # Signing out as a sign-out button does it: a form's POST from a page of the app (the
    # page's Content-Security-Policy lets it go on to the provider), then the provider's
    # own question, then back home.
    page.goto(base + "/")
    page.evaluate(
        """() => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = "/auth/sign-out";
            document.body.appendChild(form);
            form.submit();
        }"""
    )
    page.wait_for_url(f"{sso.provider.issuer}/**")
    page.click('button[name="logout"]')
    page.wait_for_url(base + "/")
    assert session_cookie(context, sso) is None
    with Session(sso.database) as db:
        row = db.exec(select(MemberSession).where(MemberSession.id == row.id)).one()
        assert row.ended_at is not None


def test_noor_without_a_role_is_told_why_and_not_signed_in(
    context: BrowserContext, sso: SingleSignOn
):
    page = context.new_page()
    page.goto(sso.server.base_url + "/auth/sign-in")
    log_in_at_provider(page, sso, "noor")
    refusal = page.locator("#sign-in-refusal")
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text("nog geen rol in livinglab")
    expect(page.get_by_role("link", name="Opnieuw inloggen")).to_be_visible()
    assert session_cookie(context, sso) is None
    with Session(sso.database) as db:
        noor = db.exec(select(Member).where(Member.name == "Noor Bakker")).one()
        assert noor.roles == ""
        assert db.exec(select(MemberSession).where(MemberSession.member_id == noor.id)).all() == []
