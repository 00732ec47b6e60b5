"""/j (type a code) and /j/[code] (the phone page: join, follow the stage, post)."""

import reflex as rx

from livinglab import reactions
from livinglab.limits import INSIGHT_MAX, JOIN_RETRY_SECONDS, NAME_MAX, TYPED_CODE_MAX
from livinglab.web import routes
from livinglab.web.components.common import (
    allows,
    by_screen,
    error_message,
    icon,
    insight_card,
    shows,
    stage_banner,
    testid,
    theme_options,
)
from livinglab.web.components.corrections import erasure_request
from livinglab.web.components.dialogue import (
    consent_ballot,
    consent_result,
    proposal_card,
    proposal_form,
    you_said_we_did,
)
from livinglab.web.components.voting import ballot, results_chart
from livinglab.web.state.phone import INSIGHT_FIELD, JoinCodeState
from livinglab.web.state.phone import PhoneState as P
from livinglab.workshops import ROLES, Act, Screen

#: The story fields' HTML limit, in UTF-16 units (what maxlength counts): an emoji is two,
#: so this lets in every story the server accepts (INSIGHT_MAX code points, Python's len).
#: What is left is counted in code points by assets/count.js, as the server counts.
STORY_UNITS = 2 * INSIGHT_MAX
EDIT_FIELD = "edit-text"


def code_page() -> rx.Component:
    J = JoinCodeState
    return rx.el.main(
        rx.el.h1(J.t["code_heading"]),
        rx.el.form(
            rx.el.label(J.t["code_label"], html_for="code"),
            rx.el.input(
                id="code",
                name="code",
                type="text",
                required=True,
                auto_complete="off",
                auto_capitalize="characters",
                spell_check=False,
                max_length=TYPED_CODE_MAX,
                style={"fontSize": "1.6rem", "letterSpacing": "0.1em"},
                custom_attrs=testid("join-code-input"),
            ),
            error_message(J),
            rx.el.button(
                J.t["code_submit"],
                type="submit",
                class_name="full",
                custom_attrs=testid("join-code-submit"),
            ),
            on_submit=J.go,
            class_name="stack",
        ),
        class_name="page stack",
        lang=J.lang,
    )


def _join_form() -> rx.Component:
    return rx.el.form(
        rx.el.h2(P.t["join_heading"]),
        rx.cond(
            P.uses_names,
            rx.el.div(
                rx.el.label(P.t["your_name"], html_for="name"),
                rx.el.input(
                    id="name",
                    name="name",
                    type="text",
                    max_length=NAME_MAX,
                    auto_complete="given-name",
                    custom_attrs=testid("participant-name"),
                ),
            ),
            rx.el.p(P.t["anonymous_note"]),
        ),
        rx.el.div(
            rx.el.label(P.t["role_label"], html_for="role"),
            rx.el.select(
                rx.el.option("—", value="", disabled=True),
                *[rx.el.option(P.t[f"role_{role}"], value=role) for role in ROLES],
                id="role",
                name="role",
                required=True,
                default_value="",
                custom_attrs=testid("participant-role"),
            ),
        ),
        rx.el.p(P.t["privacy_notice"], class_name="muted", style={"whiteSpace": "pre-line"}),
        rx.el.a(
            P.t["privacy_link"], href=routes.privacy(P.lang), custom_attrs=testid("privacy-link")
        ),
        error_message(P, at="join"),
        rx.el.button(
            P.t["join_submit"],
            type="submit",
            class_name="full",
            custom_attrs=testid("join-submit"),
        ),
        on_submit=P.join,
        class_name="stack",
        # assets/outbox.js sends it again by itself when joining had to wait.
        custom_attrs={"data-rejoin": ""},
    )


def _post_form() -> rx.Component:
    return rx.el.form(
        rx.el.label(P.t["insight_label"], html_for=INSIGHT_FIELD),
        rx.el.textarea(
            id=INSIGHT_FIELD,
            name="text",
            max_length=STORY_UNITS,
            required=True,
            aria_describedby=f"text-limit {INSIGHT_FIELD}-left",
            custom_attrs=testid("insight-text"),
        ),
        rx.el.p(P.t["insight_limit"], id="text-limit", class_name="muted"),
        _chars_left(INSIGHT_FIELD, "story-chars-left"),
        rx.el.input(type="hidden", name="ref", value=P.draft_ref),
        error_message(P, at="post"),
        rx.cond(
            P.just_sent,
            rx.el.p(P.t["insight_sent"], class_name="notice sent-notice", role="status"),
        ),
        # Shown by outbox.js while the story waits for the server's answer.
        rx.el.p(
            P.t["insight_waiting"],
            class_name="warning outbox-wait",
            role="status",
            custom_attrs=testid("insight-waiting"),
        ),
        rx.el.button(
            P.t["insight_submit"],
            type="submit",
            class_name="full",
            custom_attrs=testid("insight-submit"),
        ),
        on_submit=P.post_insight,
        class_name="stack",
        custom_attrs={"data-outbox": ""},
    )


