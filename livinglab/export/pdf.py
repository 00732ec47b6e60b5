"""The decision log as a PDF: Jinja2 HTML and CSS, rendered by WeasyPrint, fetching nothing."""

import gc
from functools import cache
from typing import Any

import weasyprint
from jinja2 import Environment, FileSystemLoader, select_autoescape
from weasyprint.urls import URLFetcher, URLFetchingError

from livinglab import anonymity
from livinglab.dialogue import ANSWERS
from livinglab.i18n import catalog
from livinglab.records.view import correction_lines, version_line
from livinglab.settings import PROJECT_ROOT
from livinglab.workshops import ROLES, STAGES

TEMPLATES = PROJECT_ROOT / "templates"


class NoFetching(URLFetcher):
    """Refuses every URL: user text can name file:///etc/passwd or a tracker, nothing is read."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=())
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        self.refused.append(url)
        raise URLFetchingError(f"livinglab fetches nothing: {url[:80]}")


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(record: dict[str, Any]) -> str:
    """The log as HTML, every user text escaped, in the workshop's language."""
    t = catalog(record["workshop"]["language"])
    stylesheet = (TEMPLATES / "decision_log.css").read_text().replace("{{PAGE}}", t["log_page"])
    return (
        _environment()
        .get_template("decision_log.html")
        .render(
            record=record,
            t=t,
            roles=ROLES,
            stages=STAGES,
            answers=ANSWERS,
            split_note=lambda split: anonymity.note(split, t),
            version=version_line(record, t),
            corrections=correction_lines(record, t),
            stylesheet=stylesheet,
        )
    )


def render_pdf(record: dict[str, Any], fetcher: NoFetching | None = None) -> bytes:
    """The log as a tagged PDF (PDF/UA where WeasyPrint supports it).

    Layout makes millions of short-lived objects; pausing the cycle collector while it runs
    takes about a fifth off a 500-insight log (bench/decision_log.py) and no memory.
    """
    html = weasyprint.HTML(string=render_html(record), url_fetcher=fetcher or NoFetching())
    collecting = gc.isenabled()
    gc.disable()
    try:
        return html.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    finally:
        if collecting:
            gc.enable()
