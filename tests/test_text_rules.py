"""Text checks and the per-browser keyring."""

import pytest

from livinglab.errors import EmptyText, TextTooLong
from livinglab.validation import clean_text
from livinglab.web import keyring


def test_clean_text_trims_and_drops_control_characters():
    assert clean_text("  a\x00b\x1b[31mc \n d\t ", limit=20) == "ab[31mc \n d"
    assert clean_text("one\ntwo", limit=20, multiline=False) == "one two"


@pytest.mark.parametrize("text", ["", " \n ", "\x00\x07", 42])
def test_clean_text_refuses_empty_or_non_text(text):
    with pytest.raises(EmptyText):
        clean_text(text, limit=10)


def test_clean_text_counts_characters_not_bytes():
    assert clean_text("ü" * 10, limit=10) == "ü" * 10
    with pytest.raises(TextTooLong):
        clean_text("ü" * 11, limit=10)


def test_keyring_keeps_one_secret_per_workshop_and_forgets_the_oldest():
    ring = ""
    for i in range(keyring.KEYRING_SIZE + 2):
        ring = keyring.store(ring, f"CODE{i}", f"secret{i}")
    assert keyring.read(ring, "CODE0") == ""
    assert (
        keyring.read(ring, f"CODE{keyring.KEYRING_SIZE + 1}") == f"secret{keyring.KEYRING_SIZE + 1}"
    )
    assert keyring.read("not json", "X") == ""
    assert keyring.read('["list"]', "X") == ""
    assert keyring.read('{"X": 5}', "X") == ""
