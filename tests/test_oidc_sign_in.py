"""Members sign in at the organisation's identity provider (issue 22): the real provider of
tests/oidc/provider.mjs, its own login form driven over HTTP, livinglab's domain
(livinglab/organisation/oidc.py) and routes (livinglab/web/oidc_routes.py).

Forged ID tokens are refused with nothing stored but the audit row: no session, no member
changed, and the sign-in's `state` spent.
"""

import base64
import json
import re
import time
from datetime import timedelta
from urllib.parse import parse_qs, parse_qsl, urlsplit

import httpx
import pytest
from authlib.integrations.httpx_client import OAuth2Client
from joserfc import jwt
from joserfc.jwk import KeySet, OctKey, RSAKey
from sqlmodel import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from livinglab import db, settings, throttle
from livinglab.credentials import digest_secret
from livinglab.errors import InviteInvalid, RoleRequired, SignInFailed
from livinglab.models import AuditEvent, Member, MemberSession, SignInChallenge, utcnow
from livinglab.organisation import members, oidc, sessions
from livinglab.web import oidc_routes
from tests.conftest import a_member
from tests.services import oidc_provider as running_provider

#: Starlette's TestClient speaks as http://testserver: the provider knows this callback.
ORIGIN = "http://testserver"
REDIRECT = ORIGIN + "/auth/callback"
ROLES = "facilitators=facilitator,records-readers=records_reader"
ADDRESS = "192.0.2.7"


@pytest.fixture(scope="module")
def oidc_provider():
    with running_provider((REDIRECT, ORIGIN + "/")) as provider:
        yield provider


@pytest.fixture(autouse=True)
def at_the_provider(oidc_provider, monkeypatch):
    monkeypatch.setattr(settings, "OIDC_ISSUER", oidc_provider.issuer)
    monkeypatch.setattr(settings, "OIDC_CLIENT_ID", oidc_provider.client_id)
    monkeypatch.setattr(settings, "OIDC_CLIENT_SECRET", oidc_provider.client_secret)
    monkeypatch.setattr(settings, "OIDC_ROLES_CLAIM", "groups")
    monkeypatch.setattr(settings, "OIDC_ROLES", ROLES)
    monkeypatch.setattr(settings, "PUBLIC_URL", "")
    oidc.forget_provider()
    yield oidc_provider
    oidc.forget_provider()


def log_in_at_provider(url: str, person: str) -> str:
    """What a browser does at the provider: its login form, its consent; returns the
    address the provider sends the browser back to."""
    with httpx.Client() as browser:
        answer = browser.get(url)
        for _ in range(10):
            location = answer.headers.get("location", "")
            if location.startswith(ORIGIN):
                return location
            if answer.status_code == 200:
                prompt = re.search(r'name="prompt" value="(\w+)"', answer.text).group(1)
                answer = browser.post(
                    str(answer.url), data={"prompt": prompt, "login": person, "password": "x"}
                )
            else:
                answer = browser.get(httpx.URL(str(answer.url)).join(location))
    raise AssertionError(f"the provider did not send the browser back: {answer.text[:300]}")


def begun(*, person: str, return_to: str = "/", invite_token: str = "") -> dict[str, str]:
    """Begin a sign-in (committed), log in at the provider; the callback's parameters."""
    with db.session_scope() as session:
        url = oidc.begin(
            session, redirect_uri=REDIRECT, return_to=return_to, invite_token=invite_token
        )
    return dict(parse_qsl(urlsplit(log_in_at_provider(url, person)).query))


def finished(params: dict[str, str]):
    with db.session_scope() as session:
        return oidc.finish(session, redirect_uri=REDIRECT, query_params=params, address=ADDRESS)


def sign_in(person: str, **kwargs):
    return finished(begun(person=person, **kwargs))


def stored(session) -> dict:
    """Everything a sign-in may store (the audit trail apart)."""
    session.expire_all()
    return {
        "members": [
            (m.name, m.email, m.subject, m.roles)
            for m in session.exec(select(Member).order_by(Member.id))
        ],
        "sessions": len(session.exec(select(MemberSession)).all()),
        "challenges": len(session.exec(select(SignInChallenge)).all()),
    }


