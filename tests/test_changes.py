"""Changes announce themselves: a domain call records what it changed, the session scope
announces it once committed, whoever called (a handler, the command line, a purge)."""

import threading
from datetime import timedelta

import pytest
import redis

from livinglab import (
    changes,
    db,
    dialogue,
    insights,
    reactions,
    sensemaking,
    settings,
    voting,
    workshops,
)
from livinglab.__main__ import main
from livinglab.changes import Announcement, Change
from livinglab.errors import DomainError, WrongStage
from livinglab.models import utcnow
from livinglab.realtime.bus import CHANNEL_PREFIX


class Heard:
    """What the room was told: every announcement a session scope handed on."""

    def __init__(self) -> None:
        self.announcements: list[Announcement] = []

    def __call__(self, announcements: list[Announcement]) -> None:
        self.announcements.extend(announcements)

    def run(self, call, **kwargs):
        """`call` in its own committed transaction, as a handler runs it."""
        with db.session_scope(announce=self) as session:
            return call(session=session, **kwargs)

    def since(self, count: int) -> list[tuple[frozenset, frozenset]]:
        return [(a.kinds, a.posted) for a in self.announcements[count:]]


@pytest.fixture
def room(database_url):
    """A workshop in the collect stage with one participant: (heard, code, key, token)."""
    heard = Heard()
    workshop, key = heard.run(
        workshops.create_workshop,
        title="Werk",
        question="Wat helpt?",
        language="nl",
        uses_names=False,
    )
    heard.run(workshops.move_stage, code=workshop.code, key=key, step=1)
    _person, token = heard.run(workshops.join, code=workshop.code, name="", role="resident")
    return heard, workshop.code, key, token


def test_a_committed_change_is_announced_once_with_its_kind(room):
    heard, code, _key, token = room
    assert [a.kinds for a in heard.announcements] == [{Change.STAGE}, {Change.PEOPLE}]
    before = len(heard.announcements)
    posted = heard.run(
        insights.post_insight, code=code, token=token, text="Mijn brief", client_ref="a"
    )
    assert heard.since(before) == [({Change.POSTED}, {posted.id})]
    assert heard.announcements[-1].code == code


def test_a_refused_or_rolled_back_change_announces_nothing(room):
    heard, code, key, token = room
    before = len(heard.announcements)
    with pytest.raises(DomainError):
        heard.run(insights.post_insight, code=code, token=token, text="   ", client_ref="b")
    with pytest.raises(RuntimeError), db.session_scope(announce=heard) as session:
        insights.post_insight(session=session, code=code, token=token, text="Weg", client_ref="c")
        raise RuntimeError("the transaction fails after the domain call")
    assert heard.since(before) == []
    heard.run(workshops.move_stage, code=code, key=key, step=1)  # sensemaking
    with pytest.raises(WrongStage):
        heard.run(insights.post_insight, code=code, token=token, text="Te laat", client_ref="d")
    assert heard.since(before) == [({Change.STAGE}, frozenset())]


def test_a_change_that_changes_nothing_announces_nothing(room):
    heard, code, key, token = room
    posted = heard.run(insights.post_insight, code=code, token=token, text="Eén", client_ref="a")
    before = len(heard.announcements)
    heard.run(insights.post_insight, code=code, token=token, text="Eén", client_ref="a")  # again
    heard.run(insights.set_hidden, code=code, key=key, insight_id=posted.id, hidden=False)
    heard.run(workshops.move_stage, code=code, key=key, step=1, seen="welcome")  # double click
    assert heard.since(before) == []


def test_each_act_announces_what_it_changed(room):
    """The kind decides who is pushed what (realtime/hub.py INTEREST): phones never the board."""
    heard, code, key, token = room
    posted = heard.run(insights.post_insight, code=code, token=token, text="Brief", client_ref="a")

    def announced(call, **kwargs):
        before = len(heard.announcements)
        result = heard.run(call, **kwargs)
        assert len(heard.announcements) == before + 1, call.__name__
        return heard.announcements[-1].kinds, result

    assert announced(
        insights.edit_insight, code=code, token=token, insight_id=posted.id, text="Brieven"
    )[0] == {Change.BOARD}
    assert announced(insights.set_hidden, code=code, key=key, insight_id=posted.id, hidden=True)[
        0
    ] == {Change.BOARD}
    assert announced(workshops.start_timer, code=code, key=key, minutes=5)[0] == {Change.STAGE}
    heard.run(workshops.move_stage, code=code, key=key, step=1)
    kinds, theme = announced(sensemaking.create_theme, code=code, key=key, name="Post")
    assert kinds == {Change.THEMES}
    assert announced(
        reactions.toggle_reaction, code=code, token=token, theme_id=theme.id, kind="idea"
    )[0] == {Change.REACTIONS}
    assert announced(voting.open_round, code=code, key=key)[0] == {Change.ROUND}
    assert announced(voting.cast_votes, code=code, token=token, item_ids=[theme.id])[0] == {
        Change.VOTES
    }
    assert announced(voting.reveal_results, code=code, key=key)[0] == {Change.ROUND}
    heard.run(workshops.move_stage, code=code, key=key, step=1)
    kinds, proposal = announced(dialogue.add_proposal, code=code, key=key, text="Eén loket")
    assert kinds == {Change.DIALOGUE}
    assert announced(dialogue.open_consent, code=code, key=key, proposal_id=proposal.id)[0] == {
        Change.DIALOGUE
    }
    assert announced(dialogue.answer_consent, code=code, token=token, answer="agree")[0] == {
        Change.DIALOGUE
    }
    paper = announced(voting.add_paper_participant, code=code, key=key, name="", role="employer")
    assert paper[0] == {Change.PEOPLE}


def test_a_purge_from_the_command_line_tells_every_worker_over_redis(room, redis_url, monkeypatch):
    """The purge runs beside the app: the screens still showing the workshop read it again."""
    heard, code, key, _token = room
    for _ in range(3):
        heard.run(workshops.move_stage, code=code, key=key, step=1)  # closed
    monkeypatch.setattr(settings, "REDIS_URL", redis_url)
    monkeypatch.setattr(db, "_announce", db._announce)  # main() wires it; undone afterwards
    listener = redis.from_url(redis_url).pubsub()
    listener.subscribe(CHANNEL_PREFIX + code)
    assert listener.get_message(timeout=2)["type"] == "subscribe"
    later = (utcnow() + timedelta(days=400)).isoformat()
    assert main(["purge", "--now", later]) == 0
    message = listener.get_message(timeout=5)
    listener.close()
    assert message is not None and message["type"] == "message"
    kinds = message["data"].decode().partition("|")[0].split(",")
    # Every part of the room is read again, and the new sealed version (without the texts).
    assert set(kinds) == changes.ROOM | {Change.RECORD}


def test_announcements_from_a_worker_thread_reach_the_caller_not_a_global(room):
    """Each transaction hands its changes to its own caller: two threads never mix them."""
    _heard, code, _key, token = room
    seen: dict[str, Heard] = {}

    def worker(name: str) -> None:
        seen[name] = Heard()
        seen[name].run(
            insights.post_insight, code=code, token=token, text=f"Van {name}", client_ref=name
        )

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [next(iter(seen[name].announcements[0].posted)) for name in ("a", "b")]
    assert len(set(ids)) == 2
    assert all(len(seen[name].announcements) == 1 for name in ("a", "b"))
