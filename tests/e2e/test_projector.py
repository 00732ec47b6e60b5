"""The projector is a projection: every stage fits the screen and reads from 10 m away.

At 1920x1080, 1280x720 and 1024x768, in every stage and state, the projector page has no
scroll bar, nothing overlaps, and no visible text is smaller than its floor.

How the floors scale: they are given for 1080p (story text 28 px, headings 48 px, any
text 20 px) and multiplied by innerHeight / 1080, so at 720p they are 2/3 of those and at
1024x768 0.71 of them. The page sizes its text in units of 1% of the screen's height,
so every size keeps the proportions of 1080p.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from .room import LOAD_TIMEOUT, PUSH_TIMEOUT, cards_with_text, join, post, press_next
from .scripted import THEME_NAMES, ScriptedRoom

SIZES = [(1920, 1080), (1280, 720), (1024, 768)]
#: Floors in px at 1080p; scaled by innerHeight / 1080 (see the module docstring).
STORY_FLOOR, HEADING_FLOOR, TEXT_FLOOR = 28, 48, 20
#: The corner QR code stays scannable from the back: at least this share of the height.
CORNER_QR_SHARE = 0.15

#: In the page: every visible text node with its size and role, the scroll extents, and
#: the boxes that must not overlap. A text is visible when some of it lies inside the
#: viewport and inside every ancestor that clips (overflow other than visible).
MEASURE = """() => {
  const clipped = (el, rect) => {
    let box = {left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom};
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.display === 'none' || s.visibility !== 'visible') return null;
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.clip !== 'auto') {
        const r = a.getBoundingClientRect();
        box = {left: Math.max(box.left, r.left), top: Math.max(box.top, r.top),
               right: Math.min(box.right, r.right), bottom: Math.min(box.bottom, r.bottom)};
      }
    }
    box.left = Math.max(box.left, 0); box.top = Math.max(box.top, 0);
    box.right = Math.min(box.right, innerWidth); box.bottom = Math.min(box.bottom, innerHeight);
    return box.right - box.left > 2 && box.bottom - box.top > 2 ? box : null;
  };
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (!text) continue;
    const el = node.parentElement;
    const range = document.createRange();
    range.selectNodeContents(node);
    const shown = [...range.getClientRects()].some(r => clipped(el, r));
    if (!shown) continue;
    texts.push({
      text: text.slice(0, 40),
      size: parseFloat(getComputedStyle(el).fontSize),
      story: !!el.closest('[data-testid=insight-text-shown]'),
      heading: !!el.closest('h1, h2'),
      subheading: !!el.closest('h3'),
    });
  }
  const box = sel => [...document.querySelectorAll(sel)].map(e => {
    const r = e.getBoundingClientRect();
    return {sel, left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  });
  const se = document.scrollingElement;
  return {
    scrollHeight: se.scrollHeight, scrollWidth: se.scrollWidth,
    innerHeight, innerWidth, texts,
    blocks: [...box('.projector-head .head-text'), ...box('.join-corner'),
             ...box('.projector-head .fullscreen'), ...box('.projector > .focus')],
    qr: box('[data-testid=join-qr]'),
  };
}"""


def _overlap(a: dict, b: dict) -> bool:
    return min(a["right"], b["right"]) - max(a["left"], b["left"]) > 1 and (
        min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1
    )


def check_fits(page: Page, what: str, *, big_qr: bool = False) -> None:
    """No scrolling, nothing overlapping, every text above its (scaled) floor."""
    found = page.evaluate(MEASURE)
    where = f"{what} at {found['innerWidth']}x{found['innerHeight']}"
    assert found["scrollHeight"] <= found["innerHeight"], f"{where}: scrolls down"
    assert found["scrollWidth"] <= found["innerWidth"], f"{where}: scrolls sideways"
    blocks = found["blocks"]
    for i, first in enumerate(blocks):
        for second in blocks[i + 1 :]:
            assert not _overlap(first, second), f"{where}: {first['sel']} overlaps {second['sel']}"
    scale = found["innerHeight"] / 1080
    for text in found["texts"]:
        floor = (
            STORY_FLOOR
            if text["story"] or text["subheading"]
            else HEADING_FLOOR
            if text["heading"]
            else TEXT_FLOOR
        )
        assert text["size"] >= floor * scale - 0.01, (
            f"{where}: {text['text']!r} is {text['size']:.1f} px, "
            f"under {floor} x {scale:.2f} = {floor * scale:.1f} px"
        )
    assert found["texts"], f"{where}: no text shown"
    (qr,) = found["qr"]
    share = (qr["bottom"] - qr["top"]) / found["innerHeight"]
    assert share >= (0.4 if big_qr else CORNER_QR_SHARE), f"{where}: QR code {share:.0%} high"


def shown_count(page: Page, box: str, item: str) -> tuple[int, int]:
    """(items shown, the number the page says are not shown) in the first `box`."""
    first = page.locator(box).first
    shown = first.locator(f"{item}:not([data-clipped])").count()
    more = first.locator("[data-fit-more]").text_content() or ""
    hidden = int(re.search(r"\d+", more).group()) if more.strip() else 0
    return shown, hidden


def every_size(page: Page, what: str, *, big_qr: bool = False, check=None) -> None:
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")
        check_fits(page, what, big_qr=big_qr)
        if check:
            check(page)


def reload_showing(page: Page, stage: str, shows: str) -> None:
    page.reload()
    expect(page.get_by_test_id("stage-current")).to_have_attribute(
        "data-stage", stage, timeout=LOAD_TIMEOUT
    )
    expect(page.locator(f'main.projector[data-shows="{shows}"]')).to_have_count(1)
    expect(page.get_by_test_id("join-qr")).to_have_attribute("src", re.compile("^data:"))


def wall_is_honest(total: int):
    def check(page: Page) -> None:
        shown, hidden = shown_count(page, ".focus-wall", "[data-testid=insight-card]")
        assert shown + hidden == total, (shown, hidden, total)
        assert shown >= min(total, 4), f"only {shown} stories shown"

    return check


def test_every_stage_fits_every_screen_and_reads_from_afar(browser, app_server):
    room = ScriptedRoom(
        app_server.workdir / "e2e.db",
        title="Werk en inkomen in Houten: wat helpt mensen aan passend werk?",
        question="Wat helpt jou, of iemand die je kent, aan passend werk in Houten en omgeving?",
    )
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.set_default_timeout(LOAD_TIMEOUT)
    page = context.new_page()
    page.goto(f"{app_server.base_url}/f/{room.code}?key={room.key}")
    expect(page).to_have_url(f"{app_server.base_url}/f/{room.code}", timeout=LOAD_TIMEOUT)
    page.goto(f"{app_server.base_url}/p/{room.code}")

    reload_showing(page, "welcome", "join")
    every_size(page, "welcome, nobody yet", big_qr=True)
    room.join(30)
    reload_showing(page, "welcome", "join")
    expect(page.get_by_test_id("participant-count")).to_have_text("30")
    every_size(page, "welcome, 30 joined", big_qr=True)

    room.move_to("collect")
    reload_showing(page, "collect", "board")
    every_size(page, "collect, no stories", check=wall_is_honest(0))
    for total in (30, 300):
        room.post(total - len(room.insight_ids))
        reload_showing(page, "collect", "board")
        expect(page.get_by_test_id("insight-card")).to_have_count(total)
        every_size(page, f"collect, {total} stories", check=wall_is_honest(total))
    # Newest first.
    first = page.get_by_test_id("insight-text-shown").first
    expect(first).to_contain_text("(300)")

    room.move_to("sensemaking")
    reload_showing(page, "sensemaking", "board")
    every_size(page, "sensemaking, no themes")
    room.group(THEME_NAMES[:4], per_theme=25)
    reload_showing(page, "sensemaking", "board")
    every_size(page, "sensemaking, 4 themes")
    room.group(THEME_NAMES[4:], per_theme=24)
    reload_showing(page, "sensemaking", "board")
    expect(page.get_by_test_id("theme-column")).to_have_count(13)

    def columns_are_honest(page: Page) -> None:
        columns = page.get_by_test_id("theme-column")
        for index in range(columns.count()):
            column = columns.nth(index)
            shown = column.locator("[data-testid=insight-card]:not([data-clipped])").count()
            total = column.get_by_test_id("insight-card").count()
            more = column.locator("[data-fit-more]").text_content() or ""
            hidden = int(re.search(r"\d+", more).group()) if more.strip() else 0
            assert shown + hidden == total, (index, shown, hidden, total)

    every_size(page, "sensemaking, 12 themes, 300 cards", check=columns_are_honest)
    room.vote(reveal=False)
    reload_showing(page, "sensemaking", "board")
    expect(page.get_by_test_id("voter-count")).to_have_text("30")
    every_size(page, "vote open")
    room.vote(reveal=True)
    reload_showing(page, "sensemaking", "results")
    expect(page.get_by_test_id("result-item")).to_have_count(12)
    every_size(page, "results revealed")

    room.move_to("dialogue")
    reload_showing(page, "dialogue", "proposal")
    every_size(page, "dialogue, no proposals")
    room.propose(4)
    reload_showing(page, "dialogue", "proposal")
    every_size(page, "dialogue, proposals")
    room.consent()
    reload_showing(page, "dialogue", "proposal")
    every_size(page, "consent open")
    room.consent(answers=True)
    reload_showing(page, "dialogue", "proposal")
    expect(page.get_by_test_id("consent-answered")).to_have_text("30")
    every_size(page, "consent answered")
    room.consent(reveal=True)
    reload_showing(page, "dialogue", "proposal")
    expect(page.get_by_test_id("consent-result")).to_contain_text("wachttijd")
    every_size(page, "consent revealed")
    room.decide()
    reload_showing(page, "dialogue", "proposal")
    expect(page.get_by_test_id("decision")).to_contain_text("Team Werk en Inkomen")
    every_size(page, "decided")

    room.move_to("closed")
    reload_showing(page, "closed", "proposal")
    every_size(page, "closed")
    context.close()


def test_console_switches_what_the_projector_shows_until_the_stage_moves(people, app_server):
    room = ScriptedRoom(app_server.workdir / "e2e.db", title="Werk", question="Wat helpt?")
    room.join(3)
    room.move_to("collect")
    room.post(5)
    context = people.facilitator()
    console = context.new_page()
    console.goto(f"{app_server.base_url}/f/{room.code}?key={room.key}")
    expect(console).to_have_url(f"{app_server.base_url}/f/{room.code}", timeout=LOAD_TIMEOUT)
    projector = context.new_page()
    projector.goto(f"{app_server.base_url}/p/{room.code}")
    shows = projector.locator("main.projector")
    expect(shows).to_have_attribute("data-shows", "board", timeout=LOAD_TIMEOUT)

    choice = console.get_by_test_id("projector-show")
    expect(choice).to_have_value("")
    choice.select_option("join")
    expect(shows).to_have_attribute("data-shows", "join", timeout=PUSH_TIMEOUT)
    check_fits(projector, "join chosen while collecting", big_qr=True)
    choice.select_option("results")
    expect(shows).to_have_attribute("data-shows", "results", timeout=PUSH_TIMEOUT)
    check_fits(projector, "results chosen before any vote")
    choice.select_option("")
    expect(shows).to_have_attribute("data-shows", "board", timeout=PUSH_TIMEOUT)

    # The choice lasts until the stage moves.
    choice.select_option("proposal")
    expect(shows).to_have_attribute("data-shows", "proposal", timeout=PUSH_TIMEOUT)
    press_next(console)
    expect(shows).to_have_attribute("data-shows", "board", timeout=PUSH_TIMEOUT)
    expect(projector.get_by_test_id("stage-current")).to_have_attribute("data-stage", "sensemaking")
    expect(choice).to_have_value("")


@pytest.mark.parametrize("reduced", [False, True])
def test_a_new_story_slides_in_and_the_others_stay_put(people, app_server, reduced):
    """Cards are keyed by id: a post adds one element on top and keeps the others as they are.

    The new card's short animation is left out when the screen asks for reduced motion.
    """
    room = ScriptedRoom(app_server.workdir / "e2e.db", title="Werk", question="Wat helpt?")
    room.join(1)
    room.move_to("collect")
    room.post(3)
    context = people.facilitator()
    projector = context.new_page()
    projector.emulate_media(reduced_motion="reduce" if reduced else "no-preference")
    projector.goto(f"{app_server.base_url}/f/{room.code}?key={room.key}")
    expect(projector).to_have_url(f"{app_server.base_url}/f/{room.code}", timeout=LOAD_TIMEOUT)
    projector.goto(f"{app_server.base_url}/p/{room.code}")
    expect(projector.get_by_test_id("insight-card")).to_have_count(3, timeout=LOAD_TIMEOUT)
    projector.evaluate(
        "() => { window.__cards = [...document.querySelectorAll('[data-testid=insight-card]')]; }"
    )

    phone = people.phone().new_page()
    join(phone, f"{app_server.base_url}/j/{room.code}")
    post(phone, "Een nieuw verhaal van een telefoon")
    expect(cards_with_text(projector, "Een nieuw verhaal van een telefoon")).to_have_count(
        1, timeout=PUSH_TIMEOUT
    )
    kept, first_is_new, animation = projector.evaluate(
        """() => {
          const now = [...document.querySelectorAll('[data-testid=insight-card]')];
          return [window.__cards.every((card, i) => now[i + 1] === card),
                  !window.__cards.includes(now[0]),
                  getComputedStyle(now[0]).animationName];
        }"""
    )
    assert kept and first_is_new
    assert animation == ("none" if reduced else "card-in")


def test_full_screen_button_and_the_pointer_hides_when_still(people, app_server):
    room = ScriptedRoom(app_server.workdir / "e2e.db", title="Werk", question="Wat helpt?")
    context = people.facilitator()
    projector = context.new_page()
    projector.goto(f"{app_server.base_url}/f/{room.code}?key={room.key}")
    expect(projector).to_have_url(f"{app_server.base_url}/f/{room.code}", timeout=LOAD_TIMEOUT)
    projector.goto(f"{app_server.base_url}/p/{room.code}")
    button = projector.get_by_test_id("projector-fullscreen")
    expect(button).to_be_visible(timeout=LOAD_TIMEOUT)
    projector.mouse.move(200, 200)
    html = projector.locator("html")
    expect(html).not_to_have_class(re.compile("pointer-idle"))
    expect(html).to_have_class(re.compile("pointer-idle"), timeout=6_000)
    assert projector.evaluate("getComputedStyle(document.querySelector('h1')).cursor") == "none"
    projector.mouse.move(300, 300)
    expect(html).not_to_have_class(re.compile("pointer-idle"))
    button.click()
    projector.wait_for_function("document.fullscreenElement !== null", timeout=PUSH_TIMEOUT)
