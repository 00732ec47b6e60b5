"""Themes and dot voting through the event handlers: the server decides, not the buttons."""

from livinglab.models import Insight, Theme, Vote, VoteRound
from livinglab.web import keyring
from livinglab.web.state.console import FacilitatorState
from tests.state.conftest import advance, console, joined_phone, open_view, run, stored


def sensemaking_room(created, phones=1):
    """Console moved to sensemaking with one story per phone; returns (console, phones)."""
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)
    people = []
    for i in range(phones):
        person = joined_phone(
            code,
            name=f"P{i}",
            tab=f"phone-{i}",
            role=("resident", "professional", "civil_servant")[i % 3],
        )
        run(person.post_insight({"text": f"Verhaal {i}", "ref": f"r{i}"}))
        people.append(person)
    advance(facilitator)
    return facilitator, people


def test_keyboard_path_moves_a_card_into_a_theme_and_back(created):
    facilitator, _people = sensemaking_room(created)
    run(facilitator.create_theme({"name": "Vervoer"}))
    (theme,) = facilitator.themes
    (card,) = facilitator.ungrouped
    run(facilitator.move_card(card.id, str(theme.id)))
    assert [c.id for c in facilitator.columns[0].cards] == [card.id]
    assert facilitator.ungrouped == []
    run(facilitator.move_card(card.id, "0"))
    assert stored(Insight)[0].theme_id is None


def test_bad_theme_input_shows_a_message_and_keeps_the_themes(created):
    facilitator, _people = sensemaking_room(created)
    run(facilitator.create_theme({"name": "Vervoer"}))
    (theme,) = facilitator.themes
    for form, message in (
        ({"name": ""}, "error_text_empty"),
        ({"name": "x" * 200}, "error_text_too_long"),
    ):
        run(facilitator.create_theme(form))
        assert facilitator.error_key == message
    run(facilitator.merge_theme({"theme_id": str(theme.id), "into": str(theme.id)}))
    assert facilitator.error_key == "error_merge_into_itself"
    run(facilitator.move_card(999, str(theme.id)))
    assert facilitator.error_key == "error_insight_not_found"
    assert [t.name for t in stored(Theme)] == ["Vervoer"]


def test_phone_cannot_overspend_and_sees_its_dots_left(created):
    facilitator, (anna,) = sensemaking_room(created)
    run(facilitator.create_theme({"name": "Vervoer"}))
    run(facilitator.create_theme({"name": "Schulden"}))
    run(facilitator.open_round({"dots": "2", "per_item": "1"}))
    bus, debt = (theme.id for theme in facilitator.themes)
    run(anna.on_load())
    assert anna.round_open and anna.dots_left == 2
    run(anna.add_dot(bus))
    run(anna.add_dot(bus))
    assert anna.error_key == "error_item_cap"
    run(anna.add_dot(debt))
    run(anna.add_dot(debt))
    assert anna.error_key in ("error_vote_budget", "error_item_cap")
    assert anna.dots_left == 0
    assert len(stored(Vote)) == 2
    assert {line.item_id: line.mine for line in anna.ballot} == {bus: 1, debt: 1}


def test_participant_calling_round_handlers_is_refused(created):
    code, _key = created
    facilitator, (anna,) = sensemaking_room(created)
    run(facilitator.create_theme({"name": "Vervoer"}))
    intruder = open_view(
        FacilitatorState,
        f"/f/{code}",
        tab="phone-0",
        cookies={"facilitator_keys": keyring.store("", code, anna.participant_tokens)},
    )
    intruder.code = code
    for handler in (
        intruder.open_round({"dots": "3"}),
        intruder.close_round(),
        intruder.reveal_results(),
        intruder.create_theme({"name": "Hack"}),
    ):
        run(handler)
        assert intruder.error_key == "error_not_facilitator"
    assert stored(VoteRound) == []
    assert [t.name for t in stored(Theme)] == ["Vervoer"]


