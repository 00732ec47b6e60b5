"""Screenshots of the projector in each stage (at 1920x1080 unless told), for the README.

Not part of the test suite (it writes into docs/). Run from the project directory:

    .venv/bin/python -m tests.e2e.projector_screenshots [--public-url URL] [--size 1024x768]

It starts its own server from a copy of the project and scripts a full room (30 people,
300 stories, 12 themes, a vote, a consent round and a decision) through the domain.
"""

import argparse
import re
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from livinglab.joinurl import lan_address

from .room import CHROMIUM, CHROMIUM_ARGS, LOAD_TIMEOUT
from .scripted import THEME_NAMES, ScriptedRoom
from .server import PROJECT, AppServer, free_port


def _shot(page: Page, docs: Path, name: str, stage: str, shows: str) -> None:
    page.reload()
    expect(page.get_by_test_id("stage-current")).to_have_attribute(
        "data-stage", stage, timeout=LOAD_TIMEOUT
    )
    expect(page.locator(f'main.projector[data-shows="{shows}"]')).to_have_count(1)
    expect(page.get_by_test_id("join-qr")).to_have_attribute("src", re.compile("^data:"))
    page.mouse.move(0, 0)
    page.wait_for_timeout(600)  # the cards' slide-in is over
    page.screenshot(path=docs / f"projector-{name}.png")


def take(docs: Path, public_url: str | None, size: tuple[int, int] = (1920, 1080)) -> None:
    port = free_port()
    server = AppServer(port=port, public_url=public_url or f"http://{lan_address()}:{port}")
    server.start()
    try:
        room = ScriptedRoom(
            server.workdir / "e2e.db",
            title="Werk en inkomen in Houten",
            question="Wat helpt jou, of iemand die je kent, aan passend werk?",
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            width, height = size
            page = browser.new_context(viewport={"width": width, "height": height}).new_page()
            page.goto(f"{server.base_url}/f/{room.code}?key={room.key}")
            expect(page).to_have_url(f"{server.base_url}/f/{room.code}", timeout=LOAD_TIMEOUT)
            page.goto(f"{server.base_url}/p/{room.code}")
            room.join(30)
            _shot(page, docs, "welcome", "welcome", "join")
            room.move_to("collect")
            room.post(300)
            _shot(page, docs, "collect", "collect", "board")
            room.move_to("sensemaking")
            room.group(THEME_NAMES, per_theme=24)
            room.vote(reveal=False)
            _shot(page, docs, "sensemaking", "sensemaking", "board")
            room.vote(reveal=True)
            _shot(page, docs, "results", "sensemaking", "results")
            room.move_to("dialogue")
            room.propose(4)
            room.consent()
            room.consent(answers=True)
            _shot(page, docs, "consent-open", "dialogue", "proposal")
            room.consent(reveal=True)
            room.decide()
            _shot(page, docs, "decided", "dialogue", "proposal")
            room.move_to("closed")
            _shot(page, docs, "closed", "closed", "proposal")
            browser.close()
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--public-url", help="what the QR code shows (default: LAN address)")
    parser.add_argument("--docs", type=Path, default=PROJECT / "docs")
    parser.add_argument("--size", default="1920x1080", help="the screen, WIDTHxHEIGHT")
    args = parser.parse_args()
    args.docs.mkdir(parents=True, exist_ok=True)
    width, height = (int(part) for part in args.size.split("x"))
    take(args.docs, args.public_url, (width, height))
    print(f"wrote projector screenshots into {args.docs}")


if __name__ == "__main__":
    main()
