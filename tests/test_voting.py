"""Dot voting: one person one equal budget, enforced by the database; secret, hidden tallies."""

import threading

import pytest
from sqlmodel import Session, select

from livinglab import db, insights, voting, workshops
from livinglab.errors import (
    InvalidChoice,
    ItemCapExceeded,
    NoOpenRound,
    NotAVoteItem,
    NotFacilitator,
    NothingToVoteOn,
    NotParticipant,
    RoundAlreadyOpen,
    VoteBudgetExceeded,
)
from livinglab.models import Theme, Vote
from tests.conftest import join


@pytest.fixture
def themed(session, workshop):
    """A workshop with three themes; returns (code, key, theme ids)."""
    ws, key = workshop
    ids = []
    for name in ("Vervoer", "Schulden", "Werkgevers"):
        theme = Theme(workshop_id=ws.id, name=name)
        session.add(theme)
        session.flush()
        ids.append(theme.id)
    session.commit()
    return ws.code, key, ids


def dots_in_db(session) -> list[Vote]:
    session.expire_all()
    return session.exec(select(Vote)).all()


def test_round_on_themes_takes_the_defaults(session, themed):
    code, key, _ids = themed
    vote_round = voting.open_round(session=session, code=code, key=key)
    assert (vote_round.target, vote_round.dots_per_person, vote_round.max_per_item) == (
        "theme",
        3,
        1,
    )
    with pytest.raises(RoundAlreadyOpen):
        voting.open_round(session=session, code=code, key=key)


def test_round_on_insights_when_there_are_no_themes(session, workshop):
    ws, key = workshop
    with pytest.raises(NothingToVoteOn):
        voting.open_round(session=session, code=ws.code, key=key)
    _p, token = join(session, ws.code)
    insights.post_insight(session=session, code=ws.code, token=token, text="Bus", client_ref="a")
    vote_round = voting.open_round(session=session, code=ws.code, key=key, dots_per_person="2")
    assert vote_round.target == "insight"
    (item,) = voting.vote_items(session=session, vote_round=vote_round)
    assert item.label == "Bus"


@pytest.mark.parametrize(("dots", "cap"), [(0, 1), (11, 1), (3, 4), ("many", 1), (3, 0)])
def test_round_refuses_odd_budgets(session, themed, dots, cap):
    code, key, _ids = themed
    with pytest.raises(InvalidChoice):
        voting.open_round(
            session=session, code=code, key=key, dots_per_person=dots, max_per_item=cap
        )


def test_participant_cannot_open_close_or_reveal(session, themed):
    code, key, _ids = themed
    _p, token = join(session, code)
    for act in (voting.open_round, voting.close_round, voting.reveal_results):
        with pytest.raises(NotFacilitator):
            act(session=session, code=code, key=token)
    voting.open_round(session=session, code=code, key=key)
    with pytest.raises(NotFacilitator):
        voting.close_round(session=session, code=code, key=token)
    assert voting.latest_round(
        session=session, workshop_id=workshops.find_workshop(session=session, code=code).id
    ).is_open


def test_budget_and_per_item_cap_hold_and_refusals_change_nothing(session, themed):
    code, key, (bus, debt, employers) = themed
    voting.open_round(session=session, code=code, key=key, dots_per_person=3, max_per_item=2)
    _p, token = join(session, code)
    voting.cast_votes(session=session, code=code, token=token, item_ids=[bus, bus])
    session.commit()
    with pytest.raises(ItemCapExceeded):
        voting.cast_votes(session=session, code=code, token=token, item_ids=[bus])
    session.rollback()
    with pytest.raises(VoteBudgetExceeded):
        voting.cast_votes(session=session, code=code, token=token, item_ids=[debt, employers])
    session.rollback()
    assert sorted(dot.item_id for dot in dots_in_db(session)) == [bus, bus]
    voting.cast_votes(session=session, code=code, token=token, item_ids=[employers])
    session.commit()
    assert len(dots_in_db(session)) == 3


def test_voting_outside_an_open_round_is_refused(session, themed):
    code, key, (bus, *_rest) = themed
    _p, token = join(session, code)
    with pytest.raises(NoOpenRound):
        voting.cast_votes(session=session, code=code, token=token, item_ids=[bus])
    voting.open_round(session=session, code=code, key=key)
    voting.close_round(session=session, code=code, key=key)
    with pytest.raises(NoOpenRound):
        voting.cast_votes(session=session, code=code, token=token, item_ids=[bus])
    assert dots_in_db(session) == []


def test_voting_on_an_item_of_another_workshop_is_refused(session, themed):
    code, key, _ids = themed
    other, _other_key = workshops.create_workshop(
        session=session, title="B", question="Q", language="nl", uses_names=False
    )
    foreign = Theme(workshop_id=other.id, name="Elders")
    session.add(foreign)
    session.flush()
    voting.open_round(session=session, code=code, key=key)
    _p, token = join(session, code)
    for item in (foreign.id, 999_999, "1"):
        with pytest.raises(NotAVoteItem):
            voting.cast_votes(session=session, code=code, token=token, item_ids=[item])
    assert dots_in_db(session) == []


def test_take_back_a_dot_frees_budget(session, themed):
    code, key, (bus, debt, employers) = themed
    voting.open_round(session=session, code=code, key=key)
    _p, token = join(session, code)
    voting.cast_votes(session=session, code=code, token=token, item_ids=[bus, debt, employers])
    voting.take_back_vote(session=session, code=code, token=token, item_id=bus)
    voting.cast_votes(session=session, code=code, token=token, item_ids=[bus])
    assert len(dots_in_db(session)) == 3


