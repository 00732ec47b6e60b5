"""Files other programs fetch by address: the iCalendar feed of open actions' due dates.

A calendar program cannot log in, so the person's own access token is in the address
(like the secret address of a shared calendar); revoking the person stops the feed.
"""

import asyncio

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from livinglab.db import session_scope
from livinglab.errors import DomainError
from livinglab.followups import calendar
from livinglab.web import routes


def _calendar(credential: str, organisers: str) -> bytes:
    with session_scope() as session:
        return calendar(session=session, credential=credential, organisers=organisers)


async def actions_calendar(request: Request) -> Response:
    """GET /feeds/actions.ics?access=<token>[&organisers=<name>]"""
    try:
        feed = await asyncio.to_thread(
            _calendar,
            request.query_params.get("access", ""),
            request.query_params.get("organisers", ""),
        )
    except DomainError as refusal:
        return PlainTextResponse(refusal.key, status_code=403)
    return Response(
        feed,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="livinglab-actions.ics"'},
    )


feeds = Starlette(routes=[Route(routes.ACTIONS_CALENDAR, actions_calendar)])
