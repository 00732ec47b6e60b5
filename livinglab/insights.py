"""Insights: posting, editing and withdrawing one's own, and moderation: hiding, and review
first.

Review first (per workshop, off by default, switched live by the facilitator): a story
from a phone waits on the console until the facilitator or a co-facilitator lets it
through or hides it, as Slido and Pol.is moderate before showing. A waiting story is
stored hidden as well as waiting, so every read of the wall, the vote items, the
sensemaking and the suggester leaves it out without knowing about review. An edit of a
story on the wall waits again (the new text was not seen); a story the facilitator writes
down for someone on paper needs no review. Switching review first off lets nothing
through: stories already waiting stay in the queue until someone decides on each.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy import delete, update
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
    ThemeSuggestion,
    Workshop,
    as_utc,
    utcnow,
)
from livinglab.validation import clean_text
from livinglab.workshops import Act, require_facilitator, require_participant, require_stage


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
    #: Waiting for review (then also hidden): not on the wall until let through.
    waiting: bool = False
    #: On the wall after it waited for review (read for the author's own cards only).
    let_through: bool = False


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
            Insight.waiting,
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
            waiting=waiting,
        )
        for id_, text, name, role, hidden, theme, by_proxy, waiting in session.exec(query)
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
    waits = workshop.review_first and not by_proxy
    insight = Insight(
        workshop_id=workshop.id,
        participant_id=participant.id,
        client_ref=ref,
        text=cleaned,
        by_proxy=by_proxy,
        hidden=waits,
        waiting=waits,
    )
    session.add(insight)
    session.flush()
    if waits:
        changes.record(session, workshop, Change.QUEUE)
    else:
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
    """Change the text of one's own insight while stories are being collected.

    When the workshop reviews first, a story on the wall waits again: its new text was not
    seen. A hidden story stays hidden.
    """
    workshop, insight = _own_insight(session, code, token, insight_id, Act.POST)
    insight.text = clean_text(text, limit=INSIGHT_MAX)
    insight.updated_at = utcnow()
    if workshop.review_first and not insight.hidden and not insight.by_proxy:
        insight.hidden = insight.waiting = True
    session.add(insight)
    session.flush()
    changes.record(session, workshop, Change.BOARD)
    return insight


def erase_stories_of(session: Session, workshop: Workshop, participant_id: int) -> int:
    """Remove every story of one participant, and their name (the GDPR's right to erasure,
    granted after closing through a record correction); returns how many stories went."""
    theirs = list(
        session.exec(
            select(Insight).where(
                Insight.workshop_id == workshop.id, Insight.participant_id == participant_id
            )
        )
    )
    ids = [story.id for story in theirs]
    for model in (ModerationAct, ThemeSuggestion):
        session.exec(delete(model).where(model.insight_id.in_(ids)))
    for story in theirs:
        session.delete(story)
    session.exec(update(Participant).where(Participant.id == participant_id).values(name=None))
    session.flush()
    changes.record(session, workshop, Change.BOARD)
    return len(ids)


def withdraw_insight(*, session: Session, code: str, token: str, insight_id: int) -> None:
    """Delete one's own insight: the author may take their words back until the workshop closes."""
    workshop, insight = _own_insight(session, code, token, insight_id, Act.WITHDRAW)
    for act in session.exec(select(ModerationAct).where(ModerationAct.insight_id == insight.id)):
        session.delete(act)
    session.delete(insight)
    session.flush()
    changes.record(session, workshop, Change.BOARD)


def decide(session: Session, actor: str, insight: Insight, *, hidden: bool) -> bool:
    """Hide or show one card, or decide on a waiting one, with a recorded act by `actor`;
    False when it already was so (a second click). Callers check who and when: the room's
    moderation here, a correction of a closed record in livinglab/records/corrections.py."""
    if insight.hidden == hidden and not insight.waiting:
        return False
    if insight.waiting:
        action = ModerationAction.HIDE if hidden else ModerationAction.LET_THROUGH
    else:
        action = ModerationAction.HIDE if hidden else ModerationAction.SHOW
    insight.hidden, insight.waiting = hidden, False
    session.add(insight)
    session.add(ModerationAct(insight_id=insight.id, action=action.value, actor=actor))
    return True


