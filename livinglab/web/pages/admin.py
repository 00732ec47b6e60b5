"""/admin (the organisation's members: invite, change roles, remove, a new device link) and
/admin/audit (who did what, filtered, as a CSV too). For admins; anyone else reads a plain
refusal. Native form elements only, so everything works with the keyboard."""

import reflex as rx

from livinglab.limits import NAME_MAX
from livinglab.organisation.audit import ACTS
from livinglab.web import routes
from livinglab.web.components.common import error_message, testid
from livinglab.web.state.admin import ROLES
from livinglab.web.state.admin import AdminState as A


def _nav() -> rx.Component:
    t = A.t
    return rx.el.nav(
        rx.el.a(t["admin_members"], href=routes.ADMIN),
        rx.el.a(t["admin_audit"], href=routes.AUDIT),
        rx.el.a(t["admin_home"], href=routes.START),
        aria_label=t["admin_title"],
        class_name="row",
    )


def _refusal(page: str) -> rx.Component:
    """For a visitor (sign in first) or a member without the admin role."""
    t = A.t
    return rx.match(
        A.access,
        (
            "sign_in",
            rx.el.div(
                rx.el.p(t["admin_sign_in"]),
                # An HTTP route (livinglab/web/auth.py), not a page: the browser loads it.
                rx.el.a(
                    t["admin_sign_in_link"],
                    href=routes.AUTH_SIGN_IN + "?next=" + page,
                    reload_document=True,
                ),
                role="alert",
                class_name="card stack",
                custom_attrs=testid("admin-refused"),
            ),
        ),
        (
            "role",
            rx.el.div(
                rx.el.p(t["admin_not_admin"]),
                role="alert",
                class_name="card stack",
                custom_attrs=testid("admin-refused"),
            ),
        ),
        rx.fragment(),
    )


def _role_boxes(checked=None, prefix: str = "") -> list[rx.Component]:
    """A checkbox per role; `checked` a member's roles (a list Var) or None (none ticked)."""
    t = A.t
    return [
        rx.el.label(
            rx.el.input(
                type="checkbox",
                name=f"role_{role}",
                default_checked=checked.contains(role) if checked is not None else False,
                custom_attrs=testid(prefix, **{"data-role": role}) if prefix else {},
            ),
            " ",
            t[f"member_role_{role}"],
            class_name="check",
        )
        for role in ROLES
    ]


def _invite_form() -> rx.Component:
    t = A.t
    return rx.el.section(
        rx.el.h2(t["member_invite_heading"], id="invite"),
        rx.el.p(t["member_invite_intro"]),
        rx.el.form(
            rx.el.label(
                t["member_name"],
                rx.el.input(
                    type="text",
                    name="name",
                    required=True,
                    max_length=NAME_MAX,
                    auto_complete="off",
                    custom_attrs=testid("member-invite-name"),
                ),
            ),
            rx.el.fieldset(
                rx.el.legend(t["member_roles"]),
                *_role_boxes(prefix="member-invite-role"),
                class_name="row",
            ),
            rx.el.button(
                t["member_invite_make"], type="submit", custom_attrs=testid("member-invite-send")
            ),
            error_message(A, at="invite"),
            on_submit=A.invite,
            reset_on_submit=True,
            class_name="stack",
            custom_attrs=testid("member-invite"),
        ),
        rx.cond(
            A.new_link != "",
            rx.el.div(
                rx.el.p(t["member_link_once"].replace("{name}", A.new_link_for)),
                rx.el.code(A.new_link, custom_attrs=testid("member-link")),
                rx.el.button(
                    t["member_link_copy"],
                    type="button",
                    class_name="quiet",
                    on_click=rx.set_clipboard(A.new_link),
                    custom_attrs=testid("member-link-copy"),
                ),
                role="status",
                class_name="card stack",
            ),
        ),
        aria_labelledby="invite",
        class_name="stack",
    )


def _remove(member) -> rx.Component:
    """Remove, in two steps: the second press names the person again."""
    t = A.t
    return rx.cond(
        A.confirming_remove == member.id,
        rx.el.div(
            rx.el.span(t["member_remove_sure"].replace("{name}", member.name)),
            rx.el.button(
                t["member_remove_yes"],
                type="button",
                on_click=A.remove(member.id),
                custom_attrs=testid("member-remove-confirm"),
            ),
            rx.el.button(
                t["member_remove_no"],
                type="button",
                class_name="quiet",
                on_click=A.cancel_remove,
            ),
            role="alert",
            class_name="row",
        ),
        rx.el.button(
            t["member_remove"],
            type="button",
            class_name="quiet",
            aria_label=t["member_remove"] + ": " + member.name,
            on_click=A.ask_remove(member.id),
            custom_attrs=testid("member-remove"),
        ),
    )


