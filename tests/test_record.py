"""The decision record: its content, a stable digest, the schema, the PDF and the CLI."""

import csv
import io
import json
import re
import zipfile

import jsonschema
import pytest
import weasyprint
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream

from livinglab import dialogue, insights, sensemaking, settings, validation, voting, workshops
from livinglab.__main__ import main
from livinglab.errors import (
    NotFacilitator,
    RecordsSwitchedOff,
    WorkshopNotFound,
    WrongRecordsKey,
)
from livinglab.export import tables
from livinglab.export.opendata import SCHEMA_PATH, csv_zip, record_csv, record_json
from livinglab.export.pdf import NoFetching, render_html, render_pdf
from livinglab.records import versions
from livinglab.records.library import closed_record, closed_workshops, facilitator_record
from livinglab.records.record import build_record, digest, verify
from tests.conftest import join

HOSTILE = [
    "<img src=file:///etc/passwd> wachten op de bus",
    "<style>body{background:url(http://tracker.example/x.png)}</style> brieven",
    "<b>vet</b> en url(file:///etc/hostname) schulden",
    "Arbeidsongeschiktheidsverzekeringsuitkeringsaanvraagformulierenstapel" * 3,
    "Wachten 😩 op antwoord",
    "הזמן עבר ולא התקשרו",
]


@pytest.fixture
def decided(session, workshop):
    """A workshop taken through every stage: stories, a hidden one, themes, a vote, a decision."""
    ws, key = workshop
    people = [join(session, ws.code, role=role)[1] for role in ("resident", "professional")]
    cards = [
        insights.post_insight(
            session=session, code=ws.code, token=people[i % 2], text=text, client_ref=str(i)
        )
        for i, text in enumerate([*HOSTILE, "Dit wordt verborgen"])
    ]
    insights.set_hidden(
        session=session, code=ws.code, key=key, insight_id=cards[-1].id, hidden=True
    )
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    theme = sensemaking.create_theme(session=session, code=ws.code, key=key, name="Vervoer")
    for card in cards[:3]:
        sensemaking.move_insight(
            session=session, code=ws.code, key=key, insight_id=card.id, theme_id=theme.id
        )
    voting.open_round(session=session, code=ws.code, key=key)
    for token in people:
        voting.cast_votes(session=session, code=ws.code, token=token, item_ids=[theme.id])
    voting.close_round(session=session, code=ws.code, key=key)
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    proposal = dialogue.add_proposal(
        session=session,
        code=ws.code,
        key=key,
        text="<script>x()</script> Eén loket",
        theme_id=theme.id,
    )
    dialogue.open_consent(session=session, code=ws.code, key=key, proposal_id=proposal.id)
    dialogue.answer_consent(
        session=session, code=ws.code, token=people[0], answer="object", reason="Te duur"
    )
    dialogue.close_consent(session=session, code=ws.code, key=key)
    decision = dialogue.decide(
        session=session,
        code=ws.code,
        key=key,
        proposal_id=proposal.id,
        outcome="adopted_with_changes",
        rationale="Breed gedragen",
    )
    dialogue.add_action(
        session=session,
        code=ws.code,
        key=key,
        decision_id=decision.id,
        what="Plan maken",
        owner="Team Werk",
        due="2027-01-31",
    )
    session.commit()
    return ws


def record_of(session, ws):
    return build_record(session=session, workshop=ws)


def test_record_holds_the_thread_from_stories_to_decisions(session, decided):
    record = record_of(session, decided)
    (theme,) = record["themes"]
    assert [i["text"] for i in theme["insights"]] == HOSTILE[:3]
    assert [i["text"] for i in record["ungrouped"]] == HOSTILE[3:]
    assert record["hidden_insights"] == 1
    assert "Dit wordt verborgen" not in json.dumps(record, ensure_ascii=False)
    (vote_round,) = record["vote_rounds"]
    # Two voters of two roles: too few to split, and the record says so.
    assert vote_round["results"][0]["dots"] == 2 and vote_round["results"][0]["by_group"] == {}
    assert vote_round["split"] == {
        "smallest_group": 3,
        "merged_roles": ["resident", "professional"],
        "withheld": True,
    }
    (proposal,) = record["proposals"]
    assert proposal["theme_id"] == theme["id"]
    assert proposal["consent"]["counts"]["object"] == 1
    assert proposal["decision"]["outcome"] == "adopted_with_changes"
    (action,) = proposal["actions"]
    assert action == {
        "id": action["id"],
        "what": "Plan maken",
        "owner": "Team Werk",
        "due": "2027-01-31",
    }
    assert record["participation"]["by_role"]["resident"] == 1


