"""Event handlers called directly, as any client could: the server decides, not the UI."""

import json

import pytest
from sqlmodel import Session, func, select

from livinglab import db
from livinglab.catalog import MESSAGES
from livinglab.models import Insight, Participant, Workshop
from livinglab.realtime.snapshots import board_snapshot, room_snapshot
from livinglab.web import keyring
from livinglab.web.state.console import FacilitatorState
from livinglab.web.state.phone import JoinCodeState
from tests.state.conftest import (
    FORM,
    advance,
    console,
    joined_phone,
    open_view,
    phone,
    run,
    start_page,
    stored,
)


def board_of(facilitator):
    """The flat board as the console shows it: the newest cards, then the earlier ones."""
    return facilitator.newest_cards + facilitator.earlier_cards


def console_with_a_story(created, text):
    """A console in the collect stage whose board holds one story from a phone."""
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)
    sam = joined_phone(code)
    run(sam.post_insight({"text": text, "ref": "story"}))
    run(facilitator.on_load())
    return facilitator, sam


def test_create_shows_the_facilitator_link_once_and_keeps_the_key_in_a_cookie(database_url):
    start = start_page()
    run(start.create(FORM))
    assert start.created and start.error_key == ""
    assert start.lang == "en" and start.t["created_heading"] == "Your workshop is ready"
    code = start.console_path.rsplit("/", 1)[-1]
    key = start.facilitator_link.split("key=", 1)[1]
    assert start.facilitator_link.startswith(f"http://localhost:3000/f/{code}?key=")
    facilitator = start.parent_state.get_substate([FacilitatorState.get_name()])
    assert keyring.read(facilitator.facilitator_keys, code) == key
    (workshop,) = stored(Workshop)
    assert (workshop.title, workshop.language, workshop.uses_names) == (
        "Schulden en hulp",
        "en",
        True,
    )


def test_create_with_empty_title_shows_a_message_and_stores_nothing(database_url):
    start = start_page()
    run(start.create({**FORM, "title": "   "}))
    assert not start.created
    assert start.error_key == "error_text_empty"
    assert stored(Workshop) == []


@pytest.mark.parametrize("months", ["0", "121", "twaalf", "-3"])
def test_create_with_a_bad_retention_shows_a_message_and_stores_nothing(database_url, months):
    start = start_page()
    run(start.create({**FORM, "retention": months}))
    assert (start.created, start.error_key) == (False, "error_retention_months")
    assert stored(Workshop) == []


def test_retention_is_kept_as_chosen(database_url):
    start = start_page()
    run(start.create({**FORM, "retention": "6"}))
    assert [workshop.retention_months for workshop in stored(Workshop)] == [6]


def test_place_and_organisers_are_optional_and_bounded(database_url):
    start = start_page()
    run(start.create({**FORM, "place": "x" * 121}))
    assert not start.created and start.error_key == "error_text_too_long"
    assert stored(Workshop) == []
    run(start.create({**FORM, "place": " Wijkcentrum De Schans, Houten ", "organisers": ""}))
    assert start.created and start.error_key == ""
    (workshop,) = stored(Workshop)
    assert (workshop.place, workshop.organisers) == ("Wijkcentrum De Schans, Houten", "")


def test_facilitator_link_authorises_then_hides_the_key_from_the_address_bar(created):
    code, key = created
    view = open_view(FacilitatorState, f"/f/{code}?key={key}")
    redirect = run(view.on_load())
    assert view.authorised
    assert keyring.read(view.facilitator_keys, code) == key
    assert redirect is not None and f"/f/{code}" in str(redirect)
    assert view.join_url.endswith(f"/j/{code}")
    assert view.qr_code.startswith("data:image/svg+xml;base64,")


@pytest.mark.parametrize("key", ["", "wrong-key"])
def test_console_without_the_key_shows_nothing_of_the_workshop(created, key):
    code, _key = created
    view = console(code, key)
    assert not view.authorised
    assert view.error_key == "error_not_facilitator"
    assert view.title == "" and view.newest_cards == [] and view.earlier_cards == []


