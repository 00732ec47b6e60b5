"""State tests: real event handlers on real states, without a browser or a socket."""

import asyncio

import pytest
from sqlmodel import Session, select

from livinglab import db, settings
from livinglab.livinglab import app
from livinglab.models import Member
from livinglab.organisation import members, sessions
from livinglab.realtime.hub import Audience
from livinglab.web import keyring, room
from livinglab.web.reflex_internals import new_root_state
from livinglab.web.state.console import FacilitatorState
from livinglab.web.state.phone import PhoneState
from livinglab.web.state.start import StartState


def open_view(
    state_class,
    path: str,
    *,
    tab: str = "tab-1",
    ip: str = "10.0.0.5",
    cookies=None,
    session: str = "",
):
    """A fresh state tree for one browser tab at `path`, as Reflex builds it on connect.

    `session`: a member session token, sent as the HttpOnly cookie with the socket's
    opening request (what `ViewState._session_token` reads).
    """
    route, _, query = path.partition("?")
    headers = {"origin": "http://localhost:3000"}
    if session:
        headers["cookie"] = f"{sessions.COOKIE}={session}"
    root = new_root_state(
        {
            "token": tab,
            "ip": ip,
            "pathname": route,
            "asPath": path,
            "query": dict(part.split("=", 1) for part in query.split("&") if part),
            "headers": headers,
        }
    )
    view = root.get_substate(state_class.get_full_name().split(".")[1:])
    for name, value in (cookies or {}).items():
        setattr(view, name, value)
    return view


def run(coroutine):
    """Run one event handler to completion, the way the event loop would."""
    return asyncio.run(coroutine)


@pytest.fixture(autouse=True)
def hub():
    """The hub is per worker: each test starts with a new one, wired as the app wires it."""
    return room.wire(app, {Audience.FACILITATOR: FacilitatorState, Audience.PHONE: PhoneState})


FORM = {
    "title": "Schulden en hulp",
    "question": "Wat helpt echt?",
    "language": "en",
    "names": "first_name",
}


def stored(model):
    with Session(db.engine()) as session:
        return session.exec(select(model)).all()


def sign_in(name: str = "Fatima", *roles: str) -> str:
    """A member with `roles` (facilitator when none) and a session for them: its token."""
    with Session(db.engine(), expire_on_commit=False) as session:
        member = Member(name=name, roles=members.roles_text(roles or ("facilitator",)))
        session.add(member)
        session.flush()
        token = sessions.start(session, member, method=sessions.PASSKEY)
        session.commit()
    return token


def member_id(token: str) -> int:
    """The member behind a session token."""
    with Session(db.engine()) as session:
        return sessions.signed_in(session, token).member_id


def start_page(*, tab: str = "tab-1", session: str = "", cookies=None):
    """The start page of a browser where a facilitator is signed in (a new one unless given)."""
    return open_view(StartState, "/", tab=tab, session=session or sign_in(), cookies=cookies)


@pytest.fixture
def created(database_url):
    """A workshop created through the start page by a signed-in facilitator:
    (code, facilitator key)."""
    start = start_page()
    run(start.create(FORM))
    assert start.created, start.error_key
    code = start.console_path.rsplit("/", 1)[-1]
    key = start.facilitator_link.split("key=", 1)[1]
    return code, key


@pytest.fixture(autouse=True)
def few_wrong_codes(monkeypatch):
    """Three wrong join codes per address per minute, so a test reaches the limit quickly."""
    monkeypatch.setattr(settings, "JOIN_ATTEMPTS_PER_MINUTE", 3)


def console(code, key):
    view = open_view(
        FacilitatorState, f"/f/{code}", cookies={"facilitator_keys": keyring.store("", code, key)}
    )
    run(view.on_load())
    return view


def advance(view):
    """Press "next step" on a console, as the button does: with the stage it shows.

    Closing asks first: then the confirm button is pressed too.
    """
    seen = view.stage
    run(view.next_stage(seen))
    if view.confirming_close:
        run(view.close_workshop(seen))


def phone(code, *, tab="phone-1", ip="10.0.0.7", cookie=""):
    view = open_view(
        PhoneState, f"/j/{code}", tab=tab, ip=ip, cookies={"participant_tokens": cookie}
    )
    run(view.on_load())
    return view


def joined_phone(code, name="Sam", role="resident", tab="phone-1"):
    view = phone(code, tab=tab)
    run(view.join({"name": name, "role": role}))
    assert view.joined, view.error_key
    return view
