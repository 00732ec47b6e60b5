"""What each screen shows, read from the database in one go: the cache a state rebuilds from."""

from dataclasses import dataclass, field

from sqlmodel import Session

from livinglab.insights import InsightCard, board, own_insights
from livinglab.models import Workshop
from livinglab.workshops import StageView, find_participant, find_workshop, stage_view


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
class BoardSnapshot:
    """The facilitator's view: the full board, hidden insights apart.

    `cards` and `hidden_cards` are None when the board was not read (it did not change).
    """

    info: WorkshopInfo
    stage: StageView
    cards: list[InsightCard] | None
    hidden_cards: list[InsightCard] | None


@dataclass(frozen=True)
class PhoneSnapshot:
    """One phone's view: the stage, and this participant's own posts (never the board)."""

    info: WorkshopInfo
    stage: StageView
    joined: bool = False
    my_insights: list[InsightCard] = field(default_factory=list)


def board_snapshot(*, session: Session, code: str, with_cards: bool = True) -> BoardSnapshot:
    """The full board of `code`. Callers check the facilitator key first."""
    workshop = find_workshop(session=session, code=code)
    info, stage = _info(workshop), stage_view(session=session, workshop=workshop)
    if not with_cards:
        return BoardSnapshot(info=info, stage=stage, cards=None, hidden_cards=None)
    cards = board(session=session, workshop_id=workshop.id, with_hidden=True)
    return BoardSnapshot(
        info=info,
        stage=stage,
        cards=[card for card in cards if not card.hidden],
        hidden_cards=[card for card in cards if card.hidden],
    )


def stage_snapshot(*, session: Session, code: str) -> StageView:
    """Just the stage, prompt, timer and head count: what a phone gets pushed."""
    return stage_view(session=session, workshop=find_workshop(session=session, code=code))


def phone_snapshot(*, session: Session, code: str, token: str) -> PhoneSnapshot:
    """A phone's whole view, rebuilt from its participant token after a reload or reconnect."""
    workshop = find_workshop(session=session, code=code)
    participant = find_participant(session=session, code=code, token=token)
    return PhoneSnapshot(
        info=_info(workshop),
        stage=stage_view(session=session, workshop=workshop),
        joined=participant is not None,
        my_insights=own_insights(session=session, participant=participant) if participant else [],
    )
