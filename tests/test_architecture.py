"""The house rules, checked on the source: each rule keeps its one home.

- The domain imports nothing from Reflex: only livinglab/web/ and the entry point do.
- Rows are fetched through livinglab/access.py, which checks they are the workshop's.
- The Reflex internals we rely on are named in livinglab/web/reflex_internals.py only;
  everywhere else only Reflex's public API (`import reflex as rx`, reflex.testing in tests).
- Only the stage policy (livinglab/workshops.py) compares stages; pages and other modules
  ask it (`allows`, `shows`, `is_closed`, ...), never naming a stage in a comparison or match.
- No import cycle between livinglab modules, also through imports inside functions; the
  web states and the hub's wiring load without the app module.

Each rule has a case showing that its check can fail.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

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


#: Reflex's public API, the only Reflex a module outside web/reflex_internals.py may use:
#: `import reflex as rx` and what `rx.` offers, except its modules below; in tests also
#: `reflex.testing` (AppHarness, documented for browser tests). Anything else (`from
#: reflex import constants`, `reflex.utils`, `reflex.config`, `reflex.state`,
#: `reflex.istate`, `reflex.app`, `reflex_components_*`, ...) is an internal.
PUBLIC_IN_TESTS = ("reflex.testing",)
#: Reflex's modules reached through `rx.`: internals too (`rx.utils.prerequisites`).
REFLEX_MODULES = ("app", "base", "compiler", "config", "constants", "istate", "state", "utils")


def _is_reflex(module: str) -> bool:
    return module.split(".")[0] == "reflex" or module.startswith("reflex_")


def _is_build_path(text: str) -> bool:
    """A path into the folder Reflex builds the frontend in (`.web/...`)."""
    return text == ".web" or text.startswith(".web/") or "/.web/" in text or text.endswith("/.web")


def _reflex_internals(source: str, *, in_tests: bool = False) -> list[tuple[int, str]]:
    """Uses of Reflex beyond its public API: internal imports, `rx.<module>`, private
    names, and (outside the tests, where `.web/` is only the CLI's output folder to
    leave alone) paths into Reflex's build folder."""
    public = PUBLIC_IN_TESTS if in_tests else ()
    found = [
        (number, name)
        for number, line in enumerate(source.splitlines(), start=1)
        for name in REFLEX_INTERNALS
        if name in line
    ]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [
                (node.lineno, alias.name)
                for alias in node.names
                if _is_reflex(alias.name)
                and not (alias.name == "reflex" and alias.asname == "rx")
                and not alias.name.startswith(public)
            ]
        elif isinstance(node, ast.ImportFrom) and node.module and _is_reflex(node.module):
            if not node.module.startswith(public):
                found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "rx"
            and node.attr in REFLEX_MODULES
        ):
            found.append((node.lineno, f"rx.{node.attr}"))
        elif (
            not in_tests
            and isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _is_build_path(node.value)
        ):
            found.append((node.lineno, node.value))
    return sorted(set(found))


def test_reflex_internals_are_used_in_one_module():
    offenders = {
        str(path.relative_to(PACKAGE.parent)): _reflex_internals(
            path.read_text(), in_tests=PACKAGE not in path.parents
        )
        for path in [*_sources(PACKAGE), *_sources(PACKAGE.parent / "tests")]
        if path not in (INTERNALS, Path(__file__).resolve())
    }
    assert {path: found for path, found in offenders.items() if found} == {}


@pytest.mark.parametrize(
    "written",
    [
        "from reflex import constants\n",
        "from reflex.utils import prerequisites\n",
        "import reflex.istate.manager\n",
        "from reflex.config import get_config\n",
        "from reflex_components_core.core.banner import has_connection_errors\n",
        "import reflex as rx\nweb = rx.utils.prerequisites.get_web_dir()\n",
        "from reflex.testing import AppHarness\n",
        "from pathlib import Path\npages = Path('.web/build/client')\n",
        "root = State(_reflex_internal_init=True)\n",
    ],
)
def test_the_check_finds_a_reflex_internal(written):
    """The check above can fail: each of these, in livinglab/, is an internal."""
    assert _reflex_internals(written) != []


