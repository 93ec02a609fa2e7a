"""The layer rule, read from the sources: packages reach each other through public names only.

Every first-party package is parsed with :mod:`ast` (nothing is imported) and checked for:

* importing a private module of another package (``mock_core._util``), by ``import``, by
  ``from ... import`` or by a dotted string naming it (``importlib.import_module``);
* importing an underscore name from another package (``from mock_core import _deleted``),
  or reading one off its module (``mock_core._x``);
* using one of mock-core's own internal attribute names (``_mock_ring``,
  ``_mock_class_defaults``, ...) outside mock-core, as an attribute or as a string (an
  instance-dict key, a ``getattr`` name);
* writing into a mock's ``_mock_children`` outside mock-core (deferred children and
  adopted children go through :mod:`mock_core.plugins`).

Two exceptions, both listed here: mockkit's ``__init__`` re-exports the standard library's
private names that real code imports from ``unittest.mock`` (``from mock_core import _Call as
_Call``: that re-export is the drop-in's job), and :data:`STDLIB_NAMES`, the standard
library's own private mock attributes, which user code depends on and mockkit keeps.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Import name -> source directory, for every first-party distribution.
PACKAGES = {
    name: ROOT / "packages" / dist / "src" / name
    for dist, name in (
        ("mock-core", "mock_core"),
        ("mock-magic", "mock_magic"),
        ("mock-spec", "mock_spec"),
        ("mock-patch", "mock_patch"),
        ("mockkit", "mockkit"),
        ("mock-extras", "mock_extras"),
    )
}
CORE = "mock_core"

#: The standard library's private attributes of its mocks that packages above mock-core may
#: use: user code and the standard library's own helpers read and write them, so they are
#: part of what mockkit must keep anyway. Nothing mockkit invented belongs here.
STDLIB_NAMES = {
    # A mock's children, read only: writes go through plugins.defer_children / set_child.
    "_mock_children": "read by user code to inspect children; the stdlib's own helpers do",
    # The state that the stdlib's own helpers (_setup_func, MagicMixin, mock_open) set.
    "_mock_name": "a mock's own name, read by user code and reprs",
    "_mock_new_parent": "the parent a call is recorded on, read by user code",
    "_mock_methods": "the spec's attribute names, read by user code",
    "_mock_sealed": "whether seal() reached the mock, read by user code",
    "_mock_return_value": "the configured return value without creating one (stdlib's magics)",
    "_mock_side_effect": "the configured side effect, as the stdlib's magics set it",
    "_mock_delegate": "the function an autospecced mock delegates to (stdlib's _setup_func)",
    "_spec_signature": "the signature calls are bound to, read by user code",
    # Methods the stdlib's documentation and user subclasses rely on.
    "_get_child_mock": "documented hook for the class of children; subclasses override it",
    "_mock_add_spec": "the stdlib's spec-setting step, which mock_add_spec calls",
    "_format_mock_call_signature": "the stdlib's message helper, used by ThreadingMock's",
    "_extract_mock_name": "the stdlib's dotted name of a mock, in __fspath__'s default",
    # The stdlib's private constructor parameters, passed by its own helpers and by users.
    "_new_name": "constructor parameter: the name calls are recorded under",
    "_new_parent": "constructor parameter: the parent calls are recorded on",
    "_spec_as_instance": "constructor parameter: spec an instance of the class",
    "_eat_self": "constructor parameter: the spec's first parameter is bound",
    # Not mock attributes at all: the standard library's markers of coroutine functions.
    "_is_coroutine": "asyncio's marker of a coroutine function, set on function copies",
    "_is_coroutine_marker": "inspect's marker of a coroutine function (3.12.0, 3.12.1)",
}

#: Methods of a dict that change it: called on ``x._mock_children``, they are writes.
_MUTATORS = {"update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__"}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _sources(package: str) -> Iterator[Path]:
    yield from sorted(PACKAGES[package].rglob("*.py"))


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings or bare string statements."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def _core_internals() -> set[str]:
    """mock-core's own underscore attribute names: the private names its classes define, and
    every ``_mock_*`` or ``_spec_*`` name its sources use as an attribute or a key."""
    defined: set[str] = set()
    used: set[str] = set()
    for path in _sources(CORE):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        defined.add(item.name)
                    elif isinstance(item, ast.Assign):
                        defined.update(t.id for t in item.targets if isinstance(t, ast.Name))
                    elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                        defined.add(item.target.id)
            elif isinstance(node, ast.Attribute):
                used.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in skip:
                    used.add(node.value)
    vocabulary = {name for name in used if name.startswith(("_mock_", "_spec_"))}
    return {name for name in defined | vocabulary if _private(name) and name.isidentifier()}


def _written(node: ast.Attribute, parents: dict[int, ast.AST]) -> bool:
    """Whether ``x._mock_children`` is written: item assignment, or a changing method."""
    above = parents.get(id(node))
    if isinstance(above, ast.Subscript):
        return not isinstance(above.ctx, ast.Load)
    return isinstance(above, ast.Attribute) and above.attr in _MUTATORS


def _violations(package: str, core_internals: set[str]) -> list[str]:
    found: list[str] = []
    others = set(PACKAGES) - {package}
    for path in _sources(package):
        where = path.relative_to(ROOT)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        reexports = path == PACKAGES["mockkit"] / "__init__.py"
        # Names bound to another package's modules (``import mock_core``).
        modules: set[str] = set()
        parents: dict[int, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                parents[id(child)] = node
        for node in ast.walk(tree):
            line = f"{where}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    top, *rest = alias.name.split(".")
                    if top not in others:
                        continue
                    if any(part.startswith("_") for part in rest):
                        found.append(f"{line}: imports private module {alias.name}")
                    modules.add(alias.asname or top)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                top, *rest = node.module.split(".")
                if top not in others:
                    continue
                if any(part.startswith("_") for part in rest):
                    found.append(f"{line}: imports private module {node.module}")
                    continue
                for alias in node.names:
                    if not _private(alias.name):
                        continue
                    if reexports and not rest and alias.asname == alias.name:
                        continue  # the drop-in's re-export of a standard library name
                    found.append(f"{line}: imports private name {alias.name} from {node.module}")
            elif isinstance(node, ast.ClassDef):
                for item in node.body:
                    defined: list[str] = []
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        defined = [item.name]
                    elif isinstance(item, ast.Assign):
                        defined = [t.id for t in item.targets if isinstance(t, ast.Name)]
                    elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                        defined = [item.target.id]
                    for name in defined:
                        if name in core_internals and name not in STDLIB_NAMES:
                            found.append(
                                f"{where}:{item.lineno}: defines mock-core's internal "
                                f"attribute {name} on {node.name}"
                            )
            elif isinstance(node, ast.Attribute):
                if (
                    isinstance(node.value, ast.Name)
                    and node.value.id in modules
                    and _private(node.attr)
                ):
                    found.append(f"{line}: reads private {node.value.id}.{node.attr}")
                elif node.attr in core_internals and node.attr not in STDLIB_NAMES:
                    found.append(f"{line}: uses mock-core's internal attribute {node.attr}")
                if node.attr == "_mock_children" and _written(node, parents):
                    found.append(f"{line}: writes into _mock_children")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in skip:
                    continue
                text = node.value
                top, _, rest = text.partition(".")
                if top in others and any(p.startswith("_") for p in rest.split(".") if p):
                    if all(part.isidentifier() for part in text.split(".")):
                        found.append(f"{line}: names private module {text}")
                elif text in core_internals and text not in STDLIB_NAMES:
                    found.append(f"{line}: uses mock-core's internal attribute {text!r}")
    return found


@pytest.fixture(scope="module")
def core_internals() -> set[str]:
    return _core_internals()


def test_core_internals_are_found(core_internals: set[str]) -> None:
    # The check below is only as good as this set: it must hold what core keeps to itself.
    assert {"_mock_ring", "_mock_class_defaults", "_mock_reset_hook", "_mock_sig_source"} <= (
        core_internals
    )
    assert "_mock_children" in core_internals


@pytest.mark.parametrize("package", sorted(set(PACKAGES) - {CORE}))
def test_package_uses_only_public_names_of_the_others(
    package: str, core_internals: set[str]
) -> None:
    found = _violations(package, core_internals)
    assert not found, f"{len(found)} private uses:\n" + "\n".join(found)


def test_stdlib_allow_list_is_of_names_core_uses(core_internals: set[str]) -> None:
    # A stale entry would silently allow a name: every entry is one mock-core really has.
    constructor = {"_new_name", "_new_parent", "_spec_as_instance", "_eat_self"}
    assert set(STDLIB_NAMES) - constructor <= core_internals


BAD_SOURCE = """
import mock_core
import mock_core._util
from mock_core._classes import settle
from mock_core import _deleted
from mock_core.plugins import is_mock


class Sneaky:
    _mock_class_defaults = None


def f(mock):
    mock_core._is_list([])
    mock._mock_ring
    mock.__dict__.get("_mock_sig_source")
    mock._mock_children["x"] = 1
    mock._mock_children.update({})
    __import__("mock_core._util")
    return mock._mock_children.get("x"), mock._mock_name, is_mock(mock)
"""


def test_every_kind_of_private_use_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, core_internals: set[str]
) -> None:
    package = tmp_path / "mock_magic"
    package.mkdir()
    (package / "bad.py").write_text(BAD_SOURCE, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    monkeypatch.setitem(PACKAGES, "mock_magic", package)
    found = [line.split(": ", 1)[1] for line in _violations("mock_magic", core_internals)]
    assert sorted(found) == sorted([
        "imports private module mock_core._util",
        "imports private module mock_core._classes",
        "imports private name _deleted from mock_core",
        "defines mock-core's internal attribute _mock_class_defaults on Sneaky",
        "reads private mock_core._is_list",
        "uses mock-core's internal attribute _mock_ring",
        "uses mock-core's internal attribute '_mock_sig_source'",
        "writes into _mock_children",
        "writes into _mock_children",
        "names private module mock_core._util",
    ])  # fmt: skip
