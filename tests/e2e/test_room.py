"""The workshop room end to end: a facilitator, a projector and phones in real browsers."""

import re

import pytest
from playwright.sync_api import Page, expect

from livinglab.i18n import translate

from .room import (
    LOAD_TIMEOUT,
    PUSH_TIMEOUT,
    cards_with_text,
    create_workshop,
    decode_qr,
    join,
    move_to,
    post,
    press_next,
    wait_hydrated,
)

#: Markup and script typed by a participant: must come out as the same characters.
PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>"
#: Names hold at most 40 characters: the image tag alone would run script if rendered.
NAME_PAYLOAD = "<img src=x onerror=alert(3)><i>Ann</i>"


def stage_of(page: Page):
    return page.get_by_test_id("stage-current")


def test_two_phones_join_by_qr_post_follow_stages_and_survive_reload(people, app_server):
    """The issue's scenario: QR → join → collect → cards on the projector → next stage → reload."""
    room = create_workshop(people.facilitator(), app_server.base_url)

    join_url = decode_qr(room.projector.get_by_test_id("join-qr"))
    assert join_url == f"{app_server.public_url}/j/{room.code}"

    phones = [people.phone().new_page(), people.phone().new_page()]
    join(phones[0], join_url, role="resident")
    join(phones[1], join_url, role="civil_servant")
    expect(room.projector.get_by_test_id("participant-count")).to_have_text(
        "2", timeout=PUSH_TIMEOUT
    )

    move_to(room.console, "collect")
    for phone in phones:
        expect(stage_of(phone)).to_have_attribute("data-stage", "collect", timeout=PUSH_TIMEOUT)

    texts = [
        "De bus naar het bedrijventerrein rijdt niet vroeg genoeg.",
        "Een vaste contactpersoon bij de gemeente scheelt veel.",
    ]
    for phone, text in zip(phones, texts, strict=True):
        post(phone, text)
    for text in texts:
        expect(cards_with_text(room.projector, text)).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(room.projector.get_by_test_id("insight-card")).to_have_count(2)
    expect(room.projector.get_by_test_id("participant-count")).to_have_text("2")

    press_next(room.console)
    for page in [room.console, room.projector, *phones]:
        expect(stage_of(page)).to_have_attribute("data-stage", "sensemaking", timeout=PUSH_TIMEOUT)

    phones[0].reload()
    # stage-current shows only once the phone is rebuilt from the server as a participant.
    expect(stage_of(phones[0])).to_have_attribute("data-stage", "sensemaking", timeout=LOAD_TIMEOUT)
    expect(cards_with_text(phones[0], texts[0])).to_have_count(1)
    expect(cards_with_text(phones[0], texts[1])).to_have_count(0)
    expect(phones[0].get_by_test_id("join-submit")).to_have_count(0)
    expect(phones[0].get_by_test_id("participant-role")).to_have_count(0)


def test_markup_in_posts_and_names_is_shown_as_text(people, app_server):
    """A participant's `<script>` or `<img onerror>` must never run on the projector or a phone."""
    room = create_workshop(people.facilitator(), app_server.base_url, first_names=True)
    phone = people.phone().new_page()
    join(phone, f"{app_server.base_url}/j/{room.code}", name=NAME_PAYLOAD)
    move_to(room.console, "collect")
    expect(stage_of(phone)).to_have_attribute("data-stage", "collect", timeout=PUSH_TIMEOUT)
    post(phone, PAYLOAD)

    for page in (room.projector, room.console, phone):
        card = cards_with_text(page, PAYLOAD)
        expect(card).to_have_count(1, timeout=PUSH_TIMEOUT)
        expect(card.get_by_test_id("insight-text-shown")).to_have_text(PAYLOAD)
        expect(card.locator("img, script, i")).to_have_count(0)
        if page is not phone:  # the phone lists its own posts without the author line
            expect(card.locator(".card-meta")).to_contain_text(NAME_PAYLOAD)
    assert people.dialogs == []


@pytest.mark.parametrize(
    "double_tap",
    [
        pytest.param(lambda button: button.dblclick(), id="dblclick"),
        pytest.param(
            lambda button: button.evaluate("b => { b.click(); b.click(); }"),
            id="two-clicks-in-one-task",
        ),
    ],
)
def test_double_tap_on_send_posts_one_card(people, app_server, double_tap):
    """Both taps reach the server before it answers: the same story must go up once."""
    room = create_workshop(people.facilitator(), app_server.base_url)
    phone = people.phone().new_page()
    join(phone, f"{app_server.base_url}/j/{room.code}")
    move_to(room.console, "collect")
    expect(stage_of(phone)).to_have_attribute("data-stage", "collect", timeout=PUSH_TIMEOUT)

    text = "Ik tik altijd twee keer, voor de zekerheid."
    phone.get_by_test_id("insight-text").fill(text)
    double_tap(phone.get_by_test_id("insight-submit"))
    expect(cards_with_text(room.projector, text)).to_have_count(1, timeout=PUSH_TIMEOUT)

    # A later post from the same phone is handled after any duplicate would have been.
    later = "En daarna nog een los bericht."
    post(phone, later)
    expect(cards_with_text(room.projector, later)).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(cards_with_text(room.projector, text)).to_have_count(1)
    expect(cards_with_text(phone, text)).to_have_count(1)
    expect(room.projector.get_by_test_id("insight-card")).to_have_count(2)


