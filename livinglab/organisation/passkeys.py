"""Passkeys (WebAuthn): how members sign in when no identity provider is configured.

Adding a passkey: the browser asks for options (`add_options`) with an invitation's token
(a new member, the setup link's first admin, or an existing member's new device) or as a
signed-in member; the authenticator makes a key pair; `add` checks its answer against the
challenge (used once, valid for CHALLENGE_VALID), the page's origin and the relying party,
stores the public key, spends the invitation and starts a session.

Signing in: `sign_in_options` asks for any passkey of this site (discoverable credentials:
nobody types a name), `sign_in` finds the passkey by its id, checks the signature and the
member (not removed), moves the sign count on and starts a session.

A refusal raises `PasskeyRefused` (a SignInFailed) with nothing stored; the caller then
records it in a transaction of its own (`record_refusal`): the challenge is spent, the
failure counted per address and account (livinglab/throttle.py) and put on the audit trail.

The relying party (`relying_party`): WebAuthn binds a passkey to a domain name, its RP ID,
and refuses IP addresses. The RP ID is LIVINGLAB_PUBLIC_URL's host name when the page is
on it (or a subdomain of it), otherwise the host name the browser used: a server reached
at http://127.0.0.1:3000 cannot use passkeys; http://localhost:3000 can (browsers treat
localhost as secure). Any other address needs HTTPS.
"""

import ipaddress
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from sqlmodel import Session, select
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import (
    base64url_to_bytes,
    bytes_to_base64url,
    parse_authentication_credential_json,
    parse_client_data_json,
    parse_registration_credential_json,
)
from webauthn.helpers.exceptions import (
    InvalidAuthenticationResponse,
    InvalidJSONStructure,
    InvalidRegistrationResponse,
    WebAuthnException,
)
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from livinglab import settings
from livinglab.credentials import digest_secret
from livinglab.errors import InviteInvalid, SignInFailed
from livinglab.models import Invite, Member, Passkey, SignInChallenge, as_utc, utcnow
from livinglab.organisation import audit, members, sessions
from livinglab.organisation.audit import AuditAct
from livinglab.organisation.members import SignedIn

ADD, SIGN_IN = "passkey-add", "passkey-sign-in"
#: How long the browser (and the person) may take between options and answer.
CHALLENGE_VALID = timedelta(minutes=5)
#: What the authenticator shows as the site's name.
RP_NAME = "livinglab"
#: The catalog key of "passkeys do not work on an IP address".
IP_ADDRESS = "passkey_error_ip_address"


class PasskeyRefused(SignInFailed):
    """A passkey was not added or not accepted. `why` goes to the audit trail (no secret);
    `key` is what people read; `lookup` names the challenge to spend, `account` the
    account to count the failure for."""

    def __init__(self, why: str, *, key: str = "", lookup: str = "", account: str = "") -> None:
        super().__init__(why)
        self.why = why
        if key:
            self.key = key
        self.lookup = lookup
        self.account = account


@dataclass(frozen=True)
class RelyingParty:
    """Who the passkeys are for: the domain name (RP ID) and the page origins accepted."""

    id: str
    origins: tuple[str, ...]


@dataclass(frozen=True)
class Started:
    """A passkey added or used: the new session's token ("" when a signed-in member added
    one to their own account) and where the browser goes next."""

    token: str
    return_to: str
    member_id: int


@dataclass(frozen=True)
class Invitation:
    """An invitation as its welcome page shows it."""

    name: str
    roles: tuple[str, ...]
    invited_by: str
    #: The setup link of a fresh install: its opener becomes the first admin.
    first_admin: bool
    #: A new device for an existing member (the name is theirs, not asked).
    new_device: bool


def invitation(session: Session, *, token: str) -> Invitation:
    """What the invitation behind `token` offers (InviteInvalid when used, expired or unknown)."""
    invite = members.open_invite(session, token)
    by = members.active_member(session, invite.made_by) if invite.made_by is not None else None
    roles = members.role_set(invite.roles)
    return Invitation(
        name=invite.name,
        roles=tuple(role.value for role in members.ROLES if role.value in roles),
        invited_by=by.name if by is not None else "",
        first_admin=invite.made_by is None,
        new_device=invite.member_id is not None,
    )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def relying_party(origin: str, public_url: str | None = None) -> RelyingParty:
    """The relying party for a page at `origin` (the request's Origin header), given the
    public address (LIVINGLAB_PUBLIC_URL, may be empty). Refuses an IP address."""
    public_url = settings.PUBLIC_URL if public_url is None else public_url
    parts = urlsplit(str(origin or ""))
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise PasskeyRefused(f"no usable origin {str(origin)[:80]!r}")
    if _is_ip(host):
        raise PasskeyRefused(f"an IP address as origin ({host})", key=IP_ADDRESS)
    public_host = (urlsplit(public_url).hostname or "").lower() if public_url else ""
    on_public = public_host and not _is_ip(public_host)
    if on_public and (host == public_host or host.endswith("." + public_host)):
        rp_id = public_host
    else:
        rp_id = host
    origins = {_origin(origin)}
    if public_url:
        origins.add(_origin(public_url))
    return RelyingParty(id=rp_id, origins=tuple(sorted(origins)))


