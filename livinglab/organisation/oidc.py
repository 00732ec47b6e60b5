"""Single sign-on with the organisation's identity provider (OpenID Connect).

The authorization code flow with PKCE (S256): `begin` makes the provider's address with a
random `state` and `nonce`, kept in a SignInChallenge (any worker can finish it; used once,
valid for CHALLENGE_VALID); `finish` takes what the provider sends back, exchanges the code
(with the client secret and the PKCE verifier), checks the ID token against the provider's
published keys (asymmetric algorithms only; issuer, audience, expiry, issue time, nonce) and
signs the member in. Plain Python: the HTTP routes are in livinglab/web/oidc_routes.py.

Roles: with LIVINGLAB_OIDC_ROLES ("group=role,...") the provider decides every role that
the mapping names, afresh at each sign-in; roles the mapping never gives (often: admin)
stay as an admin set them. Without a mapping an admin gives every role. An invitation's
roles are added on the sign-in that spends it. A new person without any role gets a member
row (so that an admin can give them one) but is not signed in.

Every refusal is counted and put on the audit trail (sessions.failed) in a transaction of
its own, since the caller's rolls back: nothing else is stored.
"""

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import NamedTuple
from urllib.parse import urlencode

import httpx
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import OAuth2Client
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from sqlalchemy import delete
from sqlmodel import Session, select

from livinglab import db, settings
from livinglab.access import access_member
from livinglab.credentials import digest_secret
from livinglab.errors import DomainError, RoleRequired, SignInFailed
from livinglab.limits import NAME_MAX
from livinglab.models import Invite, Member, SignInChallenge, as_utc, utcnow
from livinglab.organisation import audit, members, sessions
from livinglab.organisation.audit import AuditAct
from livinglab.validation import clean_text

#: The SignInChallenge kind of a sign-in at the identity provider.
KIND = "oidc"
#: How long the provider's round trip may take (login form included).
CHALLENGE_VALID = timedelta(minutes=10)
#: How long discovery and the provider's keys are kept in this process.
DISCOVERY_TTL_SECONDS = 3600.0
#: Signature algorithms accepted for ID tokens: public-key ones only (never none or HS*).
ASYMMETRIC = frozenset(
    {
        *("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"),
        *("ES256", "ES384", "ES512", "EdDSA", "Ed25519"),
    }
)
#: Scopes always asked for; the roles claim's scope is added when the provider offers it.
SCOPES = ("openid", "profile", "email")
#: Clock difference allowed between the provider and us, in seconds.
LEEWAY_SECONDS = 60
#: Seconds to wait for the provider's answers.
HTTP_TIMEOUT = 10.0


@dataclass(frozen=True)
class Provider:
    """What the provider's discovery document says about it."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    end_session_endpoint: str
    algorithms: tuple[str, ...]
    scopes: tuple[str, ...]
    token_auth_method: str


_lock = threading.Lock()
_discovered: dict[str, tuple[float, Provider]] = {}
_keys: dict[str, tuple[float, KeySet]] = {}


def configured() -> bool:
    """True when members sign in at the identity provider (else: passkeys)."""
    return bool(settings.OIDC_ISSUER and settings.OIDC_CLIENT_ID)


def forget_provider() -> None:
    """Drop the cached discovery and keys (tests; a provider that moved)."""
    with _lock:
        _discovered.clear()
        _keys.clear()


def _get_json(url: str) -> dict:
    answer = httpx.get(url, timeout=HTTP_TIMEOUT, follow_redirects=False)
    answer.raise_for_status()
    found = answer.json()
    if not isinstance(found, dict):
        raise ValueError(f"{url} did not answer a JSON object")
    return found


def discovery() -> Provider:
    """The provider's discovery document, fetched once per DISCOVERY_TTL_SECONDS."""
    issuer = settings.OIDC_ISSUER
    with _lock:
        cached = _discovered.get(issuer)
        if cached is not None and time.monotonic() - cached[0] < DISCOVERY_TTL_SECONDS:
            return cached[1]
    found = _get_json(f"{issuer}/.well-known/openid-configuration")
    if str(found.get("issuer", "")).rstrip("/") != issuer:
        raise ValueError(f"the discovery document names another issuer: {found.get('issuer')}")
    announced = found.get("id_token_signing_alg_values_supported") or ["RS256"]
    methods = found.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    provider = Provider(
        issuer=str(found["issuer"]),
        authorization_endpoint=str(found["authorization_endpoint"]),
        token_endpoint=str(found["token_endpoint"]),
        jwks_uri=str(found["jwks_uri"]),
        end_session_endpoint=str(found.get("end_session_endpoint") or ""),
        algorithms=tuple(alg for alg in announced if alg in ASYMMETRIC),
        scopes=tuple(str(scope) for scope in found.get("scopes_supported") or ()),
        token_auth_method=(
            "client_secret_basic" if "client_secret_basic" in methods else "client_secret_post"
        ),
    )
    with _lock:
        _discovered[issuer] = (time.monotonic(), provider)
    return provider


