"""A co-facilitator's console: every handler called with a co-facilitator key, as any client
can call any handler; the server decides, not the buttons on the page."""

import json

import pytest
from sqlmodel import Session, select

from livinglab import db
from livinglab.models import CoFacilitator, FacilitatorAct, RecordVersion, Workshop
from livinglab.realtime.snapshots import board_snapshot
from livinglab.web.state.console import FacilitatorState
from tests.state.conftest import advance, console, joined_phone, run

#: What a co-facilitator may do from the console: moderate, group, act for people on paper.
ALLOWED = {
    "hide_insight",
    "show_insight",
    "let_all_through",
    "hide_all_of",
    "create_theme",
    "rename_theme",
    "delete_theme",
    "merge_theme",
    "split_theme",
    "move_card",
    "suggest_grouping",
    "accept_grouping",
    "accept_proposal",
    "decline_proposal",
    "add_paper_participant",
    "write_for_paper",
    "vote_for_paper",
    # After closing: hide or show a story again with a reason, a new version of the record.
    "correct_story",
}
#: What stays with the facilitator.
REFUSED = {
    "next_stage",
    "previous_stage",
    "save_prompt",
    "start_timer",
    "stop_timer",
    "open_round",
    "close_round",
    "reveal_results",
    "add_proposal",
    "review_proposal",
    "open_consent",
    "close_consent",
    "reveal_consent",
    "decide",
    "add_action",
    "invite_cofacilitator",
    "revoke_cofacilitator",
    "delete_workshop",
    "show_own_link",
    "show_on_projector",
    "close_workshop",
    "set_review_first",
    # A setting of the workshop, like the prompt and the timer; both consoles see its warning.
    "set_people_in_room",
    "set_smallest_group",
    # Handing the workshop over: its lead (signed in) or an admin.
    "hand_over",
}
#: Refusals with another reason than the key: a handover asks for a signed-in member first.
REFUSED_BECAUSE = {"hand_over": "error_sign_in_required"}
#: Handlers that act on nothing stored (they only change what this screen shows), the
#: download (a background event, checked through the same key: tests/state/test_exports.py)
#: and Reflex's own.
NOT_ACTS = {
    "on_load",
    "dismiss_error",
    "discard_grouping",
    "hide_own_link",
    "cancel_close",
    "ask_hide_all",
    "cancel_hide_all",
    "apply_pushed",
    "download",
    "setvar",
}


def test_every_console_handler_is_listed_as_allowed_or_refused():
    assert set(FacilitatorState.event_handlers) == ALLOWED | REFUSED | NOT_ACTS


@pytest.fixture
def room(created):
    """(facilitator console, co-facilitator console, the code), in the collect stage, a story
    posted, a person on paper, a co-facilitator link handed out."""
    code, key = created
    lead = console(code, key)
    advance(lead)
    run(lead.add_paper_participant({"name": "Mevrouw J.", "role": "resident"}))
    run(lead.invite_cofacilitator({"label": "Ans"}))
    link = lead.new_cofacilitator_link
    assert link.startswith("http://localhost:3000/f/") and "?key=" in link
    helper = console(code, link.split("key=", 1)[1])
    assert helper.authorised and not helper.is_lead
    assert lead.is_lead and [h.label for h in lead.cofacilitators] == ["Ans"]
    assert helper.cofacilitators == []  # the list of links is the facilitator's
    sam = joined_phone(code)
    run(sam.post_insight({"text": "Mijn brief kwam te laat", "ref": "s1"}))
    run(lead.next_stage(lead.stage))  # sensemaking: board, themes, suggestions
    lead_refresh = console(code, key)
    return lead_refresh, console(code, link.split("key=", 1)[1]), code


def arguments(name: str, view: FacilitatorState) -> tuple:
    card = view._cards[0].id if view._cards else 0
    theme = view.themes[0].id if view.themes else 0
    paper = view.paper[0].id if view.paper else 0
    return {
        "hide_insight": (card,),
        "show_insight": (view.hidden_cards[0].id if view.hidden_cards else card,),
        "let_all_through": (),
        "hide_all_of": (card,),
        "set_review_first": (True,),
        "create_theme": ({"name": "Post"},),
        "rename_theme": ({"theme_id": str(theme), "name": "Brieven"},),
        "delete_theme": (theme,),
        "merge_theme": ({"theme_id": str(theme), "into": str(theme)},),
        "split_theme": ({"theme_id": str(theme), f"card-{card}": "on", "name": "Deel"},),
        "move_card": (card, str(theme)),
        "suggest_grouping": (),
        "accept_grouping": ({},),
        "accept_proposal": (0,),
        "decline_proposal": (0,),
        "add_paper_participant": ({"name": "Jan", "role": "employer"},),
        "write_for_paper": ({"participant_id": str(paper), "text": "Op papier", "ref": "p"},),
        "vote_for_paper": ({"participant_id": str(paper), f"dots-{theme}": "1"},),
        "next_stage": (view.stage,),
        "previous_stage": (view.stage,),
        "save_prompt": ({"prompt": "Wat valt op?"},),
        "start_timer": ({"minutes": "5"},),
        "stop_timer": (),
        "open_round": ({"dots": "3", "per_item": "1"},),
        "close_round": (),
        "reveal_results": (),
        "add_proposal": ({"text": "Eén loket"},),
        "review_proposal": (1, True),
        "open_consent": (1,),
        "close_consent": (),
        "reveal_consent": (),
        "decide": ({"proposal_id": "1", "outcome": "adopted", "rationale": "Ja"},),
        "add_action": ({"decision_id": "1", "what": "Bellen", "owner": "Team", "due": ""},),
        "invite_cofacilitator": ({"label": "Nog een"},),
        "revoke_cofacilitator": (1,),
        "delete_workshop": ({"code": view.code},),
        "show_own_link": (),
        "show_on_projector": ("board",),
        "close_workshop": (view.stage,),
        "set_people_in_room": ({"people": "25"},),
        "set_smallest_group": ({"size": "5"},),
        "hand_over": ({"to": "1"},),
    }[name]


