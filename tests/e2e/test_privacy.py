"""Privacy end to end: security headers, nothing sent to another host, the key kept out of logs."""

import re
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Route, expect

from .room import PUSH_TIMEOUT, cards_with_text, create_workshop, join, move_to, post

#: Reports every Content-Security-Policy violation on the console, as the browser may not.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content Security Policy violation: ${event.violatedDirective} `
    + `blocked ${event.blockedURI} in ${event.sourceFile}:${event.lineNumber}`);
});
"""


def response_headers(url: str) -> dict[str, str]:
    """The headers of the answer to a GET of `url`, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return {name.lower(): value for name, value in response.headers.items()}
    except urllib.error.HTTPError as error:
        return {name.lower(): value for name, value in error.headers.items()}


def policy(headers: dict[str, str]) -> dict[str, list[str]]:
    """The Content-Security-Policy header as directive -> sources."""
    directives = [part.split() for part in headers["content-security-policy"].split(";")]
    return {name: sources for name, *sources in directives}


def test_pages_assets_and_api_carry_the_security_headers(app_server):
    start_page = urllib.request.urlopen(app_server.base_url + "/", timeout=10).read().decode()
    script = re.search(r'(?:src|href)="(/assets/[^"]+\.js)"', start_page).group(1)
    for path in ("/", "/j/ABC123", "/livinglab.css", script, "/ping", "/no-such-page"):
        headers = response_headers(app_server.base_url + path)
        assert headers.get("referrer-policy") == "no-referrer", path
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("permissions-policy") == "camera=(), microphone=(), geolocation=()"
        if path in ("/livinglab.css", script, "/ping"):
            # Not documents: the policy would only make a phone's first load heavier.
            assert "content-security-policy" not in headers, path
            continue
        csp = policy(headers)
        assert csp["default-src"] == ["'self'"], path
        assert csp["connect-src"] == ["'self'"], path
        assert csp["img-src"] == ["'self'", "data:"], path
        assert csp["object-src"] == ["'none'"], path
        assert csp["frame-ancestors"] == ["'none'"], path
        assert csp["base-uri"] == csp["form-action"] == ["'self'"], path
        # Reflex's inline scripts go by their hashes, never by allowing every inline script.
        assert "'unsafe-inline'" not in csp["script-src"], path
        assert "'unsafe-eval'" not in csp["script-src"], path
        assert any(source.startswith("'sha256-") for source in csp["script-src"]), path


def watch_csp(context: BrowserContext, violations: list[str]) -> None:
    """Record every Content-Security-Policy complaint of the pages of `context`."""
    context.add_init_script(REPORT_CSP_VIOLATIONS)

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            violations.append(f"{message.page.url if message.page else ''}: {message.text}")

    context.on("console", on_console)


def test_a_whole_workshop_sends_nothing_to_another_host_and_breaks_no_csp(people, app_server):
    violations: list[str] = []

    def abort_foreign(route: Route) -> None:
        # people records the request itself (and fails the test on it); here it is stopped.
        if people.leaves_the_app(route.request.url):
            route.abort()
        else:
            route.fallback()

    facilitator, phone_context = people.facilitator(), people.phone()
    for context in (facilitator, phone_context):
        context.route("**/*", abort_foreign)
        watch_csp(context, violations)

    room = create_workshop(facilitator, app_server.base_url)
    phone = phone_context.new_page()
    join(phone, f"{app_server.public_url}/j/{room.code}")
    move_to(room.console, "collect")
    post(phone, "De bus naar het bedrijventerrein rijdt niet vroeg genoeg.")
    expect(
        cards_with_text(room.projector, "De bus naar het bedrijventerrein rijdt niet vroeg genoeg.")
    ).to_have_count(1, timeout=PUSH_TIMEOUT)
    move_to(room.console, "dialogue")
    for page in (room.projector, phone):
        expect(page.get_by_test_id("stage-current")).to_have_attribute(
            "data-stage", "dialogue", timeout=PUSH_TIMEOUT
        )
    # A download is a data: URI handed to the page over the websocket.
    with room.console.expect_download(timeout=30_000) as download:
        room.console.get_by_test_id("download-json").click()
    assert download.value.suggested_filename.endswith(".json")
    phone.reload()  # a fresh page load and a new websocket
    expect(phone.get_by_test_id("stage-current")).to_have_attribute(
        "data-stage", "dialogue", timeout=PUSH_TIMEOUT
    )

    assert people.foreign_requests == []
    assert violations == []


def test_facilitator_key_stays_out_of_the_server_log_and_the_referrer(people, app_server):
    facilitator = people.facilitator()
    referrers: list[str] = []
    facilitator.on("request", lambda request: referrers.append(request.headers.get("referer", "")))

    room = create_workshop(facilitator, app_server.base_url)

    key = parse_qs(urlsplit(room.facilitator_link).query)["key"][0]
    assert len(key) >= 16
    assert key not in app_server.log()
    assert not [referrer for referrer in referrers if key in referrer]
