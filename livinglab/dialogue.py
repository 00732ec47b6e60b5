"""Dialogue toward change: proposals, consent rounds, decisions and actions."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from livinglab import changes, rounds
from livinglab.access import (
    access_decision,
    access_proposal,
    access_theme,
    consented_proposal,
    workshop_of,
)
from livinglab.anonymity import Split, smallest_group, split_by_role
from livinglab.changes import Change
from livinglab.errors import (
    InvalidChoice,
    NoOpenConsent,
    ProposalNotFound,
    RoundAlreadyOpen,
)
from livinglab.limits import ACTION_MAX, OWNER_MAX, PROPOSAL_MAX, RATIONALE_MAX, REASON_MAX
from livinglab.models import (
    Action,
    ActionStatus,
    Answer,
    ConsentAnswer,
    ConsentRound,
    Decision,
    Outcome,
    Participant,
    Proposal,
    ProposalStatus,
    Theme,
    Workshop,
    utcnow,
)
from livinglab.validation import clean_text, day
from livinglab.workshops import Act, require_facilitator, require_participant

OUTCOMES = tuple(Outcome)
ANSWERS = tuple(Answer)


@dataclass(frozen=True)
class GroupAnswers:
    """One published line of a consent split: a role, or the small roles merged."""

    #: A role, or anonymity.MERGED.
    group: str
    counts: dict[str, int]


@dataclass(frozen=True)
class ConsentResult:
    """Answers to one consent round, in total and per published group, with objections'
    reasons (in alphabetical order: neither a name, a role nor when it was given)."""

    proposal_id: int
    counts: dict[str, int]
    #: Empty when the split is withheld (anonymity.py).
    by_group: list[GroupAnswers]
    split: Split
    objections: list[str]


def _chairing(session: Session, code: str, key: str) -> Workshop:
    """The workshop, for its facilitator, while it is open; every change here is DIALOGUE."""
    workshop = require_facilitator(session=session, code=code, key=key, act=Act.CHAIR)
    changes.record(session, workshop, Change.DIALOGUE)
    return workshop


def _theme_id(session: Session, workshop: Workshop, theme_id: object) -> int | None:
    """A proposal's theme, or None: a proposal for the whole workshop."""
    if theme_id in (None, "", 0, "0"):
        return None
    return access_theme(session, workshop, theme_id).id


def add_proposal(
    *, session: Session, code: str, key: str, text: str, theme_id: int | None = None
) -> Proposal:
    """The facilitator records what should change, for a theme (or for the whole workshop)."""
    workshop = _chairing(session, code, key)
    proposal = Proposal(
        workshop_id=workshop.id,
        theme_id=_theme_id(session, workshop, theme_id),
        text=clean_text(text, limit=PROPOSAL_MAX),
    )
    session.add(proposal)
    session.flush()
    return proposal


def send_proposal(
    *, session: Session, code: str, token: str, text: str, theme_id: int | None = None
) -> Proposal:
    """A participant proposes from their phone; it waits for the facilitator to accept it."""
    workshop, participant = require_participant(
        session=session, code=code, token=token, act=Act.PROPOSE
    )
    proposal = Proposal(
        workshop_id=workshop.id,
        theme_id=_theme_id(session, workshop, theme_id),
        participant_id=participant.id,
        text=clean_text(text, limit=PROPOSAL_MAX),
        status=ProposalStatus.PENDING.value,
    )
    session.add(proposal)
    session.flush()
    changes.record(session, workshop, Change.DIALOGUE)
    return proposal


def review_proposal(
    *, session: Session, code: str, key: str, proposal_id: int, accept: bool
) -> Proposal:
    """Put a participant's proposal on the board, or decline it (kept, marked declined)."""
    proposal = access_proposal(session, _chairing(session, code, key), proposal_id)
    proposal.status = (ProposalStatus.BOARD if accept else ProposalStatus.DECLINED).value
    session.add(proposal)
    session.flush()
    return proposal


def latest_consent(*, session: Session, workshop_id: int) -> ConsentRound | None:
    """The most recent consent round of the workshop, if any."""
    return session.exec(
        select(ConsentRound)
        .join(Proposal, Proposal.id == ConsentRound.proposal_id)
        .where(Proposal.workshop_id == workshop_id)
        .order_by(ConsentRound.id.desc())
    ).first()


def open_consent(*, session: Session, code: str, key: str, proposal_id: int) -> ConsentRound:
    """Ask everyone about one proposal on the board."""
    workshop = _chairing(session, code, key)
    proposal = access_proposal(session, workshop, proposal_id)
    if proposal.status != ProposalStatus.BOARD:
        raise ProposalNotFound(str(proposal_id))
    current = latest_consent(session=session, workshop_id=workshop.id)
    if current is not None and current.is_open:
        raise RoundAlreadyOpen()
    consent = ConsentRound(proposal_id=proposal.id)
    session.add(consent)
    session.flush()
    return consent


