"""The console follows the stage; phones answer where people act (issue 12), in Chromium.

Set LIVINGLAB_SCREENSHOTS to a folder to also keep what the tests saw there.
"""

import os
import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from livinglab.i18n import translate
from livinglab.limits import INSIGHT_MAX

from .room import (
    LOAD_TIMEOUT,
    PUSH_TIMEOUT,
    cards_with_text,
    create_workshop,
    join,
    make_theme,
    move_to,
    post,
    press_next,
)

LAPTOP = {"width": 1366, "height": 768}
EMOJI = "\N{GRINNING FACE}"  # one code point, two UTF-16 units
#: The controls of each stage that must be on the laptop's first screen.
MAIN_CONTROLS = {
    "collect": ("stage-next", "timer-start"),
    "sensemaking": ("suggest-themes", "round-open"),
    "dialogue": ("proposal-text",),
}


def snapshot(page: Page, name: str) -> None:
    folder = os.environ.get("LIVINGLAB_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def assert_in_first_screen(page: Page, hook: str) -> None:
    """The first `hook` on `page` lies wholly inside the viewport, scrolled to the top."""
    page.evaluate("window.scrollTo(0, 0)")
    locator = page.get_by_test_id(hook).first
    expect(locator).to_be_visible(timeout=PUSH_TIMEOUT)
    assert_in_view(page, locator)


def assert_in_view(page: Page, locator: Locator) -> None:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None, locator
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, (locator, box, height)


def only_refusal(page: Page) -> Locator:
    """The one refusal on `page` (one message per refusal, never a copy elsewhere)."""
    error = page.get_by_test_id("error-message")
    expect(error).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(error).to_be_visible()
    return error


def test_each_stage_brings_its_main_controls_into_the_laptops_first_screen(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    console = room.console
    console.set_viewport_size(LAPTOP)
    phone = people.phone().new_page()
    join(phone, f"{app_server.public_url}/j/{room.code}")

    for stage in ("collect", "sensemaking", "dialogue"):
        move_to(console, stage)
        expect(console.get_by_test_id("now")).to_have_attribute("data-stage", stage)
        expect(console.get_by_test_id("now-instruction")).to_have_text(
            translate(f"now_{stage}", "nl")
        )
        for hook in MAIN_CONTROLS[stage]:
            assert_in_first_screen(console, hook)
        if stage == "collect":
            post(phone, "De bus naar het bedrijventerrein rijdt pas om acht uur")
        if stage == "sensemaking":
            make_theme(console, "Vervoer")
            expect(console.get_by_test_id("theme-column")).to_have_count(2, timeout=PUSH_TIMEOUT)
            console.get_by_test_id("round-open").click()
            assert_in_first_screen(console, "round-reveal")
        if stage == "dialogue":
            console.get_by_test_id("proposal-text").fill("Een vroege bus op werkdagen")
            console.get_by_test_id("proposal-submit").click()
            for hook in ("consent-open", "decision-save"):
                assert_in_first_screen(console, hook)
            # The vote of the stage before is still reachable, folded away.
            expect(console.get_by_test_id("round-status")).to_be_hidden()
            console.get_by_text(translate("theme_tools_heading", "nl")).click()
            expect(console.get_by_test_id("round-status")).to_be_visible()
            console.get_by_text(translate("theme_tools_heading", "nl")).click()
        snapshot(console, f"console-{stage}")

    # Closing asks first, and says what the phones will see.
    press_next(console)
    ask = console.get_by_test_id("stage-close")
    expect(ask).to_contain_text(translate("close_explain", "nl"))
    assert_in_view(console, ask)
    snapshot(console, "console-close-confirm")
    console.get_by_test_id("stage-close-cancel").click()
    expect(ask).to_have_count(0)
    expect(console.get_by_test_id("stage-current")).to_have_attribute("data-stage", "dialogue")
    move_to(console, "closed")
    expect(phone.get_by_test_id("you-said-we-did")).to_be_visible(timeout=PUSH_TIMEOUT)
    assert_in_first_screen(console, "download-pdf")


def test_a_refused_dot_and_a_refused_story_are_explained_in_view_beside_them(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    console = room.console
    phone = people.phone().new_page()
    join(phone, f"{app_server.public_url}/j/{room.code}")
    move_to(console, "collect")

    # A story of only spaces passes the browser's "required" and is refused by the server.
    phone.get_by_test_id("insight-text").fill("   ")
    phone.get_by_test_id("insight-submit").click()
    error = only_refusal(phone)
    expect(error).to_contain_text(translate("error_text_empty", "nl"))
    story_form = phone.locator("form").filter(has=phone.get_by_test_id("insight-submit"))
    expect(story_form.get_by_test_id("error-message")).to_have_count(1)
    assert_in_view(phone, error)
    post(phone, "Zonder auto kom je niet bij de vroege dienst")

    move_to(console, "sensemaking")
    themes = ("Vervoer", "Schulden", "Werk", "Taal", "Zorg", "Wonen", "Geld", "Kinderopvang")
    for name in themes:
        make_theme(console, name)
        expect(
            console.locator(f'[data-testid="theme-column"][data-theme-name="{name}"]')
        ).to_have_count(1, timeout=PUSH_TIMEOUT)
    console.get_by_test_id("round-open").click()  # three dots, one per item
    expect(phone.get_by_test_id("ballot-item")).to_have_count(len(themes), timeout=PUSH_TIMEOUT)
    lines = phone.get_by_test_id("ballot-item")
    for index in range(3):
        lines.nth(index).get_by_test_id("dot-add").click()
    expect(phone.get_by_test_id("dots-left")).to_have_text("0", timeout=PUSH_TIMEOUT)
    last = lines.nth(len(themes) - 1)
    last.get_by_test_id("dot-add").click()
    error = only_refusal(phone)
    expect(last.get_by_test_id("error-message")).to_have_count(1)
    assert_in_view(phone, error)
    assert_in_view(phone, last.get_by_test_id("dot-add"))
    snapshot(phone, "phone-refused-dot")


def test_the_theme_menu_under_ones_own_story_starts_at_its_theme(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    console = room.console
    phone = people.phone().new_page()
    join(phone, f"{app_server.public_url}/j/{room.code}")
    move_to(console, "collect")
    grouped, loose = "De bus rijdt te laat", "Formulieren zijn moeilijk"
    post(phone, grouped)
    post(phone, loose)
    move_to(console, "sensemaking")
    # The stage's own tools replace the collect screen: wait for them, and for each theme
    # to be on the board before the next (its push renders the form again).
    expect(console.get_by_test_id("now")).to_have_attribute("data-stage", "sensemaking")
    for name in ("Brieven", "Vervoer"):
        make_theme(console, name)
        column = console.locator(f'[data-testid="theme-column"][data-theme-name="{name}"]')
        expect(column).to_have_count(1, timeout=PUSH_TIMEOUT)
    vervoer = console.locator('[data-testid="theme-column"][data-theme-name="Vervoer"]')
    cards_with_text(console, grouped).get_by_test_id("card-move").select_option(label="Vervoer")
    expect(vervoer.get_by_test_id("insight-card")).to_have_count(1, timeout=PUSH_TIMEOUT)

    phone.reload()  # a phone reads its own cards on load and after its own acts
    menu = cards_with_text(phone, grouped).get_by_test_id("suggest-theme-select")
    expect(menu).to_have_value(vervoer.get_attribute("data-drop-theme"), timeout=PUSH_TIMEOUT)
    expect(menu.locator("option:checked")).to_have_text("Vervoer")
    # Not in a theme yet: the menu asks to choose, it does not pretend the first theme.
    loose_menu = cards_with_text(phone, loose).get_by_test_id("suggest-theme-select")
    expect(loose_menu).to_have_value("")


def test_the_story_counter_and_the_server_count_the_same_characters(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    phone = people.phone().new_page()
    join(phone, f"{app_server.public_url}/j/{room.code}")
    move_to(room.console, "collect")
    field, left = phone.get_by_test_id("insight-text"), phone.get_by_test_id("story-chars-left")
    expect(left).to_have_text(f"Nog {INSIGHT_MAX} tekens")

    field.fill(EMOJI * 250)  # 500 UTF-16 units: a maxlength of 500 would be full here
    expect(left).to_have_text(f"Nog {INSIGHT_MAX - 250} tekens")
    field.fill(EMOJI * INSIGHT_MAX)
    expect(left).to_have_text("Nog 0 tekens")
    post(phone, EMOJI * INSIGHT_MAX)  # accepted by the server
    expect(left).to_have_text(f"Nog {INSIGHT_MAX} tekens")  # the field was emptied

    too_long = EMOJI * 250 + "a" * (INSIGHT_MAX - 250 + 1)
    field.fill(too_long)
    assert field.evaluate("el => Array.from(el.value).length") == INSIGHT_MAX + 1
    expect(left).to_have_text(translate("chars_over_one", "nl"))
    phone.get_by_test_id("insight-submit").click()
    error = only_refusal(phone)
    expect(error).to_contain_text(translate("error_text_too_long", "nl"))
    assert_in_view(phone, error)
    expect(field).to_have_value(too_long)  # kept, to make it shorter
    snapshot(phone, "phone-story-too-long")

    # The edit form of one's own story counts the same way.
    phone.get_by_test_id("insight-edit").click()
    expect(phone.get_by_test_id("edit-chars-left")).to_have_text("Nog 0 tekens")
    edit = phone.get_by_test_id("insight-edit-text")
    edit.press("End")
    edit.press("Backspace")  # one emoji, one character
    expect(phone.get_by_test_id("edit-chars-left")).to_have_text("Nog 1 teken")
    edit.press_sequentially("b")
    expect(phone.get_by_test_id("edit-chars-left")).to_have_text("Nog 0 tekens")


def test_a_shortcut_moves_the_stage_but_not_while_typing(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    console, current = room.console, room.console.get_by_test_id("stage-current")
    expect(console.locator('[data-shortcut="n"]')).to_have_count(1)
    console.locator("body").click(position={"x": 5, "y": 5})
    console.keyboard.press("n")
    expect(current).to_have_attribute("data-stage", "collect", timeout=PUSH_TIMEOUT)

    prompt = console.get_by_test_id("prompt-input")
    prompt.click()
    prompt.press_sequentially("nb")
    expect(prompt).to_have_value("nb")
    console.get_by_test_id("timer-minutes").press("n")
    console.wait_for_timeout(1_000)  # time enough for a push, had the stage moved
    expect(current).to_have_attribute("data-stage", "collect")

    console.locator("body").click(position={"x": 5, "y": 5})
    console.keyboard.press("t")
    expect(console.get_by_test_id("stage-timer")).to_have_text(
        re.compile(r"^[45]:\d\d$"), timeout=PUSH_TIMEOUT
    )
    console.keyboard.press("b")
    expect(current).to_have_attribute("data-stage", "welcome", timeout=PUSH_TIMEOUT)

    # WCAG 2.1.4: switched off, a letter does nothing, also after a reload.
    console.get_by_test_id("shortcuts").locator("summary").click()
    console.get_by_test_id("shortcuts-switch").uncheck()
    console.reload()
    expect(console.get_by_test_id("shortcuts-switch")).not_to_be_checked(timeout=LOAD_TIMEOUT)
    console.locator("body").click(position={"x": 5, "y": 5})
    console.keyboard.press("n")
    console.wait_for_timeout(1_000)  # time enough for a push, had the stage moved
    expect(current).to_have_attribute("data-stage", "welcome")