def _new_challenge(
    session: Session,
    kind: str,
    *,
    invite_id: int | None = None,
    member_id: int | None = None,
    return_to: str = "/",
) -> bytes:
    sessions.forget_challenges(session, (ADD, SIGN_IN), CHALLENGE_VALID)
    challenge = secrets.token_bytes(32)
    text = bytes_to_base64url(challenge)
    session.add(
        SignInChallenge(
            kind=kind,
            lookup_hash=digest_secret(text),
            challenge=text,
            invite_id=invite_id,
            # The member who asked to add a passkey while signed in: only they may finish.
            nonce=str(member_id or ""),
            return_to=str(return_to or "/")[:200],
        )
    )
    session.flush()
    return challenge


def _as_json(options) -> dict:
    return json.loads(options_to_json(options))


def _invite_by_id(session: Session, invite_id: int | None) -> Invite | None:
    return session.exec(select(Invite).where(Invite.id == invite_id)).first()


def _passkeys_of(session: Session, member_id: int | None) -> list[Passkey]:
    if member_id is None:
        return []
    return list(session.exec(select(Passkey).where(Passkey.member_id == member_id)))


def add_options(
    session: Session,
    *,
    origin: str,
    token: str = "",
    by: SignedIn | None = None,
    return_to: str = "/",
) -> dict:
    """WebAuthn creation options (JSON) for the invitation behind `token`, or, without one,
    for the signed-in member `by` adding another passkey."""
    rp = relying_party(origin)
    if token:
        invite = members.open_invite(session, token)
        member_id, invite_id = invite.member_id, invite.id
        name = invite.name or "admin"
        user_id = (
            f"livinglab-member-{member_id}".encode()
            if member_id is not None
            else secrets.token_bytes(16)
        )
    else:
        me = members.require(by)
        member_id, invite_id, name = me.member_id, None, me.name
        user_id = f"livinglab-member-{member_id}".encode()
    challenge = _new_challenge(
        session,
        ADD,
        invite_id=invite_id,
        member_id=None if token else member_id,
        return_to=return_to,
    )
    options = generate_registration_options(
        rp_id=rp.id,
        rp_name=RP_NAME,
        user_id=user_id,
        user_name=name,
        user_display_name=name,
        challenge=challenge,
        timeout=int(CHALLENGE_VALID.total_seconds() * 1000),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(key.credential_id))
            for key in _passkeys_of(session, member_id)
        ],
    )
    return _as_json(options)