def _chars_left(field_id: str, hook: str) -> rx.Component:
    """What is left of the story limit while typing, counted as the server counts it."""
    return rx.el.p(
        id=f"{field_id}-left",
        class_name="muted chars-left",
        custom_attrs=testid(
            hook,
            **{
                "data-count-for": field_id,
                "data-count-limit": INSIGHT_MAX,
                "data-count-left": P.t["chars_left"],
                "data-count-left-one": P.t["chars_left_one"],
                "data-count-over": P.t["chars_over"],
                "data-count-over-one": P.t["chars_over_one"],
            },
        ),
    )


def _edit_form(card) -> rx.Component:
    return rx.el.form(
        rx.el.label(P.t["edit"], html_for=EDIT_FIELD),
        rx.el.textarea(
            id=EDIT_FIELD,
            name="text",
            max_length=STORY_UNITS,
            default_value=card.text,
            aria_describedby=f"{EDIT_FIELD}-left",
            custom_attrs=testid("insight-edit-text"),
        ),
        _chars_left(EDIT_FIELD, "edit-chars-left"),
        rx.el.input(type="hidden", name="insight_id", value=card.id),
        error_message(P, at="edit"),
        rx.el.div(
            rx.el.button(P.t["save"], type="submit", custom_attrs=testid("insight-save")),
            rx.el.button(
                P.t["cancel"], type="button", class_name="secondary", on_click=P.cancel_edit
            ),
            class_name="row",
        ),
        on_submit=P.save_edit,
        class_name="stack",
    )


def _review_status(card) -> rx.Component:
    """What became of one's own story: waiting for the facilitator, let through, or hidden."""
    return rx.cond(
        card.waiting,
        rx.el.p(
            P.t["waits_for_review"],
            class_name="card-meta",
            role="status",
            custom_attrs=testid("waits-for-review"),
        ),
        rx.cond(
            card.hidden,
            rx.el.p(P.t["hidden_by_facilitator"], class_name="card-meta"),
            rx.cond(
                card.let_through,
                rx.el.p(
                    P.t["let_through_by_facilitator"],
                    class_name="card-meta",
                    custom_attrs=testid("let-through"),
                ),
            ),
        ),
    )


def _my_card(card) -> rx.Component:
    actions = rx.el.div(
        _review_status(card),
        _suggest_theme(card),
        rx.el.div(
            rx.cond(
                allows(P, Act.POST),
                rx.el.button(
                    P.t["edit"],
                    class_name="quiet",
                    on_click=P.start_edit(card.id),
                    custom_attrs=testid("insight-edit"),
                ),
            ),
            rx.cond(
                allows(P, Act.WITHDRAW),
                rx.el.button(
                    P.t["withdraw"],
                    class_name="quiet",
                    on_click=P.withdraw(card.id),
                    custom_attrs=testid("insight-withdraw"),
                ),
            ),
            class_name="row",
        ),
        error_message(P, at="card-" + card.id.to_string()),
    )
    return rx.cond(
        P.editing_id == card.id,
        rx.el.li(_edit_form(card), class_name="card"),
        insight_card(card, P.t, actions=actions, speak=True),
    )


def _reactions(theme) -> rx.Component:
    """Three pictogram buttons: react without typing; pressed shows one's own reaction."""
    return rx.el.div(
        *[
            rx.el.button(
                icon(kind),
                " ",
                P.t["reaction_" + kind],
                type="button",
                class_name="quiet reaction",
                aria_pressed=P.my_reactions.contains(theme.id.to_string() + ":" + kind),
                on_click=P.react(theme.id, kind),
                custom_attrs=testid("reaction", **{"data-kind": kind}),
            )
            for kind in reactions.KINDS
        ],
        error_message(P, at="react-" + theme.id.to_string()),
        role="group",
        aria_label=P.t["reactions_label"],
        class_name="row reactions",
    )


def _themes_forming() -> rx.Component:
    """Theme names and counts, live: small enough to push to every phone."""
    return rx.cond(
        P.themes.length() > 0,
        rx.el.section(
            rx.el.h2(P.t["themes_forming"]),
            rx.el.ul(
                rx.foreach(
                    P.themes,
                    lambda theme: rx.el.li(
                        rx.el.div(
                            rx.el.strong(theme.name),
                            " · ",
                            theme.cards,
                            " ",
                            P.t["cards_in_theme"],
                        ),
                        _reactions(theme),
                        custom_attrs=testid("phone-theme"),
                    ),
                ),
                class_name="stack",
            ),
        ),
    )


