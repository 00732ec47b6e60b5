"""Retention: a workshop's personal data goes some months after it closed; its counts stay.

Each workshop keeps its people's data for `retention_months` (1..120, 12 unless the
facilitator chose otherwise), counted from the last time it moved to "closed". Once that
is over, `purge_workshop` removes the personal data and keeps what the decision record
needs as numbers. `delete_workshop` removes a whole workshop at once, when its facilitator
asks.

What counts as personal data (GDPR: anything about a person who can be identified,
directly or by linking it to something else), and what a purge does with it:

Removed
- Participant names: a name names a person. Emptied.
- Phone tokens: the token hash ties a row to the cookie on someone's phone. Replaced by
  "purged-<id>", which is not a SHA-256 digest, so no token can ever match it again.
- Insight texts, hidden or not: people write about their own lives, work, debts and
  neighbours. Emptied.
- Consent reasons: a reason is free text written by one person. Emptied.
- Proposal texts sent from a phone: written by a participant. Emptied; what was decided
  about such a proposal stays.
- Co-facilitator links and labels: a label may be a first name, a key opens the console.
  The label is emptied, the key hash replaced like a phone token. The audit trail names
  them only by number ("cofacilitator-2"), so it stays.
- Action owners: free text that is often a person's name ("Fatima"), and we cannot tell
  a person from a team ("Team Werk"), so every owner is emptied. What and when stay.
- Who followed an action up: each dated update names the person with records access who
  made it, for the audit trail. The link to that person is removed; the update stays.
- When each person joined, posted, voted and answered: someone who was in the room may
  remember who came in late or voted last, and so find that person's role and dots.
  These moments are all set to the moment the workshop closed.

Kept
- One row per participant with only their role and "on paper", and their dots and
  consent answers: the counts per role and per item are made from these rows. With no
  name, token, text or moment they point to nobody. The counts per role are in the
  record by design (the same as before the purge).
- What the facilitator or the organisation wrote for the record: the workshop's title,
  question, place and organisers, theme names, the facilitator's own proposals, decisions
  with their outcome and rationale, what each action is and when it is due, and the
  dated follow-up notes (written by the organisation for the participants to read).
- How the workshop went: stage times, vote round settings, hide and show acts (their
  actor is "facilitator", not a person), theme suggestions (they hold no text), and the
  phone's random id for each post (it only stops a double tap from posting twice).

The record keeps what was printed: a purge seals a new version of the record without the
texts (livinglab/records/versions.py) and takes the texts out of the earlier versions too;
their check codes stay in the chain.

A purge is one transaction per workshop. It sets `purged_at`, so purging again changes
nothing, and a purged workshop cannot be opened again (`workshops.move_stage`).
"""

import calendar
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, String, Table, cast, delete, literal, update
from sqlmodel import Session, SQLModel, func, select

from livinglab import changes, models
from livinglab.codes import normalize_code
from livinglab.errors import WrongConfirmation
from livinglab.models import (
    Action,
    ActionUpdate,
    CoFacilitator,
    ConsentAnswer,
    Decision,
    Insight,
    Participant,
    Proposal,
    Reaction,
    RecordChange,
    StageChange,
    Vote,
    Workshop,
    as_utc,
    utcnow,
)
from livinglab.organisation import audit
from livinglab.organisation.audit import AuditAct
from livinglab.records import versions
from livinglab.workshops import (
    audit_lead,
    closed_condition,
    closing_condition,
    find_workshop,
    is_closed,
    require_facilitator,
)

#: What a purged token hash starts with; a SHA-256 hex digest never does.
PURGED_TOKEN_PREFIX = "purged-"


@dataclass(frozen=True)
class PurgeReport:
    """What a purge removed (or would remove) from one workshop: counts only."""

    code: str
    title: str
    closed_at: datetime | None
    retention_months: int
    names: int
    tokens: int
    insight_texts: int
    reasons: int
    proposal_texts: int
    owners: int


