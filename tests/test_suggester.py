"""The theme suggester: a partition of every card, deterministic, robust to odd input."""

from collections import Counter

import pytest

from livinglab.limits import THEME_NAME_MAX
from livinglab.sensemaking import suggest_themes
from livinglab.suggester import name_themes

#: Three clearly different topics, five stories each, written for this test.
DUTCH = [
    "De bus naar het industrieterrein rijdt pas na achten, te laat voor de vroege dienst.",
    "Zonder auto of rijbewijs kom ik niet bij het werk in de andere stad.",
    "De trein is te duur en de fiets is kapot, dus reizen naar het werk lukt niet.",
    "Het openbaar vervoer rijdt 's avonds niet meer, dus avonddiensten kan ik niet doen.",
    "De reiskosten voor de bus naar een sollicitatie moet ik zelf voorschieten.",
    "Mijn schulden groeien elke maand, de deurwaarder staat steeds voor de deur.",
    "Ik durf geen post meer te openen, het zijn allemaal aanmaningen en rekeningen.",
    "Door de schulden heb ik stress en slaap ik slecht, geld is altijd op.",
    "De incasso kosten maken de schuld alleen maar groter, ik kom er niet uit.",
    "Eerst moeten de schulden weg, anders heeft werk geen zin want de deurwaarder neemt alles.",
    "Het formulier voor de aanvraag was twaalf kantjes met moeilijke woorden.",
    "Ik begrijp de brieven van de gemeente niet, ze zijn in ambtelijke taal.",
    "Bij elk formulier moet ik weer dezelfde papieren opsturen.",
    "De brief zei dat ik iets moest invullen, maar welk formulier was niet duidelijk.",
    "Ik heb hulp nodig bij het invullen van formulieren en het lezen van brieven.",
]
ENGLISH = [
    "The bus to the industrial estate only runs after eight, too late for the early shift.",
    "Without a car or a driving licence I cannot get to work in the next town.",
    "The train is too expensive and my bike is broken, so travelling to work fails.",
    "Public transport stops in the evening, so I cannot take evening shifts.",
    "I have to pay the bus fare to a job interview myself, in advance.",
    "My debts grow every month and the bailiff keeps knocking on the door.",
    "I no longer dare to open my mail, it is all reminders and unpaid bills.",
    "Because of the debt I have stress and sleep badly, the money is always gone.",
    "Collection costs only make the debt bigger, I cannot get out of it.",
    "First the debts must go, otherwise work makes no sense because the bailiff takes it.",
    "The application form was twelve pages full of difficult words.",
    "I do not understand the letters from the council, they use official jargon.",
    "For every form I have to send the same papers again.",
    "The letter said I had to fill something in, but which form was not clear.",
    "I need help with filling in forms and reading letters.",
]
TRUTH = [0] * 5 + [1] * 5 + [2] * 5


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


def assert_partition(groups: list[list[int]], size: int) -> None:
    assert sorted(i for group in groups for i in group) == list(range(size))
    assert all(groups), "no empty groups"


@pytest.mark.parametrize(("texts", "language"), [(DUTCH, "nl"), (ENGLISH, "en")])
def test_clearly_different_topics_are_found_without_being_told_how_many(texts, language):
    groups = suggest_themes(texts, language)
    assert_partition(groups, len(texts))
    assert adjusted_rand_index(TRUTH, labels(groups, len(texts))) >= 0.5


@pytest.mark.parametrize(
    "texts",
    [
        [],
        ["Eén verhaal"],
        ["", "   ", ""],
        ["😀😀", "🚌", "💶💶💶"],
        DUTCH[:5] + ENGLISH[5:10] + ["", "😀"],
        (DUTCH + ENGLISH) * 34,  # 1,020 cards
    ],
)
def test_every_card_lands_in_exactly_one_group_whatever_the_input(texts):
    groups = suggest_themes(texts, "nl")
    if texts:
        assert_partition(groups, len(texts))
    else:
        assert groups == []
    names = name_themes(texts, groups, "nl")
    assert len(names) == len(groups)
    assert all(0 < len(name) <= THEME_NAME_MAX for name in names)


def test_same_input_same_output():
    assert suggest_themes(DUTCH, "nl") == suggest_themes(list(DUTCH), "nl")
    assert name_themes(DUTCH, suggest_themes(DUTCH, "nl"), "nl") == name_themes(
        DUTCH, suggest_themes(DUTCH, "nl"), "nl"
    )


def test_names_come_from_the_groups_own_words_in_their_language():
    groups = suggest_themes(ENGLISH, "en")
    names = name_themes(ENGLISH, groups, "en")
    for group, name in zip(groups, names, strict=True):
        words = " ".join(ENGLISH[i].lower() for i in group)
        assert all(word.strip().lower() in words for word in name.split(","))
    assert name_themes(["😀"], [[0]], "en") == ["Theme 1"]
    assert name_themes(["😀"], [[0]], "nl") == ["Thema 1"]
