"""The records library in Chromium: a closed workshop's log read in the browser, as a
policy team opens it with the organisation's key, and WCAG 2.1 AA on its pages."""

import re

from playwright.sync_api import expect

from livinglab.web import routes

from .room import LOAD_TIMEOUT, PUSH_TIMEOUT, join, wait_hydrated
from .scripted import STORIES, ScriptedRoom
from .server import RECORDS_KEY
from .test_accessibility import violations


def closed_room(app_server, phone=None) -> ScriptedRoom:
    """A workshop with stories, two themes, a revealed vote, a decision and its action;
    `phone` (a page) joins it from its link first."""
    room = ScriptedRoom(
        app_server.workdir / "e2e.db", title="Werk en inkomen", question="Wat helpt echt?"
    )
    room.join(9)
    room.move_to("collect")
    if phone is not None:
        join(phone, app_server.base_url + routes.phone(room.code))
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


NOTE = "De nieuwe brief is vanaf 1 maart in gebruik"


def test_a_policy_team_reads_a_log_follows_an_action_up_and_the_phone_shows_it(people, app_server):
    phone = people.phone().new_page()
    room = closed_room(app_server, phone)
    policy = people.facilitator().new_page()
    policy.goto(app_server.base_url + routes.RECORDS)
    wait_hydrated(policy.get_by_test_id("records-open"))
    policy.get_by_test_id("records-key").fill(RECORDS_KEY)
    policy.get_by_test_id("records-open").click()
    row = policy.get_by_test_id("record-row").filter(has_text=room.code[:3])
    expect(row).to_be_visible(timeout=PUSH_TIMEOUT)
    expect(policy.get_by_test_id("open-action")).to_contain_text(
        ["Proef met een vast aanspreekpunt in twee wijken"]
    )
    # The organisation's key never goes into a calendar address: a person's link does.
    expect(policy.get_by_test_id("actions-calendar")).to_have_count(0)

    # A word from a story, found in the library and marked where it stands.
    policy.get_by_test_id("records-search").fill("bedrijventerrein")
    policy.get_by_test_id("records-find").click()
    hit = policy.get_by_test_id("records-hit").filter(has_text=STORIES[0])
    expect(hit.first.locator("mark").first).to_have_text("bedrijventerrein", timeout=PUSH_TIMEOUT)
    expect(policy.get_by_test_id("records-count")).to_have_text(re.compile("bedrijventerrein"))
    expect(policy.get_by_test_id("records-more")).to_have_count(0)  # a few hits: all shown
    found = violations(policy)

    # Other modules on this server close workshops too (the demo tells the same story).
    hit.locator(f'a[href$="{routes.record(room.code)}"]').first.click()
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

    action = log.get_by_test_id("record-action")
    expect(action).to_contain_text("Gepland")
    action.get_by_test_id("action-status").select_option("in_progress")
    action.get_by_test_id("action-note").fill(NOTE)
    action.get_by_test_id("action-update").click()
    expect(action.get_by_test_id("followup")).to_contain_text(NOTE, timeout=PUSH_TIMEOUT)
    expect(action.get_by_test_id("followup")).to_contain_text("Bezig")
    found += violations(policy)

    # The participant's own link shows the decision's action with its dated note.
    phone.reload()
    said = phone.get_by_test_id("you-said-we-did")
    expect(said.get_by_test_id("followup")).to_contain_text(NOTE, timeout=LOAD_TIMEOUT)

    # Opened again from its address, with the key kept in the cookie.
    policy.reload()
    expect(log.get_by_test_id("record-digest")).to_be_visible(timeout=LOAD_TIMEOUT)
    # Without the key, the log's own page asks for it and shows nothing of the log.
    stranger = people.phone().new_page()
    stranger.goto(app_server.base_url + routes.record(room.code))
    wait_hydrated(stranger.get_by_test_id("records-open"))
    expect(stranger.get_by_test_id("record-page")).not_to_contain_text("Wat helpt echt?")
    # Someone who never joined opens the join link months later: what came of it, no names.
    stranger.goto(f"{app_server.base_url}/j/{room.code}")
    said = stranger.get_by_test_id("you-said-we-did")
    expect(said.get_by_test_id("followup")).to_contain_text(NOTE, timeout=LOAD_TIMEOUT)
    found += violations(stranger)
    assert found == []
