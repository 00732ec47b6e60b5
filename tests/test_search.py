"""Search across closed workshops, on SQLite (FTS5) and PostgreSQL (tsvector)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, text
from sqlmodel import func, select

from livinglab import dialogue, insights, retention, sensemaking, settings
from livinglab import workshops as rooms
from livinglab.errors import (
    BadActionStatus,
    BadDate,
    BadDateRange,
    InvalidChoice,
    RecordsSwitchedOff,
    WrongRecordsKey,
)
from livinglab.limits import SEARCH_HITS_MAX
from livinglab.models import RecordVersion, SearchEntry, utcnow
from livinglab.records import followups, search, versions
from tests.conftest import join

KEY = "bibliotheek-sleutel-2027"


@pytest.fixture(autouse=True)
def records_key(monkeypatch):
    monkeypatch.setattr(settings, "RECORDS_KEY", KEY)


def workshop_with(
    session,
    stories: list[str],
    *,
    language: str = "nl",
    theme: str = "Geldzorgen",
    proposal: str = "Eén loket voor alle vragen",
    outcome: str = "adopted",
    rationale: str = "Breed gedragen",
    action: tuple[str, str] = ("Plan maken", "Team Werk"),
    place: str = "",
    organisers: str = "",
    close: bool = True,
):
    """A workshop taken through every stage by domain calls: its stories in one theme, one
    proposal decided with one action; closed unless `close` is False. Returns the workshop,
    its facilitator key and the action's id."""
    ws, key = rooms.create_workshop(
        session=session,
        title=f"Werkplaats {theme}",
        question="Wat moet er beter?",
        language=language,
        uses_names=False,
        place=place,
        organisers=organisers,
    )
    chair = {"session": session, "code": ws.code, "key": key}
    rooms.move_stage(**chair, step=1)
    _, token = join(session, ws.code)
    cards = [
        insights.post_insight(
            session=session, code=ws.code, token=token, text=story, client_ref=str(number)
        )
        for number, story in enumerate(stories)
    ]
    rooms.move_stage(**chair, step=1)
    made = sensemaking.create_theme(**chair, name=theme)
    for card in cards:
        sensemaking.move_insight(**chair, insight_id=card.id, theme_id=made.id)
    rooms.move_stage(**chair, step=1)
    proposed = dialogue.add_proposal(**chair, text=proposal, theme_id=made.id)
    decision = dialogue.decide(
        **chair, proposal_id=proposed.id, outcome=outcome, rationale=rationale
    )
    what, owner = action
    made_action = dialogue.add_action(
        **chair, decision_id=decision.id, what=what, owner=owner, due=""
    )
    if close:
        rooms.move_stage(**chair, step=1)
    session.commit()
    return ws, key, made_action.id


def found(session, query: str, **filters) -> search.Found:
    return search.find(session=session, credential=KEY, query=query, **filters)


def find(session, query: str, **filters) -> list[search.Hit]:
    return found(session, query, **filters).hits


def marked(hit: search.Hit) -> list[str]:
    return [piece for piece, is_match in hit.parts if is_match]


def whole(hit: search.Hit) -> str:
    return "".join(piece for piece, _ in hit.parts)


def test_a_word_is_found_in_its_other_forms_in_the_workshops_language(session):
    workshop_with(session, ["Ik had een schuld bij de energieleverancier.", "De bus is te laat."])
    workshop_with(session, ["My debt grew every month.", "The bus is late."], language="en")
    (dutch,) = find(session, "schulden")
    assert (dutch.kind, whole(dutch)) == ("story", "Ik had een schuld bij de energieleverancier.")
    assert marked(dutch) == ["schuld"]
    (english,) = find(session, "Debts")
    assert whole(english) == "My debt grew every month." and marked(english) == ["debt"]
    assert english.day == utcnow().date().isoformat() and english.shown_code[3] == "-"


