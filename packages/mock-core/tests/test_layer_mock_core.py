"""The layer rule, executed: this environment holds mock-core and what it declares, no more.

``nox -s tests`` installs each package alone with its declared dependencies and sets
MOCKKIT_ISOLATED=1; in a workspace with every package installed these checks are skipped.
"""

from __future__ import annotations

import importlib.util
import os
from importlib import metadata

import pytest

DIST = "mock-core"
IMPORT_NAME = "mock_core"
DECLARED: set[str] = set()
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
    files = metadata.files(DIST) or []
    assert any(f.name == "py.typed" and f.parent.name == IMPORT_NAME for f in files)


@isolated
def test_only_declared_siblings_are_installed() -> None:
    assert {d for d in SIBLINGS if _installed(d)} == {DIST} | DECLARED


@isolated
@pytest.mark.parametrize("dist", sorted(SIBLINGS - {DIST}))
def test_undeclared_sibling_is_not_importable(dist: str) -> None:
    assert importlib.util.find_spec(dist.replace("-", "_")) is None


@isolated
def test_without_mock_spec_a_keyword_mismatch_says_to_install_it() -> None:
    # The standard library passes this assertion (it binds both calls to f's signature);
    # mock-core alone cannot bind them, and its failure must not leave the user guessing.
    from mock_core import Mock

    def f(a: int, b: int) -> None:
        pass

    m = Mock(spec=f)
    m(1, 2)
    with pytest.raises(AssertionError, match=r"'mock-spec' distribution: pip install mock-spec$"):
        m.assert_called_with(a=1, b=2)
