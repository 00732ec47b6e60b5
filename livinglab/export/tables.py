"""CSV tables a spreadsheet opens safely (the record's tables, the audit trail)."""

import csv
import io
from typing import Any

#: What a spreadsheet reads as the start of a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: Any) -> Any:
    """A text cell a spreadsheet shows as text, never runs: a leading ' before a formula start,
    also one behind spaces (a spreadsheet may trim them before it reads the cell).

    Only the CSV files get this; the JSON and the digest keep the exact text.
    """
    if isinstance(cell, str) and cell.lstrip().startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def table(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return out.getvalue()
