"""The decision record as the records library shows it in the browser: typed lines, in
the PDF's order, made from the one record (livinglab/record.py) the files are made from,
with each action's follow-up as the participants' link shows it."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from livinglab import anonymity
from livinglab.codes import format_code
from livinglab.dialogue import ANSWERS, ActionView, GroupAnswers
from livinglab.i18n import catalog
from livinglab.models import RecordChange
from livinglab.records.access import require_access
from livinglab.records.followups import said_and_done
from livinglab.records.library import closed_record
from livinglab.voting import GroupDots, Tally
from livinglab.workshops import ROLES


@dataclass(frozen=True)
class StageLine:
    """When the workshop entered a stage (UTC, to the minute)."""

    stage: str
    entered_at: str


@dataclass(frozen=True)
class RoleCount:
    """How many people of one role took part."""

    role: str
    count: int


@dataclass(frozen=True)
class Story:
    """One story as the record keeps it: text and role, never who wrote it; its id lets a
    reader with update access hide it (a correction)."""

    text: str
    role: str
    written_for: bool
    id: int = 0


@dataclass(frozen=True)
class ThemeStories:
    """A theme (or the ungrouped stories) with its reactions (empty: none) and stories."""

    name: str
    count: int
    reactions: dict[str, int]
    stories: list[Story]


@dataclass(frozen=True)
class RoundLines:
    """One vote round: its rules, the tallies for the chart and the split's note."""

    number: int
    dots_per_person: int
    max_per_item: int
    results: list[Tally]
    note: str


@dataclass(frozen=True)
class ProposalLines:
    """A proposal with its consent (per published group) and decision."""

    number: int
    text: str
    theme: str
    from_participant: bool
    has_consent: bool
    counts: dict[str, int]
    by_group: list[GroupAnswers]
    note: str
    objections: list[str]
    outcome: str
    rationale: str


@dataclass(frozen=True)
class CorrectionLine:
    """A version made after the first, as the page and the PDF list it: never a hidden text."""

    version: int
    day: str
    #: What changed, in words and counts ("1 verhaal verborgen").
    what: str
    reason: str
    #: Who made it: a role in words, a records reader by name.
    by: str


def _what(stamp: dict[str, Any], t: dict[str, str]) -> str:
    change, counts = stamp["change"], stamp.get("what") or {}
    if change == RecordChange.SMALLEST_GROUP:
        return (
            t["correction_smallest_group"]
            .replace("{before}", str(counts.get("smallest_group_before", "")))
            .replace("{after}", str(counts.get("smallest_group", "")))
        )
    if change in (RecordChange.CLOSED, RecordChange.PURGE):
        return t[f"correction_{change}"]
    stories = int(counts.get("stories", 0))
    key = f"correction_{change}_one" if stories == 1 else f"correction_{change}"
    return t.get(key, change).replace("{n}", str(stories))


def _by(made_by: dict[str, str], t: dict[str, str]) -> str:
    role = made_by.get("role", "")
    return t.get(f"made_by_{role}", role).replace("{name}", made_by.get("name", ""))


def correction_lines(record: dict[str, Any], t: dict[str, str]) -> list[CorrectionLine]:
    """Every version after the first of a sealed record, oldest first, in `t`'s language."""
    return [
        CorrectionLine(
            version=stamp["version"],
            day=stamp["made_at"][:10],
            what=_what(stamp, t),
            reason=stamp.get("reason", ""),
            by=_by(stamp.get("made_by") or {}, t),
        )
        for stamp in record.get("corrections") or []
    ]


def version_line(record: dict[str, Any], t: dict[str, str]) -> str:
    """ "Versie 2 van het verslag · gemaakt 2026-12-07"; "" for a record that was never
    sealed (an export while the workshop runs)."""
    stamp = record.get("seal")
    if not stamp:
        return ""
    return (
        t["log_version"]
        .replace("{n}", str(stamp["version"]))
        .replace("{date}", stamp["made_at"][:10])
    )


@dataclass(frozen=True)
class RecordView:
    """Everything the record page shows, in the order of the PDF."""

    code: str
    shown_code: str
    title: str
    question: str
    language: str
    day: str
    place: str
    organisers: str
    purged_at: str
    stages: list[StageLine]
    by_role: list[RoleCount]
    on_paper: int
    names: list[str]
    themes: list[ThemeStories]
    hidden_insights: int
    waiting_insights: int
    rounds: list[RoundLines]
    proposals: list[ProposalLines]
    #: Who does what by when, its status and dated follow-ups.
    actions: list[ActionView]
    digest: str
    #: Which sealed version this is, in words ("" when it was never sealed).
    version: str
    #: The versions after the first: what changed, why and by whom.
    corrections: list[CorrectionLine]
    #: The follow-up addendum's own check code (it covers the original's).
    addendum_digest: str
    #: Whether the reader may follow actions up (update access).
    may_update: bool


