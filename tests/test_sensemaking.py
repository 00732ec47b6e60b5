"""Themes: making, renaming, moving cards, merging, splitting, participants' proposals."""

import pytest
from sqlmodel import select

from livinglab import insights, sensemaking, workshops
from livinglab.errors import (
    EmptyText,
    InsightNotFound,
    MergeIntoItself,
    NotFacilitator,
    NotYourInsight,
    TextTooLong,
    ThemeNotFound,
)
from livinglab.models import Insight, Theme
from tests.conftest import join


@pytest.fixture
def room(session, workshop):
    """Collect stage with three stories from two people, then sensemaking."""
    ws, key = workshop
    _a, anna = join(session, ws.code, name="Anna")
    _b, bram = join(session, ws.code, name="Bram")
    cards = [
        insights.post_insight(
            session=session, code=ws.code, token=token, text=text, client_ref=text
        )
        for token, text in (
            (anna, "De bus rijdt te laat"),
            (anna, "Schulden stapelen op"),
            (bram, "Geen vervoer naar werk"),
        )
    ]
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    session.commit()
    return ws, key, [card.id for card in cards], anna, bram


def placement(session) -> dict[int, int | None]:
    session.expire_all()
    return {card.id: card.theme_id for card in session.exec(select(Insight))}


def test_cards_move_into_themes_and_back(session, room):
    ws, key, (bus, debt, transport), _anna, _bram = room
    theme = sensemaking.create_theme(session=session, code=ws.code, key=key, name="Vervoer")
    sensemaking.move_insight(
        session=session, code=ws.code, key=key, insight_id=bus, theme_id=theme.id
    )
    sensemaking.move_insight(
        session=session, code=ws.code, key=key, insight_id=transport, theme_id=theme.id
    )
    assert placement(session) == {bus: theme.id, debt: None, transport: theme.id}
    (summary,) = sensemaking.theme_summaries(session=session, workshop_id=ws.id)
    assert (summary.name, summary.cards) == ("Vervoer", 2)
    sensemaking.move_insight(session=session, code=ws.code, key=key, insight_id=bus, theme_id=None)
    assert placement(session)[bus] is None


@pytest.mark.parametrize(
    ("name", "refusal"), [("", EmptyText), ("  ", EmptyText), ("x" * 200, TextTooLong)]
)
def test_theme_names_must_be_short_and_not_empty(session, room, name, refusal):
    ws, key, *_ = room
    theme = sensemaking.create_theme(session=session, code=ws.code, key=key, name="Vervoer")
    session.commit()
    with pytest.raises(refusal):
        sensemaking.create_theme(session=session, code=ws.code, key=key, name=name)
    with pytest.raises(refusal):
        sensemaking.rename_theme(
            session=session, code=ws.code, key=key, theme_id=theme.id, name=name
        )
    session.rollback()
    assert [t.name for t in session.exec(select(Theme))] == ["Vervoer"]


def test_moving_a_card_into_a_theme_of_another_workshop_is_refused(session, room):
    ws, key, (bus, *_rest), _anna, _bram = room
    other, other_key = workshops.create_workshop(
        session=session, title="B", question="Q", language="nl", uses_names=False
    )
    for _ in range(2):  # welcome, collect, sensemaking: themes are made while making sense
        workshops.move_stage(session=session, code=other.code, key=other_key, step=1)
    foreign = sensemaking.create_theme(
        session=session, code=other.code, key=other_key, name="Elders"
    )
    session.commit()
    with pytest.raises(ThemeNotFound):
        sensemaking.move_insight(
            session=session, code=ws.code, key=key, insight_id=bus, theme_id=foreign.id
        )
    with pytest.raises(InsightNotFound):
        sensemaking.move_insight(
            session=session, code=other.code, key=other_key, insight_id=bus, theme_id=foreign.id
        )
    assert placement(session)[bus] is None


def test_participant_cannot_edit_themes(session, room):
    ws, _key, (bus, *_rest), anna, _bram = room
    with pytest.raises(NotFacilitator):
        sensemaking.create_theme(session=session, code=ws.code, key=anna, name="Mijn thema")
    with pytest.raises(NotFacilitator):
        sensemaking.move_insight(
            session=session, code=ws.code, key=anna, insight_id=bus, theme_id=None
        )


