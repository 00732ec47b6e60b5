"""Two people run a room, in Chromium: a co-facilitator link, its limits, revoking it while
its console is open; the console on a second device by QR; a workshop from a ready agenda,
found again on the start page."""

import re

from playwright.sync_api import expect

from .room import (
    LOAD_TIMEOUT,
    PUSH_TIMEOUT,
    cards_with_text,
    create_workshop,
    decode_qr,
    join,
    move_to,
    post,
    wait_hydrated,
)


def test_a_cofacilitator_moderates_until_the_facilitator_stops_the_link(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    move_to(room.console, "collect")
    phone = people.phone().new_page()
    join(phone, f"{app_server.base_url}/j/{room.code}")
    post(phone, "De brief was te moeilijk")
    post(phone, "Niemand nam op")

    console = room.console
    console.get_by_text(re.compile("^(Samen begeleiden|Run the room together)$")).click()
    console.get_by_test_id("cofacilitator-invite").click()
    link_field = console.get_by_test_id("cofacilitator-link")
    expect(link_field).to_have_value(re.compile(r"/f/\w+\?key=."), timeout=PUSH_TIMEOUT)
    link = link_field.input_value()

    helper = people.facilitator().new_page()
    helper.goto(link)
    expect(helper).to_have_url(f"{app_server.base_url}/f/{room.code}", timeout=LOAD_TIMEOUT)
    expect(cards_with_text(helper, "Niemand nam op")).to_have_count(1, timeout=LOAD_TIMEOUT)
    expect(helper.get_by_test_id("cofacilitator-invite")).to_have_count(0)  # not theirs to give

    cards_with_text(helper, "Niemand nam op").get_by_test_id("insight-hide").click()
    expect(cards_with_text(console, "Niemand nam op", testid="insight-card-hidden")).to_have_count(
        1, timeout=PUSH_TIMEOUT
    )
    expect(cards_with_text(room.projector, "Niemand nam op")).to_have_count(0, timeout=PUSH_TIMEOUT)

    # Moving the workshop on, downloads and links stay with the facilitator (the server
    # refuses them too: tests/state/test_cofacilitator_views.py calls every handler).
    for tool in ("stage-next", "timer-start", "download-pdf", "delete-submit"):
        expect(helper.get_by_test_id(tool)).to_have_count(0)

    console.get_by_test_id("cofacilitator-revoke").click()
    # Its console is open, its socket too: the next push leaves nothing of the room there.
    expect(cards_with_text(helper, "De brief was te moeilijk")).to_have_count(
        0, timeout=PUSH_TIMEOUT
    )
    helper.reload()
    expect(helper.get_by_test_id("insight-card")).to_have_count(0, timeout=LOAD_TIMEOUT)
    expect(cards_with_text(console, "De brief was te moeilijk")).to_have_count(1)


def test_the_console_opens_on_a_second_device_from_its_own_qr_code(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    console = room.console
    console.get_by_text(
        re.compile("^(Open op een tweede apparaat|Open on a second device)$")
    ).click()
    console.get_by_test_id("own-link-show").click()
    link = decode_qr(console.get_by_test_id("own-link-qr"))
    assert link.startswith(f"{app_server.base_url}/f/{room.code}?key=")
    second = people.facilitator().new_page()
    second.goto(link)
    expect(second.get_by_test_id("stage-next")).to_be_enabled(timeout=LOAD_TIMEOUT)


def test_a_workshop_from_a_ready_agenda_is_found_again_on_the_start_page(people, app_server):
    page = people.facilitator().new_page()
    page.goto(app_server.base_url + "/")
    wait_hydrated(page.get_by_test_id("create-submit"))
    choices = page.get_by_test_id("template")
    expect(choices).to_have_count(3, timeout=LOAD_TIMEOUT)  # empty and two ready agendas
    choices.nth(2).click()  # work and income (the server answers, then it is checked)
    expect(choices.nth(2)).to_be_checked(timeout=PUSH_TIMEOUT)
    expect(page.get_by_test_id("create-title")).to_have_value("Werk en inkomen")
    page.get_by_test_id("create-submit").click()
    link = page.get_by_test_id("facilitator-link")
    expect(link).to_have_attribute("href", re.compile(r"/f/\w+\?key=."), timeout=LOAD_TIMEOUT)
    code = re.search(r"/f/(\w+)\?", link.get_attribute("href")).group(1)
    page.goto(link.get_attribute("href"))
    move_to(page, "collect")
    expect(page.get_by_test_id("stage-prompt")).to_contain_text("werk, een uitkering of schulden")

    page.goto(app_server.base_url + "/")
    own = page.get_by_test_id("own-workshop")
    expect(own).to_have_count(1, timeout=LOAD_TIMEOUT)
    expect(own).to_contain_text("Werk en inkomen")
    own.get_by_role("link").click()
    expect(page).to_have_url(f"{app_server.base_url}/f/{code}", timeout=LOAD_TIMEOUT)
    expect(page.get_by_test_id("stage-current")).to_have_attribute("data-stage", "collect")
