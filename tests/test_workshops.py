"""Workshops: codes, creating, joining, who may move the stage, prompts and timers."""

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from livinglab import actors, codes, workshops
from livinglab.errors import (
    EmptyText,
    InvalidChoice,
    NotFacilitator,
    NotParticipant,
    TextTooLong,
    WorkshopClosed,
    WorkshopNotFound,
)
from livinglab.models import Participant, Stage, StageChange, Workshop, utcnow
from tests.conftest import join, one_char_off


def test_code_space_has_at_least_a_billion_codes_and_no_lookalikes():
    assert len(codes.CODE_ALPHABET) ** codes.CODE_LENGTH >= 10**9
    assert not set("0O1IL") & set(codes.CODE_ALPHABET)
    assert re.fullmatch(f"[{codes.CODE_ALPHABET}]{{7}}", codes.new_code())


def test_typed_code_is_case_and_separator_insensitive():
    assert codes.normalize_code(" abc-d efg ") == "ABCDEFG"
    assert codes.format_code("ABCDEFG") == "ABC-DEFG"


def test_create_workshop_stores_only_a_hash_of_a_long_key(session):
    workshop, key = workshops.create_workshop(
        session=session, title="T", question="Q", language="en", uses_names=False
    )
    assert len(key) >= 32  # token_urlsafe(24): 192 bits
    assert key not in workshop.facilitator_key_hash
    assert workshop.stage == "welcome"
    assert workshops.is_facilitator(session, workshop, key)
    assert not workshops.is_facilitator(session, workshop, one_char_off(key))
    assert not workshops.is_facilitator(session, workshop, "")
    changes = session.exec(select(StageChange).where(StageChange.workshop_id == workshop.id))
    assert [change.stage for change in changes] == ["welcome"]


@pytest.mark.parametrize(
    ("title", "question", "language", "refusal"),
    [
        ("", "Q", "nl", EmptyText),
        ("   ", "Q", "nl", EmptyText),
        ("T", "x" * 501, "nl", TextTooLong),
        ("T", "Q", "de", InvalidChoice),
    ],
)
def test_create_workshop_refuses_bad_input_and_stores_nothing(
    session, title, question, language, refusal
):
    with pytest.raises(refusal):
        workshops.create_workshop(
            session=session, title=title, question=question, language=language, uses_names=False
        )
    assert session.exec(select(Workshop)).all() == []


def test_find_workshop_by_unknown_code_is_refused(session, workshop):
    with pytest.raises(WorkshopNotFound):
        workshops.find_workshop(session=session, code="ZZZZZZZ")


def test_join_gives_a_token_that_identifies_the_same_participant_again(session, workshop):
    ws, _key = workshop
    participant, token = join(session, ws.code.lower(), name="Fatima", role="professional")
    again = actors.participant(session, ws.code, token)
    assert again.id == participant.id
    assert again.name == "Fatima"
    assert participant.token_hash != token  # only a hash is stored


def test_token_of_one_workshop_does_not_work_in_another(session, workshop):
    ws, _key = workshop
    other, _ = workshops.create_workshop(
        session=session, title="B", question="Q", language="nl", uses_names=False
    )
    _participant, token = join(session, ws.code)
    assert actors.participant(session, other.code, token) is None
    with pytest.raises(NotParticipant):
        workshops.require_participant(session=session, code=other.code, token=token)


def test_anonymous_workshop_does_not_store_names(session):
    ws, _key = workshops.create_workshop(
        session=session, title="T", question="Q", language="nl", uses_names=False
    )
    participant, _ = join(session, ws.code, name="Piet")
    assert participant.name is None


@pytest.mark.parametrize("name", ["Ayşe 🌷", "محمد", "<b>Jan</b><script>x()</script>"])
def test_names_with_emoji_rtl_or_html_are_kept_as_typed(session, workshop, name):
    ws, _key = workshop
    participant, _ = join(session, ws.code, name=name)
    assert participant.name == name