def _open_consent(session: Session, workshop_id: int) -> ConsentRound:
    latest = latest_consent(session=session, workshop_id=workshop_id)
    return rounds.require_open(latest, NoOpenConsent)


def answer_consent(
    *, session: Session, code: str, token: str, answer: str, reason: str = ""
) -> ConsentAnswer:
    """A participant answers (or changes their answer) while the round is open."""
    workshop, participant = require_participant(session=session, code=code, token=token)
    consent = _open_consent(session, workshop.id)
    if answer not in ANSWERS:
        raise InvalidChoice(answer)
    why = clean_text(reason or "", limit=REASON_MAX, multiline=False, required=False)
    existing = session.exec(
        select(ConsentAnswer).where(
            ConsentAnswer.round_id == consent.id, ConsentAnswer.participant_id == participant.id
        )
    ).first()
    if existing is None:
        existing = ConsentAnswer(round_id=consent.id, participant_id=participant.id, answer=answer)
    existing.answer, existing.reason, existing.answered_at = answer, why, utcnow()
    session.add(existing)
    try:
        session.flush()
    except IntegrityError:
        # The same person's other tab answered first: one answer per person.
        raise RoundAlreadyOpen("answered") from None
    changes.record(session, workshop, Change.DIALOGUE)
    return existing


def close_consent(*, session: Session, code: str, key: str) -> ConsentRound:
    """Stop the answers for the open consent round."""
    workshop = _chairing(session, code, key)
    return rounds.close(session, _open_consent(session, workshop.id))


def reveal_consent(*, session: Session, code: str, key: str) -> ConsentRound:
    """Show the latest consent round's result (hidden until now)."""
    workshop = require_facilitator(session=session, code=code, key=key)
    consent = rounds.reveal(
        session, latest_consent(session=session, workshop_id=workshop.id), NoOpenConsent
    )
    changes.record(session, workshop, Change.DIALOGUE)
    return consent


def consent_result(*, session: Session, consent: ConsentRound) -> ConsentResult:
    """Counts per answer and per published group; objections' reasons without names."""
    rows = session.exec(
        select(ConsentAnswer.answer, ConsentAnswer.reason, Participant.role)
        .join(Participant, Participant.id == ConsentAnswer.participant_id)
        .where(ConsentAnswer.round_id == consent.id)
    ).all()
    per_role: dict[str, Counter] = defaultdict(Counter)
    for answer, _reason, role in rows:
        per_role[role][answer] += 1
    workshop = workshop_of(session, consented_proposal(session, consent))
    split = split_by_role(
        {role: sum(answers.values()) for role, answers in per_role.items()},
        smallest_group=smallest_group(workshop),
    )
    counts = Counter(answer for answer, _reason, _role in rows)
    return ConsentResult(
        proposal_id=consent.proposal_id,
        counts={answer: counts[answer] for answer in ANSWERS},
        by_group=[
            GroupAnswers(group=group, counts={answer: line[answer] for answer in ANSWERS})
            for group, line in split.lines(per_role).items()
        ],
        split=split,
        objections=sorted(
            reason for answer, reason, _role in rows if answer == Answer.OBJECT and reason
        ),
    )


def decide(
    *, session: Session, code: str, key: str, proposal_id: int, outcome: str, rationale: str
) -> Decision:
    """Record (or correct) the decision on a proposal, with its rationale."""
    workshop = _chairing(session, code, key)
    proposal = access_proposal(session, workshop, proposal_id)
    if outcome not in OUTCOMES:
        raise InvalidChoice(outcome)
    decision = session.exec(select(Decision).where(Decision.proposal_id == proposal.id)).first()
    if decision is None:
        decision = Decision(proposal_id=proposal.id, outcome=outcome, rationale="")
    decision.outcome = outcome
    decision.rationale = clean_text(rationale, limit=RATIONALE_MAX)
    decision.decided_at = utcnow()
    session.add(decision)
    session.flush()
    return decision


def add_action(
    *, session: Session, code: str, key: str, decision_id: int, what: str, owner: str, due: str
) -> Action:
    """Who does what by when; `due` is YYYY-MM-DD or empty."""
    workshop = _chairing(session, code, key)
    decision = access_decision(session, workshop, decision_id)
    due_date = day(due)
    action = Action(
        decision_id=decision.id,
        what=clean_text(what, limit=ACTION_MAX),
        owner=clean_text(owner, limit=OWNER_MAX, multiline=False),
        due=due_date,
    )
    session.add(action)
    session.flush()
    return action


