"""The records library in Chromium: a closed workshop's log read in the browser, as a
policy team opens it with the organisation's key, and WCAG 2.1 AA on its pages."""

import re

from playwright.sync_api import expect

from livinglab.web import routes

from .room import LOAD_TIMEOUT, PUSH_TIMEOUT, join, post, wait_hydrated
from .scripted import STORIES, ScriptedRoom
from .server import RECORDS_KEY
from .test_accessibility import violations
from .test_light_pages import LAYOUT_PROBLEMS, NARROW, TARGET_PX, TEXT_200


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


MINE = "Mijn buurman Piet werkt bij de gemeente en hielp mij"


def _layout_problems(page, where: str) -> list[str]:
    """At 320 px, with normal and with 200 % text: nothing scrolls sideways or is cut off."""
    page.set_viewport_size(NARROW)
    limits = {"width": NARROW["width"], "least": TARGET_PX}
    found = [f"{where}: {p}" for p in page.evaluate(LAYOUT_PROBLEMS, limits)]
    large_text = page.add_style_tag(content=TEXT_200)
    found += [f"{where}, text 200%: {p}" for p in page.evaluate(LAYOUT_PROBLEMS, limits)]
    large_text.evaluate("style => style.remove()")
    page.set_viewport_size({"width": 360, "height": 740})
    return found


def test_a_participant_asks_to_remove_their_stories_and_the_organisation_grants_it(
    people, app_server, tmp_path
):
    phone = people.phone().new_page()
    room = ScriptedRoom(
        app_server.workdir / "e2e.db", title="Wonen in de wijk", question="Wat mist er?"
    )
    room.join(3)
    join(phone, app_server.base_url + routes.phone(room.code))
    room.move_to("collect")
    phone.reload()  # the scripted room moves the stage from another process
    post(phone, MINE)
    room.post(2)
    room.move_to("closed")

    # After closing, the phone asks, is asked "are you sure?", and sees the request sent.
    phone.reload()
    ask = phone.get_by_test_id("erasure-request")
    expect(ask).to_be_visible(timeout=LOAD_TIMEOUT)
    ask.click()
    phone.get_by_test_id("erasure-confirm").click()
    erasure = phone.get_by_test_id("erasure")
    expect(erasure).to_have_attribute("data-erasure", "waiting", timeout=PUSH_TIMEOUT)
    expect(erasure).to_contain_text("Je verzoek is verstuurd")
    phone.screenshot(path=tmp_path / "phone-erasure-asked.png", full_page=True)
    problems = _layout_problems(phone, "phone, request sent")

    # The organisation sees the request with the count, and grants it with a reason.
    policy = people.facilitator().new_page()
    policy.set_viewport_size({"width": 1366, "height": 768})
    policy.goto(app_server.base_url + routes.RECORDS)
    wait_hydrated(policy.get_by_test_id("records-open"))
    policy.get_by_test_id("records-key").fill(RECORDS_KEY)
    policy.get_by_test_id("records-open").click()
    requests = policy.get_by_test_id("erasure-requests")
    expect(requests.get_by_role("heading", level=2)).to_have_text(
        "Verzoeken om verhalen te verwijderen (1)", timeout=PUSH_TIMEOUT
    )
    line = requests.get_by_test_id("erasure-request-line").filter(has_text="Wonen in de wijk")
    expect(line).to_contain_text("Aantal verhalen: 1")
    requests.scroll_into_view_if_needed()
    policy.screenshot(path=tmp_path / "records-erasure-requests.png")
    found = violations(policy)
    line.get_by_test_id("correction-reason").fill("Verzoek van de deelnemer (AVG)")
    line.get_by_test_id("erasure-grant").click()
    expect(line).to_have_count(0, timeout=PUSH_TIMEOUT)
    expect(requests.get_by_role("heading", level=2)).to_have_text(
        "Verzoeken om verhalen te verwijderen (0)"
    )

    # The log is version 2: the story is gone, the correction says what, why and who.
    policy.goto(app_server.base_url + routes.record(room.code))
    log = policy.get_by_test_id("record-page")
    expect(log.get_by_test_id("record-version")).to_contain_text(
        "Versie 2 van het verslag", timeout=LOAD_TIMEOUT
    )
    expect(log.get_by_test_id("record-correction")).to_contain_text(
        ["1 verhaal verwijderd op verzoek (AVG)"]
    )
    expect(log.get_by_test_id("record-correction")).to_contain_text(
        ["Verzoek van de deelnemer (AVG)"]
    )
    expect(log).not_to_contain_text(MINE)
    expect(log.get_by_text(STORIES[0], exact=False).first).to_be_visible()
    policy.screenshot(path=tmp_path / "records-log-version-2.png", full_page=True)
    found += violations(policy)

    # The phone, reloaded, says its stories were removed.
    phone.reload()
    expect(phone.get_by_test_id("erasure")).to_have_attribute(
        "data-erasure", "granted", timeout=LOAD_TIMEOUT
    )
    expect(phone.get_by_test_id("erasure")).to_contain_text("Je verhalen zijn weggehaald")
    phone.screenshot(path=tmp_path / "phone-erasure-granted.png", full_page=True)
    problems += _layout_problems(phone, "phone, removed")

    # The closed workshop's console hides a story as a correction, with a reason.
    console = people.facilitator().new_page()
    console.set_viewport_size({"width": 1366, "height": 768})
    console.goto(routes.console_link(app_server.base_url, room.code, room.key))
    card = console.get_by_test_id("insight-card").filter(has_text=STORIES[0])
    expect(card).to_have_count(1, timeout=LOAD_TIMEOUT)
    card.locator("summary").click()
    card.get_by_test_id("correction-reason").fill("Er staat een adres in")
    console.screenshot(path=tmp_path / "console-closed-correction.png")
    card.get_by_test_id("correction-save").click()
    hidden = console.get_by_test_id("insight-card-hidden").filter(has_text=STORIES[0])
    expect(hidden).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(hidden.locator("summary")).to_have_text("Weer tonen…")
    found += violations(console)
    assert found == [] and problems == []
