"""The passkey routes over HTTP: JSON in and out, the session cookie, refusals as catalog keys."""

import pytest
from sqlmodel import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from livinglab import settings
from livinglab.models import MemberSession
from livinglab.organisation import members, sessions
from livinglab.web import routes
from livinglab.web.passkey_routes import ROUTES
from tests.authenticator import Authenticator

ORIGIN = "http://localhost:3000"


@pytest.fixture
def client(session, monkeypatch):
    monkeypatch.setattr(settings, "PUBLIC_URL", "")
    with TestClient(Starlette(routes=ROUTES), base_url=ORIGIN) as client:
        yield client


def post(client, route, body, origin=ORIGIN):
    return client.post(route, json=body, headers={"Origin": origin})


def test_the_setup_link_then_a_sign_in_over_http(client, session):
    token = members.setup_link(session)
    session.commit()
    device = Authenticator()
    options = post(client, routes.PASSKEY_ADD_OPTIONS, {"token": token, "next": "/admin"}).json()
    added = post(
        client,
        routes.PASSKEY_ADD,
        {"credential": device.create(options, origin=ORIGIN), "name": "Noor"},
    )
    assert added.status_code == 200 and added.json() == {"next": "/admin"}
    cookie = added.cookies.get(sessions.COOKIE)
    assert "httponly" in added.headers["set-cookie"].lower()
    assert sessions.signed_in(session, cookie).name == "Noor"
    client.cookies.clear()
    options = post(client, routes.PASSKEY_SIGN_IN_OPTIONS, {"next": "//evil.example"}).json()
    signed = post(
        client, routes.PASSKEY_SIGN_IN, {"credential": device.get(options, origin=ORIGIN)}
    )
    assert signed.json() == {"next": "/"}  # never another site
    assert sessions.signed_in(session, signed.cookies.get(sessions.COOKIE)).name == "Noor"


def test_refusals_are_catalog_keys(client, session):
    assert post(
        client, routes.PASSKEY_SIGN_IN_OPTIONS, {}, origin="https://evil.example"
    ).json() == {"error": "error_sign_in_failed"}
    used = post(client, routes.PASSKEY_ADD_OPTIONS, {"token": "nope"})
    assert used.status_code == 400 and used.json() == {"error": "error_invite_invalid"}
    broken = post(client, routes.PASSKEY_SIGN_IN, {"credential": {"id": "x"}})
    assert broken.status_code == 400 and broken.json() == {"error": "error_sign_in_failed"}
    session.expire_all()
    assert session.exec(select(MemberSession)).first() is None


def test_an_ip_address_is_explained(session, monkeypatch):
    monkeypatch.setattr(settings, "PUBLIC_URL", "")
    with TestClient(Starlette(routes=ROUTES), base_url="http://127.0.0.1:3000") as client:
        refused = post(client, routes.PASSKEY_SIGN_IN_OPTIONS, {}, origin="http://127.0.0.1:3000")
    assert refused.json() == {"error": "passkey_error_ip_address"}