def _key_set(provider: Provider, *, refresh: bool = False) -> KeySet:
    with _lock:
        cached = _keys.get(provider.jwks_uri)
        if (
            not refresh
            and cached is not None
            and time.monotonic() - cached[0] < DISCOVERY_TTL_SECONDS
        ):
            return cached[1]
    keys = KeySet.import_key_set(_get_json(provider.jwks_uri))
    with _lock:
        _keys[provider.jwks_uri] = (time.monotonic(), keys)
    return keys


def _client(provider: Provider, redirect_uri: str) -> OAuth2Client:
    return OAuth2Client(
        settings.OIDC_CLIENT_ID,
        settings.OIDC_CLIENT_SECRET,
        scope=" ".join(_scopes(provider)),
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method=provider.token_auth_method,
        timeout=HTTP_TIMEOUT,
    )


def _scopes(provider: Provider) -> tuple[str, ...]:
    extra = settings.OIDC_ROLES_CLAIM
    return (*SCOPES, extra) if extra and extra in provider.scopes else SCOPES


def begin(session: Session, *, redirect_uri: str, return_to: str, invite_token: str = "") -> str:
    """The provider's address to send the browser to. An invitation, if given, must be
    valid now; it is spent when the sign-in finishes."""
    invite_id = members.open_invite(session, invite_token).id if invite_token else None
    provider = discovery()
    # Sign-ins nobody came back from are of no use past their time: gone with each new one.
    sessions.forget_challenges(session, (KIND,), CHALLENGE_VALID)
    state, nonce, verifier = generate_token(43), generate_token(43), generate_token(64)
    session.add(
        SignInChallenge(
            kind=KIND,
            lookup_hash=digest_secret(state),
            nonce=nonce,
            verifier=verifier,
            invite_id=invite_id,
            return_to=str(return_to or "/")[:200],
        )
    )
    session.flush()
    with _client(provider, redirect_uri) as client:
        url, _ = client.create_authorization_url(
            provider.authorization_endpoint, state=state, code_verifier=verifier, nonce=nonce
        )
    return url


class _Refused(Exception):
    """Why a sign-in did not check out (for the audit trail; never shown as such)."""


class SignedInAt(NamedTuple):
    """A finished sign-in: the member, the session's token (for the cookie) and where the
    browser asked to go afterwards (the route checks it is a path of this site)."""

    member: Member
    token: str
    return_to: str


