"""The composition root: what follows a committed change, wired once for the app and the
command line alike (cosmicpython's bootstrap). Derived data lives here, not in the writers:
closing seals the record, and the search follows every sealed version, a reopening and a
follow-up, in the same transaction (livinglab/changes.py runs them before the commit).
"""

from livinglab import changes
from livinglab.changes import Change
from livinglab.records import search, versions


def wire() -> None:
    """Register every handler (idempotent: the app, the CLI and the tests all call it)."""
    changes.follow(Change.CLOSED, versions.seal_on_closing)
    for kind in (Change.RECORD, Change.REOPENED, Change.FOLLOWED_UP):
        changes.follow(kind, search.index_workshop)
