"""Workshops: creating one, join codes, stages and what each allows, who may act, joining."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement
from sqlmodel import Session, func, select

from livinglab import access, actors, changes, throttle
from livinglab.changes import Change
from livinglab.codes import new_code, normalize_code
from livinglab.credentials import digest_secret, new_secret
from livinglab.errors import (
    BadProjectorFocus,
    BadRetention,
    BadRoomSize,
    InvalidChoice,
    JoinWaits,
    NotFacilitator,
    NotParticipant,
    WorkshopClosed,
    WorkshopNotFound,
    WrongStage,
)
from livinglab.limits import (
    NAME_MAX,
    ORGANISERS_MAX,
    PEOPLE_IN_ROOM_MAX,
    PLACE_MAX,
    PROMPT_MAX,
    QUESTION_MAX,
    RETENTION_DEFAULT_MONTHS,
    RETENTION_MAX_MONTHS,
    RETENTION_MIN_MONTHS,
    TIMER_MAX_MINUTES,
    TITLE_MAX,
)
from livinglab.models import (
    Language,
    Participant,
    ProjectorFocus,
    Role,
    Stage,
    StageChange,
    StagePrompt,
    Workshop,
    as_utc,
    utcnow,
)
from livinglab.organisation import audit, members
from livinglab.organisation.audit import AuditAct
from livinglab.validation import clean_text, whole_number

#: The roadmap, in order: collect stories, make sense together, dialogue toward change.
STAGES = tuple(Stage)
LANGUAGES = tuple(Language)
ROLES = tuple(Role)


class Act(StrEnum):
    """What someone does in a workshop that only some stages allow."""

    JOIN = "join"
    #: Post a story, or change one's own.
    POST = "post"
    #: Take one's own story back.
    WITHDRAW = "withdraw"
    #: Shape the themes: make, name, merge, split, move cards, decide on suggestions (while
    #: the board is themed: the console shows the theme tools there).
    GROUP = "group"
    #: A participant proposes a theme for their own card (while making sense: the phone
    #: shows it there).
    SUGGEST_THEME = "suggest_theme"
    #: A quick reaction on a theme.
    REACT = "react"
    #: A phone proposes what should change.
    PROPOSE = "propose"
    #: The facilitator runs the room: vote and consent rounds, proposals, decisions,
    #: actions, people on paper.
    CHAIR = "chair"
    #: The facilitator chooses what the projector shows (also once the workshop is closed).
    SHOW = "show"
    #: The room's runners moderate stories: hide or show one, let a waiting one through,
    #: hide all of one author's. After closing only a correction of the record changes them.
    MODERATE = "moderate"
    #: Change a closed workshop's record: a new version with a reason (records/corrections).
    CORRECT = "correct"
    #: A participant asks for their stories to be removed from the closed record.
    ASK_ERASURE = "ask_erasure"


_OPEN = (Stage.WELCOME, Stage.COLLECT, Stage.SENSEMAKING, Stage.DIALOGUE)
#: The stages whose board is grouped into themes (the others show one flat list).
THEMED_STAGES = (Stage.SENSEMAKING, Stage.DIALOGUE)
#: The stage policy: which stages allow each act. The domain asks `require_stage`;
#: the pages ask `stages_allowing` what to show.
STAGE_POLICY: dict[Act, tuple[Stage, ...]] = {
    Act.JOIN: _OPEN,
    Act.POST: (Stage.COLLECT,),
    Act.WITHDRAW: _OPEN,
    Act.GROUP: _OPEN,
    Act.SUGGEST_THEME: (Stage.SENSEMAKING,),
    Act.REACT: (Stage.SENSEMAKING, Stage.DIALOGUE),
    Act.PROPOSE: (Stage.DIALOGUE,),
    Act.CHAIR: _OPEN,
    Act.SHOW: tuple(Stage),
    Act.MODERATE: _OPEN,
    Act.CORRECT: (Stage.CLOSED,),
    Act.ASK_ERASURE: (Stage.CLOSED,),
}


class Screen(StrEnum):
    """A stage's own screen: what the console puts first ("now") and the phone's main part."""

    #: People join; the console may switch review first on.
    JOIN = "join"
    #: Stories come in.
    STORIES = "stories"
    #: Themes form and people vote.
    THEMES = "themes"
    #: Proposals, consent, decisions and actions.
    DIALOGUE = "dialogue"
    #: What came of it: "you said, we did", the decision log.
    OUTCOME = "outcome"


#: Which screen each stage shows. The pages ask `stages_showing` (via components/common).
STAGE_SCREEN: dict[Stage, Screen] = {
    Stage.WELCOME: Screen.JOIN,
    Stage.COLLECT: Screen.STORIES,
    Stage.SENSEMAKING: Screen.THEMES,
    Stage.DIALOGUE: Screen.DIALOGUE,
    Stage.CLOSED: Screen.OUTCOME,
}


def stages_allowing(act: Act) -> tuple[Stage, ...]:
    """The stages in which `act` may be done."""
    return STAGE_POLICY[act]


def stages_showing(screen: Screen) -> tuple[Stage, ...]:
    """The stages whose own screen is `screen`."""
    return tuple(stage for stage, shown in STAGE_SCREEN.items() if shown is screen)


def stages_moving(step: int) -> tuple[Stage, ...]:
    """The stages from which the workshop can move `step` (+1 forward, -1 back)."""
    return tuple(stage for index, stage in enumerate(STAGES) if 0 <= index + step < len(STAGES))


def is_themed(stage: str) -> bool:
    """True when the board of `stage` is grouped into themes (else one flat list)."""
    return stage in THEMED_STAGES


def is_closed(workshop: Workshop) -> bool:
    """True once the workshop is closed: its record stands, nobody sends, votes or answers."""
    return workshop.stage == Stage.CLOSED


def closed_condition() -> ColumnElement[bool]:
    """The SQL condition "the workshop is closed", for queries over workshops."""
    return Workshop.stage == Stage.CLOSED


def closing_condition() -> ColumnElement[bool]:
    """The SQL condition "this stage change closed its workshop", for queries over changes."""
    return StageChange.stage == Stage.CLOSED


def closes_workshop(stage: str) -> bool:
    """Moving on from `stage` closes the workshop: after it nobody sends, votes or answers."""
    if stage not in STAGES:
        return False
    index = STAGES.index(Stage(stage))
    return index + 1 < len(STAGES) and STAGES[index + 1] is Stage.CLOSED


def require_stage(workshop: Workshop, act: Act) -> None:
    """Refuse `act` unless the workshop's stage allows it: closed, or the wrong step."""
    if workshop.stage in STAGE_POLICY[act]:
        return
    if is_closed(workshop):
        raise WorkshopClosed(workshop.code)
    raise WrongStage(workshop.stage)


