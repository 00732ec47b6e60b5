"""The records library in Chromium: a closed workshop's log read in the browser, as a
policy team opens it with the organisation's key, and WCAG 2.1 AA on its pages."""

import re

from playwright.sync_api import expect

from livinglab.web import routes

from .room import LOAD_TIMEOUT, PUSH_TIMEOUT, wait_hydrated
from .scripted import STORIES, ScriptedRoom
from .server import RECORDS_KEY
from .test_accessibility import violations


def closed_room(app_server) -> ScriptedRoom:
    """A workshop with stories, two themes, a revealed vote, a decision and its action."""
    room = ScriptedRoom(
        app_server.workdir / "e2e.db", title="Werk en inkomen", question="Wat helpt echt?"
    )
    room.join(9)
    room.move_to("collect")
    room.post(6)
    room.move_to("sensemaking")
    room.group(("Vervoer", "Schulden"), per_theme=3)
    room.vote(reveal=False)
    room.vote(reveal=True)
    room.move_to("dialogue")
    room.propose(2)
    room.consent()
    room.consent(answers=True, reveal=True)
    room.decide()
    room.move_to("closed")
    return room


def test_a_policy_team_reads_a_closed_workshops_log_in_the_library(people, app_server):
    room = closed_room(app_server)
    policy = people.facilitator().new_page()
    policy.goto(app_server.base_url + routes.RECORDS)
    wait_hydrated(policy.get_by_test_id("records-open"))
    policy.get_by_test_id("records-key").fill(RECORDS_KEY)
    policy.get_by_test_id("records-open").click()
    row = policy.get_by_test_id("record-row").filter(has_text=room.code[:3])
    expect(row).to_be_visible(timeout=PUSH_TIMEOUT)
    found = violations(policy)

    row.get_by_role("link", name="Werk en inkomen").click()
    expect(policy).to_have_url(app_server.base_url + routes.record(room.code))
    log = policy.get_by_test_id("record-page")
    expect(log.get_by_role("heading", level=1)).to_have_text(
        "Werk en inkomen", timeout=LOAD_TIMEOUT
    )
    expect(log).to_contain_text("Wat helpt echt?")
    expect(log.get_by_role("heading", name="Schulden")).to_be_visible()
    expect(log.get_by_text(STORIES[0], exact=False).first).to_be_visible()
    # The chart as on the projector: every theme voted on, with its dots as text.
    expect(log.get_by_test_id("result-item")).to_have_count(2)
    expect(log.get_by_test_id("consent-result")).to_contain_text("Eerst de wachttijd oplossen")
    expect(log.get_by_test_id("decision")).to_contain_text("Breed gedragen")
    expect(log.get_by_test_id("record-action")).to_contain_text(
        ["Proef met een vast aanspreekpunt in twee wijken"]
    )
    expect(log.get_by_test_id("record-digest")).to_have_text(re.compile("^[0-9a-f]{64}$"))
    found += violations(policy)

    # Opened again from its address, with the key kept in the cookie.
    policy.reload()
    expect(log.get_by_test_id("record-digest")).to_be_visible(timeout=LOAD_TIMEOUT)
    # Without the key, the log's own page asks for it and shows nothing of the log.
    stranger = people.phone().new_page()
    stranger.goto(app_server.base_url + routes.record(room.code))
    wait_hydrated(stranger.get_by_test_id("records-open"))
    expect(stranger.get_by_test_id("record-page")).not_to_contain_text("Wat helpt echt?")
    assert found == []
