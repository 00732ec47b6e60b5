"""The facilitator hands out co-facilitator links and takes them back (console only)."""

import reflex as rx

from livinglab.limits import NAME_MAX
from livinglab.web.components.common import testid
from livinglab.web.state.console import FacilitatorState as F


def _helper_line(helper) -> rx.Component:
    return rx.el.li(
        rx.el.span(F.t["cofacilitator"], " ", helper.label),
        rx.cond(
            helper.active,
            rx.el.button(
                F.t["cofacilitator_revoke"],
                type="button",
                class_name="quiet",
                on_click=F.revoke_cofacilitator(helper.id),
                custom_attrs=testid("cofacilitator-revoke", **{"data-cofacilitator": helper.id}),
            ),
            rx.el.span(" · ", F.t["cofacilitator_revoked"], class_name="muted"),
        ),
        class_name="row",
    )


def cofacilitator_controls() -> rx.Component:
    """A link for a second person who helps run the room, and the list of those handed out.

    Only the facilitator sees it; the server refuses anyone else anyway.
    """
    return rx.cond(
        F.is_lead,
        rx.el.details(
            rx.el.summary(F.t["cofacilitator_heading"]),
            rx.el.p(F.t["cofacilitator_explain"]),
            rx.el.form(
                rx.el.label(
                    F.t["cofacilitator_label"],
                    rx.el.input(type="text", name="label", max_length=NAME_MAX),
                ),
                rx.el.button(
                    F.t["cofacilitator_invite"],
                    type="submit",
                    custom_attrs=testid("cofacilitator-invite"),
                ),
                on_submit=F.invite_cofacilitator,
                reset_on_submit=True,
                class_name="stack",
            ),
            rx.cond(
                F.new_cofacilitator_link != "",
                rx.el.div(
                    rx.el.p(F.t["cofacilitator_link_once"]),
                    rx.el.input(
                        type="text",
                        read_only=True,
                        value=F.new_cofacilitator_link,
                        aria_label=F.t["cofacilitator_heading"],
                        custom_attrs=testid("cofacilitator-link"),
                    ),
                    class_name="stack",
                ),
            ),
            rx.el.ul(rx.foreach(F.cofacilitators, _helper_line), class_name="stack"),
            class_name="theme-tools",
        ),
    )


def own_link() -> rx.Component:
    """The facilitator's own link as a QR code, to open the console on a second device."""
    return rx.cond(
        F.is_lead,
        rx.el.details(
            rx.el.summary(F.t["own_link_heading"]),
            rx.el.p(F.t["own_link_explain"], class_name="warning"),
            rx.cond(
                F.own_link_qr != "",
                rx.el.div(
                    rx.el.img(
                        src=F.own_link_qr,
                        alt=F.t["own_link_heading"],
                        class_name="qr",
                        custom_attrs=testid("own-link-qr"),
                    ),
                    rx.el.button(
                        F.t["own_link_hide"],
                        type="button",
                        class_name="secondary",
                        on_click=F.hide_own_link,
                    ),
                    class_name="stack",
                ),
                rx.el.button(
                    F.t["own_link_show"],
                    type="button",
                    on_click=F.show_own_link,
                    custom_attrs=testid("own-link-show"),
                ),
            ),
            class_name="theme-tools",
        ),
    )