def test_the_public_reflex_api_passes_the_check():
    in_a_test = (
        "import reflex as rx\nfrom reflex.testing import AppHarness\nrx.el.div(rx.cond(x, y))\n"
    )
    assert _reflex_internals(in_a_test, in_tests=True) == []
    assert _reflex_internals("import reflex as rx\nbox = rx.el.div()\n") == []


STAGE_NAMES = {stage.value for stage in Stage}
#: The one module that compares stages: it is the stage policy. Every other module asks it
#: (pages: `allows`, `shows`, `by_screen`, `can_move`, `themed` in components/common.py;
#: the rest: `is_closed`, `is_themed`, `closed_condition`, `closing_condition`).
POLICY = PACKAGE / "workshops.py"
#: The policy's own tables: compared by hand, they are a second copy of the policy.
POLICY_TABLES = ("THEMED_STAGES", "STAGE_POLICY", "STAGE_SCREEN", "STAGE_FOCUS")


def _names_a_stage(node: ast.AST) -> str | None:
    """The stage (or the policy table) `node` names: "closed", Stage.CLOSED,
    Stage.CLOSED.value, STAGES[-1], THEMED_STAGES; None for anything else."""
    if isinstance(node, ast.Constant) and node.value in STAGE_NAMES:
        return node.value
    if isinstance(node, ast.Attribute) and node.attr == "value":
        node = node.value
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Stage"
        and node.attr in Stage.__members__
    ):
        return f"Stage.{node.attr}"
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return "STAGES[]" if node.value.id == "STAGES" else None
    if isinstance(node, ast.Name) and node.id in POLICY_TABLES:
        return node.id
    return None


def _stages_in(node: ast.AST) -> list[str]:
    """The stages `node` names, itself or as an element of a tuple, list or set."""
    parts = node.elts if isinstance(node, ast.Tuple | ast.List | ast.Set) else [node]
    return [name for part in parts if (name := _names_a_stage(part))]


def _is_match(call: ast.Call) -> bool:
    name = call.func
    return (isinstance(name, ast.Attribute) and name.attr == "match") or (
        isinstance(name, ast.Name) and name.id == "match"
    )


