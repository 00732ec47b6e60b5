"""Start the real app (production build, one port) from a copy of the project.

A copy, because `reflex run` writes `.web/` and `.states/` next to `rxconfig.py`:
a developer's `make run` in the project directory keeps running undisturbed.
Used by conftest.py (one server per test session) and screenshots.py.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from sqlmodel import Session, select

from livinglab.db import make_engine
from livinglab.models import Member
from livinglab.organisation import members, sessions

PROJECT = Path(__file__).resolve().parents[2]
VENV_BIN = PROJECT / ".venv" / "bin"
TOOLS_BIN = PROJECT / ".tools" / "node_modules" / ".bin"

#: Not copied: environments, build output, state and data of the developer's own runs.
NOT_COPIED = (
    ".venv",
    ".tools",
    "data",
    ".states",
    ".web",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
)

#: The production build takes 30-90 s on a slow machine; a cold bun cache even longer.
#: The organisation's key for the records page of the server under test.
RECORDS_KEY = "e2e-organisation-key"
#: The bearer token /metrics asks for (off without one).
METRICS_TOKEN = "e2e-metrics-token"
#: Reflex's ping interval as it is in production; a silent socket is given up after the
#: interval plus the timeout: 10 s here instead of 120, so a phone can be away past it
#: within a test.
SOCKET_INTERVAL_SECONDS = 25
SOCKET_TIMEOUT_SECONDS = 10
STARTUP_TIMEOUT = float(os.environ.get("LIVINGLAB_E2E_STARTUP_TIMEOUT", "300"))


#: Every server started in this process, by its address: `room.create_workshop` signs a
#: browser in on the server it talks to.
RUNNING: dict[str, "AppServer"] = {}
#: The facilitator member the tests sign in as, unless a test makes its own.
FACILITATOR_NAME = "Fatima"


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


class AppServer:
    """`reflex run --env prod --single-port` in its own process group, on a free port."""

    def __init__(
        self,
        *,
        port: int | None = None,
        public_url: str | None = None,
        log_path: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        #: What the QR code encodes; the test's own address unless told otherwise.
        self.public_url = (public_url or self.base_url).rstrip("/")
        self.workdir = Path(tempfile.mkdtemp(prefix="livinglab-e2e-"))
        self.app_dir = self.workdir / "app"
        self.log_path = log_path or self.workdir / "server.log"
        self.process: subprocess.Popen | None = None
        #: On top of the defaults: DATABASE_URL, REFLEX_REDIS_URL, GRANIAN_WORKERS, ...
        self.extra_env = env or {}
        #: The member sessions made for this server's database (`session_for`).
        self.session_tokens: set[str] = set()

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            PATH=os.pathsep.join([str(TOOLS_BIN), str(VENV_BIN), env.get("PATH", "")]),
            REFLEX_USE_SYSTEM_BUN="1",
            REFLEX_TELEMETRY_ENABLED="false",
            LIVINGLAB_PORT=str(self.port),
            DATABASE_URL=f"sqlite:///{self.workdir / 'e2e.db'}",
            LIVINGLAB_PUBLIC_URL=self.public_url,
            LIVINGLAB_RECORDS_KEY=RECORDS_KEY,
            LIVINGLAB_METRICS_TOKEN=METRICS_TOKEN,
            # People in these tests post several stories within a second (tests/conftest.py).
            LIVINGLAB_SECONDS_BETWEEN_STORIES="0",
            REFLEX_SOCKET_INTERVAL=str(SOCKET_INTERVAL_SECONDS),
            REFLEX_SOCKET_TIMEOUT=str(SOCKET_TIMEOUT_SECONDS),
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        env.pop("VIRTUAL_ENV", None)
        return env

    @property
    def database_url(self) -> str:
        return self._env()["DATABASE_URL"]

    def add_member(self, name: str = FACILITATOR_NAME, *roles: str) -> int:
        """A member with `roles` (facilitator when none), straight into the server's database
        (as an accepted invitation would make them): their id."""
        engine = make_engine(self.database_url)
        try:
            with Session(engine, expire_on_commit=False) as session:
                member = Member(name=name, roles=members.roles_text(roles or ("facilitator",)))
                session.add(member)
                session.commit()
                return member.id
        finally:
            engine.dispose()

    def session_for(self, member_id: int) -> str:
        """A new session of that member (as a sign-in starts one): the cookie's token."""
        engine = make_engine(self.database_url)
        try:
            with Session(engine, expire_on_commit=False) as session:
                member = session.exec(select(Member).where(Member.id == member_id)).one()
                token = sessions.start(session, member, method=sessions.PASSKEY)
                session.commit()
        finally:
            engine.dispose()
        self.session_tokens.add(token)
        return token

    def remove_member(self, member_id: int) -> None:
        """An admin takes the member out, as the admin's members page does (domain call)."""
        admin_id = self.add_member("E2E admin", "admin")
        engine = make_engine(self.database_url)
        try:
            with Session(engine, expire_on_commit=False) as session:
                admin = session.exec(select(Member).where(Member.id == admin_id)).one()
                members.remove(session=session, by=members.as_signed_in(admin), member_id=member_id)
                session.commit()
        finally:
            engine.dispose()

    def sign_in(self, context, member_id: int | None = None) -> int:
        """Sign a browser context in: a session for the member (a new facilitator when none
        is given) in the HttpOnly cookie the sign-in routes set. Returns the member's id."""
        member_id = member_id or self.add_member()
        context.add_cookies(
            [
                {
                    "name": sessions.COOKIE,
                    "value": self.session_for(member_id),
                    "url": self.base_url,
                    "httpOnly": True,
                    "sameSite": "Lax",
                }
            ]
        )
        return member_id

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"

    def start(self) -> "AppServer":
        """Copy, migrate, build and serve; return once the page and the backend answer."""
        shutil.copytree(
            PROJECT, self.app_dir, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=False
        )
        env = self._env()
        with self.log_path.open("wb") as log:
            subprocess.run(
                [str(VENV_BIN / "python"), "-m", "livinglab", "migrate"],
                cwd=self.app_dir,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                check=True,
                timeout=120,
            )
        return self.launch()

    def launch(self) -> "AppServer":
        """Serve the copy (again, after `crash`); return once the page and the backend answer."""
        env = self._env()
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(VENV_BIN / "reflex"), "run", "--env", "prod", "--single-port"],
            cwd=self.app_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: teardown kills all of it
        )
        log.close()
        self._wait_until_up()
        RUNNING[self.base_url] = self
        return self

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise RuntimeError(f"reflex run exited with {code}:\n{self.log()}")
            # The page comes from the build; /ping from the backend behind the websocket.
            if _answers(self.base_url + "/") and _answers(self.base_url + "/ping"):
                return
            time.sleep(0.5)
        log = self.log()
        self.stop()
        raise RuntimeError(f"livinglab did not answer within {STARTUP_TIMEOUT:.0f} s:\n{log}")

    def crash(self) -> None:
        """SIGKILL every process of the app at once, as a power cut or the OOM killer would."""
        pgid = os.getpgid(self.process.pid)
        os.killpg(pgid, signal.SIGKILL)
        self._group_gone(pgid, 10)
        self.process.wait(timeout=5)

    def stop(self) -> None:
        """Kill the whole process group (reflex, granian, any bun), then drop the copy."""
        if self.process is not None and self.process.poll() is None:
            pgid = os.getpgid(self.process.pid)
            for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
                try:
                    os.killpg(pgid, sig)
                except ProcessLookupError:
                    break
                if self._group_gone(pgid, grace):
                    break
            self.process.wait(timeout=5)
        self.process = None
        RUNNING.pop(self.base_url, None)
        if not os.environ.get("LIVINGLAB_E2E_KEEP"):
            shutil.rmtree(self.workdir, ignore_errors=True)

    def _group_gone(self, pgid: int, grace: float) -> bool:
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            self.process.poll()  # reap our child, or its zombie keeps the group alive
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return True
            time.sleep(0.2)
        return False
