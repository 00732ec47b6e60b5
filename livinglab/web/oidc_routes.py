"""Signing in at the organisation's identity provider (OpenID Connect), and signing out.

GET AUTH_SIGN_IN?next=/path sends the browser to the provider (or, without one, to the
passkey page); the provider sends it back to GET AUTH_CALLBACK, which sets the session
cookie and goes on to `next`. GET AUTH_INVITE?token= does the same with an invitation.
POST AUTH_SIGN_OUT ends the session, here and (when it offers it) at the provider.

A refused sign-in gets a small page of its own that says why, in the browser's language,
with a way to try again: the person came back from another site and needs to know what
happened. The checks themselves are in livinglab/organisation/oidc.py.
"""

import asyncio
import html
from urllib.parse import urlencode

import httpx
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from livinglab import settings
from livinglab.errors import DomainError, RoleRequired
from livinglab.i18n import DEFAULT_LANGUAGE, translate
from livinglab.models import Language
from livinglab.organisation import oidc, sessions
from livinglab.web import routes
from livinglab.web.auth import (
    client_address,
    in_transaction,
    request_token,
    safe_return,
    same_origin,
    signed_in_response,
    signed_out_response,
)

#: What the provider could not do: its discovery or keys did not answer.
PROVIDER_DOWN = (httpx.HTTPError, ValueError, KeyError)


def public_origin(request: Request) -> str:
    """This app's address as browsers reach it: LIVINGLAB_PUBLIC_URL, else the request's."""
    return settings.PUBLIC_URL or str(request.base_url).rstrip("/")


def redirect_uri(request: Request) -> str:
    """Where the provider sends people back (registered at the provider as such)."""
    return public_origin(request) + routes.AUTH_CALLBACK


def _language(request: Request) -> str:
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in tuple(Language):
            return tag
    return DEFAULT_LANGUAGE


def refusal_page(request: Request, key: str, *, status: int = 403) -> HTMLResponse:
    """A plain page that says why signing in did not work, and how to go on."""
    language = _language(request)

    def say(name: str) -> str:
        return html.escape(translate(name, language))

    body = f"""<!doctype html>
<html lang="{language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{say("sign_in_refused_title")} · livinglab</title>
<link rel="stylesheet" href="/livinglab.css"></head>
<body><main class="sign-in-refused">
<h1>{say("sign_in_refused_title")}</h1>
<p id="sign-in-refusal" role="alert" data-key="{html.escape(key)}">{say(key)}</p>
<p><a href="{routes.AUTH_SIGN_IN}">{say("sign_in_try_again")}</a></p>
<p><a href="{routes.START}">{say("sign_in_to_start")}</a></p>
</main></body></html>
"""
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


async def _to_provider(request: Request, *, return_to: str, invite_token: str = "") -> Response:
    try:
        url = await in_transaction(
            oidc.begin,
            redirect_uri=redirect_uri(request),
            return_to=return_to,
            invite_token=invite_token,
        )
    except DomainError as refusal:
        return refusal_page(request, refusal.key)
    except PROVIDER_DOWN:
        return refusal_page(request, "sign_in_provider_down", status=503)
    return RedirectResponse(url, status_code=302, headers={"Cache-Control": "no-store"})


async def sign_in(request: Request) -> Response:
    """Start signing in: at the identity provider, or on the passkey page without one."""
    return_to = safe_return(request.query_params.get("next"))
    if not oidc.configured():
        return RedirectResponse(
            f"{routes.SIGN_IN}?{urlencode({'next': return_to})}", status_code=302
        )
    return await _to_provider(request, return_to=return_to)


async def invite(request: Request) -> Response:
    """Accept an invitation (or the setup link) by signing in at the identity provider;
    without one, the invitation is opened on the welcome page (passkeys)."""
    token = request.query_params.get("token", "")
    if not oidc.configured():
        return RedirectResponse(f"{routes.WELCOME}?{urlencode({'token': token})}", 302)
    return await _to_provider(request, return_to=routes.START, invite_token=token)


async def callback(request: Request) -> Response:
    """Where the provider sends people back: signed in, or a page that says why not."""
    if not oidc.configured():
        return refusal_page(request, "error_sign_in_failed", status=404)
    try:
        _member, token, return_to = await in_transaction(
            oidc.finish,
            redirect_uri=redirect_uri(request),
            query_params=dict(request.query_params),
            address=client_address(request),
        )
    except RoleRequired:
        return refusal_page(request, "sign_in_no_role")
    except DomainError as refusal:
        return refusal_page(request, refusal.key)
    response = RedirectResponse(safe_return(return_to), status_code=303)
    return signed_in_response(response, request, token)


async def sign_out(request: Request) -> Response:
    """End this browser's session; then sign out at the provider too, when it offers it."""
    if not same_origin(request):
        return PlainTextResponse(translate("sign_out_refused", _language(request)), status_code=403)
    everywhere = (await request.form()).get("everywhere") == "1"
    id_token = await in_transaction(
        sessions.end, token=request_token(request), everywhere=everywhere
    )
    home = public_origin(request) + routes.START
    away = await asyncio.to_thread(oidc.end_session_url, id_token, home) if id_token else None
    response = RedirectResponse(away or routes.START, status_code=303)
    return signed_out_response(response, request)


ROUTES: list[Route] = [
    Route(routes.AUTH_SIGN_IN, sign_in, methods=["GET"]),
    Route(routes.AUTH_CALLBACK, callback, methods=["GET"]),
    Route(routes.AUTH_INVITE, invite, methods=["GET"]),
    Route(routes.AUTH_SIGN_OUT, sign_out, methods=["POST"]),
]
