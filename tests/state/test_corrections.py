"""Corrections after closing through the event handlers: the console, the records page and the
phone's request to remove its stories. Every change is a new version with a reason."""

import pytest

from livinglab import settings
from livinglab.models import ErasureRequest, RecordVersion
from livinglab.web.state.records import RecordsState
from tests.state.conftest import advance, console, joined_phone, open_view, phone, run, stored

KEY = "gemeente-houten-2026"


@pytest.fixture
def records_key(monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", KEY)
    return KEY


def _room_with_stories(created, *texts):
    """A workshop with a phone that posted `texts`, then closed: (console, phone, story ids)."""
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)  # collect
    sam = joined_phone(code)
    for number, text in enumerate(texts):
        run(sam.post_insight({"text": text, "ref": f"ref-{number}"}))
        assert sam.error_key == "", sam.error_key
    story_ids = sorted(card.id for card in sam.my_insights)
    while facilitator.stage != "closed":
        advance(facilitator)
    return facilitator, sam, story_ids


def _log(code, credential):
    page = open_view(RecordsState, f"/records/{code}", cookies={"records_key": credential})
    run(page.on_load_record())
    assert page.record is not None, page.error_key
    return page


def _texts(log):
    return [story.text for theme in log.themes for story in theme.stories]


def test_the_console_corrects_a_closed_workshop_only_with_a_reason(created):
    facilitator, _sam, (story,) = _room_with_stories(created, "Mijn buurvrouw Anja de Vries")
    # Moderation is over: the old hide button is refused, nothing changes.
    run(facilitator.hide_insight(story))
    assert facilitator.error_key == "error_workshop_closed"

    run(facilitator.correct_story({"change": "hide_story", "insight_id": story, "reason": " "}))
    assert facilitator.error_key == "error_reason_required"
    assert facilitator.error_at == f"correct-{story}"  # beside the story's own form
    assert len(stored(RecordVersion)) == 1 and facilitator.hidden_cards == []

    reason = "Er staat een naam in"
    run(facilitator.correct_story({"change": "hide_story", "insight_id": story, "reason": reason}))
    assert facilitator.error_key == ""
    assert [card.id for card in facilitator.hidden_cards] == [story]
    assert [(v.number, v.change, v.reason) for v in stored(RecordVersion)] == [
        (1, "closed", ""),
        (2, "hide_story", reason),
    ]

    # Hiding it again changes nothing, and says so; showing it again is version 3.
    run(facilitator.correct_story({"change": "hide_story", "insight_id": story, "reason": "x"}))
    assert facilitator.error_key == "error_nothing_to_correct"
    run(facilitator.correct_story({"change": "show_story", "insight_id": story, "reason": "Oké"}))
    assert facilitator.error_key == "" and facilitator.hidden_cards == []
    assert len(stored(RecordVersion)) == 3


def test_the_records_page_hides_a_story_and_changes_k_with_a_reason(created, records_key):
    code = created[0]
    _facilitator, _sam, (named, kept) = _room_with_stories(
        created, "Mijn buurvrouw Anja de Vries", "De bus rijdt te weinig"
    )
    page = _log(code, records_key)
    assert page.record.version.startswith("Version 1 of the record")  # the workshop is English
    assert page.record.corrections == [] and page.record.may_update

    run(page.correct({"change": "hide_story", "insight_id": str(named), "reason": ""}))
    assert (page.error_key, page.error_at) == ("error_reason_required", f"correct-{named}")
    assert "Mijn buurvrouw Anja de Vries" in _texts(page.record)

    run(page.correct({"change": "hide_story", "insight_id": str(named), "reason": "Een naam"}))
    assert page.error_key == ""
    log = page.record
    assert log.version.startswith("Version 2 of the record")
    assert _texts(log) == ["De bus rijdt te weinig"]
    (line,) = log.corrections
    assert (line.version, line.what, line.reason, line.by) == (
        2,
        "1 story hidden",
        "Een naam",
        "the organisation",
    )

    run(page.correct({"change": "smallest_group", "size": "5", "reason": "Kleine gemeente"}))
    assert page.error_key == ""
    assert page.record.corrections[-1].what == "smallest group from 3 to 5"
    assert not any("Anja" in str(line) for line in page.record.corrections)  # never a hidden text
    assert kept


def test_a_read_only_reader_may_not_correct_or_grant(created, records_key):
    code = created[0]
    _facilitator, sam, (story,) = _room_with_stories(created, "De bus rijdt te weinig")
    run(sam.ask_erasure())
    library = open_view(RecordsState, "/records", cookies={"records_key": records_key})
    run(library.on_load())
    run(library.invite({"name": "Fatima", "level": "read"}))
    token = library.new_link.split("access=", 1)[1]

    fatima = _log(code, token)
    assert not fatima.record.may_update
    run(fatima.correct({"change": "hide_story", "insight_id": str(story), "reason": "Waarom"}))
    assert (fatima.error_key, fatima.error_at) == ("error_access_read_only", f"correct-{story}")
    (request,) = stored(ErasureRequest)
    run(fatima.grant_erasure({"request_id": str(request.id), "reason": "Gevraagd"}))
    assert (fatima.error_key, fatima.error_at) == (
        "error_access_read_only",
        f"erasure-{request.id}",
    )
    assert len(stored(RecordVersion)) == 1

    # Her library lists no requests: granting them is not hers to do.
    hers = open_view(RecordsState, "/records", cookies={"records_key": token})
    run(hers.on_load())
    assert hers.opened and not hers.may_update and hers.erasures == []


def test_a_phone_asks_after_closing_once_and_sees_its_request_granted(created, records_key):
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)
    sam = joined_phone(code)
    run(sam.post_insight({"text": "De bus rijdt te weinig", "ref": "r1"}))
    run(sam.post_insight({"text": "Ik werk in Utrecht", "ref": "r2"}))
    run(sam.ask_erasure())  # still running: not yet
    assert (sam.error_key, sam.error_at) == ("error_wrong_stage", "erasure")
    assert stored(ErasureRequest) == []
    while facilitator.stage != "closed":
        advance(facilitator)

    sam.confirm_erasure()
    assert sam.confirming_erasure
    run(sam.ask_erasure())
    assert sam.error_key == "" and sam.erasure == "waiting" and not sam.confirming_erasure
    run(sam.ask_erasure())  # a second tap is the same request
    assert sam.erasure == "waiting" and len(stored(ErasureRequest)) == 1
    again = phone(code, tab="phone-2", cookie=sam.participant_tokens)  # a reload
    assert again.erasure == "waiting"

    library = open_view(RecordsState, "/records", cookies={"records_key": records_key})
    run(library.on_load())
    (request,) = library.erasures
    assert (request.code, request.stories) == (code, 2)
    run(library.grant_erasure({"request_id": str(request.id), "reason": ""}))
    assert (library.error_key, library.error_at) == (
        "error_reason_required",
        f"erasure-{request.id}",
    )
    assert len(library.erasures) == 1
    run(library.grant_erasure({"request_id": str(request.id), "reason": "AVG-verzoek"}))
    assert library.error_key == "" and library.erasures == []

    log = _log(code, records_key).record
    assert log.version.startswith("Version 2") and _texts(log) == []
    assert log.corrections[0].what == "2 stories removed on request (GDPR)"
    assert phone(code, tab="phone-3", cookie=sam.participant_tokens).erasure == "granted"
