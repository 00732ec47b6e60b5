"""The record for other systems: JSON (the schema in record.schema.json) and CSV files."""

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from livinglab.anonymity import MERGED
from livinglab.export.tables import table
from livinglab.models import Answer
from livinglab.workshops import ROLES

SCHEMA_PATH = Path(__file__).with_name("record.schema.json")
#: The columns of a split by role; a group not published (anonymity.py) stays empty.
GROUPS = (*ROLES, MERGED)


def record_json(record: dict[str, Any]) -> str:
    """The record as readable JSON (the digest covers its canonical form, not this layout)."""
    return json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


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
        "insights.csv": table(["insight_id", "theme", "role", "text"], insights),
        "votes.csv": table(["round_id", "item", "dots", *GROUPS, "merged_roles"], tallies),
        "decisions.csv": table(
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
        "actions.csv": table(["proposal_id", "what", "owner", "due"], actions),
        "not_shown.csv": table(
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
    return {"followups.csv": table(["action", "day", "status", "note"], rows)}


def csv_zip(record: dict[str, Any]) -> bytes:
    """The CSV files in one ZIP, for a single download."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in record_csv(record).items():
            archive.writestr(name, text)
    return buffer.getvalue()
