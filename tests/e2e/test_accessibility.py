"""WCAG 2.1 AA on every page in every stage, Dutch and English, checked with axe-core.

The projector is read from across a room: it must meet the enhanced (AAA) contrast too.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .room import (
    LOAD_TIMEOUT,
    PUSH_TIMEOUT,
    STAGES,
    create_workshop,
    join,
    make_theme,
    move_to,
    post,
    wait_hydrated,
)
from .server import RECORDS_KEY

AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
axe = Axe()


def violations(page: Page, *, enhanced_contrast: bool = False) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page as it is now, one line each."""
    tags = AA + (["wcag2aaa"] if enhanced_contrast else [])
    options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    if enhanced_contrast:
        # Of the AAA rules only contrast is asked of the projector.
        options["rules"] = {
            rule: {"enabled": False}
            for rule in ("identical-links-same-purpose", "meta-refresh-no-exceptions")
        }
    results = axe.run(page, options=options)
    return [
        f"{page.url} {violation['id']}: {violation['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_in_every_stage_has_no_wcag_violations(people, app_server, language):
    found: list[str] = []
    start = people.facilitator().new_page()
    start.goto(app_server.base_url + "/")
    wait_hydrated(start.get_by_test_id("create-submit"))
    found += violations(start)

    room = create_workshop(people.facilitator(), app_server.base_url, language=language)
    phone = people.phone().new_page()
    code_page = people.phone().new_page()
    code_page.goto(app_server.base_url + "/j")
    wait_hydrated(code_page.get_by_test_id("join-code-submit"))
    found += violations(code_page)

    phone.goto(f"{app_server.base_url}/j/{room.code}")
    expect(phone.get_by_test_id("join-submit")).to_be_visible(timeout=LOAD_TIMEOUT)
    found += violations(phone)  # the join form
    join(phone, f"{app_server.base_url}/j/{room.code}")

    for stage in STAGES:
        move_to(room.console, stage)
        expect(phone.get_by_test_id("stage-current")).to_have_attribute(
            "data-stage", stage, timeout=PUSH_TIMEOUT
        )
        if stage == "collect":
            post(phone, "De brieven van de gemeente zijn moeilijk")
        if stage == "sensemaking":
            make_theme(room.console, "Brieven")
            room.console.get_by_test_id("round-open").click()
            expect(phone.get_by_test_id("ballot")).to_be_visible(timeout=PUSH_TIMEOUT)
        if stage == "dialogue":
            room.console.get_by_test_id("proposal-text").fill("Brieven in eenvoudige taal")
            room.console.get_by_test_id("proposal-submit").click()
            room.console.get_by_test_id("consent-open").first.click()
            expect(phone.get_by_test_id("consent-ballot")).to_be_visible(timeout=PUSH_TIMEOUT)
        found += violations(room.console)
        found += violations(room.projector, enhanced_contrast=True)
        found += violations(phone)

    records = people.facilitator().new_page()
    records.goto(app_server.base_url + "/records")
    wait_hydrated(records.get_by_test_id("records-open"))
    found += violations(records)
    records.get_by_test_id("records-key").fill(RECORDS_KEY)
    records.get_by_test_id("records-open").click()
    expect(records.get_by_test_id("record-row").first).to_be_visible(timeout=PUSH_TIMEOUT)
    found += violations(records)
    assert found == []


def test_the_checker_finds_what_it_should(browser):
    """The check above can fail: an unlabelled field and low contrast are reported."""
    page = browser.new_page()
    page.set_content(
        '<html lang="nl"><body><main><h1>Test</h1><input type="text">'
        '<p style="color:#aaa;background:#fff">Grijs op wit</p></main></body></html>'
    )
    found = " ".join(violations(page))
    page.close()
    assert "label" in found
    assert "color-contrast" in found
