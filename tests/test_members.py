"""Members, roles, sessions and handing a workshop over (livinglab/organisation)."""

from datetime import timedelta

import pytest
from sqlmodel import select

from livinglab import settings, workshops
from livinglab.errors import (
    BadRole,
    InviteInvalid,
    LastAdmin,
    NotAColleague,
    NotFacilitator,
    RoleRequired,
    SignInRequired,
)
from livinglab.models import AuditEvent, Invite, Member, MemberSession, Workshop, utcnow
from livinglab.organisation import members, runs, sessions
from tests.conftest import a_member

DETAILS = {"title": "Werk", "question": "Wat helpt?", "language": "nl", "uses_names": False}


def _led_by(session, member) -> tuple[Workshop, str]:
    workshop, key = workshops.create_workshop(session=session, **DETAILS)
    workshop.lead_member_id = member.member_id
    session.add(workshop)
    session.commit()
    return workshop, key


def test_the_setup_link_makes_the_first_admin_once(session):
    assert members.needs_setup(session)
    first = members.setup_link(session)
    second = members.setup_link(session)  # a new one: the first stops working
    with pytest.raises(InviteInvalid):
        members.open_invite(session, first)
    admin = members.accept_invite(session, members.open_invite(session, second), name="Ada")
    session.commit()
    assert (admin.name, admin.roles) == ("Ada", "admin")
    assert not members.needs_setup(session)
    with pytest.raises(InviteInvalid):  # used once
        members.open_invite(session, second)
    for bad in ("", None, 42, second[:-1]):
        with pytest.raises(InviteInvalid):
            members.open_invite(session, bad)


def test_only_an_admin_invites_and_an_invitation_expires(session):
    admin = a_member(session, "admin", name="Ada")
    facilitator = a_member(session, name="Fatima")
    with pytest.raises(RoleRequired):
        members.invite(session=session, by=facilitator, name="Noor", roles=["facilitator"])
    with pytest.raises(SignInRequired):
        members.invite(session=session, by=None, name="Noor", roles=["facilitator"])
    for roles in ([], ["owner"], "root", ["facilitator", "god"]):
        with pytest.raises(BadRole):
            members.invite(session=session, by=admin, name="Noor", roles=roles)
    invitation, token = members.invite(
        session=session, by=admin, name="Noor", roles=["records_reader", "facilitator"]
    )
    assert invitation.roles == "facilitator,records_reader"
    invitation.expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    with pytest.raises(InviteInvalid):
        members.open_invite(session, token)


def test_roles_change_and_removal_count_from_the_next_act(session):
    admin = a_member(session, "admin", name="Ada")
    fatima = a_member(session, name="Fatima")
    token = sessions.start(session, session.get(Member, fatima.member_id), method="passkey")
    session.commit()
    assert sessions.signed_in(session, token).holds("facilitator")
    members.set_roles(session=session, by=admin, member_id=fatima.member_id, roles=["admin"])
    session.commit()
    assert sessions.signed_in(session, token).roles == {"admin"}
    members.remove(session=session, by=admin, member_id=fatima.member_id)
    session.commit()
    assert sessions.signed_in(session, token) is None
    assert session.get(Member, fatima.member_id).name == "Fatima"  # the trail still names her


def test_the_organisation_keeps_one_admin(session):
    admin = a_member(session, "admin", name="Ada")
    with pytest.raises(LastAdmin):
        members.set_roles(
            session=session, by=admin, member_id=admin.member_id, roles=["facilitator"]
        )
    with pytest.raises(LastAdmin):
        members.remove(session=session, by=admin, member_id=admin.member_id)
    session.rollback()
    assert session.get(Member, admin.member_id).roles == "admin"