def create_workshop(
    *,
    session: Session,
    title: str,
    question: str,
    language: str,
    uses_names: bool,
    place: str = "",
    organisers: str = "",
    retention_months: object = RETENTION_DEFAULT_MONTHS,
) -> tuple[Workshop, str]:
    """Store a new workshop; return it with the facilitator key (shown once, never stored).

    `retention_months`: how long after closing its personal data is kept (1..120).
    """
    if language not in LANGUAGES:
        raise InvalidChoice(language)
    months = whole_number(
        retention_months, low=RETENTION_MIN_MONTHS, high=RETENTION_MAX_MONTHS, refusal=BadRetention
    )
    key = new_secret()
    while True:
        code = new_code()
        if session.exec(select(Workshop.id).where(Workshop.code == code)).first() is None:
            break
    workshop = Workshop(
        code=code,
        title=clean_text(title, limit=TITLE_MAX, multiline=False),
        question=clean_text(question, limit=QUESTION_MAX),
        place=clean_text(place, limit=PLACE_MAX, multiline=False, required=False),
        organisers=clean_text(organisers, limit=ORGANISERS_MAX, multiline=False, required=False),
        language=Language(language).value,
        uses_names=bool(uses_names),
        facilitator_key_hash=digest_secret(key),
        retention_months=months,
    )
    session.add(workshop)
    session.flush()
    session.add(StageChange(workshop_id=workshop.id, stage=workshop.stage))
    session.flush()
    return workshop, key


def find_workshop(*, session: Session, code: str) -> Workshop:
    """The workshop with this join code, however it was typed."""
    workshop = session.exec(select(Workshop).where(Workshop.code == normalize_code(code))).first()
    if workshop is None:
        raise WorkshopNotFound(code)
    return workshop


def is_facilitator(session: Session, workshop: Workshop, key: str) -> bool:
    """True when `key` leads this workshop (`actors.runner`: its facilitator key, or the
    session of the member who runs it, while that member may still run workshops)."""
    found = actors.runner(session, workshop, key)
    return found is not None and found.is_lead


def require_facilitator(
    *, session: Session, code: str, key: str, act: Act | None = None
) -> Workshop:
    """The workshop, if `key` is its facilitator key and its stage allows `act` (when given)."""
    workshop = find_workshop(session=session, code=code)
    if not is_facilitator(session, workshop, key):
        raise NotFacilitator(code)
    if act is not None:
        require_stage(workshop, act)
    return workshop


