"""Insights: posting, editing and withdrawing one's own, hiding by the facilitator."""

from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import select

from livinglab import actors, i18n, insights, settings, voting, workshops
from livinglab.errors import (
    EmptyText,
    InsightNotFound,
    NotFacilitator,
    NotParticipant,
    NotYourInsight,
    TextTooLong,
    TooFast,
    TooManyStories,
    WorkshopClosed,
    WrongStage,
)
from livinglab.limits import STORIES_PER_PERSON
from livinglab.models import Insight, utcnow
from tests.conftest import join


@pytest.fixture
def author(session, workshop):
    ws, _key = workshop
    _participant, token = join(session, ws.code, name="Ans")
    return ws.code, token


def post(session, author, text="Het loket was dicht.", ref="r1"):
    code, token = author
    insight = insights.post_insight(
        session=session, code=code, token=token, text=text, client_ref=ref
    )
    session.commit()
    return insight


def stored_texts(session) -> list[str]:
    return [row.text for row in session.exec(select(Insight).order_by(Insight.id))]


def test_posted_insight_is_on_the_board_with_author_and_role(session, workshop, author):
    post(session, author, text="  Ik voelde me niet gehoord.\nNiemand belde terug.  ")
    (card,) = insights.board(session=session, workshop_id=workshop[0].id)
    assert card.text == "Ik voelde me niet gehoord.\nNiemand belde terug."
    assert (card.author, card.role, card.hidden) == ("Ans", "resident", False)


@pytest.mark.parametrize(
    ("text", "refusal"),
    [("", EmptyText), ("   \n\t ", EmptyText), ("x" * 501, TextTooLong), (None, EmptyText)],
)
def test_bad_post_is_refused_and_earlier_posts_stay(session, author, text, refusal):
    post(session, author, text="Eerste verhaal", ref="first")
    with pytest.raises(refusal):
        post(session, author, text=text, ref="second")
    session.rollback()
    assert stored_texts(session) == ["Eerste verhaal"]


def test_post_of_exactly_the_limit_is_accepted(session, author):
    assert len(post(session, author, text="é" * 500).text) == 500


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script><img src=x onerror=alert(2)>",
        "Wachten 😩😩 op antwoord",
        "הזמן עבר ولم يتصل أحد",
        "Supercalifragilistic" * 20,
    ],
)
def test_html_emoji_rtl_and_long_words_are_stored_as_typed(session, author, text):
    assert post(session, author, text=text).text == text


def test_double_tap_with_the_same_ref_stores_one_insight(session, author):
    first = post(session, author, ref="tap")
    second = post(session, author, ref="tap")
    assert first.id == second.id
    assert len(stored_texts(session)) == 1


def test_posting_needs_the_collect_stage_and_a_participant(session, workshop, author):
    ws, key = workshop
    with pytest.raises(NotParticipant):
        insights.post_insight(session=session, code=ws.code, token="", text="x", client_ref="a")
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    with pytest.raises(WrongStage):
        post(session, author)
    assert stored_texts(session) == []


def test_author_edits_own_insight_but_not_someone_elses(session, workshop, author):
    ws, _key = workshop
    mine = post(session, author)
    code, token = author
    insights.edit_insight(session=session, code=code, token=token, insight_id=mine.id, text="Nieuw")
    _other, other_token = join(session, ws.code)
    with pytest.raises(NotYourInsight):
        insights.edit_insight(
            session=session, code=code, token=other_token, insight_id=mine.id, text="Overschreven"
        )
    with pytest.raises(EmptyText):
        insights.edit_insight(session=session, code=code, token=token, insight_id=mine.id, text="")
    session.rollback()
    assert stored_texts(session) == ["Nieuw"]


def test_edit_of_unknown_or_foreign_workshop_insight_is_refused(session, workshop, author):
    code, token = author
    other_ws, other_key = workshops.create_workshop(
        session=session, title="B", question="Q", language="nl", uses_names=False
    )
    workshops.move_stage(session=session, code=other_ws.code, key=other_key, step=1)
    _p, other_token = join(session, other_ws.code)
    theirs = insights.post_insight(
        session=session, code=other_ws.code, token=other_token, text="Van hen", client_ref="t"
    )
    for insight_id in (theirs.id, 9999, "1"):
        with pytest.raises(InsightNotFound):
            insights.edit_insight(
                session=session, code=code, token=token, insight_id=insight_id, text="x"
            )
    assert stored_texts(session) == ["Van hen"]


