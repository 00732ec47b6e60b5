"""/p/[code]: the projector, what the whole room sees: one focus at a time, never a scroll.

The focus (F.projector_shows) comes from the stage or from the facilitator's choice on the
console (workshops.projector_shows). Lists show what fits and count the rest
(assets/projector.js); sizes follow the screen (the `/* Projector */` block of the CSS).
"""

import reflex as rx

from livinglab.models import ProjectorFocus
from livinglab.web.components.board import THEMED, only_for_facilitator
from livinglab.web.components.common import insight_card, more_count, stage_banner, testid
from livinglab.web.components.dialogue import consent_status, proposal_card
from livinglab.web.components.themes import theme_board
from livinglab.web.components.voting import results_chart, round_status, voice_balance
from livinglab.web.state.console import FacilitatorState as F


def _qr(size: str) -> rx.Component:
    return rx.el.img(
        src=F.qr_code, alt=F.join_url, class_name="qr " + size, custom_attrs=testid("join-qr")
    )


def _code() -> rx.Component:
    return rx.el.div(F.code_shown, class_name="code", custom_attrs=testid("join-code"))


def _count() -> rx.Component:
    return rx.el.div(
        rx.el.span(F.participants, custom_attrs=testid("participant-count")),
        " ",
        F.t["joined"],
        class_name="count",
    )


def join_view() -> rx.Component:
    """While people join: a big QR code, the address, the code, who is in the room."""
    return rx.el.section(
        _qr("qr-big"),
        rx.el.div(
            rx.el.h2(F.t["join_on_phone"]),
            rx.el.p(F.t["scan_or_type"]),
            rx.el.div(
                rx.el.span(F.join_base), rx.el.span(F.code, class_name="nowrap"), class_name="url"
            ),
            _code(),
            rx.cond(
                F.url_is_loopback,
                rx.el.p(F.t["loopback_warning"], class_name="warning", role="status"),
            ),
            _count(),
            voice_balance(F),
            class_name="join-text",
        ),
        class_name="focus focus-join",
    )


def join_corner() -> rx.Component:
    """After the welcome: the QR code in a corner, still big enough to scan, and the code."""
    return rx.el.aside(
        _qr("qr-corner"),
        rx.el.div(rx.el.div(F.t["join_short"], class_name="join-short"), _code(), _count()),
        class_name="join-corner",
        aria_label=F.t["join_on_phone"],
    )


def story_wall() -> rx.Component:
    """The stories, newest first: as many as fit, and how many more there are."""
    return rx.el.section(
        rx.cond(
            F.newest_cards.length() == 0,
            rx.el.p(F.t["no_insights_yet"], class_name="muted empty"),
        ),
        rx.el.ul(
            rx.foreach(F.newest_cards, lambda card: insight_card(card, F.t)),
            rx.foreach(F.earlier_cards, lambda card: insight_card(card, F.t)),
            class_name="cards wall",
            aria_live="polite",
            aria_label=F.t["board_heading"],
            custom_attrs={"data-fit-list": ""},
        ),
        more_count(F, "more_stories"),
        class_name="focus focus-wall",
        custom_attrs={"data-fit": ""},
    )


def vote_line() -> rx.Component:
    """While a vote runs beside the themes: open or closed, how many voted, results hidden."""
    return rx.cond(
        F.has_round,
        rx.el.p(
            rx.el.span(
                rx.cond(F.round_open, F.t["round_open"], F.t["round_closed"]),
                " ",
                rx.el.span(F.voters, custom_attrs=testid("voter-count")),
                " ",
                F.t["voters_count"],
                custom_attrs=testid("round-status", **{"data-open": F.round_open.to_string()}),
            ),
            " · ",
            rx.cond(
                F.round_revealed,
                rx.el.span(F.t["results_heading"]),
                rx.el.span(F.t["results_hidden"], custom_attrs=testid("results-hidden")),
            ),
            class_name="vote-line",
        ),
    )


def board_view() -> rx.Component:
    """The story wall, or the theme columns with their counts once the group makes sense."""
    return rx.cond(
        THEMED,
        rx.el.section(vote_line(), theme_board(controls=False), class_name="focus focus-themes"),
        story_wall(),
    )


def results_view() -> rx.Component:
    """The vote results over the whole screen once revealed; until then, the turnout."""
    return rx.el.section(
        rx.cond(
            F.round_revealed,
            results_chart(F, fit=True),
            rx.cond(F.has_round, round_status(F), rx.el.p(F.t["no_round_yet"], class_name="empty")),
        ),
        voice_balance(F),
        class_name="focus focus-results",
    )


def proposal_view() -> rx.Component:
    """The proposal the room talks about, its consent round and decision; the others counted."""
    return rx.el.section(
        rx.cond(
            F.focus_proposal.length() > 0,
            rx.el.ul(
                rx.foreach(F.focus_proposal, lambda p: proposal_card(p, F.t)),
                class_name="proposal-main",
            ),
            rx.el.p(F.t["no_proposals_yet"], class_name="empty"),
        ),
        rx.el.div(consent_status(F, controls=False), class_name="proposal-consent"),
        rx.cond(
            F.other_proposals.length() > 0,
            rx.el.div(
                rx.el.h3(F.t["other_proposals"]),
                rx.el.ul(
                    rx.foreach(F.other_proposals, lambda p: proposal_card(p, F.t)),
                    class_name="proposal-others",
                    custom_attrs={"data-fit-list": ""},
                ),
                more_count(F, "more_proposals"),
                class_name="proposal-rest",
                custom_attrs={"data-fit": ""},
            ),
        ),
        class_name="focus focus-proposal",
    )


def projector_page() -> rx.Component:
    shows_join = F.projector_shows == ProjectorFocus.JOIN.value
    return only_for_facilitator(
        rx.el.main(
            rx.el.header(
                rx.el.div(
                    rx.el.h1(F.title),
                    rx.el.p(F.question, class_name="question"),
                    stage_banner(F, instruction=False),
                    class_name="head-text",
                ),
                rx.cond(shows_join, rx.fragment(), join_corner()),
                rx.el.button(
                    F.t["full_screen"],
                    type="button",
                    class_name="quiet fullscreen",
                    custom_attrs=testid("projector-fullscreen", **{"data-fullscreen": ""}),
                ),
                class_name="projector-head",
            ),
            rx.match(
                F.projector_shows,
                (ProjectorFocus.JOIN.value, join_view()),
                (ProjectorFocus.RESULTS.value, results_view()),
                (ProjectorFocus.PROPOSAL.value, proposal_view()),
                board_view(),
            ),
            class_name="projector",
            lang=F.lang,
            custom_attrs={"data-shows": F.projector_shows},
        )
    )
