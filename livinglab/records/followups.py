"""After the workshop: actions followed up with dated notes, where participants can see them.

An update is appended, never changed: the history stays, and the current status of an
action is its newest update's ("planned" before any). Who made an update is kept for
the audit trail (`ActionUpdate.reader_id`), never shown on a public page. The exported
record gets the follow-ups as a dated addendum with its own check code, which also
covers the original's, so the original check code still verifies the original record.
"""

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from icalendar import Calendar, Event
from sqlmodel import Session, select

from livinglab import changes
from livinglab.access import access_action
from livinglab.changes import Change
from livinglab.dialogue import ActionView, FollowUp, ProposalView, through_proposals
from livinglab.errors import BadActionStatus, NotClosedYet
from livinglab.limits import FOLLOWUP_MAX
from livinglab.models import (
    AccessLevel,
    Action,
    ActionStatus,
    ActionUpdate,
    Proposal,
    Workshop,
    utcnow,
)
from livinglab.organisation import audit
from livinglab.organisation.audit import AuditAct
from livinglab.records.access import require_access
from livinglab.records.checkcode import digest
from livinglab.validation import clean_text
from livinglab.workshops import closed_condition, is_closed

STATUSES = tuple(status.value for status in ActionStatus)
#: An action nobody followed up yet.
UNTOUCHED = ActionStatus.PLANNED.value
#: Still to be done: these show in the list of open actions and in the calendar.
OPEN = (ActionStatus.PLANNED.value, ActionStatus.IN_PROGRESS.value)


@dataclass(frozen=True)
class OpenAction:
    """An action still to be done, across closed workshops."""

    action_id: int
    code: str
    title: str
    what: str
    owner: str
    due: str
    status: str
    overdue: bool


def followups_of(session: Session, action_ids: list[int]) -> dict[int, list[FollowUp]]:
    """The dated updates per action, oldest first (one query for all of them)."""
    found: dict[int, list[FollowUp]] = defaultdict(list)
    if not action_ids:
        return found
    for update in session.exec(
        select(ActionUpdate)
        .where(ActionUpdate.action_id.in_(action_ids))
        .order_by(ActionUpdate.made_at, ActionUpdate.id)
    ):
        found[update.action_id].append(
            FollowUp(status=update.status, note=update.note, day=update.made_at.date().isoformat())
        )
    return found


def status_of(history: list[FollowUp]) -> str:
    return history[-1].status if history else UNTOUCHED


def with_followups(session: Session, proposals: list[ProposalView]) -> list[ProposalView]:
    """`proposals` with each action's current status and dated follow-ups."""
    history = followups_of(session, [a.id for p in proposals for a in p.actions])
    return [
        replace(
            proposal,
            actions=[
                replace(a, status=status_of(history[a.id]), followups=history[a.id])
                for a in proposal.actions
            ],
        )
        for proposal in proposals
    ]


def said_and_done(session: Session, record: dict) -> list[ProposalView]:
    """The proposals of a sealed record as the phones' "you said, we did" shows them, each
    action with its status and dated follow-ups."""
    themes = {theme["id"]: theme["name"] for theme in record["themes"]}
    return with_followups(
        session,
        [
            ProposalView(
                id=proposal["id"],
                text=proposal["text"],
                theme=themes.get(proposal["theme_id"], ""),
                outcome=(proposal["decision"] or {}).get("outcome", ""),
                rationale=(proposal["decision"] or {}).get("rationale", ""),
                decision_id=0,
                actions=[
                    ActionView(
                        what=action["what"],
                        owner=action["owner"],
                        due=action["due"] or "",
                        id=action["id"],
                    )
                    for action in proposal["actions"]
                ],
            )
            for proposal in record["proposals"]
        ],
    )


