"""The records page through its event handlers: the organisation's key, checked on the server."""

from sqlmodel import select

from livinglab import dialogue, insights, sensemaking, settings, workshops
from livinglab.limits import SEARCH_HITS_SHOWN
from livinglab.models import Decision, Stage
from livinglab.records.versions import sealed_record
from livinglab.web.state.records import RecordsState
from tests import test_record
from tests.conftest import join
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
    # The newest sealed version, not the live tables.
    assert log.digest == sealed_record(session, decided)["digest"]
    assert log.version.startswith("Versie 1 van het verslag") and log.corrections == []

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


def library(credential: str) -> RecordsState:
    """/records opened with `credential` in the cookie, as the page loads."""
    view = open_view(RecordsState, "/records", cookies={"records_key": credential})
    run(view.on_load())
    return view


def search(view: RecordsState, query: str, **filters) -> None:
    run(view.search({"query": query, **filters}))


def marked(hit) -> list[str]:
    return [text for text, is_match in hit.parts if is_match]


def test_the_library_finds_a_story_word_marked_and_a_filter_narrows(
    session, workshop, decided, monkeypatch
):
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    close(session, decided, workshop[1])
    reader = library("gemeente-houten-2026")
    assert not reader.searched and reader.hits == []

    search(reader, "  schuld ")  # Dutch stemming: "schuld" finds "schulden"
    assert reader.error_key == "" and reader.searched and reader.query == "schuld"
    (hit,) = reader.hits
    assert (hit.code, hit.title, hit.kind) == (decided.code, decided.title, "story")
    assert marked(hit) == ["schulden"]
    assert "".join(text for text, _ in hit.parts) == HOSTILE[2]  # the text whole, as text

    search(reader, "schuld", outcome="adopted_with_changes", action_status="planned")
    assert [h.code for h in reader.hits] == [decided.code]
    search(reader, "schuld", outcome="not_adopted")
    assert reader.error_key == "" and reader.hits == [] and reader.searched
    search(reader, "schuld", place="Nergensdorp")
    assert reader.hits == []
    search(reader, "bus", since="2020-01-01", until="2099-12-31")
    assert [marked(h) for h in reader.hits] == [["bus"]]


def test_the_library_says_when_there_are_more_hits_than_it_shows(session, workshop, monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    room, key = workshop
    for person in range(2):  # one more story than shown, from two people (30 each at most)
        _, token = join(session, room.code)
        for number in range(SEARCH_HITS_SHOWN // 2 + 1):
            insights.post_insight(
                session=session,
                code=room.code,
                token=token,
                text=f"De schuldhulp belde niet terug ({person}.{number}).",
                client_ref=str(number),
            )
    session.commit()
    close(session, room, key)
    reader = library("gemeente-houten-2026")
    assert not reader.more

    search(reader, "schuld")  # "schuldhulp" begins with "schuld"
    assert len(reader.hits) == SEARCH_HITS_SHOWN and reader.more
    assert marked(reader.hits[0]) == ["schuldhulp"]
    search(reader, "schuld", outcome="adopted")  # nothing was decided
    assert reader.searched and reader.hits == [] and not reader.more


def test_a_search_that_cannot_be_met_is_refused_and_changes_nothing(
    session, workshop, decided, monkeypatch
):
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    close(session, decided, workshop[1])
    reader = library("gemeente-houten-2026")
    search(reader, "bus")
    before = (reader.query, reader.hits)
    assert len(before[1]) == 1

    for filters, refusal in [
        ({"since": "2026-05-02", "until": "2026-05-01"}, "error_date_range"),
        ({"since": "31-12-2026"}, "error_bad_date"),
        ({"outcome": "adopted' OR 1=1 --"}, "error_invalid_choice"),  # a hostile client
        ({"action_status": "forgotten"}, "error_action_status"),
    ]:
        search(reader, "schuld", **filters)
        assert (reader.error_key, reader.error_at) == (refusal, "search"), filters
        assert (reader.query, reader.hits) == before, filters


def closed_with_theme(session, title: str, theme: str):
    """Another closed workshop with one theme (and nothing else)."""
    other, key = workshops.create_workshop(
        session=session, title=title, question="Wat speelt er?", language="nl", uses_names=False
    )
    while other.stage != Stage.SENSEMAKING:
        workshops.move_stage(session=session, code=other.code, key=key, step=1)
    sensemaking.create_theme(session=session, code=other.code, key=key, name=theme)
    close(session, other, key)
    return other


def test_open_actions_come_overdue_first_with_the_calendar_and_themes_that_came_back(
    session, workshop, decided, monkeypatch
):
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    decision = session.exec(select(Decision)).one()
    dialogue.add_action(
        session=session,
        code=decided.code,
        key=workshop[1],
        decision_id=decision.id,
        what="Brief herschrijven",
        owner="Team Post",
        due="2025-06-30",
    )
    close(session, decided, workshop[1])
    other = closed_with_theme(session, "Bereikbaarheid", "Vervoer naar werk")

    reader = library("gemeente-houten-2026")
    assert [(a.what, a.due, a.overdue, a.code) for a in reader.open_actions] == [
        ("Brief herschrijven", "2025-06-30", True, decided.code),
        ("Plan maken", "2027-01-31", False, decided.code),
    ]
    assert reader.calendar_link == ""  # the organisation key never goes into a calendar
    (came_back,) = reader.recurring
    assert came_back.label == "vervoer"
    assert came_back.workshops == [
        (decided.code, decided.title, "Vervoer"),
        (other.code, other.title, "Vervoer naar werk"),
    ]


def test_a_revoked_persons_search_is_refused_at_once(session, workshop, decided, monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    close(session, decided, workshop[1])
    organisation = library("gemeente-houten-2026")
    run(organisation.invite({"name": "Fatima", "level": "read"}))
    token = organisation.new_link.split("access=", 1)[1]
    fatima = library(token)
    assert fatima.calendar_link.endswith(f"/feeds/actions.ics?access={token}")
    search(fatima, "bus")
    assert fatima.error_key == "" and len(fatima.hits) == 1

    run(organisation.revoke(organisation.readers[0].id))
    search(fatima, "schuld")
    assert fatima.error_key == "error_access_revoked"
    # Nothing of the library stays on the screen of someone who may no longer read it.
    assert not fatima.opened and (fatima.hits, fatima.workshops, fatima.query) == ([], [], "")
    assert fatima.calendar_link == ""
