"""/metrics: off without a token or address list; its figures move as the room is used."""

from prometheus_client.parser import text_string_to_metric_families
from starlette.testclient import TestClient

from livinglab import settings
from livinglab.web.feeds import feeds
from tests.state.conftest import advance, console, joined_phone, run

TOKEN = "scrape-me-4b1d"


def scraped(client: TestClient) -> dict[tuple[str, tuple], float]:
    answer = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def test_metrics_are_not_served_without_a_token_or_an_allowed_address(monkeypatch):
    client = TestClient(feeds)
    assert client.get("/metrics").status_code == 404
    monkeypatch.setattr(settings, "METRICS_TOKEN", TOKEN)
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", headers={"Authorization": "Bearer guess"}).status_code == 403
    monkeypatch.setattr(settings, "METRICS_TOKEN", "")
    monkeypatch.setattr(settings, "METRICS_ALLOW", ("10.0.0.9",))
    assert client.get("/metrics").status_code == 403
    monkeypatch.setattr(settings, "METRICS_ALLOW", ("10.0.0.9", "testclient"))
    assert client.get("/metrics").status_code == 200  # TestClient's own address


def test_events_screens_and_writer_wait_move_when_a_phone_posts(created, database_url, monkeypatch):
    monkeypatch.setattr(settings, "METRICS_TOKEN", TOKEN)
    client = TestClient(feeds)
    posted = ("livinglab_events_total", (("call", "post_insight"), ("outcome", "done")))
    refused = ("livinglab_events_total", (("call", "post_insight"), ("outcome", "refused")))
    writes = ("livinglab_sqlite_writer_wait_seconds_count", ())
    before = scraped(client)
    advance(console(*created))  # to the collect stage
    sam = joined_phone(created[0])
    run(sam.post_insight({"text": "De bus rijdt te laat", "ref": "r1"}))
    run(sam.post_insight({"text": "", "ref": "r2"}))  # refused: empty
    after = scraped(client)
    assert after[posted] == before.get(posted, 0) + 1
    assert after[refused] == before.get(refused, 0) + 1
    assert after[("livinglab_connected_screens", (("kind", "phone"),))] == 1
    assert after[("livinglab_connected_screens", (("kind", "facilitator"),))] == 1
    assert after[("livinglab_open_rooms", ())] == 1
    if database_url.startswith("sqlite"):
        assert after[writes] > before.get(writes, 0)
