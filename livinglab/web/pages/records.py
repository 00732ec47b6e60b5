"""/records (the library of closed workshops: search, the logs, open actions and themes that
came back) and /records/[code] (one decision log read in the browser: the same content as
the PDF, in the same order)."""

import reflex as rx

from livinglab.limits import FOLLOWUP_MAX, NAME_MAX, SEARCH_MAX
from livinglab.models import AccessLevel, Outcome, RecordChange
from livinglab.records.followups import STATUSES
from livinglab.web import routes
from livinglab.web.components.common import error_message, page_title, testid
from livinglab.web.components.corrections import (
    correction_list,
    erasure_requests,
    smallest_group_correction,
    story_correction,
    version_line,
)
from livinglab.web.components.dialogue import consent_result, followed_up
from livinglab.web.components.voting import results_chart
from livinglab.web.state.records import RecordsState as R

LEVELS = tuple(level.value for level in AccessLevel)
OUTCOMES = tuple(outcome.value for outcome in Outcome)
FILES = (("pdf", "PDF"), ("json", "JSON"), ("csv", "CSV"))


def _files(code) -> rx.Component:
    """Buttons that download the log as a file (made off the event loop, Downloads)."""
    return rx.el.div(
        *[
            rx.el.button(
                label,
                class_name="quiet",
                disabled=R.exporting != "",
                on_click=R.download(code, file_format),
                custom_attrs=testid(f"record-{file_format}"),
            )
            for file_format, label in FILES
        ],
        # Every version of the record, to check the chain (python -m livinglab verify).
        rx.el.button(
            R.t["records_chain"],
            class_name="quiet",
            disabled=R.exporting != "",
            on_click=R.download(code, "chain"),
            custom_attrs=testid("record-chain"),
        ),
        class_name="row",
    )


def _listed(workshop) -> rx.Component:
    """A closed workshop in the library: its title links to the log, with the files."""
    return rx.el.li(
        rx.el.h3(rx.el.a(workshop.title, href=routes.record(workshop.code))),
        rx.el.p(
            workshop.day,
            " · ",
            R.t["log_code"],
            ": ",
            rx.el.span(workshop.shown_code, class_name="code"),
        ),
        _files(workshop.code),
        class_name="card stack",
        custom_attrs=testid("record-row"),
    )


def _key_form() -> rx.Component:
    return rx.el.form(
        rx.el.label(
            R.t["records_key"],
            rx.el.input(
                type="password", name="key", required=True, custom_attrs=testid("records-key")
            ),
        ),
        rx.el.button(R.t["records_open"], type="submit", custom_attrs=testid("records-open")),
        on_submit=R.open_records,
        class_name="stack",
    )


def _progress() -> rx.Component:
    return rx.cond(R.exporting != "", rx.el.p(R.t["exporting"], role="status"))


def _access() -> rx.Component:
    """For the organisation key's holder: a link per person (read, or read and update)."""
    t = R.t
    return rx.el.section(
        rx.el.h2(t["access_heading"], id="access"),
        rx.el.p(t["access_intro"]),
        rx.el.form(
            rx.el.label(
                t["access_name"],
                rx.el.input(
                    type="text",
                    name="name",
                    required=True,
                    max_length=NAME_MAX,
                    auto_complete="off",
                ),
            ),
            rx.el.label(
                t["access_level"],
                rx.el.select(
                    *[rx.el.option(t[f"access_{level}"], value=level) for level in LEVELS],
                    name="level",
                ),
            ),
            rx.el.button(t["access_make"], type="submit", custom_attrs=testid("access-invite")),
            error_message(R, at="invite"),
            on_submit=R.invite,
            reset_on_submit=True,
            class_name="stack",
        ),
        rx.cond(
            R.new_link != "",
            rx.el.div(
                rx.el.p(t["access_link_once"]),
                rx.el.code(R.new_link, custom_attrs=testid("access-link")),
                role="status",
                class_name="card",
            ),
        ),
        rx.el.ul(
            rx.foreach(
                R.readers,
                lambda reader: rx.el.li(
                    rx.el.span(reader.name),
                    rx.el.span(
                        t["access_" + reader.level], " · ", reader.invited_at, class_name="muted"
                    ),
                    rx.cond(
                        reader.revoked,
                        rx.el.span(t["access_revoked"], class_name="muted"),
                        rx.el.button(
                            t["access_revoke"],
                            class_name="quiet",
                            aria_label=t["access_revoke"] + ": " + reader.name,
                            on_click=R.revoke(reader.id),
                            custom_attrs=testid("access-revoke"),
                        ),
                    ),
                    class_name="row",
                    custom_attrs=testid("access-reader"),
                ),
            ),
            class_name="stack library",
        ),
        aria_labelledby="access",
        class_name="stack",
    )