def finish(
    session: Session, *, redirect_uri: str, query_params: Mapping[str, str], address: str
) -> SignedInAt:
    """Sign in whoever the provider sent back: (member, session token, return_to).

    Raises SignInFailed (nothing stored but the audit row), RoleRequired (a person without
    any role: their member row is kept, no session) or TooManySignIns."""
    sessions.check_attempts(address=address)
    state = str(query_params.get("state", ""))
    lookup = digest_secret(state) if state else ""
    try:
        challenge = _challenge(session, lookup)
        if query_params.get("error"):
            raise _Refused(f"provider said {str(query_params.get('error'))[:60]}")
        claims, id_token = _checked_token(
            challenge, redirect_uri, str(query_params.get("code", ""))
        )
        # Used once: of two answers with the same state only one gets past this line.
        used = session.exec(delete(SignInChallenge).where(SignInChallenge.id == challenge.id))
        if used.rowcount != 1:
            raise _Refused("state used already")
        member, new = _member(session, claims, challenge)
    except (_Refused, DomainError) as refusal:
        why = "invitation not valid" if isinstance(refusal, DomainError) else str(refusal)
        _refuse_alone(session, lookup, address=address, why=why)
        raise SignInFailed(why) from refusal
    if not members.role_set(member.roles):
        sessions.failed(session, address=address, account=member.name, why="no role")
        # The member row stays (an admin can give a role now); the caller rolls back.
        session.commit()
        raise RoleRequired("no role yet")
    if new:
        audit.record_by(
            session, members.as_signed_in(member), AuditAct.MEMBER_JOINED, detail=member.roles
        )
    token = sessions.start(session, member, method=sessions.OIDC, id_token=id_token)
    return SignedInAt(member=member, token=token, return_to=challenge.return_to)


def _refuse_alone(session: Session, lookup: str, *, address: str, why: str) -> None:
    """Undo the caller's transaction, then, in one of its own: spend the challenge (a state
    works once, also when it failed) and count and audit the failure."""
    session.rollback()
    with db.session_scope() as own:
        if lookup:
            own.exec(delete(SignInChallenge).where(SignInChallenge.lookup_hash == lookup))
        sessions.failed(own, address=address, why=f"identity provider: {why}")


def _challenge(session: Session, lookup: str) -> SignInChallenge:
    challenge = (
        session.exec(
            select(SignInChallenge).where(
                SignInChallenge.lookup_hash == lookup, SignInChallenge.kind == KIND
            )
        ).first()
        if lookup
        else None
    )
    if challenge is None:
        raise _Refused("unknown or used state")
    if utcnow() - as_utc(challenge.created_at) > CHALLENGE_VALID:
        raise _Refused("sign-in took too long")
    return challenge


def _checked_token(challenge: SignInChallenge, redirect_uri: str, code: str) -> tuple[dict, str]:
    """The ID token's claims (all checked) and the token itself."""
    if not code:
        raise _Refused("no code")
    try:
        provider = discovery()
        with _client(provider, redirect_uri) as client:
            answer = client.fetch_token(
                provider.token_endpoint,
                grant_type="authorization_code",
                code=code,
                code_verifier=challenge.verifier,
            )
    except Exception as error:  # the provider's refusal or an unreachable provider
        raise _Refused(f"code exchange failed: {type(error).__name__}") from error
    id_token = str(answer.get("id_token") or "")
    if not id_token:
        raise _Refused("no ID token")
    return validate_id_token(provider, id_token, nonce=challenge.nonce), id_token