def stored_state(code: str):
    with Session(db.engine()) as session:
        workshop = session.exec(select(Workshop).where(Workshop.code == code)).one()
        helpers = [(h.label, h.revoked_at is None) for h in session.exec(select(CoFacilitator))]
        return (
            workshop.stage,
            workshop.timer_ends_at,
            workshop.projector_focus,
            workshop.review_first,
            workshop.people_in_room,
            workshop.smallest_group,
            helpers,
        )


def test_what_stays_with_the_facilitator_is_refused_to_a_cofacilitator(room):
    _lead, helper, code = room
    before = stored_state(code)
    for name in sorted(REFUSED):
        run(getattr(helper, name)(*arguments(name, helper)))
        assert helper.error_key == REFUSED_BECAUSE.get(name, "error_not_facilitator"), name
        assert stored_state(code) == before, name


#: The allowed acts in an order that gives each something to act on; the refusals some get
#: are about the content (no such suggestion, a theme merged into itself), not the key.
ALLOWED_IN_ORDER = [
    ("hide_insight", ""),
    ("show_insight", ""),
    ("create_theme", ""),
    ("rename_theme", ""),
    ("move_card", ""),
    ("split_theme", ""),
    ("merge_theme", "error_merge_into_itself"),
    ("delete_theme", ""),
    ("suggest_grouping", ""),
    ("accept_grouping", ""),
    ("accept_proposal", "error_theme_not_found"),
    ("decline_proposal", "error_theme_not_found"),
    ("add_paper_participant", ""),
    ("let_all_through", ""),
    ("hide_all_of", ""),
]


def test_a_cofacilitator_may_moderate_group_and_act_for_people_on_paper(room):
    lead, helper, code = room
    later = {"write_for_paper", "vote_for_paper", "correct_story"}
    assert {name for name, _ in ALLOWED_IN_ORDER} | later == ALLOWED
    for name, refusal in ALLOWED_IN_ORDER:
        run(getattr(helper, name)(*arguments(name, helper)))
        assert helper.error_key == refusal, name
    run(lead.create_theme({"name": "Post"}))
    run(lead.open_round({"dots": "3", "per_item": "1"}))
    helper = console(code, helper._key())
    run(helper.vote_for_paper(*arguments("vote_for_paper", helper)))
    assert helper.error_key == ""
    run(lead.previous_stage(lead.stage))  # stories are written down while collecting
    helper = console(code, helper._key())
    run(helper.write_for_paper(*arguments("write_for_paper", helper)))
    assert helper.error_key == ""
    assert "Op papier" in [card.text for card in helper._cards]


def test_a_cofacilitator_corrects_a_closed_workshop_signed_as_a_cofacilitator(room):
    lead, helper, code = room
    story = lead._cards[0].id
    while lead.stage != "closed":
        advance(lead)
    helper = console(code, helper._key())
    run(helper.correct_story({"change": "hide_story", "insight_id": story, "reason": "Naam"}))
    assert helper.error_key == ""
    with Session(db.engine()) as session:
        newest = session.exec(select(RecordVersion).order_by(RecordVersion.number.desc())).first()
    assert newest.number == 2 and json.loads(newest.seal)["made_by"]["role"] == "cofacilitator"


def test_a_revoked_cofacilitator_screen_goes_blank_at_the_next_push(room):
    lead, helper, code = room
    assert helper._cards
    helper_id = lead.cofacilitators[0].id
    run(lead.revoke_cofacilitator(helper_id))
    assert lead.error_key == ""
    assert [h.active for h in lead.cofacilitators] == [False]
    with Session(db.engine()) as session:
        helper.apply_pushed(board_snapshot(session=session, code=code))  # what the hub pushes
    assert not helper.authorised
    assert helper._cards == [] and helper.newest_cards == [] and helper.columns == []
    run(helper.hide_insight(lead._cards[0].id))
    assert helper.error_key == "error_not_facilitator"
    with Session(db.engine()) as session:
        acts = session.exec(select(FacilitatorAct.act)).all()
    assert "set_hidden" not in acts
    assert not console(code, helper._key()).authorised  # a reload does not bring it back


def test_the_facilitator_can_open_the_console_on_a_second_device_by_qr(room):
    lead, helper, _code = room
    run(lead.show_own_link())
    assert lead.error_key == "" and lead.own_link_qr.startswith("data:image/svg+xml;base64,")
    run(helper.show_own_link())
    assert helper.own_link_qr == ""  # a co-facilitator cannot pass the facilitator's key on
