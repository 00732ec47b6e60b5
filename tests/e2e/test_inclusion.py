"""Taking part without typing, in real browsers: a story written down for someone on paper,
quick reactions from a phone, and deleting a workshop."""

from playwright.sync_api import expect

from .room import PUSH_TIMEOUT, cards_with_text, create_workshop, join, make_theme, move_to


def test_paper_story_reactions_and_deleting_the_workshop(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    console = room.console
    move_to(console, "collect")

    # Someone without a phone: the facilitator adds them and writes their story down.
    console.get_by_text("Meedoen zonder telefoon").click()
    console.locator('input[name="name"]').first.fill("Mevrouw J.")
    console.get_by_test_id("paper-add").click()
    expect(console.get_by_test_id("write-for-who")).to_be_visible(timeout=PUSH_TIMEOUT)
    console.get_by_test_id("write-for-text").fill("De formulieren zijn te moeilijk")
    console.get_by_test_id("write-for-submit").click()
    written = cards_with_text(room.projector, "De formulieren zijn te moeilijk")
    expect(written).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(written).to_contain_text("opgeschreven door de begeleider")
    expect(console.get_by_test_id("write-for-text")).to_have_value("")

    phone = people.phone().new_page()
    join(phone, f"{app_server.base_url}/j/{room.code}")
    move_to(console, "sensemaking")
    make_theme(console, "Formulieren")
    idea = phone.get_by_test_id("reaction").filter(has_text="Idee")
    expect(idea).to_have_attribute("aria-pressed", "false", timeout=PUSH_TIMEOUT)
    idea.click()
    expect(idea).to_have_attribute("aria-pressed", "true", timeout=PUSH_TIMEOUT)
    count = room.projector.locator('[data-testid="reaction-count"][data-kind="idea"]')
    expect(count).to_have_text(" 1", timeout=PUSH_TIMEOUT)
    idea.click()  # taken back
    expect(idea).to_have_attribute("aria-pressed", "false", timeout=PUSH_TIMEOUT)
    expect(count).to_have_count(0, timeout=PUSH_TIMEOUT)

    # Deleting needs the code typed; a wrong one deletes nothing.
    console.get_by_text("Workshop wissen").click()
    console.get_by_test_id("delete-code").fill("VERKEERD")
    console.get_by_test_id("delete-submit").click()
    expect(console.get_by_test_id("error-message")).to_be_visible(timeout=PUSH_TIMEOUT)
    expect(cards_with_text(console, "De formulieren zijn te moeilijk")).to_have_count(1)
    console.get_by_test_id("delete-code").fill(room.code)
    console.get_by_test_id("delete-submit").click()
    expect(console.get_by_test_id("deleted")).to_be_visible(timeout=PUSH_TIMEOUT)
    phone.reload()
    expect(phone.get_by_test_id("error-message")).to_be_visible(timeout=PUSH_TIMEOUT)
