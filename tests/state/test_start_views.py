"""The start page: ready agendas, "like an earlier one", and the workshops this browser runs."""

from livinglab.web.state.start import LIKE, StartState
from tests.state.conftest import FORM, open_view, run


def test_start_from_an_agenda_and_find_the_workshop_again_on_this_browser(database_url):
    start = open_view(StartState, "/")
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
    start = open_view(StartState, "/")
    run(start.on_load())
    start.choose_template("like-SOMEONEELSE")
    assert start.template == "empty" and start.title_start == ""
    start.choose_template("99999")
    assert start.template == "empty"


def test_another_browser_does_not_see_my_workshops(database_url):
    mine = open_view(StartState, "/", tab="mine")
    run(mine.create(FORM))
    theirs = open_view(StartState, "/", tab="theirs")
    run(theirs.on_load())
    assert theirs.own == []  # the key lives in the cookie of the browser that made it


def test_demo_link_on_an_empty_database_makes_the_sample_workshops_and_shows_their_pages(
    database_url,
):
    start = open_view(StartState, "/")
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
    again = open_view(StartState, "/", tab="tab-2")
    run(again.on_load())
    assert not again.database_empty  # the demo is there: the link is not offered again


def test_no_demo_link_beside_real_workshops(database_url):
    mine = open_view(StartState, "/")
    run(mine.create(FORM))
    other = open_view(StartState, "/", tab="other")
    run(other.on_load())
    assert not other.database_empty
    run(other.make_demo())  # a page opened before the first workshop was made
    assert other.error_key == "error_demo_refused" and other.demo_links == []
