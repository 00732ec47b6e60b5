"""Making export files without stalling the room: the PDF renders in another process."""

import asyncio
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from typing import Any

from livinglab.export.opendata import csv_zip, record_json
from livinglab.export.pdf import render_pdf

SUFFIX = {"pdf": "pdf", "json": "json", "csv": "zip"}


@cache
def _renderer() -> ProcessPoolExecutor:
    """One process for PDFs: WeasyPrint holds the GIL, and the room's event loop must not wait."""
    return ProcessPoolExecutor(max_workers=1)


async def export_file(record: dict[str, Any], file_format: str) -> bytes:
    """The record as the bytes of a PDF, a JSON file or a ZIP of CSV files."""
    if file_format == "pdf":
        return await asyncio.get_running_loop().run_in_executor(_renderer(), render_pdf, record)
    if file_format == "json":
        return record_json(record).encode()
    return csv_zip(record)


def filename(record: dict[str, Any], file_format: str) -> str:
    """A name that says what the file is: livinglab-CODE-2026-11-25.pdf."""
    day = record["workshop"]["created_at"][:10]
    return f"livinglab-{record['workshop']['code']}-{day}.{SUFFIX[file_format]}"
