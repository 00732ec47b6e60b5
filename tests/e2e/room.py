"""What people do in the room, as browser steps: shared by the tests and screenshots.py."""

import io
import re
from dataclasses import dataclass

import zxingcpp
from PIL import Image
from playwright.sync_api import BrowserContext, Locator, Page, expect

from livinglab.organisation import sessions
from livinglab.workshops import STAGES, closes_workshop

from .server import RUNNING

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: A projector or laptop, and a small phone.
PROJECTOR = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}

#: How long a change may take to reach another screen.
PUSH_TIMEOUT = 5_000
#: How long a page may take to load and talk to the backend.
LOAD_TIMEOUT = 15_000


@dataclass
class Workshop:
    code: str
    facilitator_link: str
    console: Page
    projector: Page


def wait_hydrated(locator: Locator) -> None:
    """Wait until React owns the prerendered element.

    Pages are prerendered: a click before hydration would submit the form natively
    (a GET that reloads the page) and the event would be lost.
    """
    locator.wait_for(state="visible", timeout=LOAD_TIMEOUT)
    locator.page.wait_for_function(
        "el => Object.keys(el).some(k => k.startsWith('__reactProps'))",
        arg=locator.element_handle(),
        timeout=LOAD_TIMEOUT,
    )


def create_workshop(
    context: BrowserContext,
    base_url: str,
    *,
    title: str = "Werk in Houten",
    question: str = "Wat helpt jou aan werk?",
    first_names: bool = False,
    language: str = "nl",
) -> Workshop:
    """Create a workshop on / and open its console and projector in `context`; a context
    not signed in on that server yet is signed in first, as a new facilitator of the
    organisation (cookies ignore the port: another test server's session does not count)."""
    server = RUNNING[base_url]
    if not any(
        cookie["name"] == sessions.COOKIE and cookie["value"] in server.session_tokens
        for cookie in context.cookies(base_url)
    ):
        server.sign_in(context)
    page = context.new_page()
    page.goto(base_url + "/")
    wait_hydrated(page.get_by_test_id("create-submit"))
    page.get_by_test_id("create-title").fill(title)
    page.get_by_test_id("create-question").fill(question)
    page.locator(f'input[name="language"][value="{language}"]').check()
    if first_names:
        page.locator('input[name="names"][value="first_name"]').check()
    page.get_by_test_id("create-submit").click()
    link = page.get_by_test_id("facilitator-link")
    expect(link).to_have_attribute("href", re.compile(r"/f/\w+\?key=."), timeout=LOAD_TIMEOUT)
    facilitator_link = link.get_attribute("href")
    code = re.search(r"/f/(\w+)\?", facilitator_link).group(1)

    page.goto(facilitator_link)
    # The key goes into a cookie and out of the address bar (the projector may mirror it).
    expect(page).to_have_url(f"{base_url}/f/{code}", timeout=LOAD_TIMEOUT)
    expect(page.get_by_test_id("stage-next")).to_be_enabled(timeout=LOAD_TIMEOUT)

    projector = context.new_page()
    projector.goto(f"{base_url}/p/{code}")
    expect(projector.get_by_test_id("join-qr")).to_be_visible(timeout=LOAD_TIMEOUT)
    return Workshop(code=code, facilitator_link=facilitator_link, console=page, projector=projector)


def decode_qr(locator: Locator) -> str:
    """The text of the one QR code in `locator`, read from its pixels like a phone camera."""
    expect(locator).to_be_visible(timeout=LOAD_TIMEOUT)
    image = Image.open(io.BytesIO(locator.screenshot()))
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, f"expected one QR code, decoded {[r.text for r in found]}"
    return found[0].text


def join(phone: Page, join_url: str, *, role: str = "resident", name: str = "") -> None:
    """Open the join address on a phone and join with a role (and a name if asked)."""
    phone.goto(join_url)
    submit = phone.get_by_test_id("join-submit")
    expect(submit).to_be_visible(timeout=LOAD_TIMEOUT)
    phone.get_by_test_id("participant-role").select_option(role)
    name_field = phone.get_by_test_id("participant-name")
    if name_field.count():
        name_field.fill(name)
    submit.click()
    expect(phone.get_by_test_id("stage-current")).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(submit).to_have_count(0)


def press_next(console: Page) -> None:
    """Press the console's next-stage button once, never twice: Playwright retries a click
    whose button was drawn again while it clicked (a push arrived), and the retry, pressed
    at the stage the first click reached, moves one stage further (seen on a busy machine:
    collect → dialogue for one press)."""
    step = console.get_by_test_id("stage-next")
    expect(step).to_be_enabled(timeout=PUSH_TIMEOUT)
    step.dispatch_event("click")


def move_to(console: Page, stage: str) -> None:
    """Press stage-next on the console until the workshop is at `stage`.

    Closing asks first: then the confirm button (stage-close-confirm) is pressed too.
    """
    current = console.get_by_test_id("stage-current")
    expect(current).to_be_visible(timeout=LOAD_TIMEOUT)
    target = STAGES.index(stage)
    while STAGES.index(at := current.get_attribute("data-stage")) < target:
        following = STAGES[STAGES.index(at) + 1]
        press_next(console)
        if closes_workshop(at):
            console.get_by_test_id("stage-close-confirm").click()
        expect(current).to_have_attribute("data-stage", following, timeout=PUSH_TIMEOUT)


def make_theme(console: Page, name: str) -> None:
    """Make a theme with the tools of the console's "now" section (making sense) and wait
    until its column is on the board: each theme's push renders the form again, and
    another stage's copy of the tools sits folded away (hidden) elsewhere on the page."""
    now = console.get_by_test_id("now")
    expect(now).to_have_attribute("data-stage", "sensemaking", timeout=PUSH_TIMEOUT)
    now.get_by_test_id("theme-name").fill(name)
    now.get_by_test_id("theme-create").click()
    expect(
        console.locator(f'[data-testid="theme-column"][data-theme-name="{name}"]')
    ).to_have_count(1, timeout=PUSH_TIMEOUT)


def post(phone: Page, text: str) -> None:
    """Post one insight and wait until the phone lists it among its own posts."""
    field = phone.get_by_test_id("insight-text")
    field.fill(text)
    phone.get_by_test_id("insight-submit").click()
    expect(cards_with_text(phone, text)).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(field).to_have_value("")  # emptied once stored, ready for the next story


def cards_with_text(page: Page, text: str, *, testid: str = "insight-card") -> Locator:
    """Insight cards on `page` whose text is exactly `text` (hidden ones: insight-card-hidden)."""
    shown = page.get_by_test_id("insight-text-shown").filter(
        has_text=re.compile("^" + re.escape(text) + "$")
    )
    return page.get_by_test_id(testid).filter(has=shown)
