"""The privacy page: in the language the link asks for (?lang=en), Dutch otherwise."""

import reflex as rx

from livinglab.web.state.view import LanguageState
from livinglab.workshops import LANGUAGES


class PrivacyState(LanguageState):
    """Only the language: the page is the catalog's text, the same for everyone."""

    @rx.event
    def on_load(self):
        language = self.router.url.query_parameters.get("lang", "nl")
        self._set_language(language if language in LANGUAGES else "nl")
