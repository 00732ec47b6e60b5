"""The decision log of a big workshop: how long the PDF takes, and whether the room notices.

    python -m bench.decision_log
    python -m bench.decision_log --url http://127.0.0.1:3100 \\
        --database-url sqlite:////tmp/benchapp/data/bench.db --phones 50

The first form builds a workshop of 500 insights, 30 themes and 20 decisions in a temporary
SQLite file and times the record, the HTML and the PDF. With `--url` (a running server) and
the server's `--database-url`, that workshop is written into the server's database; a room
of phones then posts at a steady rate while nobody exports ("quiet") and while the console
of the big workshop downloads its PDF over and over ("exporting"), as the facilitator's
button does. post->projector latency of the two phases is compared.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, create_engine

from bench.room import (
    FACILITATOR_STATE,
    Browser,
    Bundle,
    Phone,
    Room,
    Tab,
    latency_line,
    now,
    percentile,
    phone_address,
)
from livinglab import db, dialogue, insights, sensemaking, settings, voting, workshops
from livinglab.export.pdf import render_html, render_pdf
from livinglab.records.record import build_record

DOWNLOAD = f"{FACILITATOR_STATE}.download"
ROLES = ("resident", "professional", "civil_servant", "employer", "other")
#: Words the made-up stories are built from: varied enough for real line breaking.
SUBJECTS = (
    "De brief van de gemeente",
    "Het loket",
    "Mijn klantmanager",
    "De schuldhulp",
    "Het formulier voor de toeslag",
    "De bus naar het werk",
    "Een vrijwilliger uit de buurt",
    "De wachttijd bij het wijkteam",
)
PREDICATES = (
    "was moeilijk te begrijpen, ik heb er drie keer over gebeld",
    "hielp echt, omdat ze naar mij luisterde en niet naar mijn dossier",
    "kostte me weken, en intussen liepen de rekeningen op",
    "gaf me vertrouwen om opnieuw te solliciteren",
    "maakte dat ik me schaamde om hulp te vragen",
    "werkte pas toen iemand met mij meeging",
)


@dataclass
class BigWorkshop:
    code: str
    key: str


def seed(database_url: str, *, stories: int = 500, themes: int = 30, decisions: int = 20):
    """A closed-to-be workshop as big as the issue asks, made through the domain's own rules.

    Its people post their stories within a second: the pause between one person's stories
    (settings.SECONDS_BETWEEN_STORIES) is for phones, not for this seed.
    """
    settings.SECONDS_BETWEEN_STORIES = 0
    engine = create_engine(database_url)
    with Session(engine, expire_on_commit=False) as session:
        workshop, key = workshops.create_workshop(
            session=session,
            title="Werk en inkomen in Helmond (grote sessie)",
            question="Wat helpt mensen met schulden echt verder?",
            language="nl",
            uses_names=False,
        )
        code = workshop.code
        workshops.move_stage(session=session, code=code, key=key, step=1)
        people = [
            workshops.join(session=session, code=code, name="", role=ROLES[i % len(ROLES)])[1]
            for i in range(60)
        ]
        cards = [
            insights.post_insight(
                session=session,
                code=code,
                token=people[i % len(people)],
                text=f"{SUBJECTS[i % len(SUBJECTS)]} {PREDICATES[i % len(PREDICATES)]} ({i}).",
                client_ref=f"seed-{i}",
            )
            for i in range(stories)
        ]
        for card in cards[::25]:
            insights.set_hidden(
                session=session, code=code, key=key, insight_id=card.id, hidden=True
            )
        workshops.move_stage(session=session, code=code, key=key, step=1)
        made = [
            sensemaking.create_theme(session=session, code=code, key=key, name=f"Thema {n + 1}")
            for n in range(themes)
        ]
        for i, card in enumerate(cards):
            sensemaking.move_insight(
                session=session,
                code=code,
                key=key,
                insight_id=card.id,
                theme_id=made[i % themes].id,
            )
        voting.open_round(session=session, code=code, key=key)
        for i, token in enumerate(people):
            # Popular themes get more dots, so the chart has a shape to read.
            picks = [made[i % 4].id, made[4 + i % 9].id, made[13 + i % 17].id]
            voting.cast_votes(session=session, code=code, token=token, item_ids=picks)
        voting.close_round(session=session, code=code, key=key)
        voting.reveal_results(session=session, code=code, key=key)
        workshops.move_stage(session=session, code=code, key=key, step=1)
        for n in range(decisions):
            proposal = dialogue.add_proposal(
                session=session,
                code=code,
                key=key,
                text=f"Voorstel {n + 1}: één vast aanspreekpunt en brieven in eenvoudige taal",
                theme_id=made[n % themes].id,
            )
            dialogue.open_consent(session=session, code=code, key=key, proposal_id=proposal.id)
            for i, token in enumerate(people[:20]):
                answer = dialogue.ANSWERS[(i + n) % 3]
                reason = "Eerst de wachttijd oplossen" if answer == "object" else ""
                dialogue.answer_consent(
                    session=session, code=code, token=token, answer=answer, reason=reason
                )
            dialogue.close_consent(session=session, code=code, key=key)
            dialogue.reveal_consent(session=session, code=code, key=key)
            decision = dialogue.decide(
                session=session,
                code=code,
                key=key,
                proposal_id=proposal.id,
                outcome=dialogue.OUTCOMES[n % len(dialogue.OUTCOMES)],
                rationale="Breed gedragen; het bezwaar nemen we mee in de uitvoering.",
            )
            for step in range(2):
                dialogue.add_action(
                    session=session,
                    code=code,
                    key=key,
                    decision_id=decision.id,
                    what=f"Stap {step + 1} uitwerken met inwoners",
                    owner="Team Werk en Inkomen",
                    due="2027-03-01",
                )
        session.commit()
    engine.dispose()
    return BigWorkshop(code=code, key=key)


def time_rendering(database_url: str, big: BigWorkshop, repeats: int) -> float:
    """Record, HTML and PDF of the big workshop; returns the median PDF time."""
    engine = create_engine(database_url)
    with Session(engine) as session:
        started = time.perf_counter()
        record = build_record(
            session=session, workshop=workshops.find_workshop(session=session, code=big.code)
        )
        record_s = time.perf_counter() - started
    engine.dispose()
    started = time.perf_counter()
    render_html(record)
    html_s = time.perf_counter() - started
    pdf_times, size = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        size = len(render_pdf(record))
        pdf_times.append(time.perf_counter() - started)
    median = statistics.median(pdf_times)
    shown = sum(len(theme["insights"]) for theme in record["themes"]) + len(record["ungrouped"])
    print(
        f"# decision log: {shown} visible insights ({record['hidden_insights']} hidden), "
        f"{len(record['themes'])} themes, {len(record['proposals'])} decisions"
    )
    print(f"record (database -> dict) {record_s:.3f}s; HTML {html_s:.3f}s")
    print(
        f"PDF median {median:.2f}s over {repeats} (min {min(pdf_times):.2f}s, max "
        f"{max(pdf_times):.2f}s), {size / 1024:.0f} KB; target <= 3 s: ratio {median / 3:.2f}"
    )
    return median


async def keep_exporting(tab: Tab, until: float, durations: list[float]) -> None:
    """Press the console's PDF button again each time the last PDF arrived."""
    while now() < until:
        target = tab.downloads + 1
        started = now()
        await tab.emit(DOWNLOAD, {"file_format": "pdf"})
        await tab.until(lambda t, _, target=target: t.downloads >= target, timeout=120)
        durations.append(now() - started)