def test_participant_calling_facilitator_handlers_is_refused(created):
    code, key = created
    advance(console(code, key))
    sam = joined_phone(code)
    # The phone's tab has no facilitator key; it calls the handlers anyway.
    intruder = open_view(
        FacilitatorState,
        f"/f/{code}",
        tab="phone-1",
        cookies={"facilitator_keys": keyring.store("", code, sam.participant_tokens)},
    )
    intruder.code = code
    run(sam.post_insight({"text": "Mijn verhaal", "ref": "r1"}))
    (insight,) = stored(Insight)
    for handler in (
        intruder.next_stage("collect"),
        intruder.previous_stage("collect"),
        intruder.stop_timer(),
        intruder.start_timer({"minutes": "5"}),
        intruder.hide_insight(insight.id),
        intruder.save_prompt({"prompt": "Hacked"}),
    ):
        run(handler)
        assert intruder.error_key == "error_not_facilitator"
    (workshop,) = stored(Workshop)
    assert workshop.stage == "collect" and workshop.timer_ends_at is None
    assert not stored(Insight)[0].hidden


def test_facilitator_moves_stages_sets_prompt_and_timer(created):
    code, key = created
    view = console(code, key)
    advance(view)
    run(view.save_prompt({"prompt": "Tell about a time you felt unheard"}))
    run(view.start_timer({"minutes": "2"}))
    assert (view.stage, view.prompt) == ("collect", "Tell about a time you felt unheard")
    assert view.timer_ends_ms - view.server_now_ms == pytest.approx(120_000, abs=3_000)
    run(view.start_timer({"minutes": "abc"}))
    assert view.error_key == "error_invalid_choice"
    assert view.timer_ends_ms > 0


def test_unknown_code_shows_a_message_and_guessing_is_throttled(created):
    code, _key = created
    for _ in range(3):
        view = phone("ZZZZZZZ", ip="10.9.9.9")
        assert not view.found and view.error_key == "error_code_unknown"
    blocked = phone(code, ip="10.9.9.9")
    assert blocked.error_key == "error_too_many_attempts" and not blocked.found
    other_address = phone(code, ip="10.9.9.10")
    assert other_address.found and other_address.error_key == ""


def test_a_joined_phone_is_not_held_back_by_typos_from_its_address(created):
    code, _key = created
    sam = phone(code, ip="10.9.9.9")
    run(sam.join({"name": "Sam", "role": "resident"}))
    for _ in range(3):
        phone("ZZZZZZZ", ip="10.9.9.9")
    assert phone(code, ip="10.9.9.9").error_key == "error_too_many_attempts"
    again = phone(code, ip="10.9.9.9", cookie=sam.participant_tokens)
    assert again.joined and again.error_key == ""


def test_the_state_tree_carries_the_catalog_once(created):
    """A reconnect re-sends the whole tree: one catalog, not one per view."""
    code, _key = created
    sam = phone(code)
    tree = json.dumps(sam._get_root_state().dict(), default=str)
    assert sam.lang == "en"
    assert tree.count(json.dumps(MESSAGES["privacy_notice"]["en"])) == 1


def test_a_join_pushes_the_head_count_and_keeps_the_board(created):
    code, _key = created
    facilitator, _sam = console_with_a_story(created, "Op het bord")
    joined_phone(code, tab="kim")
    with Session(db.engine()) as session:
        facilitator.apply_pushed(board_snapshot(session=session, code=code, with_cards=False))
    assert facilitator.participants == 2
    assert [card.text for card in board_of(facilitator)] == ["Op het bord"]


def test_typed_code_leads_to_the_phone_page(created):
    code, _key = created
    typed = open_view(JoinCodeState, "/j")
    redirect = run(typed.go({"code": f" {code[:3].lower()}-{code[3:].lower()} "}))
    assert f"/j/{code}" in str(redirect)
    redirect = run(typed.go({"code": "AAAAAAA"}))
    assert redirect is None and typed.error_key == "error_code_unknown"


