"""What each screen shows, read from the database in one go: the cache a state rebuilds from."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session, select

from livinglab import actors
from livinglab.anonymity import smallest_group
from livinglab.cofacilitators import CoFacilitatorView, cofacilitators
from livinglab.dialogue import (
    ConsentView,
    ProposalView,
    board_proposals,
    consent_view,
    own_answer,
    pending_proposals,
)
from livinglab.insights import InsightCard, board, own_insights, posted_cards, review_queue
from livinglab.limits import SMALLEST_GROUP_DEFAULT
from livinglab.models import (
    Insight,
    Participant,
    SuggestionStatus,
    Theme,
    ThemeSuggestion,
    Workshop,
)
from livinglab.organisation import members
from livinglab.reactions import own_reactions, reaction_counts
from livinglab.records.corrections import erasure_asked
from livinglab.records.followups import said_and_done
from livinglab.records.versions import sealed_record
from livinglab.sensemaking import ThemeSummary, theme_summaries
from livinglab.throttle import new_participants
from livinglab.voting import RoleBalance, RoundView, dots_of, round_view, voice_balance
from livinglab.workshops import (
    StageView,
    find_workshop,
    is_closed,
    is_themed,
    stage_view,
)


@dataclass(frozen=True)
class WorkshopInfo:
    """The fixed facts of a workshop that every screen shows."""

    code: str
    title: str
    question: str
    language: str
    uses_names: bool


def _info(workshop: Workshop) -> WorkshopInfo:
    return WorkshopInfo(
        code=workshop.code,
        title=workshop.title,
        question=workshop.question,
        language=workshop.language,
        uses_names=workshop.uses_names,
    )


@dataclass(frozen=True)
class RoomView:
    """What every screen in the room shows: the stage, the themes forming, the vote round.

    This is all a phone is ever pushed: names and counts, never the board.
    """

    stage: StageView
    themes: list[ThemeSummary]
    vote_round: RoundView | None
    proposals: list[ProposalView]
    consent: ConsentView | None


@dataclass(frozen=True)
class ThemeProposal:
    """A participant's proposal to put their card in a theme, for the facilitator."""

    id: int
    insight_text: str
    theme_name: str


@dataclass(frozen=True)
class PaperParticipant:
    """Someone without a phone, whose dots the facilitator casts."""

    id: int
    label: str
    role: str


@dataclass(frozen=True)
class BoardSnapshot:
    """The facilitator's view: the full board, stories waiting for review and hidden ones apart.

    `cards` and `hidden_cards` are None when the board was not read (it did not change,
    or only grew: then `posted_cards` are the new cards); `waiting_cards` is None when
    neither the board nor the queue was read.
    """

    info: WorkshopInfo
    room: RoomView
    cards: list[InsightCard] | None
    hidden_cards: list[InsightCard] | None
    theme_proposals: list[ThemeProposal]
    balance: list[RoleBalance]
    paper: list[PaperParticipant]
    #: Who got a co-facilitator link; a screen whose key was revoked goes blank.
    cofacilitators: list[CoFacilitatorView]
    pending: list[ProposalView]
    #: Per theme id: how many people gave each quick reaction.
    reactions: dict[int, dict[str, int]] = field(default_factory=dict)
    posted_cards: list[InsightCard] = field(default_factory=list)
    #: What the facilitator chose the projector to show ("" follows the stage).
    projector_focus: str = ""
    #: New stories wait for review; `waiting_cards` is the queue, oldest first.
    review_first: bool = False
    waiting_cards: list[InsightCard] | None = None
    #: How many people the facilitator counted in the room (0: not counted).
    people_in_room: int = 0
    #: From how many people a role shows on its own in a split (livinglab/anonymity.py).
    smallest_group: int = SMALLEST_GROUP_DEFAULT
    #: The ceiling of new phones per address per minute that this room's phones ran into
    #: in the last minutes (0: none did): the console warns.
    crowded: int = 0
    #: The member who leads the workshop (0: none, a key alone leads it) and whether they
    #: still may run workshops: a console of a lead who was removed, lost the role or
    #: handed the workshop over goes blank.
    lead_member_id: int = 0
    lead_active: bool = True


@dataclass(frozen=True)
class PhoneSnapshot:
    """One phone's view: the room, and this participant's own posts and dots."""

    info: WorkshopInfo
    room: RoomView
    joined: bool = False
    my_insights: list[InsightCard] = field(default_factory=list)
    my_dots: dict[int, int] = field(default_factory=dict)
    my_answer: str = ""
    my_reactions: list[str] = field(default_factory=list)
    #: After closing: whether this person asked for their stories to be removed ("", "waiting"
    #: or "granted").
    erasure: str = ""


