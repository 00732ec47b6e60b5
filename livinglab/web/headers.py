"""Security headers on every HTTP response: what a page may load, where it may send, who sees it.

The policy is plain constants and pure functions; `with_security_headers` is the
`rx.App(api_transformer=...)` that puts it on every response. Reflex applies the
transformer to the app that also serves the built pages and assets in production
(`reflex run --env prod --single-port`), so pages, assets and the API all carry it.
Only CORS preflight answers (OPTIONS, made by Reflex's outer CORS middleware) go
without: they are never shown as a page.

The same transformer says how long a phone may keep what it fetched (`Cache-Control`).
Compression needs nothing here: Reflex's production build writes a .gz beside every
page, script and stylesheet and serves it to browsers that accept gzip.
"""

import base64
import hashlib
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from livinglab import settings
from livinglab.web.reflex_internals import built_pages_dir, frontend_address

#: The Content-Security-Policy, directive by directive; script hashes are added to script-src.
CSP_DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # No 'unsafe-inline': the inline scripts of the build (theme preload, router context,
    # hydration) are allowed by their hashes. No 'unsafe-eval' either: Reflex runs a
    # server-sent rx.call_script with eval(), so no handler returns one (the phone's
    # outbox watches counters in the page instead).
    "script-src": ("'self'",),
    # Emotion (Reflex's CSS-in-JS) inserts <style> elements at run time and Radix sets style
    # attributes: neither can be hashed ahead.
    "style-src": ("'self'", "'unsafe-inline'"),
    # The join QR code is an SVG data URI.
    "img-src": ("'self'", "data:"),
    # 'self' also covers ws: and wss: to the page's own host and port (CSP level 3), which
    # is where Reflex's websocket goes: the e2e test connects under this policy.
    "connect-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}

#: Cache-Control of the build's files under /assets/: Vite names each by a hash of its content,
#: so a new build brings new names and a phone may keep these for a year without asking again.
HASHED_ASSETS_CACHE = "public, max-age=31536000, immutable"
#: Cache-Control of everything else (pages, /timer.js, the API): keep it, but ask the server
#: first (a cheap 304), so a phone never runs an old page against a new build.
REVALIDATE = "no-cache"

#: The other headers. No referrer: the facilitator link carries its key on first open.
OTHER_HEADERS: dict[str, str] = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


class _InlineScripts(HTMLParser):
    """Collects the text of every <script> without a src attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and "src" not in dict(attrs):
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_script_hashes(pages_dir: Path) -> list[str]:
    """CSP sources ('sha256-…') for the inline scripts of every built page under `pages_dir`."""
    hashes = set()
    for page in sorted(pages_dir.rglob("*.html")):
        parser = _InlineScripts()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        for script in parser.scripts:
            digest = hashlib.sha256(script.encode()).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def content_security_policy(script_hashes: Iterable[str] = ()) -> str:
    """The Content-Security-Policy header value, allowing the given inline scripts."""
    directives = {**CSP_DIRECTIVES}
    directives["script-src"] = (*directives["script-src"], *script_hashes)
    if settings.OIDC_ISSUER:
        # Signing out (a form's POST) goes on to the identity provider to sign out there too;
        # Chromium holds form-action to the redirect's address as well.
        issuer = urlsplit(settings.OIDC_ISSUER)
        directives["form-action"] = (
            *directives["form-action"],
            f"{issuer.scheme}://{issuer.netloc}",
        )
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def is_page(content_type: str) -> bool:
    """Whether a response is a document the CSP governs (HTML), not a script, style or data.

    The policy (1.2 KB with the script hashes) on every script and stylesheet would add
    about 25 KB to a phone's first load: an eighth of it, for nothing.
    """
    return content_type.split(";")[0].strip().lower() == "text/html"


def cache_control(path: str, status: int, *, hashed_prefix: str) -> str:
    """How long a browser may keep the answer `status` to `path` (hashed build files: a year)."""
    if path.startswith(hashed_prefix) and status in (200, 304):
        return HASHED_ASSETS_CACHE
    return REVALIDATE


class SecurityHeaders:
    """ASGI middleware: the headers and a Cache-Control on every HTTP response of `app`,
    the Content-Security-Policy on its pages.

    Websockets pass untouched. A Cache-Control the app set itself is kept.
    """

    def __init__(self, app: ASGIApp, policy: str, hashed_prefix: str) -> None:
        self.app = app
        self.policy = policy
        self.hashed_prefix = hashed_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                response_headers = MutableHeaders(scope=message)
                for name, value in OTHER_HEADERS.items():
                    response_headers[name] = value
                if is_page(response_headers.get("content-type", "")):
                    response_headers["Content-Security-Policy"] = self.policy
                if "cache-control" not in response_headers:
                    response_headers["Cache-Control"] = cache_control(
                        scope["path"], message["status"], hashed_prefix=self.hashed_prefix
                    )
            await send(message)

        await self.app(scope, receive, send_with_headers)


def with_security_headers(app: ASGIApp) -> ASGIApp:
    """The api_transformer for rx.App: `app` with the headers on every response."""
    return SecurityHeaders(
        app,
        content_security_policy(inline_script_hashes(built_pages_dir())),
        hashed_prefix=frontend_address("/assets/"),
    )
