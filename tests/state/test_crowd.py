"""A crowd at once: fifty phones writing together, and a flood of wrong join codes."""

import asyncio
import threading

from livinglab import throttle
from livinglab.models import Insight, Participant
from livinglab.web.state import phone as phone_module
from tests.state.conftest import advance, console, joined_phone, phone, run, stored

CROWD = 50


def test_fifty_phones_joining_and_posting_at_the_same_moment_all_get_through(created):
    """SQLite queues writers (WAL, busy timeout): nobody sees "database is locked"."""
    code, key = created
    advance(console(code, key))
    early = joined_phone(code, name="Vroeg", tab="early")
    run(early.post_insight({"text": "Het eerste verhaal", "ref": "early"}))
    views = [phone(code, tab=f"crowd-{n}", ip=f"10.1.0.{n}") for n in range(CROWD)]
    start = threading.Barrier(CROWD)
    failures: list[BaseException] = []

    def join_and_post(number: int) -> None:
        view = views[number]

        async def steps():
            await view.join({"name": f"Persoon {number}", "role": "resident"})
            await view.post_insight({"text": f"Verhaal {number}", "ref": f"ref-{number}"})

        start.wait()
        try:
            asyncio.run(steps())
        except BaseException as error:  # any escape is what a user would see
            failures.append(error)

    threads = [threading.Thread(target=join_and_post, args=(n,)) for n in range(CROWD)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert [view.error_key for view in views] == [""] * CROWD
    assert all(view.joined and len(view.my_insights) == 1 for view in views)
    texts = sorted(row.text for row in stored(Insight))
    assert texts == sorted(["Het eerste verhaal", *(f"Verhaal {n}" for n in range(CROWD))])
    assert len(stored(Participant)) == CROWD + 1


def test_a_thousand_wrong_codes_from_one_address_cost_the_room_nothing(created, monkeypatch, hub):
    code, key = created
    advance(console(code, key))
    sam = joined_phone(code, tab="sam")  # already in the room, same Wi-Fi as the guesser
    reads: list[str] = []
    real_snapshot = phone_module.phone_snapshot

    def counted_snapshot(**kwargs):
        reads.append(kwargs["code"])
        return real_snapshot(**kwargs)

    monkeypatch.setattr(phone_module, "phone_snapshot", counted_snapshot)
    refusals = set()
    for attempt in range(1000):
        guess = phone(f"ZZZ{attempt:04d}", tab="guesser", ip="10.0.0.7")
        refusals.add(guess.error_key)
        assert not guess.found

    limit = throttle.wrong_codes().limit
    assert len(reads) == limit  # past the limit a wrong code reaches no database
    assert refusals == {"error_code_unknown", "error_too_many_attempts"}
    assert set(hub.rooms()) <= {code}  # guesses leave no rooms behind to push to
    run(sam.post_insight({"text": "Gewoon doorgaan", "ref": "during-flood"}))
    assert sam.error_key == ""
    assert [card.text for card in sam.my_insights] == ["Gewoon doorgaan"]
    newcomer = phone(code, tab="newcomer", ip="10.0.0.8")
    assert newcomer.found and newcomer.error_key == ""
