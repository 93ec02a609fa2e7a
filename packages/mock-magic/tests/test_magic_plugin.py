"""mock-magic plugs into mock-core: imported, or only installed and found by entry point."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import venv
from pathlib import Path
from typing import Any

import pytest

import mock_core
import mock_magic
from mock_core import Mock, NonCallableMock, plugins
from mock_magic import _all_magics, _unsupported_magics
from mock_magic._plugin import register

PACKAGE = Path(__file__).resolve().parents[1]
PACKAGES = PACKAGE.parent
# Where the two packages are imported from here: the source trees, or an installation.
SOURCES = [
    str(Path(module.__file__ or "").resolve().parents[1]) for module in (mock_core, mock_magic)
]


def _python(code: str, *, path: list[str], env: dict[str, str] | None = None) -> str:
    """Run ``code`` in a fresh interpreter with ``path`` as its PYTHONPATH; returns stdout."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environment["PYTHONPATH"] = os.pathsep.join(path)
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _fake_installation(root: Path) -> Path:
    """A site directory holding only mock-magic's metadata: its entry point, not its code."""
    info = root / "mock_magic-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: mock-magic\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(
        "[mock_core.plugins]\nmock_magic = mock_magic._plugin:register\n"
    )
    return root


PLAIN_MOCK_SCRIPT = """
    import sys
    import mock_core
    assert "mock_magic" not in sys.modules
    mock = mock_core.Mock()
    mock.__iter__ = lambda self: iter([1, 2])
    mock.__len__ = mock_core.Mock(return_value=5)
    print(list(mock), len(mock), "mock_magic" in sys.modules)
"""


# -- registered on import ----------------------------------------------------------


def test_importing_mock_magic_registers_its_table() -> None:
    table = plugins.magic_table()
    assert table is not None
    assert table.supported == frozenset(_all_magics)
    assert table.unsupported == frozenset(_unsupported_magics)


def test_register_is_idempotent() -> None:
    before = (plugins.magic_table(), list(mock_core._registry.registry.child_rules))
    register()
    register()
    assert (plugins.magic_table(), list(mock_core._registry.registry.child_rules)) == before


def test_plain_mock_accepts_magics_once_mock_magic_is_imported() -> None:
    mock: Any = Mock()
    mock.__iter__ = lambda self: iter([3])
    mock.__getitem__ = Mock(side_effect=lambda key: key + 1)
    assert list(mock) == [3]
    assert mock[1] == 2
    assert mock.mock_calls == [mock_core.call.__getitem__(1)]
    assert not hasattr(Mock(), "__getitem__")
    other: Any = NonCallableMock()
    other.__len__ = lambda self: 2
    assert len(other) == 2


def test_plain_mock_still_refuses_unsupported_magics() -> None:
    with pytest.raises(AttributeError, match="Attempting to set unsupported magic method"):
        setattr(Mock(), "__getattr__", lambda self, name: 1)


# -- installed but not imported ----------------------------------------------------


def test_entry_point_is_declared_in_pyproject() -> None:
    text = (PACKAGE / "pyproject.toml").read_text(encoding="utf-8")
    if sys.version_info >= (3, 11):
        import tomllib

        points = tomllib.loads(text)["project"]["entry-points"]["mock_core.plugins"]
        assert points == {"mock_magic": "mock_magic._plugin:register"}
    section = text.split('[project.entry-points."mock_core.plugins"]', 1)[1]
    assert re.match(r'\s*mock_magic\s*=\s*"mock_magic\._plugin:register"', section)


def test_installed_but_not_imported_is_found_through_its_entry_point(tmp_path: Path) -> None:
    site = _fake_installation(tmp_path / "site")
    out = _python(PLAIN_MOCK_SCRIPT, path=[str(site), *SOURCES])
    assert out.split() == ["[1,", "2]", "5", "True"]


def test_discovery_can_be_switched_off(tmp_path: Path) -> None:
    site = _fake_installation(tmp_path / "site")
    # Discovery off: where mock-magic is installed, its entry point would supply the tables.
    code = """
        import os
        os.environ["MOCK_CORE_DISABLE_PLUGIN_DISCOVERY"] = "1"
        import mock_core
        try:
            mock_core.Mock().__iter__ = lambda self: iter([])
        except mock_core.MissingPluginError as exc:
            print(type(exc).__name__, "mock-magic" in str(exc))
    """
    out = _python(
        code,
        path=[str(site), *SOURCES],
        env={"MOCK_CORE_DISABLE_PLUGIN_DISCOVERY": "1"},
    )
    assert out.split() == ["MissingPluginError", "True"]


def test_without_mock_magic_the_error_names_the_distribution() -> None:
    # Discovery off: where mock-magic is installed, its entry point would supply the tables.
    code = """
        import os
        os.environ["MOCK_CORE_DISABLE_PLUGIN_DISCOVERY"] = "1"
        import mock_core
        try:
            mock_core.Mock().__iter__ = lambda self: iter([])
        except ImportError as exc:
            print(exc)
    """
    out = _python(code, path=[SOURCES[0]])
    assert "'__iter__'" in out and "mock-magic" in out


def _installer(target: Path) -> list[str]:
    """Create a virtual environment and return the command that installs into it."""
    python = target / ("Scripts" if os.name == "nt" else "bin") / "python"
    uv = shutil.which("uv")
    if uv is not None:
        subprocess.run(
            [uv, "venv", "-q", "-p", sys.executable, str(target)], check=True, timeout=300
        )
        # Refreshed: uv would otherwise reuse a wheel built from older sources.
        refresh = ["--refresh-package", "mock-core", "--refresh-package", "mock-magic"]
        return [uv, "pip", "install", "-q", *refresh, "-p", str(python)]
    venv.EnvBuilder(with_pip=True).create(target)
    return [str(python), "-m", "pip", "install", "-q"]


@pytest.mark.slow
def test_entry_point_discovery_in_a_real_installation(tmp_path: Path) -> None:
    env = tmp_path / "venv"
    install = _installer(env)
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "UV_"))
    }
    subprocess.run(
        [*install, str(PACKAGES / "mock-core"), str(PACKAGES / "mock-magic")],
        check=True,
        timeout=600,
        env=environment,
        cwd=tmp_path,
    )
    python = env / ("Scripts" if os.name == "nt" else "bin") / "python"
    done = subprocess.run(
        [str(python), "-c", textwrap.dedent(PLAIN_MOCK_SCRIPT)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[1,", "2]", "5", "True"]
