"""Small groups are never exposed: the K rule on every split by role, and where it is published."""

import io
import json
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from livinglab import anonymity, dialogue, voting, workshops
from livinglab.anonymity import MERGED, split_by_role
from livinglab.errors import BadSmallestGroup, NotFacilitator
from livinglab.export.opendata import record_csv
from livinglab.export.pdf import render_pdf
from livinglab.models import Theme
from livinglab.records.record import build_record
from livinglab.workshops import ROLES
from tests.conftest import join


@pytest.mark.parametrize(
    ("people", "k", "groups", "merged"),
    [
        # Every role big enough: each on its own.
        ({"resident": 5, "employer": 3}, 3, ("resident", "employer"), ()),
        # One employer and two civil servants: together they make 3.
        (
            {"resident": 10, "civil_servant": 2, "employer": 1},
            3,
            ("resident", MERGED),
            ("civil_servant", "employer"),
        ),
        # A single small role would be the total minus the rest: no split at all.
        ({"resident": 10, "employer": 1}, 3, (), ("employer",)),
        ({"resident": 10, "civil_servant": 1, "employer": 1}, 3, (), ("civil_servant", "employer")),
        # K below the floor counts as the floor (2).
        (
            {"resident": 4, "employer": 1, "other": 1},
            1,
            ("resident", MERGED),
            ("employer", "other"),
        ),
        ({"resident": 2, "employer": 2}, 2, ("resident", "employer"), ()),
        # Roles that did not take part are not lines, nor merged.
        ({"resident": 3, "employer": 0}, 3, ("resident",), ()),
        ({}, 3, (), ()),
        # Every role small: one merged line would only repeat the totals.
        ({"resident": 2, "employer": 1, "other": 2}, 3, (), ("resident", "employer", "other")),
    ],
)
def test_a_role_shows_on_its_own_only_from_k_people(people, k, groups, merged):
    split = split_by_role(people, smallest_group=k)
    assert (split.groups, split.merged) == (groups, merged)
    assert split.withheld == (bool(merged) and not groups)


@settings(max_examples=300, deadline=None)
@given(
    ballots=st.lists(
        st.tuples(st.sampled_from(ROLES), st.lists(st.integers(0, 3), min_size=1, max_size=4)),
        max_size=25,
    ),
    k=st.integers(0, 6),
)
def test_no_published_figure_tells_a_small_groups_choice(ballots, k):
    """Random rooms: each person (a role, dots on items 0-3). Every published line stands
    for K or more people, and the lines add up to the totals, so the totals minus any
    published lines are again K people or more (or nobody): no one's choice can be read."""
    per_role: dict[str, Counter] = {}
    people = Counter()
    for role, items in ballots:
        per_role.setdefault(role, Counter()).update(items)
        people[role] += 1
    split = split_by_role(people, smallest_group=k)
    lines = split.lines(per_role)
    floor = max(k, 2)
    members = {
        group: sum(
            n
            for role, n in people.items()
            if role == group or (group == MERGED and role in split.merged)
        )
        for group in lines
    }
    assert all(size >= floor for size in members.values()), members
    totals = sum(per_role.values(), Counter())
    if lines:
        assert sum(lines.values(), Counter()) == totals
        assert sum(members.values()) == sum(people.values())
    shown = {role for role in people if role in lines}
    assert shown == (set() if split.withheld else {r for r in people if people[r] >= floor})


def test_a_round_with_one_employer_publishes_nothing_of_theirs(session, workshop):
    """1 employer + 2 civil servants + 10 residents: votes, consent, record, CSV and PDF."""
    ws, key = workshop
    theme_ids = []
    for name in ("Vervoer", "Schulden"):
        theme = Theme(workshop_id=ws.id, name=name)
        session.add(theme)
        session.flush()
        theme_ids.append(theme.id)
    room = [("employer", 0), ("civil_servant", 1), ("civil_servant", 1)] + [("resident", 1)] * 10
    tokens = [(role, join(session, ws.code, role=role)[1], choice) for role, choice in room]
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    voting.open_round(session=session, code=ws.code, key=key)
    for _role, token, choice in tokens:
        voting.cast_votes(session=session, code=ws.code, token=token, item_ids=[theme_ids[choice]])
    voting.close_round(session=session, code=ws.code, key=key)
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    proposal = dialogue.add_proposal(session=session, code=ws.code, key=key, text="Eén loket")
    dialogue.open_consent(session=session, code=ws.code, key=key, proposal_id=proposal.id)
    for role, token, _choice in tokens:
        answer = "object" if role == "employer" else "agree"
        reason = "Kost de werkgever te veel" if role == "employer" else ""
        dialogue.answer_consent(
            session=session, code=ws.code, token=token, answer=answer, reason=reason
        )
    dialogue.close_consent(session=session, code=ws.code, key=key)
    session.commit()

    (vote_round,) = [voting.latest_round(session=session, workshop_id=ws.id)]
    result = voting.results(session=session, vote_round=vote_round)
    schulden = next(t for t in result.tallies if t.item_id == theme_ids[1])
    vervoer = next(t for t in result.tallies if t.item_id == theme_ids[0])
    assert [(g.group, g.dots) for g in schulden.by_group] == [("resident", 10), (MERGED, 2)]
    assert [(g.group, g.dots) for g in vervoer.by_group] == [("resident", 0), (MERGED, 1)]
    consent = dialogue.consent_result(
        session=session, consent=dialogue.latest_consent(session=session, workshop_id=ws.id)
    )
    assert {g.group: g.counts["object"] for g in consent.by_group} == {"resident": 0, MERGED: 1}
    assert consent.objections == ["Kost de werkgever te veel"]  # the reason, no role

    record = build_record(session=session, workshop=ws)
    published = [r["by_group"] for r in record["vote_rounds"][0]["results"]]
    published.append(record["proposals"][0]["consent"]["by_group"])
    assert all(set(groups) <= {"resident", MERGED} for groups in published)
    assert record["vote_rounds"][0]["split"] == {
        "smallest_group": 3,
        "merged_roles": ["civil_servant", "employer"],
        "withheld": False,
    }
    assert "employer" not in json.dumps(record["proposals"][0]["consent"]["by_group"])
    votes_csv = record_csv(record)["votes.csv"].splitlines()
    header = votes_csv[0].split(",")
    assert [row.split(",")[header.index("employer")] for row in votes_csv[1:]] == ["", ""]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(record))).pages)
    # Who joined per role is voice balance, not a ballot: it stays, above the votes.
    text = " ".join(text.split())
    ballots = text[text.rindex("Uitslag van het stemmen") : text.index("Kost de werkgever")]
    note = "Andere rollen samen: minder dan 3 mensen per rol (Ambtenaar, Werkgever of sociaal"
    assert ballots.count(note) == 2  # under the votes and under the consent answers
    assert "Werkgever" not in re.sub(re.escape(note), "", ballots)


def test_only_the_facilitator_sets_k_within_its_limits(session, workshop):
    ws, key = workshop
    _p, token = join(session, ws.code)
    assert anonymity.set_smallest_group(session=session, code=ws.code, key=key, size="5") == 5
    for bad in ("1", "0", "-3", "abc", "999", "", "2.5"):
        with pytest.raises(BadSmallestGroup):
            anonymity.set_smallest_group(session=session, code=ws.code, key=key, size=bad)
    with pytest.raises(NotFacilitator):
        anonymity.set_smallest_group(session=session, code=ws.code, key=token, size="2")
    session.refresh(ws)
    assert ws.smallest_group == 5
    ws.smallest_group = 0  # a value stored some other way still counts as the floor
    assert anonymity.smallest_group(ws) == 2