def validate_id_token(provider: Provider, id_token: str, *, nonce: str) -> dict:
    """The claims of `id_token` if its signature (a key of the provider's JWKS, an
    asymmetric algorithm the provider announces) and its claims check out."""
    if not provider.algorithms:
        raise _Refused("the provider announces no public-key algorithm")
    try:
        try:
            token = jwt.decode(id_token, _key_set(provider), algorithms=list(provider.algorithms))
        except InvalidKeyIdError:  # the provider may have rolled its keys: ask once more
            token = jwt.decode(
                id_token, _key_set(provider, refresh=True), algorithms=list(provider.algorithms)
            )
        claims = dict(token.claims)
        jwt.JWTClaimsRegistry(
            leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": provider.issuer},
            aud={"essential": True, "value": settings.OIDC_CLIENT_ID},
            sub={"essential": True},
            exp={"essential": True},
            iat={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(claims)
    except (JoseError, ValueError, TypeError, KeyError) as error:
        raise _Refused(f"ID token refused: {type(error).__name__}") from error
    audience = claims.get("aud")
    several = isinstance(audience, list) and len(audience) > 1
    if several and claims.get("azp") != settings.OIDC_CLIENT_ID:
        raise _Refused("ID token for several audiences, not authorised for us")
    issued = claims.get("iat")
    if not isinstance(issued, int | float) or issued > time.time() + LEEWAY_SECONDS:
        raise _Refused("ID token issued in the future")
    return claims


def role_mapping(text: str) -> dict[str, frozenset[str]]:
    """LIVINGLAB_OIDC_ROLES ("group=role,group=role") as group -> roles; unknown roles
    are left out."""
    mapping: dict[str, set[str]] = {}
    for pair in str(text or "").split(","):
        group, _, role = pair.partition("=")
        if group.strip() and role.strip() in members.ROLES:
            mapping.setdefault(group.strip(), set()).add(role.strip())
    return {group: frozenset(roles) for group, roles in mapping.items()}


def mapped_roles(claims: Mapping[str, object]) -> frozenset[str]:
    """The roles the provider's claim gives under LIVINGLAB_OIDC_ROLES."""
    values = claims.get(settings.OIDC_ROLES_CLAIM)
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list | tuple):
        return frozenset()
    mapping = role_mapping(settings.OIDC_ROLES)
    return frozenset(role for value in values for role in mapping.get(str(value), ()))


def _text(claims: Mapping[str, object], *names: str) -> str:
    for name in names:
        value = claims.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _valid_invite(session: Session, invite_id: int | None) -> Invite | None:
    if invite_id is None:
        return None
    invite = session.exec(select(Invite).where(Invite.id == invite_id)).first()
    if invite is None or invite.used_at is not None or as_utc(invite.expires_at) <= utcnow():
        raise _Refused("invitation used or expired meanwhile")
    return invite


def _member(
    session: Session, claims: Mapping[str, object], challenge: SignInChallenge
) -> tuple[Member, bool]:
    """The member the ID token names (made on first sign-in), with fresh name, email and
    roles; and whether they are new."""
    subject = f"{claims['iss']}|{claims['sub']}"
    invite = _valid_invite(session, challenge.invite_id)
    member = session.exec(select(Member).where(Member.subject == subject)).first()
    new = False
    if member is None and invite is not None and invite.member_id is not None:
        member = access_member(session, invite.member_id)  # a link for an existing member
        if member.subject and member.subject != subject:
            raise _Refused("the invitation is for another account")
    if member is None:
        member, new = Member(name="?", subject=subject), True
    if member.removed_at is not None:
        raise _Refused("member was removed")
    member.subject = subject
    name = _text(claims, "name", "preferred_username", "given_name") or str(claims["sub"])
    member.name = clean_text(name, limit=NAME_MAX, multiline=False, required=False) or "?"
    member.email = _text(claims, "email")[:254]
    roles = set(members.role_set(member.roles))
    mapping = role_mapping(settings.OIDC_ROLES)
    if mapping:
        given = frozenset(role for group_roles in mapping.values() for role in group_roles)
        roles = (roles - given) | mapped_roles(claims)
    if invite is not None:
        roles |= members.role_set(invite.roles)
    member.roles = members.roles_text(roles)
    session.add(member)
    session.flush()
    if invite is not None:
        invite.member_id = member.id
        members.accept_invite(session, invite)
    return member, new


def end_session_url(id_token: str, post_logout_redirect_uri: str) -> str | None:
    """Where to send the browser to sign out at the provider too (None if it offers no
    such address, or cannot be reached now)."""
    if not configured():
        return None
    try:
        provider = discovery()
    except (httpx.HTTPError, ValueError, KeyError):
        return None
    if not provider.end_session_endpoint:
        return None
    query = {
        "post_logout_redirect_uri": post_logout_redirect_uri,
        "client_id": settings.OIDC_CLIENT_ID,
    }
    if id_token:
        query["id_token_hint"] = id_token
    joiner = "&" if "?" in provider.end_session_endpoint else "?"
    return provider.end_session_endpoint + joiner + urlencode(query)
