"""Secrets a browser keeps per workshop (facilitator key, participant token) in one cookie."""

import json

#: A browser remembers this many workshops; the oldest is forgotten first.
KEYRING_SIZE = 8


def entries(keyring: str) -> dict[str, str]:
    """Every workshop code with the secret stored for it (a broken cookie holds none)."""
    try:
        stored = json.loads(keyring or "{}")
    except ValueError:
        return {}
    if not isinstance(stored, dict):
        return {}
    return {code: secret for code, secret in stored.items() if isinstance(secret, str)}


def read(keyring: str, code: str) -> str:
    """The secret stored for `code`, or ""."""
    return entries(keyring).get(code, "")


def store(keyring: str, code: str, secret: str) -> str:
    """The keyring with `secret` stored for `code` (as the newest entry)."""
    kept = entries(keyring)
    kept.pop(code, None)
    kept[code] = secret
    return json.dumps(dict(list(kept.items())[-KEYRING_SIZE:]), separators=(",", ":"))


def drop(keyring: str, code: str) -> str:
    """The keyring without a secret for `code` (one that stopped working)."""
    kept = entries(keyring)
    kept.pop(code, None)
    return json.dumps(kept, separators=(",", ":"))
