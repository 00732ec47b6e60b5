"""Alembic environment: migrates the database named by the caller (see livinglab.db.migrate)."""

from alembic import context
from sqlmodel import SQLModel

from livinglab import models  # noqa: F401 (registers the tables)
from livinglab.db import described_by_models, make_engine

config = context.config


def run_migrations_online() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=SQLModel.metadata,
            include_name=described_by_models,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
