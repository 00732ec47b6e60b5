"""Review first: stories wait on the console until let through or hidden; and hiding all
stories of one person at once."""

import io
import json

import jsonschema
import pytest
from pypdf import PdfReader
from sqlmodel import select

from livinglab import changes, cofacilitators, insights, sensemaking, voting, workshops
from livinglab.changes import Change
from livinglab.errors import InsightNotFound, NotFacilitator
from livinglab.export.opendata import SCHEMA_PATH, record_csv
from livinglab.export.pdf import render_pdf
from livinglab.models import FacilitatorAct, Insight, ModerationAct
from livinglab.realtime.snapshots import board_snapshot, phone_snapshot, room_snapshot
from livinglab.records.record import build_record
from tests.conftest import join


@pytest.fixture
def room(session, workshop):
    """A workshop collecting stories with review first on: (workshop, key, Ans's token)."""
    ws, key = workshop
    insights.set_review_first(session=session, code=ws.code, key=key, on=True)
    _ans, token = join(session, ws.code, name="Ans")
    return ws, key, token


def post(session, ws, token, text, ref=None) -> Insight:
    insight = insights.post_insight(
        session=session, code=ws.code, token=token, text=text, client_ref=ref or text
    )
    session.commit()
    return insight


def kinds(session) -> set[Change]:
    return {kind for announcement in changes.take(session) for kind in announcement.kinds}


def wall(session, ws) -> list[str]:
    return [card.text for card in insights.board(session=session, workshop_id=ws.id)]


def queue(session, ws) -> list[str]:
    return [card.text for card in insights.review_queue(session=session, workshop_id=ws.id)]


def actions(session, insight_id) -> list[str]:
    return [
        act.action for act in insights.moderation_history(session=session, insight_id=insight_id)
    ]


def test_a_story_waits_oldest_first_and_is_not_on_the_wall(session, room):
    ws, _key, token = room
    changes.take(session)
    post(session, ws, token, "Eerste")
    assert kinds(session) == {Change.QUEUE}  # not POSTED: the projector hears nothing
    post(session, ws, token, "Tweede")
    assert queue(session, ws) == ["Eerste", "Tweede"]
    assert wall(session, ws) == []
    snapshot = board_snapshot(session=session, code=ws.code)
    assert snapshot.cards == [] and snapshot.hidden_cards == []
    assert [card.text for card in snapshot.waiting_cards] == ["Eerste", "Tweede"]
    assert snapshot.review_first is True
    assert board_snapshot(session=session, code=ws.code, posted={1, 2}).posted_cards == []


def test_let_through_puts_it_on_the_wall_recorded_and_announced_as_a_post(session, room):
    ws, key, token = room
    story = post(session, ws, token, "Het loket was dicht")
    changes.take(session)
    insights.set_hidden(session=session, code=ws.code, key=key, insight_id=story.id, hidden=False)
    (announcement,) = changes.take(session)
    assert announcement.kinds == {Change.POSTED, Change.QUEUE}
    assert announcement.posted == {story.id}
    assert wall(session, ws) == ["Het loket was dicht"] and queue(session, ws) == []
    assert actions(session, story.id) == ["let_thru"]
    # A second click changes nothing and records nothing.
    insights.set_hidden(session=session, code=ws.code, key=key, insight_id=story.id, hidden=False)
    assert actions(session, story.id) == ["let_thru"] and changes.take(session) == []


def test_hiding_a_waiting_story_keeps_it_off_the_wall_and_out_of_the_queue(session, room):
    ws, key, token = room
    story = post(session, ws, token, "Scheldwoord")
    insights.set_hidden(session=session, code=ws.code, key=key, insight_id=story.id, hidden=True)
    session.commit()
    snapshot = board_snapshot(session=session, code=ws.code)
    assert snapshot.waiting_cards == [] and snapshot.cards == []
    assert [card.text for card in snapshot.hidden_cards] == ["Scheldwoord"]
    assert actions(session, story.id) == ["hide"]


def test_let_all_through_lets_through_only_the_stories_the_console_showed(session, room):
    ws, key, token = room
    shown = [post(session, ws, token, text) for text in ("Een", "Twee")]
    late = post(session, ws, token, "Later gekomen")
    let = insights.let_through(
        session=session, code=ws.code, key=key, insight_ids=[story.id for story in shown]
    )
    assert let == 2
    assert sorted(wall(session, ws)) == ["Een", "Twee"]
    assert queue(session, ws) == ["Later gekomen"]
    assert actions(session, late.id) == []


