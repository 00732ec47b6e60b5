"""After closing, a record changes only by an explicit correction: a reason, a new version.

What may still change once a workshop is closed: a story hidden or shown again (on a
participant's or the organisation's request), a participant's stories erased (the GDPR's
right to erasure, asked from their own join link and granted here), or the smallest group
K. Each is made by the facilitator, a co-facilitator, or a records reader with update
access (the organisation key signs as the organisation), and seals version N+1 of the
record (livinglab/records/versions.py) with the reason, what changed in counts, and who.
"""

from dataclasses import dataclass

from sqlmodel import Session, func, select

from livinglab import anonymity, insights
from livinglab.access import access_erasure_request, access_insight
from livinglab.codes import format_code
from livinglab.cofacilitators import require_runner
from livinglab.errors import (
    BadCorrection,
    EmptyText,
    NothingToCorrect,
    NothingToErase,
    ReasonRequired,
)
from livinglab.limits import CORRECTION_REASON_MAX
from livinglab.models import (
    AccessLevel,
    ErasureRequest,
    Insight,
    Participant,
    RecordChange,
    RecordVersion,
    Workshop,
)
from livinglab.organisation import audit
from livinglab.organisation.audit import AuditAct
from livinglab.records.access import require_access
from livinglab.records.versions import Signer, newest, seal
from livinglab.validation import clean_text
from livinglab.workshops import Act, find_workshop, require_participant, require_stage

#: The corrections people make by hand (closing and the purge seal versions by themselves).
CORRECTIONS = (
    RecordChange.HIDE_STORY,
    RecordChange.SHOW_STORY,
    RecordChange.ERASURE,
    RecordChange.SMALLEST_GROUP,
)


@dataclass(frozen=True)
class ErasureLine:
    """A participant's request to remove their stories, as the records page lists it."""

    id: int
    code: str
    shown_code: str
    title: str
    day: str
    stories: int


def runner_signer(*, session: Session, code: str, key: str) -> tuple[Workshop, Signer]:
    """The facilitator or a co-facilitator, as a correction's signer (recorded in the audit)."""
    runner = require_runner(session=session, code=code, key=key, act=Act.CORRECT, audit="correct")
    role = "cofacilitator" if runner.cofacilitator_id else "facilitator"
    return runner.workshop, Signer(audit=runner.actor, role=role)


def reader_signer(*, session: Session, credential: str) -> Signer:
    """A records reader with update access (by name), or the organisation key."""
    caller = require_access(session=session, credential=credential, level=AccessLevel.UPDATE)
    if caller.organisation:
        return Signer(audit="organisation", role="organisation")
    if caller.reader_id is None:  # a signed-in member
        return Signer(audit=f"member-{caller.member_id}", role="records_reader", name=caller.name)
    return Signer(audit=f"reader-{caller.reader_id}", role="records_reader", name=caller.name)


def _reason(reason: object) -> str:
    try:
        return clean_text(reason, limit=CORRECTION_REASON_MAX)
    except EmptyText:
        raise ReasonRequired() from None


def correct(
    *,
    session: Session,
    workshop: Workshop,
    signer: Signer,
    change: str,
    reason: str,
    insight_id: object = None,
    size: object = None,
) -> RecordVersion:
    """Make one correction of `workshop`'s closed record and seal it as the next version.

    `insight_id`: the story to hide or show, or one story of the participant whose stories
    are erased; `size`: the new smallest group K. Nothing is stored unless all holds.
    """
    require_stage(workshop, Act.CORRECT)
    if change not in CORRECTIONS:
        raise BadCorrection(str(change)[:32])
    reason = _reason(reason)
    change = RecordChange(change)
    if change is RecordChange.SMALLEST_GROUP:
        before = workshop.smallest_group
        after = anonymity.change_smallest_group(session, workshop, size)
        if after == before:
            raise NothingToCorrect(str(after))
        what = {"smallest_group_before": before, "smallest_group": after}
    else:
        story = access_insight(session, workshop, insight_id)
        if change is RecordChange.ERASURE:
            what = {"stories": _erase(session, workshop, story.participant_id)}
        elif insights.decide(
            session, signer.audit, story, hidden=change is RecordChange.HIDE_STORY
        ):
            what = {"stories": 1}
        else:
            raise NothingToCorrect(str(story.id))
    version = seal(session, workshop, change=change, signer=signer, reason=reason, what=what)
    audit.record(
        session,
        AuditAct.RECORD_CORRECTED,
        actor=signer.name or signer.audit,
        workshop_code=workshop.code,
        detail=f"{change}, version {version.number}",
    )
    if change is RecordChange.ERASURE:
        _granted(session, story.participant_id, version.number)
    return version


