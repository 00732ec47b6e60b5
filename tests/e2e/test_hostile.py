"""Fifty hostile strings (tests/hostile.py) on a real phone at 320 px, the projector and the
console: shown as text, no script runs, nothing leaves its card, the projector never scrolls."""

from urllib.parse import unquote

from playwright.sync_api import Page, expect

from livinglab.errors import DomainError
from livinglab.limits import INSIGHT_MAX, STORIES_PER_PERSON
from livinglab.validation import clean_text
from livinglab.web import keyring
from tests.hostile import sample

from .room import LOAD_TIMEOUT, join, post
from .scripted import ScriptedRoom
from .test_projector import check_fits

#: Every card's boxes and text against the card, and the page against the viewport.
MEASURE = """(width) => {
  const escaped = [];
  const named = (card) => card.textContent.slice(0, 40);
  for (const card of document.querySelectorAll('[data-testid=insight-card]:not([data-clipped])')) {
    const box = card.getBoundingClientRect();
    if (!box.width) continue;
    const range = document.createRange();
    range.selectNodeContents(card);
    for (const inner of [range, ...card.querySelectorAll('*')]) {
      const r = inner.getBoundingClientRect();
      if (r.width && (r.left < box.left - 1 || r.right > box.right + 1))
        escaped.push(`${named(card)}: ${r.left}-${r.right} out of ${box.left}-${box.right}`);
    }
  }
  for (const element of document.body.querySelectorAll('*')) {
    const text = document.createRange();
    text.selectNodeContents(element);
    const r = text.getBoundingClientRect();
    if (r.width && (r.left < -1 || r.right > width + 1))
      escaped.push(`off screen: ${element.tagName} ${element.textContent.slice(0, 40)}`);
  }
  return {escaped, pwned: window.__pwned !== undefined,
          scrollWidth: document.documentElement.scrollWidth};
}"""


def stories() -> list[str]:
    """The sample as the server would store it, refusals left out."""
    kept = []
    for text in sample(50):
        try:
            kept.append(clean_text(text, limit=INSIGHT_MAX))
        except DomainError:
            continue
    return kept


def holds(page: Page, what: str) -> None:
    # A phone widens its layout to what overflows: measure against the screen's own width.
    width = page.viewport_size["width"]
    found = page.evaluate(MEASURE, width)
    assert not found["pwned"], f"{what}: a script ran"
    assert found["escaped"] == [], f"{what}: {found['escaped'][:5]}"
    assert found["scrollWidth"] <= width, f"{what}: scrolls sideways"


def test_hostile_stories_stay_text_inside_their_cards_on_every_screen(people, app_server):
    texts = stories()
    room = ScriptedRoom(app_server.workdir / "e2e.db", title=texts[0][:200], question=texts[1])
    room.move_to("collect")
    phone = people.phone()
    phone_page = phone.new_page()
    phone_page.set_viewport_size({"width": 320, "height": 740})
    join(phone_page, f"{app_server.base_url}/j/{room.code}")
    post(phone_page, texts[0])  # one through the real form
    (cookie,) = [c for c in phone.cookies() if c["name"] == "livinglab_participant"]
    token = keyring.read(unquote(cookie["value"]), room.code)
    mine = STORIES_PER_PERSON - 1
    room.post_as_written(texts[1:mine], token)
    room.join(1)
    room.post_as_written(texts[mine:], room.tokens[0])

    phone_page.reload()
    expect(phone_page.get_by_test_id("insight-card")).to_have_count(mine, timeout=LOAD_TIMEOUT)
    holds(phone_page, "phone at 320 px")

    facilitator = people.facilitator()
    console = facilitator.new_page()
    console.set_viewport_size({"width": 1366, "height": 768})
    console.goto(f"{app_server.base_url}/f/{room.code}?key={room.key}")
    expect(console.get_by_test_id("insight-card")).to_have_count(len(texts), timeout=LOAD_TIMEOUT)
    holds(console, "console at 1366 px")

    projector = facilitator.new_page()
    projector.set_viewport_size({"width": 1920, "height": 1080})
    projector.goto(f"{app_server.base_url}/p/{room.code}")
    expect(projector.get_by_test_id("insight-card")).to_have_count(len(texts), timeout=LOAD_TIMEOUT)
    projector.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")
    holds(projector, "projector at 1920x1080")
    check_fits(projector, "hostile stories")
    assert people.dialogs == []
