"""Dialogue: proposals, consent rounds, decisions and actions."""

import pytest
from sqlmodel import select

from livinglab import dialogue, workshops
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
    assert result.by_role["resident"]["object"] == 1
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
