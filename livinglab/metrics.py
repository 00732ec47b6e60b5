"""What an operator watches during an event, for Prometheus: rooms, screens, events, pushes.

Counted where it happens (the hub, the view states, the SQLite writer queue, the export
process's caller); served at /metrics (livinglab/web/feeds.py) only when a token or an
address list is set. With several workers and PROMETHEUS_MULTIPROC_DIR set,
prometheus_client keeps each worker's values in files there and `exposition` adds them up.
"""

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

#: Gauges of several workers are summed over the workers that are alive.
_ACROSS_WORKERS = "livesum"

OPEN_ROOMS = Gauge(
    "livinglab_open_rooms",
    "Workshops with a screen watching them or a push on its way",
    multiprocess_mode=_ACROSS_WORKERS,
)
SCREENS = Gauge(
    "livinglab_connected_screens",
    "Screens receiving a workshop's updates, by kind (facilitator: console and projector)",
    ["kind"],
    multiprocess_mode=_ACROSS_WORKERS,
)
EVENTS = Counter(
    "livinglab_events",
    "Acts handled (one domain call each), by the call's name, done or refused",
    ["call", "outcome"],
)
PUSH_LATENCY = Histogram(
    "livinglab_push_latency_seconds",
    "From a change's announcement to its push reaching a screen's state",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10),
)
BATCH_SIZE = Histogram(
    "livinglab_push_batch_announcements",
    "Announcements gathered into one read-and-push batch of a room",
    buckets=(1, 2, 5, 10, 20, 50, 100, 250),
)
WRITER_WAIT = Histogram(
    "livinglab_sqlite_writer_wait_seconds",
    "How long a writing transaction waited for SQLite's one writer slot in this worker",
    buckets=(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 5, 10),
)
EXPORT_DURATION = Histogram(
    "livinglab_export_seconds",
    "Making a decision log file (reading and rendering), by format",
    ["format"],
    buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
)


def exposition() -> tuple[bytes, str]:
    """The current values in Prometheus's text format, and its content type."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