def _choice(name: str, prefix: str, values: tuple[str, ...]) -> rx.Component:
    """A filter's select: any, or one of the closed vocabulary's values, named by the catalog."""
    return rx.el.select(
        rx.el.option(R.t["search_any"], value=""),
        *[rx.el.option(R.t[prefix + value], value=value) for value in values],
        name=name,
    )


def _filters() -> rx.Component:
    """Folded, so the search field stays in the first screen."""
    t = R.t
    return rx.el.details(
        rx.el.summary(t["search_filters"]),
        rx.el.div(
            rx.el.label(t["search_since"], rx.el.input(type="date", name="since")),
            rx.el.label(t["search_until"], rx.el.input(type="date", name="until")),
            rx.el.label(t["field_place"], rx.el.input(type="text", name="place")),
            rx.el.label(t["field_organisers"], rx.el.input(type="text", name="organiser")),
            rx.el.label(t["search_outcome"], _choice("outcome", "outcome_", OUTCOMES)),
            rx.el.label(t["search_status"], _choice("action_status", "status_", STATUSES)),
            class_name="filters",
        ),
        class_name="search-filters",
    )


def _hit(hit) -> rx.Component:
    """One text found: its workshop (a link to the log), day, place, kind, the words marked."""
    t = R.t
    return rx.el.li(
        rx.el.h3(rx.el.a(hit.title, href=routes.record(hit.code))),
        rx.el.p(
            hit.day,
            rx.cond(hit.place != "", " · " + hit.place, ""),
            " · ",
            t["kind_" + hit.kind],
            class_name="muted",
        ),
        rx.el.p(
            rx.foreach(
                hit.parts,
                lambda part: rx.cond(part[1], rx.el.mark(part[0]), rx.el.span(part[0])),
            )
        ),
        class_name="card stack",
        custom_attrs=testid("records-hit"),
    )


def _search() -> rx.Component:
    t = R.t
    count = rx.cond(
        R.hits.length() == 0,
        t["search_none"],
        rx.cond(R.hits.length() == 1, t["search_count_one"], t["search_count"]),
    )
    return _section(
        "search",
        "search_heading",
        rx.el.form(
            rx.el.label(t["search_label"], html_for="records-search"),
            rx.el.div(
                rx.el.input(
                    type="search",
                    name="query",
                    id="records-search",
                    required=True,
                    max_length=SEARCH_MAX,
                    custom_attrs=testid("records-search"),
                ),
                rx.el.button(
                    t["search_submit"], type="submit", custom_attrs=testid("records-find")
                ),
                class_name="row search-row",
            ),
            _filters(),
            error_message(R, at="search"),
            on_submit=R.search,
            class_name="stack",
        ),
        # Always on the page, so a screen reader hears the count when it changes.
        rx.el.p(
            rx.cond(
                R.searched,
                count.replace("{n}", R.hits.length().to_string()).replace("{query}", R.query),
                "",
            ),
            role="status",
            custom_attrs=testid("records-count"),
        ),
        rx.cond(R.more, rx.el.p(t["search_more"], custom_attrs=testid("records-more"))),
        rx.cond(
            R.hits.length() > 0,
            rx.el.ul(rx.foreach(R.hits, _hit), class_name="stack library"),
        ),
    )


def _open_action(action) -> rx.Component:
    t = R.t
    return rx.el.tr(
        rx.el.th(action.what, scope="row"),
        rx.el.td(action.owner),
        rx.el.td(
            rx.cond(action.overdue, rx.el.strong(t["overdue"], class_name="overdue")),
            action.due,
            class_name="due",
        ),
        rx.el.td(t["status_" + action.status]),
        rx.el.td(rx.el.a(action.title, href=routes.record(action.code))),
        class_name=rx.cond(action.overdue, "overdue-row", ""),
        custom_attrs=testid("open-action"),
    )