def test_results_stay_hidden_until_revealed_and_show_counts_by_role(created):
    facilitator, people = sensemaking_room(created, phones=3)
    run(facilitator.create_theme({"name": "Vervoer"}))
    run(facilitator.open_round({"dots": "3", "per_item": "1"}))
    (theme,) = facilitator.themes
    for person in people:
        run(person.on_load())
        run(person.add_dot(theme.id))
    run(people[0].on_load())
    assert people[0].results == [] and not people[0].round_revealed
    run(facilitator.close_round())
    assert facilitator.voters == 3 and facilitator.results == []
    run(facilitator.reveal_results())
    (tally,) = facilitator.results
    assert tally.dots == 3
    # One person per role: together they would only repeat the total; the console says why.
    assert tally.by_group == []
    assert facilitator.results_note.startswith("Not shown per role, so nobody can be recognised")
    run(people[1].on_load())
    assert people[1].round_revealed and people[1].results[0].dots == 3


def test_paper_participant_votes_through_the_facilitator(created):
    facilitator, _people = sensemaking_room(created)
    run(facilitator.create_theme({"name": "Vervoer"}))
    run(facilitator.open_round({"dots": "3", "per_item": "2"}))
    run(facilitator.add_paper_participant({"name": "Mevrouw Jansen", "role": "resident"}))
    (paper,) = facilitator.paper
    (theme,) = facilitator.themes
    run(facilitator.vote_for_paper({"participant_id": str(paper.id), f"dots-{theme.id}": "2"}))
    assert facilitator.error_key == ""
    assert [(v.by_proxy, v.item_id) for v in stored(Vote)] == [(True, theme.id)] * 2
    run(facilitator.vote_for_paper({"participant_id": str(paper.id), f"dots-{theme.id}": "2"}))
    assert facilitator.error_key == "error_item_cap"
    assert len(stored(Vote)) == 2


STORIES = [
    "De bus naar het industrieterrein rijdt pas na achten.",
    "Zonder auto kom ik niet bij mijn werk, de bus rijdt te weinig.",
    "Het openbaar vervoer stopt 's avonds, dus de bus naar huis gaat niet.",
    "Mijn schulden groeien, de deurwaarder staat voor de deur.",
    "Door de schulden en aanmaningen slaap ik slecht.",
    "De deurwaarder en de incasso maken de schulden groter.",
    "Mijn kat heet Minoes.",
]


def _suggested(created, monkeypatch, *, model: bool):
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)
    anna = joined_phone(code)
    for number, text in enumerate(STORIES):
        run(anna.post_insight({"text": text, "ref": f"s{number}"}))
    advance(facilitator)
    if not model:
        from livinglab import suggester

        monkeypatch.setattr(suggester.ENCODER, "model", lambda: None)
    run(facilitator.suggest_grouping())
    return facilitator


def test_suggested_themes_show_the_story_that_represents_each_and_accept_as_edited(
    created, monkeypatch
):
    facilitator = _suggested(created, monkeypatch, model=True)
    assert facilitator.suggestion_by_words is False
    themes = [group for group in facilitator.suggestion if not group.other]
    (other,) = [group for group in facilitator.suggestion if group.other]
    assert other.texts == ["Mijn kat heet Minoes."] and other.example == ""
    assert len(themes) == 2
    for group in themes:
        assert group.example in STORIES and group.example not in group.texts
        assert len(group.texts) == len(group.insight_ids) - 1
    form = {f"name-{group.index}": f"Mijn naam {group.index}" for group in themes}
    run(facilitator.accept_grouping(form))
    assert sorted(t.name for t in stored(Theme)) == sorted(form.values())
    unplaced = [card.text for card in stored(Insight) if card.theme_id is None]
    assert unplaced == ["Mijn kat heet Minoes."]  # the "other" stories stay on the wall


def test_without_the_model_the_console_says_the_words_alone_decided(created, monkeypatch):
    facilitator = _suggested(created, monkeypatch, model=False)
    assert facilitator.suggestion_by_words is True
    assert facilitator.suggestion
    facilitator.discard_grouping()
    assert facilitator.suggestion_by_words is False
