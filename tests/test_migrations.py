"""The migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from livinglab import db


def test_migrated_database_matches_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    db.migrate(url)
    db.migrate(url)  # idempotent: a second run changes nothing
    engine = db.make_engine(url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert diff == []
    assert mode == "wal"
    assert timeout == db.SQLITE_BUSY_TIMEOUT_MS
    assert {"workshop", "participant", "insight", "moderationact"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()