def join(
    *, session: Session, code: str, name: str, role: str, address: str | None = None
) -> tuple[Participant, str]:
    """Add a participant; return them with their token (kept on the phone, stored hashed).

    `address` is the phone's client address: one address gets at most so many new
    participants a minute (throttle.JoinCeiling); beyond that joining waits. Only a
    join that would be stored counts. None: not a phone (the project's own scripts).
    """
    workshop = find_workshop(session=session, code=code)
    joined = enrol(session=session, workshop=workshop, name=name, role=role)
    if address is not None and not throttle.new_participants().admit(address, workshop.code):
        raise JoinWaits(address)
    return joined


def enrol(
    *, session: Session, workshop: Workshop, name: str, role: str, on_paper: bool = False
) -> tuple[Participant, str]:
    """Add a participant to an open workshop: a name only if the workshop uses names."""
    require_stage(workshop, Act.JOIN)
    if role not in ROLES:
        raise InvalidChoice(role)
    shown_name = None
    if workshop.uses_names:
        shown_name = clean_text(name or "", limit=NAME_MAX, multiline=False, required=False) or None
    token = new_secret()
    participant = Participant(
        workshop_id=workshop.id,
        token_hash=digest_secret(token),
        name=shown_name,
        role=role,
        on_paper=on_paper,
    )
    session.add(participant)
    session.flush()
    changes.record(session, workshop, Change.PEOPLE)
    return participant, token


def require_participant(
    *, session: Session, code: str, token: str, act: Act | None = None
) -> tuple[Workshop, Participant]:
    """The workshop and the participant holding `token` in it, if its stage allows `act`
    (when given); refuse anyone else."""
    participant = actors.participant(session, code, token)
    if participant is None:
        raise NotParticipant(code)
    workshop = access.workshop_of(session, participant)
    if act is not None:
        require_stage(workshop, act)
    return workshop, participant


def participant_count(*, session: Session, workshop_id: int) -> int:
    """How many people joined this workshop."""
    return session.exec(
        select(func.count()).select_from(Participant).where(Participant.workshop_id == workshop_id)
    ).one()


def move_stage(
    *, session: Session, code: str, key: str, step: int, seen: str | None = None
) -> Workshop:
    """Move one stage forward (+1) or back (-1); co-creation is not a straight line.

    `seen` is the stage the facilitator's screen showed when they pressed: if the
    workshop is no longer there (a double click, a second console), nothing moves.
    """
    workshop = require_facilitator(session=session, code=code, key=key)
    if workshop.purged_at is not None:
        raise WorkshopClosed(code)  # its people's data is gone: it cannot open again
    if step not in (1, -1):
        raise InvalidChoice(str(step))
    if seen is not None and seen != workshop.stage:
        return workshop
    index = STAGES.index(workshop.stage) + step
    if not 0 <= index < len(STAGES):
        raise InvalidChoice(str(index))
    was_closed = is_closed(workshop)
    workshop.stage = STAGES[index].value
    workshop.timer_ends_at = None  # a timer belongs to the stage it was started in
    workshop.projector_focus = ProjectorFocus.FOLLOW  # a new stage brings its own focus
    session.add(workshop)
    session.add(StageChange(workshop_id=workshop.id, stage=workshop.stage))
    session.flush()
    changes.record(session, workshop, Change.STAGE)
    if is_closed(workshop):
        changes.record(session, workshop, Change.CLOSED)  # its record is sealed (records/)
        audit_lead(session, workshop, AuditAct.WORKSHOP_CLOSED)
    elif was_closed:
        changes.record(session, workshop, Change.REOPENED)
        audit_lead(session, workshop, AuditAct.WORKSHOP_REOPENED)
    return workshop


def audit_lead(session: Session, workshop: Workshop, act: AuditAct, detail: str = "") -> None:
    """Put an act of the workshop's facilitator on the audit trail: the member who runs it
    (only they can act as its facilitator), or "facilitator link" for a workshop without."""
    lead = members.active_member(session, workshop.lead_member_id)
    audit.record(
        session,
        act,
        actor=lead.name if lead is not None else audit.FACILITATOR_LINK,
        member_id=lead.id if lead is not None else None,
        workshop_code=workshop.code,
        detail=detail,
    )


#: What the projector shows in each stage unless the facilitator chose otherwise.
STAGE_FOCUS: dict[Stage, ProjectorFocus] = {
    Stage.WELCOME: ProjectorFocus.JOIN,
    Stage.COLLECT: ProjectorFocus.BOARD,
    Stage.SENSEMAKING: ProjectorFocus.BOARD,
    Stage.DIALOGUE: ProjectorFocus.PROPOSAL,
    Stage.CLOSED: ProjectorFocus.PROPOSAL,
}


