"""Making sense together: themes, moving cards into them, merging, splitting, suggestions."""

from dataclasses import dataclass

from sqlmodel import Session, func, select

from livinglab import changes
from livinglab.access import (
    access_insight,
    access_open_suggestion,
    access_own_insight,
    access_theme,
    suggested_insight,
)
from livinglab.changes import Change
from livinglab.cofacilitators import require_runner
from livinglab.errors import InsightNotFound, MergeIntoItself
from livinglab.limits import THEME_NAME_MAX
from livinglab.models import Insight, Reaction, SuggestionStatus, Theme, ThemeSuggestion, Workshop
from livinglab.suggester import suggest, suggest_themes
from livinglab.validation import clean_text
from livinglab.workshops import Act, require_participant

__all__ = [
    "ThemeSummary",
    "accept_suggestion",
    "apply_grouping",
    "create_theme",
    "decline_suggestion",
    "delete_theme",
    "merge_themes",
    "move_insight",
    "propose_grouping",
    "rename_theme",
    "split_theme",
    "suggest_theme_for_own_insight",
    "suggest_themes",
    "theme_summaries",
]


@dataclass(frozen=True)
class ThemeSummary:
    """A theme as every screen shows it: name and how many visible cards it holds."""

    id: int
    name: str
    cards: int


def _editable(session: Session, code: str, key: str, act: str) -> Workshop:
    """The workshop, for its facilitator or a co-facilitator, while its themes may still
    change; `act` goes into the audit trail with who did it.

    Every change of themes or cards' places is announced as THEMES: phones show the
    themes' names and counts, the facilitator's screens the grouped board.
    """
    runner = require_runner(session=session, code=code, key=key, act=Act.GROUP, audit=act)
    changes.record(session, runner.workshop, Change.THEMES)
    return runner.workshop


def _name(name: object) -> str:
    return clean_text(name, limit=THEME_NAME_MAX, multiline=False)


def create_theme(*, session: Session, code: str, key: str, name: str) -> Theme:
    """A new, empty theme."""
    workshop = _editable(session, code, key, "create_theme")
    theme = Theme(workshop_id=workshop.id, name=_name(name))
    session.add(theme)
    session.flush()
    return theme


def rename_theme(*, session: Session, code: str, key: str, theme_id: int, name: str) -> Theme:
    """Give a theme a better name."""
    theme = access_theme(session, _editable(session, code, key, "rename_theme"), theme_id)
    theme.name = _name(name)
    session.add(theme)
    session.flush()
    return theme


def move_insight(
    *, session: Session, code: str, key: str, insight_id: int, theme_id: int | None
) -> Insight:
    """Put a card into a theme of this workshop, or back into ungrouped (None)."""
    workshop = _editable(session, code, key, "move_insight")
    insight = access_insight(session, workshop, insight_id)
    insight.theme_id = None if theme_id is None else access_theme(session, workshop, theme_id).id
    session.add(insight)
    session.flush()
    return insight


def _cards_of(session: Session, theme: Theme) -> list[Insight]:
    return list(session.exec(select(Insight).where(Insight.theme_id == theme.id)))


def _remove(session: Session, theme: Theme) -> None:
    for suggestion in session.exec(
        select(ThemeSuggestion).where(ThemeSuggestion.theme_id == theme.id)
    ):
        session.delete(suggestion)
    for reaction in session.exec(select(Reaction).where(Reaction.theme_id == theme.id)):
        session.delete(reaction)
    session.delete(theme)


def _move_reactions(session: Session, source: Theme, target: Theme) -> None:
    """A merge keeps people's reactions: each moves to the target unless given there already."""
    given = set(
        session.exec(
            select(Reaction.participant_id, Reaction.kind).where(Reaction.theme_id == target.id)
        ).all()
    )
    for reaction in session.exec(select(Reaction).where(Reaction.theme_id == source.id)):
        if (reaction.participant_id, reaction.kind) not in given:
            reaction.theme_id = target.id
            session.add(reaction)


def merge_themes(
    *, session: Session, code: str, key: str, theme_id: int, into_theme_id: int
) -> Theme:
    """Move every card of one theme into another and remove the first."""
    workshop = _editable(session, code, key, "merge_themes")
    if theme_id == into_theme_id:
        raise MergeIntoItself(str(theme_id))
    source = access_theme(session, workshop, theme_id)
    target = access_theme(session, workshop, into_theme_id)
    for insight in _cards_of(session, source):
        insight.theme_id = target.id
        session.add(insight)
    _move_reactions(session, source, target)
    session.flush()
    _remove(session, source)
    session.flush()
    return target


def split_theme(
    *, session: Session, code: str, key: str, theme_id: int, insight_ids: list[int], name: str
) -> Theme:
    """Move some cards of a theme into a new theme called `name`."""
    workshop = _editable(session, code, key, "split_theme")
    source = access_theme(session, workshop, theme_id)
    moving = [access_insight(session, workshop, insight_id) for insight_id in insight_ids]
    if not moving or any(insight.theme_id != source.id for insight in moving):
        raise InsightNotFound(str(insight_ids))
    theme = Theme(workshop_id=workshop.id, name=_name(name))
    session.add(theme)
    session.flush()
    for insight in moving:
        insight.theme_id = theme.id
        session.add(insight)
    session.flush()
    return theme


