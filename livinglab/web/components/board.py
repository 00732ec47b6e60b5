"""The facilitator's board, shared by the console and the projector: who may see it, how
to join, the stories."""

import reflex as rx

from livinglab.models import RecordChange
from livinglab.web.components.common import allows, error_message, insight_card, testid, themed
from livinglab.web.components.corrections import corrected_card
from livinglab.web.components.voting import voice_balance
from livinglab.web.state.console import FacilitatorState as F
from livinglab.workshops import Act

#: Themes replace the plain board once the group makes sense together.
THEMED = themed(F)


def only_for_facilitator(content: rx.Component) -> rx.Component:
    """`content` for the holder of the key; a plain refusal (or "deleted") for anyone else."""
    return rx.cond(
        F.authorised,
        content,
        rx.cond(
            F.loaded,
            rx.el.main(
                rx.cond(
                    F.deleted,
                    rx.el.p(F.t["deleted"], role="status", custom_attrs=testid("deleted")),
                    rx.el.p(F.t["facilitator_only"], class_name="warning"),
                ),
                error_message(F),
                class_name="page",
            ),
        ),
    )


def join_panel() -> rx.Component:
    """How to join: the QR code, the address and the code, and who is in the room."""
    return rx.el.section(
        rx.el.h2(F.t["join_on_phone"]),
        rx.el.img(
            src=F.qr_code,
            alt=F.join_url,
            class_name="qr",
            custom_attrs=testid("join-qr"),
        ),
        rx.el.p(F.t["scan_or_type"]),
        rx.el.div(
            rx.el.span(F.join_base), rx.el.span(F.code, class_name="nowrap"), class_name="url"
        ),
        rx.el.div(F.code_shown, class_name="code", custom_attrs=testid("join-code")),
        rx.cond(
            F.url_is_loopback,
            rx.el.p(F.t["loopback_warning"], class_name="warning", role="status"),
        ),
        rx.el.div(
            rx.el.span(F.participants, custom_attrs=testid("participant-count")),
            " ",
            F.t["joined"],
            class_name="count",
        ),
        voice_balance(F),
        class_name="join-panel",
    )


def moderation_button(label: str, on_click, hook: str) -> rx.Component:
    return rx.el.button(
        F.t[label], class_name="quiet", on_click=on_click, custom_attrs=testid(hook)
    )


def _hide_all(card) -> rx.Component:
    """Hide every story of this card's author: drastic, so it asks first, beside the card."""
    return rx.cond(
        F.confirming_hide_all == card.id,
        rx.el.div(
            rx.el.p(F.t["hide_all_question"]),
            rx.el.div(
                rx.el.button(
                    F.t["hide_all_confirm"],
                    auto_focus=True,
                    on_click=F.hide_all_of(card.id),
                    custom_attrs=testid("hide-all-confirm"),
                ),
                rx.el.button(
                    F.t["cancel"],
                    class_name="secondary",
                    on_click=F.cancel_hide_all,
                    custom_attrs=testid("hide-all-cancel"),
                ),
                class_name="row",
            ),
            class_name="warning stack",
            custom_attrs=testid("hide-all-question"),
        ),
        moderation_button("hide_all_of", F.ask_hide_all(card.id), "hide-all-ask"),
    )


def moderated_card(card, *buttons: rx.Component, hide_all: bool = False) -> rx.Component:
    """A card on the console with its moderation buttons under it; `hide_all` adds "hide all
    stories from this person"."""
    actions = rx.el.div(*buttons, class_name="row")
    if hide_all:
        actions = rx.el.div(actions, _hide_all(card), class_name="stack")
    return insight_card(card, F.t, actions=actions)


def board(*, moderation: rx.Var | bool) -> rx.Component:
    """The flat board of stories, newest first; `moderation` (True, or while the Var is
    true) adds a hide button to each (after closing: a correction with a reason)."""

    def card_view(card):
        if moderation is False:
            return insight_card(card, F.t)
        moderated = rx.cond(
            allows(F, Act.CORRECT),
            corrected_card(F, card, RecordChange.HIDE_STORY),
            moderated_card(
                card,
                moderation_button("hide", F.hide_insight(card.id), "insight-hide"),
                hide_all=True,
            ),
        )
        if moderation is True:
            return moderated
        return rx.cond(moderation, moderated, insight_card(card, F.t))

    return rx.el.section(
        rx.cond(
            F.newest_cards.length() == 0,
            rx.el.p(F.t["no_insights_yet"], class_name="muted"),
        ),
        rx.el.ul(
            rx.foreach(F.newest_cards, card_view),
            rx.foreach(F.earlier_cards, card_view),
            class_name="cards",
            aria_live="polite",
            aria_label=F.t["board_heading"],
        ),
    )
