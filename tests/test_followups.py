"""After the workshop: named records access and follow-ups of actions (both databases)."""

import io
import json
from datetime import UTC, date, datetime

import jsonschema
import pytest
from icalendar import Calendar
from pypdf import PdfReader
from sqlmodel import select
from starlette.testclient import TestClient

from livinglab import dialogue, retention, settings, workshops
from livinglab.errors import (
    AccessRevoked,
    ActionNotFound,
    BadAccessLevel,
    BadActionStatus,
    NotClosedYet,
    ReadOnlyAccess,
    RecordsSwitchedOff,
    WrongRecordsKey,
)
from livinglab.export.opendata import SCHEMA_PATH, record_csv
from livinglab.export.pdf import render_pdf
from livinglab.models import Action, ActionUpdate, RecordsReader
from livinglab.records import access as records_access
from livinglab.records import followups, versions
from livinglab.records.library import closed_record
from livinglab.records.record import verify
from livinglab.web.feeds import feeds
from tests.test_record import decided  # noqa: F401 (a fixture)

ORGANISATION = "gemeente-houten-2026"


@pytest.fixture
def closed(session, workshop, decided, monkeypatch):  # noqa: F811
    """The decided workshop closed, with its one action, and the organisation's key set."""
    monkeypatch.setattr(settings, "RECORDS_KEY", ORGANISATION)
    workshops.move_stage(session=session, code=decided.code, key=workshop[1], step=1)
    session.commit()
    (action,) = session.exec(select(Action)).all()
    return decided, action


def invited(session, level):
    reader, token = records_access.invite(
        session=session, credential=ORGANISATION, name="Fatima (beleid)", level=level
    )
    session.commit()
    return reader, token


def test_updates_are_appended_with_their_history_and_who_for_the_audit(session, closed):
    ws, action = closed
    reader, token = invited(session, "update")
    followups.update_action(
        session=session,
        credential=token,
        action_id=action.id,
        status="in_progress",
        note="De nieuwe brief wordt geschreven",
    )
    followups.update_action(
        session=session,
        credential=ORGANISATION,
        action_id=action.id,
        status="done",
        note="De nieuwe brief is vanaf 1 maart in gebruik",
    )
    session.commit()
    history = followups.followups_of(session, [action.id])[action.id]
    assert [(f.status, f.note) for f in history] == [
        ("in_progress", "De nieuwe brief wordt geschreven"),
        ("done", "De nieuwe brief is vanaf 1 maart in gebruik"),
    ]
    assert all(f.day == date.today().isoformat() for f in history)
    assert [u.reader_id for u in session.exec(select(ActionUpdate).order_by(ActionUpdate.id))] == [
        reader.id,
        None,  # the organisation key
    ]
    (proposal,) = followups.with_followups(
        session, dialogue.board_proposals(session=session, workshop_id=ws.id)
    )
    (shown,) = proposal.actions
    assert shown.status == "done" and shown.followups == history
    assert "Fatima" not in repr(proposal)  # who made an update is never on a public view


def test_a_reader_cannot_update_and_a_revoked_person_is_refused_at_once(session, closed):
    _ws, action = closed
    _reader, token = invited(session, "read")
    assert records_access.require_access(session=session, credential=token).name == (
        "Fatima (beleid)"
    )
    with pytest.raises(ReadOnlyAccess):
        followups.update_action(
            session=session, credential=token, action_id=action.id, status="done"
        )
    with pytest.raises(ReadOnlyAccess):  # people do not hand out access; the organisation does
        records_access.invite(session=session, credential=token, name="Bram", level="read")
    editor, editor_token = invited(session, "update")
    records_access.revoke(session=session, credential=ORGANISATION, reader_id=editor.id)
    session.commit()
    with pytest.raises(AccessRevoked):
        followups.update_action(
            session=session, credential=editor_token, action_id=action.id, status="done"
        )
    with pytest.raises(AccessRevoked):
        closed_record(session=session, key=editor_token, code=_ws.code)
    lines = records_access.readers(session=session, credential=ORGANISATION)
    assert [(line.name, line.revoked) for line in lines] == [
        ("Fatima (beleid)", True),
        ("Fatima (beleid)", False),
    ]
    assert session.exec(select(ActionUpdate)).all() == []
    stored = session.exec(select(RecordsReader)).all()
    assert all(len(r.token_hash) == 64 and token not in r.token_hash for r in stored)


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        ({"status": "finished"}, BadActionStatus),
        ({"status": ""}, BadActionStatus),
        ({"action_id": 99999}, ActionNotFound),
        ({"action_id": "1 OR 1=1"}, ActionNotFound),
        ({"credential": "guess"}, WrongRecordsKey),
        ({"credential": ""}, WrongRecordsKey),
    ],
)
def test_bad_updates_are_refused_and_nothing_is_stored(session, closed, change, refusal):
    _ws, action = closed
    call = {"credential": ORGANISATION, "action_id": action.id, "status": "done", "note": "x"}
    with pytest.raises(refusal):
        followups.update_action(session=session, **{**call, **change})
    assert session.exec(select(ActionUpdate)).all() == []


