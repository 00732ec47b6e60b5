"""Signed-in browsers: a session is a random token in a cookie scripts cannot read, stored
here as its SHA-256. It ends at sign-out, after SESSION_IDLE_HOURS without an act, or when
the member is removed; a role taken away counts from the very next act (roles are read
from the member's row every time, never from the session).

Failed sign-ins are counted per client address and per account (livinglab/throttle.py, so
several workers share one count).
"""

from datetime import timedelta

from sqlmodel import Session, delete, select

from livinglab import settings, throttle
from livinglab.access import access_member
from livinglab.credentials import digest_secret, new_secret
from livinglab.errors import TooManySignIns
from livinglab.models import Member, MemberSession, SignInChallenge, as_utc, utcnow
from livinglab.organisation import audit
from livinglab.organisation.audit import AuditAct
from livinglab.organisation.members import SignedIn, active_member, as_signed_in, end_sessions

#: The cookie's name (HttpOnly, SameSite=Lax, Secure behind HTTPS: livinglab/web/auth.py).
COOKIE = "livinglab_session"
#: How sessions were started.
OIDC, PASSKEY = "oidc", "passkey"
#: A session's last act is written at most this often (not on every click).
TOUCH_EVERY = timedelta(minutes=1)


def start(session: Session, member: Member, *, method: str, id_token: str = "") -> str:
    """A new session for `member`; the token (for the cookie) is returned once."""
    token = new_secret()
    session.add(
        MemberSession(
            member_id=member.id,
            token_hash=digest_secret(token),
            method=method,
            id_token=id_token,
        )
    )
    session.flush()
    audit.record_by(session, as_signed_in(member), AuditAct.SIGNED_IN, detail=method)
    return token


def _open(session: Session, token: object) -> MemberSession | None:
    token = str(token or "")
    if not token:
        return None
    row = session.exec(
        select(MemberSession).where(MemberSession.token_hash == digest_secret(token))
    ).first()
    if row is None or row.ended_at is not None:
        return None
    if utcnow() - as_utc(row.last_seen_at) > timedelta(hours=settings.SESSION_IDLE_HOURS):
        return None
    return row


def signed_in(session: Session, token: object) -> SignedIn | None:
    """The member behind a session token, with their roles as they are now; None for no
    token, an unknown, ended or idle session, or a removed member."""
    row = _open(session, token)
    if row is None:
        return None
    member = active_member(session, row.member_id)
    if member is None:
        return None
    if utcnow() - as_utc(row.last_seen_at) > TOUCH_EVERY:
        row.last_seen_at = utcnow()
        session.add(row)
    return as_signed_in(member)


def end(session: Session, token: object, *, everywhere: bool = False) -> str:
    """Sign this browser out (`everywhere`: every device of this member too); returns the
    provider's ID token (for its sign-out) or ""."""
    row = _open(session, token)
    if row is None:
        return ""
    row.ended_at = utcnow()
    session.add(row)
    member = access_member(session, row.member_id)
    if everywhere:
        end_sessions(session, member.id)
    act = AuditAct.SIGNED_OUT_EVERYWHERE if everywhere else AuditAct.SIGNED_OUT
    audit.record_by(session, as_signed_in(member), act)
    return row.id_token


def check_attempts(*, address: str, account: str = "") -> None:
    """Refuse a sign-in while this address or account failed too often lately."""
    if throttle.failed_sign_ins_by_address().blocked(address) or (
        account and throttle.failed_sign_ins_by_account().blocked(account)
    ):
        raise TooManySignIns()


def failed(session: Session, *, address: str, account: str = "", why: str) -> None:
    """Count a failed sign-in and put it on the audit trail (with the address, no secret)."""
    throttle.failed_sign_ins_by_address().record_failure(address)
    if account:
        throttle.failed_sign_ins_by_account().record_failure(account)
    audit.record(
        session,
        AuditAct.SIGN_IN_FAILED,
        actor=account[:40] or "unknown",
        detail=f"{why} from {address}"[:300],
    )


def forget_challenges(session: Session, kinds: tuple[str, ...], valid: timedelta) -> None:
    """Sign-ins under way of these kinds that nobody finished within `valid`: of no use any
    more, gone (each new sign-in clears them, so they never pile up)."""
    session.exec(
        delete(SignInChallenge).where(
            SignInChallenge.kind.in_(kinds), SignInChallenge.created_at < utcnow() - valid
        )
    )
