"""The console's review queue and "hide all stories from this person", through the handlers."""

from sqlmodel import Session

from livinglab import db
from livinglab.realtime.snapshots import board_snapshot
from tests.state.conftest import advance, console, joined_phone, run


def pushed(view, code, *, with_cards=False):
    """What the room hub pushes to a console after a change elsewhere (after a story began
    to wait: the queue, not the board)."""
    with Session(db.engine()) as session:
        view.apply_pushed(board_snapshot(session=session, code=code, with_cards=with_cards))


def texts(cards) -> list[str]:
    return [card.text for card in cards]


def test_a_story_waits_on_the_console_until_let_through_and_the_phone_says_so(created):
    code, key = created
    lead = console(code, key)
    advance(lead)  # collect
    run(lead.set_review_first(True))
    assert lead.error_key == "" and lead.review_first
    sam = joined_phone(code)
    for n in range(3):
        run(sam.post_insight({"text": f"Verhaal {n}", "ref": f"r{n}"}))
    assert [card.waiting for card in sam.my_insights] == [True, True, True]
    pushed(lead, code)
    assert texts(lead.waiting_cards) == ["Verhaal 0", "Verhaal 1", "Verhaal 2"]  # oldest first
    assert lead.newest_cards == [] and lead.hidden_cards == []

    run(lead.show_insight(lead.waiting_cards[0].id))
    assert texts(lead.waiting_cards) == ["Verhaal 1", "Verhaal 2"]
    assert texts(lead.newest_cards) == ["Verhaal 0"]
    run(sam.on_load())
    let = {card.text: card.let_through for card in sam.my_insights}
    assert let == {"Verhaal 0": True, "Verhaal 1": False, "Verhaal 2": False}

    run(lead.set_review_first(False))  # switched off: the queue stays
    assert not lead.review_first and texts(lead.waiting_cards) == ["Verhaal 1", "Verhaal 2"]
    run(lead.let_all_through())
    assert lead.waiting_cards == [] and len(lead.newest_cards) == 3


def test_hide_all_asks_first_then_hides_every_story_of_that_person(created):
    code, key = created
    lead = console(code, key)
    advance(lead)
    sam, ans = joined_phone(code), joined_phone(code, name="Ans", tab="phone-2")
    for n in range(2):
        run(sam.post_insight({"text": f"Sam {n}", "ref": f"s{n}"}))
    run(ans.post_insight({"text": "Ans", "ref": "a"}))
    pushed(lead, code, with_cards=True)
    card = next(card for card in lead.newest_cards if card.text == "Sam 1")
    lead.ask_hide_all(card.id)
    assert lead.confirming_hide_all == card.id and len(lead.newest_cards) == 3
    lead.cancel_hide_all()
    assert lead.confirming_hide_all == 0
    lead.ask_hide_all(card.id)
    run(lead.hide_all_of(card.id))
    assert lead.confirming_hide_all == 0 and lead.error_key == ""
    assert texts(lead.newest_cards) == ["Ans"]
    assert sorted(texts(lead.hidden_cards)) == ["Sam 0", "Sam 1"]


def test_a_phone_calling_the_console_handlers_changes_nothing(created):
    code, key = created
    lead = console(code, key)
    advance(lead)
    run(lead.set_review_first(True))
    sam = joined_phone(code)
    run(sam.post_insight({"text": "Laat me door", "ref": "r"}))
    stranger = console(code, sam._token())  # the phone's token as a facilitator key
    assert not stranger.authorised
    run(stranger.show_insight(sam.my_insights[0].id))
    assert stranger.error_key == "error_not_facilitator"
    pushed(lead, code)
    assert texts(lead.waiting_cards) == ["Laat me door"] and lead.newest_cards == []
