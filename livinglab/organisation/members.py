"""Members and their roles: who they are, what they may do, how they are invited, changed
and removed. The one home of "may this member do this".

An admin invites a person by a personal link (shown once, stored hashed, valid for a week,
used once); a fresh install's setup link is such an invitation for the first admin.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from livinglab import changes
from livinglab.access import access_member
from livinglab.changes import Change
from livinglab.credentials import digest_secret, new_secret
from livinglab.errors import (
    BadRole,
    InviteInvalid,
    LastAdmin,
    MemberNotFound,
)
from livinglab.limits import NAME_MAX
from livinglab.models import Invite, Member, MemberRole, MemberSession, Workshop, as_utc, utcnow
from livinglab.organisation import audit
from livinglab.organisation.audit import AuditAct
from livinglab.organisation.signed_in import SignedIn, require
from livinglab.validation import clean_text

ROLES = tuple(MemberRole)
#: Who may start and run workshops.
RUNS_WORKSHOPS = (MemberRole.FACILITATOR, MemberRole.ADMIN)
#: Who may read the records library; who may also follow actions up and correct records.
READS_RECORDS = (MemberRole.RECORDS_READER, MemberRole.RECORDS_UPDATER)
UPDATES_RECORDS = (MemberRole.RECORDS_UPDATER,)
#: How long an invitation link stays valid; the setup link is shorter-lived.
INVITE_VALID = timedelta(days=7)
SETUP_VALID = timedelta(hours=24)


@dataclass(frozen=True)
class MemberLine:
    """A member as the admin's members page lists them."""

    id: int
    name: str
    email: str
    roles: tuple[str, ...]
    signs_in_with: str
    since: str
    removed: bool


def role_set(raw: str) -> frozenset[str]:
    """The roles stored as "admin,facilitator"."""
    return frozenset(role for role in str(raw or "").split(",") if role in ROLES)


def roles_text(roles: object) -> str:
    """Roles as stored, checked: each one a MemberRole, in a fixed order."""
    chosen = [roles] if isinstance(roles, str) else list(roles or [])
    for role in chosen:
        if role not in ROLES:
            raise BadRole(str(role))
    return ",".join(role.value for role in ROLES if role.value in chosen)


def as_signed_in(member: Member) -> SignedIn:
    return SignedIn(member_id=member.id, name=member.name, roles=role_set(member.roles))


def active_member(session: Session, member_id: int | None) -> Member | None:
    """The member, unless removed (or unknown)."""
    try:
        member = access_member(session, member_id)
    except MemberNotFound:
        return None
    return member if member.removed_at is None else None


def may_run_workshops(session: Session, member_id: int | None) -> bool:
    """True while this member is not removed and holds a role that runs workshops."""
    member = active_member(session, member_id)
    return member is not None and bool(role_set(member.roles) & set(RUNS_WORKSHOPS))


def _admins(session: Session) -> list[Member]:
    return [
        member
        for member in session.exec(select(Member).where(Member.removed_at.is_(None)))
        if MemberRole.ADMIN in role_set(member.roles)
    ]


def needs_setup(session: Session) -> bool:
    """True while the organisation has no admin: a fresh install."""
    return not _admins(session)


def _invitation(
    session: Session, *, name: str, roles: str, valid: timedelta, made_by: int | None
) -> tuple[Invite, str]:
    token = new_secret()
    invite = Invite(
        token_hash=digest_secret(token),
        name=name,
        roles=roles,
        made_by=made_by,
        expires_at=utcnow() + valid,
    )
    session.add(invite)
    session.flush()
    return invite, token


def setup_link(session: Session) -> str:
    """A new one-time token that makes its opener the first admin (earlier unused setup
    tokens stop working). Printed in the terminal only, never shown on a page."""
    for earlier in session.exec(
        select(Invite).where(Invite.made_by.is_(None), Invite.used_at.is_(None))
    ):
        earlier.expires_at = utcnow()
        session.add(earlier)
    _, token = _invitation(
        session, name="", roles=MemberRole.ADMIN.value, valid=SETUP_VALID, made_by=None
    )
    audit.record(session, AuditAct.SETUP_LINK_MADE, actor=audit.SYSTEM)
    return token


def invite(
    *, session: Session, by: SignedIn | None, name: object, roles: object
) -> tuple[Invite, str]:
    """A personal invitation (the token is returned once, for the link): admins only."""
    admin = require(by, MemberRole.ADMIN)
    chosen = roles_text(roles)
    if not chosen:
        raise BadRole("")
    person = clean_text(name, limit=NAME_MAX, multiline=False)
    invitation, token = _invitation(
        session, name=person, roles=chosen, valid=INVITE_VALID, made_by=admin.member_id
    )
    audit.record_by(session, admin, AuditAct.MEMBER_INVITED, detail=f"{person}: {chosen}")
    return invitation, token


