"""The records library opened by a signed-in member: their session stays in its HttpOnly
cookie (never copied into the records cookie, which scripts can read), their role decides
what the page offers."""

from sqlmodel import Session, select

from livinglab import db, workshops
from livinglab.errors import RecordsSwitchedOff
from livinglab.models import Member
from livinglab.organisation import members
from livinglab.web.state.records import RecordsState
from tests.state.conftest import open_view, run, sign_in


def closed_workshop() -> str:
    with Session(db.engine(), expire_on_commit=False) as session:
        workshop, key = workshops.create_workshop(
            session=session, title="Wonen", question="?", language="nl", uses_names=False
        )
        for _ in range(4):  # to closed
            workshops.move_stage(session=session, code=workshop.code, key=key, step=1)
        session.commit()
        return workshop.code


def test_a_records_reader_reads_and_an_updater_may_update(database_url, monkeypatch):
    monkeypatch.setattr("livinglab.settings.RECORDS_KEY", "")
    code = closed_workshop()
    reader = open_view(RecordsState, "/records", session=sign_in("Aisha", "records_reader"))
    run(reader.on_load())
    assert reader.opened and [w.code for w in reader.workshops] == [code]
    assert reader.records_key == "" and not reader.may_update and not reader.organisation
    assert reader.calendar_link == ""  # no link of theirs to put in an address
    updater = open_view(
        RecordsState, "/records", session=sign_in("Tim", "records_updater"), tab="tab-2"
    )
    run(updater.on_load())
    assert updater.opened and updater.may_update and updater.records_key == ""


def test_a_member_without_a_records_role_sees_the_key_form(database_url, monkeypatch):
    monkeypatch.setattr("livinglab.settings.RECORDS_KEY", "")
    closed_workshop()
    facilitator = open_view(RecordsState, "/records", session=sign_in("Aisha", "facilitator"))
    run(facilitator.on_load())
    assert not facilitator.opened and facilitator.workshops == []
    assert facilitator.error_key == ""


def test_a_reader_removed_while_the_library_is_open_is_refused_and_the_page_empties(
    database_url, monkeypatch
):
    monkeypatch.setattr("livinglab.settings.RECORDS_KEY", "")
    closed_workshop()
    token = sign_in("Ruud", "records_reader")
    reader = open_view(RecordsState, "/records", session=token)
    run(reader.on_load())
    run(reader.search({"query": "Wonen"}))
    assert reader.opened and reader.workshops
    with Session(db.engine(), expire_on_commit=False) as session:
        admin = Member(name="Aisha", roles="admin")
        session.add(admin)
        session.flush()
        ruud = session.exec(select(Member).where(Member.name == "Ruud")).one()
        members.remove(session=session, by=members.as_signed_in(admin), member_id=ruud.id)
        session.commit()
    run(reader.search({"query": "Wonen"}))
    assert reader.error_key == RecordsSwitchedOff.key  # no key here, and no member any more
    assert not reader.opened
    assert (reader.workshops, reader.hits, reader.open_actions, reader.record) == ([], [], [], None)
