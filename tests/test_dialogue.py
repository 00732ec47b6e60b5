"""Dialogue: proposals, consent rounds, decisions and actions."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlmodel import Session, select

from livinglab import db, dialogue, workshops
from livinglab.errors import (
    BadDate,
    EmptyText,
    InvalidChoice,
    NoOpenConsent,
    NotFacilitator,
    ProposalNotFound,
    RoundAlreadyOpen,
    WrongStage,
)
from livinglab.models import ConsentAnswer, Proposal
from tests.conftest import join


@pytest.fixture
def dialogue_room(session, workshop):
    ws, key = workshop
    _a, anna = join(session, ws.code, role="resident")
    _b, bram = join(session, ws.code, role="civil_servant")
    for _ in range(2):
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    session.commit()
    assert ws.stage == "dialogue"
    return ws, key, anna, bram


def test_phone_proposal_waits_for_the_facilitator(session, dialogue_room):
    ws, key, anna, _bram = dialogue_room
    sent = dialogue.send_proposal(session=session, code=ws.code, token=anna, text="Brieven in B1")
    assert sent.status == "pending"
    with pytest.raises(NotFacilitator):
        dialogue.review_proposal(
            session=session, code=ws.code, key=anna, proposal_id=sent.id, accept=True
        )
    dialogue.review_proposal(
        session=session, code=ws.code, key=key, proposal_id=sent.id, accept=True
    )
    assert session.get(Proposal, sent.id).status == "board"


def test_phones_propose_only_in_the_dialogue_stage(session, workshop):
    ws, _key = workshop
    _p, token = join(session, ws.code)
    with pytest.raises(WrongStage):
        dialogue.send_proposal(session=session, code=ws.code, token=token, text="Te vroeg")


def test_consent_one_answer_per_person_counted_by_role(session, dialogue_room):
    ws, key, anna, bram = dialogue_room
    proposal = dialogue.add_proposal(session=session, code=ws.code, key=key, text="Eén loket")
    consent = dialogue.open_consent(session=session, code=ws.code, key=key, proposal_id=proposal.id)
    with pytest.raises(RoundAlreadyOpen):
        dialogue.open_consent(session=session, code=ws.code, key=key, proposal_id=proposal.id)
    dialogue.answer_consent(session=session, code=ws.code, token=anna, answer="agree")
    dialogue.answer_consent(
        session=session, code=ws.code, token=anna, answer="object", reason="Te duur"
    )
    dialogue.answer_consent(session=session, code=ws.code, token=bram, answer="live_with")
    with pytest.raises(InvalidChoice):
        dialogue.answer_consent(session=session, code=ws.code, token=bram, answer="maybe")
    assert len(session.exec(select(ConsentAnswer)).all()) == 2
    result = dialogue.consent_result(session=session, consent=consent)
    assert result.counts == {"agree": 0, "live_with": 1, "object": 1}
    # One resident and one civil servant: too few, even together, so no split is published.
    assert result.by_group == [] and result.split.withheld
    assert result.objections == ["Te duur"]
    dialogue.close_consent(session=session, code=ws.code, key=key)
    with pytest.raises(NoOpenConsent):
        dialogue.answer_consent(session=session, code=ws.code, token=bram, answer="agree")


def test_decision_and_actions_need_the_facilitator_and_sane_input(session, dialogue_room):
    ws, key, anna, _bram = dialogue_room
    proposal = dialogue.add_proposal(session=session, code=ws.code, key=key, text="Eén loket")
    with pytest.raises(NotFacilitator):
        dialogue.decide(
            session=session,
            code=ws.code,
            key=anna,
            proposal_id=proposal.id,
            outcome="adopted",
            rationale="Ik wil het",
        )
    with pytest.raises(InvalidChoice):
        dialogue.decide(
            session=session,
            code=ws.code,
            key=key,
            proposal_id=proposal.id,
            outcome="maybe",
            rationale="x",
        )
    with pytest.raises(EmptyText):
        dialogue.decide(
            session=session,
            code=ws.code,
            key=key,
            proposal_id=proposal.id,
            outcome="adopted",
            rationale=" ",
        )
    decision = dialogue.decide(
        session=session,
        code=ws.code,
        key=key,
        proposal_id=proposal.id,
        outcome="adopted",
        rationale="Breed gedragen",
    )
    with pytest.raises(BadDate):
        dialogue.add_action(
            session=session,
            code=ws.code,
            key=key,
            decision_id=decision.id,
            what="Plan",
            owner="Team",
            due="volgende week",
        )
    action = dialogue.add_action(
        session=session,
        code=ws.code,
        key=key,
        decision_id=decision.id,
        what="Plan",
        owner="Team",
        due="2027-01-31",
    )
    assert action.due.isoformat() == "2027-01-31"
    with pytest.raises(ProposalNotFound):
        dialogue.decide(
            session=session,
            code=ws.code,
            key=key,
            proposal_id=999,
            outcome="adopted",
            rationale="x",
        )


@contextmanager
def first_tab_commits_before_the_other_writes(first_tab: Session) -> Iterator[list[str]]:
    """Commit `first_tab` right after the other tab has looked for an answer and found none.

    The other tab writes after that commit: the race of two tabs, in one thread, with no
    lock to wait on (the first tab's write lock is gone before the other one writes).
    Yields the consent answer INSERTs it saw (one, when the race happened).
    """
    seen: list[str] = []
    committed: list[bool] = []
    table = ConsentAnswer.__tablename__.upper()

    def after_execute(_connection, _cursor, statement, *_args) -> None:
        said = " ".join(statement.upper().split())
        if not committed and said.startswith("SELECT") and f"FROM {table} " in said + " ":
            committed.append(True)
            first_tab.commit()

    def before_execute(_connection, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith(f"INSERT INTO {table} "):
            seen.append(statement)

    engine = db.engine()
    event.listen(engine, "after_cursor_execute", after_execute)
    event.listen(engine, "before_cursor_execute", before_execute)
    try:
        yield seen
    finally:
        event.remove(engine, "after_cursor_execute", after_execute)
        event.remove(engine, "before_cursor_execute", before_execute)


def answers_in_db() -> list[tuple[int, int, str, str]]:
    with Session(db.engine()) as session:
        return session.exec(
            select(
                ConsentAnswer.round_id,
                ConsentAnswer.participant_id,
                ConsentAnswer.answer,
                ConsentAnswer.reason,
            )
        ).all()


def test_one_person_answering_from_two_tabs_at_once_keeps_one_answer(session, dialogue_room):
    ws, key, anna, _bram = dialogue_room
    proposal = dialogue.add_proposal(session=session, code=ws.code, key=key, text="Eén loket")
    consent = dialogue.open_consent(session=session, code=ws.code, key=key, proposal_id=proposal.id)
    session.commit()
    with Session(db.engine()) as tab_a, Session(db.engine()) as tab_b:
        first = dialogue.answer_consent(session=tab_a, code=ws.code, token=anna, answer="agree")
        anna_id = first.participant_id  # flushed, not committed
        with (
            first_tab_commits_before_the_other_writes(tab_a) as race,
            pytest.raises(RoundAlreadyOpen),
        ):
            dialogue.answer_consent(
                session=tab_b, code=ws.code, token=anna, answer="object", reason="Te duur"
            )
        assert len(race) == 1, "the second tab never wrote an answer: there was no race"
        tab_b.rollback()
        assert answers_in_db() == [(consent.id, anna_id, "agree", "")]
        # The refusal was clean: the same tab tries again and changes the one answer.
        dialogue.answer_consent(
            session=tab_b, code=ws.code, token=anna, answer="object", reason="Te duur"
        )
        tab_b.commit()
    assert answers_in_db() == [(consent.id, anna_id, "object", "Te duur")]
