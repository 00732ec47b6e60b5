"""/healthz: 200 when the database answers at the newest schema; 503 and why otherwise."""

from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from livinglab import db, settings
from livinglab.web.feeds import feeds
from tests.services import postgres_server


def test_health_names_the_schema_when_the_database_is_current(database_url):
    answer = TestClient(feeds).get("/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"database": "ok", "schema": db.schema_revisions()[-1]}


def test_health_is_503_on_an_old_schema(database_url):
    older = db.schema_revisions()[-2]
    with db.engine().begin() as connection:
        connection.execute(text(f"UPDATE alembic_version SET version_num = '{older}'"))
    answer = TestClient(feeds).get("/healthz")
    assert answer.status_code == 503
    assert answer.json()["schema"] == older
    assert "migrate" in answer.json()["reason"]


def test_health_is_503_when_postgresql_stops(monkeypatch):
    with postgres_server() as server_url:
        admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE watched"))
        admin.dispose()
        url = server_url.rsplit("/", 1)[0] + "/watched"
        db.migrate(url)
        monkeypatch.setattr(settings, "DATABASE_URL", url)
        db.engine.cache_clear()
        client = TestClient(feeds)
        assert client.get("/healthz").status_code == 200
    try:
        answer = client.get("/healthz")  # the server is stopped now
    finally:
        db.engine().dispose()
        db.engine.cache_clear()
    assert answer.status_code == 503
    assert answer.json() == {"database": "down", "reason": "the database does not answer"}
