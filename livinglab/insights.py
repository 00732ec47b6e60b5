"""Insights: posting, editing and withdrawing one's own, and moderation by hiding."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, func, select

from livinglab import changes, settings
from livinglab.access import access_insight, access_own_insight, access_paper_participant
from livinglab.changes import Change
from livinglab.cofacilitators import require_runner
from livinglab.errors import TooFast, TooManyStories
from livinglab.limits import CLIENT_REF_MAX, INSIGHT_MAX, STORIES_PER_PERSON
from livinglab.models import (
    Insight,
    ModerationAct,
    ModerationAction,
    Participant,
    Workshop,
    as_utc,
    utcnow,
)
from livinglab.validation import clean_text
from livinglab.workshops import Act, require_participant, require_stage


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
    require_stage(workshop, Act.POST)
    cleaned = clean_text(text, limit=INSIGHT_MAX)
    ref = str(client_ref or "")[:CLIENT_REF_MAX] or utcnow().isoformat()
    existing = session.exec(
        select(Insight).where(Insight.participant_id == participant.id, Insight.client_ref == ref)
    ).first()
    if existing is not None:
        return existing
    if not by_proxy:
        _within_limits(session, participant)
    insight = Insight(
        workshop_id=workshop.id,
        participant_id=participant.id,
        client_ref=ref,
        text=cleaned,
        by_proxy=by_proxy,
    )
    session.add(insight)
    session.flush()
    changes.record(session, workshop, Change.POSTED, posted=[insight.id])
    return insight


def _within_limits(session: Session, participant: Participant) -> None:
    """One person, one voice: at most STORIES_PER_PERSON stories, not two within seconds.

    The count is taken after a write that locks this participant (a row lock in PostgreSQL,
    the writer's lock in SQLite): a second post from the same person, on another worker or
    in another tab, waits for the first to commit and is then counted against it.
    """
    session.exec(
        update(Participant).where(Participant.id == participant.id).values(id=participant.id)
    )
    posted, last = session.exec(
        select(func.count(), func.max(Insight.created_at)).where(
            Insight.participant_id == participant.id
        )
    ).one()
    if posted >= STORIES_PER_PERSON:
        raise TooManyStories(str(posted))
    pause = timedelta(seconds=settings.SECONDS_BETWEEN_STORIES)
    if last is not None and pause and utcnow() - as_utc(last) < pause:
        raise TooFast()


def post_insight(*, session: Session, code: str, token: str, text: str, client_ref: str) -> Insight:
    """Store a new insight; the same `client_ref` twice (a double tap, a resend) stores it once."""
    workshop, participant = require_participant(session=session, code=code, token=token)
    return _store(session, workshop, participant, text, client_ref, by_proxy=False)


def post_for(
    *, session: Session, code: str, key: str, participant_id: int, text: str, client_ref: str
) -> Insight:
    """The facilitator writes down the story of someone on paper, recorded as written for them.

    So people who cannot or will not type are still in the record. The same `client_ref`
    twice (a double click) stores it once.
    """
    workshop = require_runner(session=session, code=code, key=key, audit="post_for").workshop
    participant = access_paper_participant(session, workshop, participant_id)
    return _store(session, workshop, participant, text, client_ref, by_proxy=True)


def _own_insight(
    session: Session, code: str, token: str, insight_id: int, act: Act
) -> tuple[Workshop, Insight]:
    workshop, participant = require_participant(session=session, code=code, token=token)
    insight = access_own_insight(session, participant, insight_id)
    require_stage(workshop, act)
    return workshop, insight


def edit_insight(*, session: Session, code: str, token: str, insight_id: int, text: str) -> Insight:
    """Change the text of one's own insight while stories are being collected."""
    workshop, insight = _own_insight(session, code, token, insight_id, Act.POST)
    insight.text = clean_text(text, limit=INSIGHT_MAX)
    insight.updated_at = utcnow()
    session.add(insight)
    session.flush()
    changes.record(session, workshop, Change.BOARD)
    return insight


def withdraw_insight(*, session: Session, code: str, token: str, insight_id: int) -> None:
    """Delete one's own insight: the author may take their words back until the workshop closes."""
    workshop, insight = _own_insight(session, code, token, insight_id, Act.WITHDRAW)
    for act in session.exec(select(ModerationAct).where(ModerationAct.insight_id == insight.id)):
        session.delete(act)
    session.delete(insight)
    session.flush()
    changes.record(session, workshop, Change.BOARD)


def set_hidden(*, session: Session, code: str, key: str, insight_id: int, hidden: bool) -> Insight:
    """Hide or show an insight (facilitator or co-facilitator); every act is recorded with
    who and when."""
    runner = require_runner(session=session, code=code, key=key, audit="set_hidden")
    workshop = runner.workshop
    insight = access_insight(session, workshop, insight_id)
    if insight.hidden != bool(hidden):
        insight.hidden = bool(hidden)
        session.add(insight)
        action = ModerationAction.HIDE if hidden else ModerationAction.SHOW
        session.add(ModerationAct(insight_id=insight.id, action=action.value, actor=runner.actor))
        session.flush()
        changes.record(session, workshop, Change.BOARD)
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
