"""bench.room against the big-event set-up: two workers over PostgreSQL and Redis.

Starts a throwaway PostgreSQL cluster and a redis-server on loopback (the test suite's
own helpers), serves a copy of the app with GRANIAN_WORKERS=2 on port 3100, runs
`bench.room` with the arguments given (all but --url), and stops everything.

    python -m bench.scaled --phones 300 --posts-per-s 1 --duration 3 --votes-per-s 100
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.e2e.server import AppServer
from tests.services import postgres_server, redis_server

WORKERS = 2


def main(argv: list[str]) -> int:
    with postgres_server() as server_url, redis_server(Path(tempfile.mkdtemp())) as redis_url:
        admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench"))
        app = AppServer(
            port=3100,
            env={
                "DATABASE_URL": server_url.rsplit("/", 1)[0] + "/bench",
                "REFLEX_REDIS_URL": redis_url,
                "GRANIAN_WORKERS": str(WORKERS),
            },
        )
        app.start()
        try:
            session = app.session_for(app.add_member("Bench facilitator"))
            room = [
                *(sys.executable, "-m", "bench.room", *argv),
                *("--url", app.base_url, "--session", session),
            ]
            return subprocess.run(room, check=False).returncode
        finally:
            app.stop()
            admin.dispose()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
