"""Faults a venue throws at the room: phones dropping off the network, a killed backend.

Chromium's offline emulation closes the phone's websocket and fails every reconnect, as a
phone walking out of Wi-Fi does. What was committed is read from the server's own database.
"""

import sqlite3
import threading
import time
from contextlib import closing

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .room import PUSH_TIMEOUT, cards_with_text, create_workshop, join, make_theme, move_to, post
from .server import SOCKET_INTERVAL_SECONDS, SOCKET_TIMEOUT_SECONDS, AppServer

#: How long after the server is back a phone must show the right state.
BACK_TIMEOUT = 3_000
#: What Chromium adds when a phone's network is back: after many failed websockets (Reflex
#: retries every 2 s while offline) it holds the next one back by a random 1-5 s
#: (services/network/websocket_throttler.cc), before the phone can even ask the server.
BROWSER_HOLDS_BACK = 5_000


def stored(server: AppServer, query: str, *args) -> list[tuple]:
    """Rows from the server's SQLite database, read beside the running app."""
    with closing(sqlite3.connect(server.workdir / "e2e.db", timeout=10)) as connection:
        return connection.execute(query, args).fetchall()


def participants(server: AppServer, code: str) -> int:
    return stored(
        server,
        "SELECT count(*) FROM participant JOIN workshop ON workshop.id = workshop_id"
        " WHERE workshop.code = ?",
        code,
    )[0][0]


def dots_by_participant(server: AppServer, code: str) -> dict[int, int]:
    rows = stored(
        server,
        "SELECT vote.participant_id, count(*) FROM vote"
        " JOIN voteround ON voteround.id = vote.round_id"
        " JOIN workshop ON workshop.id = voteround.workshop_id"
        " WHERE workshop.code = ? GROUP BY vote.participant_id",
        code,
    )
    return dict(rows)


def participant_cookie(context: BrowserContext) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "livinglab_participant")


def add_dot(phone: Page, theme: str) -> None:
    phone.get_by_test_id("ballot-item").filter(has_text=theme).get_by_test_id("dot-add").click()


def open_round_on(console: Page, themes: tuple[str, ...], dots: int) -> None:
    for name in themes:
        make_theme(console, name)
        expect(
            console.locator(f'[data-testid="theme-column"][data-theme-name="{name}"]')
        ).to_have_count(1, timeout=PUSH_TIMEOUT)
    console.get_by_test_id("round-dots").fill(str(dots))
    console.get_by_test_id("round-open").click()


