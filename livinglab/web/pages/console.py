"""/f/[code]: the facilitator's console."""

import functools
from collections.abc import Callable

import reflex as rx

from livinglab.limits import (
    DEFAULT_DOTS,
    DEFAULT_PER_ITEM,
    INSIGHT_MAX,
    MAX_DOTS,
    NAME_MAX,
    PEOPLE_IN_ROOM_MAX,
    PROMPT_MAX,
    SMALLEST_GROUP_MAX,
    SMALLEST_GROUP_MIN,
    TIMER_MAX_MINUTES,
    TYPED_CODE_MAX,
)
from livinglab.models import RecordChange
from livinglab.web import routes
from livinglab.web.components.board import (
    board,
    join_panel,
    moderated_card,
    moderation_button,
    only_for_facilitator,
)
from livinglab.web.components.cofacilitators import cofacilitator_controls, own_link
from livinglab.web.components.common import (
    allows,
    by_screen,
    can_move,
    error_message,
    stage_banner,
    testid,
)
from livinglab.web.components.corrections import corrected_card
from livinglab.web.components.dialogue import (
    consent_status,
    decision_controls,
    proposal_card,
    proposal_form,
)
from livinglab.web.components.projector_controls import projector_controls
from livinglab.web.components.themes import (
    participant_theme_proposals,
    theme_board,
    theme_tools,
)
from livinglab.web.components.voting import round_status
from livinglab.web.state.console import PROXY_FIELD
from livinglab.web.state.console import FacilitatorState as F
from livinglab.workshops import ROLES, Act, Screen

#: Keyboard shortcuts for the live moments: the key, the buttons it clicks (data-testid;
#: the first one shown and enabled), and what it does (a catalog key). The console lists
#: them and assets/shortcuts.js reads that list from the page, so this is their only home.
#: A new one is one more line here: for "show on projector", the key "s" and the
#: data-testid of the button in components/projector_controls.py.
SHORTCUTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("n", ("stage-next",), "stage_next"),
    ("b", ("stage-prev",), "stage_prev"),
    ("t", ("timer-stop", "timer-start"), "shortcut_timer"),
    ("r", ("consent-reveal", "round-reveal"), "shortcut_reveal"),
)


