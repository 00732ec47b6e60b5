"""Review first in Chromium: a story waits on the console, not on the projector, until let
through (issue 13)."""

from playwright.sync_api import expect

from .room import PUSH_TIMEOUT, cards_with_text, create_workshop, join, move_to

STORY = "De bus rijdt 's avonds niet meer"


def test_a_story_reaches_the_projector_only_once_let_through(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    console, projector = room.console, room.projector
    move_to(console, "collect")
    console.get_by_test_id("review-first-on").click()
    expect(console.get_by_test_id("review-first-off")).to_be_visible(timeout=PUSH_TIMEOUT)
    phone = people.phone().new_page()
    join(phone, f"{app_server.public_url}/j/{room.code}")

    phone.get_by_test_id("insight-text").fill(STORY)
    phone.get_by_test_id("insight-submit").click()
    mine = cards_with_text(phone, STORY, testid="insight-card-waiting")
    expect(mine.get_by_test_id("waits-for-review")).to_be_visible(timeout=PUSH_TIMEOUT)
    waiting = cards_with_text(console, STORY, testid="insight-card-waiting")
    expect(waiting).to_have_count(1, timeout=PUSH_TIMEOUT)
    # The projector is pushed by the same batch as the console: by now it shows nothing.
    expect(projector.get_by_test_id("insight-text-shown")).to_have_count(0)

    waiting.get_by_test_id("insight-let-through").click()
    expect(cards_with_text(projector, STORY)).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(waiting).to_have_count(0)
    expect(cards_with_text(console, STORY)).to_have_count(1)
    phone.reload()
    expect(cards_with_text(phone, STORY).get_by_test_id("let-through")).to_be_visible(
        timeout=PUSH_TIMEOUT
    )
