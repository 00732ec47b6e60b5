"""The check code of a record: SHA-256 over one byte form of its JSON.

A printed check code lets anyone confirm that a decision log is exactly the one the
workshop produced; an addendum (livinglab/followups.py) carries its own code.
"""

import hashlib
import json
from typing import Any


def canonical_json(record: dict[str, Any]) -> bytes:
    """The one byte form of a record: sorted keys, no spaces, UTF-8."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


#: Not covered by a record's check code: the code itself, and the follow-up addendum
#: added after closing (which has its own code, covering this one).
OUTSIDE = ("digest", "addendum")


def digest(record: dict[str, Any]) -> str:
    """SHA-256 of the record's canonical JSON, without its own code and its addendum."""
    body = {key: value for key, value in record.items() if key not in OUTSIDE}
    return hashlib.sha256(canonical_json(body)).hexdigest()


def verify(record: dict[str, Any], printed_digest: str) -> bool:
    """True when `record` is exactly the record whose digest was printed."""
    expected = str(printed_digest).strip().lower()
    return digest(record) == expected and record.get("digest", expected) == expected
