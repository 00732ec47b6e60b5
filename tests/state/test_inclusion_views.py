"""Reactions and stories written for someone, through the event handlers any client can call."""

from sqlmodel import Session, select

from livinglab import db
from livinglab.models import Insight, Reaction, Workshop
from livinglab.realtime.snapshots import board_snapshot
from tests.state.conftest import advance, console, joined_phone, run


def test_a_phone_reacts_and_the_console_counts_it(created):
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)  # collect
    advance(facilitator)  # sensemaking
    run(facilitator.create_theme({"name": "Brieven"}))
    sam = joined_phone(code)
    theme_id = facilitator.themes[0].id
    run(sam.react(theme_id, "affects_me"))
    assert sam.my_reactions == [f"{theme_id}:affects_me"]
    with Session(db.engine()) as session:
        facilitator.apply_pushed(board_snapshot(session=session, code=code, with_cards=False))
    column = facilitator.columns[0]
    assert (column.recognise, column.affects_me, column.idea) == (0, 1, 0)
    run(sam.react(theme_id, "wave"))  # not a reaction: refused, nothing changes
    assert sam.error_key == "error_invalid_choice"
    assert sam.my_reactions == [f"{theme_id}:affects_me"]


def test_only_the_facilitator_writes_for_someone_on_paper(created):
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)  # collect
    run(facilitator.add_paper_participant({"name": "Mevrouw J.", "role": "resident"}))
    paper_id = facilitator.paper[0].id
    sam = joined_phone(code)
    form = {"participant_id": str(paper_id), "text": "Ik lees de brieven niet", "ref": "x1"}
    # A phone calling the console's handler has no facilitator key.
    sam_as_console = console(code, "not-the-key")
    run(sam_as_console.write_for_paper(form))
    assert sam_as_console.error_key == "error_not_facilitator"
    run(facilitator.write_for_paper(form))
    run(facilitator.write_for_paper(form))  # a double click
    with Session(db.engine()) as session:
        stored = session.exec(select(Insight.text, Insight.by_proxy)).all()
        assert session.exec(select(Reaction)).all() == []
    assert stored == [("Ik lees de brieven niet", True)]
    assert [(card.text, card.by_proxy) for card in facilitator.newest_cards] == [
        ("Ik lees de brieven niet", True)
    ]
    assert sam.error_key == ""


def test_deleting_a_workshop_needs_its_code_and_the_key(created):
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)
    sam = joined_phone(code)
    run(sam.post_insight({"text": "Blijft staan", "ref": "r1"}))
    run(facilitator.delete_workshop({"code": "WRONG"}))
    assert facilitator.error_key == "error_delete_code"
    intruder = console(code, "not-the-key")
    run(intruder.delete_workshop({"code": code}))
    assert intruder.error_key == "error_not_facilitator"
    with Session(db.engine()) as session:
        assert session.exec(select(Insight.text)).all() == ["Blijft staan"]
    run(facilitator.delete_workshop({"code": code.lower()}))  # typed as people type it
    assert (facilitator.deleted, facilitator.authorised, facilitator.error_key) == (True, False, "")
    with Session(db.engine()) as session:
        assert session.exec(select(Insight)).all() == []
        assert session.exec(select(Workshop)).all() == []


def test_after_a_console_reload_a_new_story_for_the_same_person_is_kept(created):
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)
    run(facilitator.add_paper_participant({"name": "Meneer K.", "role": "resident"}))
    paper_id = str(facilitator.paper[0].id)
    reloaded = console(code, key)
    assert reloaded.proxy_ref != facilitator.proxy_ref
    for view, text in ((facilitator, "Eerste verhaal"), (reloaded, "Tweede verhaal")):
        run(view.write_for_paper({"participant_id": paper_id, "text": text, "ref": view.proxy_ref}))
    with Session(db.engine()) as session:
        stored = sorted(session.exec(select(Insight.text)).all())
    assert stored == ["Eerste verhaal", "Tweede verhaal"]
