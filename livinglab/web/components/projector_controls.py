"""The console's choice of what the projector shows, without moving the stage."""

import reflex as rx

from livinglab.models import ProjectorFocus
from livinglab.web.components.common import testid
from livinglab.web.state.console import FacilitatorState as F


def projector_controls() -> rx.Component:
    """A menu: follow the stage, or show the join QR, the board, the results, the proposal.

    The choice is stored (workshop.projector_focus) and lasts until the stage moves.
    """
    return rx.el.div(
        rx.el.label(F.t["projector_show"], html_for="projector-show"),
        rx.el.select(
            *[rx.el.option(F.t["focus_" + focus], value=focus.value) for focus in ProjectorFocus],
            id="projector-show",
            value=F.projector_focus,
            on_change=F.show_on_projector,
            custom_attrs=testid("projector-show"),
        ),
        class_name="projector-controls",
    )