def test_reload_or_reconnect_is_the_same_participant_with_their_posts(created):
    code, key = created
    advance(console(code, key))
    sam = joined_phone(code)
    run(sam.post_insight({"text": "Ik wacht al weken", "ref": "a1"}))
    # A reload or a reconnect may come with a new tab token: the cookie decides.
    again = phone(code, tab="phone-1-after-reconnect", cookie=sam.participant_tokens)
    assert again.joined
    assert [card.text for card in again.my_insights] == ["Ik wacht al weken"]
    assert len(stored(Participant)) == 1


def test_joining_a_closed_workshop_is_refused(created):
    code, key = created
    facilitator = console(code, key)
    for _ in range(4):
        advance(facilitator)
    late = phone(code)
    run(late.join({"name": "", "role": "resident"}))
    assert late.error_key == "error_workshop_closed" and not late.joined
    assert stored(Participant) == []


def test_join_with_an_unknown_role_or_a_long_name_is_refused(created):
    code, _key = created
    view = phone(code)
    run(view.join({"name": "Sam", "role": "king"}))
    assert view.error_key == "error_invalid_choice"
    run(view.join({"name": "x" * 100, "role": "resident"}))
    assert view.error_key == "error_text_too_long"
    assert stored(Participant) == []


def test_bad_posts_show_a_message_and_keep_earlier_posts(created):
    code, key = created
    advance(console(code, key))
    sam = joined_phone(code)
    run(sam.post_insight({"text": "Eerste", "ref": "r0"}))
    for text, message in (
        ("", "error_text_empty"),
        ("  \n ", "error_text_empty"),
        ("x" * 501, "error_text_too_long"),
    ):
        run(sam.post_insight({"text": text, "ref": f"bad-{len(text)}"}))
        assert sam.error_key == message
    assert [row.text for row in stored(Insight)] == ["Eerste"]
    assert [card.text for card in sam.my_insights] == ["Eerste"]


def test_double_tap_on_post_stores_one_insight(created):
    code, key = created
    advance(console(code, key))
    sam = joined_phone(code)
    form = {"text": "Twee keer getikt", "ref": sam.draft_ref}
    run(sam.post_insight(form))
    run(sam.post_insight(form))
    assert len(stored(Insight)) == 1
    assert sam.just_sent and sam.draft_ref != form["ref"]


def test_editing_someone_elses_post_is_refused(created):
    code, key = created
    advance(console(code, key))
    sam = joined_phone(code, tab="sam")
    run(sam.post_insight({"text": "Van Sam", "ref": "s"}))
    (insight,) = stored(Insight)
    kim = joined_phone(code, name="Kim", tab="kim")
    run(kim.save_edit({"insight_id": str(insight.id), "text": "Van Kim"}))
    assert kim.error_key == "error_not_your_insight"
    run(kim.withdraw(insight.id))
    assert kim.error_key == "error_not_your_insight"
    assert [row.text for row in stored(Insight)] == ["Van Sam"]
    run(sam.save_edit({"insight_id": str(insight.id), "text": "Van Sam, aangepast"}))
    run(sam.withdraw("not a number"))
    assert sam.error_key == "error_insight_not_found"
    assert [row.text for row in stored(Insight)] == ["Van Sam, aangepast"]


def test_hidden_post_leaves_the_board_but_stays_for_the_facilitator(created):
    facilitator, _sam = console_with_a_story(created, "Scheldwoord")
    (card,) = board_of(facilitator)
    run(facilitator.hide_insight(card.id))
    assert board_of(facilitator) == []
    assert [c.text for c in facilitator.hidden_cards] == ["Scheldwoord"]
    run(facilitator.show_insight(card.id))
    assert [c.text for c in board_of(facilitator)] == ["Scheldwoord"]