def test_a_story_with_the_word_twice_ranks_above_one_with_it_once(session):
    workshop_with(
        session,
        [
            "Door die schuld bij de gemeente sliep ik slecht, al maanden.",
            "Door die schuld bij de gemeente kwam er nog een schuld bij.",
        ],
    )
    first, second = find(session, "schulden")
    assert marked(first) == ["schuld", "schuld"] and marked(second) == ["schuld"]
    assert first.rank > second.rank


def test_themes_proposals_decisions_actions_and_follow_ups_are_found(session):
    _, _, action_id = workshop_with(
        session,
        ["Formulieren zijn lastig."],
        theme="Formulieren en regels",
        proposal="Formulieren in gewone taal",
        rationale="Formulieren kosten mensen te veel tijd",
        action=("Formulieren herschrijven", "Team Formulieren"),
    )
    followups.update_action(
        session=session,
        credential=KEY,
        action_id=action_id,
        status="in_progress",
        note="De nieuwe formulieren zijn vanaf 1 maart in gebruik",
    )
    session.commit()
    hits = find(session, "formulier")
    assert sorted(hit.kind for hit in hits) == sorted(search.SearchKind)
    (found_action,) = [hit for hit in hits if hit.kind == "action"]
    assert whole(found_action) == "Formulieren herschrijven — Team Formulieren"
    assert marked(found_action) == ["Formulieren", "Formulieren"]


def test_an_open_or_reopened_workshop_is_never_found(session):
    workshop_with(session, ["Het wachten op de uitkering duurt lang."], close=False)
    ws, key, _ = workshop_with(session, ["Wachten op de uitkering, weken lang."])
    assert [whole(hit) for hit in find(session, "uitkeringen")] == [
        "Wachten op de uitkering, weken lang."
    ]
    rooms.move_stage(session=session, code=ws.code, key=key, step=-1)
    session.commit()
    assert find(session, "uitkeringen") == []
    rooms.move_stage(session=session, code=ws.code, key=key, step=1)
    session.commit()
    assert len(find(session, "uitkeringen")) == 1


def test_a_word_finds_the_compounds_it_begins_after_the_whole_word(session):
    workshop_with(
        session,
        [
            "De schuldhulp belde pas na drie weken terug.",
            "Mijn schulden groeien.",
            "Schuldhulp, schuldhulpverlening en schuldeisers: alles tegelijk.",
            "De bus is te laat.",
        ],
    )
    hits = find(session, "schuld")
    assert [marked(hit) for hit in hits] == [
        ["schulden"],
        ["Schuldhulp", "schuldhulpverlening", "schuldeisers"],
        ["schuldhulp"],
    ]
    # Three compounds weigh more than one whole word, yet the whole word comes first.
    assert hits[0].rank < hits[1].rank
    # Every word must still be found, whole or by its beginning.
    assert [whole(hit) for hit in find(session, "schuld terug")] == [
        "De schuldhulp belde pas na drie weken terug."
    ]
    # "schulden" does not begin with "schuldhulp".
    assert [marked(hit) for hit in find(session, "schuldhulp")] == [
        ["Schuldhulp", "schuldhulpverlening"],
        ["schuldhulp"],
    ]


def test_english_words_find_their_longer_forms_too(session):
    workshop_with(
        session,
        ["The debtors wrote back.", "My debts grew every month.", "Debt."],
        language="en",
        theme="Money",
    )
    hits = find(session, "debt")
    assert sorted(marked(hit)[0] for hit in hits[:2]) == ["Debt", "debts"]
    assert marked(hits[2]) == ["debtors"]


def test_a_short_word_or_a_stopword_finds_only_itself(session):
    workshop_with(
        session,
        ["De busbaan is dicht.", "Het voorstel van de wijk.", "Een wijkagent kwam langs."],
        theme="Buurt",
        proposal="Eén loket",
    )
    assert find(session, "bus") == []  # three letters: no beginning of "busbaan"
    assert find(session, "voor") == []  # a stopword: no beginning of "voorstel"
    # Four letters: "wijk" finds "wijkagent" too, after the whole word.
    assert [marked(hit) for hit in find(session, "wijk")] == [["wijk"], ["wijkagent"]]


