"""Dot voting on screen: the results chart, the split by role, voice balance, the ballot."""

import reflex as rx

from livinglab.web.components.common import error_message, more_count, testid


def _group_segments(tally, t) -> rx.Component:
    """One bar per item, split by published group; the numbers are written out too (not
    colour alone). Without a split (anonymity.py) the bar is one plain segment."""
    return rx.el.div(
        rx.cond(
            tally.by_group.length() > 0,
            rx.foreach(
                tally.by_group,
                lambda line: rx.el.span(
                    class_name="segment role-" + line.group,
                    style={"width": line.share.to_string() + "%"},
                    title=t["role_" + line.group],
                ),
            ),
            rx.el.span(class_name="segment total", style={"width": tally.share.to_string() + "%"}),
        ),
        class_name="bar",
        aria_hidden="true",
    )


def results_chart(state, *, fit: bool = False, vote_round=None) -> rx.Component:
    """The ranking as a bar chart, each bar split by role, with counts as text.

    `fit` (the projector): as many items as fit the screen, the rest counted.
    `vote_round` (a record's round, record_view.RoundLines): its results under the page's
    own heading, instead of the room's current round.
    """
    t = state.t
    results = state.results if vote_round is None else vote_round.results
    note = state.results_note if vote_round is None else vote_round.note
    return rx.el.section(
        rx.el.h2(t["results_heading"]) if vote_round is None else rx.fragment(),
        rx.el.ol(
            rx.foreach(
                results,
                lambda tally: rx.el.li(
                    rx.el.div(
                        rx.el.span(tally.label, class_name="result-label"),
                        rx.el.strong(tally.dots, " ", t["dots"]),
                        class_name="result-head",
                    ),
                    _group_segments(tally, t),
                    rx.el.div(
                        rx.foreach(
                            tally.by_group,
                            lambda line: rx.cond(
                                line.dots > 0,
                                rx.el.span(
                                    rx.el.span(class_name="swatch role-" + line.group),
                                    t["role_" + line.group],
                                    ": ",
                                    line.dots,
                                    class_name="role-count",
                                ),
                            ),
                        ),
                        class_name="row by-role",
                    ),
                    class_name="result",
                    custom_attrs=testid("result-item", **{"data-dots": tally.dots}),
                ),
            ),
            class_name="results",
            custom_attrs={"data-fit-list": ""} if fit else {},
        ),
        more_count(state, "more_results") if fit else rx.fragment(),
        rx.cond(
            (results.length() > 0) & (results[0].by_group.length() > 0),
            rx.el.p(
                t["by_role_heading"],
                ": ",
                rx.foreach(
                    results[0].by_group,
                    lambda line: rx.el.span(
                        rx.el.span(class_name="swatch role-" + line.group),
                        t["role_" + line.group],
                        " ",
                    ),
                ),
                class_name="legend muted",
                custom_attrs=testid("by-role"),
            ),
        ),
        rx.cond(
            note != "",
            rx.el.p(note, class_name="muted", custom_attrs=testid("split-note")),
        ),
        aria_live="polite",
        custom_attrs=testid("results", **({"data-fit": ""} if fit else {})),
    )


def round_status(state) -> rx.Component:
    """Open or closed, how many voted, and results hidden until revealed."""
    t = state.t
    return rx.cond(
        state.has_round,
        rx.el.div(
            rx.el.p(
                rx.cond(state.round_open, t["round_open"], t["round_closed"]),
                " ",
                rx.el.span(state.voters, custom_attrs=testid("voter-count")),
                " ",
                t["voters_count"],
                custom_attrs=testid("round-status", **{"data-open": state.round_open.to_string()}),
            ),
            rx.cond(
                state.round_revealed,
                results_chart(state),
                rx.el.p(
                    t["results_hidden"], class_name="muted", custom_attrs=testid("results-hidden")
                ),
            ),
            class_name="stack",
        ),
    )


def voice_balance(state) -> rx.Component:
    """Per role: joined, posted, voted. Whose voice is missing shows at a glance."""
    t = state.t
    return rx.el.table(
        rx.el.caption(t["balance_heading"]),
        rx.el.thead(
            rx.el.tr(
                rx.el.th(""),
                rx.el.th(t["balance_joined"], scope="col"),
                rx.el.th(t["balance_posted"], scope="col"),
                rx.el.th(t["balance_voted"], scope="col"),
            )
        ),
        rx.el.tbody(
            rx.foreach(
                state.balance,
                lambda row: rx.el.tr(
                    rx.el.th(t["role_" + row.role], scope="row"),
                    rx.el.td(row.joined),
                    rx.el.td(row.posted),
                    rx.el.td(row.voted),
                ),
            )
        ),
        class_name="balance",
        custom_attrs=testid("voice-balance"),
    )


def ballot(state) -> rx.Component:
    """A phone's ballot: big buttons, dots left, own dots only."""
    t = state.t
    return rx.el.section(
        rx.el.h2(t["vote_heading"]),
        rx.el.p(t["vote_now"]),
        rx.el.p(t["secret_ballot"], class_name="muted"),
        rx.el.p(
            t["dots_left"],
            ": ",
            rx.el.strong(state.dots_left, custom_attrs=testid("dots-left")),
            class_name="dots-left",
            aria_live="polite",
        ),
        rx.el.ul(
            rx.foreach(
                state.ballot,
                lambda line: rx.el.li(
                    rx.el.div(line.label, class_name="ballot-label"),
                    rx.el.div(
                        rx.el.button(
                            "−",
                            aria_label=t["remove_dot"],
                            class_name="secondary",
                            disabled=line.mine == 0,
                            on_click=state.remove_dot(line.item_id),
                            custom_attrs=testid("dot-remove"),
                        ),
                        rx.el.span(
                            line.mine,
                            " ",
                            t["your_dots"],
                            class_name="mine",
                            custom_attrs=testid("my-dots"),
                        ),
                        rx.el.button(
                            "+",
                            aria_label=t["add_dot"],
                            on_click=state.add_dot(line.item_id),
                            custom_attrs=testid("dot-add"),
                        ),
                        class_name="row",
                    ),
                    # A refused dot is explained on the line that was tapped.
                    error_message(state, at="ballot-" + line.item_id.to_string()),
                    class_name="card ballot-line",
                    custom_attrs=testid("ballot-item", **{"data-item": line.item_id}),
                ),
            ),
            class_name="stack",
        ),
        custom_attrs=testid("ballot"),
    )