def _member(member) -> rx.Component:
    t = A.t
    field = "member-" + member.id.to_string()
    return rx.el.li(
        rx.el.h3(member.name),
        rx.el.p(
            rx.cond(
                member.signs_in_with == "passkey",
                t["member_signs_in_passkey"],
                t["member_signs_in_identity_provider"],
            ),
            " · ",
            t["member_since"],
            " ",
            member.since,
            class_name="muted",
        ),
        rx.cond(
            member.removed,
            rx.el.p(t["member_removed"], custom_attrs=testid("member-removed")),
            rx.fragment(
                rx.el.form(
                    rx.el.fieldset(
                        rx.el.legend(t["member_roles"], ": ", member.name),
                        *_role_boxes(member.roles, prefix="member-role"),
                        class_name="row",
                    ),
                    rx.el.input(type="hidden", name="member_id", value=member.id),
                    rx.el.button(
                        t["member_roles_save"],
                        type="submit",
                        custom_attrs=testid("member-roles-save"),
                    ),
                    on_submit=A.change_roles,
                    class_name="row",
                ),
                rx.el.div(
                    rx.el.button(
                        t["member_device_link"],
                        type="button",
                        class_name="quiet",
                        aria_label=t["member_device_link"] + ": " + member.name,
                        on_click=A.device_link(member.id),
                        custom_attrs=testid("member-device-link"),
                    ),
                    _remove(member),
                    class_name="row",
                ),
            ),
        ),
        error_message(A, at=field),
        class_name="card stack",
        custom_attrs=testid("member-row", **{"data-name": member.name}),
    )


def _members() -> rx.Component:
    t = A.t
    return rx.fragment(
        _invite_form(),
        rx.el.section(
            rx.el.h2(t["member_list_heading"], id="members"),
            rx.el.ul(rx.foreach(A.member_rows, _member), class_name="stack library"),
            aria_labelledby="members",
            class_name="stack",
        ),
    )


def members_page() -> rx.Component:
    return rx.el.main(
        _nav(),
        rx.el.h1(A.t["admin_members"]),
        rx.cond(A.access == "admin", _members(), _refusal(routes.ADMIN)),
        error_message(A, at=""),
        class_name="page stack admin-page",
        lang=A.lang,
    )


def _filters() -> rx.Component:
    t = A.t
    return rx.el.form(
        rx.el.div(
            rx.el.label(t["audit_who"], rx.el.input(type="text", name="who", max_length=80)),
            rx.el.label(
                t["audit_what"],
                rx.el.select(
                    rx.el.option(t["search_any"], value=""),
                    *[rx.el.option(t[f"act_{act.value}"], value=act.value) for act in ACTS],
                    name="act",
                ),
            ),
            rx.el.label(
                t["audit_workshop"], rx.el.input(type="text", name="workshop", max_length=16)
            ),
            rx.el.label(t["search_since"], rx.el.input(type="date", name="since")),
            rx.el.label(t["search_until"], rx.el.input(type="date", name="until")),
            class_name="filters",
        ),
        rx.el.button(t["audit_filter"], type="submit", custom_attrs=testid("audit-filter-send")),
        error_message(A, at="audit"),
        on_submit=A.filter_audit,
        class_name="stack",
        custom_attrs=testid("audit-filter"),
    )


def _row(line) -> rx.Component:
    return rx.el.tr(
        rx.el.td(line.at),
        rx.el.td(line.actor),
        rx.el.td(A.t["act_" + line.act]),
        rx.el.td(line.workshop),
        rx.el.td(line.detail),
        custom_attrs=testid("audit-row", **{"data-act": line.act}),
    )


def _trail() -> rx.Component:
    t = A.t
    return rx.fragment(
        rx.el.p(t["audit_intro"]),
        _filters(),
        rx.el.a(
            t["audit_download"],
            href=A.download_href,
            download="audit.csv",
            # rx.el.a is React Router's Link: without this, a click is a client-side
            # navigation to a page that does not exist, never the HTTP route's file.
            reload_document=True,
            custom_attrs=testid("audit-download"),
        ),
        rx.cond(
            A.audit_rows.length() > 0,
            rx.el.table(
                rx.el.caption(t["audit_rows_caption"]),
                rx.el.thead(
                    rx.el.tr(
                        *[
                            rx.el.th(t[key], scope="col")
                            for key in (
                                "audit_when",
                                "audit_who",
                                "audit_what",
                                "audit_workshop",
                                "audit_detail",
                            )
                        ]
                    )
                ),
                rx.el.tbody(rx.foreach(A.audit_rows, _row)),
                class_name="log-table",
            ),
            rx.cond(A.audited, rx.el.p(t["audit_none"], custom_attrs=testid("audit-none"))),
        ),
    )


def audit_page() -> rx.Component:
    return rx.el.main(
        _nav(),
        rx.el.h1(A.t["admin_audit"]),
        rx.cond(A.access == "admin", _trail(), _refusal(routes.AUDIT)),
        error_message(A, at=""),
        class_name="page stack admin-page",
        lang=A.lang,
    )