def _stage_comparisons(tree: ast.Module) -> list[tuple[int, str]]:
    """Stages compared by hand: `stage == "closed"`, `P.stage == Stage.SENSEMAKING.value`,
    `stage in ("collect", Stage.CLOSED)`, and stages as `rx.match` cases."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            found += [
                (node.lineno, name)
                for part in [node.left, *node.comparators]
                for name in _stages_in(part)
            ]
        elif isinstance(node, ast.Call) and _is_match(node):
            found += [
                (case.lineno, name)
                for case in node.args[1:]
                if isinstance(case, ast.Tuple)
                for key in case.elts[:-1]
                for name in _stages_in(key)
            ]
    return found


def test_only_the_stage_policy_compares_stages():
    offenders = {
        str(path.relative_to(PACKAGE)): _stage_comparisons(_tree(path))
        for path in _sources(PACKAGE)
        if path != POLICY
    }
    assert {path: found for path, found in offenders.items() if found} == {}


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ('closed = workshop.stage == "closed"\n', "closed"),
        ("shown = P.stage == Stage.SENSEMAKING.value\n", "Stage.SENSEMAKING"),
        ("late = stage != Stage.CLOSED\n", "Stage.CLOSED"),
        ('busy = stage in ("collect", "closed")\n', "collect"),
        ("done = x not in {Stage.CLOSED}\n", "Stage.CLOSED"),
        ("themed = stage in [Stage.DIALOGUE]\n", "Stage.DIALOGUE"),
        ("first = F.stage == STAGES[0].value\n", "STAGES[]"),
        ("grouped = stage in THEMED_STAGES\n", "THEMED_STAGES"),
        ("rx.match(P.stage, (Stage.CLOSED.value, done()), rx.fragment())\n", "Stage.CLOSED"),
        ('rx.match(P.stage, ("collect", "welcome", form()), rx.fragment())\n', "collect"),
    ],
)
def test_the_check_finds_a_stage_compared_by_hand(written, named):
    """The check above can fail: each of these names a stage outside the policy."""
    assert named in [name for _line, name in _stage_comparisons(ast.parse(written))]


def test_asking_the_policy_passes_the_stage_check():
    written = (
        "shown = allows(P, Act.POST) & shows(P, Screen.OUTCOME)\n"
        "if is_closed(workshop) or stage not in STAGES:\n    pass\n"
        "rx.match(P.stage, ('x', a()), b())\n"
    )
    assert _stage_comparisons(ast.parse(written)) == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports_of(module: str, tree: ast.Module, *, is_package: bool, known: set[str]) -> set[str]:
    """The livinglab modules `module` imports anywhere in it (also inside functions).

    `from livinglab import a` imports the module livinglab.a when there is one, else the
    package; a submodule brings its packages' `__init__` along (not its own packages': they
    are loaded before it, whatever it imports)."""

    def known_prefix(name: str) -> str | None:
        parts = name.split(".")
        for end in range(len(parts), 0, -1):
            if ".".join(parts[:end]) in known:
                return ".".join(parts[:end])
        return None

    targets: set[str | None] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(known_prefix(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module if is_package else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            for alias in node.names:
                child = f"{base}.{alias.name}"
                targets.add(child if child in known else known_prefix(base))
    own_packages = {module.rsplit(".", depth)[0] for depth in range(1, module.count(".") + 1)}
    imported = set()
    for target in targets - {None}:
        parts = target.split(".")
        imported.update(
            package
            for end in range(1, len(parts))
            if (package := ".".join(parts[:end])) in known and package not in own_packages
        )
        imported.add(target)
    return imported - {module} - own_packages


def _import_graph(modules: dict[str, tuple[ast.Module, bool]]) -> dict[str, set[str]]:
    """Who imports whom among `modules` (name: its tree and whether it is a package)."""
    known = set(modules)
    return {
        name: _imports_of(name, tree, is_package=is_package, known=known)
        for name, (tree, is_package) in modules.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[str]:
    """One cycle through each group of modules that import each other, "a -> b -> a"."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(name: str) -> None:  # Tarjan's strongly connected components
        index[name] = low[name] = len(index)
        stack.append(name)
        for target in sorted(graph.get(name, ())):
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            group = set()
            while (member := stack.pop()) != name:
                group.add(member)
            group.add(name)
            if len(group) > 1:
                groups.append(group)

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(_shortest_cycle(graph, group) for group in groups)


def _shortest_cycle(graph: dict[str, set[str]], group: set[str]) -> str:
    """The shortest way round from the group's first module back to it."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        name = queue.pop(0)
        for target in sorted(graph[name] & group):
            if target == start:
                return " -> ".join([*paths[name], start])
            if target not in paths:
                paths[target] = [*paths[name], target]
                queue.append(target)
    raise AssertionError(group)


def test_no_import_cycle_between_livinglab_modules():
    """Also through imports inside functions: such a cycle only waits for another caller."""
    graph = _import_graph(
        {
            _module_name(path): (_tree(path), path.name == "__init__.py")
            for path in _sources(PACKAGE)
        }
    )
    assert _cycles(graph) == []


def test_the_check_finds_an_import_cycle_inside_a_function():
    """The check above can fail: a cycle closed by an import inside a function is found,
    through `from livinglab import a, b`, `from .x import y` and `from . import y`."""
    written = {
        "livinglab": ("", True),
        "livinglab.rooms": ("from livinglab import notes, codes\n", False),
        "livinglab.codes": ("X = 1\n", False),
        "livinglab.notes": ("def f():\n    from .search import find\n", False),
        "livinglab.search": ("import livinglab.rooms\n", False),
        "livinglab.shelf": ("", True),
        "livinglab.shelf.book": ("from . import page\n", False),
        "livinglab.shelf.page": ("def g():\n    from livinglab.shelf import book\n", False),
    }
    graph = _import_graph(
        {name: (ast.parse(text), package) for name, (text, package) in written.items()}
    )
    assert _cycles(graph) == [
        "livinglab.notes -> livinglab.search -> livinglab.rooms -> livinglab.notes",
        "livinglab.shelf.book -> livinglab.shelf.page -> livinglab.shelf.book",
    ]


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
