"""Making export files without stalling the room: read and rendered in another process.

Reading a 500-insight record holds the GIL for a tenth of a second and the PDF for two
seconds; both happen in the export process, so the room's event loop only passes bytes on.
"""

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from livinglab import metrics, settings
from livinglab.db import make_engine
from livinglab.export.opendata import csv_zip, record_json
from livinglab.export.pdf import render_pdf

#: The file formats and their suffixes; "chain" is every version of a closed record (JSON).
SUFFIX = {"pdf": "pdf", "json": "json", "csv": "zip", "chain": "json"}


@cache
def _exporter() -> ProcessPoolExecutor:
    """One export process, started clean (spawn): the server's threads and sockets stay home."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


@cache
def _engine(database_url: str) -> Engine:
    """The export process's own engine (connections are never shared across processes)."""
    return make_engine(database_url)


def file_bytes(record: dict[str, Any], file_format: str) -> bytes:
    """The record as the bytes of a PDF, a JSON file or a ZIP of CSV files (a chain of
    versions: JSON)."""
    if file_format == "pdf":
        return render_pdf(record)
    if file_format in ("json", "chain"):
        return record_json(record).encode()
    return csv_zip(record)


def filename(record: dict[str, Any], file_format: str) -> str:
    """A name that says what the file is: livinglab-CODE-2026-11-25.pdf, and for every
    version of a record livinglab-CODE-record-chain.json."""
    if file_format == "chain":
        code = record.get("code") or record["workshop"]["code"]
        return f"livinglab-{code}-record-chain.{SUFFIX[file_format]}"
    day = record["workshop"]["created_at"][:10]
    return f"livinglab-{record['workshop']['code']}-{day}.{SUFFIX[file_format]}"


def _export(
    database_url: str, read_record: Callable[..., dict], file_format: str, kwargs: dict
) -> tuple[bytes, str]:
    """In the export process: read the record (the domain checks the caller), then render."""
    with Session(_engine(database_url)) as session:
        record = read_record(session=session, **kwargs)
    return file_bytes(record, file_format), filename(record, file_format)


async def export_file(
    read_record: Callable[..., dict], file_format: str, **kwargs: Any
) -> tuple[bytes, str]:
    """The file and its name. A refusal (DomainError) comes back from the export process."""
    loop = asyncio.get_running_loop()
    job = (_export, settings.DATABASE_URL, read_record, file_format, kwargs)
    with metrics.EXPORT_DURATION.labels(file_format).time():
        try:
            return await loop.run_in_executor(_exporter(), *job)
        except BrokenProcessPool:  # the export process died (killed, out of memory): start anew
            _exporter.cache_clear()
            return await loop.run_in_executor(_exporter(), *job)