def test_withdraw_removes_own_insight_until_the_workshop_closes(session, workshop, author):
    ws, key = workshop
    code, token = author
    first = post(session, author, ref="a")
    second = post(session, author, text="Tweede", ref="b")
    _other, other_token = join(session, ws.code)
    with pytest.raises(NotYourInsight):
        insights.withdraw_insight(
            session=session, code=code, token=other_token, insight_id=first.id
        )
    insights.withdraw_insight(session=session, code=code, token=token, insight_id=first.id)
    assert stored_texts(session) == ["Tweede"]
    for _ in range(3):
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    with pytest.raises(WorkshopClosed):
        insights.withdraw_insight(session=session, code=code, token=token, insight_id=second.id)
    assert stored_texts(session) == ["Tweede"]


def test_hiding_is_recorded_reversible_and_facilitator_only(session, workshop, author):
    ws, key = workshop
    insight = post(session, author)
    code, token = author
    with pytest.raises(NotFacilitator):
        insights.set_hidden(
            session=session, code=ws.code, key=token, insight_id=insight.id, hidden=True
        )
    insights.set_hidden(session=session, code=ws.code, key=key, insight_id=insight.id, hidden=True)
    assert insights.board(session=session, workshop_id=ws.id) == []
    (hidden,) = insights.board(session=session, workshop_id=ws.id, with_hidden=True)
    assert hidden.hidden
    assert insights.own_insights(
        session=session,
        participant=actors.participant(session, code, token),
    )[0].hidden
    insights.set_hidden(session=session, code=ws.code, key=key, insight_id=insight.id, hidden=False)
    acts = insights.moderation_history(session=session, insight_id=insight.id)
    assert [(act.action, act.actor) for act in acts] == [
        ("hide", "facilitator"),
        ("show", "facilitator"),
    ]
    assert all(act.acted_at is not None for act in acts)
    assert [card.text for card in insights.board(session=session, workshop_id=ws.id)] == [
        insight.text
    ]


def test_facilitator_cannot_hide_an_insight_of_another_workshop(session, workshop, author):
    insight = post(session, author)
    other, other_key = workshops.create_workshop(
        session=session, title="B", question="Q", language="nl", uses_names=False
    )
    with pytest.raises(InsightNotFound):
        insights.set_hidden(
            session=session, code=other.code, key=other_key, insight_id=insight.id, hidden=True
        )
    assert not session.get(Insight, insight.id).hidden


def test_one_phone_cannot_fill_the_wall(session, workshop, monkeypatch):
    """At most STORIES_PER_PERSON stories each, and not two within the pause: a clear refusal."""
    monkeypatch.setattr(settings, "SECONDS_BETWEEN_STORIES", 2)
    ws, key = workshop
    _person, token = join(session, ws.code)
    first = insights.post_insight(
        session=session, code=ws.code, token=token, text="Eén", client_ref="1"
    )
    session.commit()
    with pytest.raises(TooFast) as refusal:
        insights.post_insight(
            session=session, code=ws.code, token=token, text="Twee", client_ref="2"
        )
    assert "wachten" in i18n.translate(refusal.value.key, "nl")
    session.rollback()
    again = insights.post_insight(
        session=session, code=ws.code, token=token, text="Eén", client_ref="1"
    )
    assert again.id == first.id  # a resend of the same story is no new story: never refused
    other_phone = join(session, ws.code)[1]
    insights.post_insight(
        session=session, code=ws.code, token=other_phone, text="Ik", client_ref="x"
    )
    earlier = utcnow() - timedelta(minutes=10)  # each story as if posted long ago
    for number in range(2, STORIES_PER_PERSON + 1):
        session.exec(update(Insight).values(created_at=earlier))
        insights.post_insight(
            session=session,
            code=ws.code,
            token=token,
            text=f"Verhaal {number}",
            client_ref=str(number),
        )
    session.exec(update(Insight).values(created_at=earlier))
    session.commit()
    with pytest.raises(TooManyStories) as refusal:
        insights.post_insight(
            session=session, code=ws.code, token=token, text="Te veel", client_ref="z"
        )
    assert str(STORIES_PER_PERSON) in i18n.translate(refusal.value.key, "en")
    session.rollback()
    mine = session.exec(select(Insight).where(Insight.participant_id == first.participant_id)).all()
    assert len(mine) == STORIES_PER_PERSON
    # The facilitator writing for someone on paper is not held back by a phone's pause.
    paper = voting.add_paper_participant(
        session=session, code=ws.code, key=key, name="", role="other"
    )
    for number in range(2):
        insights.post_for(
            session=session,
            code=ws.code,
            key=key,
            participant_id=paper.id,
            text=f"Op papier {number}",
            client_ref=f"p{number}",
        )
