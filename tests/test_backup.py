"""Backup while 50 phones post and vote, restore into an empty database, schema versions."""

import itertools
import threading
import time
from collections.abc import Callable
from contextlib import closing

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from livinglab import backup, db, insights, voting, workshops
from livinglab.models import Insight, Participant, Theme, Vote
from livinglab.records.record import build_record, verify
from livinglab.workshops import find_workshop
from tests.test_record import decided  # noqa: F401 (a fixture)

PHONES = 50
STORIES_EACH = 4
_restored = itertools.count()


@pytest.fixture
def empty_database(database_url, request, tmp_path) -> Callable[[], str]:
    """Make a new, empty database beside the test's own (same kind) and return its URL."""

    def make() -> str:
        number = next(_restored)
        if database_url.startswith("sqlite"):
            return f"sqlite:///{tmp_path / f'restored-{number}.db'}"
        _server, admin = request.getfixturevalue("postgres_template")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE restored_{number}"))
        return database_url.rsplit("/", 1)[0] + f"/restored_{number}"

    return make


def _read(url: str, read: Callable[[Session], object]):
    engine = db.make_engine(url)
    try:
        with closing(Session(engine)) as session:
            return read(session)
    finally:
        engine.dispose()


def _room_collecting_and_voting() -> tuple[str, list[int]]:
    """A workshop in the collect stage with three themes and an open vote round."""
    with db.session_scope() as session:
        workshop, key = workshops.create_workshop(
            session=session,
            title="Busbaan",
            question="Wat mist u?",
            language="nl",
            uses_names=False,
        )
        workshops.move_stage(session=session, code=workshop.code, key=key, step=1)
        themes = [Theme(workshop_id=workshop.id, name=name) for name in ("Bus", "Fiets", "Auto")]
        session.add_all(themes)
        session.flush()
        voting.open_round(session=session, code=workshop.code, key=key)
        return workshop.code, [theme.id for theme in themes]


def test_backup_during_posting_and_voting_restores_every_committed_story_and_dot(
    session,
    workshop,
    decided,  # noqa: F811
    database_url,
    empty_database,
    tmp_path,
):
    _ws, key = workshop
    workshops.move_stage(session=session, code=decided.code, key=key, step=1)  # closed
    session.commit()
    closed_record = build_record(session=session, workshop=decided)
    code, theme_ids = _room_collecting_and_voting()
    committed: list[tuple[str, int, float]] = []  # (what, id, when its commit returned)
    failures: list[BaseException] = []

    def phone(number: int) -> None:
        try:
            with db.session_scope() as s:
                person, token = workshops.join(session=s, code=code, name="", role="resident")
            committed.append(("person", person.id, time.monotonic()))
            for story in range(STORIES_EACH):
                with db.session_scope() as s:
                    card = insights.post_insight(
                        session=s,
                        code=code,
                        token=token,
                        text=f"Verhaal {story} van telefoon {number}",
                        client_ref=f"{number}-{story}",
                    )
                committed.append(("story", card.id, time.monotonic()))
            with db.session_scope() as s:
                voting.cast_votes(session=s, code=code, token=token, item_ids=theme_ids)
            committed.append(("dots", person.id, time.monotonic()))
        except BaseException as failure:
            failures.append(failure)

    phones = [threading.Thread(target=phone, args=(number,)) for number in range(PHONES)]
    for thread in phones:
        thread.start()
    while sum(what == "story" for what, *_ in committed) < PHONES and not failures:
        time.sleep(0.005)
    started = time.monotonic()
    backup.backup(database_url=database_url, out=tmp_path / "livinglab.backup")
    finished = time.monotonic()
    for thread in phones:
        thread.join()
    assert not failures
    before = [(what, row) for what, row, when in committed if when < started]
    after = [(what, row) for what, row, when in committed if when > finished]
    assert before and after, "the backup ran while phones were still posting and voting"

    target = empty_database()
    made_at = backup.restore(database_url=target, backup_file=tmp_path / "livinglab.backup")
    assert made_at == db.schema_revisions()[-1]

    def restored(s: Session) -> dict:
        room = find_workshop(session=s, code=code)
        people = set(s.exec(select(Participant.id).where(Participant.workshop_id == room.id)))
        stories = s.exec(select(Insight).where(Insight.workshop_id == room.id)).all()
        dots = s.exec(select(Vote)).all()
        return {
            "people": people,
            "stories": {card.id for card in stories},
            "authors": {card.participant_id for card in stories},
            "dots": [dot.participant_id for dot in dots if dot.participant_id in people],
            "closed": build_record(session=s, workshop=find_workshop(session=s, code=decided.code)),
            "live": build_record(session=s, workshop=room),
        }

    copy = _read(target, restored)
    for what, row in before:
        if what == "story":
            assert row in copy["stories"]
        elif what == "dots":
            assert copy["dots"].count(row) == len(theme_ids)
        else:
            assert row in copy["people"]
    # Consistent: no story without its author, no half ballot, nothing posted in the future.
    assert copy["authors"] <= copy["people"]
    assert all(copy["dots"].count(person) in (0, len(theme_ids)) for person in copy["people"])
    assert len(copy["stories"]) < PHONES * STORIES_EACH
    assert copy["closed"]["digest"] == closed_record["digest"]
    assert verify(copy["closed"], closed_record["digest"])
    assert verify(copy["live"], copy["live"]["digest"])
    assert copy["live"]["ungrouped_count"] == len(copy["stories"])
    assert copy["live"]["participation"]["by_role"]["resident"] == len(copy["people"])


def test_restore_refuses_a_database_that_holds_data(database_url, tmp_path):
    backup.backup(database_url=database_url, out=tmp_path / "livinglab.backup")
    with pytest.raises(backup.BackupRefused, match="empty database"):
        backup.restore(database_url=database_url, backup_file=tmp_path / "livinglab.backup")


def test_restore_migrates_an_older_backup_and_refuses_a_newer_one(empty_database, tmp_path):
    revisions = db.schema_revisions()
    older = empty_database()
    db.migrate(older, revisions[-2])
    backup.backup(database_url=older, out=tmp_path / "older.backup")
    restored = empty_database()
    assert (
        backup.restore(database_url=restored, backup_file=tmp_path / "older.backup")
        == (revisions[-2])
    )
    assert _read(restored, lambda s: db.schema_revision(s.connection())) == revisions[-1]

    engine = db.make_engine(restored)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    backup.backup(database_url=restored, out=tmp_path / "newer.backup")
    untouched = empty_database()
    with pytest.raises(backup.BackupRefused, match="9999"):
        backup.restore(database_url=untouched, backup_file=tmp_path / "newer.backup")
    assert _read(untouched, lambda s: db.schema_revision(s.connection())) == ""
