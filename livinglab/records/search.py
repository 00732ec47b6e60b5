"""Search across closed workshops: stories, themes, proposals, decisions, actions, follow-ups.

Each closed workshop's texts are kept as `SearchEntry` rows (`index_workshop`) and found by
the database's own full-text search: SQLite's FTS5 ranked by bm25, PostgreSQL's tsvector in
the workshop's language ranked by ts_rank. FTS5 cannot stem Dutch, so the stems are made
here with the Snowball algorithms PostgreSQL uses too (Dutch Porter, English): "schulden"
finds "schuld" on both. A searched stem of `PREFIX_MIN` letters or more also finds the stems
it begins (FTS5's `"stem"*`, PostgreSQL's `:*`), so Dutch compounds are found by their first
part ("schuld" finds "schuldhulp", "debt" finds "debtor"); those hits come after the hits with
every word whole. Every word must be found (AND). A part inside or at the end of a compound
("hulp" in "schuldhulp") is not found: that would need the compounds split when the rows are
made, and PostgreSQL's document made from those parts. Which words a hit marks is worked
out here, the same on both. `find` says when there were more hits than it returns.

Only what the decision record shows is searched: visible stories (none after a purge), theme
names, proposals on the board, decisions' reasons, actions (what and who) and follow-up notes.
"""

import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

import snowballstemmer
from sqlalchemy import cast, column, delete, func, literal, literal_column, table, true
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlmodel import Session, select

from livinglab import validation
from livinglab.codes import format_code
from livinglab.errors import BadActionStatus, BadDateRange, InvalidChoice
from livinglab.limits import SEARCH_HITS_MAX, SEARCH_HITS_SHOWN, SEARCH_WORDS_MAX
from livinglab.models import (
    Action,
    ActionStatus,
    Decision,
    Language,
    Outcome,
    Proposal,
    SearchEntry,
    SearchKind,
    Theme,
    Workshop,
    as_utc,
)
from livinglab.records import followups
from livinglab.records.access import require_access
from livinglab.records.versions import sealed_record
from livinglab.suggester import STOPWORDS
from livinglab.workshops import closed_condition, is_closed

#: PostgreSQL's text search configuration per workshop language (migration 0011 names them too).
CONFIGURATIONS = {Language.NL: "dutch", Language.EN: "english"}
#: Snowball's name for the same stemmer: PostgreSQL's `dutch` is the Porter-style one.
_SNOWBALL = {Language.NL: "dutch_porter", Language.EN: "english"}
#: A word: letters and digits (a quote, a star, a dash or an operator is never part of one).
_WORD = re.compile(r"[^\W_]+")
#: SQLite's FTS5 index over `SearchEntry.stems` (made by migration 0011, not a model).
_FTS = table("searchindex", column("rowid"))
#: A searched stem this long also finds the stems it begins: "schuld" finds "schuldhulp" and
#: "schuldeiser", "debt" finds "debtor". Four letters keeps the short first parts of Dutch
#: compounds (geld, werk, zorg, taal, wijk) while a stem of three or fewer ("de", "bus", "van")
#: begins too many unrelated words ("bus" would find "business"). Stopwords never do ("voor"
#: would find "voorstel"); PostgreSQL leaves them out of a search anyway.
PREFIX_MIN = 4


@dataclass(frozen=True)
class Hit:
    """One text that matched, with its workshop, split into pieces to mark the words found."""

    code: str
    shown_code: str
    title: str
    day: str
    place: str
    organisers: str
    kind: str  # a SearchKind
    #: The whole text in pieces; True marks a word that matched.
    parts: list[tuple[str, bool]]
    rank: float


@dataclass(frozen=True)
class Found:
    """What a search found: the hits it returns, and whether there were more than those."""

    hits: list[Hit]
    more: bool


@dataclass(frozen=True)
class _Term:
    """A searched word as one language finds it."""

    word: str  # as typed: PostgreSQL stems it itself, as it stemmed the texts
    stem: str  # as Snowball stems it here: SQLite's index holds these
    prefix: bool  # also finds the longer stems this one begins (`PREFIX_MIN`)


@dataclass(frozen=True)
class RecurringTheme:
    """A word that names a theme in several closed workshops: (code, title, theme) each."""

    label: str
    workshops: list[tuple[str, str, str]]


