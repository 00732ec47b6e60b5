"""Retention: personal data goes when the period is over, counts stay; deleting a workshop."""

import io
import json
from datetime import UTC, datetime, timedelta

import jsonschema
import pytest
from pypdf import PdfReader
from sqlalchemy import func, update
from sqlmodel import SQLModel, select

from livinglab import (
    actors,
    codes,
    dialogue,
    i18n,
    insights,
    retention,
    sensemaking,
    voting,
    workshops,
)
from livinglab.__main__ import main
from livinglab.errors import BadRetention, NotFacilitator, WorkshopClosed, WrongConfirmation
from livinglab.export.opendata import SCHEMA_PATH
from livinglab.export.pdf import render_pdf
from livinglab.models import (
    Action,
    Agenda,
    AgendaStep,
    AuditEvent,
    ConsentAnswer,
    Insight,
    Invite,
    Member,
    MemberSession,
    Participant,
    Passkey,
    Proposal,
    SignInChallenge,
    StageChange,
    Vote,
    Workshop,
    as_utc,
    utcnow,
)
from livinglab.records.record import build_record
from tests.conftest import join, one_char_off

#: Everything people wrote or are called in `fill`: none of it may survive a purge.
PERSONAL = [
    "Fatima",
    "Joost",
    "Anouk",
    "Mevrouw Bakker",
    "Mijn uitkering stopte",
    "Ik wacht al een jaar",
    "Mijn buurman helpt mij",
    "Schulden bij de energie",
    "Dit wordt verborgen",
    "Een loket in de bibliotheek",
    "Te duur voor mij",
    "Fatima de Vries",
]
#: Thirteen months after closing: past the default period of twelve.
LATER = timedelta(days=400)
#: The tables `fill` writes rows in.
FILLED_TABLES = (
    "workshop stageprompt stagechange participant insight moderationact theme themesuggestion"
    " voteround vote proposal consentround consentanswer decision action"
).split()


def fill(session, ws, key) -> list[str]:
    """Take a workshop through every stage and close it; return the phones' tokens."""
    code = ws.code
    tokens = [
        join(session, code, name=name, role=role)[1]
        for name, role in (("Fatima", "resident"), ("Joost", "professional"), ("Anouk", "resident"))
    ]
    workshops.set_prompt(session=session, code=code, key=key, stage="collect", prompt="Vertel")
    cards = [
        insights.post_insight(
            session=session, code=code, token=tokens[i % 3], text=text, client_ref=str(i)
        )
        for i, text in enumerate(PERSONAL[4:9])
    ]
    insights.set_hidden(session=session, code=code, key=key, insight_id=cards[-1].id, hidden=True)
    workshops.move_stage(session=session, code=code, key=key, step=1)
    theme = sensemaking.create_theme(session=session, code=code, key=key, name="Inkomen")
    for card in cards[:2]:
        sensemaking.move_insight(
            session=session, code=code, key=key, insight_id=card.id, theme_id=theme.id
        )
    sensemaking.suggest_theme_for_own_insight(
        session=session, code=code, token=tokens[2], insight_id=cards[2].id, theme_id=theme.id
    )
    paper = voting.add_paper_participant(
        session=session, code=code, key=key, name="Mevrouw Bakker", role="other"
    )
    voting.open_round(session=session, code=code, key=key)
    for token in tokens:
        voting.cast_votes(session=session, code=code, token=token, item_ids=[theme.id])
    voting.cast_votes_for(
        session=session, code=code, key=key, participant_id=paper.id, item_ids=[theme.id]
    )
    voting.close_round(session=session, code=code, key=key)
    workshops.move_stage(session=session, code=code, key=key, step=1)
    sent = dialogue.send_proposal(
        session=session, code=code, token=tokens[0], text=PERSONAL[9], theme_id=theme.id
    )
    dialogue.review_proposal(session=session, code=code, key=key, proposal_id=sent.id, accept=True)
    dialogue.add_proposal(session=session, code=code, key=key, text="Spreekuur in de wijk")
    dialogue.open_consent(session=session, code=code, key=key, proposal_id=sent.id)
    dialogue.answer_consent(
        session=session, code=code, token=tokens[1], answer="object", reason=PERSONAL[10]
    )
    dialogue.answer_consent(session=session, code=code, token=tokens[2], answer="agree")
    dialogue.close_consent(session=session, code=code, key=key)
    decision = dialogue.decide(
        session=session,
        code=code,
        key=key,
        proposal_id=sent.id,
        outcome="adopted",
        rationale="Breed gedragen",
    )
    dialogue.add_action(
        session=session,
        code=code,
        key=key,
        decision_id=decision.id,
        what="Plan maken",
        owner=PERSONAL[11],
        due="2027-01-31",
    )
    workshops.move_stage(session=session, code=code, key=key, step=1)
    session.commit()
    return tokens


