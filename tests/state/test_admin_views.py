"""The admin's pages through their real handlers: an admin signed in by the session cookie
(as the websocket's opening request carries it), anyone else refused on the server."""

from sqlmodel import Session, select
from starlette.testclient import TestClient

from livinglab import db
from livinglab.models import AuditEvent, Member
from livinglab.organisation import members, sessions
from livinglab.organisation.audit import AuditAct
from livinglab.web.feeds import feeds
from livinglab.web.state.admin import AdminState
from tests.state.conftest import open_view, run, sign_in


def admin_view(path: str = "/admin", token: str = "", *, tab: str = "tab-1") -> AdminState:
    return open_view(AdminState, path, tab=tab, session=token)


def member_named(name: str) -> Member:
    with Session(db.engine()) as session:
        return session.exec(select(Member).where(Member.name == name)).one()


def acts() -> list[str]:
    with Session(db.engine()) as session:
        return [row.act for row in session.exec(select(AuditEvent).order_by(AuditEvent.id))]


def test_a_visitor_and_a_member_without_the_role_are_refused(database_url):
    visitor = admin_view()
    run(visitor.on_load_members())
    assert visitor.access == "sign_in" and visitor.member_rows == []
    facilitator = admin_view(token=sign_in("Bo", "facilitator"))
    run(facilitator.on_load_members())
    assert facilitator.access == "role" and facilitator.member_rows == []
    # Any client may call any handler: the domain refuses, beside the form that was used.
    run(facilitator.invite({"name": "Eve", "role_admin": "on"}))
    assert facilitator.error_key == "error_role_required" and facilitator.error_at == "invite"
    assert facilitator.new_link == ""
    run(visitor.remove(1))
    assert visitor.error_key == "error_sign_in_required"
    run(visitor.filter_audit({"who": ""}))
    assert visitor.error_key == "error_sign_in_required" and visitor.audit_rows == []
    assert AuditAct.MEMBER_INVITED not in acts()
    assert member_named("Bo").removed_at is None


def test_an_admin_invites_changes_roles_makes_a_device_link_and_removes(database_url):
    admin = admin_view(token=sign_in("Aisha", "admin"))
    run(admin.on_load_members())
    assert admin.access == "admin" and [row.name for row in admin.member_rows] == ["Aisha"]

    run(admin.invite({"name": "Noor", "role_facilitator": "on"}))
    assert admin.error_key == ""
    assert admin.new_link.startswith("http://localhost:3000/welcome?token=")
    assert admin.new_link_for == "Noor"
    with Session(db.engine(), expire_on_commit=False) as session:
        token = admin.new_link.split("token=", 1)[1]
        invite = members.open_invite(session, token)
        noor = members.accept_invite(session, invite)
        session.commit()
    run(admin.on_load_members())
    assert admin.new_link == ""  # shown once
    row = next(row for row in admin.member_rows if row.name == "Noor")
    assert row.roles == ["facilitator"] and not row.removed

    run(admin.change_roles({"member_id": str(noor.id), "role_records_reader": "on"}))
    assert admin.error_key == ""
    assert member_named("Noor").roles == "records_reader"
    run(admin.change_roles({"member_id": str(noor.id)}))  # no role at all
    assert admin.error_key == "error_bad_role" and admin.error_at == f"member-{noor.id}"

    run(admin.device_link(noor.id))
    assert "/welcome?token=" in admin.new_link and admin.new_link_for == "Noor"

    admin.ask_remove(noor.id)
    assert admin.confirming_remove == noor.id and member_named("Noor").removed_at is None
    admin.cancel_remove()
    assert admin.confirming_remove == 0
    run(admin.remove(noor.id))
    assert member_named("Noor").removed_at is not None
    assert next(row for row in admin.member_rows if row.name == "Noor").removed
    # The last admin cannot remove themselves: the refusal is shown in their row.
    me = member_named("Aisha")
    run(admin.remove(me.id))
    assert admin.error_key == "error_last_admin" and admin.error_at == f"member-{me.id}"
    for act in (
        AuditAct.MEMBER_INVITED,
        AuditAct.MEMBER_JOINED,
        AuditAct.ROLES_CHANGED,
        AuditAct.DEVICE_LINK_MADE,
        AuditAct.MEMBER_REMOVED,
    ):
        assert acts().count(act) == 1, act


def test_a_role_taken_away_counts_from_the_next_handler(database_url):
    token = sign_in("Aisha", "admin", "facilitator")
    admin = admin_view(token=token)
    run(admin.on_load_members())
    other = admin_view(token=sign_in("Bram", "admin"))
    run(other.on_load_members())
    aisha = member_named("Aisha")
    run(other.change_roles({"member_id": str(aisha.id), "role_facilitator": "on"}))
    assert other.error_key == ""
    run(admin.invite({"name": "Eve", "role_admin": "on"}))  # the page still shows the form
    assert admin.error_key == "error_role_required" and admin.new_link == ""
    assert admin.access == "role"


def test_the_audit_page_filters_and_its_download_carries_the_filters(database_url):
    token = sign_in("Aisha", "admin")
    sign_in("Bo", "facilitator")
    audit_view = admin_view("/admin/audit", token)
    run(audit_view.on_load_audit())
    assert audit_view.access == "admin"
    assert {line.act for line in audit_view.audit_rows} == {AuditAct.SIGNED_IN}
    assert audit_view.download_href == "/admin/audit.csv"

    run(audit_view.filter_audit({"who": "bo", "act": "signed_in", "since": "2000-01-01"}))
    assert [line.actor for line in audit_view.audit_rows] == ["Bo"]
    assert audit_view.download_href == ("/admin/audit.csv?who=bo&act=signed_in&since=2000-01-01")
    run(audit_view.filter_audit({"since": "31-12-2026"}))  # refused: the rows stay
    assert audit_view.error_key == "error_bad_date" and audit_view.error_at == "audit"
    assert [line.actor for line in audit_view.audit_rows] == ["Bo"]

    client = TestClient(feeds)
    client.cookies.set(sessions.COOKIE, token)
    answer = client.get(audit_view.download_href)
    assert answer.status_code == 200
    assert answer.headers["content-disposition"].startswith("attachment")
    lines = answer.text.strip().splitlines()
    assert lines[0].startswith("id,at_utc,who,act") and len(lines) == 2 and ",Bo," in lines[1]

    refused = TestClient(feeds)
    assert refused.get("/admin/audit.csv").status_code == 403
    refused.cookies.set(sessions.COOKIE, sign_in("Cas", "facilitator"))
    assert refused.get("/admin/audit.csv").status_code == 403
