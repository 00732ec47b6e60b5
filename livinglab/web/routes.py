"""Every route of the app, and the one builder of each workshop page's address."""

START = "/"
CONSOLE = "/f/[room]"
PROJECTOR = "/p/[room]"
JOIN_CODE = "/j"
PHONE = "/j/[room]"
RECORDS = "/records"
RECORD = "/records/[room]"
#: The iCalendar feed of open actions (livinglab/web/feeds.py).
ACTIONS_CALENDAR = "/feeds/actions.ics"
#: For the operator's monitoring: is the database up and current; Prometheus metrics.
HEALTH = "/healthz"
METRICS = "/metrics"
PRIVACY = "/privacy"
#: Members (livinglab/organisation): the passkey sign-in page, an invitation or the setup
#: link, the admin's members page and audit trail.
SIGN_IN = "/sign-in"
WELCOME = "/welcome"
ADMIN = "/admin"
AUDIT = "/admin/audit"
#: Plain HTTP routes that set or clear the session cookie (livinglab/web/auth.py):
#: GET AUTH_SIGN_IN?next=/path starts a sign-in (the identity provider, or SIGN_IN);
#: GET AUTH_CALLBACK is where the identity provider sends people back;
#: GET AUTH_INVITE?token= accepts an invitation through the identity provider;
#: POST AUTH_SIGN_OUT ends the session (and at the provider, when it offers it).
AUTH_SIGN_IN = "/auth/sign-in"
AUTH_CALLBACK = "/auth/callback"
AUTH_INVITE = "/auth/invite"
AUTH_SIGN_OUT = "/auth/sign-out"
#: POST, JSON: WebAuthn options and answers (livinglab/web/passkey_routes.py).
PASSKEY_ADD_OPTIONS = "/auth/passkey/add/options"
PASSKEY_ADD = "/auth/passkey/add"
PASSKEY_SIGN_IN_OPTIONS = "/auth/passkey/sign-in/options"
PASSKEY_SIGN_IN = "/auth/passkey/sign-in"
#: GET, CSV: the audit trail with the page's filters (livinglab/web/feeds.py).
AUDIT_CSV = "/admin/audit.csv"


def _in_room(route: str, code) -> str:
    """`route` for workshop `code`; `code` may be a string or a page's Var."""
    return route.replace("[room]", "") + code


def console(code) -> str:
    """The facilitator's console of a workshop."""
    return _in_room(CONSOLE, code)


def console_link(origin: str, code: str, key: str) -> str:
    """The console's address with a key in it: opened once, the key moves into a cookie."""
    return f"{origin}{console(code)}?key={key}"


def projector(code) -> str:
    """What the room sees on the big screen."""
    return _in_room(PROJECTOR, code)


def phone(code) -> str:
    """Where a phone joins (what the QR code points to, after the public address)."""
    return _in_room(PHONE, code)


def privacy(language) -> str:
    """The privacy page in `language` (a string or a page's Var)."""
    return PRIVACY + "?lang=" + language


def record(code) -> str:
    """One closed workshop's decision log, read in the records library."""
    return _in_room(RECORD, code)


def demo_links(origin: str, finished, running) -> list[tuple[str, str]]:
    """(catalog key, address) of each page of the sample workshops, in the order to try them:
    `finished` and `running` are livinglab.demo.DemoWorkshop."""
    return [
        ("demo_console_closed", console_link(origin, finished.code, finished.key)),
        ("demo_projector_closed", origin + projector(finished.code)),
        ("demo_pdf", origin + record(finished.code)),
        ("demo_records", origin + RECORDS),
        ("demo_console_open", console_link(origin, running.code, running.key)),
        ("demo_projector_open", origin + projector(running.code)),
        ("demo_phone", origin + phone(running.code)),
    ]