def _months_later(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later; the month's last day when that day is missing."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    return moment.replace(
        year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1])
    )


def closed_at(*, session: Session, workshop: Workshop) -> datetime | None:
    """When the workshop last moved to "closed"; None while it is open."""
    if not is_closed(workshop):
        return None
    moment = session.exec(
        select(func.max(StageChange.changed_at)).where(
            StageChange.workshop_id == workshop.id, closing_condition()
        )
    ).one()
    return as_utc(moment) if moment is not None else None


def expires_at(*, session: Session, workshop: Workshop) -> datetime | None:
    """When the retention period ends and the personal data goes; None while it is open."""
    closed = closed_at(session=session, workshop=workshop)
    return None if closed is None else _months_later(closed, workshop.retention_months)


def _is_expired(session: Session, workshop: Workshop, now: datetime) -> bool:
    if workshop.purged_at is not None:
        return False
    end = expires_at(session=session, workshop=workshop)
    return end is not None and end < now


def expired_workshops(*, session: Session, now: datetime | None = None) -> list[Workshop]:
    """Closed workshops whose retention period is over and whose personal data is still kept."""
    now = as_utc(now or utcnow())
    candidates = session.exec(
        select(Workshop)
        .where(closed_condition(), Workshop.purged_at.is_(None))
        .order_by(Workshop.id)
    )
    return [workshop for workshop in candidates if _is_expired(session, workshop, now)]


def _count(session: Session, model: type[SQLModel], *conditions: ColumnElement[bool]) -> int:
    return session.exec(select(func.count()).select_from(model).where(*conditions)).one()


def _people(workshop: Workshop):
    return select(Participant.id).where(Participant.workshop_id == workshop.id)


def _owned_actions(workshop: Workshop):
    return Action.decision_id.in_(
        select(Decision.id)
        .join(Proposal, Proposal.id == Decision.proposal_id)
        .where(Proposal.workshop_id == workshop.id)
    )


def _written_on_phones(workshop: Workshop) -> tuple[ColumnElement[bool], ...]:
    return Proposal.workshop_id == workshop.id, Proposal.participant_id.is_not(None)


def personal_data(*, session: Session, workshop: Workshop) -> PurgeReport:
    """How much personal data a purge of this workshop removes (a dry run: nothing changes)."""
    return PurgeReport(
        code=workshop.code,
        title=workshop.title,
        closed_at=closed_at(session=session, workshop=workshop),
        retention_months=workshop.retention_months,
        names=_count(
            session,
            Participant,
            Participant.workshop_id == workshop.id,
            Participant.name.is_not(None),
        ),
        tokens=_count(
            session,
            Participant,
            Participant.workshop_id == workshop.id,
            Participant.token_hash.not_like(f"{PURGED_TOKEN_PREFIX}%"),
        ),
        insight_texts=_count(
            session, Insight, Insight.workshop_id == workshop.id, Insight.text != ""
        ),
        reasons=_count(
            session,
            ConsentAnswer,
            ConsentAnswer.participant_id.in_(_people(workshop)),
            ConsentAnswer.reason != "",
        ),
        proposal_texts=_count(
            session, Proposal, *_written_on_phones(workshop), Proposal.text != ""
        ),
        owners=_count(session, Action, _owned_actions(workshop), Action.owner != ""),
    )


