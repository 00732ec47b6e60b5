"""Reflex entry point and composition root: builds the app, wires the room hub to it,
registers its pages. Nothing else."""

import reflex as rx
from starlette.applications import Starlette

from livinglab import bootstrap
from livinglab.realtime.hub import Audience
from livinglab.web import room, routes
from livinglab.web.components.common import offline_banner, page_title
from livinglab.web.feeds import feeds
from livinglab.web.headers import with_security_headers
from livinglab.web.oidc_routes import ROUTES as OIDC_ROUTES
from livinglab.web.pages.admin import audit_page, members_page
from livinglab.web.pages.console import console_page
from livinglab.web.pages.phone import code_page, phone_page
from livinglab.web.pages.privacy import privacy_page
from livinglab.web.pages.projector import projector_page
from livinglab.web.pages.records import record_page, record_title, records_page
from livinglab.web.pages.signin import sign_in_page, welcome_page
from livinglab.web.pages.start import start_page
from livinglab.web.passkey_routes import ROUTES as PASSKEY_ROUTES
from livinglab.web.reflex_internals import replace_connection_toast
from livinglab.web.state.admin import AdminState
from livinglab.web.state.console import FacilitatorState
from livinglab.web.state.phone import JoinCodeState, PhoneState
from livinglab.web.state.privacy import PrivacyState
from livinglab.web.state.records import RecordsState
from livinglab.web.state.signin import SignInState, WelcomeState
from livinglab.web.state.start import StartState

#: Signing members in and out over plain HTTP (the session cookie is HttpOnly).
sign_in_routes = Starlette(routes=[*OIDC_ROUTES, *PASSKEY_ROUTES])

app = rx.App(
    stylesheets=["/livinglab.css", "/icons.css"],
    head_components=[
        rx.el.script(src="/timer.js", defer=True),
        rx.el.script(src="/board.js", defer=True),
        rx.el.script(src="/projector.js", defer=True),
        rx.el.script(src="/outbox.js", defer=True),
        rx.el.script(src="/speak.js", defer=True),
        rx.el.script(src="/alerts.js", defer=True),
        rx.el.script(src="/count.js", defer=True),
        rx.el.script(src="/shortcuts.js", defer=True),
        rx.el.script(src="/post.js", defer=True),
        rx.el.script(src="/lang.js", defer=True),
        rx.el.script(src="/passkey.js", defer=True),
    ],
    html_lang="nl",
    api_transformer=[feeds, sign_in_routes, with_security_headers],
)
# The connection notice in the workshop's language, instead of Reflex's English toast.
replace_connection_toast(app, lambda stateful: offline_banner() if stateful else None)
bootstrap.wire()
room.wire(app, {Audience.FACILITATOR: FacilitatorState, Audience.PHONE: PhoneState})
app.register_lifespan_task(room.hear_other_workers)
F = FacilitatorState
app.add_page(
    start_page,
    route=routes.START,
    title=page_title(StartState, "title_start"),
    on_load=StartState.on_load,
)
app.add_page(
    console_page,
    route=routes.CONSOLE,
    title=page_title(F, "title_console", F.title),
    on_load=F.on_load,
)
app.add_page(
    projector_page,
    route=routes.PROJECTOR,
    title=page_title(F, "title_projector", F.title),
    on_load=F.on_load,
)
app.add_page(code_page, route=routes.JOIN_CODE, title=page_title(JoinCodeState, "title_join"))
app.add_page(
    phone_page,
    route=routes.PHONE,
    title=page_title(PhoneState, "title_phone", PhoneState.title),
    on_load=PhoneState.on_load,
)
app.add_page(
    records_page,
    route=routes.RECORDS,
    title=page_title(RecordsState, "title_records"),
    on_load=RecordsState.on_load,
)
app.add_page(
    record_page, route=routes.RECORD, title=record_title(), on_load=RecordsState.on_load_record
)
app.add_page(
    privacy_page,
    route=routes.PRIVACY,
    title=page_title(PrivacyState, "title_privacy"),
    on_load=PrivacyState.on_load,
)
# Pages of signing in (passkeys, invitations) go below.
app.add_page(
    sign_in_page,
    route=routes.SIGN_IN,
    title=page_title(SignInState, "passkey_title_sign_in"),
    on_load=SignInState.on_load,
)
app.add_page(
    welcome_page,
    route=routes.WELCOME,
    title=page_title(WelcomeState, "passkey_title_welcome"),
    on_load=WelcomeState.on_load,
)

# Pages of the admin (members, audit trail) go below.
app.add_page(
    members_page,
    route=routes.ADMIN,
    title=page_title(AdminState, "title_admin"),
    on_load=AdminState.on_load_members,
)
app.add_page(
    audit_page,
    route=routes.AUDIT,
    title=page_title(AdminState, "title_audit"),
    on_load=AdminState.on_load_audit,
)
