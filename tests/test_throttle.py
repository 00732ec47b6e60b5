"""One person, one voice, also against a script: the join throttles and the room's head count.

The windows run in this process and on a real redis-server (several workers share one count).
"""

import threading
import time
from itertools import count

import pytest
from sqlmodel import Session, select

from livinglab import db, i18n, insights, settings, throttle, workshops
from livinglab.errors import (
    BadRoomSize,
    InvalidChoice,
    JoinWaits,
    NotFacilitator,
    TooManyStories,
)
from livinglab.limits import PEOPLE_IN_ROOM_MAX, STORIES_PER_PERSON
from livinglab.models import Insight, Participant, Workshop
from livinglab.throttle import AttemptLimiter, JoinCeiling, MemoryWindow, RedisWindow
from tests.conftest import join

_names = count()


@pytest.fixture(params=["memory", "redis"])
def clocked_window(request):
    """(a window on a clock the test moves, the clock): in this process, then in Redis."""
    now = [1000.0]
    if request.param == "memory":
        return MemoryWindow(seconds=60, clock=lambda: now[0]), now
    url = request.getfixturevalue("redis_url")
    return RedisWindow(url, seconds=60, name=f"t{next(_names)}", clock=lambda: now[0]), now


def test_wrong_codes_block_after_the_limit_and_are_forgiven_after_the_window(clocked_window):
    window, now = clocked_window
    limiter = AttemptLimiter(limit=3, window=window)
    for _ in range(3):
        assert not limiter.blocked("10.0.0.9")
        limiter.record_failure("10.0.0.9")
    assert limiter.blocked("10.0.0.9")
    assert not limiter.blocked("10.0.0.10")
    now[0] += 61
    assert not limiter.blocked("10.0.0.9")


def test_new_participants_wait_past_the_ceiling_per_address_until_the_minute_is_over(
    clocked_window,
):
    window, now = clocked_window
    ceiling = JoinCeiling(per_minute=5, window=window)
    assert ceiling.crowded("ROOM") == 0
    assert [ceiling.admit("10.0.0.7", "ROOM") for _ in range(7)] == [True] * 5 + [False] * 2
    assert ceiling.crowded("ROOM") == 5  # the console says which ceiling was reached
    assert ceiling.crowded("OTHER") == 0
    assert ceiling.admit("10.0.0.8", "ROOM")  # another address is not held back
    now[0] += 30
    assert not ceiling.admit("10.0.0.7", "ROOM")  # a waiting phone's tries do not count...
    now[0] += 31
    assert [ceiling.admit("10.0.0.7", "ROOM") for _ in range(6)] == [True] * 5 + [False]
    now[0] += throttle.CROWDING_SHOWN + 1
    assert ceiling.crowded("ROOM") == 0  # the warning goes after ten quiet minutes


