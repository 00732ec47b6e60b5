"""The records page through its event handlers: the organisation's key, checked on the server."""

from livinglab import settings
from livinglab.web.state.records import RecordsState
from tests.state.conftest import advance, console, open_view, run


def test_the_records_key_opens_the_list_and_a_wrong_one_says_so(created, monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    code, key = created
    facilitator = console(code, key)
    for _ in range(4):
        advance(facilitator)
    assert facilitator.stage == "closed"

    records = open_view(RecordsState, "/records")
    run(records.on_load())
    assert not records.opened and records.error_key == ""
    run(records.open_records({"key": key}))  # a facilitator key is not the organisation's
    assert not records.opened and records.error_key == "error_records_key"
    assert records.records_key == "" and records.workshops == []
    run(records.open_records({"key": "gemeente-houten-2026"}))
    assert records.opened and records.error_key == ""
    assert [w.code for w in records.workshops] == [code]

    # The key kept in the cookie reopens the list; once the key is changed, it is forgotten.
    again = open_view(RecordsState, "/records", cookies={"records_key": records.records_key})
    run(again.on_load())
    assert again.opened and [w.code for w in again.workshops] == [code]
    monkeypatch.setattr(settings, "RECORDS_KEY", "nieuw-2027")
    stale = open_view(RecordsState, "/records", cookies={"records_key": records.records_key})
    run(stale.on_load())
    assert not stale.opened and stale.records_key == "" and stale.workshops == []
