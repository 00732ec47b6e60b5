"""Exports as the console and the records page make them: read and rendered in another process."""

import asyncio
import json

import pytest
from pypdf import PdfReader
from sqlmodel import Session

from livinglab import db, settings
from livinglab.errors import NotFacilitator
from livinglab.records.library import closed_record, facilitator_record, record_chain
from livinglab.records.record import verify
from livinglab.records.versions import verify_chain
from livinglab.web import keyring
from livinglab.web.exports import export_file, file_bytes, filename
from tests.state.conftest import advance, console, joined_phone, run


def test_export_process_reads_the_record_and_refuses_a_participant(created, tmp_path):
    code, key = created
    facilitator = console(code, key)
    anna = joined_phone(code, name="Anna")
    run(facilitator.next_stage(facilitator.stage))
    run(anna.post_insight({"text": "De bus rijdt te laat", "ref": "r1"}))

    data, name = asyncio.run(export_file(facilitator_record, "json", code=code, key=key))
    record = json.loads(data)
    assert name.startswith(f"livinglab-{code}-") and name.endswith(".json")
    assert verify(record, record["digest"])
    assert [i["text"] for i in record["ungrouped"]] == ["De bus rijdt te laat"]

    data, name = asyncio.run(export_file(facilitator_record, "pdf", code=code, key=key))
    (tmp_path / name).write_bytes(data)
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / name).pages)
    assert "De bus rijdt te laat" in " ".join(text.split())
    assert "of the record" not in text  # still running: not sealed, no version

    token = keyring.read(anna.participant_tokens, code)
    with pytest.raises(NotFacilitator):
        asyncio.run(export_file(facilitator_record, "pdf", code=code, key=token))


def _pdf_text(data: bytes, tmp_path, name: str) -> str:
    (tmp_path / name).write_bytes(data)
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(tmp_path / name).pages).split()
    )


def test_a_corrected_record_prints_its_version_and_corrections_and_the_chain_verifies(
    created, tmp_path, monkeypatch
):
    monkeypatch.setattr(settings, "RECORDS_KEY", "org-key")
    code, key = created
    facilitator = console(code, key)
    advance(facilitator)
    anna = joined_phone(code, name="Anna")
    run(anna.post_insight({"text": "Mijn buurman Piet Jansen", "ref": "r1"}))
    run(anna.post_insight({"text": "De bus rijdt te laat", "ref": "r2"}))
    named = min(card.id for card in anna.my_insights)
    while facilitator.stage != "closed":
        advance(facilitator)
    run(facilitator.correct_story({"change": "hide_story", "insight_id": named, "reason": "Naam"}))
    assert facilitator.error_key == ""

    # Read and rendered here: the export process reads the key from its own environment.
    with Session(db.engine()) as session:
        record = closed_record(session=session, key="org-key", code=code)
        chain = record_chain(session=session, key="org-key", code=code)
    text = _pdf_text(file_bytes(record, "pdf"), tmp_path, "log.pdf")
    assert "Version 2 of the record" in text and "Corrections" in text
    assert "1 story hidden" in text and "Naam" in text and "the facilitator" in text
    assert "Piet Jansen" not in text and "De bus rijdt te laat" in text

    assert filename(chain, "chain") == f"livinglab-{code}-record-chain.json"
    chain = json.loads(file_bytes(chain, "chain"))
    assert [v["seal"]["version"] for v in chain["versions"]] == [1, 2]
    assert verify_chain(chain).unbroken
