"""After closing, a record changes only by a correction with a reason: the forms that make
one (console, records page), the list of corrections a record shows, the requests to remove
stories (records page) and the phone's button to ask for it."""

import reflex as rx

from livinglab.limits import CORRECTION_REASON_MAX, SMALLEST_GROUP_MAX, SMALLEST_GROUP_MIN
from livinglab.models import RecordChange
from livinglab.web.components.common import error_message, insight_card, testid


def _reason_field(state) -> rx.Component:
    return rx.el.label(
        state.t["correction_reason_label"],
        rx.el.textarea(
            name="reason",
            rows=2,
            required=True,
            max_length=CORRECTION_REASON_MAX,
            custom_attrs=testid("correction-reason"),
        ),
    )


#: The words of a story's correction form: what opens it, what its button says.
_STORY_WORDS = {
    RecordChange.HIDE_STORY: ("correction_hide_open", "correction_hide_save"),
    RecordChange.SHOW_STORY: ("correction_show_open", "correction_show_save"),
}


def story_correction(state, story_id, change: RecordChange, on_submit) -> rx.Component:
    """Hide a story (or show a hidden one again) with a reason, folded under one summary.

    The story's id and the change travel in the form (a handler argument from a list is lost
    inside the form's submit function); a refusal shows beside the form.
    """
    t = state.t
    opens, saves = _STORY_WORDS[change]
    return rx.el.details(
        rx.el.summary(t[opens]),
        rx.el.form(
            rx.el.p(t["correction_reason_help"], class_name="muted"),
            _reason_field(state),
            rx.el.input(type="hidden", name="change", value=change.value),
            rx.el.input(type="hidden", name="insight_id", value=story_id),
            rx.el.button(
                t[saves],
                type="submit",
                class_name="secondary",
                custom_attrs=testid("correction-save"),
            ),
            error_message(state, at="correct-" + story_id.to_string()),
            on_submit=on_submit,
            class_name="stack",
        ),
        class_name="correction",
    )


def corrected_card(state, card, change: RecordChange) -> rx.Component:
    """A card of a closed workshop's console: its correction form instead of moderation."""
    return insight_card(
        card, state.t, actions=story_correction(state, card.id, change, state.correct_story)
    )


def smallest_group_correction(state) -> rx.Component:
    """The records page: change the smallest group K of a closed record, with a reason."""
    t = state.t
    return rx.el.details(
        rx.el.summary(t["correction_group_heading"]),
        rx.el.form(
            rx.el.p(t["smallest_group_help"], class_name="muted"),
            rx.el.label(
                t["smallest_group_label"],
                rx.el.input(
                    type="number",
                    name="size",
                    min=SMALLEST_GROUP_MIN,
                    max=SMALLEST_GROUP_MAX,
                    required=True,
                    custom_attrs=testid("correction-size"),
                ),
            ),
            rx.el.p(t["correction_reason_help"], class_name="muted"),
            _reason_field(state),
            rx.el.input(type="hidden", name="change", value=RecordChange.SMALLEST_GROUP.value),
            rx.el.button(
                t["correction_group_save"],
                type="submit",
                class_name="secondary",
                custom_attrs=testid("correction-save"),
            ),
            error_message(state, at="correct-group"),
            on_submit=state.correct,
            class_name="stack",
        ),
        class_name="correction",
    )


def version_line(state, log) -> rx.Component:
    """Which version of the record this is, and when it was made (nothing when unsealed)."""
    return rx.cond(
        log.version != "",
        rx.el.p(
            rx.el.span(log.version, custom_attrs=testid("record-version")),
            rx.cond(
                log.corrections.length() > 0,
                rx.fragment(" · ", rx.el.a(state.t["log_corrections_link"], href="#corrections")),
            ),
            class_name="label",
        ),
    )