def update_action(
    *, session: Session, credential: str, action_id: int, status: str, note: str = ""
) -> ActionUpdate:
    """Append a dated follow-up to an action of a closed workshop (update access needed)."""
    caller = require_access(session=session, credential=credential, level=AccessLevel.UPDATE)
    action, workshop = access_action(session, action_id)
    if not is_closed(workshop):
        raise NotClosedYet()
    if status not in STATUSES:
        raise BadActionStatus(str(status))
    update = ActionUpdate(
        action_id=action.id,
        status=status,
        note=clean_text(note, limit=FOLLOWUP_MAX, required=False),
        reader_id=caller.reader_id,
        made_at=utcnow(),
    )
    session.add(update)
    session.flush()
    changes.record(session, workshop, Change.FOLLOWED_UP)  # the note is found in the library
    audit.record(
        session,
        AuditAct.ACTION_FOLLOWED_UP,
        actor=caller.name,
        member_id=caller.member_id,
        workshop_code=workshop.code,
        detail=f"action {action.id}: {status}",
    )
    return update


def _actions_of_closed(session: Session, *, organisers: str = ""):
    query = (
        through_proposals(select(Action, Workshop))
        .join(Workshop, Workshop.id == Proposal.workshop_id)
        .where(closed_condition())
        .order_by(Action.id)
    )
    rows = list(session.exec(query))
    if organisers:
        wanted = organisers.casefold()
        rows = [row for row in rows if wanted in row[1].organisers.casefold()]
    return rows


def open_actions(
    *, session: Session, credential: str, today: date | None = None, organisers: str = ""
) -> list[OpenAction]:
    """Actions still to be done in closed workshops: overdue first, then by due date."""
    require_access(session=session, credential=credential)
    today = today or utcnow().date()
    rows = _actions_of_closed(session, organisers=organisers)
    history = followups_of(session, [action.id for action, _ in rows])
    found = []
    for action, workshop in rows:
        status = status_of(history[action.id])
        if status not in OPEN:
            continue
        found.append(
            OpenAction(
                action_id=action.id,
                code=workshop.code,
                title=workshop.title,
                what=action.what,
                owner=action.owner,
                due=action.due.isoformat() if action.due else "",
                status=status,
                overdue=action.due is not None and action.due < today,
            )
        )
    return sorted(found, key=lambda a: (not a.overdue, a.due == "", a.due, a.action_id))


def addendum(*, session: Session, workshop: Workshop, original_digest: str, version: int) -> dict:
    """The follow-ups of a record, dated, with a check code that covers the check code of
    the record version it follows (and names that version)."""
    actions = list(
        session.exec(
            through_proposals(select(Action))
            .where(Proposal.workshop_id == workshop.id)
            .order_by(Action.id)
        )
    )
    history = followups_of(session, [action.id for action in actions])
    body = {
        "original_digest": original_digest,
        "version": version,
        "made": utcnow().date().isoformat(),
        "actions": [
            {
                "what": action.what,
                "owner": action.owner,
                "due": action.due.isoformat() if action.due else None,
                "status": status_of(history[action.id]),
                "followups": [
                    {"day": f.day, "status": f.status, "note": f.note} for f in history[action.id]
                ],
            }
            for action in actions
        ],
    }
    return {**body, "digest": digest(body)}


def verify_addendum(addendum_record: dict, original_digest: str) -> bool:
    """True when the addendum is unchanged and belongs to the record with `original_digest`."""
    return addendum_record.get("original_digest") == original_digest and digest(
        addendum_record
    ) == addendum_record.get("digest")


def calendar(*, session: Session, credential: str, organisers: str = "") -> bytes:
    """An iCalendar feed of the due dates of open actions (per organisation when given)."""
    open_now = [
        action
        for action in open_actions(session=session, credential=credential, organisers=organisers)
        if action.due
    ]
    feed = Calendar()
    feed.add("prodid", "-//livinglab//actions//NL")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", f"livinglab {organisers}".strip())
    for action in open_now:
        event = Event()
        event.add("uid", f"action-{action.action_id}@livinglab")
        event.add("summary", f"{action.what} ({action.owner})")
        event.add("description", action.title)
        event.add("dtstart", date.fromisoformat(action.due))
        event.add("dtstamp", utcnow())
        feed.add_component(event)
    return feed.to_ical()
