"""/privacy: exactly what is stored, in plain words (NL/EN)."""

import reflex as rx

from livinglab.web.components.common import testid
from livinglab.web.state.privacy import PrivacyState as V

#: The page's sections: (heading key, text key). Lines in a text become list items.
SECTIONS = (
    ("privacy_kept_heading", "privacy_kept"),
    ("privacy_not_kept_heading", "privacy_not_kept"),
    ("privacy_who_heading", "privacy_who"),
    ("privacy_time_heading", "privacy_time"),
    ("privacy_rights_heading", "privacy_rights"),
)


def privacy_page() -> rx.Component:
    return rx.el.main(
        rx.el.h1(V.t["privacy_title"]),
        rx.el.p(V.t["privacy_intro"]),
        *[
            rx.el.section(
                rx.el.h2(V.t[heading]),
                rx.el.p(V.t[text], style={"whiteSpace": "pre-line"}),
                custom_attrs=testid(text),
            )
            for heading, text in SECTIONS
        ],
        class_name="page stack",
        lang=V.lang,
    )
