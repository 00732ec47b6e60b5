"""Who may read the records library and follow actions up: the organisation's records key,
or a named person with their own link (stored hashed, read or read + update, revocable).

The organisation key (LIVINGLAB_RECORDS_KEY) invites and revokes people; a person's
credential is the token in their link. Both reach the domain as one string, so a single
sign-on (OpenID Connect) can later map its `iss|sub` to a `RecordsReader.subject` and hand
the same `Caller` to the same functions.
"""

import hmac
import secrets
from dataclasses import dataclass

from sqlmodel import Session, select

from livinglab import settings
from livinglab.access import access_reader
from livinglab.credentials import digest_secret
from livinglab.errors import (
    AccessRevoked,
    BadAccessLevel,
    ReadOnlyAccess,
    RecordsSwitchedOff,
    WrongRecordsKey,
)
from livinglab.limits import NAME_MAX
from livinglab.models import AccessLevel, RecordsReader, utcnow
from livinglab.validation import clean_text

#: How the audit trail names the holder of the organisation key.
ORGANISATION = "organisation"


@dataclass(frozen=True)
class Caller:
    """Who is asking: a named person (`reader_id`) or the organisation key (None)."""

    reader_id: int | None
    name: str
    level: str

    @property
    def organisation(self) -> bool:
        return self.reader_id is None

    @property
    def may_update(self) -> bool:
        return self.level == AccessLevel.UPDATE


@dataclass(frozen=True)
class ReaderLine:
    """A person on the access list, as the organisation sees it."""

    id: int
    name: str
    level: str
    invited_at: str
    revoked: bool


def require_access(*, session: Session, credential: str, level: str = AccessLevel.READ) -> Caller:
    """The caller behind `credential`, refused unless they hold `level` (update includes read)."""
    expected = settings.RECORDS_KEY
    if not expected:
        raise RecordsSwitchedOff()
    credential = str(credential or "")
    if hmac.compare_digest(credential.encode(), expected.encode()):
        return Caller(reader_id=None, name=ORGANISATION, level=AccessLevel.UPDATE)
    reader = session.exec(
        select(RecordsReader).where(RecordsReader.token_hash == digest_secret(credential))
    ).first()
    if reader is None or not credential:
        raise WrongRecordsKey()
    if reader.revoked_at is not None:
        raise AccessRevoked()
    caller = Caller(reader_id=reader.id, name=reader.name, level=reader.level)
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
