"""The layer rule, executed: this environment holds mockkit and what it declares, no more.

``nox -s tests`` installs each package alone with its declared dependencies and sets
MOCKKIT_ISOLATED=1; in a workspace with every package installed these checks are skipped.
"""

from __future__ import annotations

import importlib.util
import os
from importlib import metadata

import pytest

DIST = "mockkit"
IMPORT_NAME = "mockkit"
DECLARED: set[str] = {"mock-core", "mock-magic", "mock-patch", "mock-spec"}
SIBLINGS = {"mock-core", "mock-magic", "mock-spec", "mock-patch", "mockkit"}

isolated = pytest.mark.skipif(
    os.environ.get("MOCKKIT_ISOLATED") != "1", reason="only in the per-package nox session"
)


def _installed(dist: str) -> bool:
    try:
        metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return False
    return True


def test_declares_exactly_its_siblings_pinned_to_its_version() -> None:
    version = metadata.version(DIST)
    requirements = metadata.requires(DIST) or []
    required = {r.replace(" ", "") for r in requirements if "extra" not in r.partition(";")[2]}
    assert required == {f"{d}=={version}" for d in DECLARED}


# The pytest plugin is a top-level package of this distribution (_mockkit_pytest says why).
@pytest.mark.parametrize("package", [IMPORT_NAME, "_mockkit_pytest"])
def test_ships_py_typed(package: str) -> None:
    files = metadata.files(DIST) or []
    assert any(f.name == "py.typed" and f.parent.name == package for f in files)


@isolated
def test_only_declared_siblings_are_installed() -> None:
    assert {d for d in SIBLINGS if _installed(d)} == {DIST} | DECLARED


@isolated
@pytest.mark.parametrize("dist", sorted(SIBLINGS - DECLARED - {DIST}))
def test_undeclared_sibling_is_not_importable(dist: str) -> None:
    assert importlib.util.find_spec(dist.replace("-", "_")) is None