def test_a_session_ends_at_sign_out_and_after_idle_hours(session, monkeypatch):
    member = session.get(Member, a_member(session).member_id)
    token = sessions.start(session, member, method="passkey")
    other = sessions.start(session, member, method="passkey")
    session.commit()
    assert sessions.signed_in(session, token).name == "Fatima"
    assert sessions.signed_in(session, "") is None
    assert sessions.signed_in(session, token[:-1] + "x") is None
    sessions.end(session, token)
    session.commit()
    assert sessions.signed_in(session, token) is None
    assert sessions.signed_in(session, other) is not None  # another device stays signed in
    row = session.exec(select(MemberSession).where(MemberSession.ended_at.is_(None))).one()
    row.last_seen_at = utcnow() - timedelta(hours=settings.SESSION_IDLE_HOURS, minutes=1)
    session.commit()
    assert sessions.signed_in(session, other) is None
    # Never stored as given: only the digest.
    assert token not in {r.token_hash for r in session.exec(select(MemberSession))}


def test_signing_out_everywhere_ends_every_session(session):
    me = a_member(session)
    member = session.get(Member, me.member_id)
    tokens = [sessions.start(session, member, method="passkey") for _ in range(3)]
    session.commit()
    sessions.end(session, tokens[0], everywhere=True)
    session.commit()
    assert [sessions.signed_in(session, token) for token in tokens] == [None, None, None]
    trail = [(row.actor, row.act) for row in session.exec(select(AuditEvent))]
    assert trail.count(("Fatima", "signed_out_everywhere")) == 1
    assert ("Fatima", "signed_out") not in trail


def test_a_workshop_is_led_by_its_members_session_or_key_while_the_member_may_run_it(session):
    admin = a_member(session, "admin", name="Ada")
    fatima = a_member(session, name="Fatima")
    workshop, key = _led_by(session, fatima)
    token = sessions.start(session, session.get(Member, fatima.member_id), method="passkey")
    stranger = sessions.start(session, session.get(Member, admin.member_id), method="passkey")
    session.commit()
    assert workshops.is_facilitator(session, workshop, key)
    assert workshops.is_facilitator(session, workshop, token)
    assert not workshops.is_facilitator(session, workshop, stranger)  # an admin, not the lead
    members.set_roles(
        session=session, by=admin, member_id=fatima.member_id, roles=["records_reader"]
    )
    session.commit()
    assert not workshops.is_facilitator(session, workshop, key)  # the key is bound to her
    assert not workshops.is_facilitator(session, workshop, token)
    with pytest.raises(NotFacilitator):
        workshops.move_stage(session=session, code=workshop.code, key=key, step=1)


def test_handing_over_stops_the_old_links_and_the_colleague_runs_it(session):
    fatima = a_member(session, name="Fatima")
    karim = a_member(session, name="Karim")
    reader = a_member(session, "records_reader", name="Ruud")
    workshop, key = _led_by(session, fatima)
    assert [c.name for c in runs.colleagues(session=session, by=fatima)] == ["Karim"]
    with pytest.raises(NotAColleague):
        runs.hand_over(
            session=session, by=fatima, code=workshop.code, key=key, to_member_id=reader.member_id
        )
    with pytest.raises(NotFacilitator):
        runs.hand_over(
            session=session, by=karim, code=workshop.code, key="", to_member_id=karim.member_id
        )
    session.rollback()
    runs.hand_over(
        session=session, by=fatima, code=workshop.code, key=key, to_member_id=karim.member_id
    )
    session.commit()
    assert session.get(Workshop, workshop.id).lead_member_id == karim.member_id
    assert not workshops.is_facilitator(session, workshop, key)
    karims = sessions.start(session, session.get(Member, karim.member_id), method="passkey")
    session.commit()
    assert workshops.is_facilitator(session, workshop, karims)


def test_invitations_store_only_digests(session):
    admin = a_member(session, "admin", name="Ada")
    _, token = members.invite(session=session, by=admin, name="Noor", roles=["facilitator"])
    session.commit()
    assert token not in {row.token_hash for row in session.exec(select(Invite))}
