"""Light phone pages: what the first load costs, how long it takes on slow 3G, what an idle
phone does, and whether the pages still work on a 320 px screen with text at 200 %.

Measured in Chromium through the DevTools protocol: the bytes that really cross the wire
(compressed, headers included) and Chromium's own network throttling.
"""

import re
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, CDPSession, Page, expect

from .room import (
    PUSH_TIMEOUT,
    create_workshop,
    join,
    make_theme,
    move_to,
    post,
    wait_hydrated,
)

#: A first visit to the join page may cost this much, compressed (old phones, small bundles).
PAGE_WEIGHT_LIMIT = 400 * 1024
#: Chromium DevTools' "Slow 3G" preset: 400 kbit/s each way, 400 ms latency.
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * 1000 // 8,
    "uploadThroughput": 400 * 1000 // 8,
}
#: On slow 3G the join button must work this soon after the phone starts loading the page.
SLOW_3G_INTERACTIVE_MS = 8_000
#: How long an idle phone is watched, and how often an engine.io or Reflex timer may be re-armed.
IDLE_MS = 10_000
IDLE_TIMEOUTS_ALLOWED = 3
#: The narrowest phone still sold; WCAG 1.4.10 reflows at 320 CSS px.
NARROW = {"width": 320, "height": 640}
#: WCAG 1.4.4: text resized to 200 %. The stylesheet sizes in rem, so a root font size scales it.
TEXT_200 = "html { font-size: 200% !important }"
#: WCAG 2.5.5: touch targets of at least 44 by 44 CSS px.
TARGET_PX = 44

#: Counts the page's timers: every setTimeout/setInterval call (with its delay and when),
#: and which intervals are running now.
COUNT_TIMERS = """
(() => {
  const calls = [];
  const running = new Set();
  window.__timers = { calls, running };
  for (const name of ["setTimeout", "setInterval"]) {
    const original = window[name];
    window[name] = function (callback, delay, ...rest) {
      const id = original.call(window, callback, delay, ...rest);
      calls.push({ kind: name, delay: Number(delay) || 0, at: performance.now() });
      if (name === "setInterval") { running.add(id); }
      return id;
    };
  }
  const clearInterval = window.clearInterval;
  window.clearInterval = function (id) {
    running.delete(id);
    return clearInterval.call(window, id);
  };
})();
"""

#: Everything on the page as it is now that a small screen or large text can break, one line
#: each: sideways scrolling, text outside the screen, a control too small for its text, a touch
#: target under 44x44 px.
LAYOUT_PROBLEMS = """
({ width, least }) => {
  const problems = [];
  const root = document.documentElement;
  const describe = (el) => el.tagName.toLowerCase()
    + (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : "")
    + (typeof el.className === "string" && el.className ? "." + el.className : "");
  const px = (n) => Math.round(n);
  if (root.scrollWidth > width) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide on ${width} px`);
  }
  // Every visible line of text lies within the screen.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent || parent.closest("script, style, option, .sr-only")
        || !parent.checkVisibility()) { continue; }
    const range = document.createRange();
    range.selectNodeContents(node);
    const outside = [...range.getClientRects()].find((r) => r.left < -1 || r.right > width + 1);
    if (outside) {
      problems.push(`text cut off: ${describe(parent)} "${node.textContent.trim().slice(0, 40)}"`
        + ` at ${px(outside.left)}..${px(outside.right)} px`);
    }
  }
  // A select shows its choice in full: as wide as the same select sized to that choice alone.
  for (const select of document.querySelectorAll("select")) {
    if (!select.checkVisibility() || select.selectedIndex < 0) { continue; }
    const choice = select.options[select.selectedIndex].text;
    const probe = select.cloneNode(false);
    probe.removeAttribute("id");
    probe.style.cssText = "position:absolute; visibility:hidden; width:auto; min-width:0";
    probe.append(new Option(choice));
    select.after(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    const has = select.getBoundingClientRect().width;
    if (needed > has + 1) {
      problems.push(`choice cut off: ${describe(select)} "${choice}"`
        + ` needs ${px(needed)} px, has ${px(has)}`);
    }
  }
  for (const input of document.querySelectorAll("input:not([type=hidden]), textarea")) {
    if (input.checkVisibility() && input.scrollWidth > input.clientWidth + 1) {
      problems.push(`text cut off in ${describe(input)}`);
    }
  }
  // Touch targets; a link inside running text is exempt (WCAG 2.5.5, "inline").
  const targets = document.querySelectorAll(
    "button, input:not([type=hidden]), select, textarea, summary, a[href]");
  for (const target of targets) {
    if (!target.checkVisibility()) { continue; }
    const inText = [...target.parentElement.childNodes].some(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (target.tagName === "A" && inText) { continue; }
    const box = target.getBoundingClientRect();
    if (box.width < least || box.height < least) {
      problems.push(`touch target ${describe(target)} is ${px(box.width)}x${px(box.height)} px`);
    }
  }
  return problems;
}
"""


