"""The records page through its event handlers: the organisation's key, checked on the server."""

from livinglab import settings, workshops
from livinglab.models import Stage
from livinglab.record import build_record
from livinglab.web.state.records import RecordsState
from tests import test_record
from tests.state.conftest import advance, console, open_view, run
from tests.test_record import HOSTILE

#: The workshop the record's own tests take through every stage.
decided = test_record.decided


def close(session, workshop, key) -> None:
    """Take a workshop on, step by step, until it is closed."""
    while workshop.stage != Stage.CLOSED:
        workshops.move_stage(session=session, code=workshop.code, key=key, step=1)
    session.commit()


def test_the_records_key_opens_the_list_and_a_wrong_one_says_so(created, monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    code, key = created
    facilitator = console(code, key)
    for _ in range(4):
        advance(facilitator)
    assert facilitator.stage == "closed"

    records = open_view(RecordsState, "/records")
    run(records.on_load())
    assert not records.opened and records.error_key == ""
    run(records.open_records({"key": key}))  # a facilitator key is not the organisation's
    assert not records.opened and records.error_key == "error_records_key"
    assert records.records_key == "" and records.workshops == []
    run(records.open_records({"key": "gemeente-houten-2026"}))
    assert records.opened and records.error_key == ""
    assert [w.code for w in records.workshops] == [code]

    # The key kept in the cookie reopens the list; once the key is changed, it is forgotten.
    again = open_view(RecordsState, "/records", cookies={"records_key": records.records_key})
    run(again.on_load())
    assert again.opened and [w.code for w in again.workshops] == [code]
    monkeypatch.setattr(settings, "RECORDS_KEY", "nieuw-2027")
    stale = open_view(RecordsState, "/records", cookies={"records_key": records.records_key})
    run(stale.on_load())
    assert not stale.opened and stale.records_key == "" and stale.workshops == []


def test_a_closed_workshops_log_reads_in_the_browser_as_the_pdf_shows_it(
    session, workshop, decided, monkeypatch
):
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    code = decided.code
    path = f"/records/{code}"
    refused = open_view(RecordsState, path, cookies={"records_key": "geraden"})
    run(refused.on_load_record())
    assert refused.record is None and refused.error_key == "error_records_key"

    # Still open: the records library has only closed workshops.
    reader = open_view(RecordsState, path, cookies={"records_key": "gemeente-houten-2026"})
    run(reader.on_load_record())
    assert reader.record is None and reader.error_key == "error_code_unknown"

    close(session, decided, workshop[1])
    run(reader.on_load_record())
    log = reader.record
    assert reader.error_key == "" and reader.lang == "nl"
    assert (log.code, log.title, log.question) == (code, decided.title, decided.question)
    assert [line.stage for line in log.stages][-1] == "closed"
    assert {line.role: line.count for line in log.by_role}["professional"] == 1
    assert [theme.name for theme in log.themes] == ["Vervoer", "Nog zonder thema"]
    assert HOSTILE[0] in [story.text for story in log.themes[0].stories]
    assert all("verborgen" not in s.text for theme in log.themes for s in theme.stories)
    assert log.hidden_insights == 1
    (vote_round,) = log.rounds
    assert [(t.label, t.dots, t.share) for t in vote_round.results] == [("Vervoer", 2, 100)]
    # Two people, one per role: below the smallest group, so no split and a note says why.
    assert vote_round.results[0].by_group == []
    assert "Inwoner, Professional" in vote_round.note and "3" in vote_round.note
    (proposal,) = log.proposals
    assert proposal.counts["object"] == 1 and proposal.objections == ["Te duur"]
    assert (proposal.outcome, proposal.rationale) == ("adopted_with_changes", "Breed gedragen")
    assert [(a.what, a.owner, a.due, a.status) for a in log.actions] == [
        ("Plan maken", "Team Werk", "2027-01-31", "planned")
    ]
    assert log.may_update and log.addendum_digest != log.digest
    assert log.digest == build_record(session=session, workshop=decided)["digest"]

    # The key typed on the log's own page opens the log at once.
    typed = open_view(RecordsState, path)
    run(typed.on_load_record())
    assert typed.record is None and not typed.opened
    run(typed.open_records({"key": "gemeente-houten-2026"}))
    assert typed.record == log


def test_the_organisation_invites_a_reader_who_reads_but_cannot_follow_up(
    session, workshop, decided, monkeypatch
):
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    close(session, decided, workshop[1])
    library = open_view(RecordsState, "/records", cookies={"records_key": "gemeente-houten-2026"})
    run(library.on_load())
    assert library.organisation and library.readers == []
    run(library.invite({"name": "Fatima", "level": "read"}))
    assert library.error_key == "" and "/records?access=" in library.new_link
    token = library.new_link.split("access=", 1)[1]
    assert [(r.name, r.level, r.revoked) for r in library.readers] == [("Fatima", "read", False)]

    # Her link: the token moves into the cookie; she reads, and may not invite or update.
    fatima = open_view(RecordsState, f"/records?access={token}")
    run(fatima.on_load())
    assert fatima.opened and fatima.records_key == token and not fatima.organisation
    page = open_view(RecordsState, f"/records/{decided.code}", cookies={"records_key": token})
    run(page.on_load_record())
    (action,) = page.record.actions
    assert not page.record.may_update
    run(page.follow_up({"action_id": str(action.id), "status": "done", "note": "Klaar"}))
    assert page.error_key == "error_access_read_only" and page.error_at == f"action-{action.id}"

    # The organisation follows the action up: appended, dated, shown at once.
    chair = open_view(
        RecordsState, f"/records/{decided.code}", cookies={"records_key": "gemeente-houten-2026"}
    )
    run(chair.on_load_record())
    note = "De nieuwe brief is vanaf 1 maart in gebruik"
    run(chair.follow_up({"action_id": str(action.id), "status": "in_progress", "note": note}))
    assert chair.error_key == ""
    (followed,) = chair.record.actions
    assert followed.status == "in_progress" and [f.note for f in followed.followups] == [note]

    # Revoked: her next request is refused.
    run(library.revoke(library.readers[0].id))
    assert library.readers[0].revoked
    run(page.on_load_record())
    assert page.record is None and page.error_key == "error_access_revoked"
