"""What the projector shows: the facilitator's choice, validated, announced, reset by the stage."""

import pytest

from livinglab import changes, dialogue, workshops
from livinglab.changes import Change
from livinglab.errors import BadProjectorFocus, NotFacilitator
from livinglab.models import ProjectorFocus, Stage, Workshop
from livinglab.realtime.snapshots import board_snapshot
from tests.conftest import one_char_off


def _kinds(session) -> set[Change]:
    """The kinds of change recorded on the session since the last look (and forget them)."""
    return {kind for announcement in changes.take(session) for kind in announcement.kinds}


def test_facilitator_chooses_what_the_projector_shows_and_screens_hear_it(session, workshop):
    ws, key = workshop
    changes.take(session)
    workshops.show_on_projector(session=session, code=ws.code, key=key, focus="join")
    assert _kinds(session) == {Change.STAGE}
    session.commit()
    assert session.get(Workshop, ws.id).projector_focus == ProjectorFocus.JOIN
    assert board_snapshot(session=session, code=ws.code).projector_focus == "join"
    # The same choice again changes nothing and announces nothing.
    workshops.show_on_projector(session=session, code=ws.code, key=key, focus="join")
    assert _kinds(session) == set()
    # "" follows the stage again.
    workshops.show_on_projector(session=session, code=ws.code, key=key, focus="")
    assert session.get(Workshop, ws.id).projector_focus == ProjectorFocus.FOLLOW


def test_only_the_facilitator_chooses_what_the_projector_shows(session, workshop):
    ws, key = workshop
    changes.take(session)
    for wrong in ("", one_char_off(key)):
        with pytest.raises(NotFacilitator):
            workshops.show_on_projector(session=session, code=ws.code, key=wrong, focus="board")
    session.rollback()
    assert session.get(Workshop, ws.id).projector_focus == ""
    assert _kinds(session) == set()


@pytest.mark.parametrize("focus", ["qr", "JOIN", "results ", "follow", None, 3])
def test_a_focus_the_projector_has_no_view_for_is_refused_and_changes_nothing(
    session, workshop, focus
):
    ws, key = workshop
    changes.take(session)
    with pytest.raises(BadProjectorFocus) as refusal:
        workshops.show_on_projector(session=session, code=ws.code, key=key, focus=focus)
    assert refusal.value.key == "error_projector_focus"
    session.rollback()
    assert session.get(Workshop, ws.id).projector_focus == ""
    assert _kinds(session) == set()


def test_the_choice_lasts_until_the_stage_moves(session, workshop):
    ws, key = workshop
    workshops.show_on_projector(session=session, code=ws.code, key=key, focus="results")
    workshops.start_timer(session=session, code=ws.code, key=key, minutes=5)
    assert session.get(Workshop, ws.id).projector_focus == "results"  # not reset by a timer
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    assert session.get(Workshop, ws.id).projector_focus == ""
    workshops.show_on_projector(session=session, code=ws.code, key=key, focus="join")
    workshops.move_stage(session=session, code=ws.code, key=key, step=-1)
    assert session.get(Workshop, ws.id).projector_focus == ""


def test_the_choice_can_be_made_after_closing(session, workshop):
    ws, key = workshop
    for _ in range(3):
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    assert ws.stage == Stage.CLOSED
    workshops.show_on_projector(session=session, code=ws.code, key=key, focus="results")
    assert ws.projector_focus == "results"


@pytest.mark.parametrize(
    ("stage", "focus", "revealed", "shows"),
    [
        ("welcome", "", False, "join"),
        ("collect", "", False, "board"),
        ("sensemaking", "", False, "board"),
        ("sensemaking", "", True, "results"),
        ("dialogue", "", True, "proposal"),
        ("closed", "", False, "proposal"),
        ("collect", "join", False, "join"),
        ("sensemaking", "board", True, "board"),
        ("welcome", "results", False, "results"),
    ],
)
def test_the_projector_follows_the_stage_unless_told_otherwise(stage, focus, revealed, shows):
    assert workshops.projector_shows(stage=stage, focus=focus, results_revealed=revealed) == shows


def test_the_proposal_in_focus_is_the_consent_rounds_else_the_newest():
    def proposal(number: int) -> dialogue.ProposalView:
        return dialogue.ProposalView(
            id=number,
            text=f"P{number}",
            theme="",
            outcome="",
            rationale="",
            decision_id=0,
            actions=[],
        )

    proposals = [proposal(1), proposal(2), proposal(3)]
    assert dialogue.proposal_in_focus(proposals, 2).id == 2
    assert dialogue.proposal_in_focus(proposals, 0).id == 3
    assert dialogue.proposal_in_focus([], 0) is None