_stemmers = {language: snowballstemmer.stemmer(name) for language, name in _SNOWBALL.items()}
_stemming = threading.Lock()  # a Snowball stemmer keeps its word in itself while it works


@lru_cache(maxsize=65536)
def _stem(word: str, language: str) -> str:
    with _stemming:
        return _stemmers[Language(language)].stemWord(word.casefold())


def _language(language: str) -> str:
    return language if language in CONFIGURATIONS else Language.NL


def _stems(text: str, language: str) -> str:
    return " ".join(_stem(word, language) for word in _WORD.findall(text))


def _stories(record: dict[str, Any]) -> list[str]:
    return [
        story["text"]
        for group in [*(theme["insights"] for theme in record["themes"]), record["ungrouped"]]
        for story in group
    ]


def _texts(session: Session, record: dict[str, Any]) -> list[tuple[SearchKind, str]]:
    """What a sealed record shows in words, by kind, with the follow-up notes of its actions:
    the record's own rule of what is shown (hidden stories are not in it, nor any story
    after a purge), never a second one written here."""
    proposals = record["proposals"]
    actions = [action for proposal in proposals for action in proposal["actions"]]
    history = followups.followups_of(session, [action["id"] for action in actions])
    texts = [
        *((SearchKind.STORY, story) for story in _stories(record)),
        *((SearchKind.THEME, theme["name"]) for theme in record["themes"]),
        *((SearchKind.PROPOSAL, proposal["text"]) for proposal in proposals),
        *(
            (SearchKind.DECISION, proposal["decision"]["rationale"])
            for proposal in proposals
            if proposal["decision"]
        ),
        *(
            (
                SearchKind.ACTION,
                f"{action['what']} — {action['owner']}" if action["owner"] else action["what"],
            )
            for action in actions
        ),
        *(
            (SearchKind.FOLLOWUP, update.note)
            for action in actions
            for update in history[action["id"]]
        ),
    ]
    return [(kind, text) for kind, text in texts if text and text.strip()]


def index_workshop(session: Session, workshop: Workshop) -> None:
    """Make the search rows of `workshop` again from its newest sealed record: its texts
    while it is closed, none otherwise. Follows every change of a sealed record, a reopening
    and a follow-up (wired in livinglab/bootstrap.py), in the same transaction."""
    session.exec(delete(SearchEntry).where(SearchEntry.workshop_id == workshop.id))
    record = sealed_record(session, workshop) if is_closed(workshop) else None
    if record is not None:
        language = _language(workshop.language)
        session.add_all(
            SearchEntry(
                workshop_id=workshop.id,
                kind=kind,
                language=language,
                text=text,
                stems=_stems(text, language),
            )
            for kind, text in _texts(session, record)
        )
    session.flush()


def _in_workshops(
    session: Session,
    *,
    since: date | None,
    until: date | None,
    place: str,
    organiser: str,
    outcome: str,
    action_status: str,
) -> list:
    """The conditions on `Workshop` that the filters ask for (closed ones always)."""
    conditions = [closed_condition()]
    if since is not None:
        conditions.append(Workshop.created_at >= datetime.combine(since, time(), UTC))
    if until is not None:
        conditions.append(
            Workshop.created_at < datetime.combine(until + timedelta(days=1), time(), UTC)
        )
    if place or organiser:
        # casefold in Python: SQLite's lower() knows only ASCII ("Súdwest-Fryslân").
        wanted_place, wanted_organiser = str(place).casefold(), str(organiser).casefold()
        conditions.append(
            Workshop.id.in_(
                [
                    workshop_id
                    for workshop_id, its_place, its_organisers in session.exec(
                        select(Workshop.id, Workshop.place, Workshop.organisers).where(
                            closed_condition()
                        )
                    )
                    if wanted_place in its_place.casefold()
                    and wanted_organiser in its_organisers.casefold()
                ]
            )
        )
    if outcome:
        if outcome not in tuple(Outcome):
            raise InvalidChoice(str(outcome)[:32])
        conditions.append(
            Workshop.id.in_(
                select(Proposal.workshop_id)
                .join(Decision, Decision.proposal_id == Proposal.id)
                .where(Decision.outcome == outcome)
            )
        )
    if action_status:
        if action_status not in tuple(ActionStatus):
            raise BadActionStatus(str(action_status)[:32])
        actions = list(
            session.exec(followups.through_proposals(select(Action.id, Proposal.workshop_id)))
        )
        history = followups.followups_of(session, [action_id for action_id, _ in actions])
        conditions.append(
            Workshop.id.in_(
                {
                    workshop_id
                    for action_id, workshop_id in actions
                    if followups.status_of(history[action_id]) == action_status
                }
            )
        )
    return conditions