def _erase(session: Session, workshop: Workshop, participant_id: int) -> int:
    if workshop.purged_at is not None:
        raise NothingToErase()  # the purge took every text already
    erased = insights.erase_stories_of(session, workshop, participant_id)
    if not erased:
        raise NothingToErase()
    return erased


def _request_of(session: Session, participant_id: int) -> ErasureRequest | None:
    """This participant's erasure request (at most one each), if they asked."""
    return session.exec(
        select(ErasureRequest).where(ErasureRequest.participant_id == participant_id)
    ).first()


def _granted(session: Session, participant_id: int, version_number: int) -> None:
    request = _request_of(session, participant_id)
    if request is not None and request.granted_in is None:
        request.granted_in = version_number
        session.add(request)
        session.flush()


def correct_as_runner(
    *, session: Session, code: str, key: str, change: str, reason: str, **target: object
) -> RecordVersion:
    """A correction from the console of a closed workshop (facilitator or co-facilitator)."""
    workshop, signer = runner_signer(session=session, code=code, key=key)
    return correct(
        session=session, workshop=workshop, signer=signer, change=change, reason=reason, **target
    )


def correct_as_reader(
    *, session: Session, credential: str, code: str, change: str, reason: str, **target: object
) -> RecordVersion:
    """A correction from the records page (update access)."""
    signer = reader_signer(session=session, credential=credential)
    workshop = find_workshop(session=session, code=code)
    return correct(
        session=session, workshop=workshop, signer=signer, change=change, reason=reason, **target
    )


def _stories_of(session: Session, participant_id: int) -> int:
    return session.exec(
        select(func.count()).select_from(Insight).where(Insight.participant_id == participant_id)
    ).one()


def ask_erasure(*, session: Session, code: str, token: str) -> ErasureRequest:
    """A participant asks, from their own join link after closing, for their stories to be
    removed. Asking twice is one request; it waits for the organisation (`grant_erasure`)."""
    workshop, participant = require_participant(
        session=session, code=code, token=token, act=Act.ASK_ERASURE
    )
    request = _request_of(session, participant.id)
    if request is not None:
        return request
    if workshop.purged_at is not None or not _stories_of(session, participant.id):
        raise NothingToErase()
    request = ErasureRequest(workshop_id=workshop.id, participant_id=participant.id)
    session.add(request)
    session.flush()
    audit.record(
        session, AuditAct.ERASURE_ASKED, actor=audit.PARTICIPANT, workshop_code=workshop.code
    )
    return request


def erasure_asked(*, session: Session, participant: Participant) -> str:
    """Where this participant's request stands: "" (none), "waiting" or "granted"."""
    request = _request_of(session, participant.id)
    if request is None:
        return ""
    return "waiting" if request.granted_in is None else "granted"


def waiting_erasures(*, session: Session, credential: str) -> list[ErasureLine]:
    """The requests that wait for the organisation, oldest first."""
    require_access(session=session, credential=credential)
    rows = session.exec(
        select(ErasureRequest, Workshop)
        .join(Workshop, Workshop.id == ErasureRequest.workshop_id)
        .where(ErasureRequest.granted_in.is_(None))
        .order_by(ErasureRequest.requested_at, ErasureRequest.id)
    )
    return [
        ErasureLine(
            id=request.id,
            code=workshop.code,
            shown_code=format_code(workshop.code),
            title=workshop.title,
            day=request.requested_at.date().isoformat(),
            stories=_stories_of(session, request.participant_id),
        )
        for request, workshop in rows
    ]


def grant_erasure(
    *, session: Session, credential: str, request_id: object, reason: str
) -> RecordVersion | None:
    """Remove the stories of the participant who asked, as a correction (update access).

    When nothing is left to remove (the stories were withdrawn, or the purge took them),
    the request is closed without a new version: the newest already holds none of them.
    """
    signer = reader_signer(session=session, credential=credential)
    request, workshop = access_erasure_request(session, request_id)
    if request.granted_in is not None:
        raise NothingToCorrect(str(request.id))
    reason = _reason(reason)
    if workshop.purged_at is not None or not _stories_of(session, request.participant_id):
        request.granted_in = newest(session, workshop).number
        session.add(request)
        session.flush()
        return None
    story = session.exec(
        select(Insight.id).where(Insight.participant_id == request.participant_id)
    ).first()
    return correct(
        session=session,
        workshop=workshop,
        signer=signer,
        change=RecordChange.ERASURE,
        reason=reason,
        insight_id=story,
    )