def test_paper_participant_votes_by_proxy_with_the_same_budget(session, themed):
    code, key, (bus, debt, employers) = themed
    voting.open_round(session=session, code=code, key=key)
    paper = voting.add_paper_participant(
        session=session, code=code, key=key, name="Mevrouw Jansen", role="resident"
    )
    assert paper.on_paper and paper.name == "Mevrouw Jansen"
    voting.cast_votes_for(
        session=session, code=code, key=key, participant_id=paper.id, item_ids=[bus, debt]
    )
    session.commit()
    with pytest.raises(VoteBudgetExceeded):
        voting.cast_votes_for(
            session=session,
            code=code,
            key=key,
            participant_id=paper.id,
            item_ids=[employers, bus],
        )
    session.rollback()
    assert [dot.by_proxy for dot in dots_in_db(session)] == [True, True]
    phone_person, _token = join(session, code)
    with pytest.raises(NotParticipant):  # only paper participants are voted for
        voting.cast_votes_for(
            session=session, code=code, key=key, participant_id=phone_person.id, item_ids=[bus]
        )


def test_tallies_rank_by_dots_and_show_no_roles_too_small_to_show(session, themed):
    code, key, (bus, debt, employers) = themed
    vote_round = voting.open_round(session=session, code=code, key=key)
    for role, items in (
        ("resident", [bus, debt]),
        ("resident", [bus]),
        ("professional", [employers, bus]),
    ):
        _p, token = join(session, code, role=role)
        voting.cast_votes(session=session, code=code, token=token, item_ids=items)
    result = voting.results(session=session, vote_round=vote_round)
    assert [(t.label, t.dots) for t in result.tallies] == [
        ("Vervoer", 3),
        ("Schulden", 1),
        ("Werkgevers", 1),
    ]
    # Two residents and one professional: fewer than 3 each, so no split, only totals.
    assert result.split.merged == ("resident", "professional") and result.split.withheld
    assert all(t.by_group == [] for t in result.tallies)
    assert voting.voters(session=session, vote_round=vote_round) == 3
    balance = {
        b.role: b for b in voting.voice_balance(session=session, workshop_id=vote_round.workshop_id)
    }
    assert (balance["resident"].joined, balance["resident"].voted) == (2, 2)
    assert (balance["employer"].joined, balance["employer"].voted) == (0, 0)


def test_fifty_voters_submitting_their_budget_three_times_at_once_get_it_once(themed):
    code, key, (bus, debt, employers) = themed
    with Session(db.engine()) as session:
        voting.open_round(session=session, code=code, key=key)
        tokens = [join(session, code)[1] for _ in range(50)]
        session.commit()
    start = threading.Barrier(150)
    outcomes: list[str] = []

    def submit(token: str) -> None:
        start.wait()
        try:
            with db.session_scope() as session:
                voting.cast_votes(
                    session=session, code=code, token=token, item_ids=[bus, debt, employers]
                )
            outcomes.append("stored")
        except VoteBudgetExceeded:
            outcomes.append("refused")

    threads = [threading.Thread(target=submit, args=(t,)) for t in tokens for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("stored") == 50 and outcomes.count("refused") == 100
    with Session(db.engine()) as session:
        vote_round = voting.latest_round(
            session=session, workshop_id=workshops.find_workshop(session=session, code=code).id
        )
        assert [t.dots for t in voting.results(session=session, vote_round=vote_round).tallies] == [
            50,
            50,
            50,
        ]
        per_person = session.exec(select(Vote.participant_id)).all()
        assert len(per_person) == 150 and len(set(per_person)) == 50


def test_a_vote_answers_with_the_voters_own_dots_only(session, themed):
    code, key, (bus, debt, _employers) = themed
    voting.open_round(session=session, code=code, key=key, dots_per_person=3, max_per_item=2)
    _p, sam = join(session, code)
    _p, kim = join(session, code)
    assert voting.cast_votes(session=session, code=code, token=kim, item_ids=[debt]) == {debt: 1}
    mine = voting.cast_votes(session=session, code=code, token=sam, item_ids=[bus, bus, debt])
    assert mine == {bus: 2, debt: 1}
    assert voting.take_back_vote(session=session, code=code, token=sam, item_id=bus) == {
        bus: 1,
        debt: 1,
    }


def test_results_stay_hidden_until_the_facilitator_reveals_them(session, themed):
    code, key, (bus, debt, employers) = themed
    workshop_id = workshops.find_workshop(session=session, code=code).id
    voting.open_round(session=session, code=code, key=key)
    for items in ([bus, debt], [bus], [bus]):
        _p, token = join(session, code)
        voting.cast_votes(session=session, code=code, token=token, item_ids=items)
    session.commit()
    assert len(dots_in_db(session)) == 4
    while_open = voting.round_view(session=session, workshop_id=workshop_id)
    assert (while_open.is_open, while_open.revealed) == (True, False)
    assert while_open.voters == 3 and while_open.results == []
    voting.close_round(session=session, code=code, key=key)
    session.commit()
    closed = voting.round_view(session=session, workshop_id=workshop_id)
    assert (closed.is_open, closed.revealed) == (False, False)
    assert closed.voters == 3 and closed.results == []
    voting.reveal_results(session=session, code=code, key=key)
    session.commit()
    revealed = voting.round_view(session=session, workshop_id=workshop_id)
    assert (revealed.is_open, revealed.revealed, revealed.voters) == (False, True, 3)
    assert [(t.item_id, t.label, t.dots) for t in revealed.results] == [
        (bus, "Vervoer", 3),
        (debt, "Schulden", 1),
        (employers, "Werkgevers", 0),
    ]