def _seconds(clock: str) -> int:
    minutes, seconds = clock.split(":")
    return int(minutes) * 60 + int(seconds)


def test_timer_counts_down_alike_on_projector_and_phone(people, app_server):
    """Everyone in the room sees the same time left, counted from the server's clock."""
    room = create_workshop(people.facilitator(), app_server.base_url)
    phone = people.phone().new_page()
    join(phone, f"{app_server.base_url}/j/{room.code}")
    move_to(room.console, "collect")

    room.console.get_by_test_id("timer-minutes").fill("2")
    room.console.get_by_test_id("timer-start").click()

    running = re.compile(r"^1:5\d$")
    projector_timer = room.projector.get_by_test_id("stage-timer")
    phone_timer = phone.get_by_test_id("stage-timer")
    expect(projector_timer).to_have_text(running, timeout=PUSH_TIMEOUT)
    expect(phone_timer).to_have_text(running, timeout=PUSH_TIMEOUT)
    on_projector, on_phone = projector_timer.text_content(), phone_timer.text_content()
    assert abs(_seconds(on_projector) - _seconds(on_phone)) <= 2, (on_projector, on_phone)

    # It keeps counting down by itself, without another push from the server.
    expect(phone_timer).not_to_have_text(on_phone, timeout=PUSH_TIMEOUT)
    assert _seconds(phone_timer.text_content()) < _seconds(on_phone)


def test_unknown_code_shows_an_error_not_the_join_form(people, app_server):
    phone = people.phone().new_page()
    phone.goto(f"{app_server.base_url}/j/ZZZZZZZ")
    error = phone.get_by_test_id("error-message")
    expect(error).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(error).to_contain_text(translate("error_code_unknown", "nl"))
    expect(phone.get_by_test_id("join-submit")).to_have_count(0)


def test_typing_the_code_as_shown_on_the_projector_opens_the_phone_page(people, app_server):
    """Without a camera: /j, type the code as read aloud (any case, with its dash)."""
    room = create_workshop(people.facilitator(), app_server.base_url)
    shown = room.projector.get_by_test_id("join-code").text_content()
    assert shown.replace("-", "") == room.code

    phone = people.phone().new_page()
    phone.goto(f"{app_server.base_url}/j")
    wait_hydrated(phone.get_by_test_id("join-code-submit"))
    phone.get_by_test_id("join-code-input").fill(shown.lower())
    phone.get_by_test_id("join-code-submit").click()
    expect(phone).to_have_url(f"{app_server.base_url}/j/{room.code}", timeout=LOAD_TIMEOUT)
    expect(phone.get_by_test_id("join-submit")).to_be_visible(timeout=LOAD_TIMEOUT)


def test_facilitator_hides_a_card_from_the_projector_and_shows_it_again(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    phone = people.phone().new_page()
    join(phone, f"{app_server.base_url}/j/{room.code}")
    move_to(room.console, "collect")
    expect(stage_of(phone)).to_have_attribute("data-stage", "collect", timeout=PUSH_TIMEOUT)
    hidden, kept = "Dit hoort niet op het grote scherm.", "Dit mag iedereen zien."
    post(phone, hidden)
    post(phone, kept)
    expect(room.projector.get_by_test_id("insight-card")).to_have_count(2, timeout=PUSH_TIMEOUT)

    cards_with_text(room.console, hidden).get_by_test_id("insight-hide").click()
    expect(cards_with_text(room.projector, hidden)).to_have_count(0, timeout=PUSH_TIMEOUT)
    expect(cards_with_text(room.projector, kept)).to_have_count(1)
    expect(room.projector.get_by_test_id("insight-card-hidden")).to_have_count(0)
    # The console keeps it apart, with a way back.
    set_apart = cards_with_text(room.console, hidden, testid="insight-card-hidden")
    expect(set_apart.get_by_test_id("insight-show")).to_be_visible(timeout=PUSH_TIMEOUT)
    expect(cards_with_text(room.console, hidden)).to_have_count(0)

    set_apart.get_by_test_id("insight-show").click()
    expect(cards_with_text(room.projector, hidden)).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(room.projector.get_by_test_id("insight-card")).to_have_count(2)
    expect(room.console.get_by_test_id("insight-card-hidden")).to_have_count(0)


def test_double_click_on_next_step_moves_one_stage(people, app_server):
    """A facilitator's double click must not skip a stage (e.g. collect, before anyone posted)."""
    room = create_workshop(people.facilitator(), app_server.base_url)
    room.console.get_by_test_id("stage-next").dblclick()
    expect(stage_of(room.console)).not_to_have_attribute("data-stage", "welcome")

    # A later action from the same console is handled after both clicks were.
    prompt = "Wat viel je op?"
    room.console.get_by_test_id("prompt-input").fill(prompt)
    room.console.get_by_test_id("prompt-save").click()
    expect(room.projector.get_by_test_id("stage-prompt")).to_have_text(prompt, timeout=PUSH_TIMEOUT)
    for page in (room.console, room.projector):
        expect(stage_of(page)).to_have_attribute("data-stage", "collect")
