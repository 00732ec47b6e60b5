"""Making sense together in real browsers: group by keyboard and by drag, vote, reveal."""

from playwright.sync_api import Page, expect

from livinglab.web import routes
from tests.test_suggester import DUTCH

from .room import (
    LOAD_TIMEOUT,
    PUSH_TIMEOUT,
    cards_with_text,
    create_workshop,
    join,
    make_theme,
    move_to,
    post,
)
from .scripted import ScriptedRoom

STORIES = {
    "resident": "De bus naar het bedrijventerrein rijdt pas om acht uur",
    "professional": "Schulden maken mensen bang om werk aan te nemen",
    "civil_servant": "Zonder auto kom je niet bij de vroege dienst",
}


def column(console: Page, name: str):
    return console.locator(f'[data-testid="theme-column"][data-theme-name="{name}"]')


def card_in(page: Page, theme: str, text: str):
    """The card with `text` inside the column of `theme`."""
    return column(page, theme).get_by_test_id("insight-card").filter(has_text=text)


def test_group_by_keyboard_and_drag_then_vote_with_equal_dots(people, app_server):
    room = create_workshop(people.facilitator(), app_server.base_url)
    join_url = f"{app_server.public_url}/j/{room.code}"
    phones = {}
    for role in STORIES:
        phones[role] = people.phone().new_page()
        join(phones[role], join_url, role=role)
    move_to(room.console, "collect")
    for role, text in STORIES.items():
        post(phones[role], text)
    move_to(room.console, "sensemaking")
    console = room.console

    for name in ("Vervoer", "Schulden"):
        make_theme(console, name)
        expect(column(console, name)).to_have_count(1, timeout=PUSH_TIMEOUT)
    # Phones see the themes forming: names and counts only.
    expect(phones["resident"].get_by_test_id("phone-theme")).to_have_count(2, timeout=PUSH_TIMEOUT)

    # Keyboard path: focus the card's theme select and choose with the arrow keys.
    bus = cards_with_text(console, STORIES["resident"])
    select = bus.get_by_test_id("card-move")
    select.focus()
    select.select_option(label="Vervoer")
    expect(card_in(console, "Vervoer", STORIES["resident"])).to_have_count(1, timeout=PUSH_TIMEOUT)
    # Drag and drop: the car story onto Vervoer, the debt story onto Schulden.
    cards_with_text(console, STORIES["civil_servant"]).drag_to(column(console, "Vervoer"))
    cards_with_text(console, STORIES["professional"]).drag_to(column(console, "Schulden"))
    expect(card_in(console, "Vervoer", STORIES["civil_servant"])).to_have_count(
        1, timeout=PUSH_TIMEOUT
    )
    expect(card_in(console, "Schulden", STORIES["professional"])).to_have_count(
        1, timeout=PUSH_TIMEOUT
    )
    expect(phones["resident"].get_by_text("Vervoer · 2", exact=False)).to_be_visible(
        timeout=PUSH_TIMEOUT
    )
    # The projector shows the grouped board.
    expect(card_in(room.projector, "Vervoer", STORIES["resident"])).to_have_count(
        1, timeout=PUSH_TIMEOUT
    )

    console.get_by_test_id("round-dots").fill("2")
    console.get_by_test_id("round-open").click()
    for phone in phones.values():
        expect(phone.get_by_test_id("ballot")).to_be_visible(timeout=PUSH_TIMEOUT)
        expect(phone.get_by_test_id("dots-left")).to_have_text("2")

    def add_dot(phone: Page, theme: str) -> None:
        phone.get_by_test_id("ballot-item").filter(has_text=theme).get_by_test_id("dot-add").click()

    add_dot(phones["resident"], "Vervoer")
    add_dot(phones["resident"], "Schulden")
    expect(phones["resident"].get_by_test_id("dots-left")).to_have_text("0", timeout=PUSH_TIMEOUT)
    # Overspending: a third dot is refused with a clear message, nothing changes.
    add_dot(phones["resident"], "Vervoer")
    expect(phones["resident"].get_by_test_id("error-message")).to_be_visible(timeout=PUSH_TIMEOUT)
    expect(phones["resident"].get_by_test_id("dots-left")).to_have_text("0")
    add_dot(phones["professional"], "Schulden")
    expect(phones["professional"].get_by_test_id("dots-left")).to_have_text(
        "1", timeout=PUSH_TIMEOUT
    )
    add_dot(phones["civil_servant"], "Vervoer")
    expect(phones["civil_servant"].get_by_test_id("dots-left")).to_have_text(
        "1", timeout=PUSH_TIMEOUT
    )

    # Results hidden until revealed: turnout only.
    expect(room.projector.get_by_test_id("voter-count")).to_have_text("3", timeout=PUSH_TIMEOUT)
    expect(room.projector.get_by_test_id("results-hidden")).to_be_visible()
    expect(room.projector.get_by_test_id("result-item")).to_have_count(0)
    console.get_by_test_id("round-close").click()
    console.get_by_test_id("round-reveal").click()

    results = room.projector.get_by_test_id("result-item")
    expect(results).to_have_count(2, timeout=PUSH_TIMEOUT)
    expect(results.nth(0)).to_have_attribute("data-dots", "2")
    expect(results.nth(1)).to_have_attribute("data-dots", "2")
    # One person per role: no split by role (it would tell what each voted), and why.
    expect(results.filter(has_text="Vervoer")).not_to_contain_text("Inwoner")
    expect(room.projector.get_by_test_id("split-note")).to_contain_text("Niet per rol getoond")
    expect(phones["professional"].get_by_test_id("result-item")).to_have_count(
        2, timeout=PUSH_TIMEOUT
    )
    # Voice balance: every role that joined also voted.
    balance = room.projector.get_by_test_id("voice-balance")
    expect(balance).to_contain_text("Inwoner")
    expect(room.projector.get_by_test_id("by-role")).to_have_count(0)


