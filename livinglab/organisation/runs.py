"""Who runs which workshop: handing a workshop over to a colleague.

The facilitator key of a workshop a member runs is bound to that member
(`workshops.is_facilitator`); a handover gives the workshop a new key nobody holds, so the
old links stop and the colleague runs it from their own session.
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from livinglab import changes
from livinglab.access import access_member
from livinglab.changes import Change
from livinglab.credentials import digest_secret, new_secret
from livinglab.errors import NotAColleague, NotFacilitator
from livinglab.models import Member, MemberRole, Workshop
from livinglab.organisation import audit, members
from livinglab.organisation.audit import AuditAct
from livinglab.organisation.members import SignedIn
from livinglab.workshops import find_workshop, is_facilitator


@dataclass(frozen=True)
class Colleague:
    """A member a workshop can be handed over to."""

    id: int
    name: str


def colleagues(*, session: Session, by: SignedIn | None) -> list[Colleague]:
    """Every other member who may run workshops, by name."""
    me = members.require(by, *members.RUNS_WORKSHOPS)
    return [
        Colleague(id=member.id, name=member.name)
        for member in session.exec(
            select(Member).where(Member.removed_at.is_(None)).order_by(Member.name)
        )
        if member.id != me.member_id and members.may_run_workshops(session, member.id)
    ]


def hand_over(
    *, session: Session, by: SignedIn | None, code: str, key: str, to_member_id: object
) -> Workshop:
    """Give workshop `code` to a colleague: its lead (with their key or session) or an admin.
    Every earlier facilitator link stops; co-facilitator links keep working."""
    me = members.require(by, *members.RUNS_WORKSHOPS)
    workshop = find_workshop(session=session, code=code)
    if not (is_facilitator(session, workshop, key) or me.holds(MemberRole.ADMIN)):
        raise NotFacilitator(code)
    if not isinstance(to_member_id, int) or not members.may_run_workshops(session, to_member_id):
        raise NotAColleague(str(to_member_id))
    colleague = access_member(session, to_member_id)
    workshop.lead_member_id = colleague.id
    workshop.facilitator_key_hash = digest_secret(new_secret())  # nobody holds it
    session.add(workshop)
    session.flush()
    audit.record_by(
        session, me, AuditAct.WORKSHOP_HANDED_OVER, workshop_code=code, detail=colleague.name
    )
    changes.record(session, workshop, Change.PEOPLE)  # open consoles check their access again
    return workshop
