"""Looking up people-facing strings in the workshop's language."""

from functools import cache

from livinglab.catalog import MESSAGES
from livinglab.limits import placeholders
from livinglab.models import Language

DEFAULT_LANGUAGE = Language.NL


def _with_limits(text: str) -> str:
    """`text` with every {LIMIT_NAME} filled in from livinglab/limits.py.

    Other placeholders ({n}, {date}) stay for the page or the PDF to fill.
    """
    for name, value in placeholders().items():
        text = text.replace("{" + name + "}", value)
    return text


@cache
def _messages(language: str) -> dict[str, str]:
    return {key: _with_limits(texts[language]) for key, texts in MESSAGES.items()}


def catalog(language: str) -> dict[str, str]:
    """Every message in `language` (Dutch when the language is unknown)."""
    return dict(_messages(language if language in tuple(Language) else DEFAULT_LANGUAGE))


def translate(key: str, language: str) -> str:
    """One message in `language`; the generic error when the key is unknown."""
    messages = _messages(language if language in tuple(Language) else DEFAULT_LANGUAGE)
    return messages.get(key, messages["error_generic"])
