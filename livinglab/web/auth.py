"""Signing members in and out over plain HTTP: the only place that sets or clears the session
cookie, so that it can be HttpOnly (no script reads it), SameSite=Lax and Secure behind
HTTPS. Reflex pages read it from the websocket's opening request (`ViewState._signed_in`).

The identity provider's routes live in livinglab/web/oidc_routes.py, the passkeys' in
livinglab/web/passkey_routes.py; both end here, in `signed_in_response`.
"""

import asyncio
from collections.abc import Callable
from http.cookies import CookieError, SimpleCookie
from typing import TypeVar
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from livinglab import settings
from livinglab.db import session_scope
from livinglab.organisation import sessions

Result = TypeVar("Result")

#: Where a sign-in may send the browser afterwards: a path of this app, nothing else.
HOME = "/"
#: A session cookie lives as long as a session can stay idle; the server decides anyway.
COOKIE_SECONDS = int(settings.SESSION_IDLE_HOURS * 3600)


def session_cookie(cookie_header: str) -> str:
    """The session token in a Cookie header ("" when there is none, or it is broken)."""
    jar = SimpleCookie()
    try:
        jar.load(cookie_header or "")
    except CookieError:
        return ""
    morsel = jar.get(sessions.COOKIE)
    return morsel.value if morsel is not None else ""


def safe_return(path: object) -> str:
    """`path` if it is a path on this site ("/f/ABC"), else the start page: a sign-in never
    sends anyone to another site (an open redirect)."""
    path = str(path or "")
    parts = urlsplit(path)
    if not path.startswith("/") or path.startswith("//") or parts.scheme or parts.netloc:
        return HOME
    if "\\" in path or any(ord(char) < 32 for char in path):
        return HOME
    return path[:200]


def _secure(request: Request) -> bool:
    return request.url.scheme == "https" or settings.PUBLIC_URL.startswith("https://")


def client_address(request: Request) -> str:
    """The address a request came from (behind a proxy: what the proxy says it forwards,
    only as far as REFLEX_TRUSTED_PROXY_HOPS trusts it, as for the websocket)."""
    return request.client.host if request.client else "unknown"


def same_origin(request: Request) -> bool:
    """A POST from a page of this app (a form or script elsewhere cannot sign people out or
    in: SameSite=Lax keeps the cookie off it too).

    Browsers say so in Sec-Fetch-Site (no page can set it). Under this app's
    `Referrer-Policy: no-referrer` a form's or script's POST carries `Origin: null`, so the
    Origin header only counts for clients that send no Sec-Fetch-Site."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("origin", "")
    return bool(origin) and urlsplit(origin).netloc == request.url.netloc


def signed_in_response(response: Response, request: Request, token: str) -> Response:
    """`response` with the new session's cookie set."""
    response.set_cookie(
        sessions.COOKIE,
        token,
        max_age=COOKIE_SECONDS,
        path="/",
        httponly=True,
        secure=_secure(request),
        samesite="lax",
    )
    return response


def signed_out_response(response: Response, request: Request) -> Response:
    response.delete_cookie(
        sessions.COOKIE, path="/", httponly=True, secure=_secure(request), samesite="lax"
    )
    return response


async def in_transaction(call: Callable[..., Result], **kwargs) -> Result:
    """Run a domain call in its own committed transaction, off the event loop."""

    def run() -> Result:
        with session_scope() as session:
            return call(session=session, **kwargs)

    return await asyncio.to_thread(run)


def request_token(request: Request) -> str:
    return request.cookies.get(sessions.COOKIE, "")
