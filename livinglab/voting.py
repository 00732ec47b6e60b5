"""Equal-weight dot voting: rounds, budgets the database enforces, secret ballots, tallies."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from livinglab import changes, rounds
from livinglab.access import access_paper_participant, workshop_of
from livinglab.anonymity import Split, smallest_group, split_by_role
from livinglab.changes import Change
from livinglab.cofacilitators import require_runner
from livinglab.errors import (
    InvalidChoice,
    ItemCapExceeded,
    NoOpenRound,
    NotAVoteItem,
    NothingToVoteOn,
    RoundAlreadyOpen,
    VoteBudgetExceeded,
)
from livinglab.limits import DEFAULT_DOTS, DEFAULT_PER_ITEM, MAX_DOTS, VOTE_LABEL_MAX
from livinglab.models import (
    Insight,
    Participant,
    Theme,
    Vote,
    VoteRound,
    VoteTarget,
    Workshop,
    utcnow,
)
from livinglab.validation import whole_number
from livinglab.workshops import ROLES, Act, enrol, require_facilitator, require_participant


@dataclass(frozen=True)
class VoteItem:
    """Something people can put dots on: a theme, or an insight when there are no themes."""

    id: int
    label: str


@dataclass(frozen=True)
class GroupDots:
    """One published line of an item's split: a role, or the small roles merged."""

    #: A role, or anonymity.MERGED.
    group: str
    dots: int
    #: Bar length for charts, in percent of the top item's dots (0-100).
    share: int


@dataclass(frozen=True)
class Tally:
    """One item's dots in total and per published group: counts only, never who voted."""

    item_id: int
    label: str
    dots: int
    #: Bar length for charts, in percent of the top item's dots (0-100).
    share: int
    #: Empty when the split is withheld (anonymity.py).
    by_group: list[GroupDots]


@dataclass(frozen=True)
class RoundResults:
    """A round's tallies, split only as far as nobody is exposed."""

    tallies: list[Tally]
    split: Split


@dataclass(frozen=True)
class RoleBalance:
    """Whose voice is in the room: per role, how many joined, posted and voted."""

    role: str
    joined: int
    posted: int
    voted: int


def latest_round(*, session: Session, workshop_id: int) -> VoteRound | None:
    """The most recent round of the workshop (open or not), if any."""
    return session.exec(
        select(VoteRound).where(VoteRound.workshop_id == workshop_id).order_by(VoteRound.id.desc())
    ).first()


def _open_round(session: Session, workshop_id: int) -> VoteRound:
    return rounds.require_open(latest_round(session=session, workshop_id=workshop_id), NoOpenRound)


def vote_items(*, session: Session, vote_round: VoteRound) -> list[VoteItem]:
    """What this round's dots can go on, in a stable order."""
    if vote_round.target == VoteTarget.THEME:
        themes = session.exec(
            select(Theme).where(Theme.workshop_id == vote_round.workshop_id).order_by(Theme.id)
        )
        return [VoteItem(id=theme.id, label=theme.name) for theme in themes]
    insights = session.exec(
        select(Insight)
        .where(Insight.workshop_id == vote_round.workshop_id, Insight.hidden == False)  # noqa: E712
        .order_by(Insight.id)
    )
    return [VoteItem(id=insight.id, label=insight.text[:VOTE_LABEL_MAX]) for insight in insights]


def open_round(
    *,
    session: Session,
    code: str,
    key: str,
    dots_per_person: object = DEFAULT_DOTS,
    max_per_item: object = DEFAULT_PER_ITEM,
) -> VoteRound:
    """Open a round on the themes (or the insights when there are none)."""
    workshop = require_facilitator(session=session, code=code, key=key, act=Act.CHAIR)
    current = latest_round(session=session, workshop_id=workshop.id)
    if current is not None and current.is_open:
        raise RoundAlreadyOpen()
    dots = whole_number(dots_per_person, low=1, high=MAX_DOTS, refusal=InvalidChoice)
    cap = whole_number(max_per_item, low=1, high=dots, refusal=InvalidChoice)
    has_themes = session.exec(select(Theme.id).where(Theme.workshop_id == workshop.id)).first()
    vote_round = VoteRound(
        workshop_id=workshop.id,
        target=(VoteTarget.THEME if has_themes is not None else VoteTarget.INSIGHT).value,
        dots_per_person=dots,
        max_per_item=cap,
    )
    if not vote_items(session=session, vote_round=vote_round):
        raise NothingToVoteOn()
    session.add(vote_round)
    session.flush()
    changes.record(session, workshop, Change.ROUND)
    return vote_round


def close_round(*, session: Session, code: str, key: str) -> VoteRound:
    """Stop the voting; nobody can add or take back dots after this."""
    workshop = require_facilitator(session=session, code=code, key=key, act=Act.CHAIR)
    vote_round = rounds.close(session, _open_round(session, workshop.id))
    changes.record(session, workshop, Change.ROUND)
    return vote_round


