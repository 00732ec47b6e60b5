"""The join ceiling, the head count and the smallest group, as phones and consoles show them."""

import pytest

from livinglab import settings, throttle
from livinglab.i18n import translate
from livinglab.models import Participant
from tests.state.conftest import advance, console, joined_phone, phone, run, stored


@pytest.fixture
def ceiling_of_two(monkeypatch):
    monkeypatch.setattr(settings, "JOINS_PER_MINUTE", 2)
    throttle.new_participants.cache_clear()


def helper_console(lead, code):
    run(lead.invite_cofacilitator({"label": "Ans"}))
    return console(code, lead.new_cofacilitator_link.split("key=", 1)[1])


def test_a_phone_past_the_join_ceiling_waits_tries_again_and_both_consoles_warn(
    created, ceiling_of_two
):
    code, key = created
    lead = console(code, key)
    advance(lead)
    helper = helper_console(lead, code)
    assert lead.crowded == helper.crowded == 0
    first, second = (joined_phone(code, name=n, tab=n) for n in ("Ali", "Bo"))
    late = phone(code, tab="late")  # same venue Wi-Fi: the same address
    run(late.join({"name": "Cas", "role": "resident"}))
    assert not late.joined and late.error_at == "join"
    assert late.t[late.error_key] == translate("error_join_waits", "en")
    assert "tries again by itself" in late.t[late.error_key]
    assert late.join_waits == 1  # the outbox sends the form again by itself
    run(late.join({"name": "Cas", "role": "resident"}))
    assert late.join_waits == 2 and not late.joined
    # Reloading and rejoining with a token are no new participants: never held back.
    back = phone(code, tab="Ali", cookie=first.participant_tokens)
    assert back.joined and back.error_key == ""
    run(second.join({"name": "Bo", "role": "resident"}))
    assert second.error_key == ""
    assert len(stored(Participant)) == 2
    for view in (console(code, key), console(code, helper._key())):
        assert view.crowded == 2
    elsewhere = phone(code, tab="elsewhere", ip="10.9.9.9")
    run(elsewhere.join({"name": "Dirk", "role": "resident"}))
    assert elsewhere.joined and len(stored(Participant)) == 3


@pytest.mark.parametrize("typed", ["0", "-1", "abc", "100000"])
def test_a_wrong_head_count_is_refused_in_view_and_nothing_changes(created, typed):
    code, key = created
    lead = console(code, key)
    run(lead.set_people_in_room({"people": "20"}))
    run(lead.set_people_in_room({"people": typed}))
    assert lead.error_key == "error_people_in_room"
    assert "1 to 1000" in lead.t[lead.error_key]
    assert lead.people_in_room == 20
    assert console(code, key).people_in_room == 20


def test_both_consoles_warn_when_more_joined_than_are_in_the_room(created):
    code, key = created
    lead = console(code, key)
    advance(lead)
    helper = helper_console(lead, code)
    run(lead.set_people_in_room({"people": "2"}))
    joined_phone(code, name="Ali", tab="a")
    run(lead.add_paper_participant({"name": "Mevrouw J.", "role": "resident"}))
    lead, helper = console(code, key), console(code, helper._key())
    assert lead.participants == 2 and not lead.more_joined_than_in_room
    joined_phone(code, name="Bo", tab="b")
    lead, helper = console(code, key), console(code, helper._key())
    assert lead.more_joined_than_in_room and helper.more_joined_than_in_room
    run(lead.set_people_in_room({"people": ""}))  # not counted: no warning
    assert lead.error_key == "" and lead.people_in_room == 0
    assert not lead.more_joined_than_in_room


@pytest.mark.parametrize("typed", ["1", "0", "-3", "abc", "999", ""])
def test_a_wrong_smallest_group_is_refused_beside_its_field_and_nothing_changes(created, typed):
    code, key = created
    lead = console(code, key)
    run(lead.set_smallest_group({"size": "4"}))
    assert lead.error_key == "" and lead.smallest_group == 4
    run(lead.set_smallest_group({"size": typed}))
    assert (lead.error_key, lead.error_at) == ("error_smallest_group", "smallest-group")
    assert "2 to 20" in lead.t[lead.error_key]
    assert lead.smallest_group == 4 and console(code, key).smallest_group == 4
    run(lead.set_people_in_room({"people": "0"}))  # another form's refusal shows beside it
    assert (lead.error_key, lead.error_at) == ("error_people_in_room", "people-in-room")