def test_merge_moves_every_card_and_refuses_merging_into_itself(session, room):
    ws, key, (bus, debt, transport), _anna, _bram = room
    a = sensemaking.create_theme(session=session, code=ws.code, key=key, name="Bus")
    b = sensemaking.create_theme(session=session, code=ws.code, key=key, name="Vervoer")
    for card, theme in ((bus, a), (transport, b)):
        sensemaking.move_insight(
            session=session, code=ws.code, key=key, insight_id=card, theme_id=theme.id
        )
    session.commit()
    with pytest.raises(MergeIntoItself):
        sensemaking.merge_themes(
            session=session, code=ws.code, key=key, theme_id=a.id, into_theme_id=a.id
        )
    assert placement(session) == {bus: a.id, debt: None, transport: b.id}
    sensemaking.merge_themes(
        session=session, code=ws.code, key=key, theme_id=a.id, into_theme_id=b.id
    )
    assert placement(session) == {bus: b.id, debt: None, transport: b.id}
    assert [t.name for t in session.exec(select(Theme))] == ["Vervoer"]


def test_split_makes_a_new_theme_of_chosen_cards(session, room):
    ws, key, (bus, debt, transport), _anna, _bram = room
    theme = sensemaking.create_theme(session=session, code=ws.code, key=key, name="Alles")
    for card in (bus, debt, transport):
        sensemaking.move_insight(
            session=session, code=ws.code, key=key, insight_id=card, theme_id=theme.id
        )
    new = sensemaking.split_theme(
        session=session,
        code=ws.code,
        key=key,
        theme_id=theme.id,
        insight_ids=[debt],
        name="Schulden",
    )
    assert placement(session) == {bus: theme.id, debt: new.id, transport: theme.id}
    with pytest.raises(InsightNotFound):  # a card that is not in the theme
        sensemaking.split_theme(
            session=session,
            code=ws.code,
            key=key,
            theme_id=theme.id,
            insight_ids=[debt],
            name="Nog eens",
        )


def test_deleting_a_theme_keeps_its_cards(session, room):
    ws, key, (bus, *_rest), _anna, _bram = room
    theme = sensemaking.create_theme(session=session, code=ws.code, key=key, name="Weg")
    sensemaking.move_insight(
        session=session, code=ws.code, key=key, insight_id=bus, theme_id=theme.id
    )
    sensemaking.delete_theme(session=session, code=ws.code, key=key, theme_id=theme.id)
    assert placement(session)[bus] is None
    assert len(placement(session)) == 3


def test_participant_proposes_a_theme_for_own_card_only(session, room):
    ws, key, (bus, _debt, transport), anna, _bram = room
    theme = sensemaking.create_theme(session=session, code=ws.code, key=key, name="Vervoer")
    with pytest.raises(NotYourInsight):
        sensemaking.suggest_theme_for_own_insight(
            session=session, code=ws.code, token=anna, insight_id=transport, theme_id=theme.id
        )
    proposal = sensemaking.suggest_theme_for_own_insight(
        session=session, code=ws.code, token=anna, insight_id=bus, theme_id=theme.id
    )
    assert placement(session)[bus] is None  # nothing moves until the facilitator accepts
    sensemaking.accept_suggestion(session=session, code=ws.code, key=key, suggestion_id=proposal.id)
    assert placement(session)[bus] == theme.id
    with pytest.raises(ThemeNotFound):  # already decided
        sensemaking.decline_suggestion(
            session=session, code=ws.code, key=key, suggestion_id=proposal.id
        )


def test_suggested_grouping_is_stored_only_when_accepted(session, room):
    ws, key, (bus, debt, transport), _anna, _bram = room
    proposal = sensemaking.propose_grouping(session=session, code=ws.code, key=key).themes
    assert sorted(i for group in proposal for i in group.insight_ids) == [bus, debt, transport]
    assert all(group.name for group in proposal)
    assert session.exec(select(Theme)).all() == []
    themes = sensemaking.apply_grouping(session=session, code=ws.code, key=key, grouping=proposal)
    assert len(themes) == len(proposal)
    assert all(theme_id is not None for theme_id in placement(session).values())
