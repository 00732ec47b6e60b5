"""The decision record: everything a policy team needs, as one canonical JSON document.

The PDF, the JSON and the CSV files are all made from this one record. Its digest
(SHA-256 of the canonical JSON) is printed in the PDF, so a reader can check that a
JSON export is the record that was printed: `python -m livinglab verify`.

Once a workshop's personal data is purged (livinglab/retention.py), its record lists no
insights, only how many there were per theme; the counts stay the same.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, select

from livinglab.codes import format_code
from livinglab.dialogue import consent_result
from livinglab.errors import WorkshopNotFound
from livinglab.models import (
    Action,
    ConsentRound,
    Decision,
    Insight,
    Participant,
    Proposal,
    ProposalStatus,
    Stage,
    StageChange,
    Theme,
    VoteRound,
    Workshop,
    as_utc,
)
from livinglab.reactions import KINDS, reaction_counts
from livinglab.records.access import require_access
from livinglab.records.checkcode import canonical_json, digest, verify  # noqa: F401 (the record's API)
from livinglab.records.followups import addendum
from livinglab.voting import RoundResults, results
from livinglab.workshops import ROLES, find_workshop, require_facilitator

SCHEMA_ID = "https://livinglab.example/schema/decision-record/3"
SCHEMA_VERSION = 3
#: A theme nobody reacted to.
NO_REACTIONS = dict.fromkeys(KINDS, 0)


def _when(moment: datetime | date | None) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, datetime):
        return as_utc(moment).isoformat(timespec="seconds")
    return moment.isoformat()


def _insight(insight: Insight, roles: dict[int, str]) -> dict[str, Any]:
    return {
        "id": insight.id,
        "text": insight.text,
        "role": roles[insight.participant_id],
        "written_for": insight.by_proxy,
    }


def build_record(*, session: Session, workshop: Workshop) -> dict[str, Any]:
    """The whole record of a workshop, from the database, with its digest."""
    people = list(
        session.exec(
            select(Participant)
            .where(Participant.workshop_id == workshop.id)
            .order_by(Participant.id)
        )
    )
    roles = {person.id: person.role for person in people}
    cards = list(
        session.exec(select(Insight).where(Insight.workshop_id == workshop.id).order_by(Insight.id))
    )
    visible = [card for card in cards if not card.hidden]
    # After a purge the texts are gone: the record keeps how many, not empty cards.
    listed = [] if workshop.purged_at is not None else visible
    themes = list(
        session.exec(select(Theme).where(Theme.workshop_id == workshop.id).order_by(Theme.id))
    )
    reacted = reaction_counts(session=session, workshop_id=workshop.id)
    rounds = list(
        session.exec(
            select(VoteRound).where(VoteRound.workshop_id == workshop.id).order_by(VoteRound.id)
        )
    )
    proposals = list(
        session.exec(
            select(Proposal)
            .where(Proposal.workshop_id == workshop.id, Proposal.status == ProposalStatus.BOARD)
            .order_by(Proposal.id)
        )
    )
    record: dict[str, Any] = {
        "$schema": SCHEMA_ID,
        "version": SCHEMA_VERSION,
        "workshop": {
            "code": workshop.code,
            "title": workshop.title,
            "question": workshop.question,
            "language": workshop.language,
            "created_at": _when(workshop.created_at),
            "uses_names": workshop.uses_names,
            "place": workshop.place,
            "organisers": workshop.organisers,
            "retention_months": workshop.retention_months,
            "purged_at": _when(workshop.purged_at),
            "demo": workshop.demo,
        },
        "process": {
            "stages": [
                {"stage": change.stage, "entered_at": _when(change.changed_at)}
                for change in session.exec(
                    select(StageChange)
                    .where(StageChange.workshop_id == workshop.id)
                    .order_by(StageChange.id)
                )
            ],
        },
        "participation": {
            "by_role": {role: Counter(roles.values())[role] for role in ROLES},
            "on_paper": sum(1 for person in people if person.on_paper),
            "names": sorted(p.name for p in people if p.name) if workshop.uses_names else [],
        },
        "themes": [
            {
                "id": theme.id,
                "name": theme.name,
                "insight_count": sum(1 for c in visible if c.theme_id == theme.id),
                "reactions": reacted.get(theme.id, NO_REACTIONS),
                "insights": [_insight(c, roles) for c in listed if c.theme_id == theme.id],
            }
            for theme in themes
        ],
        "ungrouped": [_insight(c, roles) for c in listed if c.theme_id is None],
        "ungrouped_count": sum(1 for c in visible if c.theme_id is None),
        # Never shown, and why, without the texts: hidden, or still waiting for review.
        "hidden_insights": sum(1 for c in cards if c.hidden and not c.waiting),
        "waiting_insights": sum(1 for c in cards if c.waiting),
        "vote_rounds": [
            {
                "id": vote_round.id,
                "target": vote_round.target,
                "dots_per_person": vote_round.dots_per_person,
                "max_per_item": vote_round.max_per_item,
                "opened_at": _when(vote_round.opened_at),
                "closed_at": _when(vote_round.closed_at),
                **_vote_results(results(session=session, vote_round=vote_round)),
            }
            for vote_round in rounds
        ],
        "proposals": [_proposal(session, proposal) for proposal in proposals],
    }
    record["digest"] = digest(record)
    return record


def _vote_results(round_results: RoundResults) -> dict[str, Any]:
    return {
        "split": round_results.split.as_record(),
        "results": [
            {
                "item_id": t.item_id,
                "label": t.label,
                "dots": t.dots,
                "by_group": {line.group: line.dots for line in t.by_group},
            }
            for t in round_results.tallies
        ],
    }


def _proposal(session: Session, proposal: Proposal) -> dict[str, Any]:
    consent = session.exec(
        select(ConsentRound)
        .where(ConsentRound.proposal_id == proposal.id)
        .order_by(ConsentRound.id.desc())
    ).first()
    decision = session.exec(select(Decision).where(Decision.proposal_id == proposal.id)).first()
    actions = (
        list(
            session.exec(
                select(Action).where(Action.decision_id == decision.id).order_by(Action.id)
            )
        )
        if decision
        else []
    )
    result = consent_result(session=session, consent=consent) if consent else None
    return {
        "id": proposal.id,
        "theme_id": proposal.theme_id,
        "text": proposal.text,
        "from_participant": proposal.participant_id is not None,
        "consent": None
        if result is None
        else {
            "counts": result.counts,
            "by_group": {line.group: line.counts for line in result.by_group},
            "split": result.split.as_record(),
            "objections": result.objections,
        },
        "decision": None
        if decision is None
        else {
            "outcome": decision.outcome,
            "rationale": decision.rationale,
            "decided_at": _when(decision.decided_at),
        },
        "actions": [
            {"what": action.what, "owner": action.owner, "due": _when(action.due)}
            for action in actions
        ],
    }


def facilitator_record(*, session: Session, code: str, key: str) -> dict[str, Any]:
    """The record for a download from the console: the facilitator key is required."""
    return build_record(
        session=session, workshop=require_facilitator(session=session, code=code, key=key)
    )


@dataclass(frozen=True)
class ClosedWorkshop:
    """A line on the records page."""

    code: str
    #: The code as people saw it on the projector (ABC-DEFG).
    shown_code: str
    title: str
    day: str


def closed_workshops(*, session: Session, key: str) -> list[ClosedWorkshop]:
    """Closed workshops, newest first, for the organisation's key or a person's access."""
    require_access(session=session, credential=key)
    return [
        ClosedWorkshop(
            code=w.code, shown_code=format_code(w.code), title=w.title, day=_when(w.created_at)[:10]
        )
        for w in session.exec(
            select(Workshop).where(Workshop.stage == Stage.CLOSED).order_by(Workshop.id.desc())
        )
    ]


def closed_record(*, session: Session, key: str, code: str) -> dict[str, Any]:
    """The record of a closed workshop for the records library, with its follow-up addendum
    (outside the original's check code, with its own)."""
    require_access(session=session, credential=key)
    workshop = find_workshop(session=session, code=code)
    if workshop.stage != Stage.CLOSED:
        raise WorkshopNotFound(code)
    record = build_record(session=session, workshop=workshop)
    return {
        **record,
        "addendum": addendum(session=session, workshop=workshop, original_digest=record["digest"]),
    }
