"""Screenshots for the README: the projector and a phone during the collect stage.

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
    move_to,
    post,
)
from .server import PROJECT, AppServer, free_port

CONTENT = {
    "nl": {
        "title": "Werk en inkomen in Houten",
        "question": "Wat helpt jou, of iemand die je kent, aan passend werk?",
        "prompt": "Vertel over een moment dat iets of iemand echt hielp.",
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
            room.projector.screenshot(path=docs / "projector.png")
            phones[-1].screenshot(path=docs / "phone.png")
            browser.close()
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(CONTENT), default="nl")
    parser.add_argument("--public-url", help="what the QR code shows (default: LAN address)")
    parser.add_argument("--docs", type=Path, default=PROJECT / "docs")
    args = parser.parse_args()
    args.docs.mkdir(parents=True, exist_ok=True)
    take(args.docs, args.lang, args.public_url)
    print(f"wrote {args.docs / 'projector.png'} and {args.docs / 'phone.png'}")


if __name__ == "__main__":
    main()