def reveal_results(*, session: Session, code: str, key: str) -> VoteRound:
    """Show the latest round's results on every screen (hidden until now: no bandwagon)."""
    workshop = require_facilitator(session=session, code=code, key=key)
    latest = latest_round(session=session, workshop_id=workshop.id)
    vote_round = rounds.reveal(session, latest, NoOpenRound)
    changes.record(session, workshop, Change.ROUND)
    return vote_round


def _add_dots(
    session: Session,
    workshop: Workshop,
    vote_round: VoteRound,
    participant: Participant,
    item_ids: list[int],
    *,
    by_proxy: bool,
) -> dict[int, int]:
    """Insert the dots in free slots; the database refuses any slot beyond the budget.

    Returns the person's own dots per item afterwards (what was there plus what was added).
    """
    if (
        not item_ids
        or not all(isinstance(item_id, int) for item_id in item_ids)
        or not _known_items(session, vote_round, item_ids) >= set(item_ids)
    ):
        raise NotAVoteItem(str(item_ids))
    existing = session.exec(
        select(Vote.slot, Vote.item_id, Vote.item_slot).where(
            Vote.round_id == vote_round.id, Vote.participant_id == participant.id
        )
    ).all()
    used = {slot for slot, _item, _item_slot in existing}
    used_on = defaultdict(set)
    for _slot, item_id, item_slot in existing:
        used_on[item_id].add(item_slot)
    dots = []
    for item_id in item_ids:
        slot = next((s for s in range(vote_round.dots_per_person) if s not in used), None)
        if slot is None:
            raise VoteBudgetExceeded()
        item_slot = next(
            (s for s in range(vote_round.max_per_item) if s not in used_on[item_id]), None
        )
        if item_slot is None:
            raise ItemCapExceeded(str(item_id))
        used.add(slot)
        used_on[item_id].add(item_slot)
        dots.append(
            {
                "round_id": vote_round.id,
                "participant_id": participant.id,
                "item_id": item_id,
                "slot": slot,
                "budget": vote_round.dots_per_person,
                "item_slot": item_slot,
                "item_cap": vote_round.max_per_item,
                "by_proxy": by_proxy,
                "cast_at": utcnow(),
            }
        )
    try:
        # One plain insert, not the ORM's unit of work: a vote burst is mostly this line.
        session.execute(insert(Vote.__table__), dots)
    except IntegrityError:
        # Another tab or a simultaneous submission took these slots first.
        raise VoteBudgetExceeded("concurrent") from None
    changes.record(session, workshop, Change.VOTES)
    return dict(Counter(item_id for _slot, item_id, _item_slot in existing) + Counter(item_ids))


def _known_items(session: Session, vote_round: VoteRound, item_ids: list[int]) -> set[int]:
    """Which of `item_ids` this round's dots can go on: one small query, no rows loaded."""
    if vote_round.target == VoteTarget.THEME:
        query = select(Theme.id).where(
            Theme.workshop_id == vote_round.workshop_id, Theme.id.in_(item_ids)
        )
    else:
        query = select(Insight.id).where(
            Insight.workshop_id == vote_round.workshop_id,
            Insight.hidden == False,  # noqa: E712
            Insight.id.in_(item_ids),
        )
    return set(session.exec(query).all())


def cast_votes(*, session: Session, code: str, token: str, item_ids: list[int]) -> dict[int, int]:
    """A participant puts dots on items: all of them, or none when over budget or cap.

    Returns the participant's own dots per item afterwards: all their phone needs to show,
    read in the same transaction (a vote burst is one round trip to the database each).
    """
    workshop, participant = require_participant(session=session, code=code, token=token)
    vote_round = _open_round(session, workshop.id)
    return _add_dots(session, workshop, vote_round, participant, list(item_ids), by_proxy=False)


def take_back_vote(*, session: Session, code: str, token: str, item_id: int) -> dict[int, int]:
    """A participant removes one of their dots from an item while the round is open.

    Returns the participant's own dots per item afterwards, as `cast_votes` does.
    """
    workshop, participant = require_participant(session=session, code=code, token=token)
    vote_round = _open_round(session, workshop.id)
    dot = session.exec(
        select(Vote)
        .where(
            Vote.round_id == vote_round.id,
            Vote.participant_id == participant.id,
            Vote.item_id == item_id,
        )
        .order_by(Vote.item_slot.desc())
    ).first()
    if dot is None:
        raise NotAVoteItem(str(item_id))
    session.delete(dot)
    session.flush()
    changes.record(session, workshop, Change.VOTES)
    return dots_of(session=session, round_id=vote_round.id, participant_id=participant.id)


def add_paper_participant(
    *, session: Session, code: str, key: str, name: str, role: str
) -> Participant:
    """Someone without a phone: the facilitator adds them and casts their dots for them."""
    runner = require_runner(
        session=session, code=code, key=key, act=Act.CHAIR, audit="add_paper_participant"
    )
    workshop = runner.workshop
    participant, _token = enrol(
        session=session, workshop=workshop, name=name, role=role, on_paper=True
    )
    return participant


