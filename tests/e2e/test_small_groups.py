"""Nobody is exposed: one employer among 13 people votes and objects from their own phone.

The projector, the employer's phone and the decision log show the split by role with the
employer counted in "other roles together", never on their own (livinglab/anonymity.py).
"""

import io

from playwright.sync_api import expect
from pypdf import PdfReader
from sqlmodel import Session, select

from livinglab.db import make_engine
from livinglab.export.pdf import render_pdf
from livinglab.models import Workshop
from livinglab.records.record import build_record
from livinglab.web import routes

from .room import LOAD_TIMEOUT, PUSH_TIMEOUT, join
from .scripted import ScriptedRoom

EMPLOYER = "Werkgever"  # how the Dutch catalog starts the role's name
REASON = "Te duur voor een klein bedrijf"


def shows_no_employer_figure(section) -> None:
    """The section splits by role with the employer merged; the note says which roles."""
    note = section.get_by_test_id("split-note")
    expect(note).to_contain_text("Andere rollen samen: minder dan 3 mensen per rol (Ambtenaar")
    figures = section.inner_text().replace(note.inner_text(), "")
    assert "Andere rollen samen" in figures and EMPLOYER not in figures


def test_one_employer_in_thirteen_is_never_shown_on_their_own(people, app_server):
    room = ScriptedRoom(app_server.workdir / "e2e.db", title="Werk", question="Wat helpt?")
    room.join(10, role="resident")
    room.join(2, role="civil_servant")
    room.move_to("collect")
    room.post(4)
    room.move_to("sensemaking")
    room.group(("Vervoer", "Schulden"), per_theme=2)
    employer = people.phone().new_page()
    join(employer, f"{app_server.base_url}/j/{room.code}", role="employer", name="Erik")
    room.vote(reveal=False)  # the twelve others put their dots
    employer.reload()
    employer.get_by_test_id("ballot-item").filter(has_text="Schulden").get_by_test_id(
        "dot-add"
    ).click()
    expect(employer.get_by_test_id("dots-left")).to_have_text("2", timeout=PUSH_TIMEOUT)
    room.vote(reveal=True)

    projector = people.facilitator().new_page()
    projector.goto(routes.console_link(app_server.base_url, room.code, room.key))
    expect(projector).to_have_url(app_server.base_url + routes.console(room.code))
    projector.goto(app_server.base_url + routes.projector(room.code))
    results = projector.get_by_test_id("results")
    expect(results).to_be_visible(timeout=LOAD_TIMEOUT)
    shows_no_employer_figure(results)
    employer.reload()
    expect(employer.get_by_test_id("results")).to_be_visible(timeout=LOAD_TIMEOUT)
    shows_no_employer_figure(employer.get_by_test_id("results"))

    room.move_to("dialogue")
    room.propose(1)
    room.consent()
    employer.reload()
    employer.get_by_test_id("consent-object").check()
    employer.get_by_test_id("consent-reason").fill(REASON)
    employer.get_by_test_id("consent-submit").click()
    expect(employer.get_by_test_id("my-answer")).to_be_visible(timeout=PUSH_TIMEOUT)
    room.consent(answers=True, reveal=True)
    projector.reload()
    consent = projector.get_by_test_id("consent-result")
    expect(consent).to_contain_text(REASON, timeout=LOAD_TIMEOUT)
    shows_no_employer_figure(consent)

    with Session(make_engine(f"sqlite:///{app_server.workdir / 'e2e.db'}")) as session:
        workshop = session.exec(select(Workshop).where(Workshop.code == room.code)).one()
        record = build_record(session=session, workshop=workshop)
    text = " ".join(
        "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(record))).pages
        ).split()
    )
    ballots = text[text.rindex("Uitslag van het stemmen") : text.index(REASON)]
    assert "Andere rollen samen" in ballots
    assert ballots.count(EMPLOYER) == ballots.count("Ambtenaar, Werkgever")  # only in the note
