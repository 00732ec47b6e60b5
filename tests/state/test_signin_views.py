"""The welcome page of an invitation and the sign-in page, as their states see them."""

from sqlmodel import Session

from livinglab import db, settings
from livinglab.organisation import members
from livinglab.web import routes
from livinglab.web.state.signin import SignInState, WelcomeState
from tests.state.conftest import open_view, run


def setup_token() -> str:
    with Session(db.engine(), expire_on_commit=False) as session:
        token = members.setup_link(session)
        session.commit()
    return token


def test_the_setup_link_welcomes_the_first_admin(database_url, monkeypatch):
    monkeypatch.setattr(settings, "OIDC_ISSUER", "")
    token = setup_token()
    welcome = open_view(WelcomeState, f"/welcome?token={token}&lang=en")
    run(welcome.on_load())
    assert welcome.valid and welcome.first_admin and welcome.roles == ["admin"]
    assert welcome.lang == "en" and welcome.token == token and welcome.oidc_link == ""


def test_with_an_identity_provider_the_invitation_is_accepted_there(database_url, monkeypatch):
    monkeypatch.setattr(settings, "OIDC_ISSUER", "https://login.example.nl")
    token = setup_token()
    welcome = open_view(WelcomeState, f"/welcome?token={token}")
    run(welcome.on_load())
    assert welcome.oidc_link == f"{routes.AUTH_INVITE}?token={token}"


def test_a_wrong_invitation_says_so(database_url):
    welcome = open_view(WelcomeState, "/welcome?token=nope")
    run(welcome.on_load())
    assert not welcome.valid and welcome.error_key == "error_invite_invalid"


def test_sign_in_shows_a_known_refusal_only_and_stays_on_this_site():
    view = open_view(SignInState, "/sign-in?error=error_too_many_sign_ins&next=/records")
    view.on_load()
    assert view.error_key == "error_too_many_sign_ins" and view.next_path == "/records"
    view = open_view(SignInState, "/sign-in?error=<script>&next=https://evil.example")
    view.on_load()
    assert view.error_key == "" and view.next_path == "/" and view.lang == "nl"
