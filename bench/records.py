"""Search in the records library with 200 closed workshops: how long one search takes.

    python -m bench.records
    DATABASE_URL=postgresql://user@host:5432/scratch python -m bench.records

Builds 200 closed workshops (about 40 stories, 6 themes, 3 proposals with decisions and 2
actions each, some followed up; four in five in Dutch) in a temporary SQLite file, and with
DATABASE_URL (an empty PostgreSQL database) there as well, always the same ones (fixed
seed). Then runs 30 searches, varied words with and without filters, each in its own
session as the records page does, and prints the median and p95. Target: 300 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlmodel import Session

from bench.room import percentile
from livinglab import db, settings
from livinglab.limits import SEARCH_HITS_SHOWN
from livinglab.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    Decision,
    Insight,
    Outcome,
    Participant,
    Proposal,
    Stage,
    StageChange,
    Theme,
    Workshop,
)
from livinglab.records import search

WORKSHOPS = 200
STORIES = 40
THEMES = 6
PROPOSALS = 3
ACTIONS = 2
SEARCHES = 30
TARGET_MS = 300
KEY = "bench-records-key"
SEED = 15

WORDS = {
    "nl": {
        "subjects": (
            "De brief van de gemeente",
            "Het loket",
            "Mijn klantmanager",
            "De schuldhulp",
            "Het formulier voor de toeslag",
            "De bus naar het werk",
            "Een vrijwilliger uit de buurt",
            "De wachttijd bij het wijkteam",
            "Mijn uitkering",
            "De kinderopvang",
        ),
        "predicates": (
            "was moeilijk te begrijpen, ik heb er drie keer over gebeld",
            "hielp echt, omdat ze naar mij luisterde en niet naar mijn dossier",
            "kostte me weken, en intussen liepen de schulden op",
            "kwam pas na de afspraak, toen was het te laat",
            "maakte dat ik durfde te solliciteren",
            "rijdt niet op zaterdag, dus de vroege dienst lukt niet",
            "gaf me eindelijk een vast aanspreekpunt",
        ),
        "themes": (
            "Brieven en regels",
            "Schulden",
            "Vervoer",
            "Begeleiding",
            "Kinderopvang",
            "Wachttijden",
            "Taal",
            "Werkgevers",
        ),
        "proposals": (
            "Eén vast aanspreekpunt voor werk en inkomen",
            "Brieven in eenvoudige taal, getest door inwoners",
            "Een pendelbus naar het bedrijventerrein",
            "Rekenhulp vooraf: wat houd je over als je gaat werken?",
        ),
        "rationale": "Breed gedragen door inwoners en professionals",
        "actions": ("Plan maken met de wijkteams", "Brieven herschrijven", "Pilot starten"),
        "notes": ("De nieuwe brief is vanaf 1 maart in gebruik", "Eerste gesprekken gevoerd"),
    },
    "en": {
        "subjects": (
            "The letter from the council",
            "The help desk",
            "My job coach",
            "The debt advice",
            "The benefit form",
            "The bus to work",
        ),
        "predicates": (
            "was hard to understand, I called three times",
            "really helped because she listened to me",
            "took weeks while my debts grew",
            "made me dare to apply for jobs",
        ),
        "themes": ("Letters and rules", "Debts", "Transport", "Support", "Childcare", "Waiting"),
        "proposals": (
            "One contact person for work and income",
            "Letters in plain language",
            "A shuttle bus to the business park",
        ),
        "rationale": "Supported by residents and professionals alike",
        "actions": ("Draft a plan with the teams", "Rewrite the letters"),
        "notes": ("The new letter is in use from March", "First talks held"),
    },
}
PLACES = ("Houten", "Utrecht", "Súdwest-Fryslân", "Zeist", "Nieuwegein", "Amersfoort")
ORGANISERS = ("Gemeente {place}", "Gemeente {place}, Stichting Werk", "Wijkteam {place}")
#: What people search for: one word, two words, a word in another form, a rare word.
QUERIES = (
    "schulden",
    "brief gemeente",
    "wachttijd",
    "klantmanager",
    "aanspreekpunt",
    "pendelbus",
    "debts",
    "letter council",
    "solliciteren",
    "kinderopvang",
)
FILTERS = (
    {},
    {"place": "houten"},
    {"since": date(2026, 1, 1), "until": date(2026, 6, 30)},
    {"outcome": Outcome.ADOPTED.value},
    {"action_status": ActionStatus.DONE.value},
    {"organiser": "stichting werk", "outcome": Outcome.NOT_ADOPTED.value},
)


def build(session: Session, rng: random.Random) -> None:
    """The same 200 closed workshops every time, written as rows, then indexed."""
    start = datetime(2025, 1, 6, 9, tzinfo=UTC)
    for number in range(WORKSHOPS):
        language = "en" if number % 5 == 4 else "nl"
        words = WORDS[language]
        place = PLACES[number % len(PLACES)]
        day = start + timedelta(days=number * 3)
        workshop = Workshop(
            code=f"B{number:06d}",
            title=f"{rng.choice(words['themes'])} in {place}",
            question="Wat moet er beter?",
            place=place,
            organisers=rng.choice(ORGANISERS).format(place=place),
            language=language,
            facilitator_key_hash="bench",
            stage=Stage.CLOSED,
            created_at=day,
        )
        session.add(workshop)
        session.flush()
        session.add(StageChange(workshop_id=workshop.id, stage=Stage.CLOSED, changed_at=day))
        people = [
            Participant(workshop_id=workshop.id, token_hash=f"b{number}-{p}", role="resident")
            for p in range(10)
        ]
        themes = [
            Theme(workshop_id=workshop.id, name=name)
            for name in rng.sample(words["themes"], THEMES)
        ]
        session.add_all([*people, *themes])
        session.flush()
        session.add_all(
            Insight(
                workshop_id=workshop.id,
                participant_id=people[story % len(people)].id,
                client_ref=str(story),
                text=f"{rng.choice(words['subjects'])} {rng.choice(words['predicates'])}.",
                hidden=story % 17 == 0,
                theme_id=themes[story % THEMES].id,
            )
            for story in range(STORIES)
        )
        proposals = [
            Proposal(workshop_id=workshop.id, theme_id=themes[p].id, text=text)
            for p, text in enumerate(rng.sample(words["proposals"], PROPOSALS))
        ]
        session.add_all(proposals)
        session.flush()
        decisions = [
            Decision(
                proposal_id=proposal.id,
                outcome=rng.choice(tuple(Outcome)),
                rationale=words["rationale"],
            )
            for proposal in proposals
        ]
        session.add_all(decisions)
        session.flush()
        actions = [
            Action(decision_id=decisions[0].id, what=what, owner="Team Werk")
            for what in rng.sample(words["actions"], ACTIONS)
        ]
        session.add_all(actions)
        session.flush()
        for action in actions:
            if rng.random() < 0.5:
                session.add(
                    ActionUpdate(
                        action_id=action.id,
                        status=rng.choice(tuple(ActionStatus)),
                        note=rng.choice(words["notes"]),
                        made_at=day + timedelta(days=30),
                    )
                )
        session.flush()
        search.index_workshop(session, workshop)
    session.commit()


def measure(url: str) -> list[float]:
    """Milliseconds per search, for the 30 searches, against a freshly built database."""
    db.migrate(url)
    engine = db.make_engine(url)
    with Session(engine, expire_on_commit=False) as session:
        started = time.perf_counter()
        build(session, random.Random(SEED))
        print(f"  built and indexed {WORKSHOPS} workshops in {time.perf_counter() - started:.1f} s")
    times, hits, more = [], [], 0
    for number in range(SEARCHES):
        query, filters = QUERIES[number % len(QUERIES)], FILTERS[number % len(FILTERS)]
        with Session(engine) as session:
            started = time.perf_counter()
            found = search.find(session=session, credential=KEY, query=query, **filters)
            times.append((time.perf_counter() - started) * 1000)
        hits.append(len(found.hits))
        more += found.more
    engine.dispose()
    print(
        f"  hits per search: {min(hits)}..{max(hits)} (at most {SEARCH_HITS_SHOWN} shown;"
        f" more than that for {more} of {SEARCHES})"
    )
    return times


def report(name: str, times: list[float]) -> None:
    median, p95 = statistics.median(times), percentile(times, 0.95)
    verdict = "met" if p95 <= TARGET_MS else "NOT met"
    print(
        f"  {name}: median {median:.1f} ms, p95 {p95:.1f} ms, slowest {max(times):.1f} ms"
        f" (target {TARGET_MS} ms: {verdict})"
    )


def main() -> None:
    settings.RECORDS_KEY = KEY
    postgres = os.environ.get("DATABASE_URL", "")
    with tempfile.TemporaryDirectory() as folder:
        print(f"# bench.records: {WORKSHOPS} closed workshops, {SEARCHES} searches")
        print("SQLite (FTS5):")
        report("sqlite", measure(f"sqlite:///{Path(folder) / 'records.db'}"))
    if postgres.startswith("postgresql"):
        print("PostgreSQL (tsvector):")
        report("postgresql", measure(postgres))


if __name__ == "__main__":
    main()
