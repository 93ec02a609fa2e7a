"""Packaging: every package builds and installs from local wheels; mock-core stands alone.

Wheels come from MOCKKIT_WHEELS (the directory nox built them into) or are built here;
the documented way to install one piece runs against MOCKKIT_DIST (``nox -s build``'s dist/,
wheels and sdists) when given, else against those wheels.
Fresh environments are made with the standard library's venv, and our distributions are
only ever installed with the package index switched off.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("mock-core", "mock-magic", "mock-spec", "mock-patch", "mockkit", "mock-extras")
# Opt-in extras: no other distribution requires or imports it.
EXTRAS = "mock-extras"
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
    assert _installed(python) & set(PACKAGES) == set(PACKAGES) - {EXTRAS}
    _pip(python, "check")
    _run(python, "-I", "-c", "import mockkit, mockkit.swap")


def _modules_after_import(name: str) -> set[str]:
    code = f"import sys, json; import {name}; print(json.dumps(sorted(sys.modules)))"
    return set(json.loads(_run(sys.executable, "-I", "-c", code)))


def test_importing_mock_core_loads_no_sibling() -> None:
    # Every sibling is installed here (and registers plugins): core still must not load them.
    loaded = {module.split(".")[0] for module in _modules_after_import("mock_core")}
    assert loaded.isdisjoint(set(IMPORT_NAMES) - {"mock_core"})


@pytest.mark.parametrize("name", sorted(set(IMPORT_NAMES) - {"mock_extras"}))
def test_no_other_package_loads_mock_extras(name: str) -> None:
    # Nobody re-exports the extras: importing any other package leaves them unloaded.
    assert "mock_extras" not in _modules_after_import(name)


def test_no_other_package_source_mentions_mock_extras() -> None:
    # Not even lazily: a mention in another package's sources would be an import waiting.
    for dist in PACKAGES:
        if dist == EXTRAS:
            continue
        for path in (ROOT / "packages" / dist / "src").rglob("*.py"):
            assert "mock_extras" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("name", IMPORT_NAMES)
@pytest.mark.parametrize("heavy", ["asyncio", "inspect"])
def test_import_does_not_load_heavy_modules(name: str, heavy: str) -> None:
    assert heavy not in _modules_after_import(name)


# -- installing one piece from a checkout ---------------------------------------------------

# What each piece pulls in with the documented command: itself and the siblings it declares.
PIECES = {
    "mock-core": {"mock-core"},
    "mock-magic": {"mock-core", "mock-magic"},
    "mock-spec": {"mock-core", "mock-magic", "mock-spec"},
    "mock-patch": {"mock-core", "mock-magic", "mock-patch"},
    "mock-patch[spec]": {"mock-core", "mock-magic", "mock-spec", "mock-patch"},
    "mockkit": set(PACKAGES) - {EXTRAS},
    "mock-extras": {"mock-core", "mock-extras"},
}
# The one command README.md and docs/getting-started.rst give for it, the piece last.
_INSTALL = re.compile(r"python3? -m pip install --no-index --find-links dist/ \S+")


def _documented_installs(path: Path, start: str, end: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    section = text.split(start, 1)[1].split(end, 1)[0]
    return _INSTALL.findall(section)


def _readme_installs() -> list[str]:
    return _documented_installs(ROOT / "README.md", "## Installing one piece", "\n## ")


def _getting_started_installs() -> list[str]:
    return _documented_installs(
        # Up to the next heading: a line of the section's prose may start with ``mock-core``.
        ROOT / "docs" / "getting-started.rst",
        "Installing one piece\n---",
        "\n``mock-core``: the mock objects\n",
    )


def test_readme_and_getting_started_give_the_same_install_command() -> None:
    readme = _readme_installs()
    assert readme == ['python3 -m pip install --no-index --find-links dist/ "mock-patch[spec]"']
    assert _getting_started_installs() == readme


def test_the_pieces_depend_on_nothing_but_each_other() -> None:
    # --no-index keeps every other distribution out too: a third-party dependency would make
    # the documented command fail, so none is allowed (nor an undeclared extra).
    tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs 3.11")
    for dist in PACKAGES:
        text = (ROOT / "packages" / dist / "pyproject.toml").read_text(encoding="utf-8")
        project = tomllib.loads(text)["project"]
        extras = project.get("optional-dependencies", {})
        requirements = [*project["dependencies"], *(r for rs in extras.values() for r in rs)]
        names = {re.split(r"[\s\[<>=!~;@]", r, maxsplit=1)[0] for r in requirements}
        assert names <= set(PACKAGES), (dist, names)
        # Exactly this release of each sibling: they are built and released together.
        assert all(r.endswith(f"=={project['version']}") for r in requirements), requirements


@pytest.fixture(scope="module")
def dist(request: pytest.FixtureRequest) -> Path:
    """``nox -s build``'s output when the build session runs this, else the wheels."""
    given = os.environ.get("MOCKKIT_DIST")
    if given:
        return Path(given)
    wheels: Path = request.getfixturevalue("wheels")  # built only when needed
    return wheels


@pytest.mark.slow
def test_the_documented_install_of_one_piece_works_offline(dist: Path, tmp_path: Path) -> None:
    (command,) = _readme_installs()
    python = _new_env(tmp_path / "env")
    # Run as written, from a directory where dist/ is the built artifacts, with the venv's
    # interpreter as python3. The index points at a closed local port: pip would report a
    # failed connection there if the command asked the index for anything.
    workdir = tmp_path / "checkout"
    workdir.mkdir()
    (workdir / "dist").symlink_to(dist, target_is_directory=True)
    argv = shlex.split(command)
    argv[0] = str(python)
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_"))}
    environ["PIP_INDEX_URL"] = "http://127.0.0.1:9/simple/"
    environ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    result = subprocess.run(
        argv, capture_output=True, text=True, check=False, cwd=workdir, env=environ
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "127.0.0.1" not in output, output
    assert _installed(python) & set(PACKAGES) == PIECES[argv[-1]]
    _pip(python, "check")
    # The piece works, with what its extra adds: autospec needs mock-spec.
    _run(
        python, "-I", "-c",
        "import os\n"
        "from mock_patch import patch\n"
        "with patch('os.getcwd', autospec=True) as getcwd:\n"
        "    os.getcwd()\n"
        "getcwd.assert_called_once_with()\n",
    )  # fmt: skip