def _open_actions() -> rx.Component:
    """Every action still to be done, across workshops, and the person's calendar feed."""
    t = R.t
    return _section(
        "open-actions",
        "open_actions_heading",
        rx.cond(
            R.calendar_link != "",
            rx.fragment(
                rx.el.a(
                    t["calendar_link"],
                    href=R.calendar_link,
                    custom_attrs=testid("actions-calendar"),
                ),
                rx.el.p(t["calendar_help"], class_name="muted"),
            ),
            rx.el.p(t["calendar_for_people"], class_name="muted"),
        ),
        rx.cond(
            R.open_actions.length() > 0,
            # On a phone the table scrolls sideways, reachable by keyboard, words kept whole.
            rx.el.div(
                _table(
                    [
                        t["log_action_what"],
                        t["log_action_owner"],
                        t["log_action_due"],
                        t["open_actions_status"],
                        t["open_actions_workshop"],
                    ],
                    rx.foreach(R.open_actions, _open_action),
                    caption=t["open_actions_caption"],
                ),
                role="region",
                aria_label=t["open_actions_heading"],
                tab_index=0,
                class_name="table-scroll",
            ),
            rx.el.p(t["open_actions_none"]),
        ),
    )


def _came_back(theme) -> rx.Component:
    return rx.el.li(
        rx.el.h3(theme.label),
        rx.el.ul(
            rx.foreach(
                theme.workshops,
                lambda named: rx.el.li(
                    rx.el.a(named[1], href=routes.record(named[0])), ": ", named[2]
                ),
            )
        ),
        class_name="card stack",
        custom_attrs=testid("recurring-theme"),
    )


def _recurring() -> rx.Component:
    """Themes named with the same word in several workshops, with where they came up."""
    t = R.t
    return _section(
        "recurring",
        "recurring_heading",
        rx.el.p(t["recurring_intro"]),
        rx.cond(
            R.recurring.length() > 0,
            rx.el.ul(rx.foreach(R.recurring, _came_back), class_name="stack library"),
            rx.el.p(t["recurring_none"]),
        ),
    )


def _on_this_page() -> rx.Component:
    t = R.t
    return rx.el.nav(
        rx.el.a(t["records_all"], href="#all"),
        rx.cond(R.may_update, rx.el.a(t["erasure_nav"], href="#erasures")),
        rx.el.a(t["open_actions_heading"], href="#open-actions"),
        rx.el.a(t["recurring_heading"], href="#recurring"),
        aria_label=t["records_on_page"],
        class_name="row on-page",
    )


def _library() -> rx.Component:
    t = R.t
    return rx.fragment(
        _on_this_page(),
        _search(),
        rx.cond(R.may_update, erasure_requests(R)),
        _section(
            "all",
            "records_all",
            rx.cond(
                R.workshops,
                rx.el.ul(rx.foreach(R.workshops, _listed), class_name="stack library"),
                rx.el.p(t["records_none"], custom_attrs=testid("records-none")),
            ),
        ),
        _open_actions(),
        _recurring(),
    )


def records_page() -> rx.Component:
    return rx.el.main(
        rx.el.h1(R.t["records_title"]),
        rx.el.p(R.t["records_intro"]),
        rx.cond(R.opened, _library(), _key_form()),
        rx.cond(R.organisation, _access()),
        _progress(),
        error_message(R, at=""),
        class_name="page stack",
        lang=R.lang,
    )


def _section(anchor: str, heading_key: str, *children) -> rx.Component:
    return rx.el.section(
        rx.el.h2(R.t[heading_key], id=anchor), *children, aria_labelledby=anchor, class_name="stack"
    )


def _labelled(label_key: str, value) -> rx.Component:
    return rx.el.p(rx.el.span(R.t[label_key], ": ", class_name="label"), value)


def _table(head: list, rows, caption=None) -> rx.Component:
    return rx.el.table(
        *([rx.el.caption(caption)] if caption is not None else []),
        rx.el.thead(rx.el.tr(*[rx.el.th(cell, scope="col") for cell in head])),
        rx.el.tbody(rows),
        class_name="log-table",
    )


def _process(log) -> rx.Component:
    t = R.t
    return _section(
        "process",
        "log_process",
        rx.el.h3(t["log_stage_times"]),
        _table(
            [t["log_date"], t["log_stage"]],
            rx.foreach(
                log.stages,
                lambda change: rx.el.tr(
                    rx.el.td(change.entered_at), rx.el.td(t["stage_" + change.stage])
                ),
            ),
        ),
        rx.el.p(t["log_voting_rules"]),
        rx.foreach(
            log.rounds,
            lambda vote_round: rx.el.p(
                t["log_round"],
                " ",
                vote_round.number,
                ": ",
                vote_round.dots_per_person,
                " ",
                t["dots"],
                " / ",
                t["max_per_item"].lower(),
                " ",
                vote_round.max_per_item,
                ".",
            ),
        ),
    )


