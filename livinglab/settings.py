"""Every environment variable livinglab reads, with its default, in one place."""

import os
from pathlib import Path

from livinglab import limits

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: Where the app listens: frontend and backend share one port in production.
PORT = int(os.environ.get("LIVINGLAB_PORT", "3000"))

#: SQLAlchemy URL of the database; an SQLite file under data/ by default.
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{PROJECT_ROOT / 'data' / 'livinglab.db'}")

#: The address phones use to reach this server (e.g. https://workshop.houten.nl).
#: Empty means: this machine's LAN address and PORT.
PUBLIC_URL = os.environ.get("LIVINGLAB_PUBLIC_URL", "").rstrip("/")

#: Wrong join codes allowed per client address per minute (phones behind one venue
#: NAT share an address, so leave room for typos).
JOIN_ATTEMPTS_PER_MINUTE = int(os.environ.get("LIVINGLAB_JOIN_ATTEMPTS_PER_MINUTE", "30"))

#: New participants per client address per minute (livinglab/throttle.py). Behind a
#: reverse proxy set REFLEX_TRUSTED_PROXY_HOPS, or every phone has the proxy's address.
JOINS_PER_MINUTE = int(os.environ.get("LIVINGLAB_JOINS_PER_MINUTE", str(limits.JOINS_PER_MINUTE)))

#: Redis, for several workers: Reflex keeps states there and livinglab's workers
#: tell each other which room changed. Empty: one worker, no Redis.
REDIS_URL = os.environ.get("REFLEX_REDIS_URL", "")

#: The organisation's access key for the records page (/records), where policy teams
#: find the logs of closed workshops. Empty: the records page is switched off.
RECORDS_KEY = os.environ.get("LIVINGLAB_RECORDS_KEY", "")

#: The shortest time between two stories from one phone, in seconds: a stuck or scripted
#: phone cannot fill the wall. 0 switches it off (the browser tests post quickly).
SECONDS_BETWEEN_STORIES = float(os.environ.get("LIVINGLAB_SECONDS_BETWEEN_STORIES", "2"))

#: /metrics for Prometheus is off unless one of these is set: a token the scraper sends as
#: "Authorization: Bearer <token>", or the client addresses allowed to read it
#: (comma-separated, e.g. "127.0.0.1,10.0.0.9"; behind a reverse proxy: the proxy's).
METRICS_TOKEN = os.environ.get("LIVINGLAB_METRICS_TOKEN", "")
METRICS_ALLOW = tuple(
    address.strip()
    for address in os.environ.get("LIVINGLAB_METRICS_ALLOW", "").split(",")
    if address.strip()
)

#: Single sign-on with the organisation's identity provider (OpenID Connect): its issuer
#: address (discovery at <issuer>/.well-known/openid-configuration) and livinglab's client
#: there. Empty issuer: members sign in with passkeys (the embedded default).
OIDC_ISSUER = os.environ.get("LIVINGLAB_OIDC_ISSUER", "").rstrip("/")
OIDC_CLIENT_ID = os.environ.get("LIVINGLAB_OIDC_CLIENT_ID", "")
OIDC_CLIENT_SECRET = os.environ.get("LIVINGLAB_OIDC_CLIENT_SECRET", "")
#: Roles from a claim of the ID token: the claim's name, and "group=role" pairs
#: (comma-separated, e.g. "livinglab-admins=admin,team-participatie=facilitator").
#: Empty: an admin assigns every role on the members page.
OIDC_ROLES_CLAIM = os.environ.get("LIVINGLAB_OIDC_ROLES_CLAIM", "groups")
OIDC_ROLES = os.environ.get("LIVINGLAB_OIDC_ROLES", "")

#: A member's session ends after this many hours without any act.
SESSION_IDLE_HOURS = float(os.environ.get("LIVINGLAB_SESSION_IDLE_HOURS", "12"))

#: Failed sign-ins allowed per client address, and per account, in 15 minutes.
SIGN_IN_FAILURES_PER_ADDRESS = int(os.environ.get("LIVINGLAB_SIGN_IN_FAILURES_PER_ADDRESS", "20"))
SIGN_IN_FAILURES_PER_ACCOUNT = int(os.environ.get("LIVINGLAB_SIGN_IN_FAILURES_PER_ACCOUNT", "5"))
