"""Every page says on <html lang> which language it shows and in its title which page and
which workshop it is (WCAG 3.1.1, 2.4.2): start, console, projector, phone, join code,
records library, a record, privacy; a Dutch and an English workshop."""

import re

import pytest
from playwright.sync_api import Page, expect

from livinglab.web import routes

from .room import LOAD_TIMEOUT, join, wait_hydrated
from .scripted import ScriptedRoom
from .server import RECORDS_KEY

WORKSHOPS = {
    "nl": ("Werk en inkomen in Houten", "Console", "Beamer", "Telefoon", "Besluitenlog"),
    "en": ("Work and income in Houten", "Console", "Projector", "Phone", "Decision log"),
}


def shows(page: Page, lang: str, title: str) -> None:
    """The document's language and title, once the page has read its workshop."""
    expect(page).to_have_title(title, timeout=LOAD_TIMEOUT)
    page.wait_for_function(
        "lang => document.documentElement.lang === lang", arg=lang, timeout=LOAD_TIMEOUT
    )
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_names_its_language_page_and_workshop(people, app_server, lang):
    workshop, console, projector, phone, log = WORKSHOPS[lang]
    base = app_server.base_url
    room = ScriptedRoom(app_server.workdir / "e2e.db", title=workshop, question="?", language=lang)
    room.move_to("collect")
    facilitator = people.facilitator().new_page()
    facilitator.goto(routes.console_link(base, room.code, room.key))
    shows(facilitator, lang, f"{console} — {workshop}")
    facilitator.goto(base + routes.projector(room.code))
    shows(facilitator, lang, f"{projector} — {workshop}")
    mobile = people.phone().new_page()
    join(mobile, base + routes.phone(room.code))
    shows(mobile, lang, f"{phone} — {workshop}")
    privacy = people.phone().new_page()
    privacy.goto(base + routes.privacy(lang))
    shows(privacy, lang, "Privacy")

    room.move_to("closed")
    reader = people.facilitator().new_page()
    reader.goto(base + routes.RECORDS)
    shows(reader, "nl", "Besluitenlogs")  # the library is the organisation's, in Dutch
    wait_hydrated(reader.get_by_test_id("records-open"))
    reader.get_by_test_id("records-key").fill(RECORDS_KEY)
    reader.get_by_test_id("records-open").click()
    expect(reader.get_by_test_id("record-row").first).to_be_visible(timeout=LOAD_TIMEOUT)
    reader.goto(base + routes.record(room.code))
    shows(reader, lang, f"{log} — {workshop}")


def test_start_and_join_code_pages_follow_the_language_chosen(people, app_server):
    start = people.facilitator().new_page()
    start.goto(app_server.base_url + routes.START)
    shows(start, "nl", "Nieuwe workshop — livinglab")
    english = start.get_by_role("radio", name=re.compile("English"))
    wait_hydrated(english)
    english.check()
    shows(start, "en", "New workshop — livinglab")
    code = people.phone().new_page()
    code.goto(app_server.base_url + routes.JOIN_CODE)
    shows(code, "nl", "Meedoen")
