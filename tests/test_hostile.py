"""The hostile corpus (tests/hostile.py) through every field people type, then the exports.

Each string is stored exactly as `clean_text` makes it, or refused with a domain error whose
message is in the catalog; the record still validates, its digest still verifies, the CSV
cells never start a formula and the PDF renders, fetching nothing.
"""

import csv
import io
import json
import unicodedata

import jsonschema
import pytest
from pypdf import PdfReader

from livinglab import dialogue, insights, limits, sensemaking, workshops
from livinglab.catalog import MESSAGES
from livinglab.errors import DomainError, EmptyText, TextTooLong
from livinglab.export import tables
from livinglab.export.opendata import SCHEMA_PATH, record_csv, record_json
from livinglab.export.pdf import NoFetching, render_pdf
from livinglab.records.record import build_record, verify
from livinglab.validation import (
    BIDI_OVERRIDES,
    ISOLATE_CLOSER,
    ISOLATE_OPENERS,
    clean_text,
    shows_something,
)
from tests.hostile import hostile_strings, sample

#: Every field people type: (limit, multiline, required), as the domain calls clean_text.
FIELDS = {
    "story": (limits.INSIGHT_MAX, True, True),
    "theme name": (limits.THEME_NAME_MAX, False, True),
    "proposal": (limits.PROPOSAL_MAX, True, True),
    "reason": (limits.REASON_MAX, False, False),
    "owner": (limits.OWNER_MAX, False, True),
    "name": (limits.NAME_MAX, False, False),
    "title": (limits.TITLE_MAX, False, True),
}


def cleaned_or_refusal(text: str, field: str) -> str | type[DomainError]:
    limit, multiline, required = FIELDS[field]
    try:
        return clean_text(text, limit=limit, multiline=multiline, required=required)
    except (EmptyText, TextTooLong) as refusal:
        return type(refusal)


def test_the_corpus_is_big_and_the_same_every_run():
    corpus = hostile_strings()
    assert len(corpus) >= 1000 and len(set(corpus)) == len(corpus)
    assert corpus == hostile_strings.__wrapped__()


@pytest.mark.parametrize("field", FIELDS)
def test_cleaned_text_is_bounded_visible_and_cannot_flip_its_surroundings(field):
    limit, multiline, required = FIELDS[field]
    for text in hostile_strings():
        cleaned = cleaned_or_refusal(text, field)
        if not isinstance(cleaned, str):
            assert cleaned is TextTooLong or not shows_something(
                clean_text(text, limit=10**6, required=False)
            )
            continue
        if not cleaned:  # an optional field left empty: nothing visible was given
            assert not required and not shows_something(text)
            continue
        assert len(cleaned) <= limit and cleaned == cleaned.strip() and shows_something(cleaned)
        assert clean_text(cleaned, limit=limit, multiline=multiline) == cleaned  # settled
        categories = [unicodedata.category(char) for char in cleaned]
        assert "Cs" not in categories
        assert all(
            char == "\n" and multiline
            for char, c in zip(cleaned, categories, strict=True)
            if c == "Cc"
        )
        assert not BIDI_OVERRIDES & set(cleaned)
        depth = 0
        for char in cleaned:
            depth += (char in ISOLATE_OPENERS) - (char == ISOLATE_CLOSER)
            assert depth >= 0
        assert depth == 0
        marks = 0
        for category in categories:
            marks = marks + 1 if category in ("Mn", "Me") else 0
            assert marks <= limits.MARKS_PER_LETTER


def test_clean_text_keeps_what_people_mean():
    assert clean_text("❤️‍🔥 👩‍👩‍👧 🏴󠁧󠁢󠁳󠁣󠁴󠁿", limit=50) == "❤️‍🔥 👩‍👩‍👧 🏴󠁧󠁢󠁳󠁣󠁴󠁿"  # joiners, tags
    assert clean_text("\u2067שלום\u2069 ok", limit=50) == "\u2067שלום\u2069 ok"  # closed isolate
    assert clean_text("\u2066open \u2069\u2069x", limit=50) == "\u2066open \u2069x"
    assert clean_text("\u202egnp.exe", limit=50) == "gnp.exe"
    assert clean_text("בְּרֵאשִׁית Tiếng Việt", limit=50) == "בְּרֵאשִׁית Tiếng Việt"
    assert clean_text("H" + "\u0301" * 9, limit=50) == "H" + "\u0301" * limits.MARKS_PER_LETTER
    assert clean_text("=1+1 <b>", limit=50) == "=1+1 <b>"  # the exact text; only CSV marks it
    assert clean_text("\u200b", limit=50, required=False) == ""


@pytest.mark.parametrize("text", ["\u200b\u200d", "\u3164", "\u0301\u0302", "\ufe0f", "\u202e "])
def test_text_that_shows_nothing_is_refused_like_blank_text(text):
    with pytest.raises(EmptyText):
        clean_text(text, limit=50)


def _through(call, text: str, field: str, accepted: list[str]) -> None:
    """`call(text)` stores (and returns) what clean_text makes of `text`, or is refused the
    same way with a message people can read."""
    expected = cleaned_or_refusal(text, field)
    try:
        stored = call(text)
    except DomainError as refusal:
        assert type(refusal) is expected, (field, text)
        assert refusal.key in MESSAGES
        return
    assert stored == expected, (field, text)
    accepted.append(stored)


