"""The database engine's one home: SQLite pragmas, sessions, migrations."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, event
from sqlmodel import Session, create_engine

from livinglab import changes, metrics, settings
from livinglab.changes import Announce, Announcement

#: How long a writer waits for SQLite's lock before giving up (milliseconds).
SQLITE_BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets phones read while one writer commits; the busy timeout queues writers."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class _WriterQueue:
    """One writing transaction at a time in this process, the others queued on a lock.

    SQLite lets one writer in; the others poll with growing sleeps (up to 100 ms each),
    which made the slowest votes of a burst wait far longer than the writes take.
    A transaction takes the lock at its first write and lets go when it ends; reads
    never wait. Other processes (the CLI, exports) still meet SQLite's busy timeout.
    """

    WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def attach(self, engine: Engine) -> None:
        event.listen(engine, "before_cursor_execute", self._before_execute)
        for ending in ("commit", "rollback"):
            event.listen(engine, ending, self._end)
        event.listen(engine.pool, "checkin", self._checked_in)

    def _before_execute(self, connection, _cursor, statement, *_args) -> None:
        if "writing" not in connection.info and statement.lstrip()[:7].upper().startswith(
            self.WRITES
        ):
            # Past the busy timeout something holds the lock too long: SQLite's own wait takes over.
            queued = time.monotonic()
            connection.info["writing"] = self._lock.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
            metrics.WRITER_WAIT.observe(time.monotonic() - queued)

    def _end(self, connection) -> None:
        if connection.info.pop("writing", False):
            self._lock.release()

    def _checked_in(self, _dbapi_connection, record) -> None:
        # A connection handed back mid-transaction (an error path) is rolled back by the pool.
        if record.info.pop("writing", False):
            self._lock.release()


def make_engine(url: str) -> Engine:
    """An engine for `url`, with SQLite tuned for many phones writing at once."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        _WriterQueue().attach(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


@cache
def engine() -> Engine:
    """The app's engine, made on first use from DATABASE_URL."""
    return make_engine(settings.DATABASE_URL)


def _nobody_listens(_announcements: list[Announcement]) -> None:
    """Until a composition root says where announcements go (a test, a one-off script)."""


_announce: Announce = _nobody_listens


def announce_with(announce: Announce) -> None:
    """Where this process's committed changes go (set once, by the app or the CLI at start)."""
    global _announce
    _announce = announce


@contextmanager
def session_scope(announce: Announce | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error; then what its domain
    calls recorded (livinglab/changes.py) is announced, to `announce` or to the process's
    announcer. Nothing is announced of a rolled-back transaction."""
    with Session(engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        committed = changes.take(session)
    if committed:
        (announce or _announce)(committed)


def described_by_models(name: str | None, type_: str, parent_names: dict) -> bool:
    """Whether the models describe this part of the database (Alembic's `include_name`).

    Not the full-text index beside `searchentry` (migration 0011): SQLite's FTS5 table with
    its shadow tables, PostgreSQL's tsvector column and its GIN index.
    """
    if type_ == "table":
        return not str(name).startswith("searchindex")
    if parent_names.get("table_name") == "searchentry":
        return name not in ("document", "ix_searchentry_document")
    return True


def _alembic_config(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(url: str | None = None, revision: str = "head") -> None:
    """Bring the database at `url` (default: DATABASE_URL) to the newest schema (or `revision`)."""
    from alembic import command

    command.upgrade(_alembic_config(url or settings.DATABASE_URL), revision)


@cache
def schema_revisions() -> list[str]:
    """This app's schema versions, oldest first: the last one is the newest (Alembic's head)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(settings.DATABASE_URL))
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def schema_revision(connection: Connection) -> str:
    """The schema version the database behind `connection` is at ("" when never migrated)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision() or ""
