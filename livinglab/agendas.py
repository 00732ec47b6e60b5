"""Prepared workshops: start from a ready agenda, or like an earlier workshop of one's own.

An agenda is the roadmap with, per stage, the prompt people answer and the time planned.
The ready ones are stored in the database (migration 0008), in Dutch and English; a
workshop started from one gets its prompts and planned minutes, which the facilitator
changes on the console as usual.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, select

from livinglab.codes import format_code
from livinglab.errors import InvalidChoice
from livinglab.limits import PROMPT_MAX
from livinglab.models import Agenda, AgendaStep, StagePrompt, Workshop
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


def own_workshops(*, session: Session, keys: dict[str, str]) -> list[OwnWorkshop]:
    """The workshops whose keys this browser holds (`keys`: code -> key), newest first.

    A key that no longer opens its workshop (deleted, a wrong cookie) lists nothing.
    """
    held = session.exec(select(Workshop).where(Workshop.code.in_(list(keys)))).all()
    found = [workshop for workshop in held if is_facilitator(workshop, keys[workshop.code])]
    return [
        OwnWorkshop(
            code=w.code,
            shown_code=format_code(w.code),
            title=w.title,
            question=w.question,
            stage=w.stage,
            language=w.language,
        )
        for w in sorted(found, key=lambda w: w.id, reverse=True)
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
    **details,
) -> tuple[Workshop, str]:
    """A new workshop (as `workshops.create_workshop`) with the prompts and planned minutes
    of a ready agenda (`agenda_id`), or of an earlier workshop whose key is `like_key`.

    Neither: an empty plan, as before.
    """
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
    _plan(session, workshop, steps)
    return workshop, key