def test_bad_invitations_are_refused(session, closed):
    with pytest.raises(BadAccessLevel):
        records_access.invite(session=session, credential=ORGANISATION, name="A", level="admin")
    with pytest.raises(WrongRecordsKey):
        records_access.invite(session=session, credential="guess", name="A", level="read")
    assert session.exec(select(RecordsReader)).all() == []


def test_no_records_key_configured_switches_access_off(session, closed, monkeypatch):
    _reader, token = invited(session, "update")
    monkeypatch.setattr(settings, "RECORDS_KEY", "")
    with pytest.raises(RecordsSwitchedOff):
        records_access.require_access(session=session, credential=token)


def test_an_open_workshop_takes_no_follow_ups(session, decided, monkeypatch):  # noqa: F811
    monkeypatch.setattr(settings, "RECORDS_KEY", ORGANISATION)
    (action,) = session.exec(select(Action)).all()
    with pytest.raises(NotClosedYet):
        followups.update_action(
            session=session, credential=ORGANISATION, action_id=action.id, status="done"
        )


def test_the_addendum_has_its_own_check_code_and_the_original_still_verifies(session, closed):
    ws, action = closed
    original = versions.sealed_record(session, ws)
    followups.update_action(
        session=session,
        credential=ORGANISATION,
        action_id=action.id,
        status="done",
        note="Klaar",
    )
    session.commit()
    exported = closed_record(session=session, key=ORGANISATION, code=ws.code)
    addendum = exported["addendum"]
    assert verify(exported, original["digest"])  # the printed code still holds
    assert addendum["original_digest"] == original["digest"]
    assert followups.verify_addendum(addendum, original["digest"])
    assert [f["note"] for f in addendum["actions"][0]["followups"]] == ["Klaar"]
    changed = {**addendum, "actions": [{**addendum["actions"][0], "status": "dropped"}]}
    assert not followups.verify_addendum(changed, original["digest"])
    assert not followups.verify_addendum(addendum, "0" * 64)
    jsonschema.validate(exported, json.loads(SCHEMA_PATH.read_text()))
    assert "Klaar" in record_csv(exported)["followups.csv"]
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(exported))).pages
    )
    assert "Vervolg na de workshop" in text and addendum["digest"][:16] in text.replace("\n", "")


def test_open_actions_overdue_first_and_a_calendar_of_due_dates(session, closed):
    _ws, action = closed
    listed = followups.open_actions(
        session=session, credential=ORGANISATION, today=date(2027, 2, 1)
    )
    assert [(a.what, a.due, a.overdue) for a in listed] == [("Plan maken", "2027-01-31", True)]
    feed = Calendar.from_ical(followups.calendar(session=session, credential=ORGANISATION))
    (event,) = feed.walk("VEVENT")
    assert str(event["summary"]) == "Plan maken (Team Werk)"
    assert event.decoded("dtstart") == date(2027, 1, 31)
    assert (
        followups.open_actions(session=session, credential=ORGANISATION, organisers="Helmond") == []
    )
    followups.update_action(
        session=session, credential=ORGANISATION, action_id=action.id, status="done"
    )
    session.commit()
    assert followups.open_actions(session=session, credential=ORGANISATION) == []


def test_a_purge_keeps_the_notes_and_forgets_who_wrote_them(session, closed):
    ws, action = closed
    _reader, token = invited(session, "update")
    followups.update_action(
        session=session, credential=token, action_id=action.id, status="done", note="Klaar"
    )
    session.commit()
    retention.purge_workshop(session=session, code=ws.code, now=datetime(2099, 1, 1, tzinfo=UTC))
    session.commit()
    (update,) = session.exec(select(ActionUpdate)).all()
    assert update.note == "Klaar" and update.reader_id is None


def test_the_calendar_feed_answers_a_persons_link_and_stops_when_revoked(session, closed):
    reader, token = invited(session, "read")
    client = TestClient(feeds)
    answer = client.get("/feeds/actions.ics", params={"access": token})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(answer.content).walk("VEVENT")
    assert str(event["summary"]) == "Plan maken (Team Werk)"
    assert client.get("/feeds/actions.ics", params={"access": "guess"}).status_code == 403
    records_access.revoke(session=session, credential=ORGANISATION, reader_id=reader.id)
    session.commit()
    refused = client.get("/feeds/actions.ics", params={"access": token})
    assert refused.status_code == 403 and refused.text == "error_access_revoked"
