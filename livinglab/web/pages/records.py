"""/records: the decision logs of closed workshops, for policy teams."""

import reflex as rx

from livinglab.web.components.common import error_message, testid
from livinglab.web.state.records import RecordsState as R


def _row(workshop) -> rx.Component:
    return rx.el.tr(
        rx.el.td(workshop.day),
        rx.el.td(workshop.title),
        rx.el.td(workshop.shown_code, class_name="code"),
        rx.el.td(
            rx.el.div(
                *[
                    rx.el.button(
                        label,
                        class_name="quiet",
                        disabled=R.exporting != "",
                        on_click=R.download(workshop.code, file_format),
                        custom_attrs=testid(f"record-{file_format}"),
                    )
                    for file_format, label in (("pdf", "PDF"), ("json", "JSON"), ("csv", "CSV"))
                ],
                class_name="row",
            )
        ),
        custom_attrs=testid("record-row"),
    )


def records_page() -> rx.Component:
    return rx.el.main(
        rx.el.h1(R.t["records_title"]),
        rx.el.p(R.t["records_intro"]),
        rx.cond(
            R.opened,
            rx.cond(
                R.workshops,
                rx.el.table(
                    rx.el.thead(
                        rx.el.tr(
                            rx.el.th(R.t["log_date"], scope="col"),
                            rx.el.th(R.t["field_title"], scope="col"),
                            rx.el.th(R.t["log_code"], scope="col"),
                            rx.el.th(R.t["records_files"], scope="col"),
                        )
                    ),
                    rx.el.tbody(rx.foreach(R.workshops, _row)),
                    class_name="records",
                ),
                rx.el.p(R.t["records_none"], custom_attrs=testid("records-none")),
            ),
            rx.el.form(
                rx.el.label(
                    R.t["records_key"],
                    rx.el.input(
                        type="password",
                        name="key",
                        required=True,
                        custom_attrs=testid("records-key"),
                    ),
                ),
                rx.el.button(
                    R.t["records_open"], type="submit", custom_attrs=testid("records-open")
                ),
                on_submit=R.open_records,
                class_name="stack",
            ),
        ),
        rx.cond(R.exporting != "", rx.el.p(R.t["exporting"], role="status")),
        error_message(R),
        class_name="page stack",
        lang=R.lang,
    )
