"""Prepared workshops: start from a ready agenda, or like an earlier workshop of one's own.

An agenda is the roadmap with, per stage, the prompt people answer and the time planned.
The ready ones are stored in the database (migration 0008), in Dutch and English; a
workshop started from one gets its prompts and planned minutes, which the facilitator
changes on the console as usual.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, or_, select

from livinglab.codes import format_code
from livinglab.errors import InvalidChoice
from livinglab.limits import PROMPT_MAX
from livinglab.models import Agenda, AgendaStep, CoFacilitator, StagePrompt, Workshop
from livinglab.organisation import audit, members
from livinglab.organisation.audit import AuditAct
from livinglab.organisation.members import SignedIn
from livinglab.validation import clean_text
from livinglab.workshops import STAGES, create_workshop, is_facilitator, require_facilitator


@dataclass(frozen=True)
class Step:
    """One stage of a plan: its prompt and the minutes planned (0: none)."""

    stage: str
    prompt: str
    minutes: int


@dataclass(frozen=True)
class AgendaChoice:
    """A ready agenda as the start page offers it."""

    id: int
    name: str
    question: str
    steps: list[Step]


@dataclass(frozen=True)
class OwnWorkshop:
    """A workshop this browser runs (it holds its key): to open again, or to start one like it."""

    code: str
    shown_code: str
    title: str
    question: str
    stage: str
    language: str
    #: They lead it (else they help run it with a co-facilitator link).
    lead: bool = True


def _steps(rows: Iterable[StagePrompt | AgendaStep]) -> list[Step]:
    return [Step(row.stage, row.prompt, row.minutes or 0) for row in rows]


def _agenda_steps(session: Session, agenda: Agenda) -> list[Step]:
    return _steps(
        session.exec(
            select(AgendaStep).where(AgendaStep.agenda_id == agenda.id).order_by(AgendaStep.id)
        )
    )


def agendas(*, session: Session, language: str) -> list[AgendaChoice]:
    """The ready agendas in `language`, in the order they were written."""
    return [
        AgendaChoice(
            id=agenda.id,
            name=agenda.name,
            question=agenda.question,
            steps=_agenda_steps(session, agenda),
        )
        for agenda in session.exec(
            select(Agenda).where(Agenda.language == language).order_by(Agenda.id)
        )
    ]


def _workshop_steps(session: Session, workshop: Workshop) -> list[Step]:
    return _steps(
        session.exec(
            select(StagePrompt)
            .where(StagePrompt.workshop_id == workshop.id)
            .order_by(StagePrompt.id)
        )
    )


def _led_or_helped(session: Session, by: SignedIn | None) -> list[Workshop]:
    """The workshops a signed-in member runs, or co-runs through a link they opened."""
    if by is None or not by.holds(*members.RUNS_WORKSHOPS):
        return []
    helped = select(CoFacilitator.workshop_id).where(
        CoFacilitator.member_id == by.member_id, CoFacilitator.revoked_at.is_(None)
    )
    return list(
        session.exec(
            select(Workshop).where(
                or_(Workshop.lead_member_id == by.member_id, Workshop.id.in_(helped))
            )
        )
    )


def own_workshops(
    *, session: Session, keys: dict[str, str], by: SignedIn | None = None
) -> list[OwnWorkshop]:
    """The workshops this browser holds keys of (`keys`: code -> key) and, signed in, every
    workshop the member runs or co-runs on any device; newest first.

    A key that no longer opens its workshop (deleted, a wrong cookie, handed over) lists
    nothing.
    """
    held = session.exec(select(Workshop).where(Workshop.code.in_(list(keys)))).all()
    found = {w.id: w for w in held if is_facilitator(session, w, keys[w.code])}
    found.update({w.id: w for w in _led_or_helped(session, by)})
    return [
        OwnWorkshop(
            code=w.code,
            shown_code=format_code(w.code),
            title=w.title,
            question=w.question,
            stage=w.stage,
            language=w.language,
            lead=(by is not None and w.lead_member_id == by.member_id)
            or is_facilitator(session, w, keys.get(w.code, "")),
        )
        for w in sorted(found.values(), key=lambda w: w.id, reverse=True)
    ]


def _plan(session: Session, workshop: Workshop, steps: Iterable[Step]) -> None:
    for step in steps:
        if step.stage not in STAGES:
            continue
        session.add(
            StagePrompt(
                workshop_id=workshop.id,
                stage=step.stage,
                prompt=clean_text(step.prompt, limit=PROMPT_MAX),
                minutes=step.minutes or None,
            )
        )
    session.flush()


def create_prepared(
    *,
    session: Session,
    agenda_id: int = 0,
    like_code: str = "",
    like_key: str = "",
    by: SignedIn | None,
    **details,
) -> tuple[Workshop, str]:
    """A new workshop (as `workshops.create_workshop`) with the prompts and planned minutes
    of a ready agenda (`agenda_id`), or of an earlier workshop whose key is `like_key`.
    Neither: an empty plan.

    Only a signed-in member who runs workshops (a facilitator or an admin) starts one: it is
    theirs, on every device they sign in on.
    """
    starter = members.require(by, *members.RUNS_WORKSHOPS)
    if agenda_id:
        agenda = session.exec(select(Agenda).where(Agenda.id == agenda_id)).first()
        if agenda is None:
            raise InvalidChoice(str(agenda_id))
        steps = _agenda_steps(session, agenda)
    elif like_code:
        earlier = require_facilitator(session=session, code=like_code, key=like_key)
        steps = _workshop_steps(session, earlier)
    else:
        steps = []
    workshop, key = create_workshop(session=session, **details)
    workshop.lead_member_id = starter.member_id
    session.add(workshop)
    _plan(session, workshop, steps)
    audit.record_by(session, starter, AuditAct.WORKSHOP_STARTED, workshop_code=workshop.code)
    return workshop, key
