"""The start page: only signed-in members who run workshops start one; ready agendas,
"like an earlier one", the member's workshops on any device, and handing one over."""

from sqlmodel import Session

from livinglab import db
from livinglab.models import CoFacilitator, Workshop
from livinglab.organisation import members
from livinglab.web import keyring
from livinglab.web.state.console import FacilitatorState
from livinglab.web.state.start import LIKE, StartState
from tests.state.conftest import (
    FORM,
    advance,
    console,
    member_id,
    open_view,
    run,
    sign_in,
    start_page,
    stored,
)


def test_start_from_an_agenda_and_find_the_workshop_again_on_this_browser(database_url):
    start = start_page()
    run(start.on_load())
    assert [a.name for a in start.agendas][:2] == ["Samen verbeteren", "Werk en inkomen"]
    run(start.choose_language("en"))
    assert [a.name for a in start.agendas][:2] == ["Improve together", "Work and income"]
    work = start.agendas[1]
    start.choose_template(str(work.id))
    assert (start.title_start, start.question_start) == (work.name, work.question)
    run(start.create({**FORM, "title": "Werk in Houten"}))
    assert start.created and start.error_key == ""
    run(start.start_over())
    assert [(w.title, w.stage) for w in start.own] == [("Werk in Houten", "welcome")]
    earlier = start.own[0]
    start.choose_template(LIKE + earlier.code)
    assert start.title_start == "Werk in Houten"
    run(start.create({**FORM, "title": "Werk in Houten, deel 2"}))
    assert start.error_key == ""
    run(start.start_over())
    assert [w.title for w in start.own] == ["Werk in Houten, deel 2", "Werk in Houten"]


def test_a_template_choice_that_is_not_offered_starts_empty(database_url):
    start = start_page()
    run(start.on_load())
    start.choose_template("like-SOMEONEELSE")
    assert start.template == "empty" and start.title_start == ""
    start.choose_template("99999")
    assert start.template == "empty"


def test_another_browser_does_not_see_my_workshops(database_url):
    mine = start_page(tab="mine")
    run(mine.create(FORM))
    theirs = start_page(tab="theirs")  # another facilitator
    run(theirs.on_load())
    assert theirs.own == []


def test_a_visitor_sees_no_form_and_cannot_create_even_by_calling_the_handler(database_url):
    visitor = open_view(StartState, "/")
    run(visitor.on_load())
    assert not visitor.signed_in and not visitor.may_start
    run(visitor.create(FORM))  # a client may send any event
    assert visitor.error_key == "error_sign_in_required" and not visitor.created
    assert stored(Workshop) == []


def test_a_signed_in_records_reader_cannot_create(database_url):
    reader = open_view(StartState, "/", session=sign_in("Ruud", "records_reader"))
    run(reader.on_load())
    assert reader.signed_in and reader.member_name == "Ruud" and not reader.may_start
    assert reader.member_roles == "lezer van verslagen" and not reader.is_admin
    run(reader.create(FORM))
    assert reader.error_key == "error_role_required" and stored(Workshop) == []
    run(reader.make_demo())
    assert reader.error_key == "error_role_required" and stored(Workshop) == []


def test_the_sign_in_is_read_again_at_every_act(database_url):
    token = sign_in("Fatima")
    start = start_page(session=token)
    run(start.on_load())
    assert start.may_start
    with Session(db.engine()) as session:
        admin = members.as_signed_in(
            members.accept_invite(
                session, members.open_invite(session, members.setup_link(session))
            )
        )
        members.remove(session=session, by=admin, member_id=member_id(token))
        session.commit()
    run(start.create(FORM))  # the page still shows the form
    assert start.error_key == "error_sign_in_required" and not start.signed_in
    assert stored(Workshop) == []


def test_my_workshops_lists_led_and_co_run_ones_on_a_fresh_tab(database_url):
    fatima, ruud = sign_in("Fatima"), sign_in("Ruud")
    mine = start_page(tab="laptop", session=fatima)
    run(mine.create({**FORM, "title": "Mijn workshop"}))
    theirs = start_page(tab="ruud", session=ruud)
    run(theirs.create({**FORM, "title": "Van Ruud"}))
    code = theirs.console_path.rsplit("/", 1)[-1]
    lead = console(code, theirs.facilitator_link.split("key=", 1)[1])
    run(lead.invite_cofacilitator({"label": "Fatima"}))
    link = lead.new_cofacilitator_link
    helper = open_view(
        FacilitatorState, link.removeprefix("http://localhost:3000"), tab="f2", session=fatima
    )
    run(helper.on_load())  # Fatima opens the co-facilitator link, signed in
    assert helper.authorised and not helper.is_lead
    assert [row.member_id for row in stored(CoFacilitator)] == [member_id(fatima)]

    fresh = open_view(StartState, "/", tab="phone-of-fatima", session=fatima)  # no keys
    run(fresh.on_load())
    assert [(w.title, w.lead) for w in fresh.own] == [("Van Ruud", False), ("Mijn workshop", True)]
    # On that fresh device both consoles open on the session alone.
    for workshop, is_lead in ((fresh.own[0], False), (fresh.own[1], True)):
        view = open_view(
            FacilitatorState, f"/f/{workshop.code}", tab=f"c-{workshop.code}", session=fatima
        )
        run(view.on_load())
        assert view.authorised and view.is_lead == is_lead and view.by_session
        run(view.show_own_link())  # never a link made of the session
        assert view.own_link_qr == ""


