"""Insights: posting, editing and withdrawing one's own, and moderation by hiding."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, select

from livinglab.errors import (
    InsightNotFound,
    NotParticipant,
    NotYourInsight,
    WorkshopClosed,
    WrongStage,
)
from livinglab.models import Insight, ModerationAct, Participant, Workshop, utcnow
from livinglab.validation import INSIGHT_MAX, clean_text
from livinglab.workshops import require_facilitator, require_participant

CLIENT_REF_MAX = 40


@dataclass(frozen=True)
class InsightCard:
    """An insight as a screen shows it: text, who (name or role) and whether hidden."""

    id: int
    text: str
    author: str
    role: str
    hidden: bool
    #: The theme the card sits in; 0 when ungrouped.
    theme_id: int = 0
    #: Written down by the facilitator for someone on paper.
    by_proxy: bool = False


def _cards(session: Session, *conditions) -> list[InsightCard]:
    """The insights matching `conditions`, newest first, as cards.

    Columns, not ORM rows: every post re-reads the board, and loading a thousand
    entities was most of that read.
    """
    query = (
        select(
            Insight.id,
            Insight.text,
            Participant.name,
            Participant.role,
            Insight.hidden,
            Insight.theme_id,
            Insight.by_proxy,
        )
        .join(Participant, Participant.id == Insight.participant_id)
        .where(*conditions)
        .order_by(Insight.id.desc())
    )
    return [
        InsightCard(
            id=id_,
            text=text,
            author=name or "",
            role=role,
            hidden=hidden,
            theme_id=theme or 0,
            by_proxy=by_proxy,
        )
        for id_, text, name, role, hidden, theme, by_proxy in session.exec(query)
    ]


def _store(
    session: Session,
    workshop: Workshop,
    participant: Participant,
    text: str,
    client_ref: str,
    *,
    by_proxy: bool,
) -> Insight:
    """Store a story while stories are collected; the same `client_ref` twice stores it once."""
    if workshop.stage != "collect":
        raise WrongStage(workshop.stage)
    cleaned = clean_text(text, limit=INSIGHT_MAX)
    ref = str(client_ref or "")[:CLIENT_REF_MAX] or utcnow().isoformat()
    existing = session.exec(
        select(Insight).where(Insight.participant_id == participant.id, Insight.client_ref == ref)
    ).first()
    if existing is not None:
        return existing
    insight = Insight(
        workshop_id=workshop.id,
        participant_id=participant.id,
        client_ref=ref,
        text=cleaned,
        by_proxy=by_proxy,
    )
    session.add(insight)
    session.flush()
    return insight


def post_insight(*, session: Session, code: str, token: str, text: str, client_ref: str) -> Insight:
    """Store a new insight; the same `client_ref` twice (a double tap, a resend) stores it once."""
    participant = require_participant(session=session, code=code, token=token)
    workshop = session.get(Workshop, participant.workshop_id)
    return _store(session, workshop, participant, text, client_ref, by_proxy=False)


def post_for(
    *, session: Session, code: str, key: str, participant_id: int, text: str, client_ref: str
) -> Insight:
    """The facilitator writes down the story of someone on paper, recorded as written for them.

    So people who cannot or will not type are still in the record. The same `client_ref`
    twice (a double click) stores it once.
    """
    workshop = require_facilitator(session=session, code=code, key=key)
    participant = (
        session.get(Participant, participant_id) if isinstance(participant_id, int) else None
    )
    if participant is None or participant.workshop_id != workshop.id or not participant.on_paper:
        raise NotParticipant(str(participant_id))
    return _store(session, workshop, participant, text, client_ref, by_proxy=True)


def _own_insight(session: Session, code: str, token: str, insight_id: int) -> Insight:
    participant = require_participant(session=session, code=code, token=token)
    insight = session.get(Insight, insight_id) if isinstance(insight_id, int) else None
    if insight is None or insight.workshop_id != participant.workshop_id:
        raise InsightNotFound(str(insight_id))
    if insight.participant_id != participant.id:
        raise NotYourInsight(str(insight_id))
    return insight


def edit_insight(*, session: Session, code: str, token: str, insight_id: int, text: str) -> Insight:
    """Change the text of one's own insight while stories are being collected."""
    insight = _own_insight(session, code, token, insight_id)
    workshop = session.get(Workshop, insight.workshop_id)
    if workshop.stage != "collect":
        raise WrongStage(workshop.stage)
    insight.text = clean_text(text, limit=INSIGHT_MAX)
    insight.updated_at = utcnow()
    session.add(insight)
    session.flush()
    return insight


def withdraw_insight(*, session: Session, code: str, token: str, insight_id: int) -> None:
    """Delete one's own insight: the author may take their words back until the workshop closes."""
    insight = _own_insight(session, code, token, insight_id)
    if session.get(Workshop, insight.workshop_id).stage == "closed":
        raise WorkshopClosed()
    for act in session.exec(select(ModerationAct).where(ModerationAct.insight_id == insight.id)):
        session.delete(act)
    session.delete(insight)
    session.flush()


def set_hidden(*, session: Session, code: str, key: str, insight_id: int, hidden: bool) -> Insight:
    """Hide or show an insight (facilitator only); every act is recorded with who and when."""
    workshop = require_facilitator(session=session, code=code, key=key)
    insight = session.get(Insight, insight_id) if isinstance(insight_id, int) else None
    if insight is None or insight.workshop_id != workshop.id:
        raise InsightNotFound(str(insight_id))
    if insight.hidden != bool(hidden):
        insight.hidden = bool(hidden)
        session.add(insight)
        session.add(
            ModerationAct(
                insight_id=insight.id, action="hide" if hidden else "show", actor="facilitator"
            )
        )
        session.flush()
    return insight


def moderation_history(*, session: Session, insight_id: int) -> list[ModerationAct]:
    """Every hide and show of one insight, oldest first."""
    return list(
        session.exec(
            select(ModerationAct)
            .where(ModerationAct.insight_id == insight_id)
            .order_by(ModerationAct.acted_at, ModerationAct.id)
        )
    )


def board(*, session: Session, workshop_id: int, with_hidden: bool = False) -> list[InsightCard]:
    """The workshop's insights, newest first, as cards (hidden ones only for the facilitator)."""
    visible = () if with_hidden else (Insight.hidden == False,)  # noqa: E712 (SQL expression)
    return _cards(session, Insight.workshop_id == workshop_id, *visible)


def posted_cards(*, session: Session, workshop_id: int, ids: Iterable[int]) -> list[InsightCard]:
    """The visible insights among `ids` (just posted), newest first."""
    return _cards(
        session,
        Insight.workshop_id == workshop_id,
        Insight.id.in_(list(ids)),
        Insight.hidden == False,  # noqa: E712 (SQL expression)
    )


def own_insights(*, session: Session, participant: Participant) -> list[InsightCard]:
    """The participant's own insights, newest first, hidden ones included (marked)."""
    return _cards(session, Insight.participant_id == participant.id)
