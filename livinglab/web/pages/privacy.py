"""/privacy: exactly what is stored, in plain words (NL/EN)."""

import reflex as rx

from livinglab.web.components.common import testid
from livinglab.web.state.privacy import PrivacyState as V

#: The page's sections: (heading key, text key).
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
                # What we keep is a list, one line each; the rest is plain prose.
                rx.el.ul(
                    rx.foreach(V.t[text].split("\n"), rx.el.li),
                    style={"listStyle": "disc", "paddingLeft": "1.4rem"},
                    class_name="stack",
                )
                if text == "privacy_kept"
                else rx.el.p(V.t[text]),
                custom_attrs=testid(text),
            )
            for heading, text in SECTIONS
        ],
        class_name="page stack",
        lang=V.lang,
    )
