"""Taking part without typing: quick reactions on themes, stories written down for people."""

import json

import jsonschema
import pytest
from sqlmodel import select

from livinglab import insights, reactions, sensemaking, voting, workshops
from livinglab.errors import (
    EmptyText,
    InvalidChoice,
    NotFacilitator,
    NotParticipant,
    WorkshopClosed,
    WrongStage,
)
from livinglab.export.opendata import SCHEMA_PATH
from livinglab.models import Insight, Reaction, Theme
from livinglab.records import record
from tests.conftest import join


@pytest.fixture
def themed(session, workshop):
    """Sensemaking with two themes and one phone; returns (code, key, token, theme ids)."""
    ws, key = workshop
    _person, token = join(session, ws.code)
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    ids = []
    for name in ("Brieven", "Vervoer"):
        theme = Theme(workshop_id=ws.id, name=name)
        session.add(theme)
        session.flush()
        ids.append(theme.id)
    session.commit()
    return ws.code, key, token, ids


def test_a_reaction_is_given_and_taken_back_with_a_second_tap(session, themed):
    code, _key, token, (letters, transport) = themed
    mine = reactions.toggle_reaction(
        session=session, code=code, token=token, theme_id=letters, kind="recognise"
    )
    reactions.toggle_reaction(
        session=session, code=code, token=token, theme_id=letters, kind="idea"
    )
    assert mine == [f"{letters}:recognise"]
    counts = reactions.reaction_counts(
        session=session,
        workshop_id=session.exec(select(Theme.workshop_id).where(Theme.id == letters)).one(),
    )
    assert counts == {letters: {"recognise": 1, "affects_me": 0, "idea": 1}}
    mine = reactions.toggle_reaction(
        session=session, code=code, token=token, theme_id=letters, kind="recognise"
    )
    assert mine == [f"{letters}:idea"]
    assert transport not in {reaction.theme_id for reaction in session.exec(select(Reaction))}


@pytest.mark.parametrize(
    ("theme", "kind", "refusal"),
    [
        ("other workshop", "idea", InvalidChoice),
        ("own", "shout", InvalidChoice),
        ("own", "", InvalidChoice),
    ],
)
def test_bad_reactions_are_refused_and_change_nothing(session, themed, theme, kind, refusal):
    code, _key, token, (letters, _transport) = themed
    reactions.toggle_reaction(
        session=session, code=code, token=token, theme_id=letters, kind="idea"
    )
    other, _other_key = workshops.create_workshop(
        session=session, title="Elders", question="?", language="nl", uses_names=False
    )
    foreign = Theme(workshop_id=other.id, name="Elders")
    session.add(foreign)
    session.commit()
    target = foreign.id if theme == "other workshop" else letters
    with pytest.raises(refusal):
        reactions.toggle_reaction(
            session=session, code=code, token=token, theme_id=target, kind=kind
        )
    session.rollback()
    assert [(r.theme_id, r.kind) for r in session.exec(select(Reaction))] == [(letters, "idea")]


def test_reactions_wait_for_themes_and_stop_when_closed(session, workshop):
    ws, key = workshop
    _person, token = join(session, ws.code)
    theme = Theme(workshop_id=ws.id, name="Brieven")
    session.add(theme)
    session.commit()
    with pytest.raises(WrongStage):  # still collecting stories
        reactions.toggle_reaction(
            session=session, code=ws.code, token=token, theme_id=theme.id, kind="idea"
        )
    session.rollback()
    for _ in range(3):
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    session.commit()
    with pytest.raises(WorkshopClosed):
        reactions.toggle_reaction(
            session=session, code=ws.code, token=token, theme_id=theme.id, kind="idea"
        )


def test_merging_themes_keeps_reactions(session, themed):
    code, key, token, (letters, transport) = themed
    reactions.toggle_reaction(
        session=session, code=code, token=token, theme_id=letters, kind="idea"
    )
    reactions.toggle_reaction(
        session=session, code=code, token=token, theme_id=transport, kind="idea"
    )
    reactions.toggle_reaction(
        session=session, code=code, token=token, theme_id=letters, kind="affects_me"
    )
    sensemaking.merge_themes(
        session=session, code=code, key=key, theme_id=letters, into_theme_id=transport
    )
    session.commit()
    kept = sorted((r.theme_id, r.kind) for r in session.exec(select(Reaction)))
    assert kept == [(transport, "affects_me"), (transport, "idea")]


def test_the_facilitator_writes_down_a_story_for_someone_on_paper(session, workshop):
    ws, key = workshop
    paper = voting.add_paper_participant(
        session=session, code=ws.code, key=key, name="Mevrouw J.", role="resident"
    )
    session.commit()
    stored, again = (
        insights.post_for(
            session=session,
            code=ws.code,
            key=key,
            participant_id=paper.id,
            text="Ik kan de formulieren niet lezen",
            client_ref="p1",
        )
        for _click in range(2)
    )
    session.commit()
    assert again.id == stored.id  # a double click stores one story
    card = insights.board(session=session, workshop_id=ws.id)[0]
    assert (card.text, card.author, card.by_proxy) == (
        "Ik kan de formulieren niet lezen",
        "Mevrouw J.",
        True,
    )
    written = record.build_record(session=session, workshop=ws)["ungrouped"]
    assert [(story["text"], story["written_for"]) for story in written] == [
        ("Ik kan de formulieren niet lezen", True)
    ]


@pytest.mark.parametrize("case", ["no key", "phone participant", "empty text", "not collecting"])
def test_writing_for_someone_refuses_bad_input_and_keeps_what_is_stored(session, workshop, case):
    ws, key = workshop
    phone_person, _token = join(session, ws.code)
    paper = voting.add_paper_participant(
        session=session, code=ws.code, key=key, name="", role="employer"
    )
    insights.post_for(
        session=session,
        code=ws.code,
        key=key,
        participant_id=paper.id,
        text="Eerste",
        client_ref="a",
    )
    session.commit()
    arguments = {"key": key, "participant_id": paper.id, "text": "Tweede", "client_ref": "b"}
    refusal = {
        "no key": NotFacilitator,
        "phone participant": NotParticipant,
        "empty text": EmptyText,
        "not collecting": WrongStage,
    }[case]
    if case == "no key":
        arguments["key"] = "guess"
    if case == "phone participant":
        arguments["participant_id"] = phone_person.id
    if case == "empty text":
        arguments["text"] = "   "
    if case == "not collecting":
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
        session.commit()
    with pytest.raises(refusal):
        insights.post_for(session=session, code=ws.code, **arguments)
    session.rollback()
    assert [i.text for i in session.exec(select(Insight))] == ["Eerste"]


def test_the_record_counts_reactions_per_theme(session, themed):
    code, _key, token, (letters, _transport) = themed
    reactions.toggle_reaction(
        session=session, code=code, token=token, theme_id=letters, kind="idea"
    )
    session.commit()
    workshop = workshops.find_workshop(session=session, code=code)
    built = record.build_record(session=session, workshop=workshop)
    jsonschema.validate(built, json.loads(SCHEMA_PATH.read_text()))
    by_name = {theme["name"]: theme["reactions"] for theme in built["themes"]}
    assert by_name == {
        "Brieven": {"recognise": 0, "affects_me": 0, "idea": 1},
        "Vervoer": {"recognise": 0, "affects_me": 0, "idea": 0},
    }
