"""Secrets a browser keeps per workshop (facilitator key, participant token) in one cookie."""

import json

#: A browser remembers this many workshops; the oldest is forgotten first.
KEYRING_SIZE = 8


def read(keyring: str, code: str) -> str:
    """The secret stored for `code`, or ""."""
    try:
        entries = json.loads(keyring or "{}")
    except ValueError:
        return ""
    secret = entries.get(code, "") if isinstance(entries, dict) else ""
    return secret if isinstance(secret, str) else ""


def store(keyring: str, code: str, secret: str) -> str:
    """The keyring with `secret` stored for `code` (as the newest entry)."""
    try:
        entries = json.loads(keyring or "{}")
    except ValueError:
        entries = {}
    if not isinstance(entries, dict):
        entries = {}
    entries.pop(code, None)
    entries[code] = secret
    return json.dumps(dict(list(entries.items())[-KEYRING_SIZE:]), separators=(",", ":"))
