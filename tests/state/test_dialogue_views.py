"""Dialogue and downloads through the event handlers."""

from livinglab.models import ConsentAnswer
from tests.state.conftest import advance, console, joined_phone, run, stored


def dialogue_room(created):
    code, key = created
    facilitator = console(code, key)
    anna = joined_phone(code, name="Anna", tab="anna")
    for _ in range(3):
        advance(facilitator)
    assert facilitator.stage == "dialogue"
    return facilitator, anna


def test_consent_from_a_phone_and_a_decision_on_the_console(created):
    facilitator, anna = dialogue_room(created)
    run(anna.send_proposal({"text": "Brieven in eenvoudige taal", "theme_id": "0"}))
    assert anna.proposal_sent
    run(facilitator.on_load())
    (pending,) = facilitator.pending
    run(facilitator.review_proposal(pending.id, True))
    (proposal,) = facilitator.proposals
    run(facilitator.open_consent(proposal.id))
    run(anna.on_load())
    assert anna.consent_open and anna.consent_text == "Brieven in eenvoudige taal"
    run(anna.answer_consent({"answer": "object", "reason": "Eerst testen met inwoners"}))
    run(anna.answer_consent({"answer": "nonsense"}))
    assert anna.error_key == "error_invalid_choice"
    assert [a.answer for a in stored(ConsentAnswer)] == ["object"]
    run(facilitator.close_consent())
    assert facilitator.consent_counts == {}  # hidden until revealed
    run(facilitator.reveal_consent())
    assert facilitator.consent_counts["object"] == 1
    assert facilitator.consent_objections == ["Eerst testen met inwoners"]
    run(
        facilitator.decide(
            {
                "proposal_id": str(proposal.id),
                "outcome": "adopted_with_changes",
                "rationale": "Met een leesgroep",
            }
        )
    )
    run(
        facilitator.add_action(
            {
                "decision_id": str(facilitator.proposals[0].decision_id),
                "what": "Leesgroep starten",
                "owner": "Team Werk",
                "due": "2027-01-15",
            }
        )
    )
    (shown,) = facilitator.proposals
    assert shown.outcome == "adopted_with_changes" and shown.actions[0].owner == "Team Werk"
    advance(facilitator)
    run(anna.on_load())
    assert anna.stage == "closed" and anna.proposals[0].actions[0].what == "Leesgroep starten"
