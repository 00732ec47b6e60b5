"""The theme board: columns of cards, drag and drop plus a keyboard and tap path."""

import functools
import operator

import reflex as rx

from livinglab import reactions
from livinglab.limits import THEME_NAME_MAX
from livinglab.web.components.common import (
    icon,
    insight_card,
    more_count,
    testid,
    theme_options,
)
from livinglab.web.state.console import UNGROUPED
from livinglab.web.state.console import FacilitatorState as F


def _move_select(card) -> rx.Component:
    """Choose the card's theme: works with a keyboard, a screen reader and a tap.

    A drag (assets/board.js) ends by setting this same select, so both paths meet here.
    """
    return rx.el.label(
        rx.el.span(F.t["move_to"], class_name="sr-only"),
        rx.el.select(
            rx.el.option(F.t["ungrouped"], value=UNGROUPED),
            theme_options(F),
            value=card.theme_id.to_string(),
            on_change=F.move_card(card.id),
            custom_attrs=testid("card-move", **{"data-move-for": card.id}),
        ),
        class_name="move",
    )


def _card_list(cards, *, controls: bool) -> rx.Component:
    """A column's cards; on the projector (no controls) as many as fit, the rest counted."""
    listed = rx.el.ul(
        rx.foreach(
            cards,
            lambda card: insight_card(
                card, F.t, actions=_move_select(card) if controls else None, draggable=controls
            ),
        ),
        class_name="column-cards",
        custom_attrs={} if controls else {"data-fit-list": ""},
    )
    return listed if controls else rx.fragment(listed, more_count(F, "more_cards"))


def _theme_tools(column) -> rx.Component:
    """Rename, merge, split and remove one theme."""
    return rx.el.details(
        rx.el.summary(F.t["rename"], " · ", F.t["merge"], " · ", F.t["split"]),
        rx.el.form(
            rx.el.input(type="hidden", name="theme_id", value=column.id),
            rx.el.label(
                F.t["theme_name"],
                rx.el.input(
                    type="text",
                    name="name",
                    default_value=column.name,
                    max_length=THEME_NAME_MAX,
                    required=True,
                ),
            ),
            rx.el.button(F.t["rename"], type="submit", class_name="quiet"),
            on_submit=F.rename_theme,
            class_name="row",
        ),
        rx.el.form(
            rx.el.input(type="hidden", name="theme_id", value=column.id),
            rx.el.label(
                F.t["merge_into"],
                rx.el.select(
                    theme_options(F),
                    name="into",
                    custom_attrs=testid("merge-into"),
                ),
            ),
            rx.el.button(
                F.t["merge"], type="submit", class_name="quiet", custom_attrs=testid("merge-submit")
            ),
            on_submit=F.merge_theme,
            class_name="row",
        ),
        rx.el.form(
            rx.el.input(type="hidden", name="theme_id", value=column.id),
            rx.foreach(
                column.cards,
                lambda card: rx.el.label(
                    rx.el.input(type="checkbox", name="card-" + card.id.to_string()),
                    card.text,
                    class_name="choice",
                ),
            ),
            rx.el.label(
                F.t["theme_name"], rx.el.input(type="text", name="name", max_length=THEME_NAME_MAX)
            ),
            rx.el.button(F.t["split"], type="submit", class_name="quiet"),
            on_submit=F.split_theme,
            class_name="stack",
        ),
        rx.el.button(
            F.t["delete_theme"],
            class_name="quiet",
            on_click=F.delete_theme(column.id),
            custom_attrs=testid("theme-delete"),
        ),
        class_name="theme-tools",
    )


def _reaction_counts(column) -> rx.Component:
    """The phones' quick reactions to this theme, once there are any."""
    return rx.cond(
        functools.reduce(operator.add, [getattr(column, kind) for kind in reactions.KINDS]) > 0,
        rx.el.p(
            *[
                rx.el.span(
                    icon(kind),
                    " ",
                    getattr(column, kind),
                    title=F.t["reaction_" + kind],
                    aria_label=F.t["reaction_" + kind],
                    class_name="reaction-count",
                    custom_attrs=testid("reaction-count", **{"data-kind": kind}),
                )
                for kind in reactions.KINDS
            ],
            class_name="row",
        ),
    )


def _column(column, *, controls: bool) -> rx.Component:
    return rx.el.section(
        rx.el.h3(
            column.name,
            rx.el.span(" (", column.cards.length(), ")", class_name="muted"),
        ),
        _reaction_counts(column),
        _theme_tools(column) if controls else rx.fragment(),
        _card_list(column.cards, controls=controls),
        class_name="column",
        aria_label=column.name,
        key=column.id,
        custom_attrs=testid(
            "theme-column",
            **{"data-drop-theme": column.id, "data-theme-name": column.name},
            **({} if controls else {"data-fit": ""}),
        ),
    )


