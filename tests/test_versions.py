"""A closed record stays what was printed: sealed at closing, corrected only as new versions
in a hash chain, on SQLite and PostgreSQL."""

import json

import jsonschema
import pytest
from sqlmodel import func, select

from livinglab import __main__ as cli
from livinglab import bootstrap, changes, insights, retention, settings, workshops
from livinglab.errors import (
    BadCorrection,
    BadSmallestGroup,
    NothingToCorrect,
    NothingToErase,
    ReadOnlyAccess,
    ReasonRequired,
    TextTooLong,
    WorkshopClosed,
    WrongStage,
)
from livinglab.export.opendata import SCHEMA_PATH, record_csv
from livinglab.export.pdf import render_pdf
from livinglab.limits import CORRECTION_REASON_MAX
from livinglab.models import Insight, RecordVersion, utcnow
from livinglab.records import access as records_access
from livinglab.records import corrections, search, versions
from livinglab.records.checkcode import verify
from livinglab.records.library import closed_record, record_chain
from livinglab.validation import clean_text
from tests.conftest import join
from tests.hostile import sample

KEY = "bibliotheek-sleutel-2027"
SECRET = "Mijn buurman Kees heeft schulden bij de woningbouw"


@pytest.fixture(autouse=True)
def records_key(monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", KEY)


@pytest.fixture
def room(session):
    """A closed workshop with two people's stories: (workshop, key, tokens, stories)."""
    ws, key = workshops.create_workshop(
        session=session, title="Schulden", question="Wat helpt?", language="nl", uses_names=True
    )
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    session.commit()
    _, anna = workshops.join(session=session, code=ws.code, name="Anna", role="resident")
    _, bert = workshops.join(session=session, code=ws.code, name="Bert", role="professional")
    _, cees = workshops.join(session=session, code=ws.code, name="Cees", role="employer")
    stories = [
        insights.post_insight(session=session, code=ws.code, token=token, text=text, client_ref=ref)
        for token, text, ref in (
            (anna, SECRET, "a1"),
            (anna, "De schuldhulp belt nooit terug", "a2"),
            (bert, "Wachtlijsten bij de bus naar het loket", "b1"),
        )
    ]
    session.commit()
    close(session, ws, key)
    return ws, key, {"anna": anna, "bert": bert, "cees": cees}, stories


def close(session, ws, key) -> None:
    while ws.stage != "closed":
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    session.commit()


def found(session, words: str) -> list[str]:
    return [
        "".join(p for p, _ in hit.parts)
        for hit in search.find(session=session, credential=KEY, query=words).hits
    ]


def as_runner(session, ws, key, change, reason="Op verzoek van de deelnemer", **target):
    version = corrections.correct_as_runner(
        session=session, code=ws.code, key=key, change=change, reason=reason, **target
    )
    session.commit()
    return version


def count_versions(session) -> int:
    return session.exec(select(func.count()).select_from(RecordVersion)).one()


def test_closing_seals_version_one_with_who_and_when(session, room):
    ws, _key, _tokens, _stories = room
    (first,) = versions.versions(session, ws)
    record = versions.as_record(first)
    assert first.number == 1 and first.change == "closed" and first.made_by == "facilitator"
    assert record["seal"]["version"] == 1 and record["seal"]["previous_digest"] is None
    assert record["seal"]["made_by"] == {"role": "facilitator", "name": ""}
    assert record["corrections"] == []
    assert verify(record, first.digest)
    assert closed_record(session=session, key=KEY, code=ws.code)["digest"] == first.digest


def test_hiding_a_story_after_closing_is_a_new_version_and_the_search_forgets_it(session, room):
    ws, key, _tokens, stories = room
    v1 = versions.sealed_record(session, ws)
    assert found(session, "buurman") == [SECRET]
    v2 = as_runner(session, ws, key, "hide_story", insight_id=stories[0].id)
    record = versions.sealed_record(session, ws)
    assert found(session, "buurman") == []  # the search follows the sealed record by itself
    assert v2.number == 2 and record["seal"]["previous_digest"] == v1["digest"]
    assert record["seal"]["reason"] == "Op verzoek van de deelnemer"
    assert record["seal"]["what"] == {"stories": 1}
    assert [c["change"] for c in record["corrections"]] == ["hide_story"]
    assert SECRET not in json.dumps(record, ensure_ascii=False)
    assert record["hidden_insights"] == 1
    # Version 1 is kept as it was: its printed code still verifies it.
    assert verify(versions.as_record(versions.versions(session, ws)[0]), v1["digest"])
    assert versions.verify_chain(record_chain(session=session, key=KEY, code=ws.code)).unbroken
    # Shown again: version 3, found again.
    as_runner(
        session, ws, key, "show_story", reason="Toch tonen, na overleg", insight_id=stories[0].id
    )
    assert found(session, "buurman") == [SECRET]
    assert versions.sealed_record(session, ws)["seal"]["version"] == 3


def test_the_room_cannot_moderate_a_closed_workshop_nor_change_k_without_a_correction(
    session, room
):
    ws, key, _tokens, stories = room
    with pytest.raises(WorkshopClosed):
        insights.set_hidden(
            session=session, code=ws.code, key=key, insight_id=stories[0].id, hidden=True
        )
    session.rollback()
    with pytest.raises(WorkshopClosed):
        insights.hide_all_of(session=session, code=ws.code, key=key, insight_id=stories[0].id)
    session.rollback()
    from livinglab import anonymity

    with pytest.raises(WorkshopClosed):
        anonymity.set_smallest_group(session=session, code=ws.code, key=key, size=5)
    session.rollback()
    assert count_versions(session) == 1 and not session.get(Insight, stories[0].id).hidden


@pytest.mark.parametrize("reason", ["", "   ", "\u200b\u200b", None, 7])
def test_a_correction_without_a_reason_is_refused_and_nothing_changes(session, room, reason):
    ws, key, _tokens, stories = room
    with pytest.raises(ReasonRequired):
        as_runner(session, ws, key, "hide_story", reason=reason, insight_id=stories[0].id)
    session.rollback()
    assert count_versions(session) == 1 and not session.get(Insight, stories[0].id).hidden
    assert found(session, "buurman") == [SECRET]


def test_corrections_that_change_nothing_or_are_unknown_are_refused(session, room):
    ws, key, _tokens, stories = room
    with pytest.raises(NothingToCorrect):
        as_runner(session, ws, key, "show_story", insight_id=stories[0].id)  # shown already
    session.rollback()
    with pytest.raises(BadCorrection):
        as_runner(session, ws, key, "closed", insight_id=stories[0].id)
    session.rollback()
    with pytest.raises(BadCorrection):
        as_runner(session, ws, key, "purge")
    session.rollback()
    with pytest.raises(NothingToCorrect):
        as_runner(session, ws, key, "smallest_group", size=ws.smallest_group)
    session.rollback()
    for bad in ("1", "zes", 10**9, None):
        with pytest.raises(BadSmallestGroup):
            as_runner(session, ws, key, "smallest_group", size=bad)
        session.rollback()
    assert count_versions(session) == 1


def test_a_correction_needs_a_closed_workshop(session, workshop):
    ws, key = workshop
    _, token = join(session, ws.code)
    story = insights.post_insight(
        session=session, code=ws.code, token=token, text="x y", client_ref="1"
    )
    session.commit()
    with pytest.raises(WrongStage):
        as_runner(session, ws, key, "hide_story", insight_id=story.id)
    session.rollback()
    assert count_versions(session) == 0


def test_changing_k_after_closing_names_before_and_after(session, room):
    ws, key, _tokens, _stories = room
    before = ws.smallest_group
    as_runner(session, ws, key, "smallest_group", reason="Kleine groep beter beschermen", size=5)
    record = versions.sealed_record(session, ws)
    assert record["seal"]["what"] == {"smallest_group_before": before, "smallest_group": 5}


def test_a_records_reader_corrects_by_name_and_a_reader_without_update_access_cannot(session, room):
    ws, _key, _tokens, stories = room
    _, reading = records_access.invite(session=session, credential=KEY, name="Lees", level="read")
    _, fatima = records_access.invite(
        session=session, credential=KEY, name="Fatima", level="update"
    )
    session.commit()
    with pytest.raises(ReadOnlyAccess):
        corrections.correct_as_reader(
            session=session,
            credential=reading,
            code=ws.code,
            change="hide_story",
            reason="Verzoek",
            insight_id=stories[2].id,
        )
    session.rollback()
    corrections.correct_as_reader(
        session=session,
        credential=fatima,
        code=ws.code,
        change="hide_story",
        reason="Verzoek van de organisatie",
        insight_id=stories[2].id,
    )
    session.commit()
    seal = versions.sealed_record(session, ws)["seal"]
    assert seal["made_by"] == {"role": "records_reader", "name": "Fatima"}
    assert versions.newest(session, ws).made_by.startswith("reader-")


def test_an_erasure_request_waits_and_granting_it_removes_the_stories_everywhere(session, room):
    ws, _key, tokens, _stories = room
    request = corrections.ask_erasure(session=session, code=ws.code, token=tokens["anna"])
    again = corrections.ask_erasure(session=session, code=ws.code, token=tokens["anna"])
    session.commit()
    assert again.id == request.id
    (line,) = corrections.waiting_erasures(session=session, credential=KEY)
    assert (line.code, line.stories) == (ws.code, 2)
    with pytest.raises(ReasonRequired):
        corrections.grant_erasure(session=session, credential=KEY, request_id=request.id, reason="")
    session.rollback()
    assert count_versions(session) == 1
    version = corrections.grant_erasure(
        session=session,
        credential=KEY,
        request_id=request.id,
        reason="AVG-verzoek van de deelnemer",
    )
    session.commit()
    assert version.number == 2 and version.change == "erasure"
    assert corrections.waiting_erasures(session=session, credential=KEY) == []
    record = versions.sealed_record(session, ws)
    assert record["seal"]["what"] == {"stories": 2}
    assert "Anna" not in record["participation"]["names"]
    assert found(session, "buurman") == [] and found(session, "schuldhulp") == []
    assert found(session, "wachtlijsten")  # the other person's story stays
    # Earlier versions held the texts: their bodies go, their check codes stay in the chain.
    first, _second = versions.versions(session, ws)
    assert first.body is None and first.erased_in == 2
    assert SECRET not in json.dumps(versions.chain(session, ws), ensure_ascii=False)
    assert versions.verify_chain(versions.chain(session, ws)).unbroken
    with pytest.raises(NothingToCorrect):
        corrections.grant_erasure(
            session=session, credential=KEY, request_id=request.id, reason="x"
        )
    session.rollback()
    with pytest.raises(NothingToErase):  # Cees wrote nothing: there is nothing to remove
        corrections.ask_erasure(session=session, code=ws.code, token=tokens["cees"])
    session.rollback()


def test_an_erasure_request_is_asked_only_after_closing(session, workshop):
    ws, _key = workshop
    _, token = join(session, ws.code)
    insights.post_insight(session=session, code=ws.code, token=token, text="x y", client_ref="1")
    session.commit()
    with pytest.raises(WrongStage):
        corrections.ask_erasure(session=session, code=ws.code, token=token)


def test_reopening_and_closing_again_makes_a_new_version(session, room):
    ws, key, _tokens, _stories = room
    first = versions.newest(session, ws)
    workshops.move_stage(session=session, code=ws.code, key=key, step=-1)
    session.commit()
    assert found(session, "buurman") == []  # back in the room: out of the library
    close(session, ws, key)
    second = versions.newest(session, ws)
    assert (second.number, second.change, second.previous_digest) == (2, "closed", first.digest)
    assert found(session, "buurman") == [SECRET]


def test_a_purge_is_a_version_without_texts_and_earlier_versions_lose_theirs(session, room):
    ws, _key, _tokens, _stories = room
    later = utcnow().replace(year=utcnow().year + 11)
    assert retention.purge_workshop(session=session, code=ws.code, now=later) is not None
    session.commit()
    newest = versions.newest(session, ws)
    assert (newest.number, newest.change, newest.made_by) == (2, "purge", "retention")
    assert versions.versions(session, ws)[0].body is None
    assert SECRET not in json.dumps(versions.chain(session, ws), ensure_ascii=False)
    assert found(session, "buurman") == []


def test_a_commit_that_changes_a_sealed_record_with_nothing_wired_fails_loudly(session, workshop):
    ws, key = workshop
    changes.unwire()
    try:
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
        with pytest.raises(changes.NothingFollows, match="closed"):
            session.commit()
        session.rollback()
    finally:
        bootstrap.wire()
    assert count_versions(session) == 0
    session.refresh(ws)
    assert ws.stage == "collect"


def test_verify_says_which_version_and_finds_a_broken_chain(session, room, tmp_path, capsys):
    ws, key, _tokens, stories = room
    v1 = versions.sealed_record(session, ws)
    as_runner(session, ws, key, "hide_story", insight_id=stories[2].id)
    v2 = versions.sealed_record(session, ws)
    chained = tmp_path / "chain.json"
    chained.write_text(json.dumps(record_chain(session=session, key=KEY, code=ws.code)))
    single = tmp_path / "v1.json"
    single.write_text(json.dumps(v1))
    assert cli.check(single, v1["digest"]) == 0
    assert "version 1" in capsys.readouterr().out
    assert cli.check(chained, v1["digest"]) == 0
    assert "version 1" in capsys.readouterr().out
    assert cli.check(chained, v2["digest"].upper()) == 0
    assert "version 2" in capsys.readouterr().out
    assert cli.check(chained, None) == 0
    assert "unbroken" in capsys.readouterr().out
    assert cli.check(single, v2["digest"]) == 1
    # Tampered: a story's words changed in version 1 of the chain.
    document = json.loads(chained.read_text())
    story = document["versions"][0]["ungrouped"][0]
    story["text"] += "!"
    chained.write_text(json.dumps(document))
    assert cli.check(chained, v1["digest"]) == 1
    assert cli.check(chained, None) == 1
    assert "version 1" in capsys.readouterr().out
    # A version left out, or one put in its place with the right digest but a wrong link.
    document = json.loads(chained.read_text())
    document["versions"] = document["versions"][1:]
    chained.write_text(json.dumps(document))
    assert cli.check(chained, None) == 1
    stories_left = session.exec(select(func.count()).select_from(Insight)).one()
    assert stories_left == 3


def test_hostile_reasons_are_stored_cleaned_or_refused_and_every_export_holds(session, room):
    """Hostile text as the reasons of corrections: each is stored as clean text in a new
    version, or refused with nothing changed; the sealed record still exports and verifies."""
    ws, key, _tokens, stories = room
    change = "hide_story"
    for text in sample(40):
        before = count_versions(session)
        try:
            version = as_runner(session, ws, key, change, reason=text, insight_id=stories[1].id)
        except (ReasonRequired, TextTooLong):
            session.rollback()
            assert count_versions(session) == before
            continue
        seal = json.loads(version.seal)
        assert seal["reason"] == clean_text(text, limit=CORRECTION_REASON_MAX)
        change = "show_story" if change == "hide_story" else "hide_story"
    record = versions.sealed_record(session, ws)
    assert len(record["corrections"]) == count_versions(session) - 1 >= 20
    assert verify(record, record["digest"])
    assert versions.verify_chain(versions.chain(session, ws)).unbroken
    jsonschema.validate(record, json.loads(SCHEMA_PATH.read_text()))
    record_csv(record)
    assert render_pdf(record).startswith(b"%PDF")