@pytest.fixture
def closed(session, workshop):
    """A closed workshop with names, stories, a vote, a phone's proposal, an objection."""
    ws, key = workshop
    return ws, key, fill(session, ws, key)


def counts(record: dict) -> dict:
    """Everything in a record that is a number, an outcome or written by the facilitator."""
    return {
        "participation": {k: v for k, v in record["participation"].items() if k != "names"},
        "themes": [(t["name"], t["insight_count"]) for t in record["themes"]],
        "ungrouped": record["ungrouped_count"],
        "hidden": record["hidden_insights"],
        "votes": [
            [(r["label"], r["dots"], r["by_group"]) for r in vote_round["results"]]
            for vote_round in record["vote_rounds"]
        ],
        "proposals": [
            (
                p["from_participant"],
                p["consent"] and (p["consent"]["counts"], p["consent"]["by_group"]),
                p["decision"],
                [(a["what"], a["due"]) for a in p["actions"]],
            )
            for p in record["proposals"]
        ],
        "stages": record["process"]["stages"],
    }


def test_purge_removes_personal_data_and_keeps_the_counts(session, closed):
    ws, _key, tokens = closed
    before = build_record(session=session, workshop=ws)
    assert all(text in json.dumps(before, ensure_ascii=False) for text in PERSONAL[:3])

    report = retention.purge_workshop(session=session, code=ws.code, now=utcnow() + LATER)
    session.commit()

    assert (report.names, report.tokens, report.insight_texts) == (4, 4, 5)
    assert (report.reasons, report.proposal_texts, report.owners) == (1, 1, 1)
    people = session.exec(select(Participant.name, Participant.token_hash, Participant.joined_at))
    names, hashes, moments = zip(*people, strict=True)
    assert names == (None,) * 4
    assert all(digest.startswith(retention.PURGED_TOKEN_PREFIX) for digest in hashes)
    for token in tokens:
        assert actors.participant(session, ws.code, token) is None
    assert set(session.exec(select(Insight.text))) == {""}
    assert set(session.exec(select(ConsentAnswer.reason))) == {""}
    texts = session.exec(select(Proposal.text).order_by(Proposal.id)).all()
    assert texts == ["", "Spreekuur in de wijk"]
    assert session.exec(select(Action.owner)).all() == [""]
    moments += (*session.exec(select(Insight.created_at)), *session.exec(select(Vote.cast_at)))
    moments += tuple(session.exec(select(ConsentAnswer.answered_at)))
    closing = retention.closed_at(session=session, workshop=ws)
    assert {as_utc(moment) for moment in moments} == {closing}

    after = build_record(session=session, workshop=ws)
    jsonschema.validate(after, json.loads(SCHEMA_PATH.read_text()))
    assert counts(after) == counts(before)
    assert after["workshop"]["purged_at"] is not None
    assert after["participation"]["names"] == []
    assert after["themes"][0]["insights"] == after["ungrouped"] == []
    assert after["proposals"][0]["consent"]["objections"] == []
    flat = json.dumps(after, ensure_ascii=False)
    assert not [text for text in PERSONAL if text in flat]


