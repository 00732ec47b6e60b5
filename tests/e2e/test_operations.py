"""What an operator watches during an event, on the running app: /healthz and /metrics move
while a phone joins and posts in Chromium, and /metrics stays shut without its token."""

import json
import re
import urllib.error
import urllib.request

from .room import create_workshop, join, move_to, post
from .server import METRICS_TOKEN


def _get(url: str, token: str = "") -> tuple[int, str]:
    request = urllib.request.Request(
        url, headers={"Authorization": f"Bearer {token}"} if token else {}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refusal:
        return refusal.code, refusal.read().decode()


def _value(metrics: str, name: str, **labels: str) -> float:
    """The sample of `name` with exactly these labels (0 when absent)."""
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in metrics.splitlines():
        match = re.fullmatch(rf"{name}(?:\{{(.*)\}})? (\S+)", line)
        if match and ",".join(sorted((match.group(1) or "").split(","))) == wanted:
            return float(match.group(2))
    return 0.0


def test_health_and_metrics_during_a_posting_phone(people, app_server):
    status, body = _get(app_server.base_url + "/healthz")
    assert status == 200 and json.loads(body)["database"] == "ok"
    assert _get(app_server.base_url + "/metrics")[0] in (403, 404)
    assert _get(app_server.base_url + "/metrics", "wrong")[0] == 403

    room = create_workshop(people.facilitator(), app_server.base_url)
    phone = people.phone().new_page()
    join(phone, f"{app_server.public_url}/j/{room.code}")
    move_to(room.console, "collect")
    status, before = _get(app_server.base_url + "/metrics", METRICS_TOKEN)
    assert status == 200
    post(phone, "De bus rijdt te laat voor de vroege dienst")
    _status, after = _get(app_server.base_url + "/metrics", METRICS_TOKEN)
    posted = {"call": "post_insight", "outcome": "done"}
    assert _value(after, "livinglab_events_total", **posted) == (
        _value(before, "livinglab_events_total", **posted) + 1
    )
    assert _value(after, "livinglab_connected_screens", kind="phone") >= 1
    assert _value(after, "livinglab_connected_screens", kind="facilitator") >= 1
    assert _value(after, "livinglab_push_latency_seconds_count") > 0
