"""Passkeys with real WebAuthn data (tests/authenticator.py): adding one through an
invitation or the setup link, signing in with it, and every refusal storing nothing."""

from datetime import timedelta

import pytest
from sqlmodel import func, select

from livinglab import settings
from livinglab.errors import InviteInvalid, SignInFailed, TooManySignIns
from livinglab.models import (
    AuditEvent,
    Invite,
    Member,
    MemberSession,
    Passkey,
    SignInChallenge,
    utcnow,
)
from livinglab.organisation import members, passkeys, sessions
from livinglab.organisation.passkeys import PasskeyRefused
from tests.authenticator import Authenticator
from tests.conftest import a_member

ORIGIN = "http://localhost:3000"
ADDRESS = "192.0.2.7"


@pytest.fixture(autouse=True)
def no_public_url(monkeypatch):
    monkeypatch.setattr(settings, "PUBLIC_URL", "")


def attempt(session, call, **kwargs):
    """As the routes do: the call in one transaction; a refusal rolled back, then recorded
    in a transaction of its own, and raised again."""
    try:
        result = call(session, address=ADDRESS, **kwargs)
    except PasskeyRefused as refusal:
        session.rollback()
        passkeys.record_refusal(session, refusal=refusal, address=ADDRESS)
        session.commit()
        raise
    session.commit()
    return result


def count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def setup(session) -> str:
    token = members.setup_link(session)
    session.commit()
    return token


def register(session, device, token, *, origin=ORIGIN, name="Noor", **answer):
    options = passkeys.add_options(session, origin=origin, token=token)
    session.commit()
    credential = device.create(options, origin=answer.pop("answer_origin", origin), **answer)
    return attempt(session, passkeys.add, credential=credential, origin=origin, name=name)


def sign_in(session, device, *, origin=ORIGIN, **answer):
    options = passkeys.sign_in_options(session, origin=origin, return_to="/records")
    session.commit()
    assert options["allowCredentials"] == [] and options["userVerification"] == "preferred"
    credential = device.get(options, origin=answer.pop("answer_origin", origin), **answer)
    return attempt(session, passkeys.sign_in, credential=credential, origin=origin)


def nothing_stored(session, *, members_before: int = 0) -> None:
    assert count(session, Passkey) == 0
    assert count(session, MemberSession) == 0
    assert count(session, Member) == members_before