def test_purged_log_shows_numbers_and_no_personal_text(session, closed):
    ws, _key, _tokens = closed
    retention.purge_workshop(session=session, code=ws.code, now=utcnow() + LATER)
    session.commit()
    pdf = render_pdf(build_record(session=session, workshop=ws))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "De persoonlijke gegevens zijn verwijderd op" in text
    assert "Aantal verhalen: 2" in text and "Inkomen" in text and "Plan maken" in text
    assert not [personal for personal in PERSONAL if personal in text]


def test_open_or_recently_closed_workshops_are_untouched(session, closed):
    ws, _key, _tokens = closed
    still_open, _key = workshops.create_workshop(
        session=session, title="Nog bezig", question="?", language="nl", uses_names=True
    )
    join(session, still_open.code, name="Fatima")
    session.commit()
    records = {w.code: build_record(session=session, workshop=w) for w in (ws, still_open)}
    eleven_months = utcnow() + timedelta(days=335)
    assert retention.expired_workshops(session=session, now=eleven_months) == []
    for code in records:
        assert retention.purge_workshop(session=session, code=code, now=eleven_months) is None
    far_future = utcnow() + timedelta(days=365 * 20)
    assert retention.purge_workshop(session=session, code=still_open.code, now=far_future) is None
    session.commit()
    for w in (ws, still_open):
        assert build_record(session=session, workshop=w) == records[w.code]
    assert [w.code for w in retention.expired_workshops(session=session, now=far_future)] == [
        ws.code
    ]


def test_retention_counts_whole_months_from_the_last_closing(session, closed):
    ws, key, _tokens = closed
    ws.retention_months = 1
    session.add(ws)
    session.exec(
        update(StageChange)
        .where(StageChange.workshop_id == ws.id, StageChange.stage == "closed")
        .values(changed_at=datetime(2025, 1, 31, 12, tzinfo=UTC))
    )
    session.commit()
    assert retention.expires_at(session=session, workshop=ws) == datetime(
        2025, 2, 28, 12, tzinfo=UTC
    )
    workshops.move_stage(session=session, code=ws.code, key=key, step=-1)
    session.commit()
    assert retention.expires_at(session=session, workshop=ws) is None  # open again: kept
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    session.commit()
    assert retention.expires_at(session=session, workshop=ws) > utcnow()  # the latest closing


def test_purging_twice_changes_nothing(session, closed):
    ws, key, _tokens = closed
    now = utcnow() + LATER
    assert retention.purge_workshop(session=session, code=ws.code, now=now) is not None
    session.commit()
    purged = build_record(session=session, workshop=ws)
    assert retention.expired_workshops(session=session, now=now + LATER) == []
    assert retention.purge_workshop(session=session, code=ws.code, now=now + LATER) is None
    session.commit()
    assert build_record(session=session, workshop=ws) == purged
    with pytest.raises(WorkshopClosed):  # its people are gone: it cannot open again
        workshops.move_stage(session=session, code=ws.code, key=key, step=-1)


@pytest.mark.parametrize("months", [0, 121, -3, "twelve", "", None, 1.5, "6 maanden"])
def test_bad_retention_is_refused_with_a_clear_message_and_nothing_stored(session, months):
    with pytest.raises(BadRetention) as refusal:
        workshops.create_workshop(
            session=session,
            title="T",
            question="Q",
            language="nl",
            uses_names=False,
            retention_months=months,
        )
    assert session.exec(select(Workshop)).all() == []
    assert "1 tot 120 maanden" in i18n.translate(refusal.value.key, "nl")
    assert "1 to 120 months" in i18n.translate(refusal.value.key, "en")


