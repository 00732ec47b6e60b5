"""Backing up the database while the app runs, and restoring it into an empty database.

The database is the only place that holds workshop data, so a copy of it is the whole
backup. SQLite is copied with its online backup API (a consistent snapshot while phones
write, never a torn file); PostgreSQL with `pg_dump` in its custom format.
"""

import os
import re
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy import URL, inspect, make_url

from livinglab import db


class BackupRefused(Exception):
    """A restore that would lose or mix data, or that this version of the app cannot read."""


def _sqlite_path(url: URL) -> Path:
    return Path(url.database or "")


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The address pg_dump and pg_restore understand, and the password kept out of `ps`."""
    environment = dict(os.environ)
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), environment


def backup(*, database_url: str, out: Path) -> None:
    """Write a consistent copy of the database at `database_url` to `out`."""
    url = make_url(database_url)
    partial = out.with_name(out.name + ".part")  # never a half-written file under the real name
    partial.unlink(missing_ok=True)
    if url.get_backend_name() == "sqlite":
        with (
            closing(sqlite3.connect(_sqlite_path(url))) as source,
            closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
    else:
        address, environment = _libpq(url)
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={partial}", address],
            env=environment,
            check=True,
        )
    partial.replace(out)


def backup_revision(*, database_url: str, backup_file: Path) -> str:
    """The schema version the database was at when `backup_file` was made."""
    if make_url(database_url).get_backend_name() == "sqlite":
        with closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as copy:
            row = copy.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else ""
    listing = subprocess.run(
        ["pg_restore", "--data-only", "--table=alembic_version", "--file=-", str(backup_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"^COPY [\w.]*alembic_version .*FROM stdin;\n(.+)$", listing, re.MULTILINE)
    return found.group(1).strip() if found else ""


def restore(*, database_url: str, backup_file: Path) -> str:
    """Bring `backup_file` back into the empty database at `database_url`, then migrate it
    to this app's schema. Returns the schema version the backup was made at.

    Refuses a database that holds tables (restoring over data would mix two states) and a
    backup made by a newer version of the app (its schema is unknown here).
    """
    revisions = db.schema_revisions()
    made_at = backup_revision(database_url=database_url, backup_file=backup_file)
    if made_at not in revisions:
        raise BackupRefused(
            f"The backup's schema version {made_at or '(none)'} is not one this version of "
            f"livinglab knows (newest: {revisions[-1]}). Restore it with the version that made it."
        )
    engine = db.make_engine(database_url)
    try:
        tables = inspect(engine).get_table_names()
    finally:
        engine.dispose()
    if tables:
        raise BackupRefused(
            f"The database already holds {len(tables)} tables. Restore only into an empty "
            "database: create a new one, point DATABASE_URL at it, and run restore again."
        )
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        path = _sqlite_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        with (
            closing(sqlite3.connect(backup_file)) as source,
            closing(sqlite3.connect(path)) as target,
        ):
            source.backup(target)
    else:
        address, environment = _libpq(url)
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={address}",
                str(backup_file),
            ],
            env=environment,
            check=True,
        )
    if made_at != revisions[-1]:
        db.migrate(database_url)
    return made_at
