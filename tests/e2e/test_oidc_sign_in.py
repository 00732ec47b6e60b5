"""Signing in at the organisation's identity provider, in real Chromium (issue 22).

Its own livinglab server (configured for single sign-on) and its own OpenID Connect
provider (tests/oidc/provider.mjs), whose login and consent forms the browser fills in.
Signed in is checked on the start page, by the cookie (HttpOnly: no script sees it) and in
the database.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import Engine
from sqlmodel import Session, select

from livinglab import workshops
from livinglab.credentials import digest_secret
from livinglab.db import make_engine
from livinglab.models import Member, MemberSession, Workshop
from livinglab.organisation import sessions
from tests.services import IdentityProvider, oidc_provider

from .room import LOAD_TIMEOUT, PROJECTOR, wait_hydrated
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


def test_fatima_signs_in_at_the_provider_starts_a_workshop_and_signs_out_there_too(
    context: BrowserContext, sso: SingleSignOn
):
    base = sso.server.base_url
    page = context.new_page()
    page.goto(base + "/")
    sign_in = page.get_by_test_id("sign-in")
    wait_hydrated(sign_in)
    expect(page.get_by_test_id("create-submit")).to_have_count(0)  # a visitor: no form
    sign_in.click()
    log_in_at_provider(page, sso, "fatima")
    page.wait_for_url(base + "/")
    expect(page.get_by_test_id("signed-in-as")).to_contain_text("Fatima El Amrani")

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

    # She starts a workshop: it is hers, on her list.
    wait_hydrated(page.get_by_test_id("create-submit"))
    page.get_by_test_id("create-title").fill("Vervoer in Houten")
    page.get_by_test_id("create-question").fill("Hoe komen mensen op tijd op hun werk?")
    page.get_by_test_id("create-submit").click()
    expect(page.get_by_test_id("facilitator-link")).to_be_visible(timeout=LOAD_TIMEOUT)
    with Session(sso.database) as db:
        started = db.exec(select(Workshop).where(Workshop.title == "Vervoer in Houten")).one()
        assert started.lead_member_id == member.id

    # The sign-out button: a plain POST (the page's Content-Security-Policy lets it go on to
    # the provider), then the provider's own question, then back home.
    page.goto(base + "/")
    sign_out = page.get_by_test_id("sign-out")
    wait_hydrated(sign_out)
    sign_out.click()
    page.wait_for_url(f"{sso.provider.issuer}/**")
    page.click('button[name="logout"]')
    page.wait_for_url(base + "/")
    expect(page.get_by_test_id("sign-in")).to_be_visible()
    assert session_cookie(context, sso) is None
    with Session(sso.database) as db:
        row = db.exec(select(MemberSession).where(MemberSession.id == row.id)).one()
        assert row.ended_at is not None


def test_ruud_signs_in_as_a_records_reader_and_reads_a_closed_workshops_log(
    context: BrowserContext, sso: SingleSignOn
):
    with Session(sso.database, expire_on_commit=False) as db:
        closed, key = workshops.create_workshop(
            session=db,
            title="Schulden en hulp",
            question="Wat helpt?",
            language="nl",
            uses_names=False,
        )
        for _ in workshops.STAGES[1:]:
            workshops.move_stage(session=db, code=closed.code, key=key, step=1)
        db.commit()
    base = sso.server.base_url
    page = context.new_page()
    page.goto(base + "/auth/sign-in?next=/records")
    log_in_at_provider(page, sso, "ruud")
    page.wait_for_url(base + "/records**")
    row = page.get_by_test_id("record-row").filter(has_text="Schulden en hulp")
    expect(row).to_be_visible(timeout=LOAD_TIMEOUT)
    row.get_by_role("link").first.click()
    expect(page.get_by_test_id("record-page")).to_contain_text("Wat helpt?")
    expect(page.get_by_test_id("record-digest")).to_be_visible()
    # A records reader does not start workshops.
    page.goto(base + "/")
    expect(page.get_by_test_id("signed-in-as")).to_contain_text("Ruud")
    expect(page.get_by_test_id("create-submit")).to_have_count(0)


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
