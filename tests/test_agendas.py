"""Prepared workshops: ready agendas from the database, and "like this earlier one"."""

import pytest
from sqlmodel import select

from livinglab import agendas, workshops
from livinglab.errors import InvalidChoice, NotFacilitator, RoleRequired, SignInRequired
from livinglab.models import StagePrompt, Workshop
from tests.conftest import a_member, one_char_off

DETAILS = {"title": "Nieuw", "question": "Wat nu?", "language": "nl", "uses_names": False}


def plan(session, workshop) -> list[tuple[str, str, int | None]]:
    return [
        (row.stage, row.prompt, row.minutes)
        for row in session.exec(
            select(StagePrompt)
            .where(StagePrompt.workshop_id == workshop.id)
            .order_by(StagePrompt.id)
        )
    ]


def test_ready_agendas_cover_the_roadmap_in_both_languages(session):
    for language in ("nl", "en"):
        offered = agendas.agendas(session=session, language=language)
        assert len(offered) >= 2, language
        for agenda in offered:
            assert agenda.name and agenda.question
            assert [step.stage for step in agenda.steps] == [
                "welcome",
                "collect",
                "sensemaking",
                "dialogue",
            ]
            assert all(step.prompt and step.minutes > 0 for step in agenda.steps)
    names = {a.name for a in agendas.agendas(session=session, language="nl")}
    assert "Werk en inkomen" in names


def test_a_workshop_from_an_agenda_gets_its_prompts_and_planned_minutes(session):
    agenda = agendas.agendas(session=session, language="nl")[1]
    workshop, key = agendas.create_prepared(
        session=session, agenda_id=agenda.id, by=a_member(session), **DETAILS
    )
    assert [(stage, prompt) for stage, prompt, _ in plan(session, workshop)] == [
        (step.stage, step.prompt) for step in agenda.steps
    ]
    workshops.move_stage(session=session, code=workshop.code, key=key, step=1)
    view = workshops.stage_view(session=session, workshop=workshop)
    assert (view.prompt, view.planned_minutes) == (agenda.steps[1].prompt, agenda.steps[1].minutes)


def test_a_new_workshop_like_an_earlier_one_copies_its_plan(session):
    earlier, key = workshops.create_workshop(session=session, **DETAILS)
    workshops.set_prompt(
        session=session, code=earlier.code, key=key, stage="collect", prompt="Vertel"
    )
    copy, _copy_key = agendas.create_prepared(
        session=session, like_code=earlier.code, like_key=key, by=a_member(session), **DETAILS
    )
    assert plan(session, copy) == [("collect", "Vertel", None)]
    assert copy.code != earlier.code


def test_starting_like_a_workshop_needs_its_key_and_bad_choices_store_nothing(session):
    earlier, key = workshops.create_workshop(session=session, **DETAILS)
    session.commit()
    count = len(session.exec(select(Workshop)).all())
    with pytest.raises(NotFacilitator):
        agendas.create_prepared(
            session=session,
            like_code=earlier.code,
            like_key=one_char_off(key),
            by=a_member(session),
            **DETAILS,
        )
    session.rollback()
    with pytest.raises(InvalidChoice):
        agendas.create_prepared(
            session=session, agenda_id=9999, by=a_member(session, name="Ruud"), **DETAILS
        )
    session.rollback()
    assert len(session.exec(select(Workshop)).all()) == count


def test_a_browser_lists_only_the_workshops_its_keys_open(session):
    first, first_key = workshops.create_workshop(session=session, **DETAILS)
    second, _second_key = workshops.create_workshop(session=session, **{**DETAILS, "title": "B"})
    listed = agendas.own_workshops(
        session=session,
        keys={first.code: first_key, second.code: "not-its-key", "NOSUCH1": "x"},
    )
    assert [(w.code, w.title) for w in listed] == [(first.code, "Nieuw")]
    assert agendas.own_workshops(session=session, keys={}) == []


def test_only_a_signed_in_member_who_runs_workshops_starts_one(session):
    count = len(session.exec(select(Workshop)).all())
    with pytest.raises(SignInRequired):
        agendas.create_prepared(session=session, by=None, **DETAILS)
    session.rollback()
    with pytest.raises(RoleRequired):
        agendas.create_prepared(
            session=session, by=a_member(session, "records_reader", name="Ruud"), **DETAILS
        )
    session.rollback()
    assert len(session.exec(select(Workshop)).all()) == count
    admin = a_member(session, "admin", name="Ada")
    workshop, _key = agendas.create_prepared(session=session, by=admin, **DETAILS)
    assert workshop.lead_member_id == admin.member_id
