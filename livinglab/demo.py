"""The sample workshops: one finished (stories by role, themes, a revealed vote, a proposal
with its consent round, a decision and actions, closed) and one open in the collect stage.

Made from livinglab/demo_data.json by the same domain calls a room makes, so everything a
visitor sees in them is real: the projector, the phones, the records and the PDF.
"""

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from livinglab import credentials, dialogue, insights, sensemaking, voting, workshops
from livinglab.errors import DemoRefused
from livinglab.models import Workshop
from livinglab.sensemaking import ProposedTheme

DATA = Path(__file__).with_name("demo_data.json")


@dataclass(frozen=True)
class DemoWorkshop:
    """One sample workshop and a working facilitator key for its console."""

    code: str
    title: str
    stage: str
    key: str


def holds_workshops(session: Session) -> bool:
    """Whether the database holds any workshop, demo or real (the start page offers the
    demo only on an empty one)."""
    return session.exec(select(Workshop.id).limit(1)).first() is not None


def create_demo(*, session: Session, force: bool = False) -> list[DemoWorkshop]:
    """The sample workshops, made once: the finished one first, then the open one.

    A second call makes nothing new; it gives each demo workshop a fresh facilitator key,
    because keys are stored only hashed and the first one cannot be shown again. Refused
    (DemoRefused) when the database holds real workshops, unless `force`.
    """
    existing = session.exec(select(Workshop).where(Workshop.demo).order_by(Workshop.id)).all()
    if existing:
        return [_with_new_key(session, workshop) for workshop in existing]
    if not force and holds_workshops(session):
        raise DemoRefused()
    plan = json.loads(DATA.read_text(encoding="utf-8"))
    return [_closed_workshop(session, plan["closed"]), _open_workshop(session, plan["open"])]


def _with_new_key(session: Session, workshop: Workshop) -> DemoWorkshop:
    key = secrets.token_urlsafe(24)
    workshop.facilitator_key_hash = credentials.digest_secret(key)
    session.add(workshop)
    session.flush()
    return DemoWorkshop(code=workshop.code, title=workshop.title, stage=workshop.stage, key=key)


class _Room:
    """A demo workshop being run: its code and key, its people's tokens."""

    def __init__(self, session: Session, plan: dict) -> None:
        self.session = session
        workshop, self.key = workshops.create_workshop(
            session=session,
            title=plan["title"],
            question=plan["question"],
            place=plan["place"],
            organisers=plan["organisers"],
            language=plan["language"],
            uses_names=plan["uses_names"],
        )
        workshop.demo = True
        session.add(workshop)
        self.workshop = workshop
        self.code = workshop.code
        self.tokens: list[str] = []

    def chair(self, call, **kwargs):
        return call(session=self.session, code=self.code, key=self.key, **kwargs)

    def by(self, person: int, call, **kwargs):
        return call(session=self.session, code=self.code, token=self.tokens[person], **kwargs)

    def next_stage(self) -> None:
        self.chair(workshops.move_stage, step=1)

    def tell(self, stories: list[dict]) -> list[int]:
        """Each story from its own person, who joins to tell it (a second story from one
        phone within seconds would have to wait, as in a room)."""
        ids = []
        for story in stories:
            _, token = workshops.join(
                session=self.session, code=self.code, name=story["name"], role=story["role"]
            )
            self.tokens.append(token)
            insight = insights.post_insight(
                session=self.session,
                code=self.code,
                token=token,
                text=story["text"],
                client_ref=f"demo-{len(self.tokens)}",
            )
            ids.append(insight.id)
        return ids

    def shown(self) -> DemoWorkshop:
        return DemoWorkshop(
            code=self.code, title=self.workshop.title, stage=self.workshop.stage, key=self.key
        )


def _closed_workshop(session: Session, plan: dict) -> DemoWorkshop:
    room = _Room(session, plan)
    room.next_stage()  # collect
    ids = room.tell([story for theme in plan["themes"] for story in theme["stories"]])
    room.next_stage()  # sensemaking
    grouping, start = [], 0
    for theme in plan["themes"]:
        cards = ids[start : start + len(theme["stories"])]
        grouping.append(ProposedTheme(name=theme["name"], insight_ids=cards))
        start += len(cards)
    themes = room.chair(sensemaking.apply_grouping, grouping=grouping)
    vote = plan["vote"]
    room.chair(
        voting.open_round,
        dots_per_person=vote["dots_per_person"],
        max_per_item=vote["max_per_item"],
    )
    for person, dots in enumerate(vote["dots"]):
        room.by(person, voting.cast_votes, item_ids=[themes[theme].id for theme in dots])
    room.chair(voting.close_round)
    room.chair(voting.reveal_results)
    room.next_stage()  # dialogue
    for proposed in plan["proposals"]:
        _discuss(room, proposed, theme_id=themes[proposed["theme"]].id)
    room.next_stage()  # closed
    return room.shown()


def _discuss(room: _Room, proposed: dict, *, theme_id: int) -> None:
    """One proposal: its consent round, its decision and actions, as far as the plan goes."""
    proposal = room.chair(dialogue.add_proposal, text=proposed["text"], theme_id=theme_id)
    if proposed["consent"]:
        room.chair(dialogue.open_consent, proposal_id=proposal.id)
        reasons = proposed["consent"]["reasons"]
        for person, answer in enumerate(proposed["consent"]["answers"]):
            room.by(
                person, dialogue.answer_consent, answer=answer, reason=reasons.get(str(person), "")
            )
        room.chair(dialogue.close_consent)
        room.chair(dialogue.reveal_consent)
    if proposed["decision"]:
        decision = room.chair(dialogue.decide, proposal_id=proposal.id, **proposed["decision"])
        for action in proposed["actions"]:
            room.chair(dialogue.add_action, decision_id=decision.id, **action)


def _open_workshop(session: Session, plan: dict) -> DemoWorkshop:
    room = _Room(session, plan)
    room.next_stage()  # collect
    room.tell(plan["stories"])
    return room.shown()