def test_the_facilitator_asks_for_themes_edits_a_name_and_accepts_them(people, app_server):
    """Fifteen stories on three topics: the suggester proposes three named themes, each
    with the story that shows it best; the facilitator renames one and accepts."""
    room = ScriptedRoom(app_server.workdir / "e2e.db", title="Werk", question="Wat helpt?")
    room.join(3)
    room.move_to("collect")
    for number, text in enumerate(DUTCH):
        room.post_as_written([text], room.tokens[number % 3])
    room.move_to("sensemaking")
    console = people.facilitator().new_page()
    console.goto(routes.console_link(app_server.base_url, room.code, room.key))
    expect(console.get_by_test_id("suggest-themes")).to_be_visible(timeout=LOAD_TIMEOUT)
    console.get_by_test_id("suggest-themes").click()
    suggested = console.get_by_test_id("suggested-theme")
    expect(suggested).to_have_count(3, timeout=LOAD_TIMEOUT)
    expect(console.get_by_test_id("suggestion-by-words")).to_have_count(0)
    names = [field.input_value() for field in console.get_by_test_id("suggested-name").all()]
    assert all(2 <= len(name.split()) <= 5 for name in names), names
    for group in suggested.all():
        example = group.get_by_test_id("suggested-example").locator("blockquote").inner_text()
        assert example in DUTCH
    console.get_by_test_id("suggested-name").first.fill("Vervoer naar het werk")
    console.get_by_test_id("suggestion-accept").click()
    expect(column(console, "Vervoer naar het werk")).to_have_count(1, timeout=PUSH_TIMEOUT)
    for name in names[1:]:
        expect(column(console, name)).to_have_count(1)
    expect(suggested).to_have_count(0)
    projector = console.context.new_page()  # the console's key opens its projector
    projector.goto(app_server.base_url + routes.projector(room.code))
    expect(column(projector, "Vervoer naar het werk")).to_have_count(1, timeout=LOAD_TIMEOUT)
