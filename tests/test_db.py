"""SQLite writers queue in the process: none polls, and an ended transaction always lets go."""

import threading
import time

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from livinglab.db import make_engine


def no_busy_wait(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA busy_timeout=0")


@pytest.fixture
def engine(tmp_path):
    """The app's SQLite engine with SQLite's own waiting off: only the queue makes writers wait."""
    engine = make_engine(f"sqlite:///{tmp_path / 'queue.db'}")
    event.listen(engine, "connect", no_busy_wait)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE dot (id INTEGER PRIMARY KEY, slot INTEGER UNIQUE)"))
    yield engine
    engine.dispose()


def write(engine, slot: int) -> None:
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO dot (slot) VALUES (:slot)"), {"slot": slot})


def test_a_second_writer_waits_for_the_first_to_commit_and_both_land(engine):
    order = []
    first_wrote = threading.Event()

    def slow_writer():
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO dot (slot) VALUES (1)"))
            first_wrote.set()
            time.sleep(0.3)
            order.append("first commits")

    thread = threading.Thread(target=slow_writer)
    thread.start()
    first_wrote.wait(5)
    write(engine, 2)
    order.append("second wrote")
    thread.join()
    assert order == ["first commits", "second wrote"]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM dot")).scalar() == 2


def test_readers_do_not_wait_for_a_writer(engine):
    write(engine, 1)
    with engine.connect() as writer:
        writer.execute(text("INSERT INTO dot (slot) VALUES (2)"))
        started = time.perf_counter()
        with engine.connect() as reader:
            assert reader.execute(text("SELECT count(*) FROM dot")).scalar() == 1
        assert time.perf_counter() - started < 1
        writer.rollback()


def test_a_failed_or_abandoned_write_lets_the_next_writer_in(engine):
    write(engine, 1)
    with pytest.raises(IntegrityError):
        write(engine, 1)  # the slot is taken: rolled back
    abandoned = engine.connect()
    abandoned.execute(text("INSERT INTO dot (slot) VALUES (2)"))
    abandoned.close()  # never committed: the pool rolls it back
    started = time.perf_counter()
    write(engine, 3)
    assert time.perf_counter() - started < 1
    with engine.connect() as connection:
        slots = connection.execute(text("SELECT slot FROM dot ORDER BY slot")).scalars().all()
    assert slots == [1, 3]
