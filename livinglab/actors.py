"""Who is acting: every secret a browser holds, resolved here, in one place, into a typed
actor. The rules that say what an actor may do live with the acts (`workshops.require_*`,
`cofacilitators.require_runner`, `records.access.require_access`, `members.require`).

| secret | actor |
|---|---|
| a workshop's facilitator key, or the session of the member who leads it | `Runner` (lead) |
| a co-facilitator key, or the session of the member who opened that link | `Runner` (helper) |
| a participant's token (their phone) | `Participant` row |
| a member's session (the HttpOnly cookie) | `SignedIn` |
| the records key, a records link, or a member's session with a records role | `Caller` |

A member's key or session counts only while the member may still do the act: a removed
member, or one whose role was taken away, is refused at their very next act.
"""

import hmac
from dataclasses import dataclass

from sqlmodel import Session, select

from livinglab import settings
from livinglab.codes import normalize_code
from livinglab.credentials import digest_secret, matches
from livinglab.errors import AccessRevoked, RecordsSwitchedOff, RoleRequired, WrongRecordsKey
from livinglab.models import (
    AccessLevel,
    CoFacilitator,
    MemberRole,
    Participant,
    RecordsReader,
    Workshop,
)
from livinglab.organisation import members, sessions
from livinglab.organisation.members import SignedIn

#: How the audit trail names the facilitator (a co-facilitator: "cofacilitator-<id>").
LEAD = "facilitator"
#: How the audit trail names the holder of the organisation's records key.
ORGANISATION = "organisation"


@dataclass(frozen=True)
class Runner:
    """Someone running the room: the facilitator (`cofacilitator_id` 0), or the
    co-facilitator `cofacilitator_id`; `member` when they act signed in."""

    workshop: Workshop
    cofacilitator_id: int = 0
    member: SignedIn | None = None

    @property
    def is_lead(self) -> bool:
        return not self.cofacilitator_id

    @property
    def actor(self) -> str:
        """Who, as the audit trail and the moderation history record it (no name in it)."""
        return f"cofacilitator-{self.cofacilitator_id}" if self.cofacilitator_id else LEAD


@dataclass(frozen=True)
class Caller:
    """Who reads the records library: a named person (`reader_id`), a member (`member_id`,
    signed in or by the link they had before), or the organisation key (both None)."""

    reader_id: int | None
    name: str
    level: str
    member_id: int | None = None

    @property
    def organisation(self) -> bool:
        return self.reader_id is None and self.member_id is None

    @property
    def may_update(self) -> bool:
        return self.level == AccessLevel.UPDATE


def member(session: Session, secret: object) -> SignedIn | None:
    """The member behind a session token, with their roles as they are now."""
    return sessions.signed_in(session, secret)


def _lead(session: Session, workshop: Workshop, secret: str) -> Runner | None:
    if workshop.lead_member_id is None:  # from before members: the key alone leads it
        return Runner(workshop) if matches(secret, workshop.facilitator_key_hash) else None
    if not members.may_run_workshops(session, workshop.lead_member_id):
        return None
    if matches(secret, workshop.facilitator_key_hash):
        return Runner(workshop)
    signed_in = member(session, secret)
    if signed_in is not None and signed_in.member_id == workshop.lead_member_id:
        return Runner(workshop, member=signed_in)
    return None


def _helper(session: Session, workshop: Workshop, secret: str) -> Runner | None:
    link = session.exec(
        select(CoFacilitator).where(
            CoFacilitator.workshop_id == workshop.id,
            CoFacilitator.key_hash == digest_secret(secret),
            CoFacilitator.revoked_at.is_(None),
        )
    ).first()
    if link is not None:
        return Runner(workshop, link.id)
    signed_in = member(session, secret)
    if signed_in is None or not signed_in.holds(*members.RUNS_WORKSHOPS):
        return None
    claimed = session.exec(
        select(CoFacilitator)
        .where(
            CoFacilitator.workshop_id == workshop.id,
            CoFacilitator.member_id == signed_in.member_id,
            CoFacilitator.revoked_at.is_(None),
        )
        .order_by(CoFacilitator.id)
    ).first()
    return Runner(workshop, claimed.id, signed_in) if claimed is not None else None


def runner(session: Session, workshop: Workshop, secret: object) -> Runner | None:
    """Who runs `workshop` with `secret`: its facilitator, a co-facilitator, or nobody."""
    secret = str(secret or "")
    if not secret:
        return None
    return _lead(session, workshop, secret) or _helper(session, workshop, secret)


def participant(session: Session, code: str, secret: object) -> Participant | None:
    """The participant whose phone holds `secret` in workshop `code`, if any."""
    if not secret:
        return None
    return session.exec(
        select(Participant)
        .join(Workshop, Workshop.id == Participant.workshop_id)
        .where(
            Participant.token_hash == digest_secret(str(secret)),
            Workshop.code == normalize_code(code),
        )
    ).first()


def _records_level(roles) -> str:
    """What a member's roles allow in the records library ("" for nothing)."""
    if MemberRole.RECORDS_UPDATER in roles:
        return AccessLevel.UPDATE.value
    if MemberRole.RECORDS_READER in roles:
        return AccessLevel.READ.value
    return ""


def _member_caller(session: Session, member_id: int | None, reader_id: int | None = None) -> Caller:
    """A member as a records caller, with their roles as they are now."""
    row = members.active_member(session, member_id)
    if row is None:
        raise AccessRevoked()
    level = _records_level(members.role_set(row.roles))
    if not level:
        raise RoleRequired(MemberRole.RECORDS_READER.value)
    return Caller(reader_id=reader_id, name=row.name, level=level, member_id=row.id)


def records_caller(session: Session, secret: object) -> Caller:
    """Who holds `secret` for the records library: the organisation's records key, a
    person's link (or the member it became), or a member's session; refused otherwise."""
    secret = str(secret or "")
    expected = settings.RECORDS_KEY
    if expected and secret and hmac.compare_digest(secret.encode(), expected.encode()):
        return Caller(reader_id=None, name=ORGANISATION, level=AccessLevel.UPDATE)
    link = (
        session.exec(
            select(RecordsReader).where(RecordsReader.token_hash == digest_secret(secret))
        ).first()
        if secret
        else None
    )
    if link is not None:
        if link.revoked_at is not None:
            raise AccessRevoked()
        if link.member_id is not None:
            return _member_caller(session, link.member_id, link.id)
        if not expected:
            raise RecordsSwitchedOff()  # a link the key made, from before members
        return Caller(reader_id=link.id, name=link.name, level=link.level)
    signed_in = member(session, secret) if secret else None
    if signed_in is not None:
        return _member_caller(session, signed_in.member_id)
    if not expected:
        raise RecordsSwitchedOff()
    raise WrongRecordsKey()