def _facilitator_only(build: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
    """Tools a co-facilitator does not get (the server refuses them anyway): the stage,
    timer, rounds, dialogue, downloads, deleting."""

    @functools.wraps(build)
    def shown() -> rx.Component:
        return rx.cond(F.is_lead, build())

    return shown


def _hidden_board() -> rx.Component:
    return rx.cond(
        F.hidden_cards.length() > 0,
        rx.el.section(
            rx.el.h2(F.t["hidden_label"]),
            rx.el.ul(
                rx.foreach(
                    F.hidden_cards,
                    lambda card: rx.cond(
                        allows(F, Act.CORRECT),
                        corrected_card(F, card, RecordChange.SHOW_STORY),
                        moderated_card(
                            card,
                            rx.cond(
                                allows(F, Act.MODERATE),
                                moderation_button("show", F.show_insight(card.id), "insight-show"),
                            ),
                        ),
                    ),
                ),
                class_name="cards",
            ),
        ),
    )


@_facilitator_only
def _review_switch() -> rx.Component:
    """Review first, on or off, before and while stories are collected (a setting: the
    facilitator's)."""
    return rx.el.div(
        rx.el.p(F.t["review_first_explain"], class_name="muted"),
        rx.cond(
            F.review_first,
            rx.el.div(
                rx.el.p(F.t["review_first_is_on"], role="status"),
                rx.el.button(
                    F.t["review_first_off"],
                    class_name="secondary",
                    on_click=F.set_review_first(False),
                    custom_attrs=testid("review-first-off"),
                ),
                class_name="row",
            ),
            rx.el.button(
                F.t["review_first_on"],
                class_name="secondary",
                on_click=F.set_review_first(True),
                custom_attrs=testid("review-first-on"),
            ),
        ),
        class_name="stack",
        custom_attrs=testid("review-first"),
    )


def _review_queue() -> rx.Component:
    """Stories waiting for review, oldest first, each let through or hidden; nothing of
    them is on the wall until then (also after review first was switched off)."""
    queue = rx.el.section(
        rx.el.h2(
            F.t["review_heading"],
            " (",
            rx.el.span(F.waiting_cards.length(), custom_attrs=testid("review-count")),
            ")",
        ),
        rx.cond(
            ~F.review_first & (F.waiting_cards.length() > 0),
            rx.el.p(F.t["review_off_still_waiting"], class_name="warning", role="status"),
        ),
        rx.cond(
            F.waiting_cards.length() > 1,
            rx.el.button(
                F.t["let_all_through"],
                on_click=F.let_all_through,
                custom_attrs=testid("let-all-through"),
            ),
        ),
        rx.el.ul(
            rx.foreach(
                F.waiting_cards,
                lambda card: moderated_card(
                    card,
                    moderation_button(
                        "let_through", F.show_insight(card.id), "insight-let-through"
                    ),
                    moderation_button("hide", F.hide_insight(card.id), "review-hide"),
                    hide_all=True,
                ),
            ),
            class_name="cards",
            aria_label=F.t["review_heading"],
        ),
        class_name="stack review-queue",
        custom_attrs=testid("review-queue"),
    )
    return rx.cond(
        allows(F, Act.MODERATE) & (F.review_first | (F.waiting_cards.length() > 0)), queue
    )


@_facilitator_only
def _close_confirm() -> rx.Component:
    """Closing cannot be undone for the phones: say what they will see, then ask."""
    return rx.cond(
        F.confirming_close,
        rx.el.div(
            rx.el.h2(F.t["close_heading"]),
            rx.el.p(F.t["close_explain"]),
            rx.el.div(
                rx.el.button(
                    F.t["close_confirm"],
                    auto_focus=True,
                    on_click=F.close_workshop(F.stage),
                    custom_attrs=testid("stage-close-confirm"),
                ),
                rx.el.button(
                    F.t["close_cancel"],
                    class_name="secondary",
                    on_click=F.cancel_close,
                    custom_attrs=testid("stage-close-cancel"),
                ),
                class_name="row",
            ),
            class_name="warning stack",
            custom_attrs=testid("stage-close", **{"data-scroll-into-view": ""}),
        ),
    )


@_facilitator_only
def _timer_form() -> rx.Component:
    return rx.el.form(
        rx.el.label(F.t["timer_minutes"], html_for="minutes"),
        rx.el.div(
            rx.el.input(
                id="minutes",
                name="minutes",
                type="number",
                min=1,
                max=TIMER_MAX_MINUTES,
                default_value=rx.cond(F.planned_minutes > 0, F.planned_minutes.to_string(), "5"),
                key=F.stage,
                style={"width": "6rem"},
                custom_attrs=testid("timer-minutes"),
            ),
            rx.el.button(F.t["timer_start"], type="submit", custom_attrs=testid("timer-start")),
            rx.cond(
                F.timer_ends_ms > 0,
                rx.el.button(
                    F.t["timer_stop"],
                    type="button",
                    class_name="secondary",
                    on_click=F.stop_timer,
                    custom_attrs=testid("timer-stop"),
                ),
            ),
            class_name="row",
        ),
        on_submit=F.start_timer,
    )


@_facilitator_only
def _prompt_form() -> rx.Component:
    return rx.el.form(
        rx.el.label(F.t["prompt_label"], html_for="prompt"),
        rx.el.textarea(
            id="prompt",
            name="prompt",
            max_length=PROMPT_MAX,
            default_value=F.prompt,
            key=F.stage,
            custom_attrs=testid("prompt-input"),
        ),
        rx.el.button(F.t["prompt_save"], type="submit", custom_attrs=testid("prompt-save")),
        on_submit=F.save_prompt,
        class_name="stack",
    )


@_facilitator_only
def _shortcuts() -> rx.Component:
    """The keyboard shortcuts, in the workshop's language (assets/shortcuts.js reads them)."""
    return rx.el.details(
        rx.el.summary(F.t["shortcuts_heading"]),
        rx.el.ul(
            *[
                rx.el.li(
                    rx.el.kbd(key.upper()),
                    " ",
                    F.t[label],
                    custom_attrs={"data-shortcut": key, "data-shortcut-targets": " ".join(targets)},
                )
                for key, targets, label in SHORTCUTS
            ],
            class_name="shortcut-list",
        ),
        rx.el.p(F.t["shortcuts_note"], class_name="muted"),
        rx.el.label(
            rx.el.input(
                type="checkbox",
                default_checked=True,
                custom_attrs={"data-shortcuts-switch": "", "data-testid": "shortcuts-switch"},
            ),
            " ",
            F.t["shortcuts_switch"],
        ),
        class_name="theme-tools",
        custom_attrs=testid("shortcuts"),
    )


def _number_setting(
    *, label: str, name: str, low: int, high: int, value, hook: str, on_submit, help_text=None
) -> rx.Component:
    """A workshop setting that is one whole number: a small field and its own save button."""
    return rx.el.form(
        rx.el.label(F.t[label], html_for=name),
        rx.el.p(F.t[help_text], class_name="muted") if help_text else rx.fragment(),
        rx.el.div(
            rx.el.input(
                id=name,
                name=name,
                type="number",
                min=low,
                max=high,
                default_value=value,
                key=value,
                style={"width": "6rem"},
                custom_attrs=testid(hook),
            ),
            rx.el.button(
                F.t["setting_save"],
                type="submit",
                class_name="secondary",
                custom_attrs=testid(f"{hook}-save"),
            ),
            class_name="row",
        ),
        error_message(F, at=hook),
        on_submit=on_submit,
        class_name="stack",
    )


@_facilitator_only
def _people_in_room_form() -> rx.Component:
    """The head count in the room, so the console can tell when more phones joined."""
    return _number_setting(
        label="people_in_room",
        name="people",
        low=1,
        high=PEOPLE_IN_ROOM_MAX,
        value=rx.cond(F.people_in_room > 0, F.people_in_room.to_string(), ""),
        hook="people-in-room",
        on_submit=F.set_people_in_room,
    )


@_facilitator_only
def _smallest_group_form() -> rx.Component:
    """From how many people a role shows on its own in the results (livinglab/anonymity.py)."""
    return _number_setting(
        label="smallest_group_label",
        help_text="smallest_group_help",
        name="size",
        low=SMALLEST_GROUP_MIN,
        high=SMALLEST_GROUP_MAX,
        value=F.smallest_group.to_string(),
        hook="smallest-group",
        on_submit=F.set_smallest_group,
    )


def _room_warnings() -> rx.Component:
    """More joined than are in the room; many new phones from one address (lead and helpers)."""
    return rx.fragment(
        rx.cond(
            F.more_joined_than_in_room,
            rx.el.p(
                F.t["warn_more_joined"],
                " ",
                F.participants,
                " ",
                F.t["joined"],
                ", ",
                F.people_in_room,
                " ",
                F.t["in_the_room"],
                ".",
                class_name="warning",
                role="status",
                custom_attrs=testid("warn-more-joined"),
            ),
        ),
        rx.cond(
            F.crowded > 0,
            rx.el.p(
                F.t["warn_crowded"],
                " ",
                F.crowded,
                " ",
                F.t["warn_crowded_after"],
                class_name="warning",
                role="status",
                custom_attrs=testid("warn-crowded"),
            ),
        ),
    )


def _controls() -> rx.Component:
    return rx.el.aside(
        rx.el.h1(F.title),
        rx.el.p(F.question, class_name="muted"),
        stage_banner(F, instruction=False),
        rx.cond(
            F.is_lead,
            rx.el.div(
                rx.el.button(
                    "← ",
                    F.t["stage_prev"],
                    class_name="secondary",
                    disabled=~can_move(F, -1),
                    on_click=F.previous_stage(F.stage),
                    custom_attrs=testid("stage-prev"),
                ),
                rx.el.button(
                    F.t["stage_next"],
                    " →",
                    disabled=~can_move(F, 1),
                    on_click=F.next_stage(F.stage),
                    custom_attrs=testid("stage-next"),
                ),
                class_name="row",
            ),
        ),
        _close_confirm(),
        error_message(F, at=""),
        _timer_form(),
        _prompt_form(),
        rx.el.div(
            rx.el.a(
                F.t["open_projector"],
                href=routes.projector(F.code),
                target="_blank",
                class_name="button secondary",
            ),
        ),
        rx.cond(F.is_lead, projector_controls()),
        _shortcuts(),
        join_panel(),
        _room_warnings(),
        _people_in_room_form(),
        _smallest_group_form(),
        class_name="stack",
    )


def _count_field(label, name: str, default: int, hook: str) -> rx.Component:
    """A small number field for a round's budget (1 to the most dots a round allows)."""
    return rx.el.label(
        label,
        rx.el.input(
            name=name,
            type="number",
            min=1,
            max=MAX_DOTS,
            default_value=str(default),
            style={"width": "5rem"},
            custom_attrs=testid(hook),
        ),
    )


@_facilitator_only
def _voting_controls() -> rx.Component:
    return rx.el.section(
        rx.el.h2(F.t["vote_heading"]),
        rx.cond(
            F.round_open,
            rx.el.button(
                F.t["close_round"], on_click=F.close_round, custom_attrs=testid("round-close")
            ),
            rx.el.form(
                rx.el.div(
                    _count_field(F.t["dots_per_person"], "dots", DEFAULT_DOTS, "round-dots"),
                    _count_field(
                        F.t["max_per_item"], "per_item", DEFAULT_PER_ITEM, "round-per-item"
                    ),
                    class_name="row",
                ),
                rx.el.button(F.t["open_round"], type="submit", custom_attrs=testid("round-open")),
                on_submit=F.open_round,
                class_name="stack",
            ),
        ),
        rx.cond(
            F.has_round & ~F.round_revealed,
            rx.el.button(
                F.t["reveal"],
                class_name="secondary",
                on_click=F.reveal_results,
                custom_attrs=testid("round-reveal"),
            ),
        ),
        round_status(F),
        _paper_participants(),
        class_name="stack",
    )


def _paper_choice(label, hook: str) -> rx.Component:
    """Choose one of the people taking part on paper (field participant_id)."""
    return rx.el.label(
        label,
        rx.el.select(
            rx.foreach(
                F.paper,
                lambda person: rx.el.option(
                    person.label, " · ", F.t["role_" + person.role], value=person.id
                ),
            ),
            name="participant_id",
            custom_attrs=testid(hook),
        ),
    )


def _write_for_paper() -> rx.Component:
    """Collect stage: write down the story of someone without a phone, in their name."""
    return rx.el.section(
        rx.el.h2(F.t["write_for_heading"]),
        rx.cond(
            F.paper.length() > 0,
            rx.el.form(
                _paper_choice(F.t["write_for_who"], "write-for-who"),
                rx.el.label(F.t["write_for_text"], html_for=PROXY_FIELD),
                rx.el.textarea(
                    id=PROXY_FIELD,
                    name="text",
                    max_length=INSIGHT_MAX,
                    required=True,
                    custom_attrs=testid("write-for-text"),
                ),
                rx.el.input(type="hidden", name="ref", value=F.proxy_ref),
                rx.el.button(
                    F.t["write_for_submit"], type="submit", custom_attrs=testid("write-for-submit")
                ),
                on_submit=F.write_for_paper,
                class_name="stack",
            ),
            rx.el.p(F.t["write_for_none"], class_name="muted"),
        ),
        _paper_participants(),
        class_name="stack",
    )


def _paper_participants() -> rx.Component:
    """People without a phone: added by the facilitator, who casts their dots for them."""
    return rx.el.details(
        rx.el.summary(F.t["paper_heading"]),
        rx.el.form(
            rx.el.label(
                F.t["paper_name"], rx.el.input(type="text", name="name", max_length=NAME_MAX)
            ),
            rx.el.label(
                F.t["role_label"],
                rx.el.select(
                    *[rx.el.option(F.t[f"role_{role}"], value=role) for role in ROLES],
                    name="role",
                ),
            ),
            rx.el.button(
                F.t["paper_add"],
                type="submit",
                class_name="quiet",
                custom_attrs=testid("paper-add"),
            ),
            on_submit=F.add_paper_participant,
            reset_on_submit=True,
            class_name="stack",
        ),
        rx.cond(
            F.round_open & (F.paper.length() > 0),
            rx.el.form(
                _paper_choice(F.t["vote_for"], "vote-for-who"),
                rx.foreach(
                    F.vote_items,
                    lambda item: rx.el.label(
                        rx.el.input(
                            name="dots-" + item.id.to_string(),
                            type="number",
                            min=0,
                            max=MAX_DOTS,
                            default_value="0",
                            style={"width": "4rem"},
                        ),
                        " ",
                        item.label,
                        class_name="choice",
                    ),
                ),
                rx.el.button(F.t["vote_for_submit"], type="submit", class_name="quiet"),
                on_submit=F.vote_for_paper,
                reset_on_submit=True,
                class_name="stack",
            ),
        ),
    )


def _pending_review(proposal) -> rx.Component:
    return rx.el.div(
        rx.el.button(
            F.t["accept"],
            class_name="quiet",
            on_click=F.review_proposal(proposal.id, True),
            custom_attrs=testid("pending-accept"),
        ),
        rx.el.button(
            F.t["decline"], class_name="quiet", on_click=F.review_proposal(proposal.id, False)
        ),
        class_name="row",
    )


@_facilitator_only
def _dialogue_controls() -> rx.Component:
    """Proposals, consent and decisions, with participants' proposals waiting apart."""
    return rx.el.section(
        rx.el.h2(F.t["proposals_heading"]),
        proposal_form(F, on_submit=F.add_proposal, label_key="add_proposal", hook="proposal"),
        rx.cond(
            F.pending.length() > 0,
            rx.el.div(
                rx.el.h3(F.t["participant_proposals"]),
                rx.el.ul(
                    rx.foreach(F.pending, lambda p: proposal_card(p, F.t, _pending_review(p))),
                    class_name="stack",
                ),
            ),
        ),
        consent_status(F, controls=True),
        rx.el.ul(
            rx.foreach(F.proposals, lambda p: proposal_card(p, F.t, decision_controls(F, p))),
            class_name="stack",
        ),
        class_name="stack",
    )


@_facilitator_only
def _handover() -> rx.Component:
    """The lead, signed in, gives the workshop to a colleague; this console stops then."""
    return rx.cond(
        F.may_hand_over,
        rx.el.details(
            rx.el.summary(F.t["handover_heading"], custom_attrs=testid("handover-open")),
            rx.cond(
                F.colleagues.length() > 0,
                rx.el.form(
                    rx.el.p(F.t["handover_explain"]),
                    rx.el.label(
                        F.t["handover_to"],
                        rx.el.select(
                            rx.foreach(
                                F.colleagues,
                                lambda colleague: rx.el.option(
                                    colleague.name, value=colleague.id.to_string()
                                ),
                            ),
                            name="to",
                            required=True,
                            custom_attrs=testid("handover-to"),
                        ),
                    ),
                    rx.el.button(
                        F.t["handover_submit"],
                        type="submit",
                        class_name="secondary",
                        custom_attrs=testid("handover-submit"),
                    ),
                    on_submit=F.hand_over,
                    class_name="stack",
                ),
                rx.el.p(F.t["handover_none"], class_name="muted"),
            ),
            class_name="theme-tools",
            custom_attrs=testid("handover"),
        ),
    )


@_facilitator_only
def _delete_controls() -> rx.Component:
    """Delete the whole workshop, after typing its code (nothing hangs on one click)."""
    return rx.el.details(
        rx.el.summary(F.t["delete_heading"]),
        rx.el.form(
            rx.el.p(F.t["delete_explain"]),
            rx.el.label(
                F.t["delete_code"],
                rx.el.input(
                    type="text",
                    name="code",
                    autocomplete="off",
                    required=True,
                    max_length=TYPED_CODE_MAX,
                    custom_attrs=testid("delete-code"),
                ),
            ),
            rx.el.button(
                F.t["delete_submit"],
                type="submit",
                class_name="secondary",
                custom_attrs=testid("delete-submit"),
            ),
            on_submit=F.delete_workshop,
            class_name="stack",
        ),
        class_name="theme-tools",
    )


@_facilitator_only
def _export_controls() -> rx.Component:
    """Download the decision log; it is made off the event loop, with a progress note."""
    return rx.el.section(
        rx.el.h2(F.t["export_heading"]),
        rx.el.div(
            *[
                rx.el.button(
                    label,
                    class_name="secondary",
                    disabled=F.exporting != "",
                    on_click=F.download(file_format),
                    custom_attrs=testid(f"download-{file_format}"),
                )
                for file_format, label in (("pdf", "PDF"), ("json", "JSON"), ("csv", "CSV"))
            ],
            class_name="row",
        ),
        rx.cond(
            F.exporting != "",
            rx.el.p(F.t["exporting"], role="status", custom_attrs=testid("exporting")),
        ),
    )


def _flat_board(*, moderation: rx.Var | bool) -> rx.Component:
    return rx.el.section(
        rx.el.h2(F.t["board_heading"]),
        board(moderation=moderation),
        class_name="stack",
    )


def _themed_board() -> rx.Component:
    return rx.el.section(
        rx.el.h2(F.t["themes_heading"]),
        theme_board(controls=True),
        class_name="stack",
    )


def _now(tools: rx.Component) -> rx.Component:
    """First on screen: what to do now, in one sentence, and this stage's own tools."""
    return rx.el.section(
        rx.el.h2(F.t["now_heading"], ": ", F.t["stage_" + F.stage], id="now-heading"),
        rx.el.p(F.t["now_" + F.stage], custom_attrs=testid("now-instruction")),
        tools,
        class_name="stack now",
        aria_labelledby="now-heading",
        custom_attrs=testid("now", **{"data-stage": F.stage}),
    )


def _folded(summary, *content: rx.Component) -> rx.Component:
    """Another stage's tools, still allowed now: folded away, one click to open."""
    return rx.el.details(
        rx.el.summary(summary), rx.el.div(*content, class_name="stack"), class_name="theme-tools"
    )


def _theme_tools() -> rx.Component:
    """Making themes, while the stage policy allows grouping."""
    return rx.cond(allows(F, Act.GROUP), theme_tools())


def _theme_proposals() -> rx.Component:
    """Participants' theme suggestions to decide on, while the stage policy allows grouping."""
    return rx.cond(allows(F, Act.GROUP), participant_theme_proposals())


def _prepared_themes() -> rx.Component:
    """Before making sense: themes may be prepared, their tools folded away."""
    return _folded(F.t["theme_tools_heading"], _theme_tools())


def _by_stage() -> rx.Component:
    """The main column, in the order the stage needs it: its tools first, then the board.

    The board's hide buttons follow the stage policy; the closed workshop's board keeps its
    own (a record correction takes their place)."""
    moderation = allows(F, Act.MODERATE)
    return by_screen(
        F,
        {
            Screen.JOIN: rx.fragment(
                _now(_review_switch()),
                _flat_board(moderation=moderation),
                _prepared_themes(),
                _export_controls(),
            ),
            Screen.STORIES: rx.fragment(
                _now(rx.fragment(_review_switch(), _write_for_paper())),
                _flat_board(moderation=moderation),
                _prepared_themes(),
                _export_controls(),
            ),
            Screen.THEMES: rx.fragment(
                _now(rx.fragment(_theme_tools(), _voting_controls(), _theme_proposals())),
                _themed_board(),
                _export_controls(),
            ),
            Screen.DIALOGUE: rx.fragment(
                _now(_dialogue_controls()),
                _themed_board(),
                _folded(
                    F.t["theme_tools_heading"],
                    _theme_tools(),
                    _voting_controls(),
                    _theme_proposals(),
                ),
                _export_controls(),
            ),
            Screen.OUTCOME: rx.fragment(_now(_export_controls()), _flat_board(moderation=True)),
        },
    )


def console_page() -> rx.Component:
    return only_for_facilitator(
        rx.el.main(
            _controls(),
            rx.el.div(
                _review_queue(),
                _by_stage(),
                _hidden_board(),
                cofacilitator_controls(),
                rx.cond(F.by_session, rx.fragment(), own_link()),
                _handover(),
                _delete_controls(),
                class_name="stack",
            ),
            class_name="page wide console",
            lang=F.lang,
        )
    )
