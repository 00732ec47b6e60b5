"""Real PostgreSQL, Redis and an OpenID Connect provider for the tests, on loopback.

Debian's packages and the npm registry's `oidc-provider` (`make test` installs them when
missing); data in temp folders; nothing is left running.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.server import free_port

#: The database role and the database the app uses in the tests.
PG_USER = "livinglab"


def _wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """redis-server without persistence: the URL for REFLEX_REDIS_URL."""
    port = free_port()
    server = subprocess.Popen(
        [
            *("redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)),
            *("--save", "", "--appendonly", "no"),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def postgres_bin() -> Path:
    """The newest installed PostgreSQL's programs (Debian keeps them off PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[4]))
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed: run `make test` (apt-get install postgresql)"
        )
    return found[-1].parent


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway cluster in its own temp folder (no fsync: test data need not survive a crash).

    PostgreSQL refuses to run as root; as root the cluster runs as the `postgres` user, in a
    folder that user can reach (pytest's own temp folders are private to root).
    """
    programs = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="livinglab-pg-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:
        as_owner = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
    data = folder / "data"
    port = free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.STDOUT, "check": True}
    subprocess.run(
        [
            *as_owner,
            *(programs / "initdb", "-D", data, "-U", PG_USER, "--auth=trust", "-N"),
            *("-E", "UTF8", "--locale=C.UTF-8"),
        ],
        **quiet,
    )
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        [
            *as_owner,
            programs / "pg_ctl",
            "-D",
            data,
            "-o",
            options,
            "-l",
            folder / "log",
            "-w",
            "start",
        ],
        **quiet,
    )
    try:
        _wait_for_port(port)
        yield f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_owner, programs / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


#: The identity provider's script (tests/oidc/provider.mjs) and where `make test` puts its package.
OIDC_SCRIPT = Path(__file__).parent / "oidc" / "provider.mjs"
OIDC_MODULES = Path(__file__).parent.parent / ".tools" / "node_modules"


@dataclass(frozen=True)
class IdentityProvider:
    """A running OpenID Connect provider and the client registered at it."""

    issuer: str
    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...]


@contextmanager
def oidc_provider(redirect_uris: tuple[str, ...]) -> Iterator[IdentityProvider]:
    """The certified `oidc-provider` (Node) with three people: fatima (group
    facilitators), ruud (records-readers), noor (no group). Its login form takes their id."""
    if not (OIDC_MODULES / "oidc-provider").is_dir():
        raise RuntimeError("oidc-provider is not installed: run `make test-setup`")
    port = free_port()
    provider = IdentityProvider(
        issuer=f"http://127.0.0.1:{port}",
        client_id="livinglab",
        client_secret="livinglab-test-secret-" + os.urandom(8).hex(),
        redirect_uris=redirect_uris,
    )
    server = subprocess.Popen(
        ["node", str(OIDC_SCRIPT)],
        env={
            **os.environ,
            "OIDC_PROVIDER_MODULE": str(OIDC_MODULES / "oidc-provider" / "lib" / "index.js"),
            "OIDC_PORT": str(port),
            "OIDC_CLIENT_ID": provider.client_id,
            "OIDC_CLIENT_SECRET": provider.client_secret,
            "OIDC_REDIRECT_URIS": " ".join(redirect_uris),
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for_port(port)
        yield provider
    finally:
        server.terminate()
        server.wait(timeout=10)