@dataclass
class Traffic:
    """Every response a page received, as Chromium's DevTools saw it."""

    #: requestId -> bytes on the wire (compressed body and headers; 0 from the cache).
    sizes: dict[str, int] = field(default_factory=dict)
    #: requestId -> (url, response headers).
    responses: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    #: requestIds answered from the browser's cache without asking the server.
    from_cache: set[str] = field(default_factory=set)

    def listen(self, cdp: CDPSession) -> None:
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.requestServedFromCache", self._cached)
        cdp.on("Network.loadingFinished", self._finished)

    def _received(self, event: dict) -> None:
        response = event["response"]
        headers = {name.lower(): value for name, value in response["headers"].items()}
        self.responses[event["requestId"]] = (response["url"], headers)
        if response.get("fromDiskCache"):
            self.from_cache.add(event["requestId"])

    def _cached(self, event: dict) -> None:
        self.from_cache.add(event["requestId"])

    def _finished(self, event: dict) -> None:
        self.sizes[event["requestId"]] = int(event["encodedDataLength"])

    def clear(self) -> None:
        self.sizes.clear()
        self.responses.clear()
        self.from_cache.clear()

    def total(self) -> int:
        return sum(self.sizes.values())

    def biggest(self, count: int = 8) -> list[str]:
        ranked = sorted(self.sizes.items(), key=lambda pair: -pair[1])[:count]
        return [f"{size / 1024:6.1f} KB  {self.url(request)}" for request, size in ranked]

    def url(self, request: str) -> str:
        return self.responses.get(request, ("?", {}))[0]


def watch_network(context: BrowserContext, page: Page) -> tuple[CDPSession, Traffic]:
    cdp = context.new_cdp_session(page)
    traffic = Traffic()
    traffic.listen(cdp)
    cdp.send("Network.enable")
    return cdp, traffic


