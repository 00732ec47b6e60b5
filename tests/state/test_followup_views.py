"""What came of it, on the participants' own link: anyone opening a closed workshop's join
link reads the decisions, the actions' status and dated notes, without who wrote them."""

from livinglab import dialogue, settings
from livinglab.records import access as records_access
from livinglab.records import followups
from livinglab.web.state.phone import PhoneState
from tests import test_record
from tests.state.conftest import open_view, run
from tests.state.test_records import close

decided = test_record.decided
ORGANISATION = "gemeente-houten-2026"


def test_a_phone_that_never_joined_reads_the_follow_ups_of_a_closed_workshop(
    session, workshop, decided, monkeypatch
):
    monkeypatch.setattr(settings, "RECORDS_KEY", ORGANISATION)
    close(session, decided, workshop[1])
    _reader, token = records_access.invite(
        session=session, credential=ORGANISATION, name="Fatima", level="update"
    )
    (proposal,) = dialogue.board_proposals(session=session, workshop_id=decided.id)
    (action,) = proposal.actions
    followups.update_action(
        session=session,
        credential=token,
        action_id=action.id,
        status="in_progress",
        note="De nieuwe brief is vanaf 1 maart in gebruik",
    )
    session.commit()
    phone = open_view(PhoneState, f"/j/{decided.code}", ip="10.0.0.9")
    run(phone.on_load())
    assert phone.found and not phone.joined and phone.stage == "closed"
    (shown,) = phone.proposals
    (shown_action,) = shown.actions
    assert shown_action.status == "in_progress"
    assert [f.note for f in shown_action.followups] == [
        "De nieuwe brief is vanaf 1 maart in gebruik"
    ]
    assert "Fatima" not in repr(phone.proposals)
