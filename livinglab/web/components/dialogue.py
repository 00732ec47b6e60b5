"""Dialogue on screen: proposals with their decisions and actions, consent, the log."""

import reflex as rx

from livinglab.dialogue import ANSWERS, OUTCOMES
from livinglab.limits import ACTION_MAX, OWNER_MAX, PROPOSAL_MAX, RATIONALE_MAX, REASON_MAX
from livinglab.web.components.common import error_message, testid, theme_options


def _actions(proposal, t) -> rx.Component:
    return rx.cond(
        proposal.actions.length() > 0,
        rx.el.ul(
            rx.foreach(
                proposal.actions,
                lambda action: rx.el.li(
                    action.what,
                    " · ",
                    action.owner,
                    rx.cond(action.due != "", rx.el.span(" · ", action.due)),
                    followed_up(action, t),
                ),
            ),
        ),
    )


def followed_up(action, t) -> rx.Component:
    """After the workshop: where the action stands, and each dated note (no names)."""
    return rx.cond(
        action.followups.length() > 0,
        rx.el.div(
            rx.el.strong(t["status_" + action.status], class_name="status-" + action.status),
            rx.el.ol(
                rx.foreach(
                    action.followups,
                    lambda update: rx.el.li(
                        rx.el.time(update.day, date_time=update.day),
                        " · ",
                        t["status_" + update.status],
                        rx.cond(update.note != "", rx.el.span(": ", update.note)),
                        custom_attrs=testid("followup"),
                    ),
                ),
                class_name="followups",
            ),
            class_name="followed-up",
        ),
    )


def proposal_card(proposal, t, controls: rx.Component | None = None) -> rx.Component:
    """One proposal: the text, its theme, the decision and why, the actions."""
    return rx.el.li(
        rx.el.div(proposal.text, class_name="prompt"),
        rx.cond(proposal.theme != "", rx.el.div(proposal.theme, class_name="card-meta")),
        rx.cond(
            proposal.outcome != "",
            rx.el.div(
                rx.el.strong(t["outcome_" + proposal.outcome]),
                rx.el.p(proposal.rationale),
                _actions(proposal, t),
                custom_attrs=testid("decision"),
            ),
        ),
        controls if controls is not None else rx.fragment(),
        class_name="card",
        custom_attrs=testid("proposal", **{"data-proposal-id": proposal.id}),
    )


def consent_result(state, proposal=None) -> rx.Component:
    """Counts per answer, per published group, and the objections' reasons (no names).

    `proposal` (a record's, record_view.ProposalLines): its consent instead of the room's.
    """
    t = state.t
    counts, by_group, note, objections = (
        (state.consent_counts, state.consent_by_group, state.consent_note, state.consent_objections)
        if proposal is None
        else (proposal.counts, proposal.by_group, proposal.note, proposal.objections)
    )
    return rx.el.div(
        rx.el.p(
            *[
                rx.el.span(t[f"answer_{answer}"], ": ", rx.el.strong(counts[answer]), " ")
                for answer in ANSWERS
            ],
            custom_attrs=testid("consent-counts"),
        ),
        rx.el.table(
            rx.el.thead(
                rx.el.tr(rx.el.th(""), *[rx.el.th(t[f"answer_{a}"], scope="col") for a in ANSWERS])
            ),
            rx.el.tbody(
                rx.foreach(
                    by_group,
                    lambda line: rx.el.tr(
                        rx.el.th(t["role_" + line.group], scope="row"),
                        *[rx.el.td(line.counts[a]) for a in ANSWERS],
                    ),
                )
            ),
            class_name="balance",
            hidden=by_group.length() == 0,
        ),
        rx.cond(
            note != "",
            rx.el.p(note, class_name="muted", custom_attrs=testid("split-note")),
        ),
        rx.cond(
            objections.length() > 0,
            rx.el.div(
                rx.el.strong(t["log_objections"]),
                rx.el.ul(rx.foreach(objections, lambda reason: rx.el.li(reason))),
            ),
        ),
        custom_attrs=testid("consent-result"),
    )


def consent_status(state, *, controls: bool) -> rx.Component:
    """The consent round: on which proposal, how many answered, the result once revealed."""
    t = state.t
    return rx.cond(
        state.has_consent,
        rx.el.section(
            rx.el.h2(t["log_consent"]),
            rx.el.p(state.consent_text, class_name="prompt"),
            rx.el.p(
                rx.el.span(state.consent_answered, custom_attrs=testid("consent-answered")),
                " ",
                t["answered_count"],
            ),
            rx.el.div(
                rx.cond(
                    state.consent_open,
                    rx.el.button(
                        t["close_consent"],
                        on_click=state.close_consent,
                        custom_attrs=testid("consent-close"),
                    ),
                ),
                rx.cond(
                    ~state.consent_revealed,
                    rx.el.button(
                        t["reveal"],
                        class_name="secondary",
                        on_click=state.reveal_consent,
                        custom_attrs=testid("consent-reveal"),
                    ),
                ),
                class_name="row",
            )
            if controls
            else rx.fragment(),
            rx.cond(
                state.consent_revealed,
                consent_result(state),
                rx.el.p(t["results_hidden"], class_name="muted"),
            ),
            class_name="stack",
            aria_live="polite",
        ),
    )