def test_too_long_name_is_refused_and_nobody_joins(session, workshop):
    ws, _key = workshop
    with pytest.raises(TextTooLong):
        workshops.join(session=session, code=ws.code, name="x" * 41, role="resident")
    assert session.exec(select(Participant)).all() == []


def test_join_refuses_unknown_role_unknown_code_and_closed_workshop(session, workshop):
    ws, key = workshop
    with pytest.raises(InvalidChoice):
        workshops.join(session=session, code=ws.code, name="", role="mayor")
    with pytest.raises(WorkshopNotFound):
        workshops.join(session=session, code="ABCDEF2", name="", role="resident")
    for _ in range(3):
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    assert ws.stage == "closed"
    with pytest.raises(WorkshopClosed):
        workshops.join(session=session, code=ws.code, name="", role="resident")


def test_stages_move_forward_and_back_within_the_roadmap(session, workshop):
    ws, key = workshop
    assert ws.stage == "collect"
    assert workshops.move_stage(session=session, code=ws.code, key=key, step=-1).stage == "welcome"
    with pytest.raises(InvalidChoice):
        workshops.move_stage(session=session, code=ws.code, key=key, step=-1)
    for expected in workshops.STAGES[1:]:
        assert (
            workshops.move_stage(session=session, code=ws.code, key=key, step=1).stage == expected
        )
    with pytest.raises(InvalidChoice):
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    with pytest.raises(InvalidChoice):
        workshops.move_stage(session=session, code=ws.code, key=key, step=2)
    history = session.exec(
        select(StageChange.stage).where(StageChange.workshop_id == ws.id).order_by(StageChange.id)
    ).all()
    assert history == ["welcome", "collect", "welcome", *workshops.STAGES[1:]]


def test_a_press_seen_at_an_earlier_stage_does_not_move_again(session, workshop):
    ws, key = workshop
    workshops.move_stage(session=session, code=ws.code, key=key, step=1, seen="collect")
    workshops.move_stage(session=session, code=ws.code, key=key, step=1, seen="collect")
    assert ws.stage == "sensemaking"
    history = session.exec(select(StageChange.stage).where(StageChange.workshop_id == ws.id)).all()
    assert history == ["welcome", "collect", "sensemaking"]


def test_only_the_facilitator_key_moves_the_stage(session, workshop):
    ws, _key = workshop
    _participant, token = join(session, ws.code)
    for wrong in ("", token, "guess"):
        with pytest.raises(NotFacilitator):
            workshops.move_stage(session=session, code=ws.code, key=wrong, step=1)
    session.refresh(ws)
    assert ws.stage == "collect"


def test_prompt_belongs_to_its_stage(session, workshop):
    ws, key = workshop
    workshops.set_prompt(
        session=session,
        code=ws.code,
        key=key,
        stage="collect",
        prompt="Vertel over een moment waarop je je niet gehoord voelde",
    )
    assert workshops.stage_plan(session=session, workshop=ws)[0].startswith("Vertel")
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    assert workshops.stage_plan(session=session, workshop=ws)[0] == ""
    workshops.set_prompt(session=session, code=ws.code, key=key, stage="collect", prompt=" ")
    workshops.move_stage(session=session, code=ws.code, key=key, step=-1)
    assert workshops.stage_plan(session=session, workshop=ws)[0] == ""
    with pytest.raises(NotFacilitator):
        workshops.set_prompt(session=session, code=ws.code, key="x", stage="collect", prompt="P")
    with pytest.raises(InvalidChoice):
        workshops.set_prompt(session=session, code=ws.code, key=key, stage="party", prompt="P")


def test_timer_counts_to_a_server_deadline_and_ends_with_its_stage(session, workshop):
    ws, key = workshop
    before = utcnow()
    ends = workshops.start_timer(session=session, code=ws.code, key=key, minutes="5")
    assert timedelta(minutes=5) <= ends - before < timedelta(minutes=5, seconds=5)
    view = workshops.stage_view(session=session, workshop=ws)
    assert view.timer_ends_ms == int(ends.timestamp() * 1000)
    workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    assert workshops.stage_view(session=session, workshop=ws).timer_ends_ms == 0