def test_more_says_there_are_hits_beyond_the_limit(session):
    workshop_with(session, ["Mijn schulden groeien.", "Schuld bij de gemeente.", "Schuldhulp."])
    workshop_with(session, ["Internet is duur.", "No internet at home."], language="en")
    # Three for "schuld" (two whole, one by its beginning).
    assert [len(found(session, "schuld", limit=n).hits) for n in (1, 2, 3, 4)] == [1, 2, 3, 3]
    assert [found(session, "schuld", limit=n).more for n in (1, 2, 3, 4)] == [
        True,
        True,
        False,
        False,
    ]
    # Counted across the languages: one Dutch, one English.
    assert (len(find(session, "internet", limit=1)), found(session, "internet", limit=1).more) == (
        1,
        True,
    )
    assert found(session, "internet", limit=2).more is False
    assert found(session, "", limit=1) == search.Found(hits=[], more=False)
    assert found(session, "schuld").more is False  # the page's limit, from limits.py
    with pytest.raises(InvalidChoice):
        found(session, "schuld", limit=SEARCH_HITS_MAX + 1)


def test_every_filter_narrows_the_hits(session):
    early, _, _ = workshop_with(
        session,
        ["Huur betalen lukt niet meer."],
        place="Súdwest-Fryslân",
        organisers="Gemeente Súdwest-Fryslân",
        outcome="not_adopted",
    )
    _, _, late_action = workshop_with(
        session,
        ["De huur is te hoog."],
        place="Houten",
        organisers="Gemeente Houten, Stichting Werk",
        outcome="adopted",
    )
    early.created_at = datetime(2026, 3, 10, 9, tzinfo=UTC)
    session.add(early)
    followups.update_action(session=session, credential=KEY, action_id=late_action, status="done")
    session.commit()

    def places(**filters) -> set[str]:
        return {hit.place for hit in find(session, "huur", **filters)}

    assert places() == {"Súdwest-Fryslân", "Houten"}
    assert places(place="SÚDWEST") == {"Súdwest-Fryslân"}
    assert places(organiser="stichting werk") == {"Houten"}
    assert places(place="houten", organiser="Súdwest") == set()
    assert places(since=date(2026, 3, 10), until=date(2026, 3, 10)) == {"Súdwest-Fryslân"}
    assert places(since=date(2026, 3, 11)) == {"Houten"}
    assert places(until=date(2026, 3, 9)) == set()
    assert places(outcome="not_adopted") == {"Súdwest-Fryslân"}
    assert places(outcome="needs_more_work") == set()
    assert places(action_status="done") == {"Houten"}
    assert places(action_status="planned") == {"Súdwest-Fryslân"}
    with pytest.raises(InvalidChoice):
        places(outcome="'; DROP TABLE workshop; --")
    with pytest.raises(BadActionStatus):
        places(action_status="finished")
    # As a date field sends them: typed days, or empty; an end before the start is refused.
    assert places(since="2026-03-10", until="2026-03-10") == {"Súdwest-Fryslân"}
    assert places(since="", until="") == {"Súdwest-Fryslân", "Houten"}
    with pytest.raises(BadDateRange):
        places(since="2026-03-11", until="2026-03-10")
    with pytest.raises(BadDate):
        places(since="10-03-2026")


def test_a_purged_workshops_stories_are_no_longer_found(session):
    ws, _, _ = workshop_with(session, ["Mijn schulden groeien."], theme="Schulden")
    retention.purge_workshop(session=session, code=ws.code, now=utcnow() + timedelta(days=400))
    session.commit()
    assert [hit.kind for hit in find(session, "schuld")] == ["theme"]


def test_a_wrong_credential_is_refused(session, monkeypatch):
    workshop_with(session, ["Geheim verhaal"])
    with pytest.raises(WrongRecordsKey):
        search.find(session=session, credential=KEY + "x", query="verhaal")
    with pytest.raises(WrongRecordsKey):
        search.recurring_themes(session=session, credential="")
    monkeypatch.setattr(settings, "RECORDS_KEY", "")
    with pytest.raises(RecordsSwitchedOff):
        search.find(session=session, credential=KEY, query="verhaal")