class ExportTab(Tab):
    """A console tab that counts the files the server handed it (`_download` events)."""

    downloads = 0
    largest = 0

    def _on_packet(self, packet, at, size) -> None:
        data = packet[1] if len(packet) > 1 else None
        events = data.get("events") or [] if isinstance(data, dict) else []
        if packet[0] == "event" and any(e.get("name") == "_download" for e in events):
            self.downloads += 1
            self.largest = max(self.largest, size)
        super()._on_packet(packet, at, size)


async def room_while_exporting(args: argparse.Namespace, big: BigWorkshop) -> None:
    bundle = Bundle.fetch(args.url.rstrip("/"))
    bundle.check()
    room_args = argparse.Namespace(
        url=args.url, phones=args.phones, language="nl", join_window=None, posts_per_s=2.0
    )
    room = Room(room_args, bundle)
    exporter = ExportTab(room.base_url, Browser(bundle), "export console")
    try:
        await room.create_workshop()
        await room.open_collect_stage()
        room.phones = [
            Phone(
                number,
                Tab(room.base_url, Browser(bundle, phone_address(number)), f"phone {number}"),
            )
            for number in range(args.phones)
        ]
        begin = now()
        await asyncio.gather(
            *(
                room.phone_life(phone, begin + number * 0.05, room.figures.join)
                for number, phone in enumerate(room.phones)
            )
        )
        await exporter.open(f"/f/{big.code}?key={big.key}", params={"room": big.code})
        await exporter.until(lambda t, _: t.get(FACILITATOR_STATE, "authorised") is True)
        await exporter.until(lambda t, _: "?" not in t.path and t.hydrated())

        await room.post_at_rate(args.posts_per_s, args.phase)
        await room.settle()
        quiet = list(room.figures.post_projector)
        durations: list[float] = []
        exporting = asyncio.create_task(keep_exporting(exporter, now() + args.phase, durations))
        await room.post_at_rate(args.posts_per_s, args.phase, first=len(room.posts))
        await exporting
        await room.settle()
        busy = room.figures.post_projector[len(quiet) :]
        print(f"# {args.phones} phones, {args.posts_per_s:g} posts/s, {args.phase:g}s per phase")
        print(latency_line("post->projector quiet", quiet))
        print(latency_line("post->projector while exporting", busy))
        print(latency_line("PDF button->file in the browser", durations))
        print(f"largest download message {exporter.largest / 1024:.0f} KB")
        if quiet and busy:
            print(
                f"post->projector p95 ratio exporting/quiet "
                f"{percentile(busy, 0.95) / percentile(quiet, 0.95):.2f}"
            )
        lost = [p for p in room.posts.values() if p.on_projector_at is None]
        print(f"posts sent {len(room.posts)}, never on the projector {len(lost)}")
    finally:
        await asyncio.gather(
            exporter.close(),
            room.console.close(),
            room.projector.close(),
            *(phone.tab.close() for phone in room.phones),
            return_exceptions=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.decision_log", description=__doc__)
    parser.add_argument("--repeats", type=int, default=3, help="PDF renders to take the median of")
    parser.add_argument("--url", help="a running server: also measure the room while exporting")
    parser.add_argument("--database-url", help="that server's DATABASE_URL (required with --url)")
    parser.add_argument("--phones", type=int, default=50)
    parser.add_argument("--posts-per-s", type=float, default=2.0)
    parser.add_argument("--phase", type=float, default=30.0, help="seconds per phase")
    args = parser.parse_args(argv)
    if args.url and not args.database_url:
        parser.error("--url needs --database-url (where the big workshop is written)")
    with tempfile.TemporaryDirectory() as folder:
        database_url = args.database_url or f"sqlite:///{Path(folder) / 'log.db'}"
        if not args.database_url:
            db.migrate(database_url)
        started = time.perf_counter()
        big = seed(database_url)
        print(f"seeded workshop {big.code} in {time.perf_counter() - started:.1f}s")
        time_rendering(database_url, big, args.repeats)
        if args.url:
            asyncio.run(room_while_exporting(args, big))
    return 0


if __name__ == "__main__":
    sys.exit(main())
