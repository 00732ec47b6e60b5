"""What axe-core cannot see, checked in Chromium: the scripted part of docs/accessibility.md.

A keyboard-only walk through the workshop (focus visible, in order, never trapped), the
accessible name of every control from Chromium's accessibility tree, reflow at 320 CSS px
(a phone, and the console at 400 % zoom), forced colours, reduced motion, text spacing
(WCAG 1.4.12) on every page in every stage in both languages, and the PDF's tags.
"""

import io

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from sqlmodel import Session, select

from livinglab.db import make_engine
from livinglab.export.pdf import render_pdf
from livinglab.models import Workshop
from livinglab.records.record import build_record
from livinglab.web import routes

from .room import LOAD_TIMEOUT, PUSH_TIMEOUT, join, wait_hydrated
from .scripted import ScriptedRoom
from .server import RECORDS_KEY

#: Roles of the controls a person operates; each must have a name.
CONTROL_ROLES = {
    "button",
    "link",
    "textbox",
    "searchbox",
    "combobox",
    "listbox",
    "checkbox",
    "radio",
    "spinbutton",
    "switch",
    "slider",
    "menuitem",
    "tab",
    "DisclosureTriangle",  # a <summary>: what opens a folded part
}
#: The console at 1280 px zoomed to 400 %, and the narrowest phone: 320 CSS px wide.
REFLOW_VIEWPORT = {"width": 320, "height": 200}
NARROW_PHONE = {"width": 320, "height": 640}
#: A Tab walk longer than this is taken as a trap.
MOST_TAB_STOPS = 200
#: The WCAG 1.4.12 bookmarklet's spacing (Steve Faulkner's "text spacing" test).
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

#: The focused element as the walk sees it: where it is in the document and how it shows.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {
    position: Array.prototype.indexOf.call(document.querySelectorAll("*"), el),
    testid: el.dataset.testid || "",
    what: el.outerHTML.slice(0, 120),
    visible: el.matches(":focus-visible") && (outline || style.boxShadow !== "none"),
  };
}"""

#: Controls whose edge disappears: in forced colours, backgrounds are gone and a button
#: or field without a border or outline is just text floating on the page.
EDGELESS = """() => [...document.querySelectorAll(
    "button, select, textarea, a.button,"
    + "input:not([type=hidden]):not([type=radio]):not([type=checkbox])"
  )].filter(el => el.getClientRects().length).filter(el => {
    const s = getComputedStyle(el);
    const border = ["Top", "Right", "Bottom", "Left"].some(
      side => s[`border${side}Style`] !== "none" && parseFloat(s[`border${side}Width`]) > 0);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    return !border && !outline;
  }).map(el => el.outerHTML.slice(0, 120))"""

#: Animations and transitions longer than 0.01 s, declared or running.
MOVING = """() => {
  const seconds = list => list.split(",").map(
    v => parseFloat(v) * (v.trim().endsWith("ms") ? 0.001 : 1));
  const long = list => seconds(list).some(s => s > 0.01);
  const declared = [...document.querySelectorAll("*")].filter(el => {
    const s = getComputedStyle(el);
    return (s.animationName !== "none" && long(s.animationDuration))
      || (s.transitionProperty !== "none" && long(s.transitionDuration));
  }).map(el => el.outerHTML.slice(0, 100));
  const running = document.getAnimations().filter(a => a.playState === "running"
    && a.effect && a.effect.getComputedTiming().duration > 10)
    .map(a => a.animationName || a.transitionProperty || "animation");
  return declared.concat(running);
}"""

#: Elements that cut their text off: overflow hidden (or clip) and more content than room.
#: Visually hidden text (a 1 px box, for screen readers) is meant to be clipped.
CLIPPED = """() => [...document.querySelectorAll("body *")].filter(el => {
    const s = getComputedStyle(el);
    const hides = [s.overflowX, s.overflowY].some(v => v === "hidden" || v === "clip");
    if (!hides || !el.getClientRects().length || !el.textContent.trim()) return false;
    if (el.clientWidth <= 1 || el.clientHeight <= 1) return false;
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  }).map(el => `${el.className} ${el.scrollWidth}x${el.scrollHeight}`
    + ` in ${el.clientWidth}x${el.clientHeight}: ${el.textContent.trim().slice(0, 60)}`)"""

SIDEWAYS = "() => document.scrollingElement.scrollWidth - window.innerWidth"


def focus_walk(page: Page) -> list[dict]:
    """Tab from the top of the page until focus leaves it; every stop, in order.

    Fails when a stop has no visible focus, comes before the previous one in the document,
    or when Tab never leaves the page (a trap).
    """
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    stops: list[dict] = []
    for _ in range(MOST_TAB_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused["position"] <= stops[-1]["position"]):
            return stops  # out of the page, or round to its top: nothing held focus
        assert focused["visible"], f"{page.url}: no visible focus on {focused['what']}"
        stops.append(focused)
    raise AssertionError(f"{page.url}: Tab never left the page after {MOST_TAB_STOPS} stops")


def tab_to(page: Page, testid: str, *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the control `testid` has focus, checking every stop."""
    key = "Shift+Tab" if backwards else "Tab"
    previous = page.evaluate(FOCUSED)
    for _ in range(MOST_TAB_STOPS):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        assert focused is not None, f"{page.url}: focus left the page before reaching {testid}"
        assert focused["visible"], f"{page.url}: no visible focus on {focused['what']}"
        if previous is not None:
            forward = focused["position"] > previous["position"]
            assert forward != backwards, f"{page.url}: focus jumped to {focused['what']}"
        if focused["testid"] == testid:
            return
        previous = focused
    raise AssertionError(f"{page.url}: Tab never reached {testid}")


