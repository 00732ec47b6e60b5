"""Dialogue toward change in real browsers: proposals, consent from two phones, the log."""

import json
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from livinglab.codes import format_code
from livinglab.records.record import verify

from .room import PUSH_TIMEOUT, create_workshop, join, move_to
from .server import RECORDS_KEY


def test_consent_from_two_phones_decision_and_download(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    join_url = f"{app_server.public_url}/j/{room.code}"
    anna, bram = people.phone().new_page(), people.phone().new_page()
    join(anna, join_url, role="resident")
    join(bram, join_url, role="civil_servant")
    move_to(room.console, "dialogue")
    console = room.console

    # A phone proposes; the facilitator puts it on the board.
    anna.get_by_test_id("phone-proposal-text").fill("Brieven in eenvoudige taal, met een leesgroep")
    anna.get_by_test_id("phone-proposal-submit").click()
    console.get_by_test_id("pending-accept").click()
    proposal = console.get_by_test_id("proposal")
    expect(proposal).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(bram.get_by_test_id("proposal")).to_contain_text("leesgroep", timeout=PUSH_TIMEOUT)

    console.get_by_test_id("consent-open").click()
    for phone, answer in ((anna, "agree"), (bram, "object")):
        expect(phone.get_by_test_id("consent-ballot")).to_be_visible(timeout=PUSH_TIMEOUT)
        phone.get_by_test_id(f"consent-{answer}").check()
        if answer == "object":
            phone.get_by_test_id("consent-reason").fill("Eerst budget regelen")
        phone.get_by_test_id("consent-submit").click()
        expect(phone.get_by_test_id("my-answer")).to_be_visible(timeout=PUSH_TIMEOUT)
    expect(room.projector.get_by_test_id("consent-answered")).to_have_text(
        "2", timeout=PUSH_TIMEOUT
    )
    expect(room.projector.get_by_test_id("consent-result")).to_have_count(0)
    console.get_by_test_id("consent-close").click()
    console.get_by_test_id("consent-reveal").click()
    result = room.projector.get_by_test_id("consent-result")
    expect(result).to_contain_text("Eerst budget regelen", timeout=PUSH_TIMEOUT)
    expect(anna.get_by_test_id("consent-counts")).to_contain_text(
        "Bezwaar: 1", timeout=PUSH_TIMEOUT
    )

    console.get_by_test_id("decision-outcome").select_option("adopted_with_changes")
    console.get_by_test_id("decision-rationale").fill("Breed gedragen, met de leesgroep")
    console.get_by_test_id("decision-save").click()
    expect(console.get_by_test_id("decision")).to_contain_text(
        "Aangenomen met wijzigingen", timeout=PUSH_TIMEOUT
    )
    console.get_by_test_id("action-what").fill("Leesgroep starten")
    console.get_by_test_id("action-owner").fill("Team Werk en Inkomen")
    console.get_by_test_id("action-due").fill("2027-01-15")
    console.get_by_test_id("action-add").click()
    expect(console.get_by_test_id("decision")).to_contain_text(
        "Leesgroep starten", timeout=PUSH_TIMEOUT
    )

    with console.expect_download(timeout=30_000) as download_info:
        console.get_by_test_id("download-pdf").click()
    download = download_info.value
    assert re.fullmatch(
        rf"livinglab-{room.code}-\d{{4}}-\d\d-\d\d\.pdf", download.suggested_filename
    )
    pdf = PdfReader(download.path())
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    for needle in (
        "Brieven in eenvoudige taal",
        "Eerst budget regelen",
        "Leesgroep starten",
        "Aangenomen met wijzigingen",
        "Team Werk en Inkomen",
    ):
        assert needle in text, needle

    # After closing, the same join link shows what was decided.
    move_to(console, "closed")
    expect(anna.get_by_test_id("you-said-we-did")).to_contain_text(
        "Leesgroep starten", timeout=PUSH_TIMEOUT
    )

    # A policy team finds the closed workshop's record behind the organisation's key.
    policy = people.facilitator().new_page()
    policy.goto(f"{app_server.base_url}/records")
    policy.get_by_test_id("records-key").fill("not-the-key")
    policy.get_by_test_id("records-open").click()
    expect(policy.get_by_test_id("error-message")).to_be_visible()
    policy.get_by_test_id("records-key").fill(RECORDS_KEY)
    policy.get_by_test_id("records-open").click()
    row = policy.get_by_test_id("record-row").filter(has_text=format_code(room.code))
    expect(row).to_have_count(1)
    with policy.expect_download(timeout=30_000) as download_info:
        row.get_by_test_id("record-json").click()
    record = json.loads(download_info.value.path().read_text())
    assert record["workshop"]["code"] == room.code and verify(record, record["digest"])
