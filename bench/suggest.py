"""How well the theme suggester agrees with a human grouping, and how fast it is.

    python -m bench.suggest [workshop.json ...]

A workshop file has "insights" (each with "text") and "themes" (each with the
"insights" indexes a person grouped together), like ../shared/data/houten-workshop.json,
which is read when no file is given. Prints, per file: groups found against the
human number, the adjusted Rand index, and the time for 300 and 1,000 cards.
"""

import argparse
import json
import time
from pathlib import Path

from livinglab.sensemaking import suggest_themes
from tests.test_suggester import adjusted_rand_index, labels

SHARED_SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "houten-workshop.json"


def measure(path: Path, language: str) -> None:
    workshop = json.loads(path.read_text())
    texts = [insight["text"] for insight in workshop["insights"]]
    truth = [-1] * len(texts)
    for number, theme in enumerate(workshop["themes"]):
        for index in theme["insights"]:
            truth[index] = number
    groups = suggest_themes(texts, language)
    ari = adjusted_rand_index(truth, labels(groups, len(texts)))
    print(
        f"{path.name}: {len(texts)} cards, groups found {len(groups)} vs human "
        f"{len(workshop['themes'])}, ARI {ari:.3f}"
    )
    for size in (300, 1000):
        cards = [f"{texts[i % len(texts)]} {i}" for i in range(size)]
        started = time.perf_counter()
        suggest_themes(cards, language)
        print(f"{path.name}: {size} cards in {time.perf_counter() - started:.3f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--language", default="nl", choices=("nl", "en"))
    args = parser.parse_args()
    files = args.files or ([SHARED_SAMPLE] if SHARED_SAMPLE.exists() else [])
    if not files:
        parser.error("no workshop file given and ../shared/data/houten-workshop.json is absent")
    for path in files:
        measure(path, args.language)


if __name__ == "__main__":
    main()
