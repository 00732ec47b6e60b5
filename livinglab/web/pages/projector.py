"""/p/[code]: the projector, what the whole room sees."""

import reflex as rx

from livinglab.web.components.board import THEMED, board, join_panel, only_for_facilitator
from livinglab.web.components.common import allows, stage_banner
from livinglab.web.components.dialogue import consent_status, proposal_card
from livinglab.web.components.themes import theme_board
from livinglab.web.components.voting import round_status
from livinglab.web.state.console import FacilitatorState as F
from livinglab.workshops import Act


def projector_page() -> rx.Component:
    return only_for_facilitator(
        rx.el.main(
            rx.el.aside(join_panel()),
            rx.el.div(
                rx.el.h1(F.title),
                rx.el.p(F.question, class_name="question"),
                stage_banner(F, instruction=False),
                round_status(F),
                rx.cond(
                    allows(F, Act.PROPOSE),
                    rx.el.div(
                        consent_status(F, controls=False),
                        rx.el.ul(
                            rx.foreach(F.proposals, lambda p: proposal_card(p, F.t)),
                            class_name="stack",
                        ),
                        class_name="stack",
                    ),
                ),
                rx.cond(
                    THEMED,
                    theme_board(controls=False),
                    board(moderation=False),
                ),
                class_name="stack",
            ),
            class_name="projector",
            lang=F.lang,
        )
    )