def test_first_load_of_the_join_page_is_small_compressed_and_then_cached(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    phone_context = people.phone()
    phone = phone_context.new_page()
    _, traffic = watch_network(phone_context, phone)

    phone.goto(f"{app_server.base_url}/j/{room.code}")
    wait_hydrated(phone.get_by_test_id("join-submit"))
    phone.wait_for_load_state("networkidle")  # and what the load still had in flight
    weight = traffic.total()
    print(f"\njoin page, first load: {weight / 1024:.1f} KB on the wire")
    print("\n".join(traffic.biggest()))
    assert weight <= PAGE_WEIGHT_LIMIT, "\n".join(
        [f"{weight / 1024:.1f} KB > {PAGE_WEIGHT_LIMIT / 1024:.0f} KB", *traffic.biggest()]
    )

    scripts_and_styles = [
        (url, headers)
        for url, headers in traffic.responses.values()
        if re.search(r"\.(js|css)$", url.split("?")[0])
    ]
    assert scripts_and_styles
    not_compressed = [url for url, h in scripts_and_styles if "content-encoding" not in h]
    assert not_compressed == [], f"sent uncompressed: {not_compressed}"
    build_files = [(url, h) for url, h in scripts_and_styles if "/assets/" in url]
    assert build_files
    not_immutable = [url for url, h in build_files if "immutable" not in h.get("cache-control", "")]
    assert not_immutable == [], f"hashed build files without a long Cache-Control: {not_immutable}"

    # Coming back to the page (a closed tab, a new stage): the build files stay in the cache.
    phone.goto("about:blank")
    traffic.clear()
    phone.goto(f"{app_server.base_url}/j/{room.code}")
    wait_hydrated(phone.get_by_test_id("join-submit"))
    phone.wait_for_load_state("networkidle")
    print(f"join page, next visit: {traffic.total() / 1024:.1f} KB on the wire")
    fetched_again = [
        url
        for request, (url, _) in traffic.responses.items()
        if "/assets/" in url and request not in traffic.from_cache
    ]
    assert fetched_again == []


def test_join_page_is_interactive_within_8_s_on_slow_3g(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    phone_context = people.phone()
    phone = phone_context.new_page()
    cdp, _ = watch_network(phone_context, phone)
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)

    phone.goto(f"{app_server.base_url}/j/{room.code}", wait_until="commit")
    # The join form comes with the room's state over the websocket: visible and hydrated, the
    # button works.
    wait_hydrated(phone.get_by_test_id("join-submit"))
    # Milliseconds since this document's navigation started.
    interactive_ms = phone.evaluate("performance.now()")
    print(f"\njoin page on slow 3G: interactive after {interactive_ms / 1000:.2f} s")
    assert interactive_ms <= SLOW_3G_INTERACTIVE_MS


def test_an_idle_phone_sends_nothing_and_runs_no_timer(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    phone_context = people.phone()
    phone_context.add_init_script(COUNT_TIMERS)
    requests: list[str] = []
    phone_context.on("request", lambda request: requests.append(request.url))
    phone = phone_context.new_page()
    join(phone, f"{app_server.base_url}/j/{room.code}")
    move_to(room.console, "collect")
    post(phone, "Ik begrijp de brief niet")

    # A stage timer counts down on the phone (assets/timer.js) and stops counting once gone.
    room.console.get_by_test_id("timer-minutes").fill("1")
    room.console.get_by_test_id("timer-start").click()
    expect(phone.get_by_test_id("stage-timer")).to_have_text(
        re.compile(r"^(1:00|0:5\d)$"), timeout=PUSH_TIMEOUT
    )
    assert phone.evaluate("window.__timers.running.size") == 1
    room.console.get_by_test_id("timer-stop").click()
    expect(phone.get_by_test_id("stage-timer")).to_have_count(0, timeout=PUSH_TIMEOUT)
    phone.wait_for_function("window.__timers.running.size === 0", timeout=PUSH_TIMEOUT)

    requests.clear()
    idle_from = phone.evaluate("performance.now()")
    phone.wait_for_timeout(IDLE_MS)
    timers = phone.evaluate("window.__timers.calls")
    during_idle = [call for call in timers if call["at"] >= idle_from]
    intervals = [call for call in during_idle if call["kind"] == "setInterval"]
    timeouts = [call for call in during_idle if call["kind"] == "setTimeout"]
    print(
        f"\nidle phone, {IDLE_MS / 1000:.0f} s: {len(requests)} requests, "
        f"{len(intervals)} setInterval, {len(timeouts)} setTimeout {timeouts}"
    )
    assert requests == [], "an idle phone polls"
    assert intervals == []
    assert phone.evaluate("window.__timers.running.size") == 0, "an interval still runs"
    assert len(timeouts) <= IDLE_TIMEOUTS_ALLOWED, f"a timeout keeps re-arming: {timeouts}"


def layout_problems(page: Page, where: str) -> list[str]:
    """Problems of `page` at normal text size and with text at 200 %, each marked `where`."""
    limits = {"width": NARROW["width"], "least": TARGET_PX}
    found = [f"{where}: {p}" for p in page.evaluate(LAYOUT_PROBLEMS, limits)]
    large_text = page.add_style_tag(content=TEXT_200)
    found += [f"{where}, text 200%: {p}" for p in page.evaluate(LAYOUT_PROBLEMS, limits)]
    large_text.evaluate("style => style.remove()")
    return found


def test_phone_pages_fit_320_px_with_text_at_200_percent_and_large_targets(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    phone = people.phone().new_page()
    phone.set_viewport_size(NARROW)
    join_url = f"{app_server.base_url}/j/{room.code}"
    problems: list[str] = []

    phone.goto(join_url)
    wait_hydrated(phone.get_by_test_id("join-submit"))
    problems += layout_problems(phone, "join")

    join(phone, join_url)
    move_to(room.console, "collect")
    post(phone, "De brieven van de gemeente zijn moeilijk")
    problems += layout_problems(phone, "collect")

    move_to(room.console, "sensemaking")
    make_theme(room.console, "Brieven")
    room.console.get_by_test_id("round-open").click()
    expect(phone.get_by_test_id("ballot")).to_be_visible(timeout=PUSH_TIMEOUT)
    expect(phone.get_by_test_id("suggest-theme-select")).to_be_visible(timeout=PUSH_TIMEOUT)
    problems += layout_problems(phone, "sensemaking")

    assert problems == [], "\n".join(problems)
