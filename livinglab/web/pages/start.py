"""/ : create a workshop."""

import reflex as rx

from livinglab.limits import (
    ORGANISERS_MAX,
    PLACE_MAX,
    QUESTION_MAX,
    RETENTION_DEFAULT_MONTHS,
    RETENTION_MAX_MONTHS,
    RETENTION_MIN_MONTHS,
    TITLE_MAX,
)
from livinglab.web import routes
from livinglab.web.components.common import error_message, testid
from livinglab.web.state.start import StartState as S


def _radio(name: str, value: str, label, *, checked: bool, on_change=None) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="radio", name=name, value=value, default_checked=checked, on_change=on_change
        ),
        label,
        class_name="choice",
    )


def _form() -> rx.Component:
    return rx.el.form(
        rx.el.div(
            rx.el.label(S.t["field_title"], html_for="title"),
            rx.el.input(
                id="title",
                name="title",
                type="text",
                required=True,
                max_length=TITLE_MAX,
                placeholder=S.t["field_title_hint"],
                custom_attrs=testid("create-title"),
            ),
        ),
        rx.el.div(
            rx.el.label(S.t["field_question"], html_for="question"),
            rx.el.textarea(
                id="question",
                name="question",
                required=True,
                max_length=QUESTION_MAX,
                placeholder=S.t["field_question_hint"],
                custom_attrs=testid("create-question"),
            ),
        ),
        *[
            rx.el.div(
                rx.el.label(S.t[f"field_{name}"], " ", S.t["field_optional"], html_for=name),
                rx.el.input(
                    id=name,
                    name=name,
                    type="text",
                    max_length=limit,
                    custom_attrs=testid(f"create-{name}"),
                ),
            )
            for name, limit in (("place", PLACE_MAX), ("organisers", ORGANISERS_MAX))
        ],
        rx.el.div(
            rx.el.label(S.t["field_retention"], html_for="retention"),
            rx.el.input(
                id="retention",
                name="retention",
                type="number",
                min=RETENTION_MIN_MONTHS,
                max=RETENTION_MAX_MONTHS,
                default_value=str(RETENTION_DEFAULT_MONTHS),
                aria_describedby="retention-hint",
                style={"width": "6rem"},
                custom_attrs=testid("create-retention"),
            ),
            rx.el.p(S.t["field_retention_hint"], id="retention-hint", class_name="muted"),
        ),
        rx.el.fieldset(
            rx.el.legend(S.t["field_language"]),
            _radio(
                "language", "nl", S.t["lang_nl"], checked=True, on_change=S.choose_language("nl")
            ),
            _radio(
                "language", "en", S.t["lang_en"], checked=False, on_change=S.choose_language("en")
            ),
        ),
        rx.el.fieldset(
            rx.el.legend(S.t["field_names"]),
            _radio("names", "anonymous", S.t["names_anonymous"], checked=True),
            _radio("names", "first_name", S.t["names_first_name"], checked=False),
        ),
        error_message(S),
        rx.el.button(S.t["create_submit"], type="submit", custom_attrs=testid("create-submit")),
        on_submit=S.create,
        class_name="stack",
    )


def _created() -> rx.Component:
    return rx.el.section(
        rx.el.h2(S.t["created_heading"]),
        rx.el.p(S.t["keep_link"], class_name="warning"),
        rx.el.p(
            rx.el.a(
                S.facilitator_link,
                href=S.facilitator_link,
                class_name="secret",
                custom_attrs=testid("facilitator-link"),
            ),
        ),
        rx.el.div(
            rx.el.a(S.t["open_console"], href=S.console_path, class_name="button"),
            rx.el.a(
                S.t["open_projector"],
                href=S.projector_path,
                target="_blank",
                class_name="button secondary",
            ),
            class_name="row",
        ),
        class_name="stack",
    )


def start_page() -> rx.Component:
    return rx.el.main(
        rx.el.h1(S.t["start_title"]),
        rx.el.p(S.t["start_intro"], class_name="muted"),
        rx.cond(S.created, _created(), _form()),
        rx.el.a(S.t["privacy_link"], href=routes.privacy(S.lang)),
        class_name="page stack",
        lang=S.lang,
    )