HOSTILE_QUERIES = [
    '"schulden',
    'schulden"',
    '""',
    "schuld*",
    "*",
    "-schulden",
    "schulden NEAR brief",
    "NEAR(schulden brief, 2)",
    "schulden AND OR NOT",
    "stems: schulden",
    "{stems}: schulden",
    "^schulden",
    "schulden'); DROP TABLE searchentry; --",
    "' OR 1=1 --",
    "schulden & | ! <-> :*",
    "\x00schulden\x00",
    "\ud800 schulden",
    "😩 schulden",
    "schulden " * 300,
    "",
    "   ",
    "schuld:*",
    "schulden:A",
    "a & b",
    "schulden & brief",
    "schulden | nergens",
    "!schulden",
    "!",
    "(",
    "schulden)",
    "(schulden",
    "schulden' | 'x",
    "schulden\\",
    "schulden <2> brief",
    "😩",
    "חובות schulden",
    "ديون",
    "schuld\u200fen",
]


def test_whatever_is_typed_gives_hits_or_none_never_an_error(session):
    workshop_with(session, ["Mijn schulden groeien, de brief kwam te laat."])
    for query in HOSTILE_QUERIES:
        hits = find(session, query)
        assert all("schulden" in marked(hit) for hit in hits), query
    assert len(find(session, '"schulden')) == 1
    # Operators are words like any other: every one must be in the text.
    assert len(find(session, "schulden -brief")) == 1
    assert find(session, "NEAR(schulden brief, 2)") == []
    assert find(session, "' OR 1=1 --") == []
    assert len(find(session, "schuld:*")) == 1  # a star typed is a word's end, not a search
    assert find(session, "schulden | nergens") == []  # | is no OR: "nergens" must be there
    assert session.exec(select(func.count()).select_from(SearchEntry)).one() == 5


def test_indexing_again_changes_nothing_and_a_deleted_workshop_leaves_the_index(session):
    ws, key, _ = workshop_with(session, ["Mijn schulden groeien."])
    entries = session.exec(select(func.count()).select_from(SearchEntry)).one()
    search.index_workshop(session, ws)
    search.index_workshop(session, ws)
    session.commit()
    assert session.exec(select(func.count()).select_from(SearchEntry)).one() == entries == 5
    assert len(find(session, "schuld")) == 1
    # Closed before records were sealed (an upgrade): `python -m livinglab migrate` seals
    # it, and the search follows the new version in the same commit.
    session.exec(delete(SearchEntry))
    session.exec(delete(RecordVersion))
    assert find(session, "schuld") == []
    assert versions.seal_unsealed(session) == 1
    session.commit()
    assert versions.seal_unsealed(session) == 0
    assert len(find(session, "schuld")) == 1
    retention.delete_workshop(session=session, code=ws.code, key=key, typed_code=ws.code)
    session.commit()
    assert find(session, "schuld") == []
    if session.get_bind().dialect.name == "sqlite":
        # FTS5 checks its index against the rows it was made from; it raises when they differ.
        session.exec(text("INSERT INTO searchindex(searchindex) VALUES ('integrity-check')"))


def test_themes_that_came_back_in_several_workshops(session):
    workshop_with(session, ["a"], theme="Schulden")
    workshop_with(session, ["b"], theme="Schuld en armoede")
    workshop_with(session, ["c"], theme="Vervoer naar werk")
    workshop_with(session, ["d"], theme="Debts", language="en")
    workshop_with(session, ["e"], theme="Schulden", close=False)
    (recurring,) = search.recurring_themes(session=session, credential=KEY)
    assert recurring.label == "schuld"
    assert [name for _, _, name in recurring.workshops] == ["Schulden", "Schuld en armoede"]
    assert len(search.recurring_themes(session=session, credential=KEY, min_workshops=3)) == 0
