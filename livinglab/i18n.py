"""Looking up people-facing strings in the workshop's language."""

from livinglab.catalog import MESSAGES

DEFAULT_LANGUAGE = "nl"


def catalog(language: str) -> dict[str, str]:
    """Every message in `language` (Dutch when the language is unknown)."""
    lang = language if language in ("nl", "en") else DEFAULT_LANGUAGE
    return {key: texts[lang] for key, texts in MESSAGES.items()}


def translate(key: str, language: str) -> str:
    """One message in `language`; the generic error when the key is unknown."""
    texts = MESSAGES.get(key, MESSAGES["error_generic"])
    return texts.get(language, texts[DEFAULT_LANGUAGE])