def cast_votes_for(
    *, session: Session, code: str, key: str, participant_id: int, item_ids: list[int]
) -> dict[int, int]:
    """The facilitator casts a paper participant's dots; each is recorded as by proxy."""
    runner = require_runner(
        session=session, code=code, key=key, act=Act.CHAIR, audit="cast_votes_for"
    )
    workshop = runner.workshop
    participant = access_paper_participant(session, workshop, participant_id)
    vote_round = _open_round(session, workshop.id)
    return _add_dots(session, workshop, vote_round, participant, list(item_ids), by_proxy=True)


def dots_of(*, session: Session, round_id: int, participant_id: int) -> dict[int, int]:
    """One person's own dots per item (shown only to that person)."""
    return dict(
        Counter(
            session.exec(
                select(Vote.item_id).where(
                    Vote.round_id == round_id, Vote.participant_id == participant_id
                )
            ).all()
        )
    )


def results(*, session: Session, vote_round: VoteRound) -> RoundResults:
    """Dots per item, highest first, split by role as far as anonymity.py allows."""
    rows = session.exec(
        select(Vote.item_id, Participant.role, func.count())
        .join(Participant, Participant.id == Vote.participant_id)
        .where(Vote.round_id == vote_round.id)
        .group_by(Vote.item_id, Participant.role)
    ).all()
    per_role: dict[str, Counter] = defaultdict(Counter)
    for item_id, role, count in rows:
        per_role[role][item_id] += count
    people = dict(
        session.exec(
            select(Participant.role, func.count(func.distinct(Vote.participant_id)))
            .join(Participant, Participant.id == Vote.participant_id)
            .where(Vote.round_id == vote_round.id)
            .group_by(Participant.role)
        ).all()
    )
    split = split_by_role(people, smallest_group=smallest_group(workshop_of(session, vote_round)))
    lines = split.lines(per_role)
    dots = sum(per_role.values(), Counter())
    items = vote_items(session=session, vote_round=vote_round)
    ranked = sorted(items, key=lambda item: (-dots[item.id], item.id))
    top = max((dots[item.id] for item in items), default=0) or 1
    return RoundResults(
        tallies=[
            Tally(
                item_id=item.id,
                label=item.label,
                dots=dots[item.id],
                share=round(100 * dots[item.id] / top),
                by_group=[
                    GroupDots(
                        group=group,
                        dots=line[item.id],
                        share=round(100 * line[item.id] / top),
                    )
                    for group, line in lines.items()
                ],
            )
            for item in ranked
        ],
        split=split,
    )


def voters(*, session: Session, vote_round: VoteRound) -> int:
    """How many people have put at least one dot (turnout, shown while results are hidden)."""
    return session.exec(
        select(func.count(func.distinct(Vote.participant_id))).where(Vote.round_id == vote_round.id)
    ).one()


def voice_balance(*, session: Session, workshop_id: int) -> list[RoleBalance]:
    """Per role: joined, posted at least one insight, voted in the latest round."""

    def per_role(query) -> Counter:
        return Counter(dict(session.exec(query).all()))

    joined = per_role(
        select(Participant.role, func.count())
        .where(Participant.workshop_id == workshop_id)
        .group_by(Participant.role)
    )
    posted = per_role(
        select(Participant.role, func.count(func.distinct(Insight.participant_id)))
        .join(Participant, Participant.id == Insight.participant_id)
        .where(Insight.workshop_id == workshop_id)
        .group_by(Participant.role)
    )
    current = latest_round(session=session, workshop_id=workshop_id)
    voted = Counter()
    if current is not None:
        voted = per_role(
            select(Participant.role, func.count(func.distinct(Vote.participant_id)))
            .join(Participant, Participant.id == Vote.participant_id)
            .where(Vote.round_id == current.id)
            .group_by(Participant.role)
        )
    return [
        RoleBalance(role=role, joined=joined[role], posted=posted[role], voted=voted[role])
        for role in ROLES
    ]


@dataclass(frozen=True)
class RoundView:
    """A round as screens show it. `results` is empty until the facilitator reveals them."""

    round_id: int
    is_open: bool
    revealed: bool
    dots_per_person: int
    max_per_item: int
    items: list[VoteItem]
    voters: int
    results: list[Tally]
    #: Which roles were merged or withheld, and K: what the screens say under the chart.
    split: Split | None


def round_view(*, session: Session, workshop_id: int) -> RoundView | None:
    """The latest round for every screen; tallies only once revealed (no bandwagon)."""
    vote_round = latest_round(session=session, workshop_id=workshop_id)
    if vote_round is None:
        return None
    revealed = results(session=session, vote_round=vote_round) if vote_round.revealed else None
    return RoundView(
        round_id=vote_round.id,
        is_open=vote_round.is_open,
        revealed=vote_round.revealed,
        dots_per_person=vote_round.dots_per_person,
        max_per_item=vote_round.max_per_item,
        items=vote_items(session=session, vote_round=vote_round),
        voters=voters(session=session, vote_round=vote_round),
        results=revealed.tallies if revealed else [],
        split=revealed.split if revealed else None,
    )