def test_retention_is_chosen_at_creation_and_twelve_months_by_default(session):
    chosen, _key = workshops.create_workshop(
        session=session,
        title="T",
        question="Q",
        language="nl",
        uses_names=False,
        retention_months=" 24 ",
    )
    default, _key = workshops.create_workshop(
        session=session, title="T", question="Q", language="nl", uses_names=False
    )
    session.commit()
    assert (chosen.retention_months, default.retention_months) == (24, 12)
    assert build_record(session=session, workshop=chosen)["workshop"]["retention_months"] == 24


#: Not a workshop's data: the ready agendas, and the organisation's members and audit trail
#: (which outlives a deleted workshop by design).
SHARED_TABLES = {Agenda.__tablename__, AgendaStep.__tablename__} | {
    model.__tablename__
    for model in (AuditEvent, Invite, Member, MemberSession, Passkey, SignInChallenge)
}


def _rows(session) -> dict[str, int]:
    """Rows per table of workshop data."""
    return {
        table.name: session.exec(select(func.count()).select_from(table)).one()
        for table in SQLModel.metadata.sorted_tables
        if table.name not in SHARED_TABLES
    }


def test_only_the_facilitator_may_delete_a_workshop(session, closed):
    ws, key, tokens = closed
    before = _rows(session)
    for wrong in (tokens[0], "", one_char_off(key)):
        with pytest.raises(NotFacilitator):
            retention.delete_workshop(session=session, code=ws.code, key=wrong, typed_code=ws.code)
    session.commit()
    assert _rows(session) == before


def test_deleting_a_workshop_needs_its_code_typed(session, closed):
    ws, key, _tokens = closed
    before = _rows(session)
    for typed in ("", "WRONG", ws.code[:-1], None):
        with pytest.raises(WrongConfirmation):
            retention.delete_workshop(session=session, code=ws.code, key=key, typed_code=typed)
    session.commit()
    assert _rows(session) == before


def test_delete_removes_every_row_of_the_workshop_and_leaves_the_other_intact(session, closed):
    ws, key, _tokens = closed
    other, other_key = workshops.create_workshop(
        session=session, title="Wonen", question="?", language="en", uses_names=True
    )
    workshops.move_stage(session=session, code=other.code, key=other_key, step=1)
    fill(session, other, other_key)
    kept = build_record(session=session, workshop=other)
    rows = _rows(session)
    assert all(rows[name] for name in FILLED_TABLES), rows

    retention.delete_workshop(session=session, code=ws.code, key=key, typed_code=ws.code)
    session.commit()

    assert session.get(Workshop, ws.id) is None
    assert build_record(session=session, workshop=other) == kept
    assert {name: 2 * n for name, n in _rows(session).items()} == rows  # two equal workshops
    typed = codes.format_code(other.code).lower()  # as people type it
    retention.delete_workshop(session=session, code=other.code, key=other_key, typed_code=typed)
    session.commit()
    assert set(_rows(session).values()) == {0}
    deleted = session.exec(select(AuditEvent).where(AuditEvent.act == "workshop_deleted")).all()
    assert sorted(row.workshop_code for row in deleted) == sorted([ws.code, other.code])


def test_command_line_purge_says_what_it_removed(session, closed, capsys):
    ws, _key, _tokens = closed
    later = (utcnow() + LATER).isoformat()
    shown = codes.format_code(ws.code)

    assert main(["purge", "--dry-run", "--now", later]) == 0
    out = capsys.readouterr().out
    assert f'{shown} "Werk en inkomen"' in out and "would remove 4 names" in out
    assert "nothing was changed" in out
    assert session.exec(select(Workshop.purged_at).where(Workshop.id == ws.id)).one() is None
    session.commit()

    assert main(["purge", "--now", later]) == 0
    out = capsys.readouterr().out
    assert "removed 4 names, 4 phone tokens, 5 story texts, 1 consent reason" in out
    assert "1 proposal text from a phone, 1 action owner" in out
    assert "1 workshop purged: only counts are kept" in out

    assert main(["purge", "--now", later]) == 0
    assert "nothing to remove" in capsys.readouterr().out
    assert main(["purge"]) == 0  # today: nothing has expired