def theme_board(*, controls: bool) -> rx.Component:
    """Ungrouped cards beside one column per theme (projector: no controls)."""
    return rx.el.div(
        rx.el.section(
            rx.el.h3(
                F.t["ungrouped"], rx.el.span(" (", F.ungrouped.length(), ")", class_name="muted")
            ),
            _card_list(F.ungrouped, controls=controls),
            class_name="column ungrouped",
            custom_attrs=testid(
                "theme-column",
                **{"data-drop-theme": UNGROUPED, "data-theme-name": ""},
                **({} if controls else {"data-fit": ""}),
            ),
        ),
        rx.foreach(F.columns, lambda column: _column(column, controls=controls)),
        class_name="theme-board",
    )


def theme_tools() -> rx.Component:
    """Make a theme, ask for suggested themes, and judge what the suggester proposes."""
    return rx.el.div(
        rx.el.p(F.t["drag_hint"], class_name="muted"),
        rx.el.div(
            rx.el.form(
                rx.el.label(F.t["theme_name"], html_for="new-theme"),
                rx.el.div(
                    rx.el.input(
                        type="text",
                        id="new-theme",
                        name="name",
                        max_length=THEME_NAME_MAX,
                        required=True,
                        custom_attrs=testid("theme-name"),
                    ),
                    rx.el.button(
                        F.t["add_theme"], type="submit", custom_attrs=testid("theme-create")
                    ),
                    class_name="row",
                ),
                on_submit=F.create_theme,
                reset_on_submit=True,
            ),
            rx.el.button(
                F.t["suggest_button"],
                class_name="secondary",
                on_click=F.suggest_grouping,
                custom_attrs=testid("suggest-themes"),
            ),
            class_name="row",
        ),
        rx.cond(F.suggestion_empty, rx.el.p(F.t["nothing_to_suggest"], class_name="muted")),
        rx.cond(
            F.suggestion.length() > 0,
            rx.el.form(
                rx.el.h3(F.t["suggestion_heading"]),
                rx.el.p(F.t["suggestion_intro"], class_name="muted"),
                rx.cond(
                    F.suggestion_by_words,
                    rx.el.p(
                        F.t["suggestion_by_words"],
                        role="status",
                        class_name="notice",
                        custom_attrs=testid("suggestion-by-words"),
                    ),
                ),
                rx.foreach(F.suggestion, _suggested_group),
                rx.el.div(
                    rx.el.button(
                        F.t["accept_all"], type="submit", custom_attrs=testid("suggestion-accept")
                    ),
                    rx.el.button(
                        F.t["discard"],
                        type="button",
                        class_name="secondary",
                        on_click=F.discard_grouping,
                    ),
                    class_name="row",
                ),
                on_submit=F.accept_grouping,
                class_name="stack suggestion",
            ),
        ),
        class_name="stack",
    )


def _suggested_group(group) -> rx.Component:
    """One suggested theme: its name to edit, the story that shows it best, the others.

    The group of stories that fit no theme has no name: it stays on the wall.
    """
    return rx.el.fieldset(
        rx.cond(
            group.other,
            rx.el.legend(F.t["suggestion_other"]),
            rx.el.legend(
                rx.el.input(
                    type="text",
                    name="name-" + group.index.to_string(),
                    default_value=group.name,
                    max_length=THEME_NAME_MAX,
                    aria_label=F.t["theme_name"],
                    custom_attrs=testid("suggested-name"),
                ),
            ),
        ),
        rx.cond(
            group.example != "",
            rx.el.figure(
                rx.el.figcaption(F.t["suggestion_example"], class_name="muted"),
                rx.el.blockquote(group.example),
                class_name="suggestion-example",
                custom_attrs=testid("suggested-example"),
            ),
        ),
        rx.el.ul(rx.foreach(group.texts, lambda text: rx.el.li(text))),
        custom_attrs=testid("suggested-theme"),
        class_name=rx.cond(group.other, "suggested other", "suggested"),
    )


def participant_theme_proposals() -> rx.Component:
    """Participants' proposals of a theme for their own card: accept or decline each."""
    return rx.fragment(
        rx.cond(
            F.theme_proposals.length() > 0,
            rx.el.section(
                rx.el.h3(F.t["participant_proposals"]),
                rx.el.ul(
                    rx.foreach(
                        F.theme_proposals,
                        lambda proposal: rx.el.li(
                            rx.el.q(proposal.insight_text),
                            " ",
                            F.t["proposes_theme"],
                            " ",
                            rx.el.strong(proposal.theme_name),
                            rx.el.div(
                                rx.el.button(
                                    F.t["accept"],
                                    class_name="quiet",
                                    on_click=F.accept_proposal(proposal.id),
                                    custom_attrs=testid("proposal-accept"),
                                ),
                                rx.el.button(
                                    F.t["decline"],
                                    class_name="quiet",
                                    on_click=F.decline_proposal(proposal.id),
                                ),
                                class_name="row",
                            ),
                            class_name="card",
                        ),
                    ),
                    class_name="stack",
                ),
            ),
        ),
    )
