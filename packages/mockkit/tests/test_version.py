"""mockkit.__version__ agrees with the package metadata and pyproject.toml."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

import mockkit

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_version_matches_installed_metadata() -> None:
    assert mockkit.__version__ == version("mockkit")


@pytest.mark.skipif(not PYPROJECT.exists(), reason="run outside the source checkout")
def test_version_matches_pyproject() -> None:
    found = re.search(r'^version = "([^"]+)"$', PYPROJECT.read_text(encoding="utf-8"), re.M)
    assert found is not None
    assert mockkit.__version__ == found.group(1)


@pytest.mark.parametrize("dist", ["mock-core", "mock-magic", "mock-spec", "mock-patch"])
def test_siblings_share_the_version(dist: str) -> None:
    assert version(dist) == mockkit.__version__
