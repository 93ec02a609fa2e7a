"""The layer rule, executed: this environment holds mock-extras and what it declares, no more.

``nox -s tests`` installs each package alone with its declared dependencies and sets
MOCKKIT_ISOLATED=1; in a workspace with every package installed these checks are skipped.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

DIST = "mock-extras"
IMPORT_NAME = "mock_extras"
DECLARED: set[str] = {"mock-core"}
SIBLINGS = {"mock-core", "mock-magic", "mock-spec", "mock-patch", "mockkit", "mock-extras"}

isolated = pytest.mark.skipif(
    os.environ.get("MOCKKIT_ISOLATED") != "1", reason="only in the per-package nox session"
)


def _installed(dist: str) -> bool:
    try:
        metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return False
    return True


# Run from the source tree (PYTHONPATH=packages/*/src) there is no metadata to read.
installed = pytest.mark.skipif(not _installed(DIST), reason=f"{DIST} is not installed")


@installed
def test_declares_exactly_its_siblings_pinned_to_its_version() -> None:
    version = metadata.version(DIST)
    requirements = metadata.requires(DIST) or []
    required = {r.replace(" ", "") for r in requirements if "extra" not in r.partition(";")[2]}
    assert required == {f"{d}=={version}" for d in DECLARED}


@installed
def test_ships_py_typed() -> None:
    direct = metadata.distribution(DIST).read_text("direct_url.json") or ""
    if '"editable": true' in direct.replace(" ", "").replace(":true", ": true"):
        # An editable install lists no package files: check what the wheel is built from.
        assert (Path(__file__).resolve().parents[1] / "src" / IMPORT_NAME / "py.typed").is_file()
        return
    files = metadata.files(DIST) or []
    assert any(f.name == "py.typed" and f.parent.name == IMPORT_NAME for f in files)


@isolated
def test_only_declared_siblings_are_installed() -> None:
    assert {d for d in SIBLINGS if _installed(d)} == {DIST} | DECLARED


@isolated
@pytest.mark.parametrize("dist", sorted(SIBLINGS - DECLARED - {DIST}))
def test_undeclared_sibling_is_not_importable(dist: str) -> None:
    assert importlib.util.find_spec(dist.replace("-", "_")) is None


def _imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
            names.add(node.module)
    return names


SOURCES = Path(__file__).resolve().parents[1] / "src" / "mock_extras"


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.py")), ids=lambda p: p.name)
def test_imports_only_mock_core_and_only_its_public_names(path: Path) -> None:
    # The layer rule: of the siblings, only mock-core, and never a private module or name.
    siblings = {d.replace("-", "_") for d in SIBLINGS - {DIST}}
    for name in _imports_of(path):
        top = name.split(".")[0]
        if top in siblings:
            assert top == "mock_core", (path.name, name)
            assert not any(part.startswith("_") for part in name.split(".")), (path.name, name)


def test_importing_mock_extras_loads_no_other_sibling() -> None:
    code = "import sys, json, mock_extras; print(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = {name.split(".")[0] for name in json.loads(output)}
    others = {d.replace("-", "_") for d in SIBLINGS - {DIST, "mock-core"}}
    assert loaded.isdisjoint(others)
    # Light: no heavy module, no pytest.
    assert loaded.isdisjoint({"inspect", "asyncio", "pytest", "difflib", "pprint"})