def _terms(words: list[str], language: str) -> list[_Term]:
    """The searched words as `language` finds them: each stem, and whether its beginning counts."""
    terms = []
    for word in words:
        stem = _stem(word, language)
        prefix = len(stem) >= PREFIX_MIN and word.casefold() not in STOPWORDS[language]
        terms.append(_Term(word=word, stem=stem, prefix=prefix))
    return terms


def _fts5_query(terms: list[_Term], *, prefixes: bool) -> str:
    """Every stem quoted, so FTS5 reads no operator, column or star in what people type; the
    only star is ours, after the quotes (FTS5's prefix query)."""
    return " ".join(f'"{term.stem}"' + ("*" if prefixes and term.prefix else "") for term in terms)


def _tsquery(language: str, terms: list[_Term], *, prefixes: bool):
    """PostgreSQL's query for every word (AND), each a quoted lexeme that the database stems
    as it stemmed the texts; `:*` is its prefix query. `_WORD` lets only letters and digits
    into a word, so no quote, colon, star or operator typed reaches the query's syntax."""
    lexemes = " & ".join(
        f"'{term.word}'" + (":*" if prefixes and term.prefix else "") for term in terms
    )
    return func.to_tsquery(cast(literal(CONFIGURATIONS[language]), REGCONFIG), lexemes)


def _matches(
    session: Session, language: str, terms: list[_Term], conditions: list, limit: int
) -> list[tuple[int, bool, float]]:
    """(entry id, whole, rank) of the best matches among the entries in `language`: those
    holding every word's whole stem first (whole), then those found by a stem's beginning."""
    begins = any(term.prefix for term in terms)
    if session.get_bind().dialect.name == "sqlite":
        searchindex = literal_column("searchindex")
        source = _FTS.join(SearchEntry, SearchEntry.id == _FTS.c.rowid)
        matched = searchindex.match(_fts5_query(terms, prefixes=True))
        rank = -func.bm25(searchindex)
        # The whole-stem matches among them: FTS5 once more, on its own (not correlated).
        whole = SearchEntry.id.in_(
            select(_FTS.c.rowid)
            .where(searchindex.match(_fts5_query(terms, prefixes=False)))
            .correlate(None)
        )
    else:
        document = literal_column("searchentry.document")
        wanted = _tsquery(language, terms, prefixes=True)
        source = SearchEntry
        matched = document.op("@@")(wanted)
        rank = func.ts_rank(document, wanted)
        whole = document.op("@@")(_tsquery(language, terms, prefixes=False))
    # ("score": FTS5 tables have a hidden column named rank.)
    whole, score = (whole if begins else true()).label("whole"), rank.label("score")
    found = (
        select(SearchEntry.id, whole, score)
        .select_from(source)
        .join(Workshop, Workshop.id == SearchEntry.workshop_id)
        .where(matched, SearchEntry.language == language, *conditions)
        .order_by(whole.desc(), score.desc(), SearchEntry.id)
        .limit(limit)
    )
    return [
        (entry_id, bool(is_whole), float(score))
        for entry_id, is_whole, score in session.exec(found)
    ]


def _found(stem: str, terms: list[_Term]) -> bool:
    """Whether a word with `stem` is one searched for: the same stem, or begun by a long one."""
    return any(stem == term.stem or (term.prefix and stem.startswith(term.stem)) for term in terms)


def _marked(text: str, language: str, terms: list[_Term]) -> list[tuple[str, bool]]:
    """`text` in pieces, each word found by the search (`_found`) marked."""
    parts: list[tuple[str, bool]] = []
    end = 0
    for word in _WORD.finditer(text):
        if _found(_stem(word.group(), language), terms):
            if word.start() > end:
                parts.append((text[end : word.start()], False))
            parts.append((word.group(), True))
            end = word.end()
    if end < len(text):
        parts.append((text[end:], False))
    return parts


def _day(workshop: Workshop) -> str:
    return as_utc(workshop.created_at).date().isoformat()


