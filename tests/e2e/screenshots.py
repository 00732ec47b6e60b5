"""Screenshots for the README: projector and phone while collecting, then the dialogue.

Not part of the test suite (it writes into docs/). Run from the project directory:

    .venv/bin/python -m tests.e2e.screenshots [--lang en] [--public-url URL]

It starts its own server from a copy of the project, like the tests do.
"""

import argparse
import re
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from livinglab.joinurl import lan_address

from .room import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    PROJECTOR,
    PUSH_TIMEOUT,
    cards_with_text,
    create_workshop,
    join,
    make_theme,
    move_to,
    post,
)
from .server import PROJECT, RECORDS_KEY, AppServer, free_port

CONTENT = {
    "nl": {
        "title": "Werk en inkomen in Houten",
        "question": "Wat helpt jou, of iemand die je kent, aan passend werk?",
        "prompt": "Vertel over een moment dat iets of iemand echt hielp.",
        "theme": "Brieven en regels",
        "proposal": "Eén vast aanspreekpunt voor werk en inkomen, met een vaste telefoontijd",
        "objection": "Eerst de wachttijd oplossen",
        "rationale": "Breed gedragen; het bezwaar over wachttijd nemen we mee in de proef.",
        "action": ("Proef met vast aanspreekpunt in twee wijken", "Team Werk en Inkomen"),
        "posts": [
            (
                "resident",
                "Via de buurtkamer kwam ik bij een werkgever die naar mij keek, niet naar mijn cv.",
            ),
            ("employer", "Een proefplaatsing van twee weken haalde bij ons alle twijfel weg."),
            (
                "civil_servant",
                "Eén vast aanspreekpunt bij de gemeente scheelt mensen veel formulieren.",
            ),
            (
                "professional",
                "De bus naar het bedrijventerrein rijdt pas na achten: voor de "
                "vroege dienst kom je er niet.",
            ),
        ],
    },
    "en": {
        "title": "Work and income in Houten",
        "question": "What helps you, or someone you know, find suitable work?",
        "prompt": "Tell us about a moment when something or someone really helped.",
        "theme": "Letters and rules",
        "proposal": "One fixed contact for work and income, with a fixed phone hour",
        "objection": "Solve the waiting time first",
        "rationale": "Broad support; the objection about waiting time goes into the trial.",
        "action": ("Trial a fixed contact in two neighbourhoods", "Work and Income team"),
        "posts": [
            (
                "resident",
                "At the neighbourhood centre I met an employer who looked at me, not at my CV.",
            ),
            ("employer", "A two-week trial placement took away all our doubts."),
            ("civil_servant", "One fixed contact person at the council saves people many forms."),
            (
                "professional",
                "The bus to the business park only runs after eight: too late for the early shift.",
            ),
        ],
    },
}


def take(docs: Path, language: str, public_url: str | None) -> None:
    """Fill a room with a few posts and photograph the projector and the last phone."""
    text = CONTENT[language]
    port = free_port()
    server = AppServer(port=port, public_url=public_url or f"http://{lan_address()}:{port}")
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            facilitator = browser.new_context(**PROJECTOR)
            room = create_workshop(
                facilitator,
                server.base_url,
                title=text["title"],
                question=text["question"],
                language=language,
            )
            join_url = f"{server.base_url}/j/{room.code}"
            phones = []
            for role, _ in text["posts"]:
                phone = browser.new_context(**PHONE).new_page()
                join(phone, join_url, role=role)
                phones.append(phone)
            move_to(room.console, "collect")
            room.console.get_by_test_id("prompt-input").fill(text["prompt"])
            room.console.get_by_test_id("prompt-save").click()
            room.console.get_by_test_id("timer-minutes").fill("10")
            room.console.get_by_test_id("timer-start").click()
            for phone, (_, story) in zip(phones, text["posts"], strict=True):
                expect(phone.get_by_test_id("stage-prompt")).to_have_text(
                    text["prompt"], timeout=PUSH_TIMEOUT
                )
                post(phone, story)
            for _, story in text["posts"]:
                expect(cards_with_text(room.projector, story)).to_have_count(1)
            for page in (room.projector, phones[-1]):
                expect(page.get_by_test_id("stage-timer")).to_have_text(
                    re.compile(r"^9:[0-5]\d$"), timeout=PUSH_TIMEOUT
                )
            room.projector.wait_for_timeout(600)  # the newest card has slid in
            room.projector.screenshot(path=docs / "projector.png")
            phones[-1].screenshot(path=docs / "phone.png")
            sensemaking(docs, text, room, phones, language)
            dialogue(docs, text, room, phones)
            policy = browser.new_context(**PROJECTOR).new_page()
            policy.goto(f"{server.base_url}/records")
            policy.get_by_test_id("records-key").fill(RECORDS_KEY)
            policy.get_by_test_id("records-open").click()
            expect(policy.get_by_test_id("record-row")).to_have_count(1)
            policy.screenshot(path=docs / "records.png")
            browser.close()
    finally:
        server.stop()


