"""Exports as the console and the records page make them: read and rendered in another process."""

import asyncio
import json

import pytest
from pypdf import PdfReader

from livinglab.errors import NotFacilitator
from livinglab.records.library import facilitator_record
from livinglab.records.record import verify
from livinglab.web import keyring
from livinglab.web.exports import export_file
from tests.state.conftest import console, joined_phone, run


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

    token = keyring.read(anna.participant_tokens, code)
    with pytest.raises(NotFacilitator):
        asyncio.run(export_file(facilitator_record, "pdf", code=code, key=token))