def test_every_field_stores_the_cleaned_text_or_refuses_it_and_the_exports_hold(
    session, database_url
):
    """1,000 hostile strings, each through one field in turn, then the whole record exported."""
    corpus = sample(1000)
    fields = [*FIELDS, "edit"]
    given = {field: corpus[index :: len(fields)] for index, field in enumerate(fields)}
    kept = {field: [] for field in fields}

    for title in given["title"]:
        _through(
            lambda text: (
                workshops.create_workshop(
                    session=session, title=text, question="Vraag", language="en", uses_names=True
                )[0].title
            ),
            title,
            "title",
            kept["title"],
        )
    ws, key = workshops.create_workshop(
        session=session,
        title="Hostile",
        question="Wat gebeurde er?",
        language="nl",
        uses_names=True,
    )
    code = ws.code
    workshops.move_stage(session=session, code=code, key=key, step=1)
    tokens = []
    for name in given["name"]:
        _through(
            lambda text: (
                (joined := workshops.join(session=session, code=code, name=text, role="resident"))
                and not tokens.append(joined[1])
                and (joined[0].name or "")
            ),
            name,
            "name",
            kept["name"],
        )
    session.commit()

    per_person = limits.STORIES_PER_PERSON - 1
    for number, text in enumerate(given["story"]):
        token = tokens[number // per_person]
        _through(
            lambda text, token=token, number=number: (
                insights.post_insight(
                    session=session, code=code, token=token, text=text, client_ref=str(number)
                ).text
            ),
            text,
            "story",
            kept["story"],
        )
    mine = insights.post_insight(
        session=session, code=code, token=tokens[-1], text="Mijn verhaal", client_ref="edit"
    )
    for text in given["edit"]:
        _through(
            lambda text: (
                insights.edit_insight(
                    session=session, code=code, token=tokens[-1], insight_id=mine.id, text=text
                ).text
            ),
            text,
            "story",
            kept["edit"],
        )
    session.commit()

    workshops.move_stage(session=session, code=code, key=key, step=1)
    themes = []
    for name in given["theme name"]:
        _through(
            lambda text: (
                (theme := sensemaking.create_theme(session=session, code=code, key=key, name=text))
                and not themes.append(theme)
                and theme.name
            ),
            name,
            "theme name",
            kept["theme name"],
        )
    sensemaking.move_insight(
        session=session, code=code, key=key, insight_id=mine.id, theme_id=themes[0].id
    )
    workshops.move_stage(session=session, code=code, key=key, step=1)
    proposals = []
    for text in given["proposal"]:
        _through(
            lambda text: (
                (proposal := dialogue.add_proposal(session=session, code=code, key=key, text=text))
                and not proposals.append(proposal)
                and proposal.text
            ),
            text,
            "proposal",
            kept["proposal"],
        )
    dialogue.open_consent(session=session, code=code, key=key, proposal_id=proposals[0].id)
    for reason in given["reason"]:
        _through(
            lambda text: (
                dialogue.answer_consent(
                    session=session, code=code, token=tokens[0], answer="object", reason=text
                ).reason
            ),
            reason,
            "reason",
            kept["reason"],
        )
    dialogue.close_consent(session=session, code=code, key=key)
    decision = dialogue.decide(
        session=session,
        code=code,
        key=key,
        proposal_id=proposals[0].id,
        outcome="adopted",
        rationale=proposals[1].text,
    )
    for owner in given["owner"]:
        _through(
            lambda text: (
                dialogue.add_action(
                    session=session,
                    code=code,
                    key=key,
                    decision_id=decision.id,
                    what=proposals[2].text,
                    owner=text,
                    due="",
                ).owner
            ),
            owner,
            "owner",
            kept["owner"],
        )
    session.commit()
    assert all(len(kept[field]) > len(given[field]) / 2 for field in fields)  # most got through

    record = build_record(session=session, workshop=ws)
    published = json.loads(record_json(record))
    jsonschema.validate(published, json.loads(SCHEMA_PATH.read_text()))
    assert verify(published, record["digest"])
    # What the database gave back is what was stored, exactly; a refusal stored nothing.
    assert sorted(i["text"] for i in published["ungrouped"]) == sorted(kept["story"])
    assert [i["text"] for i in published["themes"][0]["insights"]] == kept["edit"][-1:]
    assert [t["name"] for t in published["themes"]] == kept["theme name"]
    assert [p["text"] for p in published["proposals"]] == kept["proposal"]
    assert [a["owner"] for a in published["proposals"][0]["actions"]] == kept["owner"]
    assert published["participation"]["names"] == sorted(n for n in kept["name"] if n)
    for name, table in record_csv(record).items():
        for row in list(csv.reader(io.StringIO(table)))[1:]:
            for cell in row:
                assert not cell.lstrip().startswith(tables.FORMULA_STARTS), (name, cell)

    if "postgresql" in database_url:
        return  # the PDF is made from the record, whatever database it came from
    # One PDF of about 200 of them, from every field, kept fast.
    record["ungrouped"] = record["ungrouped"][::2][:80]
    record["themes"] = record["themes"][:40]
    record["proposals"] = record["proposals"][:40]
    record["participation"]["names"] = record["participation"]["names"][:40]
    fetcher = NoFetching()
    pdf = render_pdf(record, fetcher)
    assert fetcher.refused == []  # the escaped text names nothing to fetch
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 3


def test_a_sample_spreads_over_every_kind_of_payload():
    picked = sample(50)
    assert len(set(picked)) == 50
    assert any("<script>" in text for text in picked) and any("\u202e" in text for text in picked)
