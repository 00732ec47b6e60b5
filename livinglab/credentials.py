"""Secrets people hold (facilitator keys, participants' tokens, records links): made here,
stored only as their SHA-256, compared in constant time."""

import hashlib
import hmac
import secrets


def new_secret() -> str:
    """A fresh secret for a link or a cookie: 192 bits, URL-safe."""
    return secrets.token_urlsafe(24)


def digest_secret(secret: str) -> str:
    """How a key or token is stored: its SHA-256, never the secret itself."""
    return hashlib.sha256(secret.encode()).hexdigest()


def matches(secret: str, stored_digest: str) -> bool:
    """True when `secret` is the one stored as `stored_digest` (constant-time comparison)."""
    return bool(secret) and hmac.compare_digest(digest_secret(str(secret)), stored_digest)
