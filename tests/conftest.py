"""Fixtures that build real things: a migrated SQLite file per test."""

import socket
import subprocess
import time

import pytest
from sqlmodel import Session

from livinglab import db, settings, workshops
from tests.e2e.server import free_port


@pytest.fixture
def database_url(tmp_path, monkeypatch) -> str:
    """A fresh, migrated SQLite database that the app's engine points at."""
    url = f"sqlite:///{tmp_path / 'livinglab.db'}"
    db.migrate(url)
    monkeypatch.setattr(settings, "DATABASE_URL", url)
    db.engine.cache_clear()
    yield url
    db.engine().dispose()
    db.engine.cache_clear()


@pytest.fixture
def session(database_url):
    with Session(db.engine(), expire_on_commit=False) as session:
        yield session
        session.rollback()


@pytest.fixture
def workshop(session):
    """A workshop in the collect stage, with its facilitator key."""
    workshop, key = workshops.create_workshop(
        session=session,
        title="Werk en inkomen",
        question="Hoe helpen we mensen sneller aan werk?",
        language="nl",
        uses_names=True,
    )
    workshops.move_stage(session=session, code=workshop.code, key=key, step=1)
    session.commit()
    return workshop, key


def join(session, code: str, name: str = "", role: str = "resident") -> tuple[object, str]:
    """Join `code`, committed, and return (participant, token)."""
    participant, token = workshops.join(session=session, code=code, name=name, role=role)
    session.commit()
    return participant, token


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real redis-server on loopback, data in a temp folder, stopped afterwards."""
    folder = tmp_path_factory.mktemp("redis")
    port = free_port()
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)