def _sensemaking() -> rx.Component:
    """Vote when a round is open, see results once revealed, else watch themes form."""
    return rx.el.div(
        rx.cond(
            P.round_open,
            ballot(P),
            rx.cond(
                P.round_revealed,
                results_chart(P),
                rx.cond(P.has_round, rx.el.p(P.t["wait_results"], class_name="notice")),
            ),
        ),
        rx.cond(
            P.suggestion_sent, rx.el.p(P.t["suggestion_sent"], class_name="notice", role="status")
        ),
        _themes_forming(),
        class_name="stack",
    )


def _suggest_theme(card) -> rx.Component:
    """Under one's own card: propose the theme it fits."""
    return rx.cond(
        allows(P, Act.SUGGEST_THEME) & (P.themes.length() > 0),
        rx.el.form(
            rx.el.input(type="hidden", name="insight_id", value=card.id),
            rx.el.label(
                P.t["suggest_for_card"],
                rx.el.select(
                    rx.el.option(P.t["choose_theme"], value="", disabled=True),
                    theme_options(P),
                    name="theme_id",
                    required=True,
                    # Starts at the theme the card is in (a new key when it moves).
                    default_value=rx.cond(card.theme_id > 0, card.theme_id.to_string(), ""),
                    key=card.id.to_string() + "-" + card.theme_id.to_string(),
                    custom_attrs=testid("suggest-theme-select"),
                ),
            ),
            rx.el.button(
                P.t["suggest_send"],
                type="submit",
                class_name="quiet",
                custom_attrs=testid("suggest-theme-send"),
            ),
            error_message(P, at="suggest-" + card.id.to_string()),
            on_submit=P.suggest_theme,
            class_name="stack",
        ),
    )


def _dialogue() -> rx.Component:
    """Answer the consent question, see results once revealed, send a proposal."""
    return rx.el.div(
        rx.cond(
            P.consent_open,
            consent_ballot(P),
            rx.cond(
                P.consent_revealed,
                rx.el.section(
                    rx.el.h2(P.t["log_consent"]),
                    rx.el.p(P.consent_text, class_name="prompt"),
                    consent_result(P),
                ),
            ),
        ),
        rx.cond(
            P.proposals.length() > 0,
            rx.el.section(
                rx.el.h2(P.t["proposals_heading"]),
                rx.el.ul(
                    rx.foreach(P.proposals, lambda p: proposal_card(p, P.t)), class_name="stack"
                ),
            ),
        ),
        proposal_form(
            P, on_submit=P.send_proposal, label_key="send_proposal", hook="phone-proposal"
        ),
        error_message(P, at="proposal"),
        rx.cond(
            P.proposal_sent,
            rx.el.p(P.t["proposal_sent"], class_name="notice", role="status"),
        ),
        class_name="stack",
    )


def _participating() -> rx.Component:
    return rx.el.div(
        stage_banner(P, instruction=True),
        by_screen(
            P,
            {
                Screen.STORIES: _post_form(),
                Screen.THEMES: _sensemaking(),
                Screen.DIALOGUE: _dialogue(),
                Screen.OUTCOME: you_said_we_did(P),
            },
        ),
        rx.cond(allows(P, Act.ASK_ERASURE), erasure_request(P)),
        error_message(P, at=""),  # a refusal of no control in particular; the rest in place
        rx.cond(
            P.my_insights.length() > 0,
            rx.el.section(
                rx.el.h2(P.t["your_posts"]),
                rx.el.ul(rx.foreach(P.my_insights, _my_card), class_name="cards"),
            ),
        ),
        class_name="stack",
    )


def phone_page() -> rx.Component:
    return rx.el.main(
        rx.cond(
            P.found,
            rx.el.div(
                rx.el.h1(P.title),
                rx.el.p(P.question, class_name="muted"),
                rx.cond(
                    P.joined,
                    _participating(),
                    rx.cond(
                        shows(P, Screen.OUTCOME),
                        # Anyone with the link reads what came of it, months later too.
                        rx.el.div(stage_banner(P, instruction=True), you_said_we_did(P)),
                        rx.cond(
                            ~allows(P, Act.JOIN),
                            rx.el.div(
                                stage_banner(P, instruction=True),
                                rx.el.p(
                                    P.t["error_workshop_closed"],
                                    class_name="error",
                                    custom_attrs=testid("error-message"),
                                ),
                            ),
                            _join_form(),
                        ),
                    ),
                ),
                class_name="stack",
            ),
            rx.cond(
                P.loaded,
                rx.el.div(
                    error_message(P),
                    rx.el.a(
                        P.t["code_heading"], href=routes.JOIN_CODE, class_name="button secondary"
                    ),
                    class_name="stack",
                ),
            ),
        ),
        # What assets/outbox.js watches: a story answered, the page (re)loaded, joining waits.
        rx.el.span(
            hidden=True,
            custom_attrs={
                "data-outbox-answered": P.stories_answered,
                "data-outbox-loaded": P.page_loads,
                "data-join-waits": P.join_waits,
                "data-join-retry-ms": JOIN_RETRY_SECONDS * 1000,
            },
        ),
        class_name="page stack",
        lang=P.lang,
    )
