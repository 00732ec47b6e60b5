"""Every route of the app, in one place."""

START = "/"
CONSOLE = "/f/[room]"
PROJECTOR = "/p/[room]"
JOIN_CODE = "/j"
PHONE = "/j/[room]"
RECORDS = "/records"
PRIVACY = "/privacy"
