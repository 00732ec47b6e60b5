"""How well the theme suggester agrees with a human grouping, how fast and how big it is.

    python -m bench.suggest [workshop.json ...]

A workshop file has "insights" (each with "text") and "themes" (each with the
"insights" indexes a person grouped together), like ../shared/data/houten-workshop.json.
Without files it reads that sample (when present) and the hand-grouped sets under
tests/data/themes. Per file it prints the groups found against the human number and
the adjusted Rand index by meaning (the sentence encoder mixed with words), by meaning
with the concept lexicon added, and by words alone (the fallback, lexicon included);
then the share of Dutch/English translation pairs that land in one theme; time to the first
suggestion in a fresh process (model load included), the memory the model adds, and
warm medians for 300 and 1,000 stories.
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

from livinglab import suggester
from tests.themesets import HERE, OWN_SETS, adjusted_rand_index, labels, load, pairs

SHARED_SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "houten-workshop.json"
RUNS = 3
#: A second worker: a fresh process loading its own model.
_OTHER_WORKER = (
    "import json, sys; from livinglab.suggester import suggest; "
    "print(repr(suggest(*json.loads(sys.argv[1]))))"
)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def _words_only():
    model = suggester.ENCODER.model
    suggester.ENCODER.model = lambda: None
    try:
        yield
    finally:
        suggester.ENCODER.model = model


@contextmanager
def _with_concepts():
    suggester.CONCEPTS_WITH_MEANING = True
    try:
        yield
    finally:
        suggester.CONCEPTS_WITH_MEANING = False


def agreement(path: Path) -> None:
    labelled = load(path)

    def ari() -> tuple[float, int]:
        groups = suggester.suggest_themes(labelled.texts, labelled.language)
        return adjusted_rand_index(labelled.truth, labels(groups, len(labelled.texts))), len(groups)

    meaning, found = ari()
    with _words_only():
        words, _ = ari()
    with _with_concepts():
        lexicon, _ = ari()
    names = suggester.suggest(labelled.texts, labelled.language).names
    print(
        f"{labelled.name} ({labelled.language}): {len(labelled.texts)} stories, "
        f"groups {found} vs human {len(labelled.themes)}; ARI by meaning {meaning:.2f}, "
        f"meaning with the concept lexicon {lexicon:.2f}, words alone {words:.2f}"
    )
    print(f"  names: {' | '.join(names)}")


def mixed_languages() -> None:
    dutch, english, _ = pairs()
    for label, context in (("by meaning", nullcontext()), ("words alone", _words_only())):
        with context:
            grouped = labels(suggester.suggest_themes(dutch + english, "nl"), 2 * len(dutch))
        together = sum(grouped[i] == grouped[i + len(dutch)] for i in range(len(dutch)))
        print(
            f"mixed Dutch/English ({len(dutch)} pairs): {label}, {together}/{len(dutch)} "
            f"pairs in one theme ({together / len(dutch):.0%})"
        )


def speed(texts: list[str], language: str) -> None:
    before = _rss_mb()
    started = time.perf_counter()
    first = suggester.suggest(texts, language)
    cold = time.perf_counter() - started
    if not first.by_meaning:
        sys.exit("bench.suggest: the sentence encoder did not load; nothing to measure")
    print(
        f"first suggestion in this process ({len(texts)} stories, model load included): "
        f"{cold:.2f}s; peak memory {before:.0f} -> {_rss_mb():.0f} MB"
    )
    for size in (300, 1000):
        cards = [f"{texts[i % len(texts)]} {i}" for i in range(size)]
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            suggester.suggest(cards, language)
            times.append(time.perf_counter() - started)
        print(f"{size} stories warm: median {statistics.median(times):.2f}s of {RUNS}")
    assert suggester.suggest(texts, language) == first, "not deterministic"
    other_worker = subprocess.run(
        [sys.executable, "-c", _OTHER_WORKER, json.dumps([texts, language])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert other_worker == repr(first), "another process found other themes"
    print("same input, same themes and names, in this process and in another: yes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    own = [HERE / f"{name}.json" for name in OWN_SETS]
    files = args.files or ([SHARED_SAMPLE] if SHARED_SAMPLE.exists() else []) + own
    first = load(files[0])
    speed(first.texts, first.language)
    for path in files:
        agreement(path)
    mixed_languages()


if __name__ == "__main__":
    main()
