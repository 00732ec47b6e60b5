"""Two people run a room: a co-facilitator's own key, what it may and may not do, revoking it."""

import pytest
from sqlmodel import select

from livinglab import cofacilitators, dialogue, insights, retention, sensemaking, voting, workshops
from livinglab.errors import NotFacilitator
from livinglab.models import CoFacilitator, FacilitatorAct, Insight, ModerationAct, Theme
from livinglab.records.library import facilitator_record
from tests.conftest import join


@pytest.fixture
def helper(session, workshop):
    """The workshop (collecting stories), its key, a co-facilitator's key and one story."""
    ws, key = workshop
    _row, helper_key = cofacilitators.invite(session=session, code=ws.code, key=key, label="Ans")
    _person, token = join(session, ws.code)
    story = insights.post_insight(
        session=session, code=ws.code, token=token, text="Mijn brief", client_ref="a"
    )
    session.commit()
    return ws, key, helper_key, story


def audit(session, ws) -> list[tuple[str, str]]:
    return [
        (act.actor, act.act)
        for act in session.exec(
            select(FacilitatorAct)
            .where(FacilitatorAct.workshop_id == ws.id)
            .order_by(FacilitatorAct.id)
        )
    ]


def test_a_cofacilitator_moderates_groups_and_acts_for_people_on_paper(session, helper):
    ws, key, helper_key, story = helper
    code = ws.code
    insights.set_hidden(
        session=session, code=code, key=helper_key, insight_id=story.id, hidden=True
    )
    paper = voting.add_paper_participant(
        session=session, code=code, key=helper_key, name="", role="employer"
    )
    insights.post_for(
        session=session,
        code=code,
        key=helper_key,
        participant_id=paper.id,
        text="Op papier",
        client_ref="p1",
    )
    workshops.move_stage(session=session, code=code, key=key, step=1)
    theme = sensemaking.create_theme(session=session, code=code, key=helper_key, name="Post")
    sensemaking.move_insight(
        session=session, code=code, key=helper_key, insight_id=story.id, theme_id=theme.id
    )
    session.commit()
    helper_id = session.exec(select(CoFacilitator.id)).one()
    actor = f"cofacilitator-{helper_id}"
    assert audit(session, ws) == [
        (actor, "set_hidden"),
        (actor, "add_paper_participant"),
        (actor, "post_for"),
        (actor, "create_theme"),
        (actor, "move_insight"),
    ]
    history = session.exec(select(ModerationAct.actor)).all()
    assert history == [actor]  # the moderation history says who hid it, not "facilitator"
    assert session.get(Insight, story.id).theme_id == theme.id


def test_the_facilitators_own_acts_are_recorded_as_the_facilitator(session, helper):
    ws, key, _helper_key, story = helper
    insights.set_hidden(session=session, code=ws.code, key=key, insight_id=story.id, hidden=True)
    session.commit()
    assert audit(session, ws) == [("facilitator", "set_hidden")]


@pytest.mark.parametrize(
    "act",
    [
        "move_stage",
        "start_timer",
        "set_prompt",
        "open_round",
        "add_proposal",
        "invite",
        "revoke",
        "delete_workshop",
        "record",
    ],
)
def test_a_cofacilitator_cannot_move_close_run_rounds_export_delete_or_hand_out_links(
    session, helper, act
):
    ws, _key, helper_key, _story = helper
    code = ws.code
    calls = {
        "move_stage": lambda: workshops.move_stage(
            session=session, code=code, key=helper_key, step=1
        ),
        "start_timer": lambda: workshops.start_timer(
            session=session, code=code, key=helper_key, minutes=5
        ),
        "set_prompt": lambda: workshops.set_prompt(
            session=session, code=code, key=helper_key, stage="collect", prompt="Nee"
        ),
        "open_round": lambda: voting.open_round(session=session, code=code, key=helper_key),
        "add_proposal": lambda: dialogue.add_proposal(
            session=session, code=code, key=helper_key, text="Nee"
        ),
        "invite": lambda: cofacilitators.invite(session=session, code=code, key=helper_key),
        "revoke": lambda: cofacilitators.revoke(
            session=session, code=code, key=helper_key, cofacilitator_id=1
        ),
        "delete_workshop": lambda: retention.delete_workshop(
            session=session, code=code, key=helper_key, typed_code=code
        ),
        "record": lambda: facilitator_record(session=session, code=code, key=helper_key),
    }
    stage_before = ws.stage
    with pytest.raises(NotFacilitator):
        calls[act]()
    session.rollback()
    assert workshops.find_workshop(session=session, code=code).stage == stage_before
    assert session.exec(select(FacilitatorAct)).all() == []
    assert len(session.exec(select(CoFacilitator)).all()) == 1


def test_a_revoked_key_stops_at_once_and_others_keep_working(session, helper):
    ws, key, helper_key, story = helper
    _second, second_key = cofacilitators.invite(session=session, code=ws.code, key=key)
    helper_id = cofacilitators.find_runner(
        session=session, code=ws.code, key=helper_key
    ).cofacilitator_id
    cofacilitators.revoke(session=session, code=ws.code, key=key, cofacilitator_id=helper_id)
    session.commit()
    with pytest.raises(NotFacilitator):
        insights.set_hidden(
            session=session, code=ws.code, key=helper_key, insight_id=story.id, hidden=True
        )
    session.rollback()
    assert session.get(Insight, story.id).hidden is False
    insights.set_hidden(
        session=session, code=ws.code, key=second_key, insight_id=story.id, hidden=True
    )
    listed = cofacilitators.cofacilitators(session=session, workshop_id=ws.id)
    assert [(h.label, h.active) for h in listed] == [("Ans", False), ("#2", True)]


def test_a_key_only_opens_its_own_workshop_and_wrong_ids_are_refused(session, helper):
    ws, key, helper_key, _story = helper
    other, other_key = workshops.create_workshop(
        session=session, title="Ander", question="?", language="nl", uses_names=False
    )
    session.commit()
    assert cofacilitators.find_runner(session=session, code=other.code, key=helper_key) is None
    assert cofacilitators.find_runner(session=session, code=ws.code, key="") is None
    for wrong in (999, "1", None, -1):
        with pytest.raises(NotFacilitator):
            cofacilitators.revoke(session=session, code=ws.code, key=key, cofacilitator_id=wrong)
    mine = cofacilitators.find_runner(session=session, code=ws.code, key=helper_key)
    with pytest.raises(NotFacilitator):  # another workshop's facilitator cannot revoke it
        cofacilitators.revoke(
            session=session, code=other.code, key=other_key, cofacilitator_id=mine.cofacilitator_id
        )
    assert session.exec(select(Theme)).all() == []


def test_a_purge_removes_cofacilitator_names_and_keys(session, helper):
    ws, key, helper_key, _story = helper
    for _ in range(3):
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    session.commit()
    later = retention.expires_at(session=session, workshop=ws).replace(year=2200)
    assert retention.purge_workshop(session=session, code=ws.code, now=later) is not None
    session.commit()
    row = session.exec(select(CoFacilitator)).one()
    assert row.label == ""
    assert row.key_hash.startswith(retention.PURGED_TOKEN_PREFIX)
    assert cofacilitators.find_runner(session=session, code=ws.code, key=helper_key) is None