def _proposals(session: Session, workshop: Workshop) -> list[ProposalView]:
    """The proposals on the board; once closed, as the sealed record has them."""
    sealed = sealed_record(session, workshop) if is_closed(workshop) else None
    if sealed is not None:
        return said_and_done(session, sealed)
    return board_proposals(session=session, workshop_id=workshop.id)


def _room(session: Session, workshop: Workshop) -> RoomView:
    return RoomView(
        stage=stage_view(session=session, workshop=workshop),
        themes=theme_summaries(session=session, workshop_id=workshop.id),
        vote_round=round_view(session=session, workshop_id=workshop.id),
        proposals=_proposals(session, workshop),
        consent=consent_view(session=session, workshop_id=workshop.id),
    )


def _theme_proposals(session: Session, workshop: Workshop) -> list[ThemeProposal]:
    rows = session.exec(
        select(ThemeSuggestion, Insight, Theme)
        .join(Insight, Insight.id == ThemeSuggestion.insight_id)
        .join(Theme, Theme.id == ThemeSuggestion.theme_id)
        .where(
            ThemeSuggestion.workshop_id == workshop.id,
            ThemeSuggestion.status == SuggestionStatus.OPEN,
        )
        .order_by(ThemeSuggestion.id)
    )
    return [
        ThemeProposal(id=proposal.id, insight_text=insight.text, theme_name=theme.name)
        for proposal, insight, theme in rows
    ]


def _paper(session: Session, workshop: Workshop) -> list[PaperParticipant]:
    rows = session.exec(
        select(Participant)
        .where(Participant.workshop_id == workshop.id, Participant.on_paper == True)  # noqa: E712
        .order_by(Participant.id)
    )
    return [
        PaperParticipant(id=person.id, label=person.name or f"#{person.id}", role=person.role)
        for person in rows
    ]


def board_snapshot(
    *,
    session: Session,
    code: str,
    with_cards: bool = True,
    with_queue: bool = True,
    posted: Iterable[int] = (),
) -> BoardSnapshot:
    """The full board of `code`, or only the cards `posted` (and the review queue when
    `with_queue`). Callers check the key first."""
    workshop = find_workshop(session=session, code=code)
    cards = (
        board(session=session, workshop_id=workshop.id, with_hidden=True) if with_cards else None
    )
    if cards is not None:
        waiting = [card for card in reversed(cards) if card.waiting]
    elif with_queue:
        waiting = review_queue(session=session, workshop_id=workshop.id)
    else:
        waiting = None
    return BoardSnapshot(
        info=_info(workshop),
        room=_room(session, workshop),
        cards=None if cards is None else [card for card in cards if not card.hidden],
        hidden_cards=None
        if cards is None
        else [card for card in cards if card.hidden and not card.waiting],
        theme_proposals=_theme_proposals(session, workshop),
        balance=voice_balance(session=session, workshop_id=workshop.id),
        paper=_paper(session, workshop),
        cofacilitators=cofacilitators(session=session, workshop_id=workshop.id),
        pending=pending_proposals(session=session, workshop_id=workshop.id),
        # Reactions are shown on theme columns only: no read for them while posts pour in.
        reactions=reaction_counts(session=session, workshop_id=workshop.id)
        if is_themed(workshop.stage)
        else {},
        posted_cards=posted_cards(session=session, workshop_id=workshop.id, ids=posted)
        if posted and not with_cards
        else [],
        projector_focus=workshop.projector_focus,
        review_first=workshop.review_first,
        waiting_cards=waiting,
        people_in_room=workshop.people_in_room or 0,
        smallest_group=smallest_group(workshop),
        crowded=new_participants().crowded(workshop.code),
        lead_member_id=workshop.lead_member_id or 0,
        lead_active=workshop.lead_member_id is None
        or members.may_run_workshops(session, workshop.lead_member_id),
    )


def room_snapshot(*, session: Session, code: str) -> RoomView:
    """The stage, themes and round: what a phone gets pushed."""
    return _room(session, find_workshop(session=session, code=code))


def phone_snapshot(*, session: Session, code: str, token: str) -> PhoneSnapshot:
    """A phone's whole view, rebuilt from its participant token after a reload or reconnect."""
    workshop = find_workshop(session=session, code=code)
    participant = actors.participant(session, code, token)
    room = _room(session, workshop)
    if participant is None:
        return PhoneSnapshot(info=_info(workshop), room=room)
    latest = room.vote_round
    return PhoneSnapshot(
        info=_info(workshop),
        room=room,
        joined=True,
        my_insights=own_insights(session=session, participant=participant),
        my_dots=dots_of(session=session, round_id=latest.round_id, participant_id=participant.id)
        if latest
        else {},
        my_answer=own_answer(
            session=session,
            consent_proposal_id=room.consent.proposal_id,
            participant_id=participant.id,
        )
        if room.consent
        else "",
        my_reactions=own_reactions(session=session, participant_id=participant.id),
        erasure=erasure_asked(session=session, participant=participant),
    )
