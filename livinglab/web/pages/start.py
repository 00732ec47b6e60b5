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
from livinglab.web.state.start import EMPTY, LIKE
from livinglab.web.state.start import StartState as S


def _radio(name: str, value: str, label, *, checked: bool, on_change=None) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="radio", name=name, value=value, default_checked=checked, on_change=on_change
        ),
        label,
        class_name="choice",
    )


def _template_choice(value, label, hint) -> rx.Component:
    """One way to start: empty, a ready agenda, or like an earlier workshop."""
    return rx.el.label(
        rx.el.input(
            type="radio",
            name="template",
            value=value,
            checked=S.template == value,
            on_change=S.choose_template(value),
            custom_attrs=testid("template", **{"data-template": value}),
        ),
        rx.el.span(rx.el.strong(label), rx.el.br(), rx.el.span(hint, class_name="muted")),
        class_name="choice",
    )


def _templates() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(S.t["template_heading"]),
        _template_choice(EMPTY, S.t["template_empty"], S.t["template_empty_hint"]),
        rx.foreach(
            S.agendas,
            lambda agenda: _template_choice(
                agenda.id.to_string(), agenda.name, S.t["template_agenda_hint"]
            ),
        ),
        rx.foreach(
            S.own,
            lambda earlier: rx.cond(
                earlier.lead,  # a plan is copied from a workshop one leads
                _template_choice(
                    LIKE + earlier.code,
                    S.t["template_like"] + " " + earlier.title,
                    earlier.shown_code,
                ),
            ),
        ),
    )


def _own_workshops() -> rx.Component:
    """The workshops this browser runs and, signed in, every workshop the member runs or
    helps run on any device: a lost link is not a lost workshop."""
    return rx.cond(
        S.own.length() > 0,
        rx.el.section(
            rx.el.h2(rx.cond(S.signed_in, S.t["start_my_workshops"], S.t["own_heading"])),
            rx.el.ul(
                rx.foreach(
                    S.own,
                    lambda earlier: rx.el.li(
                        rx.el.span(earlier.title, " · ", earlier.shown_code, " · "),
                        rx.el.span(S.t["stage_" + earlier.stage]),
                        rx.cond(
                            earlier.lead,
                            rx.fragment(),
                            rx.el.span(" · ", S.t["start_co_run"], class_name="muted"),
                        ),
                        rx.el.a(S.t["open_console"], href=routes.console(earlier.code)),
                        class_name="row",
                        custom_attrs=testid("own-workshop", **{"data-code": earlier.code}),
                    ),
                ),
                class_name="stack",
            ),
            class_name="stack",
            custom_attrs=testid("my-workshops"),
        ),
    )


def _member_bar() -> rx.Component:
    """Signed in: who, with which roles; sign out (a plain POST: the server clears the
    cookie); the admin pages for admins."""
    return rx.el.div(
        rx.el.span(
            S.t["start_signed_in_as"],
            " ",
            rx.el.strong(S.member_name),
            " (",
            S.member_roles,
            ")",
            custom_attrs=testid("signed-in-as"),
        ),
        rx.cond(
            S.is_admin,
            rx.el.a(S.t["start_admin_link"], href=routes.ADMIN, custom_attrs=testid("admin-link")),
        ),
        # Plain POSTs to the server (assets/post.js): it clears the HttpOnly cookie.
        rx.el.button(
            S.t["start_sign_out"],
            type="button",
            class_name="secondary",
            custom_attrs={"data-post-to": routes.AUTH_SIGN_OUT, **testid("sign-out")},
        ),
        rx.el.button(
            S.t["start_sign_out_everywhere"],
            type="button",
            name="everywhere",
            value="1",
            class_name="secondary",
            custom_attrs={"data-post-to": routes.AUTH_SIGN_OUT, **testid("sign-out-everywhere")},
        ),
        class_name="row",
    )


def _sign_in() -> rx.Component:
    """Not signed in: why there is no form, and the way in."""
    return rx.el.section(
        rx.el.p(S.t["start_members_only"]),
        rx.el.a(
            S.t["start_sign_in"],
            href=routes.AUTH_SIGN_IN + "?next=/",
            # A plain HTTP route, not a page: the browser loads it (the router would not).
            reload_document=True,
            class_name="button",
            custom_attrs=testid("sign-in"),
        ),
        error_message(S),
        class_name="stack",
    )


def _create() -> rx.Component:
    """The form for who may start workshops; a member without the role is told why not."""
    return rx.cond(
        S.may_start,
        rx.cond(S.created, _created(), _form()),
        rx.el.div(
            rx.el.p(S.t["start_no_role"], custom_attrs=testid("start-no-role")),
            error_message(S),
            class_name="stack",
        ),
    )


def _form() -> rx.Component:
    return rx.el.form(
        _templates(),
        rx.el.div(
            rx.el.label(S.t["field_title"], html_for="title"),
            rx.el.input(
                id="title",
                name="title",
                type="text",
                required=True,
                max_length=TITLE_MAX,
                default_value=S.title_start,
                key="title-" + S.template,
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
                default_value=S.question_start,
                key="question-" + S.template,
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


def _demo() -> rx.Component:
    """The sample workshops: offered on an empty database, their pages once made."""
    return rx.cond(
        S.demo_links.length() > 0,
        rx.el.section(
            rx.el.h2(S.t["demo_heading"]),
            rx.el.p(S.t["demo_intro"]),
            rx.el.ul(
                rx.foreach(
                    S.demo_links,
                    lambda link: rx.el.li(
                        rx.el.a(
                            S.t[link["label"]],
                            href=link["href"],
                            custom_attrs=testid("demo-page", **{"data-page": link["label"]}),
                        )
                    ),
                ),
                class_name="stack",
            ),
            class_name="stack",
            custom_attrs=testid("demo-pages"),
        ),
        rx.cond(
            S.database_empty & S.may_start,
            rx.el.button(
                S.t["demo_link"],
                type="button",
                on_click=S.make_demo,
                class_name="secondary",
                custom_attrs=testid("demo-link"),
            ),
        ),
    )


def start_page() -> rx.Component:
    return rx.el.main(
        rx.el.h1(S.t["start_title"]),
        rx.el.p(S.t["start_intro"], class_name="muted"),
        rx.cond(S.signed_in, _member_bar()),
        _demo(),
        rx.cond(S.signed_in, _create(), _sign_in()),
        _own_workshops(),
        rx.el.a(S.t["privacy_link"], href=routes.privacy(S.lang)),
        class_name="page stack",
        lang=S.lang,
    )
