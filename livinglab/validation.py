"""Checks for what people type: text bounded, never empty, no control characters; numbers
whole and within bounds."""

import unicodedata

from livinglab.errors import DomainError, EmptyText, TextTooLong


def clean_text(text: object, *, limit: int, multiline: bool = True, required: bool = True) -> str:
    """`text` trimmed and checked: 1..limit characters (0.. when not required),
    control characters removed.

    Emoji, accents and right-to-left scripts pass unchanged: every voice counts.
    """
    if not isinstance(text, str):
        raise EmptyText("not a string")
    kept = []
    for char in text:
        if char == "\n" and multiline:
            kept.append(char)
        elif char in "\t\r\n":
            kept.append(" ")
        elif unicodedata.category(char) != "Cc":
            kept.append(char)
    cleaned = "".join(kept).strip()
    if not cleaned and required:
        raise EmptyText()
    if len(cleaned) > limit:
        raise TextTooLong(f"{len(cleaned)} > {limit}")
    return cleaned


def whole_number(typed: object, *, low: int, high: int, refusal: type[DomainError]) -> int:
    """`typed` as a whole number within low..high (a form sends text), or `refusal`."""
    try:
        number = int(str(typed).strip())
    except ValueError:
        raise refusal(str(typed)[:20]) from None
    if not low <= number <= high:
        raise refusal(str(number))
    return number
