"""Members in the records library: a signed-in records_reader reads, a records_updater also
updates; a records link that became a member (the upgrade) follows that member's roles and
stops when they are removed. `python -m livinglab migrate` says what it changed."""

import pytest
from sqlmodel import select

from livinglab import __main__ as cli
from livinglab import settings
from livinglab.errors import (
    AccessRevoked,
    ReadOnlyAccess,
    RecordsSwitchedOff,
    RoleRequired,
    WrongRecordsKey,
)
from livinglab.models import AuditEvent, Member, RecordsReader
from livinglab.organisation import members, sessions
from livinglab.organisation.audit import AuditAct
from livinglab.records import access as records_access
from tests.conftest import a_member

ORGANISATION = "gemeente-houten-2026"


def session_of(session, signed_in) -> str:
    member = session.exec(select(Member).where(Member.id == signed_in.member_id)).one()
    token = sessions.start(session, member, method=sessions.PASSKEY)
    session.commit()
    return token


def test_members_read_or_update_by_their_role_without_the_key(session, monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", "")
    reader = session_of(session, a_member(session, "records_reader", name="Lea"))
    updater = session_of(session, a_member(session, "records_updater", name="Tim"))
    facilitator = session_of(session, a_member(session, "facilitator", name="Fatima"))

    caller = records_access.require_access(session=session, credential=reader)
    assert (caller.name, caller.level, caller.organisation) == ("Lea", "read", False)
    with pytest.raises(ReadOnlyAccess):
        records_access.require_access(session=session, credential=reader, level="update")
    assert records_access.require_access(session=session, credential=updater, level="update")
    with pytest.raises(RoleRequired):
        records_access.require_access(session=session, credential=facilitator)
    with pytest.raises(RecordsSwitchedOff):  # no key, no member: nothing to open with
        records_access.require_access(session=session, credential="")
    with pytest.raises(ReadOnlyAccess):  # a member does not hand out records links
        records_access.invite(session=session, credential=updater, name="Bo", level="read")


def test_a_wrong_credential_is_refused_while_the_key_is_set(session, monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", ORGANISATION)
    with pytest.raises(WrongRecordsKey):
        records_access.require_access(session=session, credential="not-a-session")
    assert records_access.require_access(session=session, credential=ORGANISATION).organisation


def test_migrate_turns_links_into_members_whose_links_keep_working(session, monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", ORGANISATION)
    tokens = {}
    for name, level in (("Lea", "read"), ("Tim", "update"), ("Oud", "read")):
        reader, tokens[name] = records_access.invite(
            session=session, credential=ORGANISATION, name=name, level=level
        )
        if name == "Oud":
            records_access.revoke(session=session, credential=ORGANISATION, reader_id=reader.id)
    session.commit()

    became = records_access.links_to_members(session)
    session.commit()
    assert [(b.name, b.role, b.removed) for b in became] == [
        ("Lea", "records_reader", False),
        ("Tim", "records_updater", False),
        ("Oud", "records_reader", True),
    ]
    assert records_access.links_to_members(session) == []  # a second run changes nothing
    readers = session.exec(select(RecordsReader).order_by(RecordsReader.id)).all()
    assert all(reader.member_id for reader in readers)
    by_name = {m.name: m for m in session.exec(select(Member))}
    assert by_name["Lea"].roles == "records_reader" and by_name["Oud"].removed_at is not None
    joined = session.exec(select(AuditEvent).where(AuditEvent.act == AuditAct.MEMBER_JOINED))
    assert sorted(row.detail.split(":")[0] for row in joined) == ["Lea", "Oud", "Tim"]

    # Without the key the links still work, now with the members' roles as they are now.
    monkeypatch.setattr(settings, "RECORDS_KEY", "")
    lea = records_access.require_access(session=session, credential=tokens["Lea"])
    assert (lea.name, lea.level, lea.member_id) == ("Lea", "read", by_name["Lea"].id)
    with pytest.raises(AccessRevoked):
        records_access.require_access(session=session, credential=tokens["Oud"])
    admin = a_member(session, "admin", name="Aisha")
    members.set_roles(
        session=session, by=admin, member_id=by_name["Lea"].id, roles=["records_updater"]
    )
    assert records_access.require_access(
        session=session, credential=tokens["Lea"], level="update"
    ).may_update
    members.remove(session=session, by=admin, member_id=by_name["Tim"].id)
    session.commit()
    with pytest.raises(AccessRevoked):
        records_access.require_access(session=session, credential=tokens["Tim"])


def test_migrate_says_what_changed_and_what_to_do_about_the_key(monkeypatch, capsys):
    monkeypatch.setattr(settings, "RECORDS_KEY", ORGANISATION)
    cli.print_upgrade(
        [
            records_access.BecameMember("Lea", "records_reader", False),
            records_access.BecameMember("Tim", "records_updater", False),
            records_access.BecameMember("Oud", "records_reader", True),
        ]
    )
    said = capsys.readouterr().out
    assert "3 records readers became members: Lea (records_reader), Tim (records_updater), " in said
    assert "Oud (removed); their links keep working." in said
    assert "LIVINGLAB_RECORDS_KEY is set" in said and "remove the key" in said
    monkeypatch.setattr(settings, "RECORDS_KEY", "")
    cli.print_upgrade([])
    assert capsys.readouterr().out == ""
