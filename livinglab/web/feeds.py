"""Files other programs fetch by address: the iCalendar feed of open actions' due dates,
the health check and the metrics an operator's monitoring reads.

A calendar program cannot log in, so the person's own access token is in the address
(like the secret address of a shared calendar); revoking the person stops the feed.
"""

import asyncio
import logging
import secrets

from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from livinglab import actors, db, metrics, settings
from livinglab.db import session_scope
from livinglab.errors import DomainError
from livinglab.organisation import sessions
from livinglab.organisation.audit import trail_csv
from livinglab.records.followups import calendar
from livinglab.web import routes
from livinglab.web.state.admin import filters_of


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


logger = logging.getLogger(__name__)

#: How long /healthz waits for the database before it says it does not answer (seconds).
HEALTH_TIMEOUT = 5


def _schema_revision() -> str:
    with db.engine().connect() as connection:
        return db.schema_revision(connection)


def _audit_csv(token: str, filters: dict[str, str]) -> bytes:
    with session_scope() as session:
        me = actors.member(session, token)
        return trail_csv(session=session, by=me, **filters)


async def audit_csv(request: Request) -> Response:
    """GET /admin/audit.csv?who=&act=&workshop=&since=&until= (the audit page's filters):
    every matching row, for a signed-in admin (the session cookie); 403 for anyone else."""
    try:
        data = await asyncio.to_thread(
            _audit_csv,
            request.cookies.get(sessions.COOKIE, ""),
            filters_of(dict(request.query_params)),
        )
    except DomainError as refusal:
        return PlainTextResponse(refusal.key, status_code=403)
    return Response(
        data,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="audit.csv"',
            "Cache-Control": "no-store",
        },
    )


async def health(_request: Request) -> Response:
    """GET /healthz: 200 when the database answers and its schema is the newest, else 503."""
    try:
        revision = await asyncio.wait_for(asyncio.to_thread(_schema_revision), HEALTH_TIMEOUT)
    except (SQLAlchemyError, TimeoutError):
        logger.exception("the health check could not read the database")
        return JSONResponse(
            {"database": "down", "reason": "the database does not answer"}, status_code=503
        )
    newest = db.schema_revisions()[-1]
    if revision != newest:
        reason = f"schema {revision or '(none)'} is not {newest}: run python -m livinglab migrate"
        return JSONResponse(
            {"database": "ok", "schema": revision, "reason": reason}, status_code=503
        )
    return JSONResponse({"database": "ok", "schema": revision})


def _may_read_metrics(request: Request) -> bool:
    offered = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if settings.METRICS_TOKEN and secrets.compare_digest(offered, settings.METRICS_TOKEN):
        return True
    return bool(request.client and request.client.host in settings.METRICS_ALLOW)


async def metrics_page(request: Request) -> Response:
    """GET /metrics: Prometheus's text format; not there unless a token or addresses are set."""
    if not (settings.METRICS_TOKEN or settings.METRICS_ALLOW):
        return PlainTextResponse("not found", status_code=404)
    if not _may_read_metrics(request):
        return PlainTextResponse("forbidden", status_code=403)
    body, content_type = metrics.exposition()
    return Response(body, media_type=content_type)


feeds = Starlette(
    routes=[
        Route(routes.ACTIONS_CALENDAR, actions_calendar),
        Route(routes.HEALTH, health),
        Route(routes.METRICS, metrics_page),
        Route(routes.AUDIT_CSV, audit_csv),
    ]
)