def sensemaking(docs: Path, text: dict, room, phones, language: str) -> None:
    """A theme with quick reactions from the phones; the privacy page a phone links to."""
    console = room.console
    move_to(console, "sensemaking")
    make_theme(console, text["theme"])
    for phone, kind in zip(phones, ("recognise", "affects_me", "recognise"), strict=False):
        button = phone.locator(f'[data-testid="reaction"][data-kind="{kind}"]')
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true", timeout=PUSH_TIMEOUT)
    expect(room.projector.get_by_test_id("reaction-count").first).to_be_visible(
        timeout=PUSH_TIMEOUT
    )
    phones[0].screenshot(path=docs / "phone-reactions.png", full_page=True)
    privacy = phones[-1].context.new_page()
    privacy.goto(phones[-1].url.split("/j/")[0] + "/privacy?lang=" + language)
    expect(privacy.get_by_test_id("privacy_kept")).to_be_visible(timeout=PUSH_TIMEOUT)
    privacy.screenshot(path=docs / "privacy.png", full_page=True)
    privacy.close()


def dialogue(docs: Path, text: dict, room, phones) -> None:
    """A proposal, a consent round with one objection, a decision with an action, the close."""
    console = room.console
    move_to(console, "dialogue")
    console.get_by_test_id("proposal-text").fill(text["proposal"])
    console.get_by_test_id("proposal-submit").click()
    console.get_by_test_id("consent-open").click()
    for index, phone in enumerate(phones):
        expect(phone.get_by_test_id("consent-ballot")).to_be_visible(timeout=PUSH_TIMEOUT)
        if index == 0:
            phones[0].screenshot(path=docs / "phone-consent.png")
        answer = "object" if index == 1 else ("agree" if index % 2 == 0 else "live_with")
        phone.get_by_test_id(f"consent-{answer}").check()
        if answer == "object":
            phone.get_by_test_id("consent-reason").fill(text["objection"])
        phone.get_by_test_id("consent-submit").click()
        expect(phone.get_by_test_id("my-answer")).to_be_visible(timeout=PUSH_TIMEOUT)
    console.get_by_test_id("consent-close").click()
    console.get_by_test_id("consent-reveal").click()
    expect(room.projector.get_by_test_id("consent-result")).to_contain_text(
        text["objection"], timeout=PUSH_TIMEOUT
    )
    console.get_by_test_id("decision-outcome").select_option("adopted_with_changes")
    console.get_by_test_id("decision-rationale").fill(text["rationale"])
    console.get_by_test_id("decision-save").click()
    what, owner = text["action"]
    console.get_by_test_id("action-what").fill(what)
    console.get_by_test_id("action-owner").fill(owner)
    console.get_by_test_id("action-due").fill("2027-03-01")
    console.get_by_test_id("action-add").click()
    expect(console.get_by_test_id("decision")).to_contain_text(what, timeout=PUSH_TIMEOUT)
    expect(room.projector.get_by_test_id("decision")).to_contain_text(what, timeout=PUSH_TIMEOUT)
    room.projector.screenshot(path=docs / "projector-dialogue.png")
    move_to(console, "closed")
    expect(phones[0].get_by_test_id("you-said-we-did")).to_contain_text(what, timeout=PUSH_TIMEOUT)
    phones[0].screenshot(path=docs / "phone-closed.png", full_page=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(CONTENT), default="nl")
    parser.add_argument("--public-url", help="what the QR code shows (default: LAN address)")
    parser.add_argument("--docs", type=Path, default=PROJECT / "docs")
    args = parser.parse_args()
    args.docs.mkdir(parents=True, exist_ok=True)
    take(args.docs, args.lang, args.public_url)
    print(f"wrote screenshots into {args.docs}")


if __name__ == "__main__":
    main()
