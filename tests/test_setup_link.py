"""The setup link on the command line: `setup-link` prints one; `migrate` prints one while
the organisation has no admin (what `make run` shows on first start)."""

import re

import pytest

from livinglab import settings
from livinglab.__main__ import main
from livinglab.organisation import members, passkeys
from tests.conftest import a_member

LINE = re.compile(r"^Setup link: (\S+)/welcome\?token=(\S+)$", re.MULTILINE)


@pytest.fixture
def on_port(monkeypatch):
    monkeypatch.setattr(settings, "PUBLIC_URL", "")
    monkeypatch.setattr(settings, "PORT", 3123)


def test_setup_link_prints_a_working_link_on_localhost(session, on_port, capsys):
    assert main(["setup-link"]) == 0
    origin, token = LINE.search(capsys.readouterr().out).groups()
    assert origin == "http://localhost:3123"
    assert passkeys.invitation(session, token=token).first_admin
    assert main(["setup-link"]) == 0  # a new one: the earlier one stops working
    _, newer = LINE.search(capsys.readouterr().out).groups()
    session.expire_all()
    assert passkeys.invitation(session, token=newer).first_admin
    with pytest.raises(Exception, match="error_invite_invalid"):
        members.open_invite(session, token)


def test_setup_link_uses_the_public_address(session, monkeypatch, capsys):
    monkeypatch.setattr(settings, "PUBLIC_URL", "https://lab.houten.nl")
    main(["setup-link"])
    assert LINE.search(capsys.readouterr().out).group(1) == "https://lab.houten.nl"


def test_migrate_prints_a_setup_link_until_there_is_an_admin(session, on_port, capsys):
    assert main(["migrate"]) == 0
    assert LINE.search(capsys.readouterr().out).group(1) == "http://localhost:3123"
    a_member(session, "admin", name="Ruud")
    assert main(["migrate"]) == 0
    assert "Setup link:" not in capsys.readouterr().out
