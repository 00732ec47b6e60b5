"""Pieces every page uses: test hooks, the refusal message, the stage banner and timer."""

import functools
import operator
from collections.abc import Iterable

import reflex as rx

from livinglab.models import Stage
from livinglab.web.reflex_internals import has_connection_errors
from livinglab.web.state.view import LanguageState
from livinglab.workshops import (
    THEMED_STAGES,
    Act,
    Screen,
    stages_allowing,
    stages_moving,
    stages_showing,
)


def icon(name, size: str = "") -> rx.Component:
    """A pictogram from assets/icons (see assets/icons.css); decoration, hidden from readers.

    `size`: a class of icons.css that sets another size (stage-icon).
    """
    classes = f"icon {size}" if size else "icon"
    return rx.el.span(class_name=classes + " icon-" + name, aria_hidden="true")


def _in_stages(state: type[rx.State], stages: Iterable[Stage]) -> rx.Var:
    """True on the page while the workshop is in one of `stages` (the policy's answer)."""
    return functools.reduce(operator.or_, [state.stage == stage.value for stage in stages])


def allows(state: type[rx.State], act: Act) -> rx.Var:
    """True on the page while the workshop's stage allows `act` (the stage policy's answer)."""
    return _in_stages(state, stages_allowing(act))


def shows(state: type[rx.State], screen: Screen) -> rx.Var:
    """True on the page while the workshop's stage shows `screen` (`STAGE_SCREEN`)."""
    return _in_stages(state, stages_showing(screen))


def by_screen(
    state: type[rx.State],
    screens: dict[Screen, rx.Component],
    default: rx.Component | None = None,
) -> rx.Component:
    """The component of the screen the workshop's stage shows; `default` for the others."""
    cases = [
        (*[stage.value for stage in stages_showing(screen)], component)
        for screen, component in screens.items()
    ]
    return rx.match(state.stage, *cases, default if default is not None else rx.fragment())


def themed(state: type[rx.State]) -> rx.Var:
    """True on the page while the board is grouped into themes (`THEMED_STAGES`)."""
    return _in_stages(state, THEMED_STAGES)


def can_move(state: type[rx.State], step: int) -> rx.Var:
    """True on the page while the stage can move `step` (+1 forward, -1 back)."""
    return _in_stages(state, stages_moving(step))


def page_title(state: type[rx.State], page: str, workshop=None) -> rx.Var:
    """The browser tab's title in the page's language: which page, then which workshop
    ("Telefoon — Werk en inkomen in Houten"); the page alone until the workshop is read.
    React puts it in the document's <title> and keeps it up to date (WCAG 2.4.2)."""
    name = state.t[page]
    if workshop is None:
        return name
    return rx.cond(workshop != "", name + " — " + workshop, name)


def testid(name, **attrs) -> dict:
    """Stable hooks for automated tests (data-testid plus other data- attributes)."""
    return {"data-testid": name, **attrs}


def more_count(state: type[rx.State], template_key: str) -> rx.Component:
    """How many items of the list beside it did not fit on the screen.

    assets/projector.js counts them and writes the catalog's template ("{n}") in.
    """
    return rx.el.p(
        class_name="more",
        custom_attrs={"data-fit-more": "", "data-fit-template": state.t[template_key]},
    )


def error_message(state: type[rx.State], at=None) -> rx.Component:
    """The last refusal, in plain words; screen readers hear it at once.

    With `at` (a phone's control: "post", "ballot-3"), only beside the control that was
    used, where the person looks (`error_at`, set by the handler); assets/alerts.js scrolls
    it into view.
    """
    shown = state.error_key != ""
    if at is not None:
        shown = shown & (state.error_at == at)
    return rx.cond(
        shown,
        rx.el.div(
            rx.el.span(state.t[state.error_key]),
            rx.el.button(
                "×",
                type="button",
                class_name="quiet",
                aria_label="OK",
                on_click=state.dismiss_error,
            ),
            role="alert",
            class_name="error",
            custom_attrs=testid("error-message"),
        ),
    )


