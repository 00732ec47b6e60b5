"""The house rules, checked on the source: each rule keeps its one home.

- The domain imports nothing from Reflex: only livinglab/web/ and the entry point do.
- Rows are fetched through livinglab/access.py, which checks they are the workshop's.
- The Reflex internals we rely on are named in livinglab/web/reflex_internals.py only.
- Stage names are not compared by hand: the stage policy (workshops.require_stage,
  workshops.stages_allowing) or the Stage enum says which stage allows what.
- No import cycle: the web states and the hub's wiring load without the app module.
"""

import ast
import subprocess
import sys
from pathlib import Path

from livinglab.models import Stage

PACKAGE = Path(__file__).resolve().parent.parent / "livinglab"
WEB = PACKAGE / "web"
#: The Reflex entry point: builds rx.App (the composition root), so it imports Reflex.
ENTRY = PACKAGE / "livinglab.py"
INTERNALS = WEB / "reflex_internals.py"
#: Names that only Reflex's own code is meant to use.
REFLEX_INTERNALS = (
    "_token_manager",
    "app_wraps",
    "_reflex_internal_init",
    "_update_router_vars",
    "reflex_components_core",
)


def _sources(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*.py") if "migrations" not in path.parts)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def _imported(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _domain_modules() -> list[Path]:
    return [path for path in _sources(PACKAGE) if WEB not in path.parents and path != ENTRY]


def test_no_module_outside_the_web_layer_imports_reflex():
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in _imported(_tree(path)) if name.split(".")[0].startswith("reflex")
        )
        for path in _domain_modules()
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def _fetches_by_id(tree: ast.Module) -> list[int]:
    """Lines that fetch a row by its id on a session (`session.get(Model, id)`)."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "session"
    ]


def test_domain_functions_fetch_rows_only_through_the_accessors():
    offenders = {
        str(path.relative_to(PACKAGE)): _fetches_by_id(_tree(path))
        for path in _sources(PACKAGE)
        if path != PACKAGE / "access.py"
    }
    assert {path: lines for path, lines in offenders.items() if lines} == {}


def test_the_check_finds_a_fetch_without_the_accessor():
    """The check above can fail: a hand-written fetch is found."""
    written = "def f(session, theme_id):\n    return session.get(Theme, theme_id)\n"
    assert _fetches_by_id(ast.parse(written)) == [2]


def test_reflex_internals_are_used_in_one_module():
    sources = [*_sources(PACKAGE), *_sources(PACKAGE.parent / "tests")]
    offenders = {
        str(path): [name for name in REFLEX_INTERNALS if name in path.read_text()]
        for path in sources
        if path not in (INTERNALS, Path(__file__).resolve())
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def _stage_literals(tree: ast.Module) -> list[tuple[int, str]]:
    """Comparisons with a stage's name written out (`stage == "closed"`)."""
    names = {stage.value for stage in Stage}
    return [
        (node.lineno, part.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        for part in [node.left, *node.comparators]
        if isinstance(part, ast.Constant) and part.value in names
    ]


def test_stages_are_not_compared_by_name():
    offenders = {
        str(path.relative_to(PACKAGE)): _stage_literals(_tree(path)) for path in _sources(PACKAGE)
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_the_web_states_load_without_the_app_module():
    """The states reach the hub through livinglab.web.room, which never imports the app."""
    probe = (
        "import sys\n"
        "import livinglab.web.state.console, livinglab.web.state.phone, livinglab.web.room\n"
        "assert 'livinglab.livinglab' not in sys.modules, 'import cycle through the app'\n"
        "from livinglab.web import room\n"
        "try:\n"
        "    room.hub()\n"
        "except RuntimeError:\n"
        "    pass\n"
        "else:\n"
        "    raise AssertionError('a hub was built at import time')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