def test_switching_review_first_off_lets_nothing_through(session, room):
    ws, key, token = room
    post(session, ws, token, "Wacht nog")
    insights.set_review_first(session=session, code=ws.code, key=key, on=False)
    post(session, ws, token, "Na het uitzetten")
    assert queue(session, ws) == ["Wacht nog"]
    assert wall(session, ws) == ["Na het uitzetten"]
    assert board_snapshot(session=session, code=ws.code).review_first is False


def test_an_edit_of_a_shown_story_waits_again_and_a_hidden_one_stays_hidden(session, room):
    ws, key, token = room
    shown, hidden = post(session, ws, token, "Op de muur"), post(session, ws, token, "Weg")
    insights.let_through(session=session, code=ws.code, key=key, insight_ids=[shown.id])
    insights.set_hidden(session=session, code=ws.code, key=key, insight_id=hidden.id, hidden=True)
    for story, text in ((shown, "Nieuwe tekst"), (hidden, "Weg, maar anders")):
        insights.edit_insight(
            session=session, code=ws.code, token=token, insight_id=story.id, text=text
        )
    session.commit()
    assert wall(session, ws) == []
    assert queue(session, ws) == ["Nieuwe tekst"]
    assert [c.text for c in board_snapshot(session=session, code=ws.code).hidden_cards] == [
        "Weg, maar anders"
    ]


def test_a_story_written_for_someone_on_paper_needs_no_review(session, room):
    ws, key, _token = room
    paper = voting.add_paper_participant(
        session=session, code=ws.code, key=key, name="Mevrouw J.", role="resident"
    )
    insights.post_for(
        session=session,
        code=ws.code,
        key=key,
        participant_id=paper.id,
        text="Op papier",
        client_ref="p",
    )
    session.commit()
    assert wall(session, ws) == ["Op papier"] and queue(session, ws) == []


def test_waiting_stories_reach_no_vote_theme_count_or_suggester(session, room):
    ws, key, token = room
    shown = post(session, ws, token, "Brief kwam te laat")
    post(session, ws, token, "Brief kwam nooit")
    insights.let_through(session=session, code=ws.code, key=key, insight_ids=[shown.id])
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)  # sensemaking
    session.commit()
    proposal = sensemaking.propose_grouping(session=session, code=ws.code, key=key)
    assert [group.insight_ids for group in proposal.themes] == [[shown.id]]
    vote_round = voting.open_round(session=session, code=ws.code, key=key)
    items = voting.vote_items(session=session, vote_round=vote_round)
    assert [item.id for item in items] == [shown.id]
    theme = sensemaking.create_theme(session=session, code=ws.code, key=key, name="Post")
    for story in session.exec(select(Insight).where(Insight.workshop_id == ws.id)):
        sensemaking.move_insight(
            session=session, code=ws.code, key=key, insight_id=story.id, theme_id=theme.id
        )
    (summary,) = room_snapshot(session=session, code=ws.code).themes
    assert summary.cards == 1


def test_the_author_sees_waiting_then_let_through_or_hidden(session, room):
    ws, key, token = room
    first, second = post(session, ws, token, "Een"), post(session, ws, token, "Twee")

    def mine():
        cards = phone_snapshot(session=session, code=ws.code, token=token).my_insights
        return {card.text: (card.waiting, card.let_through, card.hidden) for card in cards}

    assert mine() == {"Een": (True, False, True), "Twee": (True, False, True)}
    insights.let_through(session=session, code=ws.code, key=key, insight_ids=[first.id])
    insights.set_hidden(session=session, code=ws.code, key=key, insight_id=second.id, hidden=True)
    assert mine() == {"Een": (False, True, False), "Twee": (False, False, True)}


def test_a_participant_cannot_let_their_own_story_through(session, room):
    ws, _key, token = room
    story = post(session, ws, token, "Laat me door")
    acts = [
        lambda: insights.set_hidden(
            session=session, code=ws.code, key=token, insight_id=story.id, hidden=False
        ),
        lambda: insights.let_through(
            session=session, code=ws.code, key=token, insight_ids=[story.id]
        ),
        lambda: insights.hide_all_of(session=session, code=ws.code, key=token, insight_id=story.id),
        lambda: insights.set_review_first(session=session, code=ws.code, key=token, on=False),
    ]
    for act in acts:
        with pytest.raises(NotFacilitator):
            act()
        session.rollback()
    assert queue(session, ws) == ["Laat me door"]