def _participation(log) -> rx.Component:
    t = R.t
    return _section(
        "participation",
        "log_participation",
        rx.el.table(
            rx.el.thead(rx.el.tr(rx.el.td(""), rx.el.th(t["log_count"], scope="col"))),
            rx.el.tbody(
                rx.foreach(
                    log.by_role,
                    lambda line: rx.el.tr(
                        rx.el.th(t["role_" + line.role], scope="row"), rx.el.td(line.count)
                    ),
                ),
                rx.el.tr(rx.el.th(t["paper_heading"], scope="row"), rx.el.td(log.on_paper)),
            ),
            class_name="balance",
        ),
        rx.cond(log.names.length() > 0, _labelled("log_names", log.names.join(", "))),
    )


def _stories(log) -> rx.Component:
    t = R.t
    return _section(
        "insights",
        "log_insights",
        rx.foreach(
            log.themes,
            lambda theme: rx.el.div(
                rx.el.h3(theme.name),
                rx.cond(
                    theme.reactions.length() > 0,
                    rx.el.p(
                        t["reaction_recognise"],
                        ": ",
                        theme.reactions["recognise"],
                        " · ",
                        t["reaction_affects_me"],
                        ": ",
                        theme.reactions["affects_me"],
                        " · ",
                        t["reaction_idea"],
                        ": ",
                        theme.reactions["idea"],
                        class_name="muted",
                    ),
                ),
                rx.cond(
                    log.purged_at != "",
                    rx.el.p(t["log_story_count"].replace("{n}", theme.count.to_string())),
                    rx.el.ul(
                        rx.foreach(
                            theme.stories,
                            lambda story: rx.el.li(
                                rx.el.span(story.text),
                                rx.el.span(
                                    " (",
                                    t["role_" + story.role],
                                    rx.cond(story.written_for, "; " + t["written_for"], ""),
                                    ")",
                                    class_name="muted",
                                ),
                                rx.cond(
                                    log.may_update,
                                    story_correction(
                                        R, story.id, RecordChange.HIDE_STORY, R.correct
                                    ),
                                ),
                                class_name="card",
                            ),
                        ),
                        class_name="stack log-stories",
                    ),
                ),
                class_name="stack",
            ),
        ),
        rx.cond(log.themes.length() == 0, rx.el.p(t["log_no_insights"])),
        rx.el.p(log.hidden_insights, " ", t["log_hidden"]),
        rx.cond(log.may_update, rx.el.p(t["correction_hidden_note"], class_name="muted")),
        rx.cond(log.waiting_insights > 0, rx.el.p(log.waiting_insights, " ", t["log_waiting"])),
    )


def _votes(log) -> rx.Component:
    t = R.t
    return _section(
        "votes",
        "log_votes",
        rx.foreach(
            log.rounds,
            lambda vote_round: rx.el.div(
                rx.el.h3(t["log_round"], " ", vote_round.number),
                results_chart(R, vote_round=vote_round),
                class_name="stack",
            ),
        ),
        rx.cond(log.rounds.length() == 0, rx.el.p(t["log_no_votes"])),
        rx.cond(log.may_update, smallest_group_correction(R)),
    )


def _proposals(log) -> rx.Component:
    t = R.t
    return _section(
        "proposals",
        "log_proposals",
        rx.foreach(
            log.proposals,
            lambda proposal: rx.el.article(
                rx.el.h3(proposal.number, ". ", proposal.text),
                rx.cond(
                    proposal.theme != "",
                    rx.el.p(t["log_for_theme"], ": ", proposal.theme, class_name="muted"),
                ),
                rx.cond(
                    proposal.from_participant, rx.el.p(t["log_from_phone"], class_name="muted")
                ),
                rx.cond(
                    proposal.has_consent,
                    rx.el.div(rx.el.h4(t["log_consent"]), consent_result(R, proposal)),
                ),
                rx.cond(
                    proposal.outcome != "",
                    rx.el.div(
                        _labelled("log_decision", rx.el.strong(t["outcome_" + proposal.outcome])),
                        _labelled("log_rationale", proposal.rationale),
                        custom_attrs=testid("decision"),
                    ),
                ),
                class_name="card stack",
            ),
        ),
        rx.cond(log.proposals.length() == 0, rx.el.p(t["log_no_proposals"])),
    )