def test_handover_moves_the_workshop_and_the_old_console_is_refused_at_its_next_act(
    database_url,
):
    fatima, ruud = sign_in("Fatima"), sign_in("Ruud")
    start = start_page(tab="laptop", session=fatima)
    run(start.create(FORM))
    code = start.console_path.rsplit("/", 1)[-1]
    key = start.facilitator_link.split("key=", 1)[1]
    cookies = {"facilitator_keys": keyring.store("", code, key)}
    old = open_view(FacilitatorState, f"/f/{code}", tab="old", session=fatima, cookies=cookies)
    run(old.on_load())
    assert old.may_hand_over and [c.name for c in old.colleagues] == ["Ruud"]
    second = open_view(
        FacilitatorState, f"/f/{code}", tab="second", session=fatima, cookies=cookies
    )
    run(second.on_load())
    assert second.authorised

    run(old.hand_over({"to": str(member_id(ruud))}))
    assert old.error_key != "error_not_a_colleague" and not old.authorised
    with Session(db.engine()) as session:
        assert session.get(Workshop, stored(Workshop)[0].id).lead_member_id == member_id(ruud)

    advance(second)  # the other open console: its next act is refused, and it empties
    assert second.error_key == "error_not_facilitator" and not second.authorised
    assert second.stage == "welcome" and second.newest_cards == []

    theirs = open_view(StartState, "/", tab="ruud", session=ruud)
    run(theirs.on_load())
    assert [w.code for w in theirs.own] == [code] and theirs.own[0].lead
    again = open_view(StartState, "/", tab="laptop-2", session=fatima)
    run(again.get_state(FacilitatorState)).facilitator_keys = cookies["facilitator_keys"]
    run(again.on_load())
    assert again.own == []  # her old key no longer opens it
    runs_it = open_view(FacilitatorState, f"/f/{code}", tab="ruud-console", session=ruud)
    run(runs_it.on_load())
    assert runs_it.authorised and runs_it.is_lead
    advance(runs_it)
    assert runs_it.error_key == "" and runs_it.stage == "collect"


def test_a_removed_lead_is_refused_at_the_next_act(database_url):
    token = sign_in("Fatima")
    start = start_page(session=token)
    run(start.create(FORM))
    code = start.console_path.rsplit("/", 1)[-1]
    view = console(code, start.facilitator_link.split("key=", 1)[1])
    assert view.authorised
    with Session(db.engine()) as session:
        admin = members.as_signed_in(
            members.accept_invite(
                session, members.open_invite(session, members.setup_link(session))
            )
        )
        members.remove(session=session, by=admin, member_id=member_id(token))
        session.commit()
    advance(view)
    assert view.error_key == "error_not_facilitator" and not view.authorised
    assert view.stage == "welcome"


def test_demo_link_on_an_empty_database_makes_the_sample_workshops_and_shows_their_pages(
    database_url,
):
    start = start_page()
    run(start.on_load())
    assert start.database_empty and start.demo_links == []
    run(start.make_demo())
    assert start.error_key == "" and not start.database_empty
    labels = [link["label"] for link in start.demo_links]
    assert labels[0] == "demo_console_closed" and "demo_phone" in labels and "demo_pdf" in labels
    assert all(link["href"].startswith("http://localhost:3000/") for link in start.demo_links)
    assert "?key=" in start.demo_links[0]["href"]
    assert {w.title for w in start.own} == {
        "Werk en inkomen in Houten",
        "Jongeren en hun eerste baan",
    }
    again = start_page(tab="tab-2")
    run(again.on_load())
    assert not again.database_empty  # the demo is there: the link is not offered again


def test_a_visitor_cannot_make_the_sample_workshops(database_url):
    visitor = open_view(StartState, "/")
    run(visitor.on_load())
    run(visitor.make_demo())
    assert visitor.error_key == "error_sign_in_required" and visitor.demo_links == []
    assert stored(Workshop) == []


def test_no_demo_link_beside_real_workshops(database_url):
    mine = start_page()
    run(mine.create(FORM))
    other = start_page(tab="other")
    run(other.on_load())
    assert not other.database_empty
    run(other.make_demo())  # a page opened before the first workshop was made
    assert other.error_key == "error_demo_refused" and other.demo_links == []
