"""A closed record stays what was printed: sealed at closing, every later change a new version.

Closing a workshop seals its record (version 1): the canonical JSON as it is then, with a
`seal` saying which version it is, when, who made it and why, and the digest of the version
before it (none for version 1). Every later change (a correction, closing again after
reopening, the retention purge) is version N+1 naming version N's digest: a hash chain, as
Git's history or a transparency log. Nothing is rewritten, with one exception the law asks
for: an erasure or a purge takes the texts out of every earlier version (their body goes,
their digest and seal stay in the chain, so the chain still verifies link by link).

Exports, the records page, the phones' "you said, we did" and the search read the newest
sealed version, never the live tables.
"""

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, select

from livinglab import changes
from livinglab.changes import Change
from livinglab.models import RecordChange, RecordVersion, Workshop, utcnow
from livinglab.records.checkcode import canonical_json, digest, verify
from livinglab.records.record import build_record, when
from livinglab.workshops import closed_condition, is_closed

CHAIN_SCHEMA_ID = "https://livinglab.example/schema/record-chain/1"
#: Changes that take texts out of the record: earlier versions lose their bodies.
ERASING = (RecordChange.ERASURE, RecordChange.PURGE)


@dataclass(frozen=True)
class Signer:
    """Who makes a version: `audit` as the audit trail keeps it ("reader-5"), and as the
    record prints it: a role and, for a named records reader, their name."""

    audit: str
    role: str
    name: str = ""

    def as_record(self) -> dict[str, str]:
        return {"role": self.role, "name": self.name}


#: Who seals a record nobody signs by hand.
FACILITATOR = Signer(audit="facilitator", role="facilitator")
RETENTION = Signer(audit="retention", role="retention")
UPGRADE = Signer(audit="upgrade", role="upgrade")


def newest(session: Session, workshop: Workshop) -> RecordVersion | None:
    """The newest sealed version of `workshop`'s record (None: it never closed)."""
    return session.exec(
        select(RecordVersion)
        .where(RecordVersion.workshop_id == workshop.id)
        .order_by(RecordVersion.number.desc())
    ).first()


def versions(session: Session, workshop: Workshop) -> list[RecordVersion]:
    """Every version of `workshop`'s record, oldest first."""
    return list(
        session.exec(
            select(RecordVersion)
            .where(RecordVersion.workshop_id == workshop.id)
            .order_by(RecordVersion.number)
        )
    )


def as_record(version: RecordVersion) -> dict[str, Any] | None:
    """A version's record as exported: its body with its digest (None: the body was erased)."""
    if version.body is None:
        return None
    return {**json.loads(version.body), "digest": version.digest}


def sealed_record(session: Session, workshop: Workshop) -> dict[str, Any] | None:
    """The newest sealed record of `workshop` (None while it never closed)."""
    version = newest(session, workshop)
    return as_record(version) if version is not None else None


def seal(
    session: Session,
    workshop: Workshop,
    *,
    change: RecordChange,
    signer: Signer,
    reason: str = "",
    what: dict[str, Any] | None = None,
) -> RecordVersion:
    """Seal `workshop`'s record as it is now in the live tables: the next version, naming
    the previous one's digest, with `change`, `reason`, `what` changed (counts, never texts)
    and who made it. Announces RECORD (the search and the screens follow)."""
    earlier = versions(session, workshop)
    previous = earlier[-1] if earlier else None
    number = previous.number + 1 if previous else 1
    stamp = {
        "version": number,
        "previous_digest": previous.digest if previous else None,
        "change": RecordChange(change).value,
        "reason": reason,
        "made_at": when(utcnow()),
        "made_by": signer.as_record(),
        "what": what or {},
    }
    body = build_record(session=session, workshop=workshop)
    body.pop("digest")
    body["seal"] = stamp
    body["corrections"] = [json.loads(v.seal) for v in earlier if v.number > 1] + (
        [stamp] if number > 1 else []
    )
    version = RecordVersion(
        workshop_id=workshop.id,
        number=number,
        digest=digest(body),
        previous_digest=stamp["previous_digest"] or "",
        change=stamp["change"],
        reason=reason,
        made_by=signer.audit,
        seal=json.dumps(stamp, ensure_ascii=False, sort_keys=True),
        body=canonical_json(body).decode(),
    )
    session.add(version)
    session.flush()
    if change in ERASING:
        session.exec(
            update(RecordVersion)
            .where(RecordVersion.workshop_id == workshop.id, RecordVersion.number < number)
            .values(body=None, erased_in=number)
        )
    changes.record(session, workshop, Change.RECORD)
    return version


