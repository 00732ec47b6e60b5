"""The record for other systems: JSON (the schema in record.schema.json) and CSV files."""

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from livinglab.anonymity import MERGED
from livinglab.models import Answer
from livinglab.workshops import ROLES

SCHEMA_PATH = Path(__file__).with_name("record.schema.json")
#: The columns of a split by role; a group not published (anonymity.py) stays empty.
GROUPS = (*ROLES, MERGED)


def record_json(record: dict[str, Any]) -> str:
    """The record as readable JSON (the digest covers its canonical form, not this layout)."""
    return json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


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


def _table(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return out.getvalue()


def record_csv(record: dict[str, Any]) -> dict[str, str]:
    """One CSV text per table: insights, vote tallies, decisions, actions, and how many
    insights were never shown and why (counts, no texts)."""
    theme_names = {theme["id"]: theme["name"] for theme in record["themes"]}
    insights = [
        [insight["id"], theme["name"], insight["role"], insight["text"]]
        for theme in record["themes"]
        for insight in theme["insights"]
    ] + [[insight["id"], "", insight["role"], insight["text"]] for insight in record["ungrouped"]]
    tallies = [
        [
            vote_round["id"],
            result["label"],
            result["dots"],
            *(result["by_group"].get(group, "") for group in GROUPS),
            " ".join(vote_round["split"]["merged_roles"]),
        ]
        for vote_round in record["vote_rounds"]
        for result in vote_round["results"]
    ]
    decisions, actions = [], []
    for proposal in record["proposals"]:
        consent = proposal["consent"] or {"counts": dict.fromkeys(Answer, "")}
        decision = proposal["decision"] or {"outcome": "", "rationale": ""}
        decisions.append(
            [
                proposal["id"],
                theme_names.get(proposal["theme_id"], ""),
                proposal["text"],
                *(consent["counts"][answer] for answer in Answer),
                decision["outcome"],
                decision["rationale"],
            ]
        )
        actions.extend(
            [proposal["id"], action["what"], action["owner"], action["due"] or ""]
            for action in proposal["actions"]
        )
    return {
        "insights.csv": _table(["insight_id", "theme", "role", "text"], insights),
        "votes.csv": _table(["round_id", "item", "dots", *GROUPS, "merged_roles"], tallies),
        "decisions.csv": _table(
            [
                "proposal_id",
                "theme",
                "proposal",
                *Answer,
                "outcome",
                "rationale",
            ],
            decisions,
        ),
        "actions.csv": _table(["proposal_id", "what", "owner", "due"], actions),
        "not_shown.csv": _table(
            ["reason", "insights"],
            [["hidden", record["hidden_insights"]], ["waiting", record["waiting_insights"]]],
        ),
    } | _followups_csv(record)


def _followups_csv(record: dict[str, Any]) -> dict[str, str]:
    """The dated follow-ups of the actions, when the record carries its addendum."""
    addendum = record.get("addendum")
    if not addendum:
        return {}
    rows = [
        [action["what"], update["day"], update["status"], update["note"]]
        for action in addendum["actions"]
        for update in action["followups"]
    ]
    return {"followups.csv": _table(["action", "day", "status", "note"], rows)}


def csv_zip(record: dict[str, Any]) -> bytes:
    """The CSV files in one ZIP, for a single download."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in record_csv(record).items():
            archive.writestr(name, text)
    return buffer.getvalue()