def answered(*, session: Session, consent: ConsentRound) -> int:
    """How many people answered (shown while the result is hidden)."""
    return session.exec(
        select(func.count()).select_from(ConsentAnswer).where(ConsentAnswer.round_id == consent.id)
    ).one()


@dataclass(frozen=True)
class FollowUp:
    """One dated update of an action after the workshop, as everyone sees it (no name)."""

    status: str
    note: str
    day: str


@dataclass(frozen=True)
class ActionView:
    """An action as screens show it, with how it was followed up after the workshop."""

    what: str
    owner: str
    due: str
    id: int = 0
    status: str = ActionStatus.PLANNED.value
    followups: list[FollowUp] = field(default_factory=list)


@dataclass(frozen=True)
class ProposalView:
    """A proposal on the board with its decision and actions ("" when not decided yet)."""

    id: int
    text: str
    theme: str
    outcome: str
    rationale: str
    decision_id: int
    actions: list[ActionView]


@dataclass(frozen=True)
class ConsentView:
    """The latest consent round: its proposal, how many answered, the result once revealed."""

    proposal_id: int
    proposal_text: str
    is_open: bool
    revealed: bool
    answered: int
    counts: dict[str, int]
    by_group: list[GroupAnswers]
    split: Split | None
    objections: list[str]


def proposal_in_focus(
    proposals: list[ProposalView], consent_proposal_id: int
) -> ProposalView | None:
    """The proposal the room talks about now: the one of the consent round, else the newest."""
    for proposal in proposals:
        if proposal.id == consent_proposal_id:
            return proposal
    return proposals[-1] if proposals else None


def board_proposals(*, session: Session, workshop_id: int) -> list[ProposalView]:
    """Proposals on the board, oldest first, each with its decision and actions."""
    themes = dict(
        session.exec(select(Theme.id, Theme.name).where(Theme.workshop_id == workshop_id)).all()
    )
    views = []
    for proposal in session.exec(
        select(Proposal)
        .where(Proposal.workshop_id == workshop_id, Proposal.status == ProposalStatus.BOARD)
        .order_by(Proposal.id)
    ):
        decision = session.exec(select(Decision).where(Decision.proposal_id == proposal.id)).first()
        actions = (
            session.exec(
                select(Action).where(Action.decision_id == decision.id).order_by(Action.id)
            )
            if decision
            else []
        )
        views.append(
            ProposalView(
                id=proposal.id,
                text=proposal.text,
                theme=themes.get(proposal.theme_id, ""),
                outcome=decision.outcome if decision else "",
                rationale=decision.rationale if decision else "",
                decision_id=decision.id if decision else 0,
                actions=[
                    ActionView(
                        what=a.what,
                        owner=a.owner,
                        due=a.due.isoformat() if a.due else "",
                        id=a.id,
                    )
                    for a in actions
                ],
            )
        )
    return views


def through_proposals(query):
    """`query` over actions, joined to the decision and proposal they follow from (so it
    can filter or select by `Proposal.workshop_id`)."""
    return query.join(Decision, Decision.id == Action.decision_id).join(
        Proposal, Proposal.id == Decision.proposal_id
    )


def pending_proposals(*, session: Session, workshop_id: int) -> list[ProposalView]:
    """Proposals sent from phones that wait for the facilitator."""
    return [
        ProposalView(
            id=p.id, text=p.text, theme="", outcome="", rationale="", decision_id=0, actions=[]
        )
        for p in session.exec(
            select(Proposal)
            .where(Proposal.workshop_id == workshop_id, Proposal.status == ProposalStatus.PENDING)
            .order_by(Proposal.id)
        )
    ]


def consent_view(*, session: Session, workshop_id: int) -> ConsentView | None:
    """The latest consent round for every screen; the result only once revealed."""
    consent = latest_consent(session=session, workshop_id=workshop_id)
    if consent is None:
        return None
    proposal = consented_proposal(session, consent)
    result = consent_result(session=session, consent=consent) if consent.revealed else None
    return ConsentView(
        proposal_id=proposal.id,
        proposal_text=proposal.text,
        is_open=consent.is_open,
        revealed=consent.revealed,
        answered=answered(session=session, consent=consent),
        counts=result.counts if result else {},
        by_group=result.by_group if result else [],
        split=result.split if result else None,
        objections=result.objections if result else [],
    )


def own_answer(*, session: Session, consent_proposal_id: int, participant_id: int) -> str:
    """This person's own answer in the latest round on a proposal ("" when none)."""
    row = session.exec(
        select(ConsentAnswer.answer)
        .join(ConsentRound, ConsentRound.id == ConsentAnswer.round_id)
        .where(
            ConsentRound.proposal_id == consent_proposal_id,
            ConsentAnswer.participant_id == participant_id,
        )
        .order_by(ConsentRound.id.desc())
    ).first()
    return row or ""