@pytest.mark.parametrize("minutes", [0, -1, 181, "soon", None])
def test_timer_refuses_nonsense_durations(session, workshop, minutes):
    ws, key = workshop
    with pytest.raises(InvalidChoice):
        workshops.start_timer(session=session, code=ws.code, key=key, minutes=minutes)
    assert ws.timer_ends_at is None


def test_stop_timer_needs_the_key(session, workshop):
    ws, key = workshop
    workshops.start_timer(session=session, code=ws.code, key=key, minutes=3)
    with pytest.raises(NotFacilitator):
        workshops.stop_timer(session=session, code=ws.code, key="nope")
    assert ws.timer_ends_at is not None
    workshops.stop_timer(session=session, code=ws.code, key=key)
    assert ws.timer_ends_at is None


def test_stage_view_counts_participants(session, workshop):
    ws, _key = workshop
    join(session, ws.code)
    join(session, ws.code)
    assert workshops.stage_view(session=session, workshop=ws).participants == 2


def test_moderation_is_allowed_while_open_and_refused_once_closed(session, workshop):
    """After closing, only a correction of the record changes what was shown."""
    assert workshops.stages_allowing(workshops.Act.MODERATE) == (
        Stage.WELCOME,
        Stage.COLLECT,
        Stage.SENSEMAKING,
        Stage.DIALOGUE,
    )
    ws, key = workshop
    workshops.require_stage(ws, workshops.Act.MODERATE)
    for _ in range(3):
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    assert workshops.is_closed(ws)
    with pytest.raises(WorkshopClosed):
        workshops.require_stage(ws, workshops.Act.MODERATE)


def test_themes_are_shaped_and_suggested_where_the_screens_show_them():
    """Themes may be prepared before making sense (the console folds their tools away until
    the themed board); a phone suggests a theme while making sense."""
    assert workshops.stages_allowing(workshops.Act.GROUP) == (
        Stage.WELCOME,
        Stage.COLLECT,
        Stage.SENSEMAKING,
        Stage.DIALOGUE,
    )
    assert workshops.stages_allowing(workshops.Act.SUGGEST_THEME) == (Stage.SENSEMAKING,)
    assert [workshops.is_themed(stage) for stage in workshops.STAGES] == [
        False,
        False,
        True,
        True,
        False,
    ]


def test_every_stage_shows_one_screen_of_its_own():
    shown = [workshops.stages_showing(screen) for screen in workshops.Screen]
    assert sorted(stage for stages in shown for stage in stages) == sorted(Stage)
    assert workshops.stages_showing(workshops.Screen.OUTCOME) == (Stage.CLOSED,)
    assert workshops.stages_showing(workshops.Screen.THEMES) == (Stage.SENSEMAKING,)


def test_the_first_stage_moves_only_forward_and_the_last_only_back():
    assert Stage.WELCOME not in workshops.stages_moving(-1)
    assert Stage.CLOSED not in workshops.stages_moving(1)
    assert workshops.stages_moving(1)[-1] is Stage.DIALOGUE
    assert workshops.stages_moving(-1)[0] is Stage.COLLECT


def test_closed_workshops_are_found_by_the_closed_condition(session, workshop):
    ws, key = workshop
    closed = select(Workshop.id).where(workshops.closed_condition())
    assert session.exec(closed).all() == []
    for _ in range(3):
        workshops.move_stage(session=session, code=ws.code, key=key, step=1)
    session.flush()
    assert session.exec(closed).all() == [ws.id]
    closing = select(StageChange.id).where(
        StageChange.workshop_id == ws.id, workshops.closing_condition()
    )
    assert len(session.exec(closing).all()) == 1
