"""The records library's reads: closed workshops, their sealed records with the follow-up
addendum, and every version of a record (the chain). Never the live tables for a closed
workshop: what was sealed is what is shown."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from livinglab.codes import format_code
from livinglab.errors import WorkshopNotFound
from livinglab.models import Workshop
from livinglab.organisation import audit
from livinglab.organisation.audit import AuditAct
from livinglab.records.access import require_access
from livinglab.records.followups import addendum
from livinglab.records.record import build_record, when
from livinglab.records.versions import chain, sealed_record
from livinglab.workshops import (
    audit_lead,
    closed_condition,
    find_workshop,
    is_closed,
    require_facilitator,
)


def current_record(session: Session, workshop: Workshop) -> dict[str, Any]:
    """What an export of `workshop` holds now: its newest sealed version once it closed,
    the record so far (unsealed, no version) while it runs."""
    if is_closed(workshop):
        sealed = sealed_record(session, workshop)
        if sealed is not None:
            return sealed
    return build_record(session=session, workshop=workshop)


def facilitator_record(*, session: Session, code: str, key: str) -> dict[str, Any]:
    """The record for a download from the console: the facilitator key is required."""
    workshop = require_facilitator(session=session, code=code, key=key)
    audit_lead(session, workshop, AuditAct.RECORD_EXPORTED)
    return current_record(session, workshop)


@dataclass(frozen=True)
class ClosedWorkshop:
    """A line on the records page."""

    code: str
    #: The code as people saw it on the projector (ABC-DEFG).
    shown_code: str
    title: str
    day: str


def closed_workshops(*, session: Session, key: str) -> list[ClosedWorkshop]:
    """Closed workshops, newest first, for the organisation's key or a person's access."""
    require_access(session=session, credential=key)
    return [
        ClosedWorkshop(
            code=w.code, shown_code=format_code(w.code), title=w.title, day=when(w.created_at)[:10]
        )
        for w in session.exec(
            select(Workshop).where(closed_condition()).order_by(Workshop.id.desc())
        )
    ]


def _closed(session: Session, key: str, code: str) -> Workshop:
    caller = require_access(session=session, credential=key)
    workshop = find_workshop(session=session, code=code)
    if not is_closed(workshop):
        raise WorkshopNotFound(code)
    audit.record(
        session,
        AuditAct.RECORD_EXPORTED,
        actor=caller.name,
        member_id=caller.member_id,
        workshop_code=workshop.code,
    )
    return workshop


def closed_record(*, session: Session, key: str, code: str) -> dict[str, Any]:
    """The newest sealed record of a closed workshop, with its follow-up addendum (outside
    the record's check code, with its own, naming the version it follows)."""
    workshop = _closed(session, key, code)
    record = current_record(session, workshop)
    return {
        **record,
        "addendum": addendum(
            session=session,
            workshop=workshop,
            original_digest=record["digest"],
            version=record["seal"]["version"],
        ),
    }


def record_chain(*, session: Session, key: str, code: str) -> dict[str, Any]:
    """Every version of a closed workshop's record, for `python -m livinglab verify`."""
    return chain(session, _closed(session, key, code))