def decision_controls(state, proposal) -> rx.Component:
    """Ask for consent, record the decision and its actions (console only)."""
    t = state.t
    return rx.el.div(
        rx.el.button(
            t["ask_consent"],
            class_name="quiet",
            on_click=state.open_consent(proposal.id),
            custom_attrs=testid("consent-open"),
        ),
        rx.el.form(
            rx.el.input(type="hidden", name="proposal_id", value=proposal.id),
            rx.el.label(
                t["outcome_label"],
                rx.el.select(
                    *[rx.el.option(t[f"outcome_{o}"], value=o) for o in OUTCOMES],
                    name="outcome",
                    custom_attrs=testid("decision-outcome"),
                ),
            ),
            rx.el.label(
                t["rationale_label"],
                rx.el.textarea(
                    name="rationale",
                    max_length=RATIONALE_MAX,
                    required=True,
                    custom_attrs=testid("decision-rationale"),
                ),
            ),
            rx.el.button(
                t["save_decision"],
                type="submit",
                class_name="quiet",
                custom_attrs=testid("decision-save"),
            ),
            on_submit=state.decide,
            class_name="stack",
        ),
        rx.cond(
            proposal.decision_id > 0,
            rx.el.form(
                rx.el.input(type="hidden", name="decision_id", value=proposal.decision_id),
                rx.el.label(
                    t["log_action_what"],
                    rx.el.input(
                        type="text",
                        name="what",
                        max_length=ACTION_MAX,
                        required=True,
                        custom_attrs=testid("action-what"),
                    ),
                ),
                rx.el.label(
                    t["log_action_owner"],
                    rx.el.input(
                        type="text",
                        name="owner",
                        max_length=OWNER_MAX,
                        required=True,
                        custom_attrs=testid("action-owner"),
                    ),
                ),
                rx.el.label(
                    t["log_action_due"],
                    rx.el.input(type="date", name="due", custom_attrs=testid("action-due")),
                ),
                rx.el.button(
                    t["add_action"],
                    type="submit",
                    class_name="quiet",
                    custom_attrs=testid("action-add"),
                ),
                on_submit=state.add_action,
                reset_on_submit=True,
                class_name="stack",
            ),
        ),
        class_name="stack",
    )


def proposal_form(state, *, on_submit, label_key: str, hook: str) -> rx.Component:
    """Write a proposal, for a theme or for the whole workshop."""
    t = state.t
    return rx.el.form(
        rx.el.label(
            t["proposal_text"],
            rx.el.textarea(
                name="text",
                max_length=PROPOSAL_MAX,
                required=True,
                custom_attrs=testid(f"{hook}-text"),
            ),
        ),
        rx.el.label(
            t["theme_optional"],
            rx.el.select(
                rx.el.option(t["whole_workshop"], value="0"), theme_options(state), name="theme_id"
            ),
        ),
        rx.el.button(t[label_key], type="submit", custom_attrs=testid(f"{hook}-submit")),
        on_submit=on_submit,
        reset_on_submit=True,
        class_name="stack proposal-form",
    )


def consent_ballot(state) -> rx.Component:
    """A phone's answer: three big choices and an optional one-line reason."""
    t = state.t
    return rx.el.form(
        rx.el.h2(t["consent_question"]),
        rx.el.p(state.consent_text, class_name="prompt"),
        rx.el.fieldset(
            rx.el.legend(t["your_answer"]),
            *[
                rx.el.label(
                    rx.el.input(
                        type="radio",
                        name="answer",
                        value=answer,
                        required=True,
                        custom_attrs=testid(f"consent-{answer}"),
                    ),
                    t[f"answer_{answer}"],
                    class_name="choice big-choice",
                )
                for answer in ANSWERS
            ],
        ),
        rx.el.label(
            t["reason_label"],
            rx.el.input(
                type="text",
                name="reason",
                max_length=REASON_MAX,
                custom_attrs=testid("consent-reason"),
            ),
        ),
        rx.cond(
            state.my_answer != "",
            rx.el.p(
                t["your_answer"],
                ": ",
                t["answer_" + state.my_answer],
                class_name="notice",
                custom_attrs=testid("my-answer"),
            ),
        ),
        rx.el.button(
            t["answer_submit"],
            type="submit",
            class_name="full",
            custom_attrs=testid("consent-submit"),
        ),
        error_message(state, at="consent"),
        on_submit=state.answer_consent,
        class_name="stack",
        custom_attrs=testid("consent-ballot"),
    )


def you_said_we_did(state) -> rx.Component:
    """After closing: what was decided and who does what (no participants' names)."""
    t = state.t
    return rx.el.section(
        rx.el.h2(t["you_said_heading"]),
        rx.cond(
            state.proposals.length() > 0,
            rx.el.ul(
                rx.foreach(state.proposals, lambda p: proposal_card(p, t)), class_name="stack"
            ),
            rx.el.p(t["no_decisions"]),
        ),
        custom_attrs=testid("you-said-we-did"),
    )