def offline_banner() -> rx.Component:
    """While the connection is gone, say so in the workshop's language (replaces Reflex's toast)."""
    return rx.cond(
        has_connection_errors,
        rx.el.div(
            LanguageState.t["offline"],
            role="status",
            class_name="offline-banner",
            custom_attrs=testid("offline-banner"),
        ),
    )


def stage_banner(state: type[rx.State], *, instruction: bool) -> rx.Component:
    """Where the workshop is now, its prompt, and the time left (from the server clock)."""
    return rx.el.section(
        rx.el.div(
            state.t["stage_" + state.stage],
            class_name="stage-name",
            custom_attrs=testid("stage-current", **{"data-stage": state.stage}),
        ),
        rx.el.div(
            rx.el.div(
                icon(state.stage, "stage-icon"),
                rx.el.p(state.t["do_" + state.stage], custom_attrs=testid("stage-instruction")),
                class_name="row",
                style={"flexWrap": "nowrap", "alignItems": "flex-start"},
            ),
            read_aloud(state.t["do_" + state.stage] + " " + state.prompt, state.t),
            class_name="card-text",
        )
        if instruction
        else rx.fragment(),
        rx.cond(
            state.prompt != "",
            rx.el.p(state.prompt, class_name="prompt", custom_attrs=testid("stage-prompt")),
        ),
        rx.cond(
            state.timer_ends_ms > 0,
            rx.el.p(
                rx.el.span(state.t["time_left"], ": "),
                rx.el.span(
                    class_name="timer",
                    role="timer",
                    custom_attrs=testid(
                        "stage-timer",
                        **{
                            "data-timer-end": state.timer_ends_ms,
                            "data-server-now": state.server_now_ms,
                        },
                    ),
                ),
            ),
        ),
        class_name="stage",
        aria_live="polite",
    )


def read_aloud(text, t) -> rx.Component:
    """A button that reads `text` aloud in the page's language (assets/speak.js)."""
    return rx.el.button(
        icon("speak"),
        type="button",
        class_name="quiet speak",
        aria_label=t["read_aloud"],
        title=t["read_aloud"],
        custom_attrs=testid("read-aloud", **{"data-speak": text}),
    )


def insight_card(
    card,
    t,
    *,
    actions: rx.Component | None = None,
    draggable: bool = False,
    speak: bool = False,
) -> rx.Component:
    """One insight card: the text as text (never HTML), who wrote it (name or role).

    A draggable card carries data-drag-insight for assets/board.js; `speak` adds read-aloud.
    """
    return rx.el.li(
        rx.el.div(
            rx.el.div(card.text, custom_attrs=testid("insight-text-shown")),
            read_aloud(card.text, t) if speak else rx.fragment(),
            class_name="card-text",
        ),
        rx.el.div(
            rx.cond(card.author != "", card.author + " · ", ""),
            t["role_" + card.role],
            rx.cond(card.by_proxy, rx.el.span(" · ", icon("written"), " ", t["written_for"])),
            class_name="card-meta",
        ),
        actions if actions is not None else rx.fragment(),
        class_name=rx.cond(
            card.waiting, "card waiting-card", rx.cond(card.hidden, "card hidden-card", "card")
        ),
        # Keyed by id, not by place: a new card on top adds one item, the others stay.
        key=card.id,
        # Tests count visible insights by "insight-card"; waiting and hidden ones are apart.
        draggable=draggable,
        custom_attrs=testid(
            rx.cond(
                card.waiting,
                "insight-card-waiting",
                rx.cond(card.hidden, "insight-card-hidden", "insight-card"),
            ),
            **{"data-insight-id": card.id},
            **({"data-drag-insight": card.id} if draggable else {}),
        ),
    )


def theme_options(state) -> rx.Component:
    """One <option> per theme of the room, for every "choose a theme" menu."""
    return rx.foreach(state.themes, lambda theme: rx.el.option(theme.name, value=theme.id))