def test_digest_is_stable_and_detects_any_change(session, decided):
    first, second = record_of(session, decided), record_of(session, decided)
    assert first == second and first["digest"] == digest(first)
    assert verify(json.loads(record_json(first)), first["digest"])
    changed = json.loads(record_json(first))
    changed["proposals"][0]["decision"]["outcome"] = "not_adopted"
    assert not verify(changed, first["digest"])


def test_record_matches_its_published_schema(session, decided, workshop):
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.validate(record_of(session, decided), schema)
    empty, _key = workshops.create_workshop(
        session=session, title="Leeg", question="Q", language="en", uses_names=False
    )
    jsonschema.validate(record_of(session, empty), schema)


def test_pdf_shows_every_visible_story_theme_tally_and_decision_and_nothing_hidden(
    session, decided
):
    record = record_of(session, decided)
    fetcher = NoFetching()
    pdf = render_pdf(record, fetcher)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    for needle in (
        "wachten op de bus",
        "Vervoer",
        "Eén loket",
        "Breed gedragen",
        "Aangenomen met wijzigingen",
        "Plan maken",
        "Team Werk",
        record["digest"][:16],
    ):
        assert needle in flat, needle
    assert "<img src=file:///etc/passwd>" in flat  # markup is shown as text
    assert "Dit wordt verborgen" not in flat
    assert "root:" not in flat  # /etc/passwd was not read
    assert fetcher.refused == []  # escaped markup names no resource to fetch


def test_templates_never_fetch_even_when_asked(session, decided):
    fetcher = NoFetching()
    html = render_html(record_of(session, decided))
    assert "&lt;img src=file:///etc/passwd&gt;" in html and "<img src=file" not in html
    weasyprint.HTML(
        string='<img src="file:///etc/passwd"><p style="background:url(http://x.example/a.png)">x</p>',
        url_fetcher=fetcher,
    ).write_pdf()
    assert sorted(fetcher.refused) == ["file:///etc/passwd", "http://x.example/a.png"]


def test_empty_workshop_still_makes_a_readable_log(session, workshop):
    ws, _key = workshop
    record = record_of(session, ws)
    pdf = render_pdf(record)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Er is niet gestemd." in " ".join(text.split())
    assert set(record_csv(record)) == {
        "insights.csv",
        "votes.csv",
        "decisions.csv",
        "actions.csv",
        "not_shown.csv",
    }


def test_csv_files_hold_the_tables(session, decided):
    files = zipfile.ZipFile(io.BytesIO(csv_zip(record_of(session, decided))))
    assert sorted(files.namelist()) == [
        "actions.csv",
        "decisions.csv",
        "insights.csv",
        "not_shown.csv",
        "votes.csv",
    ]
    assert "Team Werk" in files.read("actions.csv").decode()
    assert files.read("votes.csv").decode().splitlines()[1].startswith("1,Vervoer,2,")


