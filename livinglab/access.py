"""Fetch a row and check who may touch it, in one call: the one home of "this row, if it is
this workshop's" (after Zulip's `access_message`).

Every domain function reaches rows through these: an id comes from a client, which may
send any id, of any workshop, of any type. Each accessor returns the row or raises the
refusal people see; none returns None.
"""

from typing import TypeVar

from sqlmodel import Session, SQLModel

from livinglab.errors import (
    ActionNotFound,
    ErasureRequestNotFound,
    InsightNotFound,
    MemberNotFound,
    NotFacilitator,
    NotParticipant,
    NotYourInsight,
    ProposalNotFound,
    ReaderNotFound,
    ThemeNotFound,
)
from livinglab.models import (
    Action,
    CoFacilitator,
    ConsentRound,
    Decision,
    ErasureRequest,
    Insight,
    Member,
    Participant,
    Proposal,
    RecordsReader,
    SuggestionStatus,
    Theme,
    ThemeSuggestion,
    VoteRound,
    Workshop,
)

Row = TypeVar("Row", bound=SQLModel)


def _of_workshop(
    session: Session, model: type[Row], row_id: object, workshop: Workshop, refusal: type
) -> Row:
    """The `model` row `row_id`, if it belongs to `workshop`; else `refusal`."""
    row = session.get(model, row_id) if isinstance(row_id, int) else None
    if row is None or row.workshop_id != workshop.id:
        raise refusal(str(row_id))
    return row


def workshop_of(session: Session, row: Participant | Insight | Proposal | VoteRound) -> Workshop:
    """The workshop a row already authorised belongs to (no query: the session holds it)."""
    return session.get(Workshop, row.workshop_id)


def access_insight(session: Session, workshop: Workshop, insight_id: object) -> Insight:
    """A card of this workshop (for the facilitator)."""
    return _of_workshop(session, Insight, insight_id, workshop, InsightNotFound)


def access_own_insight(session: Session, participant: Participant, insight_id: object) -> Insight:
    """A card of this workshop that this participant wrote."""
    insight = access_insight(session, workshop_of(session, participant), insight_id)
    if insight.participant_id != participant.id:
        raise NotYourInsight(str(insight_id))
    return insight


def access_theme(session: Session, workshop: Workshop, theme_id: object) -> Theme:
    """A theme of this workshop."""
    return _of_workshop(session, Theme, theme_id, workshop, ThemeNotFound)


def access_open_suggestion(
    session: Session, workshop: Workshop, suggestion_id: object
) -> ThemeSuggestion:
    """A participant's theme suggestion in this workshop that nobody decided on yet."""
    suggestion = _of_workshop(session, ThemeSuggestion, suggestion_id, workshop, ThemeNotFound)
    if suggestion.status != SuggestionStatus.OPEN:
        raise ThemeNotFound(str(suggestion_id))
    return suggestion


def suggested_insight(session: Session, suggestion: ThemeSuggestion) -> Insight:
    """The card an authorised suggestion is about."""
    return session.get(Insight, suggestion.insight_id)


def access_proposal(session: Session, workshop: Workshop, proposal_id: object) -> Proposal:
    """A proposal of this workshop, whatever its status."""
    return _of_workshop(session, Proposal, proposal_id, workshop, ProposalNotFound)


def consented_proposal(session: Session, consent: ConsentRound) -> Proposal:
    """The proposal a consent round (found through its workshop) asks about."""
    return session.get(Proposal, consent.proposal_id)


def access_decision(session: Session, workshop: Workshop, decision_id: object) -> Decision:
    """A decision on a proposal of this workshop."""
    decision = session.get(Decision, decision_id) if isinstance(decision_id, int) else None
    if decision is None:
        raise ProposalNotFound(str(decision_id))
    access_proposal(session, workshop, decision.proposal_id)
    return decision


def access_paper_participant(
    session: Session, workshop: Workshop, participant_id: object
) -> Participant:
    """Someone on paper in this workshop, for whom the facilitator writes and votes."""
    participant = _of_workshop(session, Participant, participant_id, workshop, NotParticipant)
    if not participant.on_paper:
        raise NotParticipant(str(participant_id))
    return participant


def access_cofacilitator(
    session: Session, workshop: Workshop, cofacilitator_id: object
) -> CoFacilitator:
    """Someone who got a co-facilitator link for this workshop (revoked or not)."""
    return _of_workshop(session, CoFacilitator, cofacilitator_id, workshop, NotFacilitator)


def access_action(session: Session, action_id: object) -> tuple[Action, Workshop]:
    """Any workshop's action, with its workshop (records access is for all closed workshops:
    the caller checked that first)."""
    action = session.get(Action, action_id) if isinstance(action_id, int) else None
    if action is None:
        raise ActionNotFound(str(action_id))
    decision = session.get(Decision, action.decision_id)
    proposal = session.get(Proposal, decision.proposal_id)
    return action, session.get(Workshop, proposal.workshop_id)


def access_reader(session: Session, reader_id: object) -> RecordsReader:
    """A person invited to the records library (for the organisation, which checked first)."""
    reader = session.get(RecordsReader, reader_id) if isinstance(reader_id, int) else None
    if reader is None:
        raise ReaderNotFound(str(reader_id))
    return reader


def access_erasure_request(session: Session, request_id: object) -> tuple[ErasureRequest, Workshop]:
    """Any workshop's erasure request, with its workshop (for records access, checked first)."""
    request = session.get(ErasureRequest, request_id) if isinstance(request_id, int) else None
    if request is None:
        raise ErasureRequestNotFound(str(request_id))
    return request, session.get(Workshop, request.workshop_id)


def access_member(session: Session, member_id: object) -> Member:
    """A member of the organisation, removed or not (callers check their roles)."""
    member = session.get(Member, member_id) if isinstance(member_id, int) else None
    if member is None:
        raise MemberNotFound(str(member_id))
    return member