def purge_workshop(
    *, session: Session, code: str, now: datetime | None = None
) -> PurgeReport | None:
    """Remove the personal data of one workshop whose retention period is over; keep counts.

    Returns what was removed, or None when there was nothing to do: the workshop is open,
    its retention period is not over yet, or it was purged already. The caller commits:
    one transaction per workshop.
    """
    now = as_utc(now or utcnow())
    workshop = find_workshop(session=session, code=code)
    session.refresh(workshop, with_for_update=True)  # two purges at once: one waits, then skips
    if not _is_expired(session, workshop, now):
        return None
    report = personal_data(session=session, workshop=workshop)
    closed = report.closed_at
    people = _people(workshop)
    session.exec(
        update(Participant)
        .where(Participant.workshop_id == workshop.id)
        .values(
            name=None,
            token_hash=literal(PURGED_TOKEN_PREFIX) + cast(Participant.id, String),
            joined_at=closed,
        )
    )
    session.exec(
        update(Insight)
        .where(Insight.workshop_id == workshop.id)
        .values(text="", created_at=closed, updated_at=closed)
    )
    session.exec(update(Vote).where(Vote.participant_id.in_(people)).values(cast_at=closed))
    session.exec(
        update(Reaction).where(Reaction.participant_id.in_(people)).values(reacted_at=closed)
    )
    session.exec(
        update(ConsentAnswer)
        .where(ConsentAnswer.participant_id.in_(people))
        .values(reason="", answered_at=closed)
    )
    session.exec(update(Proposal).where(*_written_on_phones(workshop)).values(text=""))
    session.exec(update(Action).where(_owned_actions(workshop)).values(owner=""))
    session.exec(
        update(ActionUpdate)
        .where(ActionUpdate.action_id.in_(select(Action.id).where(_owned_actions(workshop))))
        .values(reader_id=None)
    )
    labels = session.exec(
        select(CoFacilitator.label).where(CoFacilitator.workshop_id == workshop.id)
    ).all()
    audit.forget_cofacilitators(session, workshop.code, list(labels))
    session.exec(
        update(CoFacilitator)
        .where(CoFacilitator.workshop_id == workshop.id)
        .values(label="", key_hash=literal(PURGED_TOKEN_PREFIX) + cast(CoFacilitator.id, String))
    )
    workshop.purged_at = now
    session.add(workshop)
    session.flush()
    # A new version of the record without the texts; earlier versions lose theirs.
    versions.seal(session, workshop, change=RecordChange.PURGE, signer=versions.RETENTION)
    # Screens still open on it show names and texts: every part of the room is read again.
    changes.record(session, workshop, *changes.ROOM)
    return report


def _tables_leaves_first() -> list[type[SQLModel]]:
    """Every table in models.py, each before the tables it points to (foreign keys).

    The models, not their tables: an ORM delete also drops the rows from the session.
    """
    order = {table: index for index, table in enumerate(SQLModel.metadata.sorted_tables)}
    tables = [
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, SQLModel) and "__table__" in vars(value)
    ]
    return sorted(tables, key=lambda model: order[model.__table__], reverse=True)


def _of_workshop(table: Table, workshop_id: int) -> ColumnElement[bool] | None:
    """Which rows of `table` belong to the workshop: by its workshop_id or through a parent."""
    if table.name == Workshop.__tablename__:
        return table.c.id == workshop_id
    if "workshop_id" in table.c:
        return table.c.workshop_id == workshop_id
    if not table.foreign_keys:
        return None  # not workshop data
    link = min(table.foreign_keys, key=lambda foreign_key: foreign_key.parent.name)
    parent = _of_workshop(link.column.table, workshop_id)
    return None if parent is None else link.parent.in_(select(link.column).where(parent))


def delete_workshop(*, session: Session, code: str, key: str, typed_code: str) -> None:
    """Remove a whole workshop, every row of it in every table: its facilitator only, once
    they typed its code (as people type it: any case, spaces or dashes).

    Rows are deleted leaves first (votes before rounds, rounds before the workshop), so
    PostgreSQL's foreign keys hold at every step. A table added later is covered when it
    has a workshop_id or a foreign key to a table that belongs to a workshop.
    """
    workshop = require_facilitator(session=session, code=code, key=key)
    if normalize_code(typed_code) != workshop.code:
        raise WrongConfirmation(str(typed_code)[:32])
    audit_lead(session, workshop, AuditAct.WORKSHOP_DELETED)
    for model in _tables_leaves_first():
        rows = _of_workshop(model.__table__, workshop.id)
        if rows is not None:
            session.exec(delete(model).where(rows))
    session.flush()
