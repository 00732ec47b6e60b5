"""/sign-in and /welcome: members sign in with a passkey, or make one from an invitation.

The buttons are wired by assets/passkey.js (navigator.credentials), which reads its
addresses and texts from data- attributes here and writes refusals into the alert beside
the button.
"""

import reflex as rx

from livinglab.web import routes
from livinglab.web.components.common import error_message, testid
from livinglab.web.state.signin import PASSKEY_ERRORS, SignInState, WelcomeState


def _messages(state) -> rx.Component:
    """The refusals passkey.js may show, in the page's language (hidden until used)."""
    return rx.el.div(
        *[
            rx.el.span(state.t[key], custom_attrs={"data-passkey-message": key})
            for key in PASSKEY_ERRORS
        ],
        hidden=True,
    )


def _passkey_alert(name: str) -> rx.Component:
    """Where passkey.js says why it did not work, next to the button (read out at once)."""
    return rx.el.div(
        role="alert",
        id=f"{name}-error",
        class_name="passkey-error",
        custom_attrs=testid(f"{name}-error"),
    )


def _sign_in_button() -> rx.Component:
    S = SignInState
    return rx.el.div(
        rx.el.button(
            S.t["passkey_sign_in_button"],
            type="button",
            aria_describedby="passkey-sign-in-error",
            custom_attrs=testid(
                "passkey-sign-in",
                **{
                    "data-passkey": "sign-in",
                    "data-options": routes.PASSKEY_SIGN_IN_OPTIONS,
                    "data-answer": routes.PASSKEY_SIGN_IN,
                    "data-next": S.next_path,
                    "data-busy": S.t["passkey_busy"],
                },
            ),
        ),
        _passkey_alert("passkey-sign-in"),
        class_name="stack",
    )


def sign_in_page() -> rx.Component:
    S = SignInState
    return rx.el.main(
        rx.el.h1(S.t["passkey_sign_in_heading"]),
        rx.el.p(S.t["passkey_sign_in_intro"], class_name="muted"),
        error_message(S),
        _sign_in_button(),
        rx.el.p(S.t["passkey_what"], class_name="muted"),
        rx.el.p(S.t["passkey_no_account"]),
        _messages(S),
        rx.el.a(S.t["privacy_link"], href=routes.privacy(S.lang)),
        class_name="page stack",
        lang=S.lang,
    )


def _about_invitation() -> rx.Component:
    W = WelcomeState
    return rx.cond(
        W.first_admin,
        rx.el.p(W.t["passkey_first_admin"], custom_attrs=testid("welcome-first-admin")),
        rx.cond(
            W.new_device,
            rx.el.p(W.t["passkey_new_device"], " ", rx.el.strong(W.name)),
            rx.el.dl(
                rx.cond(
                    W.invited_by != "",
                    rx.fragment(rx.el.dt(W.t["passkey_invited_by"]), rx.el.dd(W.invited_by)),
                ),
                rx.el.dt(W.t["passkey_your_roles"]),
                rx.el.dd(
                    rx.el.ul(
                        rx.foreach(
                            W.roles, lambda role: rx.el.li(W.t["passkey_member_role_" + role])
                        )
                    ),
                    custom_attrs=testid("welcome-roles"),
                ),
                class_name="stack",
            ),
        ),
    )


def _passkey_form() -> rx.Component:
    W = WelcomeState
    return rx.el.div(
        rx.cond(
            W.new_device,
            rx.fragment(),
            rx.el.div(
                rx.el.label(W.t["passkey_name_label"], html_for="passkey-name"),
                rx.el.input(
                    id="passkey-name",
                    name="name",
                    type="text",
                    autocomplete="name",
                    default_value=W.name,
                    key="name-" + W.name,
                    custom_attrs=testid("welcome-name"),
                ),
            ),
        ),
        rx.el.p(W.t["passkey_what"], class_name="muted"),
        rx.el.button(
            W.t["passkey_add_button"],
            type="button",
            aria_describedby="passkey-add-error",
            custom_attrs=testid(
                "passkey-add",
                **{
                    "data-passkey": "add",
                    "data-options": routes.PASSKEY_ADD_OPTIONS,
                    "data-answer": routes.PASSKEY_ADD,
                    "data-token": W.token,
                    "data-name-field": "passkey-name",
                    "data-next": W.next_path,
                    "data-busy": W.t["passkey_busy"],
                },
            ),
        ),
        _passkey_alert("passkey-add"),
        class_name="stack",
    )


def welcome_page() -> rx.Component:
    W = WelcomeState
    return rx.el.main(
        rx.el.h1(W.t["passkey_welcome_heading"]),
        rx.cond(
            W.valid,
            rx.el.section(
                _about_invitation(),
                rx.cond(
                    W.oidc_link != "",
                    rx.el.a(
                        W.t["passkey_oidc_link"],
                        href=W.oidc_link,
                        reload_document=True,  # a plain HTTP route, not a page
                        class_name="button",
                        custom_attrs=testid("welcome-oidc"),
                    ),
                    _passkey_form(),
                ),
                class_name="stack",
            ),
            error_message(W),
        ),
        _messages(W),
        rx.el.a(W.t["privacy_link"], href=routes.privacy(W.lang)),
        class_name="page stack",
        lang=W.lang,
    )