def test_a_story_sent_offline_says_not_sent_and_arrives_once_when_back(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    context = people.phone()
    phone = context.new_page()
    join(phone, f"{app_server.public_url}/j/{room.code}")
    move_to(room.console, "collect")
    expect(phone.get_by_test_id("insight-text")).to_be_visible(timeout=PUSH_TIMEOUT)
    post(phone, "Verhaal van voor de storing")

    context.set_offline(True)
    story = "Verteld in de kelder zonder bereik"
    phone.get_by_test_id("insight-text").fill(story)
    phone.get_by_test_id("insight-submit").click()
    expect(phone.get_by_test_id("insight-waiting")).to_be_visible()
    expect(phone.get_by_test_id("offline-banner")).to_be_visible(timeout=PUSH_TIMEOUT)
    expect(phone.get_by_test_id("insight-text")).to_have_value(story)  # nothing thrown away
    time.sleep(8)
    assert cards_with_text(room.projector, story).count() == 0

    context.set_offline(False)
    expect(cards_with_text(phone, story)).to_have_count(1, timeout=PUSH_TIMEOUT)
    expect(phone.get_by_test_id("insight-waiting")).to_be_hidden()
    expect(phone.get_by_test_id("offline-banner")).to_have_count(0)
    expect(phone.get_by_test_id("insight-text")).to_have_value("")
    expect(cards_with_text(room.projector, story)).to_have_count(1, timeout=PUSH_TIMEOUT)
    time.sleep(2)  # a second copy (the queued event and the resend) would show by now
    texts = [text for (text,) in stored(app_server, "SELECT text FROM insight")]
    assert texts.count(story) == 1
    assert cards_with_text(phone, "Verhaal van voor de storing").count() == 1


def test_phones_off_the_network_for_5_30_and_50_s_come_back_as_themselves(people, app_server):
    """Offline together, back one by one: the second past a ping, the last one past the
    point where the server gives a silent socket up."""
    room = create_workshop(people.facilitator(), app_server.base_url)
    join_url = f"{app_server.public_url}/j/{room.code}"
    away_for = (5, 30, SOCKET_INTERVAL_SECONDS + SOCKET_TIMEOUT_SECONDS + 15)
    contexts = [people.phone() for _ in away_for]
    phones = [context.new_page() for context in contexts]
    for phone in phones:
        join(phone, join_url)
    move_to(room.console, "collect")
    for number, phone in enumerate(phones):
        post(phone, f"Verhaal {number} voor het wegvallen")
    move_to(room.console, "sensemaking")
    open_round_on(room.console, ("Vervoer", "Schulden"), dots=3)
    for phone in phones:
        expect(phone.get_by_test_id("dots-left")).to_have_text("3", timeout=PUSH_TIMEOUT)
        add_dot(phone, "Vervoer")
        expect(phone.get_by_test_id("dots-left")).to_have_text("2", timeout=PUSH_TIMEOUT)
    identities = [participant_cookie(context) for context in contexts]

    gone_at = time.monotonic()
    for context, phone in zip(contexts, phones, strict=True):
        context.set_offline(True)
        add_dot(phone, "Schulden")  # tapped without a connection: waits in the phone
    room.console.get_by_test_id("prompt-input").fill("Kies wat het zwaarst weegt")
    room.console.get_by_test_id("prompt-save").click()

    for seconds, context, phone, identity, number in zip(
        away_for, contexts, phones, identities, range(len(phones)), strict=True
    ):
        time.sleep(max(0.0, gone_at + seconds - time.monotonic()))
        context.set_offline(False)
        expect(phone.get_by_test_id("stage-prompt")).to_have_text(
            "Kies wat het zwaarst weegt", timeout=BROWSER_HOLDS_BACK + BACK_TIMEOUT
        )
        expect(phone.get_by_test_id("dots-left")).to_have_text("1", timeout=PUSH_TIMEOUT)
        vervoer, schulden = (
            phone.get_by_test_id("ballot-item").filter(has_text=name).get_by_test_id("my-dots")
            for name in ("Vervoer", "Schulden")
        )
        expect(vervoer).to_contain_text("1")
        expect(schulden).to_contain_text("1")
        expect(cards_with_text(phone, f"Verhaal {number} voor het wegvallen")).to_have_count(1)
        assert participant_cookie(context) == identity

    assert participants(app_server, room.code) == len(phones)
    assert sorted(dots_by_participant(app_server, room.code).values()) == [2, 2, 2]
    expect(room.console.get_by_test_id("participant-count")).to_have_text(str(len(phones)))


@pytest.fixture(scope="module")
def fault_server(tmp_path_factory):
    """A server of its own: this module kills it."""
    server = AppServer(log_path=tmp_path_factory.mktemp("faults") / "server.log")
    try:
        yield server.start()
    finally:
        server.stop()


def votes(server: AppServer, code: str) -> list[tuple[int, int]]:
    """(vote id, participant id) of every committed vote in the workshop."""
    return stored(
        server,
        "SELECT vote.id, vote.participant_id FROM vote"
        " JOIN voteround ON voteround.id = vote.round_id"
        " JOIN workshop ON workshop.id = voteround.workshop_id WHERE workshop.code = ?",
        code,
    )


def test_backend_killed_in_a_vote_burst_loses_nothing_committed(people, fault_server):
    room = create_workshop(people.facilitator(), fault_server.base_url)
    join_url = f"{fault_server.public_url}/j/{room.code}"
    phones = []
    for _ in range(4):
        phone = people.phone().new_page()
        join(phone, join_url)
        phones.append(phone)
    move_to(room.console, "collect")
    for number, phone in enumerate(phones):
        post(phone, f"Verhaal {number} voor de stroomstoring")
    move_to(room.console, "sensemaking")
    themes = ("Vervoer", "Schulden", "Werk")
    budget, taps = 10, 8  # fewer taps than dots: a tap counted twice would show
    room.console.get_by_test_id("round-per-item").fill("4")
    open_round_on(room.console, themes, dots=budget)
    for phone in phones:
        expect(phone.get_by_test_id("dots-left")).to_have_text(str(budget), timeout=PUSH_TIMEOUT)
    joined = stored(
        fault_server,
        "SELECT participant.id FROM participant JOIN workshop ON workshop.id = workshop_id"
        " WHERE workshop.code = ? ORDER BY participant.id",
        room.code,
    )
    phone_of = dict(zip([p for (p,) in joined], phones, strict=True))  # joined in this order

    killer = threading.Timer(1.0, fault_server.crash)  # SIGKILL, mid-burst
    killer.start()
    for round_number in range(taps):
        for phone in phones:
            add_dot(phone, themes[round_number % len(themes)])
    killer.join()
    committed = votes(fault_server, room.code)
    assert committed, "the burst should have stored votes before the kill"
    for phone in phones:  # every phone noticed: it keeps trying to reconnect
        expect(phone.get_by_test_id("offline-banner")).to_be_visible(timeout=PUSH_TIMEOUT)

    fault_server.launch()
    deadline = time.monotonic() + BACK_TIMEOUT / 1000

    def dots_left_in_database() -> list[str]:
        counts = dict.fromkeys(phone_of, 0)
        for _vote, participant in votes(fault_server, room.code):
            counts[participant] += 1
        return [str(budget - counts[participant]) for participant in phone_of]

    def phones_show() -> list[str]:
        return [
            "offline"
            if phone.get_by_test_id("offline-banner").count()
            else phone.get_by_test_id("dots-left").text_content(timeout=1_000)
            for phone in phone_of.values()
        ]

    while phones_show() != dots_left_in_database():
        assert time.monotonic() < deadline, (
            f"3 s after the restart phones show {phones_show()}, "
            f"the database {dots_left_in_database()}"
        )
        time.sleep(0.1)
    time.sleep(2)  # taps queued while the server was down have arrived by now
    assert phones_show() == dots_left_in_database()

    after = votes(fault_server, room.code)
    assert set(committed) <= set(after), "a vote committed before the kill is gone"
    per_participant = [sum(1 for _, p in after if p == participant) for participant in phone_of]
    assert max(per_participant) <= taps, f"more dots than taps: {per_participant}"
    for number in range(len(phones)):
        expect(
            cards_with_text(room.projector, f"Verhaal {number} voor de stroomstoring")
        ).to_have_count(1, timeout=PUSH_TIMEOUT)
