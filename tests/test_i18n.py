"""One catalog, Dutch and English, and every string the pages use is in it."""

import re
from pathlib import Path

import pytest

from livinglab import errors, i18n, limits, workshops
from livinglab.catalog import MESSAGES

WEB = Path(__file__).resolve().parent.parent / "livinglab" / "web"


def test_every_message_has_dutch_and_english():
    for key, texts in MESSAGES.items():
        assert set(texts) == {"nl", "en"}, key
        assert texts["nl"].strip() and texts["en"].strip(), key


def test_every_literal_key_in_the_pages_is_in_the_catalog():
    used = set()
    for source in WEB.rglob("*.py"):
        used |= set(re.findall(r'\.t\["(\w+)"\]', source.read_text()))
    assert used, "no catalog lookups found: the pattern is out of date"
    assert used - set(MESSAGES) == set()


@pytest.mark.parametrize("prefix", ["stage_", "do_"])
def test_every_stage_has_a_name_and_a_one_sentence_instruction(prefix):
    for stage in workshops.STAGES:
        assert f"{prefix}{stage}" in MESSAGES


def test_every_role_and_refusal_has_a_message():
    for role in workshops.ROLES:
        assert f"role_{role}" in MESSAGES
    refusals = [
        cls
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.DomainError)
    ]
    for refusal in refusals:
        assert refusal.key in MESSAGES, refusal.__name__


def test_language_choice_and_fallbacks():
    assert i18n.catalog("en")["stage_collect"] == "Collect stories"
    assert i18n.catalog("fr")["stage_collect"] == "Verhalen verzamelen"
    assert i18n.translate("no_such_key", "en") == MESSAGES["error_generic"]["en"]


def test_limits_in_texts_come_from_the_limits_module():
    """A text names a limit as {INSIGHT_MAX}: every such name is a limit, and is filled in."""
    named = {
        name
        for texts in MESSAGES.values()
        for text in texts.values()
        for name in re.findall(r"\{([A-Z_]+)\}", text)
    }
    assert named, "no text names a limit: the pattern is out of date"
    assert named <= set(limits.placeholders())
    for language in ("nl", "en"):
        assert not any(re.search(r"\{[A-Z_]+\}", text) for text in i18n.catalog(language).values())
    assert i18n.translate("insight_limit", "en") == f"At most {limits.INSIGHT_MAX} characters."
    assert i18n.translate("error_retention_months", "nl").endswith(
        f"{limits.RETENTION_MIN_MONTHS} tot {limits.RETENTION_MAX_MONTHS} maanden."
    )