def seal_on_closing(session: Session, workshop: Workshop) -> None:
    """Follows Change.CLOSED: the record as it is at closing (wired in bootstrap.py)."""
    if is_closed(workshop):
        seal(session, workshop, change=RecordChange.CLOSED, signer=FACILITATOR)


def seal_unsealed(session: Session) -> int:
    """Seal the closed workshops closed before records were sealed (after an upgrade), as
    they are now; returns how many."""
    waiting = list(
        session.exec(
            select(Workshop)
            .where(
                closed_condition(),
                Workshop.id.not_in(select(RecordVersion.workshop_id).distinct()),
            )
            .order_by(Workshop.id)
        )
    )
    for workshop in waiting:
        seal(session, workshop, change=RecordChange.CLOSED, signer=UPGRADE)
    return len(waiting)


def chain(session: Session, workshop: Workshop) -> dict[str, Any]:
    """Every version of the record in one document, for `python -m livinglab verify`:
    each version's record, or, where its body was erased, its seal and digest."""
    return {
        "$schema": CHAIN_SCHEMA_ID,
        "code": workshop.code,
        "versions": [
            as_record(version)
            or {
                "seal": json.loads(version.seal),
                "digest": version.digest,
                "erased_in": version.erased_in,
            }
            for version in versions(session, workshop)
        ],
    }


@dataclass(frozen=True)
class ChainCheck:
    """What `verify_chain` found: unbroken or not, and a line per version."""

    unbroken: bool
    lines: list[str]


def is_chain(document: dict[str, Any]) -> bool:
    return document.get("$schema") == CHAIN_SCHEMA_ID


def verify_chain(document: dict[str, Any]) -> ChainCheck:
    """Whether every version in a chain document is what its digest says and names the
    digest of the version before it. An erased version is checked by the link the next
    version makes to it (its body is gone by law, its digest is not)."""
    lines, unbroken, previous = [], True, None
    entries = document.get("versions") or []
    for position, entry in enumerate(entries, start=1):
        stamp = entry.get("seal") or {}
        problems = []
        if stamp.get("version") != position:
            problems.append(f"numbered {stamp.get('version')}, expected {position}")
        if stamp.get("previous_digest") != previous:
            problems.append("does not name the previous version's check code")
        if "erased_in" in entry:
            state = f"content erased by version {entry['erased_in']}"
            named = position < len(entries) and (
                (entries[position].get("seal") or {}).get("previous_digest") == entry.get("digest")
            )
            if not named and position < len(entries):
                problems.append("its check code is not the one the next version names")
        elif digest(entry) != entry.get("digest"):
            state = "content changed"
            problems.append("its content does not match its check code")
        else:
            state = "verified"
        unbroken = unbroken and not problems
        lines.append(
            f"version {position}: {entry.get('digest', '?')} {state}"
            + ("".join(f"; {problem}" for problem in problems))
        )
        previous = entry.get("digest")
    if not entries:
        unbroken = False
        lines.append("no versions")
    return ChainCheck(unbroken=unbroken, lines=lines)


def find_version(document: dict[str, Any], printed_digest: str) -> dict[str, Any] | None:
    """The version in a chain (or the single record) whose check code was printed and whose
    content still matches it; None when there is none."""
    candidates = document.get("versions", []) if is_chain(document) else [document]
    for entry in candidates:
        if "erased_in" not in entry and verify(entry, printed_digest):
            return entry
    return None