def _stories(insights: list[dict]) -> list[Story]:
    return [Story(c["text"], c["role"], c["written_for"], c["id"]) for c in insights]


def _tallies(results: list[dict[str, Any]], t: dict[str, str]) -> list[Tally]:
    """The chart's bars, in percent of the top item, as the projector draws them."""
    top = max((line["dots"] for line in results), default=0) or 1
    return [
        Tally(
            item_id=line["item_id"],
            label=line["label"] or t["log_removed"],
            dots=line["dots"],
            share=round(100 * line["dots"] / top),
            by_group=[
                GroupDots(group=group, dots=dots, share=round(100 * dots / top))
                for group, dots in line["by_group"].items()
            ],
        )
        for line in results
    ]


def _proposal(number: int, proposal: dict, theme_names: dict, t: dict) -> ProposalLines:
    consent, decision = proposal["consent"], proposal["decision"]
    return ProposalLines(
        number=number,
        text=proposal["text"] or t["log_removed"],
        theme=theme_names.get(proposal["theme_id"], ""),
        from_participant=proposal["from_participant"],
        has_consent=consent is not None,
        counts=consent["counts"] if consent else dict.fromkeys(ANSWERS, 0),
        by_group=[
            GroupAnswers(group=group, counts=counts)
            for group, counts in (consent["by_group"] if consent else {}).items()
        ],
        note=anonymity.note(consent["split"], t) if consent else "",
        objections=consent["objections"] if consent else [],
        outcome=decision["outcome"] if decision else "",
        rationale=decision["rationale"] if decision else "",
    )


def read_log(*, session: Session, credential: str, code: str) -> RecordView:
    """A closed workshop's log for the records library: its newest sealed version, with
    its versions and each action's follow-ups (the caller's access is checked)."""
    caller = require_access(session=session, credential=credential)
    record = closed_record(session=session, key=credential, code=code)
    actions = [action for proposal in said_and_done(session, record) for action in proposal.actions]
    return record_view(
        record,
        catalog(record["workshop"]["language"]),
        actions=actions,
        may_update=caller.may_update,
    )


def record_view(
    record: dict[str, Any], t: dict[str, str], *, actions: list[ActionView], may_update: bool
) -> RecordView:
    """The page's lines from the record; `t` is the catalog of the workshop's language."""
    workshop = record["workshop"]
    theme_names = {theme["id"]: theme["name"] for theme in record["themes"]}
    themes = [
        ThemeStories(
            theme["name"],
            theme["insight_count"],
            # As the PDF: reactions only when somebody reacted.
            theme["reactions"] if any(theme["reactions"].values()) else {},
            _stories(theme["insights"]),
        )
        for theme in record["themes"]
    ]
    if record["ungrouped_count"]:
        themes.append(
            ThemeStories(
                t["ungrouped"], record["ungrouped_count"], {}, _stories(record["ungrouped"])
            )
        )
    return RecordView(
        code=workshop["code"],
        shown_code=format_code(workshop["code"]),
        title=workshop["title"],
        question=workshop["question"],
        language=workshop["language"],
        day=workshop["created_at"][:10],
        place=workshop["place"] or "",
        organisers=workshop["organisers"] or "",
        purged_at=(workshop["purged_at"] or "")[:10],
        stages=[
            StageLine(change["stage"], change["entered_at"][:16].replace("T", " "))
            for change in record["process"]["stages"]
        ],
        by_role=[RoleCount(role, record["participation"]["by_role"][role]) for role in ROLES],
        on_paper=record["participation"]["on_paper"],
        names=record["participation"]["names"],
        themes=themes,
        hidden_insights=record["hidden_insights"],
        waiting_insights=record["waiting_insights"],
        rounds=[
            RoundLines(
                number=number,
                dots_per_person=vote_round["dots_per_person"],
                max_per_item=vote_round["max_per_item"],
                results=_tallies(vote_round["results"], t),
                note=anonymity.note(vote_round["split"], t),
            )
            for number, vote_round in enumerate(record["vote_rounds"], start=1)
        ],
        proposals=[
            _proposal(number, proposal, theme_names, t)
            for number, proposal in enumerate(record["proposals"], start=1)
        ],
        actions=actions,
        digest=record["digest"],
        version=version_line(record, t),
        corrections=correction_lines(record, t),
        addendum_digest=record["addendum"]["digest"],
        may_update=may_update,
    )
