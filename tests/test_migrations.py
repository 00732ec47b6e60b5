"""The migrations build exactly the schema the models describe."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from livinglab import db


def test_migrated_database_matches_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    db.migrate(url)
    db.migrate(url)  # idempotent: a second run changes nothing
    engine = db.make_engine(url)
    with engine.connect() as connection:
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"include_name": db.described_by_models}),
            SQLModel.metadata,
        )
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert diff == []
    assert mode == "wal"
    assert timeout == db.SQLITE_BUSY_TIMEOUT_MS
    assert {"workshop", "participant", "insight", "moderationact"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()


def _alembic(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_workshops_made_before_retention_keep_their_data_twelve_months(request, tmp_path, dialect):
    if dialect == "sqlite":
        url = f"sqlite:///{tmp_path / 'm.db'}"
    else:
        server_url, admin = request.getfixturevalue("postgres_template")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE retention_upgrade"))
        url = server_url.rsplit("/", 1)[0] + "/retention_upgrade"
    config = _alembic(url)
    command.upgrade(config, "0004")
    engine = db.make_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO workshop (code, title, question, language, uses_names,"
                " facilitator_key_hash, stage, created_at, place, organisers)"
                " VALUES ('ABCDEFG', 'T', 'Q', 'nl', false, 'x', 'closed', :now, '', '')"
            ),
            {"now": datetime.now(UTC)},
        )
    command.upgrade(config, "head")
    with engine.connect() as connection:
        row = connection.execute(text("SELECT retention_months, purged_at FROM workshop")).one()
    assert tuple(row) == (12, None)
    command.downgrade(config, "0004")
    command.upgrade(config, "head")
    engine.dispose()
