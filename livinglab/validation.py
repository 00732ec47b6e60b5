"""Checks for what people type: text bounded, never empty or invisible, no control
characters; numbers whole and within bounds; days written as 2026-12-31."""

import unicodedata
from datetime import date

from livinglab.errors import BadDate, DomainError, EmptyText, TextTooLong
from livinglab.limits import MARKS_PER_LETTER

#: Bidi embeddings and overrides make text read otherwise than it is written (Trojan
#: Source, CVE-2021-42574) and are never typed on a phone: they go. Marks (LRM, RLM) stay,
#: and isolates stay when each one is closed.
BIDI_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e")
ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")
ISOLATE_CLOSER = "\u2069"
#: Letters that print as nothing (Hangul fillers, the blank Braille pattern): a name made of
#: them looks empty.
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
#: What shows no ink of its own: spaces, format characters (zero-width, bidi), marks
#: without their letter, broken halves of UTF-16 pairs.
_INVISIBLE = frozenset(("Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Mn", "Me"))


def clean_text(text: object, *, limit: int, multiline: bool = True, required: bool = True) -> str:
    """`text` trimmed and checked: 1..limit characters (0.. when not required), control
    characters, lone surrogates and bidi overrides removed, unclosed isolates dropped, at
    most MARKS_PER_LETTER marks on a letter. Text that shows nothing counts as empty.

    Emoji (with their joiners), accents and right-to-left scripts pass unchanged: every
    voice counts.
    """
    if not isinstance(text, str):
        raise EmptyText("not a string")
    kept: list[str] = []
    open_isolates: list[int] = []
    marks = 0
    for char in text:
        category = unicodedata.category(char)
        marks = marks + 1 if category in ("Mn", "Me") else 0
        if char == "\n" and multiline:
            kept.append(char)
        elif char in "\t\r\n":
            kept.append(" ")
        elif category in ("Cc", "Cs") or char in BIDI_OVERRIDES or marks > MARKS_PER_LETTER:
            continue
        elif char == ISOLATE_CLOSER:
            if open_isolates:
                open_isolates.pop()
                kept.append(char)
        else:
            if char in ISOLATE_OPENERS:
                open_isolates.append(len(kept))
            kept.append(char)
    for position in reversed(open_isolates):
        del kept[position]
    cleaned = "".join(kept).strip()
    if not shows_something(cleaned):
        if required:
            raise EmptyText()
        cleaned = ""
    if len(cleaned) > limit:
        raise TextTooLong(f"{len(cleaned)} > {limit}")
    return cleaned


def shows_something(text: str) -> bool:
    """True when some character of `text` puts ink on the screen."""
    return any(
        unicodedata.category(char) not in _INVISIBLE and char not in BLANK_LETTERS for char in text
    )


def whole_number(typed: object, *, low: int, high: int, refusal: type[DomainError]) -> int:
    """`typed` as a whole number within low..high (a form sends text), or `refusal`."""
    try:
        number = int(str(typed).strip())
    except ValueError:
        raise refusal(str(typed)[:20]) from None
    if not low <= number <= high:
        raise refusal(str(number))
    return number


def day(typed: object) -> date | None:
    """`typed` as a day written YYYY-MM-DD (what a date field sends), None when left empty."""
    if isinstance(typed, date):
        return typed
    written = str(typed or "").strip()
    if not written:
        return None
    try:
        return date.fromisoformat(written)
    except ValueError:
        raise BadDate(written[:20]) from None
