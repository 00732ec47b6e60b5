"""Plain language: read aloud in the workshop's language, and the privacy page in NL and EN."""

import pytest
from playwright.sync_api import expect

from .room import PUSH_TIMEOUT, cards_with_text, create_workshop, join, move_to, post

#: Records what the page asks the browser to say, instead of saying it.
RECORD_SPEECH = """
window.__spoken = [];
window.speechSynthesis.speak = function (utterance) {
  window.__spoken.push({ text: utterance.text, lang: utterance.lang });
};
"""


@pytest.mark.parametrize(("language", "voice"), [("nl", "nl-NL"), ("en", "en-GB")])
def test_prompt_and_card_are_read_in_the_workshop_language(people, app_server, language, voice):
    room = create_workshop(people.facilitator(), app_server.base_url, language=language)
    move_to(room.console, "collect")
    phone_context = people.phone()
    phone_context.add_init_script(RECORD_SPEECH)
    phone = phone_context.new_page()
    join(phone, f"{app_server.base_url}/j/{room.code}")
    post(phone, "Ik begrijp de brief niet")

    instruction = phone.get_by_test_id("stage-instruction").inner_text()
    phone.get_by_test_id("stage-current").locator("..").get_by_test_id("read-aloud").click()
    cards_with_text(phone, "Ik begrijp de brief niet").get_by_test_id("read-aloud").click()
    phone.wait_for_function("window.__spoken.length === 2", timeout=PUSH_TIMEOUT)
    spoken = phone.evaluate("window.__spoken")
    assert spoken[0]["text"].startswith(instruction)
    assert spoken[1] == {"text": "Ik begrijp de brief niet", "lang": voice}
    assert spoken[0]["lang"] == voice
    expect(phone.get_by_test_id("read-aloud").first).to_have_attribute(
        "aria-label", "Lees voor" if language == "nl" else "Read aloud"
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_privacy_page_says_what_is_kept_in_the_workshop_language(people, app_server, language):
    room = create_workshop(people.facilitator(), app_server.base_url, language=language)
    phone = people.phone().new_page()
    phone.goto(f"{app_server.base_url}/j/{room.code}")
    phone.get_by_test_id("privacy-link").click()
    expect(phone.get_by_test_id("privacy_not_kept")).to_contain_text(
        "geen IP-adres" if language == "nl" else "no IP address", timeout=PUSH_TIMEOUT
    )
    assert phone.locator("main").get_attribute("lang") == language