def delete_theme(*, session: Session, code: str, key: str, theme_id: int) -> None:
    """Remove a theme; its cards go back to ungrouped, none is lost."""
    theme = access_theme(session, _editable(session, code, key, "delete_theme"), theme_id)
    for insight in _cards_of(session, theme):
        insight.theme_id = None
        session.add(insight)
    session.flush()
    _remove(session, theme)
    session.flush()


def theme_summaries(*, session: Session, workshop_id: int) -> list[ThemeSummary]:
    """Every theme of the workshop with its count of visible cards, oldest first."""
    counts = dict(
        session.exec(
            select(Insight.theme_id, func.count())
            .where(Insight.workshop_id == workshop_id, Insight.hidden == False)  # noqa: E712
            .group_by(Insight.theme_id)
        ).all()
    )
    return [
        ThemeSummary(id=theme.id, name=theme.name, cards=counts.get(theme.id, 0))
        for theme in session.exec(
            select(Theme).where(Theme.workshop_id == workshop_id).order_by(Theme.id)
        )
    ]


def suggest_theme_for_own_insight(
    *, session: Session, code: str, token: str, insight_id: int, theme_id: int
) -> ThemeSuggestion:
    """A participant proposes a theme for their own card; the facilitator decides."""
    workshop, participant = require_participant(
        session=session, code=code, token=token, act=Act.SUGGEST_THEME
    )
    insight = access_own_insight(session, participant, insight_id)
    theme = access_theme(session, workshop, theme_id)
    suggestion = ThemeSuggestion(workshop_id=workshop.id, insight_id=insight.id, theme_id=theme.id)
    session.add(suggestion)
    session.flush()
    changes.record(session, workshop, Change.THEMES)
    return suggestion


def accept_suggestion(*, session: Session, code: str, key: str, suggestion_id: int) -> Insight:
    """Move the card into the theme its author proposed."""
    workshop = _editable(session, code, key, "accept_suggestion")
    suggestion = access_open_suggestion(session, workshop, suggestion_id)
    suggestion.status = SuggestionStatus.ACCEPTED.value
    session.add(suggestion)
    insight = suggested_insight(session, suggestion)
    insight.theme_id = suggestion.theme_id
    session.add(insight)
    session.flush()
    return insight


def decline_suggestion(*, session: Session, code: str, key: str, suggestion_id: int) -> None:
    """Leave the card where it is; the proposal is kept as declined."""
    workshop = require_runner(
        session=session, code=code, key=key, act=Act.GROUP, audit="decline_suggestion"
    ).workshop
    suggestion = access_open_suggestion(session, workshop, suggestion_id)
    suggestion.status = SuggestionStatus.DECLINED.value
    session.add(suggestion)
    session.flush()
    changes.record(session, workshop, Change.BOARD)  # only the facilitator's list changed


@dataclass(frozen=True)
class ProposedTheme:
    """One group the suggester proposes: a name, the cards in it, the card that shows it best.

    `other`: the stories that fit no theme, gathered so the facilitator can sort them.
    """

    name: str
    insight_ids: list[int]
    representative_id: int = 0
    other: bool = False


@dataclass(frozen=True)
class Grouping:
    """The suggester's proposal; `by_meaning` False: the sentence model could not load."""

    themes: list[ProposedTheme]
    by_meaning: bool


def propose_grouping(*, session: Session, code: str, key: str) -> Grouping:
    """Suggested themes for the visible ungrouped cards (stored only once accepted)."""
    workshop = require_runner(session=session, code=code, key=key, act=Act.GROUP).workshop
    cards = list(
        session.exec(
            select(Insight)
            .where(
                Insight.workshop_id == workshop.id,
                Insight.theme_id == None,  # noqa: E711
                Insight.hidden == False,  # noqa: E712
            )
            .order_by(Insight.id)
        )
    )
    found = suggest([card.text for card in cards], workshop.language)
    themes = [
        ProposedTheme(
            name=name,
            insight_ids=[cards[index].id for index in group],
            representative_id=cards[representative].id,
            other=number == found.other,
        )
        for number, (name, group, representative) in enumerate(
            zip(found.names, found.groups, found.representatives, strict=True)
        )
    ]
    return Grouping(themes=themes, by_meaning=found.by_meaning)


def apply_grouping(
    *, session: Session, code: str, key: str, grouping: list[ProposedTheme]
) -> list[Theme]:
    """Make the accepted (possibly edited) proposal real: one theme per group."""
    workshop = _editable(session, code, key, "apply_grouping")
    themes = []
    for proposed in grouping:
        cards = [
            access_insight(session, workshop, insight_id) for insight_id in proposed.insight_ids
        ]
        theme = Theme(workshop_id=workshop.id, name=_name(proposed.name))
        session.add(theme)
        session.flush()
        for card in cards:
            card.theme_id = theme.id
            session.add(card)
        themes.append(theme)
    session.flush()
    return themes
