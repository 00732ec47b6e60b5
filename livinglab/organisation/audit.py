"""The audit trail: one appended row per act that matters, never changed. Who (a member,
a co-facilitator's label, the facilitator link, "participant" or the system), when, what,
which workshop. Only admins read it.

Names of people who are not members (co-facilitators' labels) are forgotten when the
workshop's personal data is purged (livinglab/retention.py); members' names stay, as the
organisation's own staff record.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from sqlmodel import Session, or_, select

from livinglab.export.tables import table
from livinglab.limits import NAME_MAX
from livinglab.models import AuditEvent, MemberRole
from livinglab.organisation.signed_in import require
from livinglab.validation import day

#: How the trail names acts without a person.
SYSTEM = "system"
PARTICIPANT = "participant"
FACILITATOR_LINK = "facilitator link"
#: What a purge leaves of a co-facilitator's label.
COFACILITATOR = "co-facilitator"
#: Rows on the page at most (the CSV holds every row that matches).
ROWS_SHOWN = 500


class AuditAct(StrEnum):
    SIGNED_IN = "signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGNED_OUT = "signed_out"
    SIGNED_OUT_EVERYWHERE = "signed_out_everywhere"
    SETUP_LINK_MADE = "setup_link_made"
    MEMBER_INVITED = "member_invited"
    MEMBER_JOINED = "member_joined"
    DEVICE_LINK_MADE = "device_link_made"
    PASSKEY_ADDED = "passkey_added"
    ROLES_CHANGED = "roles_changed"
    MEMBER_REMOVED = "member_removed"
    WORKSHOP_STARTED = "workshop_started"
    WORKSHOP_CLOSED = "workshop_closed"
    WORKSHOP_REOPENED = "workshop_reopened"
    WORKSHOP_HANDED_OVER = "workshop_handed_over"
    WORKSHOP_DELETED = "workshop_deleted"
    RECORD_EXPORTED = "record_exported"
    RECORD_CORRECTED = "record_corrected"
    ACTION_FOLLOWED_UP = "action_followed_up"
    COFACILITATOR_LINK_MADE = "cofacilitator_link_made"
    COFACILITATOR_LINK_STOPPED = "cofacilitator_link_stopped"
    ERASURE_ASKED = "erasure_asked"


ACTS = tuple(AuditAct)


class Actor(Protocol):
    """Anyone the trail can name: a signed-in member, or a runner of a room."""

    @property
    def audit_name(self) -> str: ...


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: str
    actor: str
    act: str
    workshop: str
    detail: str


def record(
    session: Session,
    act: AuditAct,
    *,
    actor: str,
    member_id: int | None = None,
    workshop_code: str = "",
    detail: str = "",
) -> None:
    """Append one row (in the caller's transaction: the act and its trace commit together)."""
    session.add(
        AuditEvent(
            member_id=member_id,
            actor=str(actor)[: NAME_MAX + 20],
            act=AuditAct(act).value,
            workshop_code=workshop_code,
            detail=str(detail)[:300],
        )
    )


def record_by(
    session: Session, actor: Actor, act: AuditAct, *, workshop_code: str = "", detail: str = ""
) -> None:
    """Append one row naming `actor` (a member keeps their id, so a filter finds them)."""
    record(
        session,
        act,
        actor=actor.audit_name,
        member_id=getattr(actor, "member_id", None),
        workshop_code=workshop_code,
        detail=detail,
    )


def forget_cofacilitators(session: Session, workshop_code: str, labels: list[str]) -> None:
    """A purge: co-facilitators' labels in this workshop's rows become their role, as the
    one who acted or as the one a link was made or stopped for (the row's detail)."""
    if not labels:
        return
    for row in session.exec(
        select(AuditEvent).where(
            AuditEvent.workshop_code == workshop_code,
            or_(AuditEvent.actor.in_(labels), AuditEvent.detail.in_(labels)),
        )
    ):
        if row.actor in labels:
            row.actor = COFACILITATOR
        if row.detail in labels:
            row.detail = COFACILITATOR
        session.add(row)


def _matching(session: Session, who: str, act: str, workshop: str, since: str, until: str):
    query = select(AuditEvent)
    if who.strip():
        query = query.where(AuditEvent.actor.icontains(who.strip(), autoescape=True))
    if act in ACTS:
        query = query.where(AuditEvent.act == act)
    if workshop.strip():
        query = query.where(AuditEvent.workshop_code == workshop.strip().upper())
    first, last = day(since), day(until)
    if first is not None:
        query = query.where(AuditEvent.at >= datetime.combine(first, time.min, UTC))
    if last is not None:
        query = query.where(
            AuditEvent.at < datetime.combine(last + timedelta(days=1), time.min, UTC)
        )
    return session.exec(query.order_by(AuditEvent.id.desc()))


def trail(
    *,
    session: Session,
    by,
    who: str = "",
    act: str = "",
    workshop: str = "",
    since: str = "",
    until: str = "",
    limit: int | None = ROWS_SHOWN,
) -> list[AuditLine]:
    """The rows that match every filter given, newest first (admins only). Dates are days
    (2026-12-31), both ends included; a bad date is refused."""
    require(by, MemberRole.ADMIN)
    lines = []
    for row in _matching(session, str(who), str(act), str(workshop), str(since), str(until)):
        lines.append(
            AuditLine(
                id=row.id,
                at=row.at.strftime("%Y-%m-%d %H:%M:%S"),
                actor=row.actor,
                act=row.act,
                workshop=row.workshop_code,
                detail=row.detail,
            )
        )
        if limit is not None and len(lines) >= limit:
            break
    return lines


def trail_csv(*, session: Session, by, **filters: str) -> bytes:
    """Every matching row as CSV (a spreadsheet shows formulas as text)."""
    lines = trail(session=session, by=by, limit=None, **filters)
    header = ["id", "at_utc", "who", "act", "workshop", "detail"]
    rows = [[line.id, line.at, line.actor, line.act, line.workshop, line.detail] for line in lines]
    return table(header, rows).encode("utf-8")