def test_the_setup_link_makes_the_first_admin_with_a_passkey_and_a_session(session):
    token = setup(session)
    options = passkeys.add_options(session, origin=ORIGIN, token=token)
    assert options["rp"] == {"id": "localhost", "name": "livinglab"}
    assert options["authenticatorSelection"]["residentKey"] == "required"
    session.commit()
    device = Authenticator()
    started = attempt(
        session,
        passkeys.add,
        credential=device.create(options, origin=ORIGIN),
        origin=ORIGIN,
        name="Noor",
    )
    me = sessions.signed_in(session, started.token)
    assert me.name == "Noor" and me.holds("admin")
    assert not members.needs_setup(session)
    key = session.exec(select(Passkey)).one()
    assert key.member_id == me.member_id
    acts = [row.act for row in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
    assert acts[-3:] == ["member_joined", "passkey_added", "signed_in"]
    assert count(session, SignInChallenge) == 0  # spent


def test_an_invitation_cannot_be_used_twice(session):
    token = setup(session)
    device = Authenticator()
    register(session, device, token)
    with pytest.raises(InviteInvalid):
        passkeys.add_options(session, origin=ORIGIN, token=token)
    session.rollback()
    assert count(session, Member) == 1 and count(session, Passkey) == 1


def test_an_invitation_spent_between_options_and_answer_is_refused(session):
    token = setup(session)
    first, second = Authenticator(), Authenticator()
    options_one = passkeys.add_options(session, origin=ORIGIN, token=token)
    options_two = passkeys.add_options(session, origin=ORIGIN, token=token)
    session.commit()
    attempt(
        session,
        passkeys.add,
        credential=first.create(options_one, origin=ORIGIN),
        origin=ORIGIN,
    )
    with pytest.raises(SignInFailed) as refused:
        attempt(
            session,
            passkeys.add,
            credential=second.create(options_two, origin=ORIGIN),
            origin=ORIGIN,
        )
    assert refused.value.key == "error_invite_invalid"
    assert count(session, Member) == 1 and count(session, Passkey) == 1


def test_an_expired_invitation_is_refused(session):
    token = setup(session)
    invite = session.exec(select(Invite)).one()
    invite.expires_at = utcnow() - timedelta(seconds=1)
    session.add(invite)
    session.commit()
    with pytest.raises(InviteInvalid):
        passkeys.add_options(session, origin=ORIGIN, token=token)
    session.rollback()
    nothing_stored(session)


def test_an_old_challenge_is_refused(session):
    token = setup(session)
    options = passkeys.add_options(session, origin=ORIGIN, token=token)
    row = session.exec(select(SignInChallenge)).one()
    row.created_at = utcnow() - passkeys.CHALLENGE_VALID - timedelta(seconds=1)
    session.add(row)
    session.commit()
    with pytest.raises(SignInFailed):
        attempt(
            session,
            passkeys.add,
            credential=Authenticator().create(options, origin=ORIGIN),
            origin=ORIGIN,
        )
    nothing_stored(session)
    assert count(session, SignInChallenge) == 0


def test_a_member_signs_in_with_their_passkey(session):
    device = Authenticator()
    added = register(session, device, setup(session))
    started = sign_in(session, device)
    assert started.return_to == "/records"
    assert sessions.signed_in(session, started.token).member_id == added.member_id
    key = session.exec(select(Passkey)).one()
    assert key.sign_count == 1 and key.last_used_at is not None
    again = sign_in(session, device)
    assert again.token != started.token
    assert session.exec(select(Passkey)).one().sign_count == 2


@pytest.mark.parametrize(
    "answer",
    [
        {"challenge": "bm90LXRoZS1jaGFsbGVuZ2UtYXNrZWQ"},
        {"answer_origin": "https://evil.example"},
    ],
    ids=["wrong challenge", "wrong origin"],
)
def test_a_wrong_registration_stores_nothing(session, answer):
    token = setup(session)
    with pytest.raises(SignInFailed):
        register(session, Authenticator(), token, **answer)
    nothing_stored(session)
    assert session.exec(select(Invite)).one().used_at is None
    failed = session.exec(select(AuditEvent).where(AuditEvent.act == "sign_in_failed")).one()
    assert ADDRESS in failed.detail


@pytest.mark.parametrize(
    "answer",
    [
        {"challenge": "bm90LXRoZS1jaGFsbGVuZ2UtYXNrZWQ"},
        {"answer_origin": "https://evil.example"},
        {"credential_id": b"unknown"},
    ],
    ids=["wrong challenge", "wrong origin", "unknown credential"],
)
def test_a_wrong_sign_in_starts_no_session(session, answer):
    device = Authenticator()
    register(session, device, setup(session))
    before = count(session, MemberSession)
    if "credential_id" in answer:
        other = Authenticator()
        options = {"rp": {"id": "localhost"}, "user": {"id": "eA"}, "challenge": "eA"}
        other.create(options, origin=ORIGIN)
        device = other
        answer = {}
    with pytest.raises(SignInFailed):
        sign_in(session, device, **answer)
    assert count(session, MemberSession) == before
    assert session.exec(select(Passkey)).one().sign_count == 0
    # The answered challenge is spent; one nobody answered waits until it expires.
    assert count(session, SignInChallenge) == (1 if "challenge" in answer else 0)


def test_a_removed_member_cannot_sign_in(session):
    device = Authenticator()
    admin = register(session, device, setup(session))
    other_device = Authenticator()
    boss = a_member(session, "admin", name="Ruud")
    token = members.device_link(session=session, by=boss, member_id=admin.member_id)
    session.commit()
    register(session, other_device, token)  # a second device for the first admin
    members.remove(session=session, by=boss, member_id=admin.member_id)
    session.commit()
    before = count(session, MemberSession)
    with pytest.raises(SignInFailed):
        sign_in(session, device)
    assert count(session, MemberSession) == before
    failed = session.exec(select(AuditEvent).where(AuditEvent.act == "sign_in_failed")).one()
    assert failed.actor == f"member {admin.member_id}"


def test_a_device_link_adds_a_passkey_to_the_existing_member(session):
    first, second = Authenticator(), Authenticator()
    admin = register(session, first, setup(session))
    me = sessions.signed_in(session, admin.token)
    token = members.device_link(session=session, by=me, member_id=admin.member_id)
    session.commit()
    added = register(session, second, token, name="ignored")
    assert added.member_id == admin.member_id and added.token
    assert count(session, Member) == 1 and count(session, Passkey) == 2
    assert sign_in(session, second).member_id == admin.member_id


def test_a_signed_in_member_adds_another_passkey_and_only_for_themselves(session):
    first, second = Authenticator(), Authenticator()
    admin = register(session, first, setup(session))
    me = sessions.signed_in(session, admin.token)
    options = passkeys.add_options(session, origin=ORIGIN, by=me)
    assert len(options["excludeCredentials"]) == 1
    session.commit()
    other = a_member(session, "facilitator", name="Sam")
    with pytest.raises(SignInFailed):
        attempt(
            session,
            passkeys.add,
            credential=second.create(options, origin=ORIGIN),
            origin=ORIGIN,
            by=other,
        )
    options = passkeys.add_options(session, origin=ORIGIN, by=me)
    session.commit()
    answer = second.create(options, origin=ORIGIN)
    added = attempt(session, passkeys.add, credential=answer, origin=ORIGIN, by=me)
    assert added.token == "" and count(session, Passkey) == 2


def test_too_many_failures_from_one_address_are_refused(session, monkeypatch):
    monkeypatch.setattr(settings, "SIGN_IN_FAILURES_PER_ADDRESS", 2)
    monkeypatch.setattr(settings, "SIGN_IN_FAILURES_PER_ACCOUNT", 2)
    from livinglab import throttle

    throttle.failed_sign_ins_by_address.cache_clear()
    throttle.failed_sign_ins_by_account.cache_clear()
    device = Authenticator()
    register(session, device, setup(session))
    for _ in range(2):
        with pytest.raises(SignInFailed):
            sign_in(session, device, answer_origin="https://evil.example")
    with pytest.raises(TooManySignIns):
        sign_in(session, device)


def test_the_relying_party_is_a_name_never_an_ip_address():
    rp = passkeys.relying_party("http://localhost:3000", "http://127.0.0.1:3000")
    assert rp.id == "localhost"
    assert rp.origins == ("http://127.0.0.1:3000", "http://localhost:3000")
    with pytest.raises(SignInFailed) as refused:
        passkeys.relying_party("http://127.0.0.1:3000", "")
    assert refused.value.key == passkeys.IP_ADDRESS
    with pytest.raises(SignInFailed):
        passkeys.relying_party("http://[::1]:3000", "")
    on_public = passkeys.relying_party("https://lab.houten.nl", "https://lab.houten.nl")
    assert on_public == passkeys.RelyingParty("lab.houten.nl", ("https://lab.houten.nl",))
    sub = passkeys.relying_party("https://eu.lab.houten.nl", "https://lab.houten.nl")
    assert sub.id == "lab.houten.nl"
    assert passkeys.relying_party("http://pc.local:3000", "https://lab.houten.nl").id == "pc.local"
    with pytest.raises(SignInFailed):
        passkeys.relying_party("", "")


def test_the_welcome_page_describes_the_invitation(session):
    first = passkeys.invitation(session, token=setup(session))
    assert first.first_admin and first.roles == ("admin",) and not first.new_device
    boss = a_member(session, "admin", name="Ruud")
    _, token = members.invite(
        session=session, by=boss, name="Sam", roles=["records_reader", "facilitator"]
    )
    session.commit()
    sam = passkeys.invitation(session, token=token)
    assert sam == passkeys.Invitation(
        name="Sam",
        roles=("facilitator", "records_reader"),
        invited_by="Ruud",
        first_admin=False,
        new_device=False,
    )
    with pytest.raises(InviteInvalid):
        passkeys.invitation(session, token="nope")