def test_phone_follows_a_pushed_stage_change_and_gets_only_what_changed(created):
    code, key = created
    sam = joined_phone(code)
    facilitator = console(code, key)
    advance(facilitator)
    with Session(db.engine()) as session:
        sam.apply_pushed(room_snapshot(session=session, code=code))
        assert sam.stage == "collect"
        sam.dirty_vars.clear()
        sam.apply_pushed(room_snapshot(session=session, code=code))
        assert sam.dirty_vars == set()  # the same room again: nothing to send
        run(facilitator.save_prompt({"prompt": "Wat werkt wel?"}))
        sam.apply_pushed(room_snapshot(session=session, code=code))
    assert sam.dirty_vars == {"prompt"}


@pytest.mark.parametrize("read", ["whole board", "posted cards only"])
def test_a_post_on_a_full_board_sends_only_the_newest_cards(created, read):
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)
    phones = [joined_phone(code, tab=f"phone-{n}") for n in range(5)]  # 30 stories each at most
    for number in range(120):
        run(phones[number % 5].post_insight({"text": f"Verhaal {number}", "ref": f"r{number}"}))
    sam = phones[0]
    with Session(db.engine()) as session:
        facilitator.apply_pushed(board_snapshot(session=session, code=code))
        earlier = list(facilitator.__dict__["earlier_cards"])
        facilitator.dirty_vars.clear()
        run(sam.post_insight({"text": "Nog een verhaal", "ref": "r-new"}))
        new_id = session.exec(select(func.max(Insight.id))).one()
        if read == "whole board":
            facilitator.apply_pushed(board_snapshot(session=session, code=code))
        else:
            facilitator.apply_pushed(
                board_snapshot(session=session, code=code, with_cards=False, posted={new_id})
            )
            # Held cards are kept, not re-read: the earlier part of the board is the same.
            assert all(
                held is kept
                for held, kept in zip(facilitator.__dict__["earlier_cards"], earlier, strict=True)
            )
    sent = {
        name for name in facilitator.dirty_vars if not name.startswith("_")
    }  # backend vars stay
    assert sent == {"newest_cards"}
    board = [card.text for card in board_of(facilitator)]
    assert board == ["Nog een verhaal", *(f"Verhaal {n}" for n in reversed(range(120)))]
    assert len(facilitator.newest_cards) <= 50


def test_a_posted_card_the_board_already_holds_is_shown_once(created):
    """A screen that read the whole board after a post, then hears of that post."""
    code, _key = created
    facilitator, _sam = console_with_a_story(created, "Al op het bord")
    with Session(db.engine()) as session:
        posted = {session.exec(select(func.max(Insight.id))).one()}
        facilitator.apply_pushed(
            board_snapshot(session=session, code=code, with_cards=False, posted=posted)
        )
    assert [card.text for card in board_of(facilitator)] == ["Al op het bord"]


def test_a_hidden_card_is_not_added_as_posted(created):
    code, _key = created
    facilitator, _sam = console_with_a_story(created, "Eerst zichtbaar")
    with Session(db.engine()) as session:
        story = session.exec(select(func.max(Insight.id))).one()
        run(facilitator.hide_insight(story))
        facilitator.apply_pushed(
            board_snapshot(session=session, code=code, with_cards=False, posted={story})
        )
    assert board_of(facilitator) == []
    assert [card.text for card in facilitator.hidden_cards] == ["Eerst zichtbaar"]


def test_double_click_on_next_step_moves_one_stage(created):
    code, key = created
    view = console(code, key)
    shown = view.stage
    run(view.next_stage(shown))
    run(view.next_stage(shown))  # the second click of a double click
    assert view.stage == "collect" and view.error_key == ""
    run(view.previous_stage("collect"))
    run(view.previous_stage("collect"))
    assert view.stage == "welcome"
    (workshop,) = stored(Workshop)
    assert workshop.stage == "welcome"
