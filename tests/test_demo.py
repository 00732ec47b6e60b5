"""The sample workshops: made once from the project's own data, complete in every stage,
marked as a demo in the record, never mixed unasked into a database with real workshops."""

import json

import jsonschema
import pytest
from sqlmodel import func, select

from livinglab import workshops
from livinglab.__main__ import main
from livinglab.demo import create_demo
from livinglab.errors import DemoRefused, NotFacilitator
from livinglab.export.opendata import SCHEMA_PATH
from livinglab.export.pdf import render_html
from livinglab.i18n import translate
from livinglab.models import ConsentRound, Insight, Participant, Stage, VoteRound, Workshop
from livinglab.records.record import build_record, verify


def _count(session, table) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def test_demo_has_content_in_every_stage_and_a_verifiable_record_marked_demo(session):
    finished, running = create_demo(session=session)
    session.commit()
    closed = workshops.find_workshop(session=session, code=finished.code)
    assert closed.demo and closed.stage == Stage.CLOSED
    record = build_record(session=session, workshop=closed)
    jsonschema.validate(record, json.loads(SCHEMA_PATH.read_text()))
    assert verify(record, record["digest"])
    assert record["workshop"]["demo"] is True
    assert [change["stage"] for change in record["process"]["stages"]] == list(workshops.STAGES)
    # collect: stories by every role; sensemaking: themes holding them all and a revealed vote
    assert sum(len(theme["insights"]) for theme in record["themes"]) == 24
    assert record["ungrouped_count"] == 0 and len(record["themes"]) == 5
    assert all(record["participation"]["by_role"][role] for role in workshops.ROLES[:4])
    (vote_round,) = session.exec(select(VoteRound).where(VoteRound.workshop_id == closed.id))
    assert vote_round.revealed
    assert sum(line["dots"] for line in record["vote_rounds"][0]["results"]) == 24 * 3
    # dialogue: a proposal with a revealed consent round, a decision and its actions
    decided = record["proposals"][0]
    assert session.exec(select(ConsentRound).where(ConsentRound.proposal_id == decided["id"])).one()
    assert sum(decided["consent"]["counts"].values()) == 24
    assert decided["decision"]["outcome"] == "adopted_with_changes"
    assert len(decided["actions"]) == 3
    assert translate("log_demo", "nl") in render_html(record)
    opened = workshops.find_workshop(session=session, code=running.code)
    assert opened.demo and opened.stage == Stage.COLLECT
    assert _count(session, Insight) == 24 + 4


def test_a_second_run_makes_nothing_new_and_hands_out_a_working_key(session):
    first = create_demo(session=session)
    session.commit()
    counts = [_count(session, table) for table in (Workshop, Participant, Insight)]
    second = create_demo(session=session)
    session.commit()
    assert [_count(session, table) for table in (Workshop, Participant, Insight)] == counts
    assert [(w.code, w.stage) for w in second] == [(w.code, w.stage) for w in first]
    for old, new in zip(first, second, strict=True):
        assert workshops.require_facilitator(session=session, code=new.code, key=new.key)
        with pytest.raises(NotFacilitator):
            workshops.require_facilitator(session=session, code=old.code, key=old.key)


def test_refused_beside_real_workshops_unless_forced(session, workshop):
    with pytest.raises(DemoRefused):
        create_demo(session=session)
    session.rollback()
    assert _count(session, Workshop) == 1
    finished, running = create_demo(session=session, force=True)
    session.commit()
    assert _count(session, Workshop) == 3
    assert finished.code != running.code != workshop[0].code


def test_command_prints_the_same_pages_twice_and_refuses_real_workshops(session, workshop, capsys):
    assert main(["demo"]) == 1
    assert "real workshops" in capsys.readouterr().err
    assert main(["demo", "--force"]) == 0
    first = capsys.readouterr().out
    assert main(["demo"]) == 0  # the demo exists: nothing is made, the links come again
    second = capsys.readouterr().out

    def pages(printed: str) -> list[str]:
        return [line.split("?key=")[0] for line in printed.splitlines()]

    assert pages(first) == pages(second)
    codes = session.exec(select(Workshop.code).where(Workshop.demo)).all()
    for code in codes:
        assert f"/f/{code}?key=" in first and f"/p/{code}" in first
    assert f"/j/{codes[1]}" in first and f"/records/{codes[0]}" in first
    assert _count(session, Workshop) == 3