def sign_in_options(session: Session, *, origin: str, return_to: str = "/") -> dict:
    """WebAuthn request options (JSON): any passkey of this site, chosen on the device."""
    rp = relying_party(origin)
    challenge = _new_challenge(session, SIGN_IN, return_to=return_to)
    options = generate_authentication_options(
        rp_id=rp.id,
        challenge=challenge,
        timeout=int(CHALLENGE_VALID.total_seconds() * 1000),
        allow_credentials=[],
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    return _as_json(options)


def _lookup(client_data_json: bytes) -> str:
    """The lookup hash of the challenge the browser answered."""
    try:
        challenge = parse_client_data_json(client_data_json).challenge
    except (WebAuthnException, ValueError, TypeError) as broken:
        raise PasskeyRefused(f"unreadable client data ({type(broken).__name__})") from None
    return digest_secret(bytes_to_base64url(challenge))


def _take(session: Session, lookup: str, kind: str) -> SignInChallenge:
    """The challenge behind `lookup`, spent now; refused when unknown, of another kind or old."""
    row = session.exec(select(SignInChallenge).where(SignInChallenge.lookup_hash == lookup)).first()
    if row is None or row.kind != kind:
        raise PasskeyRefused("an unknown challenge")
    session.delete(row)
    session.flush()
    if utcnow() - as_utc(row.created_at) > CHALLENGE_VALID:
        raise PasskeyRefused("an expired challenge", lookup=lookup)
    return row


def _parsed(parse, credential: object):
    try:
        return parse(credential if isinstance(credential, (str, dict)) else {})
    except (InvalidJSONStructure, WebAuthnException, ValueError, TypeError, KeyError):
        raise PasskeyRefused("an unreadable credential") from None


def add(
    session: Session,
    *,
    credential: object,
    origin: str,
    address: str,
    name: object = "",
    by: SignedIn | None = None,
) -> Started:
    """Check the authenticator's answer to `add_options` and store the passkey: for an
    invitation, the member it makes (or adds a device to) signs in; a signed-in member's
    own new passkey needs no new session."""
    sessions.check_attempts(address=address)
    parsed = _parsed(parse_registration_credential_json, credential)
    lookup = _lookup(parsed.response.client_data_json)
    challenge = _take(session, lookup, ADD)
    rp = relying_party(origin)
    invite = None
    if challenge.invite_id is not None:
        account = f"invite {challenge.invite_id}"
        invite = _invite_by_id(session, challenge.invite_id)
        if invite is None or invite.used_at is not None or as_utc(invite.expires_at) <= utcnow():
            raise PasskeyRefused(
                "a used or expired invitation",
                key=InviteInvalid.key,
                lookup=lookup,
                account=account,
            )
    else:
        account = f"member {challenge.nonce}"
        if by is None or str(by.member_id) != challenge.nonce:
            raise PasskeyRefused("another member's challenge", lookup=lookup, account=account)
    sessions.check_attempts(address=address, account=account)
    try:
        verified = verify_registration_response(
            credential=parsed,
            expected_challenge=base64url_to_bytes(challenge.challenge),
            expected_rp_id=rp.id,
            expected_origin=list(rp.origins),
        )
    except (InvalidRegistrationResponse, WebAuthnException) as wrong:
        raise PasskeyRefused(
            f"a passkey that did not check out: {wrong}"[:200], lookup=lookup, account=account
        ) from None
    credential_id = bytes_to_base64url(verified.credential_id)
    if session.exec(select(Passkey).where(Passkey.credential_id == credential_id)).first():
        raise PasskeyRefused("a passkey stored already", lookup=lookup, account=account)
    if invite is not None:
        removed = members.active_member(session, invite.member_id) is None
        if invite.member_id is not None and removed:
            raise PasskeyRefused(
                "a removed member's device link",
                key=InviteInvalid.key,
                lookup=lookup,
                account=account,
            )
        member = members.accept_invite(session, invite, name=name)
    else:
        member = members.active_member(session, by.member_id)
        if member is None:
            raise PasskeyRefused("a removed member", lookup=lookup, account=account)
    session.add(
        Passkey(
            member_id=member.id,
            credential_id=credential_id,
            public_key=bytes_to_base64url(verified.credential_public_key),
            sign_count=verified.sign_count,
        )
    )
    session.flush()
    audit.record_by(session, members.as_signed_in(member), AuditAct.PASSKEY_ADDED)
    token = sessions.start(session, member, method=sessions.PASSKEY) if invite else ""
    return Started(token=token, return_to=challenge.return_to, member_id=member.id)


def sign_in(session: Session, *, credential: object, origin: str, address: str) -> Started:
    """Check the authenticator's answer to `sign_in_options`; a session for its member."""
    sessions.check_attempts(address=address)
    parsed = _parsed(parse_authentication_credential_json, credential)
    lookup = _lookup(parsed.response.client_data_json)
    challenge = _take(session, lookup, SIGN_IN)
    rp = relying_party(origin)
    credential_id = bytes_to_base64url(parsed.raw_id)
    passkey = session.exec(select(Passkey).where(Passkey.credential_id == credential_id)).first()
    if passkey is None:
        raise PasskeyRefused("an unknown passkey", lookup=lookup)
    account = f"member {passkey.member_id}"
    sessions.check_attempts(address=address, account=account)
    member: Member | None = members.active_member(session, passkey.member_id)
    if member is None:
        raise PasskeyRefused("a removed member's passkey", lookup=lookup, account=account)
    try:
        verified = verify_authentication_response(
            credential=parsed,
            expected_challenge=base64url_to_bytes(challenge.challenge),
            expected_rp_id=rp.id,
            expected_origin=list(rp.origins),
            credential_public_key=base64url_to_bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
        )
    except (InvalidAuthenticationResponse, WebAuthnException) as wrong:
        raise PasskeyRefused(
            f"a passkey that did not check out: {wrong}"[:200], lookup=lookup, account=account
        ) from None
    passkey.sign_count = verified.new_sign_count
    passkey.last_used_at = utcnow()
    session.add(passkey)
    token = sessions.start(session, member, method=sessions.PASSKEY)
    return Started(token=token, return_to=challenge.return_to, member_id=member.id)


def record_refusal(session: Session, *, refusal: PasskeyRefused, address: str) -> None:
    """After a refusal was rolled back: spend its challenge, count and audit the failure."""
    if refusal.lookup:
        for row in session.exec(
            select(SignInChallenge).where(SignInChallenge.lookup_hash == refusal.lookup)
        ):
            session.delete(row)
    sessions.failed(session, address=address, account=refusal.account, why=refusal.why)
