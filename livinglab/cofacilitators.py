"""Two people run a room: co-facilitators, each with their own revocable key.

A co-facilitator moderates stories, groups cards into themes and acts for people on paper
(writes their stories, adds them, casts their dots). Moving the workshop on, closing it,
rounds, the dialogue, deleting, exporting and handing out links stay with the facilitator
(`workshops.require_facilitator`). Every act either of them may do names who did it in
the audit trail (`FacilitatorAct`).
"""

import secrets
from dataclasses import dataclass

from sqlmodel import Session, func, select

from livinglab import actors, changes
from livinglab.access import access_cofacilitator
from livinglab.actors import Runner
from livinglab.changes import Change
from livinglab.credentials import digest_secret
from livinglab.errors import NotFacilitator
from livinglab.limits import NAME_MAX
from livinglab.models import CoFacilitator, FacilitatorAct, utcnow
from livinglab.organisation import members
from livinglab.organisation.audit import AuditAct
from livinglab.organisation.members import SignedIn
from livinglab.validation import clean_text
from livinglab.workshops import (
    Act,
    audit_lead,
    find_workshop,
    require_facilitator,
    require_stage,
)


@dataclass(frozen=True)
class CoFacilitatorView:
    """A co-facilitator as the facilitator's console lists them."""

    id: int
    label: str
    active: bool


def find_runner(*, session: Session, code: str, key: str) -> Runner | None:
    """Who holds `key` in workshop `code`: the facilitator, a co-facilitator, or nobody."""
    return actors.runner(session, find_workshop(session=session, code=code), key)


def require_runner(
    *, session: Session, code: str, key: str, act: Act | None = None, audit: str = ""
) -> Runner:
    """The facilitator or an active co-facilitator, if the stage allows `act` (when given).

    `audit`: the act to record in the audit trail, with who did it.
    """
    runner = find_runner(session=session, code=code, key=key)
    if runner is None:
        raise NotFacilitator(code)
    if act is not None:
        require_stage(runner.workshop, act)
    if audit:
        session.add(FacilitatorAct(workshop_id=runner.workshop.id, actor=runner.actor, act=audit))
    return runner


def claim(*, session: Session, code: str, key: str, by: SignedIn | None) -> bool:
    """A signed-in member opened a co-facilitator link: the link becomes theirs, so the
    workshop is on their list on every device. True when it was claimed now; a link that
    someone else claimed already stays theirs."""
    me = members.require(by, *members.RUNS_WORKSHOPS)
    found = find_runner(session=session, code=code, key=key)
    if found is None:
        raise NotFacilitator(code)
    if found.is_lead:
        return False
    helper = access_cofacilitator(session, found.workshop, found.cofacilitator_id)
    if helper.member_id is not None:
        return False
    helper.member_id = me.member_id
    session.add(helper)
    session.flush()
    return True


def invite(*, session: Session, code: str, key: str, label: str = "") -> tuple[CoFacilitator, str]:
    """A new co-facilitator key (shown once in a link, stored hashed): the facilitator only."""
    workshop = require_facilitator(session=session, code=code, key=key, act=Act.CHAIR)
    number = session.exec(
        select(func.count())
        .select_from(CoFacilitator)
        .where(CoFacilitator.workshop_id == workshop.id)
    ).one()
    secret = secrets.token_urlsafe(24)
    helper = CoFacilitator(
        workshop_id=workshop.id,
        key_hash=digest_secret(secret),
        label=clean_text(label, limit=NAME_MAX, multiline=False, required=False)
        or f"#{number + 1}",
    )
    session.add(helper)
    session.flush()
    changes.record(session, workshop, Change.PEOPLE)
    audit_lead(session, workshop, AuditAct.COFACILITATOR_LINK_MADE, detail=helper.label)
    return helper, secret


def revoke(*, session: Session, code: str, key: str, cofacilitator_id: int) -> None:
    """Stop a co-facilitator's key at once: their next act is refused, their screens go blank."""
    workshop = require_facilitator(session=session, code=code, key=key)
    helper = access_cofacilitator(session, workshop, cofacilitator_id)
    if helper.revoked_at is None:
        helper.revoked_at = utcnow()
        session.add(helper)
        session.flush()
        changes.record(session, workshop, Change.PEOPLE)
        audit_lead(session, workshop, AuditAct.COFACILITATOR_LINK_STOPPED, detail=helper.label)


def cofacilitators(*, session: Session, workshop_id: int) -> list[CoFacilitatorView]:
    """Everyone who got a co-facilitator link, oldest first, revoked ones marked."""
    return [
        CoFacilitatorView(id=helper.id, label=helper.label, active=helper.revoked_at is None)
        for helper in session.exec(
            select(CoFacilitator)
            .where(CoFacilitator.workshop_id == workshop_id)
            .order_by(CoFacilitator.id)
        )
    ]