def unnamed_controls(page: Page) -> list[str]:
    """Controls in Chromium's accessibility tree whose accessible name is empty."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        found = []
        for node in nodes:
            role = node.get("role", {}).get("value")
            if node.get("ignored") or role not in CONTROL_ROLES:
                continue
            if not str(node.get("name", {}).get("value", "")).strip():
                described = cdp.send(
                    "DOM.describeNode", {"backendNodeId": node["backendDOMNodeId"]}
                )["node"]
                found.append(f"{page.url}: {role} {described.get('attributes', [])}")
        return found
    finally:
        cdp.detach()


def spacing_problems(page: Page) -> list[str]:
    """Clipped text and sideways scrolling with the WCAG 1.4.12 spacing applied."""
    style = page.add_style_tag(content=TEXT_SPACING_CSS)
    try:
        found = [f"{page.url}: clipped {line}" for line in page.evaluate(CLIPPED)]
        if (overflow := page.evaluate(SIDEWAYS)) > 0:
            found.append(f"{page.url}: {overflow} px sideways with text spacing")
        return found
    finally:
        style.evaluate("el => el.remove()")


def reflow_problems(page: Page, viewport: dict) -> list[str]:
    """Sideways scrolling at `viewport` (then the page gets its own size back)."""
    before = page.viewport_size
    page.set_viewport_size(viewport)
    try:
        overflow = page.evaluate(SIDEWAYS)
    finally:
        page.set_viewport_size(before)
    return [f"{page.url}: {overflow} px sideways at {viewport['width']} px"] if overflow > 0 else []


def forced_colour_problems(page: Page) -> list[str]:
    page.emulate_media(forced_colors="active")
    try:
        return [f"{page.url}: no edge in forced colours: {el}" for el in page.evaluate(EDGELESS)]
    finally:
        page.emulate_media(forced_colors="none")


def motion_problems(page: Page) -> list[str]:
    page.emulate_media(reduced_motion="reduce")
    try:
        return [f"{page.url}: moves with reduced motion: {el}" for el in page.evaluate(MOVING)]
    finally:
        page.emulate_media(reduced_motion="no-preference")


def every_check(page: Page, *, reflow: dict | None, spacing: bool) -> list[str]:
    """Names, forced colours, reduced motion; reflow and text spacing where asked.

    Folded parts (<details>) are opened first, so the controls inside are checked too.
    """
    page.evaluate("() => document.querySelectorAll('details').forEach(d => (d.open = true))")
    found = unnamed_controls(page) + forced_colour_problems(page) + motion_problems(page)
    if reflow:
        found += reflow_problems(page, reflow)
    if spacing:
        found += spacing_problems(page)
    return found


def open_console(page: Page, base_url: str, room: ScriptedRoom) -> None:
    page.goto(routes.console_link(base_url, room.code, room.key))
    expect(page).to_have_url(base_url + routes.console(room.code), timeout=LOAD_TIMEOUT)
    wait_hydrated(page.get_by_test_id("stage-next"))


def test_the_checks_find_what_they_should(browser: Browser):
    """Each check above can fail: a page built to break every one of them is reported."""
    page = browser.new_page(viewport={"width": 320, "height": 400})
    page.set_content(
        '<html lang="nl"><style>button:focus { outline: none; }'
        ".move { transition: opacity 2s; } .box { overflow: hidden; height: 1.2em; width: 10em; }"
        '</style><body><main><button>Eén</button><button style="border: none"></button>'
        '<input style="border: none; outline: none" aria-label="Zoek">'
        '<p class="box">Een zin die met ruimere spatiëring niet meer past</p>'
        '<div class="move" style="width: 900px">breed</div></main></body></html>'
    )
    with pytest.raises(AssertionError, match="no visible focus"):
        focus_walk(page)
    assert len(unnamed_controls(page)) == 1
    assert len(forced_colour_problems(page)) == 2  # the borderless button and field
    assert motion_problems(page)
    assert reflow_problems(page, {"width": 320, "height": 400})
    assert any("clipped" in problem for problem in spacing_problems(page))
    page.close()


def test_a_workshop_can_be_run_and_joined_by_keyboard_alone(people, app_server):
    """Tab, Shift+Tab, Enter, Space and arrows only: join, post, put a dot; stage on and back."""
    room = ScriptedRoom(app_server.workdir / "e2e.db", title="Werk", question="Wat helpt?")
    room.join(3)
    console = people.facilitator().new_page()
    open_console(console, app_server.base_url, room)
    stage = console.get_by_test_id("stage-current")
    assert focus_walk(console)

    phone = people.phone().new_page()
    phone.goto(f"{app_server.base_url}{routes.phone(room.code)}")
    wait_hydrated(phone.get_by_test_id("join-submit"))
    assert focus_walk(phone)
    tab_to(phone, "participant-name")
    phone.keyboard.type("Fatima")
    tab_to(phone, "participant-role")
    phone.keyboard.press("ArrowDown")
    expect(phone.get_by_test_id("participant-role")).not_to_have_value("")
    tab_to(phone, "join-submit")
    phone.keyboard.press("Enter")
    expect(phone.get_by_test_id("stage-current")).to_be_visible(timeout=LOAD_TIMEOUT)

    tab_to(console, "stage-next")
    console.keyboard.press("Enter")
    expect(stage).to_have_attribute("data-stage", "collect", timeout=PUSH_TIMEOUT)
    tab_to(console, "stage-prev", backwards=True)
    console.keyboard.press("Space")
    expect(stage).to_have_attribute("data-stage", "welcome", timeout=PUSH_TIMEOUT)
    tab_to(console, "stage-next")
    console.keyboard.press("Enter")
    expect(stage).to_have_attribute("data-stage", "collect", timeout=PUSH_TIMEOUT)

    expect(phone.get_by_test_id("insight-text")).to_be_visible(timeout=PUSH_TIMEOUT)
    assert focus_walk(phone)
    tab_to(phone, "insight-text")
    phone.keyboard.type("De bus rijdt te laat voor de vroege dienst")
    tab_to(phone, "insight-submit")
    phone.keyboard.press("Enter")
    expect(phone.get_by_test_id("insight-card")).to_have_count(1, timeout=PUSH_TIMEOUT)

    room.stage = "collect"
    room.post(3)
    room.move_to("sensemaking")
    room.group(("Vervoer", "Schulden"), per_theme=2)
    room.vote(reveal=False)
    phone.reload()  # the scripted steps reach the server's screens on a reload
    wait_hydrated(phone.get_by_test_id("dot-add").first)
    assert focus_walk(phone)
    tab_to(phone, "dot-add")
    phone.keyboard.press("Space")
    expect(phone.get_by_test_id("my-dots").first).to_contain_text("1", timeout=PUSH_TIMEOUT)
    console.reload()
    wait_hydrated(console.get_by_test_id("stage-next"))
    assert focus_walk(console)


def pages_of(people, base_url: str, room: ScriptedRoom):
    """The console, projector and a joined phone of `room`, each at its everyday size."""
    console = people.facilitator().new_page()
    open_console(console, base_url, room)
    projector = console.context.new_page()
    projector.goto(base_url + routes.projector(room.code))
    phone = people.phone().new_page()
    join(phone, base_url + routes.phone(room.code), name="Sam")
    return console, projector, phone


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_in_every_stage_keeps_names_reflow_colours_motion_and_spacing(
    people, app_server, language
):
    base = app_server.base_url
    found: list[str] = []
    start = people.facilitator().new_page()
    start.goto(base + routes.START)
    wait_hydrated(start.get_by_test_id("create-submit"))
    start.locator(f'input[name="language"][value="{language}"]').check()  # the form's language
    expect(start.locator(f'main[lang="{language}"], html[lang="{language}"]')).not_to_have_count(0)
    found += every_check(start, reflow=REFLOW_VIEWPORT, spacing=True)

    room = ScriptedRoom(
        app_server.workdir / "e2e.db", title="Werk", question="Wat helpt?", language=language
    )
    room.join(6)
    console, projector, phone = pages_of(people, base, room)
    steps = {
        "welcome": lambda: None,
        "collect": lambda: (room.move_to("collect"), room.post(8)),
        "sensemaking": lambda: (
            room.move_to("sensemaking"),
            room.group(("Vervoer", "Schulden", "Brieven"), per_theme=2),
            room.vote(reveal=False),
        ),
        "results": lambda: room.vote(reveal=True),
        "consent": lambda: (room.move_to("dialogue"), room.propose(2), room.consent()),
        "decided": lambda: (room.consent(answers=True, reveal=True), room.decide()),
        "closed": lambda: room.move_to("closed"),
    }
    for step in steps.values():
        step()
        for page in (console, projector, phone):
            page.reload()
        wait_hydrated(console.get_by_test_id("stage-current"))
        expect(phone.get_by_test_id("stage-current")).to_be_visible(timeout=LOAD_TIMEOUT)
        found += every_check(console, reflow=REFLOW_VIEWPORT, spacing=True)
        found += every_check(projector, reflow=None, spacing=False)
        found += every_check(phone, reflow=NARROW_PHONE, spacing=True)

    records = people.facilitator().new_page()
    records.goto(base + routes.RECORDS)
    wait_hydrated(records.get_by_test_id("records-open"))
    found += every_check(records, reflow=REFLOW_VIEWPORT, spacing=True)
    records.get_by_test_id("records-key").fill(RECORDS_KEY)
    records.get_by_test_id("records-open").click()
    expect(records.get_by_test_id("record-row").first).to_be_visible(timeout=LOAD_TIMEOUT)
    found += every_check(records, reflow=REFLOW_VIEWPORT, spacing=True)
    records.goto(base + routes.record(room.code))
    expect(records.get_by_test_id("record-page")).to_be_visible(timeout=LOAD_TIMEOUT)
    found += every_check(records, reflow=REFLOW_VIEWPORT, spacing=True)
    privacy = people.phone().new_page()
    privacy.goto(base + routes.privacy(language))
    privacy.wait_for_load_state("networkidle")
    found += every_check(privacy, reflow=NARROW_PHONE, spacing=True)
    assert found == []


def test_the_decision_log_pdf_is_tagged_with_its_language_and_title(app_server):
    room = ScriptedRoom(app_server.workdir / "e2e.db", title="Werk in Houten", question="Wat?")
    room.join(3)
    room.move_to("collect")
    room.post(4)
    room.move_to("sensemaking")
    room.group(("Vervoer", "Schulden"), per_theme=2)
    room.move_to("dialogue")
    room.propose(1)
    room.decide()
    room.move_to("closed")
    with Session(make_engine(f"sqlite:///{app_server.workdir / 'e2e.db'}")) as session:
        workshop = session.exec(select(Workshop).where(Workshop.code == room.code)).one()
        pdf = PdfReader(io.BytesIO(render_pdf(build_record(session=session, workshop=workshop))))
    catalog = pdf.trailer["/Root"]
    # pypdf's BooleanObject(False) is truthy: compare its value.
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    tree = catalog["/StructTreeRoot"].get_object()
    assert tree["/K"]  # the tags themselves, not an empty root
    assert catalog["/Lang"] == "nl"
    assert "Werk in Houten" in pdf.metadata.title
