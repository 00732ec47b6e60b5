"""Stories grouped by hand, and how far a suggested grouping agrees with them.

The sets under tests/data/themes were written and grouped by hand before any suggester
ran on them; bench.suggest reports on them and on ../shared's Houten sample.
"""

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent / "data" / "themes"
#: Workshops on other topics than social services, one theme per story, by hand.
OWN_SETS = ("mobility-nl", "care-nl", "care-en", "climate-en")
#: The same stories in Dutch and in English, grouped by hand.
PAIRS = HERE / "bilingual-pairs.json"


@dataclass(frozen=True)
class Labelled:
    name: str
    language: str
    texts: list[str]
    truth: list[int]
    themes: list[str]


def load(path: Path) -> Labelled:
    """A workshop file: "insights" with "text", "themes" with the "insights" a person grouped."""
    workshop = json.loads(path.read_text())
    texts = [insight["text"] for insight in workshop["insights"]]
    truth = [-1] * len(texts)
    for number, theme in enumerate(workshop["themes"]):
        for index in theme["insights"]:
            truth[index] = number
    language = workshop.get("workshop", {}).get("language", "nl")
    names = [theme["name"] for theme in workshop["themes"]]
    return Labelled(path.stem, language, texts, truth, names)


def own(name: str) -> Labelled:
    return load(HERE / f"{name}.json")


def pairs() -> tuple[list[str], list[str], list[int]]:
    """Dutch stories, their English versions, and the hand-made theme of each pair."""
    data = json.loads(PAIRS.read_text())
    theme = [-1] * len(data["pairs"])
    for number, group in enumerate(data["themes"]):
        for index in group["pairs"]:
            theme[index] = number
    return [p["nl"] for p in data["pairs"]], [p["en"] for p in data["pairs"]], theme


def adjusted_rand_index(truth: list[int], found: list[int]) -> float:
    """Agreement of two groupings, 0 for chance and 1 for the same grouping."""

    def pairs(count: int) -> float:
        return count * (count - 1) / 2

    both = sum(pairs(n) for n in Counter(zip(truth, found, strict=True)).values())
    left = sum(pairs(n) for n in Counter(truth).values())
    right = sum(pairs(n) for n in Counter(found).values())
    expected = left * right / pairs(len(truth))
    best = (left + right) / 2
    return 1.0 if best == expected else (both - expected) / (best - expected)


def labels(groups: list[list[int]], size: int) -> list[int]:
    found = [-1] * size
    for number, group in enumerate(groups):
        for index in group:
            found[index] = number
    return found