def test_two_workers_on_one_redis_share_the_ceiling_even_when_they_race(redis_url):
    """Two windows on one redis-server are two workers: together they admit the ceiling once."""
    name = f"race{next(_names)}"
    workers = [
        JoinCeiling(per_minute=40, window=RedisWindow(redis_url, seconds=60, name=name))
        for _ in range(2)
    ]
    start = threading.Barrier(8)
    admitted: list[bool] = []

    def script(worker: JoinCeiling) -> None:
        start.wait()
        admitted.extend(worker.admit("10.0.0.66", "ROOM") for _ in range(25))

    threads = [threading.Thread(target=script, args=(workers[n % 2],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert admitted.count(True) == 40 and len(admitted) == 200
    assert workers[1].crowded("ROOM") == workers[0].crowded("ROOM") == 40


def test_the_app_counts_in_redis_when_several_workers_run(monkeypatch, redis_url):
    monkeypatch.setattr(settings, "REDIS_URL", redis_url)
    assert isinstance(throttle.window("joins"), RedisWindow)
    monkeypatch.setattr(settings, "REDIS_URL", "")
    assert isinstance(throttle.window("joins"), MemoryWindow)


@pytest.fixture
def ceiling_of_three(monkeypatch):
    monkeypatch.setattr(settings, "JOINS_PER_MINUTE", 3)
    throttle.new_participants.cache_clear()


def people(session: Session, workshop: Workshop) -> int:
    return len(
        session.exec(select(Participant).where(Participant.workshop_id == workshop.id)).all()
    )


def test_a_join_past_the_ceiling_stores_nobody_and_says_the_phone_tries_again(
    session, workshop, ceiling_of_three
):
    ws, _key = workshop
    for _ in range(3):
        workshops.join(session=session, code=ws.code, name="", role="resident", address="10.0.0.7")
        session.commit()
    with pytest.raises(JoinWaits) as refusal:
        workshops.join(session=session, code=ws.code, name="", role="resident", address="10.0.0.7")
    session.rollback()
    assert people(session, ws) == 3
    assert "probeert het over 10 seconden zelf opnieuw" in i18n.translate(refusal.value.key, "nl")
    assert "tries again by itself" in i18n.translate(refusal.value.key, "en")
    workshops.join(session=session, code=ws.code, name="", role="resident", address="10.0.0.8")
    session.commit()
    assert people(session, ws) == 4
    assert throttle.new_participants().crowded(ws.code) == 3


def test_a_refused_join_does_not_use_up_the_ceiling(session, workshop, ceiling_of_three):
    ws, _key = workshop
    for _ in range(5):
        with pytest.raises(InvalidChoice):  # an unknown role
            workshops.join(session=session, code=ws.code, name="", role="mayor", address="10.0.0.7")
        session.rollback()
    for _ in range(3):
        workshops.join(session=session, code=ws.code, name="", role="resident", address="10.0.0.7")
    session.commit()
    assert people(session, ws) == 3


@pytest.mark.parametrize("typed", ["0", "-1", "abc", "100000", "12.5", str(PEOPLE_IN_ROOM_MAX + 1)])
def test_people_in_room_must_be_a_whole_number_within_range(session, workshop, typed):
    ws, key = workshop
    workshops.set_people_in_room(session=session, code=ws.code, key=key, people="12")
    session.commit()
    with pytest.raises(BadRoomSize) as refusal:
        workshops.set_people_in_room(session=session, code=ws.code, key=key, people=typed)
    session.rollback()
    session.refresh(ws)
    assert ws.people_in_room == 12
    assert f"1 tot {PEOPLE_IN_ROOM_MAX}" in i18n.translate(refusal.value.key, "nl")


def test_people_in_room_is_set_cleared_and_only_by_the_facilitator(session, workshop):
    ws, key = workshop
    assert workshops.set_people_in_room(session=session, code=ws.code, key=key, people=" 24 ") == 24
    assert ws.people_in_room == 24
    assert workshops.set_people_in_room(session=session, code=ws.code, key=key, people="") is None
    assert ws.people_in_room is None
    with pytest.raises(NotFacilitator):
        workshops.set_people_in_room(session=session, code=ws.code, key="guess", people="5")


def test_a_phone_on_two_workers_cannot_post_past_its_stories(database_url, workshop):
    """Two workers are two connections: the second post waits for the first's commit and is
    then counted against it, so the last free story is taken once."""
    ws, _key = workshop
    with Session(db.engine(), expire_on_commit=False) as session:
        _participant, token = join(session, ws.code)
        for number in range(STORIES_PER_PERSON - 1):
            insights.post_insight(
                session=session,
                code=ws.code,
                token=token,
                text=f"V{number}",
                client_ref=str(number),
            )
        session.commit()
    first, second = (Session(db.engine(), expire_on_commit=False) for _ in range(2))
    insights.post_insight(session=first, code=ws.code, token=token, text="A", client_ref="a")
    refusals: list[Exception] = []

    def other_worker() -> None:
        try:
            insights.post_insight(
                session=second, code=ws.code, token=token, text="B", client_ref="b"
            )
            second.commit()
        except TooManyStories as refusal:
            refusals.append(refusal)
            second.rollback()

    thread = threading.Thread(target=other_worker)
    thread.start()
    time.sleep(0.3)  # the other worker is now waiting for the first one's transaction
    first.commit()
    thread.join(timeout=15)
    first.close()
    second.close()
    with Session(db.engine()) as session:
        stored = session.exec(select(Insight).where(Insight.workshop_id == ws.id)).all()
    assert len(stored) == STORIES_PER_PERSON
    assert len(refusals) == 1
