"""The console asks before closing; a phone's refusal belongs to the control that was used."""

from livinglab.models import Workshop
from livinglab.workshops import STAGES, closes_workshop
from tests.state.conftest import advance, console, joined_phone, run, stored


def test_only_the_step_into_closed_closes_the_workshop():
    assert [stage.value for stage in STAGES if closes_workshop(stage)] == ["dialogue"]
    assert not closes_workshop("no-such-stage")


def test_next_step_at_dialogue_asks_first_and_moves_only_once_confirmed(created):
    code, key = created
    facilitator = console(code, key)
    for _ in range(3):
        advance(facilitator)
    assert facilitator.stage == "dialogue"

    run(facilitator.next_stage(facilitator.stage))
    assert facilitator.confirming_close and facilitator.stage == "dialogue"
    assert stored(Workshop)[0].stage == "dialogue"
    facilitator.cancel_close()
    assert not facilitator.confirming_close

    run(facilitator.next_stage(facilitator.stage))
    run(facilitator.close_workshop("dialogue"))
    assert facilitator.stage == "closed" and not facilitator.confirming_close
    run(facilitator.close_workshop("dialogue"))  # a double click on confirm: still closed once
    assert stored(Workshop)[0].stage == "closed"


def test_moving_back_drops_an_unanswered_close_question(created):
    code, key = created
    facilitator = console(code, key)
    for _ in range(3):
        advance(facilitator)
    run(facilitator.next_stage(facilitator.stage))
    run(facilitator.previous_stage(facilitator.stage))
    assert facilitator.stage == "sensemaking" and not facilitator.confirming_close


def test_a_phones_refusal_names_the_control_it_belongs_to(created):
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)  # collect
    anna = joined_phone(code, name="Anna")
    run(anna.post_insight({"text": "   ", "ref": "r1"}))
    assert (anna.error_key, anna.error_at) == ("error_text_empty", "post")
    run(anna.post_insight({"text": "x" * 501, "ref": "r2"}))
    assert (anna.error_key, anna.error_at) == ("error_text_too_long", "post")
    run(anna.post_insight({"text": "\N{GRINNING FACE}" * 500, "ref": "r3"}))
    assert anna.error_key == "" and len(anna.my_insights) == 1

    advance(facilitator)  # sensemaking
    run(facilitator.create_theme({"name": "Vervoer"}))
    run(facilitator.open_round({"dots": "1", "per_item": "1"}))
    run(anna.on_load())
    (item,) = anna.vote_items
    run(anna.add_dot(item.id))
    assert anna.error_key == ""
    run(anna.add_dot(item.id))
    assert anna.error_key and anna.error_at == f"ballot-{item.id}"

    card = anna.my_insights[0]
    run(anna.suggest_theme({"insight_id": str(card.id), "theme_id": "999"}))
    assert anna.error_key and anna.error_at == f"suggest-{card.id}"
    run(anna.on_load())
    assert anna.error_at == ""