def test_a_cofacilitator_lets_through_audited_but_cannot_switch_review_first(session, room):
    ws, key, token = room
    _row, helper_key = cofacilitators.invite(session=session, code=ws.code, key=key, label="Bo")
    story = post(session, ws, token, "Graag gezien")
    insights.let_through(session=session, code=ws.code, key=helper_key, insight_ids=[story.id])
    session.commit()
    (act,) = session.exec(select(ModerationAct).where(ModerationAct.insight_id == story.id))
    assert (act.action, act.actor) == ("let_thru", f"cofacilitator-{_row.id}")
    audit = session.exec(select(FacilitatorAct.act).where(FacilitatorAct.workshop_id == ws.id))
    assert "let_through" in audit.all()
    with pytest.raises(NotFacilitator):
        insights.set_review_first(session=session, code=ws.code, key=helper_key, on=False)


def test_the_record_counts_what_was_never_shown_and_why_without_the_text(session, room):
    ws, key, token = room
    post(session, ws, token, "Nooit bekeken")
    hidden = post(session, ws, token, "Verborgen tekst")
    insights.set_hidden(session=session, code=ws.code, key=key, insight_id=hidden.id, hidden=True)
    record = build_record(session=session, workshop=ws)
    assert (record["waiting_insights"], record["hidden_insights"]) == (1, 1)
    assert record["ungrouped"] == [] and record["ungrouped_count"] == 0
    jsonschema.validate(record, json.loads(SCHEMA_PATH.read_text()))
    assert record_csv(record)["not_shown.csv"] == "reason,insights\nhidden,1\nwaiting,1\n"
    pdf = render_pdf(record)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "1 verhalen wachtten nog op de begeleider" in text
    exports = str(record) + str(record_csv(record)) + text
    assert "Nooit bekeken" not in exports and "Verborgen tekst" not in exports


# Hide all stories of one person


@pytest.fixture
def two_people(session, workshop):
    """Ans posted three stories (one already hidden), Bo one; review first is off."""
    ws, key = workshop
    _ans, ans = join(session, ws.code)
    _bo, bo = join(session, ws.code)
    ans_stories = [post(session, ws, ans, f"Ans {n}") for n in range(3)]
    post(session, ws, bo, "Bo 1")
    insights.set_hidden(
        session=session, code=ws.code, key=key, insight_id=ans_stories[2].id, hidden=True
    )
    session.commit()
    return ws, key, ans_stories


def test_hide_all_of_one_person_hides_only_their_stories_one_act_each(session, two_people):
    ws, key, ans_stories = two_people
    changes.take(session)
    hidden = insights.hide_all_of(
        session=session, code=ws.code, key=key, insight_id=ans_stories[1].id
    )
    assert hidden == 2  # the third was hidden already
    assert kinds(session) == {Change.BOARD}
    assert wall(session, ws) == ["Bo 1"]
    assert [actions(session, story.id) for story in ans_stories] == [["hide"], ["hide"], ["hide"]]
    # Undo, one by one: shown again like any hidden card.
    insights.set_hidden(
        session=session, code=ws.code, key=key, insight_id=ans_stories[0].id, hidden=False
    )
    assert wall(session, ws) == ["Bo 1", "Ans 0"]


def test_hide_all_of_includes_their_waiting_stories(session, two_people):
    ws, key, _ans_stories = two_people
    insights.set_review_first(session=session, code=ws.code, key=key, on=True)
    token = join(session, ws.code)[1]
    waiting = post(session, ws, token, "Wacht")
    post(session, ws, token, "Wacht ook")
    assert insights.hide_all_of(session=session, code=ws.code, key=key, insight_id=waiting.id) == 2
    assert queue(session, ws) == []
    assert sorted(wall(session, ws)) == ["Ans 0", "Ans 1", "Bo 1"]


def test_another_workshops_card_is_refused_and_left_as_it_is(session, two_people):
    ws, key, _ans_stories = two_people
    other, other_key = workshops.create_workshop(
        session=session, title="Ander", question="?", language="nl", uses_names=False
    )
    workshops.move_stage(session=session, code=other.code, key=other_key, step=1)
    insights.set_review_first(session=session, code=other.code, key=other_key, on=True)
    token = join(session, other.code)[1]
    theirs = post(session, other, token, "Elders")
    for act in (
        lambda: insights.hide_all_of(session=session, code=ws.code, key=key, insight_id=theirs.id),
        lambda: insights.let_through(
            session=session, code=ws.code, key=key, insight_ids=[theirs.id]
        ),
    ):
        with pytest.raises(InsightNotFound):
            act()
        session.rollback()
    assert queue(session, other) == ["Elders"] and actions(session, theirs.id) == []
    # Nor can the other workshop's facilitator reach this one's cards by id.
    with pytest.raises(NotFacilitator):
        insights.hide_all_of(session=session, code=ws.code, key=other_key, insight_id=1)
