"""Suggested themes: groups similar insight texts, offline and deterministically.

Pure Python, no model download: each text becomes a TF-IDF vector over word stems
and word beginnings (so "schuld" and "schulden", "werkgever" and "werkgevers"
meet), cards are linked to their most similar neighbours, and the graph is split
into communities by modularity (Louvain). The number of themes comes from the
data, not from the caller. Each group is named after its most telling words.
"""

import math
import re
import unicodedata
from collections import Counter, defaultdict

from livinglab.limits import THEME_NAME_MAX

#: Neighbours each card is linked to; more makes fewer, larger themes.
NEIGHBOURS = 6
#: Similarity below which two cards are not linked at all.
MIN_SIMILARITY = 0.05
#: Characters of a word's beginning used as an extra feature.
PREFIX = 5

_STOPWORDS = {
    "nl": set(
        """aan al alle als alleen alles ben bij daar dan dat de deze die dit doe doen door
        dus een eens en er ga gaan gaat geen had heb hebben heeft het hier hij hoe hun ik
        in is je jij jou jouw kan kom komt kun kunnen maar me meer men met mij mijn mn moet
        moeten na naar niet niets nog nu of om omdat ons onze ook op over te tegen toch tot
        u uit uw van veel voor want was waren wat we wel werd wie wij wil worden wordt zal
        ze zei zelf zich zij zijn zo zoals zonder zou zouden echt heel iets iemand mensen
        soms steeds weer even elke iedereen daarom dan dus toen waar waarom hebt bent""".split()
    ),
    "en": set(
        """a about after all also am an and any are as at be because been but by can could
        did do does for from get got had has have he her him his how i if in into is it its
        just me more my no not of on or our out so some than that the their them then there
        they this to too up us very was we were what when which who will with would you your
        really people someone something always again every everyone""".split()
    ),
}
_SUFFIXES = {
    "nl": ("heden", "heid", "ingen", "ing", "lijk", "en", "es", "e", "s"),
    "en": ("ingly", "ing", "edly", "ed", "ies", "es", "ly", "s"),
}
_WORD = re.compile(r"[^\W\d_]{2,}")

#: Everyday concepts of social services, Dutch and English word beginnings. Words of
#: one concept meet even when no word is shared ("schulden" and "deurwaarder").
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


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _stem(word: str, language: str) -> str:
    for suffix in _SUFFIXES.get(language, _SUFFIXES["nl"]):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _words(text: str, language: str) -> list[str]:
    stop = _STOPWORDS["nl"] | _STOPWORDS["en"]
    return [w for w in _WORD.findall(_plain(text)) if w not in stop and len(w) > 2]


def _features(text: str, language: str) -> Counter:
    features = Counter()
    for word in _words(text, language):
        features["w:" + _stem(word, language)] += 1
        if len(word) > PREFIX:
            features["p:" + word[:PREFIX]] += 1
        concept = next((c for prefix, c in _CONCEPT_OF if word.startswith(prefix)), None)
        if concept is not None:
            features["c:" + concept] += CONCEPT_WEIGHT
    return features


def _vectors(texts: list[str], language: str) -> list[dict[str, float]]:
    counted = [_features(text, language) for text in texts]
    documents = Counter(feature for features in counted for feature in features)
    total = len(texts)
    vectors = []
    for features in counted:
        vector = {
            f: (1 + math.log(n)) * math.log((1 + total) / (1 + documents[f]))
            for f, n in features.items()
            if documents[f] > 1  # a word no other card uses cannot link cards
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({f: v / norm for f, v in vector.items()})
    return vectors


def _similarity_graph(vectors: list[dict[str, float]]) -> dict[int, dict[int, float]]:
    """Each card linked to its NEIGHBOURS most similar cards (symmetric, weighted)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for feature, weight in vector.items():
            postings[feature].append((index, weight))
    graph: dict[int, dict[int, float]] = {i: {} for i in range(len(vectors))}
    for index, vector in enumerate(vectors):
        scores: dict[int, float] = defaultdict(float)
        for feature, weight in vector.items():
            for other, other_weight in postings[feature]:
                if other != index:
                    scores[other] += weight * other_weight
        best = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))[:NEIGHBOURS]
        for other, score in best:
            if score >= MIN_SIMILARITY:
                graph[index][other] = max(graph[index].get(other, 0.0), score)
                graph[other][index] = max(graph[other].get(index, 0.0), score)
    return graph


def _louvain_level(graph: dict[int, dict[int, float]]) -> dict[int, int]:
    """One level of Louvain: move nodes to the neighbouring community that gains most."""
    community = {node: node for node in graph}
    degree = {node: sum(edges.values()) for node, edges in graph.items()}
    total = sum(degree.values()) or 1.0
    community_degree = dict(degree)
    moved = True
    while moved:
        moved = False
        for node in sorted(graph):
            current = community[node]
            links: dict[int, float] = defaultdict(float)
            for other, weight in graph[node].items():
                if other != node:
                    links[community[other]] += weight
            community_degree[current] -= degree[node]
            best, best_gain = (
                current,
                links.get(current, 0.0) - community_degree[current] * degree[node] / total,
            )
            for candidate in sorted(links):
                gain = links[candidate] - community_degree[candidate] * degree[node] / total
                if gain > best_gain + 1e-12:
                    best, best_gain = candidate, gain
            community_degree[best] += degree[node]
            if best != current:
                community[node] = best
                moved = True
    return community


def _communities(graph: dict[int, dict[int, float]]) -> list[list[int]]:
    members = {node: [node] for node in graph}
    while True:
        level = _louvain_level(graph)
        if all(level[node] == node for node in graph):
            break
        merged: dict[int, list[int]] = defaultdict(list)
        for node, group in level.items():
            merged[group].extend(members[node])
        aggregate: dict[int, dict[int, float]] = {group: {} for group in merged}
        for node, edges in graph.items():
            for other, weight in edges.items():
                a, b = level[node], level[other]
                aggregate[a][b] = aggregate[a].get(b, 0.0) + weight
        members, graph = dict(merged), aggregate
    return sorted((sorted(group) for group in members.values()), key=lambda g: g[0])


def suggest_themes(texts: list[str], language: str) -> list[list[int]]:
    """Groups of indexes into `texts` (each index in exactly one group), from the data alone."""
    if not texts:
        return []
    vectors = _vectors(list(texts), language)
    return _communities(_similarity_graph(vectors))


def name_themes(texts: list[str], groups: list[list[int]], language: str) -> list[str]:
    """A short name per group from its most telling words (in the texts' own words)."""
    everywhere = Counter()
    surface: dict[str, Counter] = defaultdict(Counter)
    per_text = []
    for text in texts:
        stems = Counter()
        for word in _words(text, language):
            stem = _stem(word, language)
            stems[stem] += 1
            surface[stem][word] += 1
        per_text.append(stems)
        everywhere.update(set(stems))
    names = []
    for number, group in enumerate(groups, start=1):
        inside = Counter()
        for index in group:
            inside.update(set(per_text[index]))
        scored = sorted(
            inside,
            key=lambda stem: (-inside[stem] * math.log((1 + len(texts)) / everywhere[stem]), stem),
        )
        words = [surface[stem].most_common(1)[0][0] for stem in scored[:2]]
        name = ", ".join(words).capitalize()[:THEME_NAME_MAX] if words else ""
        names.append(name or ("Thema" if language == "nl" else "Theme") + f" {number}")
    return names