def show_on_projector(*, session: Session, code: str, key: str, focus: str) -> Workshop:
    """Choose what the projector shows without moving the stage; "" follows the stage again.

    The choice holds until the stage moves (`move_stage` resets it).
    """
    workshop = require_facilitator(session=session, code=code, key=key, act=Act.SHOW)
    if str(focus) not in tuple(ProjectorFocus):
        raise BadProjectorFocus(str(focus))
    if workshop.projector_focus == focus:
        return workshop  # a second click changes nothing
    workshop.projector_focus = ProjectorFocus(focus).value
    session.add(workshop)
    session.flush()
    changes.record(session, workshop, Change.STAGE)
    return workshop


def projector_shows(*, stage: str, focus: str, results_revealed: bool) -> ProjectorFocus:
    """What the projector shows now: the facilitator's choice, else what the stage asks.

    While making sense, revealed vote results take the whole screen.
    """
    if focus in tuple(ProjectorFocus) and focus != ProjectorFocus.FOLLOW:
        return ProjectorFocus(focus)
    if stage == Stage.SENSEMAKING and results_revealed:
        return ProjectorFocus.RESULTS
    return STAGE_FOCUS.get(Stage(stage), ProjectorFocus.BOARD)


def set_prompt(*, session: Session, code: str, key: str, stage: str, prompt: str) -> str:
    """Give `stage` the question people answer during it; an empty prompt removes it."""
    workshop = require_facilitator(session=session, code=code, key=key)
    if stage not in STAGES:
        raise InvalidChoice(stage)
    row = session.exec(
        select(StagePrompt).where(
            StagePrompt.workshop_id == workshop.id, StagePrompt.stage == stage
        )
    ).first()
    changes.record(session, workshop, Change.STAGE)
    if not str(prompt or "").strip():
        if row is not None:
            session.delete(row)
        return ""
    text = clean_text(prompt, limit=PROMPT_MAX)
    if row is None:
        row = StagePrompt(workshop_id=workshop.id, stage=stage, prompt=text)
    row.prompt = text
    session.add(row)
    session.flush()
    return text


def set_people_in_room(*, session: Session, code: str, key: str, people: object) -> int | None:
    """How many people are in the room, as the facilitator counted them (empty: not counted).

    The console warns when more phones and people on paper joined than this: someone
    joined twice, or from outside the room.
    """
    workshop = require_facilitator(session=session, code=code, key=key, act=Act.CHAIR)
    counted = (
        whole_number(people, low=1, high=PEOPLE_IN_ROOM_MAX, refusal=BadRoomSize)
        if str(people or "").strip()
        else None
    )
    if counted != workshop.people_in_room:
        workshop.people_in_room = counted
        session.add(workshop)
        changes.record(session, workshop, Change.PEOPLE)
    return counted


def stage_plan(*, session: Session, workshop: Workshop) -> tuple[str, int]:
    """The prompt of the workshop's current stage and the minutes planned for it
    ("" and 0 when none was set)."""
    row = session.exec(
        select(StagePrompt.prompt, StagePrompt.minutes).where(
            StagePrompt.workshop_id == workshop.id, StagePrompt.stage == workshop.stage
        )
    ).first()
    return (row[0], row[1] or 0) if row else ("", 0)


def start_timer(*, session: Session, code: str, key: str, minutes: float) -> datetime:
    """Start a countdown for the current stage; its end is a server time all screens share."""
    workshop = require_facilitator(session=session, code=code, key=key)
    try:
        minutes = float(minutes)
    except (TypeError, ValueError):
        raise InvalidChoice(str(minutes)) from None
    if not 0 < minutes <= TIMER_MAX_MINUTES:
        raise InvalidChoice(str(minutes))
    workshop.timer_ends_at = utcnow() + timedelta(minutes=minutes)
    session.add(workshop)
    session.flush()
    changes.record(session, workshop, Change.STAGE)
    return workshop.timer_ends_at


def stop_timer(*, session: Session, code: str, key: str) -> None:
    """Stop the current stage's countdown."""
    workshop = require_facilitator(session=session, code=code, key=key)
    workshop.timer_ends_at = None
    session.add(workshop)
    session.flush()
    changes.record(session, workshop, Change.STAGE)


@dataclass(frozen=True)
class StageView:
    """What every screen shows about where the workshop is now."""

    stage: str
    prompt: str
    #: Milliseconds since the epoch when the timer ends; 0 when no timer runs.
    timer_ends_ms: int
    participants: int
    #: The minutes planned for this stage (its agenda), the console's timer proposal; 0: none.
    planned_minutes: int = 0


def stage_view(*, session: Session, workshop: Workshop) -> StageView:
    """The current stage, its prompt and timer, and how many joined."""
    ends = workshop.timer_ends_at
    prompt, planned = stage_plan(session=session, workshop=workshop)
    return StageView(
        stage=workshop.stage,
        prompt=prompt,
        planned_minutes=planned,
        timer_ends_ms=int(as_utc(ends).timestamp() * 1000) if ends else 0,
        participants=participant_count(session=session, workshop_id=workshop.id),
    )
