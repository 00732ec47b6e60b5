"""Several workers over PostgreSQL and Redis: one room, phones on different workers."""

import os
from collections.abc import Iterator

import psutil
import pytest
from playwright.sync_api import expect
from sqlalchemy import text

from .room import PUSH_TIMEOUT, cards_with_text, create_workshop, join, move_to, post
from .server import AppServer

WORKERS = 2


@pytest.fixture(scope="module")
def scaled_server(postgres_template, redis_url, tmp_path_factory) -> Iterator[AppServer]:
    """The app as a big event runs it: PostgreSQL, Redis, two worker processes."""
    server_url, admin = postgres_template
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE e2e_scaled TEMPLATE livinglab_template"))
    server = AppServer(
        log_path=tmp_path_factory.mktemp("scaled") / "server.log",
        env={
            "DATABASE_URL": server_url.rsplit("/", 1)[0] + "/e2e_scaled",
            "REFLEX_REDIS_URL": redis_url,
            "GRANIAN_WORKERS": str(WORKERS),
        },
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()


def workers_with_sockets(server: AppServer) -> dict[int, int]:
    """Open websocket connections per process of the app, read from the kernel."""
    group = os.getpgid(server.process.pid)
    counts: dict[int, int] = {}
    for process in psutil.process_iter(["pid"]):
        try:
            if os.getpgid(process.pid) != group:
                continue
            held = [
                c
                for c in process.net_connections(kind="tcp")
                if c.status == psutil.CONN_ESTABLISHED and c.laddr.port == server.port
            ]
        except (psutil.Error, ProcessLookupError):
            continue
        if held:
            counts[process.pid] = len(held)
    return counts


def test_one_room_across_two_workers(people, scaled_server):
    room = create_workshop(people.facilitator(), scaled_server.base_url)
    join_url = f"{scaled_server.public_url}/j/{room.code}"
    phones = []
    for _ in range(6):
        phone = people.phone().new_page()
        join(phone, join_url, role="resident")
        phones.append(phone)
    spread = workers_with_sockets(scaled_server)
    assert len(spread) == WORKERS, f"sockets per worker process: {spread}"

    move_to(room.console, "collect")
    for number, phone in enumerate(phones):
        post(phone, f"Verhaal {number} via een andere werker")
    for number in range(len(phones)):
        expect(
            cards_with_text(room.projector, f"Verhaal {number} via een andere werker")
        ).to_have_count(1, timeout=PUSH_TIMEOUT)
    move_to(room.console, "sensemaking")
    for phone in phones:
        expect(phone.get_by_test_id("stage-current")).to_have_attribute(
            "data-stage", "sensemaking", timeout=PUSH_TIMEOUT
        )
    phones[0].reload()
    expect(cards_with_text(phones[0], "Verhaal 0 via een andere werker")).to_have_count(1)