def test_command_line_exports_and_verifies(decided, tmp_path, capsys):
    code = decided.code
    assert main(["export", code, "--format", "json", "--out", str(tmp_path / "log.json")]) == 0
    assert main(["export", code, "--format", "pdf", "--out", str(tmp_path / "log.pdf")]) == 0
    assert main(["export", code.lower(), "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "log.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "csv" / "insights.csv").exists()
    printed = json.loads((tmp_path / "log.json").read_text())["digest"]
    assert main(["verify", str(tmp_path / "log.json"), "--digest", printed]) == 0
    assert main(["verify", str(tmp_path / "log.json"), "--digest", "0" * 64]) == 1
    capsys.readouterr()
    assert main(["export", "ZZZZZZZ", "--format", "pdf", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "We do not know this code" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_export_from_the_web_needs_the_facilitator_key(session, decided):
    _participant, token = join(session, decided.code)
    with pytest.raises(NotFacilitator):
        facilitator_record(session=session, code=decided.code, key=token)


def test_records_page_lists_closed_workshops_only_for_the_organisation_key(
    session, decided, workshop, monkeypatch
):
    _ws, key = workshop
    workshops.create_workshop(  # open, so never listed
        session=session, title="Nog bezig", question="?", language="nl", uses_names=False
    )
    session.commit()
    monkeypatch.setattr(settings, "RECORDS_KEY", "")
    with pytest.raises(RecordsSwitchedOff):
        closed_workshops(session=session, key="")
    monkeypatch.setattr(settings, "RECORDS_KEY", "gemeente-houten-2026")
    assert closed_workshops(session=session, key="gemeente-houten-2026") == []
    with pytest.raises(WorkshopNotFound):  # still in dialogue: not on the records page yet
        closed_record(session=session, key="gemeente-houten-2026", code=decided.code)
    workshops.move_stage(session=session, code=decided.code, key=key, step=1)
    session.commit()
    for wrong in ("", "gemeente-houten", key):
        with pytest.raises(WrongRecordsKey):
            closed_workshops(session=session, key=wrong)
        with pytest.raises(WrongRecordsKey):
            closed_record(session=session, key=wrong, code=decided.code)
    (listed,) = closed_workshops(session=session, key="gemeente-houten-2026")
    assert (listed.code, listed.title) == (decided.code, "Werk en inkomen")
    record = closed_record(session=session, key="gemeente-houten-2026", code=decided.code)
    assert record["digest"] == digest(versions.sealed_record(session, decided))
    assert record["seal"]["version"] == 1 and record["addendum"]["version"] == 1


def test_cover_names_place_and_organisers_as_text(session):
    ws, _key = workshops.create_workshop(
        session=session,
        title="Schulden",
        question="Wat helpt?",
        language="en",
        uses_names=False,
        place="Helmond, De Cacaofabriek",
        organisers="<b>Gemeente Helmond</b> & Wijkteam",
    )
    session.commit()
    record = record_of(session, ws)
    assert record["workshop"]["place"] == "Helmond, De Cacaofabriek"
    jsonschema.validate(record, json.loads(SCHEMA_PATH.read_text()))
    cover = PdfReader(io.BytesIO(render_pdf(record))).pages[0].extract_text()
    assert "Place: Helmond, De Cacaofabriek" in cover
    assert "Organised by: <b>Gemeente Helmond</b> & Wijkteam" in cover


FORMULAS = [
    '=HYPERLINK("http://x.example","klik")',
    "@SUM(1+1)",
    "+31 6 1234",
    "-2+3",
    "\tverborgen",
    "\r=1+1",
]


def test_csv_cells_never_start_a_formula_and_the_json_keeps_the_exact_text(session, workshop):
    """OWASP CSV injection: a leading ' makes a spreadsheet show the text, not run it."""
    ws, _key = workshop
    _person, token = join(session, ws.code)
    for number, text in enumerate(FORMULAS):
        insights.post_insight(
            session=session, code=ws.code, token=token, text=text, client_ref=str(number)
        )
    session.commit()
    record = record_of(session, ws)
    stored = sorted(insight["text"] for insight in record["ungrouped"])
    cleaned = sorted(validation.clean_text(text, limit=500) for text in FORMULAS)
    assert stored == cleaned  # the record holds what was stored, exactly
    rows = list(csv.reader(io.StringIO(record_csv(record)["insights.csv"])))[1:]
    in_csv = sorted(text for _id, _theme, _role, text in rows)
    # A leading tab or return is trimmed when stored; every other formula start is marked.
    assert in_csv == sorted("'" + t if t[0] in "=+-@" else t for t in cleaned)
    assert not any(text.startswith(tables.FORMULA_STARTS) for text in in_csv)
    assert verify(json.loads(record_json(record)), record["digest"])
    # Numbers stay numbers: only text is marked.
    assert tables.spreadsheet_safe(-1) == -1 and tables.spreadsheet_safe("gewoon") == "gewoon"
    # A spreadsheet may trim leading spaces before it reads a formula.
    assert tables.spreadsheet_safe("  =1+1") == "'  =1+1"


#: Every voice in the room, as people type it: emoji with skin tones, ZWJ families and flags,
#: right-to-left scripts, Turkish and Polish letters, Chinese.
SCRIPTS = [
    "Blij 😀 👍🏽 👋🏿 ❤️ 🎉",
    "Gezin 👩‍👩‍👧 🧑🏿‍🦱 🏳️‍🌈 en vlag 🇳🇱 🇹🇷 🇵🇱",
    "مرحبا، الانتظار طويل جدا",
    "שלום, חיכיתי הרבה זמן",
    "Beklemek çok uzun sürdü: ğışİ ĞIŞı",
    "Za długo czekałem: ąęłńśźż ĄĘŁŃŚŹŻ",
    "等待时间太长了，谢谢参与",
]


def printed_characters(pdf: bytes) -> set[str]:
    """The characters a PDF draws with a real glyph of one of its embedded fonts.

    A missing glyph is drawn as glyph 0 (.notdef) or as a glyph the embedded font does not
    hold; each drawn glyph's characters come from its font's ToUnicode map.
    """
    reader = PdfReader(io.BytesIO(pdf))
    printed: set[str] = set()
    for page in reader.pages:
        glyph_counts, characters = {}, {}
        for name, reference in page["/Resources"]["/Font"].items():
            font = reference.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_data()))
            glyph_counts[name] = len(embedded.getGlyphOrder())
            characters[name] = {
                int(glyph, 16): bytes.fromhex(text).decode("utf-16-be")
                for glyph, text in re.findall(
                    r"<([0-9a-f]{4})> <([0-9a-f]+)>", font["/ToUnicode"].get_data().decode()
                )
            }
        font_name = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                font_name = operands[0]
            elif operator == b"TJ":
                for part in operands[0]:
                    if isinstance(part, (int, float)):
                        continue
                    drawn = part.original_bytes
                    for start in range(0, len(drawn), 2):
                        glyph = int.from_bytes(drawn[start : start + 2], "big")
                        if 0 < glyph < glyph_counts[font_name]:
                            printed.update(characters[font_name].get(glyph, ""))
    return printed


def embedded_fonts(pdf: bytes) -> set[str]:
    return {
        str(reference.get_object()["/BaseFont"]).split("+", 1)[1]
        for page in PdfReader(io.BytesIO(pdf)).pages
        for reference in page["/Resources"]["/Font"].values()
    }


def test_pdf_prints_emoji_and_every_script_with_a_real_glyph(session, workshop):
    ws, _key = workshop
    _person, token = join(session, ws.code)
    # Digits and page numbers stay in the text font when no story has an emoji.
    assert not any("Emoji" in font for font in embedded_fonts(render_pdf(record_of(session, ws))))
    for number, text in enumerate(SCRIPTS):
        insights.post_insight(
            session=session, code=ws.code, token=token, text=text, client_ref=str(number)
        )
    session.commit()
    pdf = render_pdf(record_of(session, ws))
    sample = set("".join(SCRIPTS)) - {" "}
    assert sample - printed_characters(pdf) == set()
    extracted = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert sample - set(extracted) == set()
    assert {"Noto-Color-Emoji", "WenQuanYi-Micro-Hei"} <= embedded_fonts(pdf)


def test_the_glyph_check_sees_a_character_no_font_has():
    """U+0378 is unassigned and U+1FAE9 newer than the emoji font: both print as boxes."""
    pdf = weasyprint.HTML(string="<p>a \u0378 \U0001fae9 b</p>").write_pdf()
    assert {"a", "b"} <= printed_characters(pdf)
    assert {"\u0378", "\U0001fae9"} & printed_characters(pdf) == set()
