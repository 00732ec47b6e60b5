"""A workshop scripted through the domain, straight into a running server's database.

Hundreds of stories in a second instead of hundreds of phones: for the projector's
layout tests and its screenshots. The server does not hear these changes (another
process, no Redis bus), so a screen shows them after a reload.
"""

from contextlib import closing
from pathlib import Path

from sqlmodel import Session

from livinglab import dialogue, insights, sensemaking, voting, workshops
from livinglab.db import make_engine
from livinglab.sensemaking import ProposedTheme
from livinglab.workshops import ROLES, STAGES

#: Stories of every length, near the longest a phone may send (INSIGHT_MAX); seven, so
#: themes of 24 cards each start with another story.
STORIES = (
    "De bus naar het bedrijventerrein rijdt pas na achten.",
    "Via de buurtkamer kwam ik bij een werkgever die naar mij keek, niet naar mijn cv.",
    "Eén vast aanspreekpunt bij de gemeente scheelt mensen veel formulieren en veel zorgen.",
    "Een proefplaatsing van twee weken haalde bij ons alle twijfel weg.",
    "Ik durfde geen werk aan te nemen omdat ik bang was mijn toeslag kwijt te raken. Niemand "
    "kon mij vooraf vertellen wat ik zou overhouden. Pas toen een vrijwilliger van de "
    "schuldhulp met mij ging rekenen, zag ik dat werken wel loonde. Dat gesprek had ik "
    "een jaar eerder nodig gehad. Nu ben ik twee jaar verder en ik werk drie dagen in de "
    "zorg, met een vaste begeleider die ik kan bellen als er iets misgaat met mijn geld.",
    "Brieven van de gemeente zijn te moeilijk.",
    "Mijn buurvrouw nam mij mee naar een open dag bij de zorginstelling om de hoek.",
)
THEME_NAMES = (
    "Vervoer",
    "Brieven en regels",
    "Schulden",
    "Werkgevers",
    "Begeleiding",
    "Kinderopvang",
    "Taal",
    "Gezondheid",
    "Scholing",
    "Wonen",
    "Vrijwilligerswerk",
    "Digitale hulp",
)
PROPOSALS = (
    "Eén vast aanspreekpunt voor werk en inkomen, met een vaste telefoontijd",
    "Brieven in eenvoudige taal, getest door een leesgroep van inwoners",
    "Een pendelbus naar het bedrijventerrein voor de vroege dienst",
    "Rekenhulp vooraf: wat houd je over als je gaat werken?",
)


class ScriptedRoom:
    """One workshop in the server's database, moved on by plain domain calls."""

    def __init__(self, database: Path, *, title: str, question: str, language: str = "nl"):
        self._engine = make_engine(f"sqlite:///{database}")
        with closing(Session(self._engine, expire_on_commit=False)) as session:
            workshop, self.key = workshops.create_workshop(
                session=session, title=title, question=question, language=language, uses_names=True
            )
            session.commit()
        self.code = workshop.code
        self.stage = workshop.stage
        self.tokens: list[str] = []
        self.insight_ids: list[int] = []
        self.theme_ids: list[int] = []
        self.grouped = 0
        self.proposal_ids: list[int] = []

    def _run(self, call, **kwargs):
        with closing(Session(self._engine, expire_on_commit=False)) as session:
            result = call(session=session, code=self.code, **kwargs)
            session.commit()
            return result

    def _chair(self, call, **kwargs):
        return self._run(call, key=self.key, **kwargs)

    def join(self, count: int, *, role: str = "") -> None:
        """`count` people of `role` (or of every role in turn)."""
        for number in range(len(self.tokens), len(self.tokens) + count):
            _, token = self._run(
                workshops.join,
                name=f"Deelnemer{number}",
                role=role or ROLES[number % len(ROLES)],
            )
            self.tokens.append(token)

    def move_to(self, stage: str) -> None:
        """Move the stage on, one step at a time, until it is `stage`."""
        while STAGES.index(self.stage) < STAGES.index(stage):
            self.stage = self._chair(workshops.move_stage, step=1).stage

    def post(self, count: int) -> None:
        for _ in range(count):
            number = len(self.insight_ids)
            insight = self._run(
                insights.post_insight,
                token=self.tokens[number % len(self.tokens)],
                text=f"{STORIES[number % len(STORIES)]} ({number + 1})",
                client_ref=f"story-{number}",
            )
            self.insight_ids.append(insight.id)

    def post_as_written(self, texts: list[str], token: str) -> None:
        """Stories exactly as given, from the participant whose token this is."""
        for text in texts:
            number = len(self.insight_ids)
            insight = self._run(
                insights.post_insight, token=token, text=text, client_ref=f"story-{number}"
            )
            self.insight_ids.append(insight.id)

    def group(self, names: tuple[str, ...], per_theme: int) -> None:
        """New themes of `per_theme` ungrouped cards each, taken in order."""
        groups = []
        for name in names:
            cards = self.insight_ids[self.grouped : self.grouped + per_theme]
            groups.append(ProposedTheme(name=name, insight_ids=cards))
            self.grouped += len(cards)
        themes = self._chair(sensemaking.apply_grouping, grouping=groups)
        self.theme_ids += [theme.id for theme in themes]

    def vote(self, *, reveal: bool) -> None:
        if not reveal:
            self._chair(voting.open_round, dots_per_person=3, max_per_item=1)
            for number, token in enumerate(self.tokens):
                picks = {self.theme_ids[(number * k) % len(self.theme_ids)] for k in (1, 2, 5)}
                self._run(voting.cast_votes, token=token, item_ids=sorted(picks))
            return
        self._chair(voting.close_round)
        self._chair(voting.reveal_results)

    def propose(self, count: int) -> None:
        for text in PROPOSALS[:count]:
            proposal = self._chair(dialogue.add_proposal, text=text, theme_id=self.theme_ids[0])
            self.proposal_ids.append(proposal.id)

    def consent(self, *, answers: bool = False, reveal: bool = False) -> None:
        """Open a consent round on the first proposal; then everyone answers; then reveal."""
        if not answers and not reveal:
            self._chair(dialogue.open_consent, proposal_id=self.proposal_ids[0])
        if answers:
            for number, token in enumerate(self.tokens):
                answer = ("agree", "live_with", "agree", "object")[number % 4]
                reason = "Eerst de wachttijd oplossen" if answer == "object" else ""
                self._run(dialogue.answer_consent, token=token, answer=answer, reason=reason)
        if reveal:
            self._chair(dialogue.close_consent)
            self._chair(dialogue.reveal_consent)

    def decide(self) -> None:
        decision = self._chair(
            dialogue.decide,
            proposal_id=self.proposal_ids[0],
            outcome="adopted_with_changes",
            rationale="Breed gedragen; het bezwaar over de wachttijd nemen we mee in de proef.",
        )
        self._chair(
            dialogue.add_action,
            decision_id=decision.id,
            what="Proef met een vast aanspreekpunt in twee wijken",
            owner="Team Werk en Inkomen",
            due="2027-03-01",
        )
