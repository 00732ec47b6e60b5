"""Handlers name no change kinds: what the domain recorded reaches this worker's hub."""

from livinglab.changes import Change
from tests.state.conftest import advance, console, joined_phone, run


def test_what_a_handler_committed_reaches_the_hub_and_a_refusal_nothing(created, hub, monkeypatch):
    code, key = created
    heard = []
    monkeypatch.setattr(
        hub, "announce", lambda room, *kinds, posted=(): heard.append((room, set(kinds), posted))
    )
    facilitator = console(code, key)
    advance(facilitator)
    assert heard == [(code, {Change.STAGE}, frozenset())]
    sam = joined_phone(code)
    run(sam.post_insight({"text": "Mijn verhaal", "ref": "r1"}))
    posted = sam.my_insights[0].id
    assert heard[1:] == [(code, {Change.PEOPLE}, frozenset()), (code, {Change.POSTED}, {posted})]
    del heard[:]
    run(sam.post_insight({"text": "", "ref": "r2"}))  # refused: empty
    assert sam.error_key == "error_text_empty"
    run(facilitator.hide_insight(posted))
    assert heard == [(code, {Change.BOARD}, frozenset())]
