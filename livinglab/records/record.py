"""The decision record: everything a policy team needs, as one canonical JSON document.

The PDF, the JSON and the CSV files are all made from this one record. Its digest
(SHA-256 of the canonical JSON) is printed in the PDF, so a reader can check that a
JSON export is the record that was printed: `python -m livinglab verify`.

Once a workshop's personal data is purged (livinglab/retention.py), its record lists no
insights, only how many there were per theme; the counts stay the same.
"""

from collections import Counter
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, select

from livinglab.dialogue import consent_result
from livinglab.models import (
    Action,
    ConsentRound,
    Decision,
    Insight,
    Participant,
    Proposal,
    ProposalStatus,
    StageChange,
    Theme,
    VoteRound,
    Workshop,
    as_utc,
)
from livinglab.reactions import KINDS, reaction_counts
from livinglab.records.checkcode import canonical_json, digest, verify  # noqa: F401 (the record's API)
from livinglab.voting import RoundResults, results
from livinglab.workshops import ROLES

SCHEMA_ID = "https://livinglab.example/schema/decision-record/4"
SCHEMA_VERSION = 4
#: A theme nobody reacted to.
NO_REACTIONS = dict.fromkeys(KINDS, 0)


def when(moment: datetime | date | None) -> str | None:
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
            "created_at": when(workshop.created_at),
            "uses_names": workshop.uses_names,
            "place": workshop.place,
            "organisers": workshop.organisers,
            "retention_months": workshop.retention_months,
            "purged_at": when(workshop.purged_at),
            "demo": workshop.demo,
        },
        "process": {
            "stages": [
                {"stage": change.stage, "entered_at": when(change.changed_at)}
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
                "opened_at": when(vote_round.opened_at),
                "closed_at": when(vote_round.closed_at),
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
            "decided_at": when(decision.decided_at),
        },
        "actions": [
            {"id": action.id, "what": action.what, "owner": action.owner, "due": when(action.due)}
            for action in actions
        ],
    }
