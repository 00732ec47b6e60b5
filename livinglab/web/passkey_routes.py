"""Passkeys over plain HTTP (JSON in, JSON out), called by assets/passkey.js:

POST PASSKEY_ADD_OPTIONS   {"token"?, "next"?}          -> WebAuthn creation options
POST PASSKEY_ADD           {"credential", "name"?}      -> {"next"} and the session cookie
POST PASSKEY_SIGN_IN_OPTIONS {"next"?}                  -> WebAuthn request options
POST PASSKEY_SIGN_IN       {"credential"}               -> {"next"} and the session cookie

Only from a page of this app (`same_origin`). A refusal is {"error": catalog key}: 400 (the
passkey or invitation did not check out), 403 (another site's page), 429 (too many failed
sign-ins). The domain is livinglab/organisation/passkeys.py.
"""

import asyncio
import json
from collections.abc import Callable
from typing import TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from livinglab import actors
from livinglab.db import session_scope
from livinglab.errors import DomainError, TooManySignIns
from livinglab.organisation import passkeys
from livinglab.organisation.passkeys import PasskeyRefused
from livinglab.web import routes
from livinglab.web.auth import (
    client_address,
    in_transaction,
    request_token,
    safe_return,
    same_origin,
    signed_in_response,
)

Result = TypeVar("Result")
#: The largest JSON body accepted (a WebAuthn answer is a few kilobytes).
BODY_MAX = 64 * 1024


def _refused(key: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": key}, status_code=status, headers={"Cache-Control": "no-store"})


def _status(refusal: DomainError) -> int:
    return 429 if isinstance(refusal, TooManySignIns) else 400


async def _body(request: Request) -> dict:
    raw = await request.body()
    if len(raw) > BODY_MAX:
        return {}
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


async def _attempt(call: Callable[..., Result], *, address: str, **kwargs) -> Result:
    """The domain call in its own transaction; a refused passkey is rolled back, then
    recorded (challenge spent, failure counted and audited) in a second one, and raised."""

    def run() -> Result:
        try:
            with session_scope() as session:
                return call(session=session, address=address, **kwargs)
        except PasskeyRefused as refusal:
            with session_scope() as session:
                passkeys.record_refusal(session, refusal=refusal, address=address)
            raise

    return await asyncio.to_thread(run)


async def _signed_in(request: Request):
    token = request_token(request)
    return await in_transaction(actors.member, secret=token) if token else None


def _origin(request: Request) -> str:
    return request.headers.get("origin", "")


async def add_options(request: Request) -> JSONResponse:
    if not same_origin(request):
        return _refused("error_sign_in_failed", 403)
    body = await _body(request)
    token = str(body.get("token") or "")
    by = None if token else await _signed_in(request)
    try:
        options = await in_transaction(
            passkeys.add_options,
            origin=_origin(request),
            token=token,
            by=by,
            return_to=safe_return(body.get("next")),
        )
    except DomainError as refusal:
        return _refused(refusal.key, _status(refusal))
    return JSONResponse(options, headers={"Cache-Control": "no-store"})


async def add(request: Request) -> JSONResponse:
    if not same_origin(request):
        return _refused("error_sign_in_failed", 403)
    body = await _body(request)
    by = await _signed_in(request)
    try:
        started = await _attempt(
            passkeys.add,
            address=client_address(request),
            credential=body.get("credential"),
            origin=_origin(request),
            name=str(body.get("name") or ""),
            by=by,
        )
    except DomainError as refusal:
        return _refused(refusal.key, _status(refusal))
    response = JSONResponse({"next": safe_return(started.return_to)})
    if started.token:
        signed_in_response(response, request, started.token)
    return response


async def sign_in_options(request: Request) -> JSONResponse:
    if not same_origin(request):
        return _refused("error_sign_in_failed", 403)
    body = await _body(request)
    try:
        options = await in_transaction(
            passkeys.sign_in_options,
            origin=_origin(request),
            return_to=safe_return(body.get("next")),
        )
    except DomainError as refusal:
        return _refused(refusal.key, _status(refusal))
    return JSONResponse(options, headers={"Cache-Control": "no-store"})


async def sign_in(request: Request) -> JSONResponse:
    if not same_origin(request):
        return _refused("error_sign_in_failed", 403)
    body = await _body(request)
    try:
        started = await _attempt(
            passkeys.sign_in,
            address=client_address(request),
            credential=body.get("credential"),
            origin=_origin(request),
        )
    except DomainError as refusal:
        return _refused(refusal.key, _status(refusal))
    response = JSONResponse({"next": safe_return(started.return_to)})
    return signed_in_response(response, request, started.token)


ROUTES: list[Route] = [
    Route(routes.PASSKEY_ADD_OPTIONS, add_options, methods=["POST"]),
    Route(routes.PASSKEY_ADD, add, methods=["POST"]),
    Route(routes.PASSKEY_SIGN_IN_OPTIONS, sign_in_options, methods=["POST"]),
    Route(routes.PASSKEY_SIGN_IN, sign_in, methods=["POST"]),
]
