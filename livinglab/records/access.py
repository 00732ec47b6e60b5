"""Who may read the records library and follow actions up: the organisation's records key,
a named person with their own link (stored hashed, read or read + update, revocable), or a
signed-in member with the role records_reader (read) or records_updater (read + update).

A link that became a member (`python -m livinglab migrate`, `RecordsReader.member_id`)
works with that member's roles as they are now, and stops when the member is removed.

The organisation key (LIVINGLAB_RECORDS_KEY) invites and revokes people; a person's
credential is the token in their link. Both reach the domain as one string, so a single
sign-on (OpenID Connect) can later map its `iss|sub` to a `RecordsReader.subject` and hand
the same `Caller` to the same functions.
"""

import secrets
from dataclasses import dataclass

from sqlmodel import Session, select

from livinglab import actors
from livinglab.access import access_reader
from livinglab.actors import Caller
from livinglab.credentials import digest_secret
from livinglab.errors import (
    BadAccessLevel,
    ReadOnlyAccess,
)
from livinglab.limits import NAME_MAX
from livinglab.models import AccessLevel, Member, MemberRole, RecordsReader, utcnow
from livinglab.organisation import audit
from livinglab.organisation.audit import AuditAct
from livinglab.validation import clean_text


@dataclass(frozen=True)
class ReaderLine:
    """A person on the access list, as the organisation sees it."""

    id: int
    name: str
    level: str
    invited_at: str
    revoked: bool


def require_access(*, session: Session, credential: str, level: str = AccessLevel.READ) -> Caller:
    """The caller behind `credential` (the records key, a person's link token or a member's
    session token), refused unless they hold `level` (update includes read)."""
    caller = actors.records_caller(session, credential)
    if level == AccessLevel.UPDATE and not caller.may_update:
        raise ReadOnlyAccess()
    return caller


def _organisation(session: Session, credential: str) -> Caller:
    caller = require_access(session=session, credential=credential)
    if not caller.organisation:
        raise ReadOnlyAccess()  # people read and follow up; only the organisation invites
    return caller


def invite(
    *, session: Session, credential: str, name: str, level: str
) -> tuple[RecordsReader, str]:
    """A person's own access (the token is returned once, for their link; stored hashed)."""
    _organisation(session, credential)
    if level not in {AccessLevel.READ.value, AccessLevel.UPDATE.value}:
        raise BadAccessLevel(str(level))
    token = secrets.token_urlsafe(24)  # 192 bits
    reader = RecordsReader(
        name=clean_text(name, limit=NAME_MAX, multiline=False),
        level=level,
        token_hash=digest_secret(token),
    )
    session.add(reader)
    session.flush()
    return reader, token


def revoke(*, session: Session, credential: str, reader_id: int) -> None:
    """Take a person's link back: their next request is refused."""
    _organisation(session, credential)
    reader = access_reader(session, reader_id)
    if reader.revoked_at is None:
        reader.revoked_at = utcnow()
        session.add(reader)
        session.flush()


def readers(*, session: Session, credential: str) -> list[ReaderLine]:
    """Everyone invited, newest first, revoked ones marked (the organisation only)."""
    _organisation(session, credential)
    return [
        ReaderLine(
            id=reader.id,
            name=reader.name,
            level=reader.level,
            invited_at=reader.invited_at.date().isoformat(),
            revoked=reader.revoked_at is not None,
        )
        for reader in session.exec(select(RecordsReader).order_by(RecordsReader.id.desc()))
    ]


@dataclass(frozen=True)
class BecameMember:
    """A records link turned into a member by the upgrade (`python -m livinglab migrate`)."""

    name: str
    role: str
    removed: bool


def links_to_members(session: Session) -> list[BecameMember]:
    """Every records link without a member becomes one (records_reader or records_updater;
    a revoked link becomes a removed member) and is linked to them: the link keeps working,
    now with the member's roles. Runs once per link; a second run changes nothing."""
    became = []
    for reader in session.exec(
        select(RecordsReader).where(RecordsReader.member_id.is_(None)).order_by(RecordsReader.id)
    ):
        role = (
            MemberRole.RECORDS_UPDATER
            if reader.level == AccessLevel.UPDATE
            else MemberRole.RECORDS_READER
        )
        member = Member(
            name=reader.name,
            subject=reader.subject,
            roles="" if reader.revoked_at else role.value,
            created_at=reader.invited_at,
            removed_at=reader.revoked_at,
        )
        session.add(member)
        session.flush()
        reader.member_id = member.id
        session.add(reader)
        audit.record(
            session,
            AuditAct.MEMBER_JOINED,
            actor=audit.SYSTEM,
            member_id=member.id,
            detail=f"{member.name}: {role.value} (records link, upgrade)",
        )
        became.append(
            BecameMember(name=member.name, role=role.value, removed=bool(reader.revoked_at))
        )
    session.flush()
    return became