def failures(session) -> list[str]:
    session.expire_all()
    rows = session.exec(select(AuditEvent).where(AuditEvent.act == "sign_in_failed"))
    return [row.detail for row in rows]


def test_fatima_signs_in_as_facilitator_and_ruud_as_records_reader(session, at_the_provider):
    member, token, return_to = sign_in("fatima", return_to="/f/ABC")
    assert (member.name, member.email, return_to) == (
        "Fatima El Amrani",
        "fatima@houten.example",
        "/f/ABC",
    )
    assert member.subject == f"{at_the_provider.issuer}|fatima"
    assert sessions.signed_in(session, token).roles == {"facilitator"}
    assert session.exec(select(MemberSession)).one().method == "oidc"
    assert session.exec(select(MemberSession)).one().id_token.count(".") == 2

    _ruud, ruud_token, _ = sign_in("ruud")
    assert sessions.signed_in(session, ruud_token).roles == {"records_reader"}
    # Again: the same member, not a second one; the challenges are all spent.
    again, _, _ = sign_in("fatima")
    assert again.id == member.id
    assert stored(session)["challenges"] == 0
    assert len(stored(session)["members"]) == 2
    acts = [row.act for row in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
    assert acts.count("member_joined") == 2 and acts.count("signed_in") == 3


def test_noor_without_a_group_is_refused_but_an_admin_can_now_give_her_a_role(session):
    with pytest.raises(RoleRequired):
        sign_in("noor")
    noor = session.exec(select(Member).where(Member.name == "Noor Bakker")).one()
    assert (noor.roles, noor.email) == ("", "noor@houten.example")
    assert session.exec(select(MemberSession)).all() == []
    assert failures(session) == [f"no role from {ADDRESS}"]
    # The admin gives her a role that no group gives: it stays at her next sign-in.
    admin = a_member(session, "admin", name="Admin")
    members.set_roles(session=session, by=admin, member_id=noor.id, roles=["records_updater"])
    session.commit()
    member, token, _ = sign_in("noor")
    assert member.id == noor.id
    assert sessions.signed_in(session, token).roles == {"records_updater"}


def test_the_provider_decides_the_roles_it_maps_at_every_sign_in(session, monkeypatch):
    fatima, _, _ = sign_in("fatima")
    admin = a_member(session, "admin", name="Admin")
    members.set_roles(
        session=session, by=admin, member_id=fatima.id, roles=["records_reader", "admin"]
    )
    session.commit()
    # records_reader is a mapped role she is not in the group of; admin is no group's.
    again, _, _ = sign_in("fatima")
    assert members.role_set(again.roles) == {"facilitator", "admin"}


def test_without_a_mapping_an_invitation_gives_the_roles(session, monkeypatch):
    monkeypatch.setattr(settings, "OIDC_ROLES", "")
    with pytest.raises(RoleRequired):
        sign_in("fatima")
    admin = a_member(session, "admin", name="Admin")
    _, token = members.invite(session=session, by=admin, name="Ruud", roles=["records_updater"])
    session.commit()
    member, _, _ = sign_in("ruud", invite_token=token)
    assert members.role_set(member.roles) == {"records_updater"}
    assert member.subject.endswith("|ruud")
    # Spent: it cannot start another sign-in.
    with db.session_scope() as other, pytest.raises(InviteInvalid):
        oidc.begin(other, redirect_uri=REDIRECT, return_to="/", invite_token=token)
    # The roles stay what they are at the next sign-in (no mapping: an admin decides).
    again, _, _ = sign_in("ruud")
    assert (again.id, again.roles) == (member.id, "records_updater")


def _payload(id_token: str) -> dict:
    part = id_token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _header(id_token: str) -> dict:
    part = id_token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _unsigned(id_token: str) -> str:
    head = base64.urlsafe_b64encode(json.dumps({"alg": "none"}).encode()).rstrip(b"=").decode()
    return f"{head}.{id_token.split('.')[1]}."


#: A key the tests present as the provider's own (patched into the key set), so that a
#: token with one wrong claim is signed correctly and only that claim is wrong.
TRUSTED = RSAKey.generate_key(2048, parameters={"kid": "trusted"})


def _trusted(claims: dict, **changes) -> str:
    return jwt.encode({"alg": "RS256", "kid": "trusted"}, {**claims, **changes}, TRUSTED)


FORGERIES = {
    "another key": lambda token: jwt.encode(
        {"alg": "RS256", "kid": "stranger"},
        _payload(token),
        RSAKey.generate_key(2048, parameters={"kid": "stranger"}),
    ),
    "the provider's kid, another key": lambda token: jwt.encode(
        {"alg": "RS256", "kid": _header(token)["kid"]}, _payload(token), RSAKey.generate_key(2048)
    ),
    "alg none": _unsigned,
    "HS256 with the client secret": lambda token: jwt.encode(
        {"alg": "HS256"},
        _payload(token),
        OctKey.import_key(settings.OIDC_CLIENT_SECRET.encode()),
    ),
}

TRUSTED_FORGERIES = {
    "another audience": lambda claims: _trusted(claims, aud="another-app"),
    "another issuer": lambda claims: _trusted(claims, iss="http://127.0.0.1:9"),
    "expired": lambda claims: _trusted(
        claims, exp=int(time.time()) - 3600, iat=int(time.time()) - 7200
    ),
    "issued in the future": lambda claims: _trusted(claims, iat=int(time.time()) + 3600),
    "a nonce of another sign-in (replayed)": lambda claims: _trusted(claims, nonce="replayed"),
    "no nonce": lambda claims: _trusted({k: v for k, v in claims.items() if k != "nonce"}),
}


def _answering(monkeypatch, change) -> None:
    """The token endpoint's answer, its ID token replaced by `change(id_token)`."""
    original = OAuth2Client.fetch_token

    def fetch_token(self, *args, **kwargs):
        answer = original(self, *args, **kwargs)
        answer["id_token"] = change(answer["id_token"])
        return answer

    monkeypatch.setattr(OAuth2Client, "fetch_token", fetch_token)


def _refused_with_nothing_stored(session, monkeypatch, change, *, trusted: bool) -> None:
    sign_in("fatima")  # a member already, whose row must not change
    before, failed_before = stored(session), len(failures(session))
    params = begun(person="fatima")
    with monkeypatch.context() as patch:
        if trusted:
            real_keys = oidc._key_set
            patch.setattr(
                oidc,
                "_key_set",
                lambda provider, refresh=False: KeySet([TRUSTED, *real_keys(provider).keys]),
            )
        _answering(patch, change)
        with pytest.raises(SignInFailed):
            finished(params)
    assert stored(session) == before
    assert len(failures(session)) == failed_before + 1
    assert failures(session)[-1].startswith("identity provider: ID token ")
    # The state is spent: the very same answer does not work a second time either.
    with pytest.raises(SignInFailed):
        finished(params)
    assert failures(session)[-1].startswith("identity provider: unknown or used state")
    assert stored(session) == before


@pytest.mark.parametrize("forgery", sorted(FORGERIES))
def test_forged_id_tokens_are_refused_with_nothing_stored(session, monkeypatch, forgery):
    _refused_with_nothing_stored(session, monkeypatch, FORGERIES[forgery], trusted=False)


@pytest.mark.parametrize("forgery", sorted(TRUSTED_FORGERIES))
def test_id_tokens_with_a_wrong_claim_are_refused_with_nothing_stored(
    session, monkeypatch, forgery
):
    change = TRUSTED_FORGERIES[forgery]
    _refused_with_nothing_stored(
        session, monkeypatch, lambda token: change(_payload(token)), trusted=True
    )


def test_a_correct_token_signed_by_the_trusted_key_passes(session, monkeypatch):
    """The control of the test above: only the changed claim made the difference."""
    real_keys = oidc._key_set
    monkeypatch.setattr(
        oidc,
        "_key_set",
        lambda provider, refresh=False: KeySet([TRUSTED, *real_keys(provider).keys]),
    )
    _answering(monkeypatch, lambda token: _trusted(_payload(token)))
    member, _, _ = sign_in("ruud")
    assert member.roles == "records_reader"


def test_a_state_works_once_and_not_after_ten_minutes_nor_with_a_provider_error(session):
    params = begun(person="ruud")
    finished(params)
    before = stored(session)
    with pytest.raises(SignInFailed):
        finished(params)  # the same answer again: replayed
    late = begun(person="ruud")
    with db.session_scope() as other:
        challenge = other.exec(
            select(SignInChallenge).where(
                SignInChallenge.lookup_hash == digest_secret(late["state"])
            )
        ).one()
        challenge.created_at = utcnow() - timedelta(minutes=11)
        other.add(challenge)
    with pytest.raises(SignInFailed):
        finished(late)
    # A sign-in nobody came back from is cleared away when the next one begins.
    abandoned = begun(person="ruud")
    with db.session_scope() as other:
        for challenge in other.exec(select(SignInChallenge)):
            challenge.created_at = utcnow() - timedelta(minutes=11)
            other.add(challenge)
    fresh = begun(person="ruud")
    assert stored(session)["challenges"] == 1
    with pytest.raises(SignInFailed):
        finished(abandoned)
    finished(fresh)
    erred = begun(person="ruud")
    with pytest.raises(SignInFailed):
        finished({"state": erred["state"], "error": "access_denied"})
    with pytest.raises(SignInFailed):
        finished({"code": "made-up", "state": "made-up"})
    before["members"] = stored(session)["members"]
    assert stored(session) == {**before, "sessions": before["sessions"] + 1}
    assert len(failures(session)) == 5


def test_too_many_failures_from_one_address_are_refused_before_anything_else(session, monkeypatch):
    monkeypatch.setattr(settings, "SIGN_IN_FAILURES_PER_ADDRESS", 2)
    throttle.failed_sign_ins_by_address.cache_clear()
    for _ in range(2):
        with pytest.raises(SignInFailed):
            finished({"code": "x", "state": "unknown"})
    params = begun(person="fatima")
    with pytest.raises(Exception) as refused:
        finished(params)
    assert refused.value.key == "error_too_many_sign_ins"
    assert stored(session)["sessions"] == 0


# --- Over HTTP: the routes --------------------------------------------------------------


@pytest.fixture
def client(database_url):
    app = Starlette(routes=oidc_routes.ROUTES)
    with TestClient(app, base_url=ORIGIN, follow_redirects=False) as client:
        yield client


def _through_provider(client: TestClient, start: str, person: str) -> httpx.Response:
    went = client.get(start)
    assert went.status_code == 302, went.text
    back = log_in_at_provider(went.headers["location"], person)
    return client.get(back)


def test_over_http_fatima_is_signed_in_with_an_http_only_cookie_and_signs_out(
    client, session, at_the_provider
):
    back = _through_provider(client, "/auth/sign-in?next=/records", "fatima")
    assert (back.status_code, back.headers["location"]) == (303, "/records")
    cookie = back.headers["set-cookie"]
    assert cookie.startswith(f"{sessions.COOKIE}=") and "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()
    token = client.cookies[sessions.COOKIE]
    assert sessions.signed_in(session, token).roles == {"facilitator"}

    assert client.post("/auth/sign-out").status_code == 403  # no Origin: another site's form
    elsewhere = {"sec-fetch-site": "cross-site", "origin": ORIGIN}
    assert client.post("/auth/sign-out", headers=elsewhere).status_code == 403
    assert sessions.signed_in(session, token) is not None
    out = client.post("/auth/sign-out", headers={"origin": ORIGIN})
    assert out.status_code == 303
    away = urlsplit(out.headers["location"])
    assert f"{away.scheme}://{away.netloc}" == at_the_provider.issuer
    query = parse_qs(away.query)
    assert query["post_logout_redirect_uri"] == [ORIGIN + "/"]
    assert query["id_token_hint"][0].count(".") == 2
    assert sessions.COOKIE not in client.cookies
    session.expire_all()
    assert sessions.signed_in(session, token) is None
    # The provider accepts that sign-out request (its own confirmation page).
    assert httpx.get(out.headers["location"]).status_code == 200


@pytest.mark.parametrize("elsewhere", ["https://evil.example/", "//evil.example/x", "/\\evil"])
def test_over_http_a_return_address_on_another_site_is_not_followed(client, elsewhere):
    back = _through_provider(client, f"/auth/sign-in?next={elsewhere}", "ruud")
    assert (back.status_code, back.headers["location"]) == (303, "/")


def test_over_http_noor_gets_a_page_that_says_why(client, session):
    back = _through_provider(client, "/auth/sign-in", "noor")
    assert back.status_code == 403
    assert "geen rol in livinglab" in back.text
    assert sessions.COOKIE not in client.cookies
    client.headers["accept-language"] = "en-GB,en;q=0.8,nl;q=0.5"
    english = _through_provider(client, "/auth/sign-in", "noor")
    assert "you do not have a role in livinglab yet" in english.text
    assert '<html lang="en">' in english.text
    answer = client.get(
        "/auth/callback?state=made-up&code=x", headers={"accept-language": "en-GB,en;q=0.8"}
    )
    assert answer.status_code == 403 and "Signing in did not work" in answer.text
    assert session.exec(select(MemberSession)).all() == []


def test_over_http_an_invitation_signs_in_at_the_provider(client, session, monkeypatch):
    monkeypatch.setattr(settings, "OIDC_ROLES", "")
    admin = a_member(session, "admin", name="Admin")
    _, token = members.invite(session=session, by=admin, name="Noor", roles=["facilitator"])
    session.commit()
    back = _through_provider(client, f"/auth/invite?token={token}", "noor")
    assert (back.status_code, back.headers["location"]) == (303, "/")
    assert sessions.signed_in(session, client.cookies[sessions.COOKIE]).roles == {"facilitator"}
    spent = client.get(f"/auth/invite?token={token}")
    assert spent.status_code == 403 and "uitnodiging" in spent.text


def test_without_a_provider_sign_in_goes_to_the_passkey_page_and_sign_out_still_works(
    client, session, monkeypatch
):
    monkeypatch.setattr(settings, "OIDC_ISSUER", "")
    went = client.get("/auth/sign-in?next=/records")
    assert (went.status_code, went.headers["location"]) == (302, "/sign-in?next=%2Frecords")
    signed = a_member(session, "facilitator")
    member = session.exec(select(Member).where(Member.id == signed.member_id)).one()
    token = sessions.start(session, member, method=sessions.PASSKEY)
    session.commit()
    client.cookies.set(sessions.COOKIE, token)
    # What Chromium sends from a page of the app under Referrer-Policy: no-referrer.
    out = client.post("/auth/sign-out", headers={"sec-fetch-site": "same-origin", "origin": "null"})
    assert (out.status_code, out.headers["location"]) == (303, "/")
    cleared = out.headers["set-cookie"]
    assert cleared.startswith(f'{sessions.COOKIE}=""') and "Max-Age=0" in cleared
    session.expire_all()
    assert sessions.signed_in(session, token) is None


def test_a_provider_that_does_not_answer_gets_a_page_that_says_so(client, monkeypatch):
    monkeypatch.setattr(settings, "OIDC_ISSUER", "http://127.0.0.1:9")
    answer = client.get("/auth/sign-in", headers={"accept-language": "en"})
    assert answer.status_code == 503 and "does not answer" in answer.text


def test_keys_the_provider_rolled_are_fetched_again_once(session, monkeypatch):
    """A kept key set without the token's key: asked for again, then the token passes."""
    provider = oidc.discovery()
    stale = KeySet([RSAKey.generate_key(2048, parameters={"kid": "old"})])
    monkeypatch.setitem(oidc._keys, provider.jwks_uri, (time.monotonic(), stale))
    member, _, _ = sign_in("ruud")
    assert member.roles == "records_reader"
    assert oidc._keys[provider.jwks_uri][1] is not stale
