"""Packaging: every package builds and installs from local wheels; mock-core stands alone.

Wheels come from MOCKKIT_WHEELS (the directory nox built them into) or are built here.
Fresh environments are made with the standard library's venv, and our distributions are
only ever installed with the package index switched off.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("mock-core", "mock-magic", "mock-spec", "mock-patch", "mockkit")
IMPORT_NAMES = tuple(dist.replace("-", "_") for dist in PACKAGES)
VERSION = "0.1.0"


def _run(*args: object) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _new_env(path: Path) -> Path:
    """A fresh virtual environment with pip; returns its interpreter."""
    venv.create(path, with_pip=True, clear=True)
    scripts = "Scripts" if os.name == "nt" else "bin"
    return path / scripts / ("python.exe" if os.name == "nt" else "python")


def _pip(python: Path, *args: object) -> None:
    _run(python, "-m", "pip", "--quiet", "--disable-pip-version-check", *args)


def _pip_install_local(python: Path, wheels: Path, *requirements: str) -> None:
    """Install from the local wheels only: our names may exist on the public index."""
    _pip(python, "install", "--no-index", "--find-links", wheels, *requirements)


def _installed(python: Path) -> set[str]:
    code = (
        "import json, importlib.metadata as m;"
        "print(json.dumps([d.metadata['Name'] for d in m.distributions()]))"
    )
    return {name.lower() for name in json.loads(_run(python, "-I", "-c", code))}


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("MOCKKIT_WHEELS")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("wheels")
    builder = _new_env(tmp_path_factory.mktemp("builder"))
    for dist in PACKAGES:
        _pip(builder, "wheel", "--no-deps", "-w", out, ROOT / "packages" / dist)
    return out


@pytest.mark.parametrize("dist", PACKAGES)
def test_every_package_builds_a_wheel(wheels: Path, dist: str) -> None:
    assert (wheels / f"{dist.replace('-', '_')}-{VERSION}-py3-none-any.whl").is_file()


def test_mock_core_installs_alone(wheels: Path, tmp_path: Path) -> None:
    python = _new_env(tmp_path / "env")
    _pip_install_local(python, wheels, "mock-core")
    assert _installed(python) & set(PACKAGES) == {"mock-core"}
    _run(python, "-I", "-c", "import mock_core")


def test_mockkit_installs_its_siblings_from_local_wheels(wheels: Path, tmp_path: Path) -> None:
    python = _new_env(tmp_path / "env")
    _pip_install_local(python, wheels, "mockkit", "mock-patch[spec]")
    assert _installed(python) >= set(PACKAGES)
    _pip(python, "check")
    _run(python, "-I", "-c", "import mockkit, mockkit.swap")


def _modules_after_import(name: str) -> set[str]:
    code = f"import sys, json; import {name}; print(json.dumps(sorted(sys.modules)))"
    return set(json.loads(_run(sys.executable, "-I", "-c", code)))


def test_importing_mock_core_loads_no_sibling() -> None:
    # Every sibling is installed here (and registers plugins): core still must not load them.
    loaded = {module.split(".")[0] for module in _modules_after_import("mock_core")}
    assert loaded.isdisjoint(set(IMPORT_NAMES) - {"mock_core"})


@pytest.mark.parametrize("name", IMPORT_NAMES)
@pytest.mark.parametrize("heavy", ["asyncio", "inspect"])
def test_import_does_not_load_heavy_modules(name: str, heavy: str) -> None:
    assert heavy not in _modules_after_import(name)
