"""The sign-in page (a passkey) and the welcome page of an invitation or the setup link.

The passkey itself is made and used in the browser (assets/passkey.js) and checked over
plain HTTP (livinglab/web/passkey_routes.py), which sets the HttpOnly session cookie: these
states only read the invitation, the language and a refusal to show.
"""

import reflex as rx

from livinglab import settings
from livinglab.i18n import catalog
from livinglab.organisation import passkeys
from livinglab.web import routes
from livinglab.web.auth import safe_return
from livinglab.web.state.view import LanguageState, ViewState
from livinglab.workshops import LANGUAGES

#: Refusals a passkey can meet, shown by assets/passkey.js (it reads them from the page).
PASSKEY_ERRORS = (
    "error_sign_in_failed",
    "error_too_many_sign_ins",
    "error_invite_invalid",
    "error_sign_in_required",
    "passkey_error_ip_address",
    "passkey_error_unsupported",
    "passkey_error_cancelled",
    "passkey_error_network",
)


class PasskeyPage(rx.State, mixin=True):
    """What both pages share: the language (?lang=en, Dutch otherwise) and where to go next."""

    next_path: str = "/"

    def _read_query(self) -> dict[str, str]:
        query = self.router.url.query_parameters
        language = query.get("lang", "nl")
        self._set_language(language if language in LANGUAGES else "nl")
        self.next_path = safe_return(query.get("next", "/"))
        return query


class SignInState(ViewState, PasskeyPage, LanguageState):
    """/sign-in: a passkey button; ?error=<catalog key> says why an earlier sign-in failed."""

    @rx.event
    def on_load(self):
        query = self._read_query()
        error = str(query.get("error", ""))
        self.error_key = (
            error
            if error in catalog("nl") and error.startswith(("error_", "passkey_error_"))
            else ""
        )


class WelcomeState(ViewState, PasskeyPage, LanguageState):
    """/welcome?token=...: who invited, for which roles; the name; a passkey button."""

    token: str = ""
    valid: bool = False
    name: str = ""
    roles: list[str] = []
    invited_by: str = ""
    first_admin: bool = False
    new_device: bool = False
    #: With an identity provider, the invitation is accepted there instead.
    oidc_link: str = ""

    @rx.event
    async def on_load(self):
        query = self._read_query()
        self.token = str(query.get("token", ""))[:100]
        self.valid = False
        found = await self._domain(passkeys.invitation, token=self.token)
        if found is None:
            self.error_key = self.error_key or "error_invite_invalid"
            return
        self.valid = True
        self.name = found.name
        self.roles = list(found.roles)
        self.invited_by = found.invited_by
        self.first_admin = found.first_admin
        self.new_device = found.new_device
        self.oidc_link = f"{routes.AUTH_INVITE}?token={self.token}" if settings.OIDC_ISSUER else ""
