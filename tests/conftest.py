"""Fixtures that build real things: a migrated database per test, SQLite and PostgreSQL."""

import itertools
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session

from livinglab import bootstrap, db, settings, throttle, workshops
from livinglab.models import Member
from livinglab.organisation import members
from tests.services import postgres_server, redis_server

_databases = itertools.count()


@pytest.fixture(autouse=True, scope="session")
def wired():
    """What follows a commit (the sealed record, the search) is wired as the app wires it."""
    bootstrap.wire()


@pytest.fixture(autouse=True)
def stories_without_pause(monkeypatch):
    """The rooms the tests build post several stories per person within a second; the pause
    between two stories (a deployment setting, 2 s by default) is tested on its own."""
    monkeypatch.setattr(settings, "SECONDS_BETWEEN_STORIES", 0)


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Every test starts with empty throttle windows, made from the settings it set."""
    for limiter in (
        throttle.wrong_codes,
        throttle.new_participants,
        throttle.failed_sign_ins_by_address,
        throttle.failed_sign_ins_by_account,
    ):
        limiter.cache_clear()
    yield
    for limiter in (
        throttle.wrong_codes,
        throttle.new_participants,
        throttle.failed_sign_ins_by_address,
        throttle.failed_sign_ins_by_account,
    ):
        limiter.cache_clear()


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


def a_member(session, *roles: str, name: str = "Fatima"):
    """A member of the organisation with `roles` (facilitator when none given), committed,
    as the domain receives them (livinglab/organisation/members.py)."""
    member = Member(name=name, roles=members.roles_text(roles or ("facilitator",)))
    session.add(member)
    session.commit()
    return members.as_signed_in(member)


def one_char_off(secret: str) -> str:
    """`secret` with its last character changed (to one it surely is not)."""
    return secret[:-1] + ("y" if secret.endswith("x") else "x")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """A real redis-server on loopback, data in a temp folder, stopped afterwards."""
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[tuple[str, Engine]]:
    """A real PostgreSQL with a migrated template database that each test copies (fast)."""
    with postgres_server() as server_url:
        admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE livinglab_template"))
        db.migrate(server_url.rsplit("/", 1)[0] + "/livinglab_template")
        yield server_url, admin
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, monkeypatch) -> Iterator[str]:
    """A fresh, migrated database that the app's engine points at: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'livinglab.db'}"
        db.migrate(url)
    else:
        server_url, admin = request.getfixturevalue("postgres_template")
        name = f"test_{next(_databases)}"
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE livinglab_template"))
        url = server_url.rsplit("/", 1)[0] + f"/{name}"
    monkeypatch.setattr(settings, "DATABASE_URL", url)
    db.engine.cache_clear()
    yield url
    db.engine().dispose()
    db.engine.cache_clear()