def open_invite(session: Session, token: object) -> Invite:
    """The invitation behind `token`, if it is still valid and unused."""
    token = str(token or "")
    invite = (
        session.exec(select(Invite).where(Invite.token_hash == digest_secret(token))).first()
        if token
        else None
    )
    if invite is None or invite.used_at is not None or as_utc(invite.expires_at) <= utcnow():
        raise InviteInvalid()
    return invite


def accept_invite(session: Session, invite: Invite, *, name: object = "") -> Member:
    """Spend the invitation: the member it makes (with its roles), or the member it is for."""
    invite.used_at = utcnow()
    session.add(invite)
    if invite.member_id is not None:
        member = access_member(session, invite.member_id)
    else:
        typed = clean_text(name, limit=NAME_MAX, multiline=False, required=False)
        member = Member(name=typed or invite.name or "Admin", roles=invite.roles)
        session.add(member)
        session.flush()
        audit.record_by(session, as_signed_in(member), AuditAct.MEMBER_JOINED, detail=invite.roles)
    session.flush()
    return member


def device_link(*, session: Session, by: SignedIn | None, member_id: object) -> str:
    """A one-time link for an existing member to add a passkey on a new device (admins)."""
    admin = require(by, MemberRole.ADMIN)
    member = access_member(session, member_id)
    invitation, token = _invitation(
        session, name=member.name, roles=member.roles, valid=INVITE_VALID, made_by=admin.member_id
    )
    invitation.member_id = member.id
    session.add(invitation)
    audit.record_by(session, admin, AuditAct.DEVICE_LINK_MADE, detail=member.name)
    return token


def members(*, session: Session, by: SignedIn | None) -> list[MemberLine]:
    """Everyone, removed ones last (admins only)."""
    require(by, MemberRole.ADMIN)
    rows = session.exec(select(Member).order_by(Member.removed_at.is_not(None), Member.name))
    return [
        MemberLine(
            id=member.id,
            name=member.name,
            email=member.email,
            roles=tuple(sorted(role_set(member.roles), key=lambda role: ROLES.index(role))),
            signs_in_with="identity provider" if member.subject else "passkey",
            since=member.created_at.date().isoformat(),
            removed=member.removed_at is not None,
        )
        for member in rows
    ]


def end_sessions(session: Session, member_id: int) -> None:
    """End every open session of this member, on every device."""
    for open_session in session.exec(
        select(MemberSession).where(
            MemberSession.member_id == member_id, MemberSession.ended_at.is_(None)
        )
    ):
        open_session.ended_at = utcnow()
        session.add(open_session)


def _tell_led_workshops(session: Session, member_id: int) -> None:
    """The workshops this member leads hear of it: their open consoles check access again."""
    for workshop in session.exec(select(Workshop).where(Workshop.lead_member_id == member_id)):
        changes.record(session, workshop, Change.PEOPLE)


def set_roles(*, session: Session, by: SignedIn | None, member_id: object, roles: object) -> Member:
    """Give a member exactly these roles (admins only); taking a role away works at once."""
    admin = require(by, MemberRole.ADMIN)
    member = access_member(session, member_id)
    chosen = roles_text(roles)
    if not chosen:
        raise BadRole("")  # no role at all: remove the member instead
    if member.removed_at is not None:
        raise MemberNotFound(str(member_id))
    if MemberRole.ADMIN.value not in chosen and [m.id for m in _admins(session)] == [member.id]:
        raise LastAdmin()
    if chosen != member.roles:
        before = member.roles
        member.roles = chosen
        session.add(member)
        session.flush()
        audit.record_by(
            session, admin, AuditAct.ROLES_CHANGED, detail=f"{member.name}: {before} → {chosen}"
        )
        _tell_led_workshops(session, member.id)
    return member


def remove(*, session: Session, by: SignedIn | None, member_id: object) -> Member:
    """Take a member out (admins only): every session ends, their next act is refused.
    The row stays so that the audit trail keeps naming them."""
    admin = require(by, MemberRole.ADMIN)
    member = access_member(session, member_id)
    if member.removed_at is not None:
        return member
    if [m.id for m in _admins(session)] == [member.id]:
        raise LastAdmin()
    member.removed_at = utcnow()
    member.roles = ""
    session.add(member)
    end_sessions(session, member.id)
    session.flush()
    audit.record_by(session, admin, AuditAct.MEMBER_REMOVED, detail=member.name)
    _tell_led_workshops(session, member.id)
    return member