def _follow_up_form(action) -> rx.Component:
    """For people with update access: a new status and a dated note, appended."""
    t = R.t
    field = "action-" + action.id.to_string()
    return rx.el.form(
        rx.el.label(
            t["followup_status"],
            rx.el.select(
                *[rx.el.option(t[f"status_{status}"], value=status) for status in STATUSES],
                name="status",
                default_value=action.status,
                custom_attrs=testid("action-status"),
            ),
        ),
        rx.el.label(
            t["followup_note"],
            rx.el.textarea(
                name="note",
                rows=2,
                max_length=2 * FOLLOWUP_MAX,
                custom_attrs=testid("action-note"),
            ),
        ),
        rx.el.button(t["followup_save"], type="submit", custom_attrs=testid("action-update")),
        error_message(R, at=field),
        # The action's id travels in the form: a handler argument from the list is lost
        # inside the form's own submit function.
        rx.el.input(type="hidden", name="action_id", value=action.id),
        on_submit=R.follow_up,
        reset_on_submit=True,
        class_name="stack followup-form",
    )


def _actions(log) -> rx.Component:
    t = R.t
    return _section(
        "actions",
        "log_actions",
        rx.cond(
            log.actions.length() > 0,
            rx.el.ul(
                rx.foreach(
                    log.actions,
                    lambda action: rx.el.li(
                        rx.el.strong(action.what),
                        rx.el.p(
                            t["log_action_owner"],
                            ": ",
                            action.owner,
                            rx.cond(
                                action.due != "",
                                rx.el.span(" · ", t["log_action_due"], ": ", action.due),
                            ),
                        ),
                        rx.cond(
                            action.followups.length() > 0,
                            followed_up(action, t),
                            rx.el.p(
                                t["status_" + action.status],
                                " · ",
                                t["log_no_followups"],
                                class_name="muted",
                            ),
                        ),
                        rx.cond(log.may_update, _follow_up_form(action)),
                        class_name="card stack",
                        custom_attrs=testid("record-action"),
                    ),
                ),
                class_name="stack library",
            ),
            rx.el.p(t["log_no_actions"]),
        ),
        _labelled("log_addendum_digest", rx.el.code(log.addendum_digest)),
        rx.el.p(t["log_addendum_digest_help"], class_name="muted"),
    )


def _log(log) -> rx.Component:
    t = R.t
    return rx.el.article(
        rx.el.p(t["log_title"], class_name="muted"),
        rx.el.h1(log.title),
        _labelled("log_question", log.question),
        rx.el.p(t["log_date"], ": ", log.day, " · ", t["log_code"], ": ", log.shown_code),
        rx.cond(log.place != "", _labelled("field_place", log.place)),
        rx.cond(log.organisers != "", _labelled("field_organisers", log.organisers)),
        rx.cond(log.purged_at != "", rx.el.p(t["log_purged"].replace("{date}", log.purged_at))),
        version_line(R, log),
        rx.el.div(
            rx.el.span(t["log_digest"], ": ", class_name="label"),
            rx.el.code(log.digest, custom_attrs=testid("record-digest")),
            rx.el.p(t["log_digest_help"], class_name="muted"),
            class_name="digest",
        ),
        rx.el.p(t["records_files"], ":"),
        _files(log.code),
        _process(log),
        _participation(log),
        _stories(log),
        _votes(log),
        _proposals(log),
        _actions(log),
        correction_list(R, log),
        class_name="stack",
    )


def record_title() -> rx.Var:
    """ "Besluitenlog — <workshop>" once the log is read; the library's name before."""
    return rx.cond(R.record, page_title(R, "log_title", R.record.title), R.t["title_records"])


def record_page() -> rx.Component:
    return rx.el.main(
        rx.el.nav(
            rx.el.a(R.t["records_back"], href=routes.RECORDS), aria_label=R.t["records_title"]
        ),
        rx.cond(
            R.record,
            _log(R.record),
            rx.cond(
                R.opened, rx.fragment(), rx.el.div(rx.el.h1(R.t["records_title"]), _key_form())
            ),
        ),
        _progress(),
        error_message(R, at=""),
        class_name="page stack record-page",
        lang=R.lang,
        custom_attrs=testid("record-page"),
    )