def set_hidden(*, session: Session, code: str, key: str, insight_id: int, hidden: bool) -> Insight:
    """Hide or show an insight (facilitator or co-facilitator); every act is recorded with
    who and when. Showing a story that waits for review lets it through."""
    runner = require_runner(
        session=session, code=code, key=key, act=Act.MODERATE, audit="set_hidden"
    )
    insight = access_insight(session, runner.workshop, insight_id)
    waited = insight.waiting
    if decide(session, runner.actor, insight, hidden=bool(hidden)):
        session.flush()
        if waited and not hidden:
            _announce_let_through(session, runner.workshop, [insight.id])
        else:
            changes.record(session, runner.workshop, Change.BOARD)
    return insight


def _announce_let_through(session: Session, workshop: Workshop, ids: list[int]) -> None:
    """Cards let through reach the wall as new posts do; the queue shrinks."""
    changes.record(session, workshop, Change.POSTED, Change.QUEUE, posted=ids)


def let_through(*, session: Session, code: str, key: str, insight_ids: Iterable[int]) -> int:
    """Let through the waiting stories the console showed (facilitator or co-facilitator).

    The ids are the ones on screen, not "whatever waits now": a story that arrived after
    the facilitator read the queue is not let through unseen. Stories no longer waiting
    (decided on by someone else meanwhile) are left as they are. Returns how many went.
    """
    runner = require_runner(
        session=session, code=code, key=key, act=Act.MODERATE, audit="let_through"
    )
    cards = [access_insight(session, runner.workshop, insight_id) for insight_id in insight_ids]
    let = [
        card.id
        for card in cards
        if card.waiting and decide(session, runner.actor, card, hidden=False)
    ]
    if let:
        session.flush()
        _announce_let_through(session, runner.workshop, let)
    return len(let)


def hide_all_of(*, session: Session, code: str, key: str, insight_id: int) -> int:
    """Hide every story of the person who wrote this card (facilitator or co-facilitator).

    It acts on the card's author on the server, so it works in an anonymous workshop
    without anyone seeing a name or a token. One recorded act per story, as any hide;
    the stories can be shown again one by one. Returns how many were hidden.
    """
    runner = require_runner(
        session=session, code=code, key=key, act=Act.MODERATE, audit="hide_all_of"
    )
    card = access_insight(session, runner.workshop, insight_id)
    theirs = session.exec(
        select(Insight)
        .where(
            Insight.workshop_id == runner.workshop.id,
            Insight.participant_id == card.participant_id,
        )
        .order_by(Insight.id)
    ).all()
    hidden = [story for story in theirs if decide(session, runner.actor, story, hidden=True)]
    if hidden:
        session.flush()
        changes.record(session, runner.workshop, Change.BOARD)
    return len(hidden)


def set_review_first(*, session: Session, code: str, key: str, on: bool) -> Workshop:
    """Switch review first on or off (the facilitator: it is a setting of the workshop).

    Off lets nothing through: stories already waiting stay in the queue until decided on.
    """
    workshop = require_facilitator(session=session, code=code, key=key)
    if workshop.review_first != bool(on):
        workshop.review_first = bool(on)
        session.add(workshop)
        session.flush()
        changes.record(session, workshop, Change.QUEUE)
    return workshop


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


def review_queue(*, session: Session, workshop_id: int) -> list[InsightCard]:
    """The stories waiting for review, oldest first: the order they were sent in."""
    waiting = _cards(session, Insight.workshop_id == workshop_id, Insight.waiting == True)  # noqa: E712
    return waiting[::-1]


def own_insights(*, session: Session, participant: Participant) -> list[InsightCard]:
    """The participant's own insights, newest first, hidden and waiting ones included
    (marked), and marked when the facilitator let them through."""
    cards = _cards(session, Insight.participant_id == participant.id)
    let = set(
        session.exec(
            select(ModerationAct.insight_id).where(
                ModerationAct.insight_id.in_([card.id for card in cards]),
                ModerationAct.action == ModerationAction.LET_THROUGH,
            )
        )
    )
    return [
        replace(card, let_through=True) if card.id in let and not card.hidden else card
        for card in cards
    ]