def correction_list(state, log) -> rx.Component:
    """A corrected record's versions after the first: when, what in counts, why and who."""
    t = state.t
    return rx.cond(
        log.corrections.length() > 0,
        rx.el.section(
            rx.el.h2(t["log_corrections"], id="corrections"),
            rx.el.p(t["log_corrections_help"], class_name="muted"),
            rx.el.ul(
                rx.foreach(
                    log.corrections,
                    lambda line: rx.el.li(
                        rx.el.p(
                            rx.el.strong(
                                t["correction_version"].replace("{n}", line.version.to_string())
                            ),
                            " · ",
                            line.day,
                            " · ",
                            line.what,
                        ),
                        rx.el.p(rx.el.span(t["correction_reason_label"], ": "), line.reason),
                        rx.el.p(t["correction_by"], ": ", line.by, class_name="muted"),
                        class_name="card stack",
                        custom_attrs=testid("record-correction"),
                    ),
                ),
                class_name="stack library",
            ),
            aria_labelledby="corrections",
            class_name="stack",
        ),
    )


def _erasure_line(state, request) -> rx.Component:
    t = state.t
    return rx.el.li(
        rx.el.h3(request.title),
        rx.el.p(
            rx.el.span(request.shown_code, class_name="code"),
            " · ",
            t["erasure_asked_on"].replace("{date}", request.day),
            " · ",
            t["erasure_stories"].replace("{n}", request.stories.to_string()),
            class_name="muted",
        ),
        rx.el.form(
            _reason_field(state),
            rx.el.input(type="hidden", name="request_id", value=request.id),
            rx.el.button(t["erasure_grant"], type="submit", custom_attrs=testid("erasure-grant")),
            error_message(state, at="erasure-" + request.id.to_string()),
            on_submit=state.grant_erasure,
            class_name="stack",
        ),
        class_name="card stack",
        custom_attrs=testid("erasure-request-line"),
    )


def erasure_requests(state) -> rx.Component:
    """The records page: participants' requests to remove their stories, waiting, with a
    reason field and a grant button each (for people with update access)."""
    t = state.t
    return rx.el.section(
        rx.el.h2(
            t["erasure_heading"].replace("{n}", state.erasures.length().to_string()),
            id="erasures",
        ),
        rx.el.p(t["erasure_intro"], class_name="muted"),
        rx.cond(
            state.erasures.length() > 0,
            rx.el.ul(
                rx.foreach(state.erasures, lambda request: _erasure_line(state, request)),
                class_name="stack library",
            ),
            rx.el.p(t["erasure_none"]),
        ),
        aria_labelledby="erasures",
        class_name="stack",
        custom_attrs=testid("erasure-requests"),
    )


def erasure_request(state) -> rx.Component:
    """The phone after closing: ask for one's own stories to be removed, after "are you
    sure?"; then where the request stands (restored from the snapshot on reload)."""
    t = state.t
    asking = rx.cond(
        state.confirming_erasure,
        rx.el.div(
            rx.el.p(t["erasure_confirm_question"]),
            rx.el.div(
                rx.el.button(
                    t["erasure_confirm"],
                    on_click=state.ask_erasure,
                    custom_attrs=testid("erasure-confirm"),
                ),
                rx.el.button(
                    t["cancel"],
                    class_name="secondary",
                    on_click=state.cancel_erasure,
                    custom_attrs=testid("erasure-cancel"),
                ),
                class_name="row",
            ),
            class_name="warning stack",
        ),
        rx.el.div(
            rx.el.p(t["erasure_explain"]),
            rx.el.button(
                t["erasure_request"],
                class_name="secondary",
                on_click=state.confirm_erasure,
                custom_attrs=testid("erasure-request"),
            ),
            class_name="stack",
        ),
    )
    return rx.el.section(
        rx.match(
            state.erasure,
            ("granted", rx.el.p(t["erasure_granted"], role="status")),
            ("waiting", rx.el.p(t["erasure_waiting"], role="status")),
            rx.cond(state.my_insights.length() > 0, asking),
        ),
        error_message(state, at="erasure"),
        class_name="stack erasure",
        custom_attrs=testid("erasure", **{"data-erasure": state.erasure}),
    )