def find(
    *,
    session: Session,
    credential: str,
    query: str,
    since: date | str | None = None,
    until: date | str | None = None,
    place: str = "",
    organiser: str = "",
    outcome: str = "",
    action_status: str = "",
    limit: int = SEARCH_HITS_SHOWN,
) -> Found:
    """The texts of closed workshops that hold every word of `query`: first those with every
    word's whole stem, most relevant first, then those found by a stem's beginning
    ("schuld" finds "schuldhulp"); at most `limit`, and whether there were more.

    Filters: the workshop's day from `since` to `until` (both included; a day or YYYY-MM-DD,
    as a date field sends it), a piece of its place or organisers (any case), a decision with
    `outcome`, an action whose status is now `action_status`. Whatever is typed is searched
    as words: no operator, never an error. A filter that cannot be met is refused.
    """
    require_access(session=session, credential=credential)
    since, until = validation.day(since), validation.day(until)
    if since is not None and until is not None and until < since:
        raise BadDateRange(f"{since} > {until}")
    limit = validation.whole_number(limit, low=1, high=SEARCH_HITS_MAX, refusal=InvalidChoice)
    words = _WORD.findall(str(query))[:SEARCH_WORDS_MAX]
    if not words:
        return Found(hits=[], more=False)
    conditions = _in_workshops(
        session,
        since=since,
        until=until,
        place=place,
        organiser=organiser,
        outcome=outcome,
        action_status=action_status,
    )
    terms = {language: _terms(words, language) for language in CONFIGURATIONS}
    # One more than asked from each language: a hit beyond `limit` says there are more.
    matches = sorted(
        (
            match
            for language in CONFIGURATIONS
            for match in _matches(session, language, terms[language], conditions, limit + 1)
        ),
        key=lambda match: (not match[1], -match[2]),
    )
    shown = {entry_id: rank for entry_id, _, rank in matches[:limit]}
    rows = session.exec(
        select(SearchEntry, Workshop)
        .join(Workshop, Workshop.id == SearchEntry.workshop_id)
        .where(SearchEntry.id.in_(list(shown)))
    )
    position = {entry_id: number for number, entry_id in enumerate(shown)}
    hits = [
        Hit(
            code=workshop.code,
            shown_code=format_code(workshop.code),
            title=workshop.title,
            day=_day(workshop),
            place=workshop.place,
            organisers=workshop.organisers,
            kind=entry.kind,
            parts=_marked(entry.text, entry.language, terms[_language(entry.language)]),
            rank=shown[entry.id],
        )
        for entry, workshop in sorted(rows, key=lambda row: position[row[0].id])
    ]
    return Found(hits=hits, more=len(matches) > limit)


def _content_words(name: str, language: str) -> set[str]:
    return {
        word
        for word in (found.casefold() for found in _WORD.findall(name))
        if len(word) > 2 and not word.isdigit() and word not in STOPWORDS[language]
    }


def recurring_themes(
    *, session: Session, credential: str, min_workshops: int = 2
) -> list[RecurringTheme]:
    """Themes that came back: names sharing a word (its stem) in `min_workshops` or more
    closed workshops, most workshops first. Words naming the same themes form one line."""
    require_access(session=session, credential=credential)
    themes_by_stem: dict[str, dict[int, tuple[str, str, str]]] = defaultdict(dict)
    spelled: dict[str, Counter] = defaultdict(Counter)
    for theme_name, workshop in session.exec(
        select(Theme.name, Workshop)
        .join(Workshop, Workshop.id == Theme.workshop_id)
        .where(closed_condition())
        .order_by(Workshop.id, Theme.id)
    ):
        language = _language(workshop.language)
        for word in _content_words(theme_name, language):
            stem = _stem(word, language)
            themes_by_stem[stem].setdefault(
                workshop.id, (workshop.code, workshop.title, theme_name)
            )
            spelled[stem][word] += 1
    labels: dict[tuple, list[str]] = defaultdict(list)
    for stem, by_workshop in themes_by_stem.items():
        if len(by_workshop) >= min_workshops:
            # Most common spelling, then alphabetical: the same label every time.
            word = min(spelled[stem].items(), key=lambda spelling: (-spelling[1], spelling[0]))
            labels[tuple(by_workshop.values())].append(word[0])
    return sorted(
        (
            RecurringTheme(label=", ".join(sorted(words)), workshops=list(workshops))
            for workshops, words in labels.items()
        ),
        key=lambda recurring: (-len(recurring.workshops), recurring.label),
    )
