"""The example plugin distribution (examples/plugin) works as the plugins page says.

It is built into a wheel and installed, with mock-core from this checkout, into a fresh
virtual environment; a script run there shows that entry-point discovery loads it lazily
and changes behaviour, and that MOCK_CORE_DISABLE_PLUGIN_DISCOVERY switches it off.
Our distributions are only ever installed with the package index switched off; only the
build backend (hatchling) may come from the index, when this interpreter lacks it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "examples" / "plugin"
HINT = "Hint (mockkit-example-plugin): "

# Building and installing into a new environment takes several seconds (more without a
# local pip and hatchling).
pytestmark = pytest.mark.slow

# Runs in the fresh environment; prints what it observed as JSON.
PROBE = r"""
import json, sys
import mock_core

facts = {"imported_by_core_import": "mockkit_example_plugin" in sys.modules}

early = mock_core.Mock(return_value=None)
for _ in range(3):
    early()

svc = mock_core.Mock(name="svc")
svc(1)
svc(2)
try:
    svc.assert_called_with(1)
except AssertionError as exc:
    facts["message"] = str(exc)

facts["loaded"] = mock_core.plugins.discover()
if "mockkit_example_plugin" in sys.modules:
    import mockkit_example_plugin as plugin

    facts["count_with_early"] = plugin.calls_seen()
    plugin.reset_count()
    later = mock_core.Mock()
    later()
    later.method(1, 2)
    facts["count_later"] = plugin.calls_seen()
print(json.dumps(facts))
"""


def _run(*args: object, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, cwd=ROOT, env=env
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _python_in(env_dir: Path) -> Path:
    if os.name == "nt":
        return env_dir / "Scripts" / "python.exe"
    return env_dir / "bin" / "python"


@pytest.fixture(scope="module")
def python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment holding mock-core and the example plugin, nothing else of ours."""
    wheels = tmp_path_factory.mktemp("wheels")
    env_dir = tmp_path_factory.mktemp("env")
    # With pip here, the new environment needs none of its own (much faster to create).
    local_pip = _has("pip")
    venv.create(env_dir, with_pip=not local_pip, clear=True)
    env_python = _python_in(env_dir)
    quiet = ("--quiet", "--disable-pip-version-check")

    sources = [PLUGIN]
    given = os.environ.get("MOCKKIT_WHEELS")  # where nox built this checkout's wheels
    if given:
        find_links = [Path(given), wheels]
    else:
        find_links = [wheels]
        sources.append(ROOT / "packages" / "mock-core")
    if local_pip and _has("hatchling"):
        _run(sys.executable, "-m", "pip", *quiet, "wheel", "--no-deps",
             "--no-build-isolation", "-w", wheels, *sources)  # fmt: skip
    else:  # the build backend comes from the index; our code does not
        pip = [sys.executable, "-m", "pip"] if local_pip else [env_python, "-m", "pip"]
        _run(*pip, *quiet, "wheel", "--no-deps", "-w", wheels, *sources)

    links = [arg for path in find_links for arg in ("--find-links", path)]
    installer = (
        [sys.executable, "-m", "pip", "--python", env_python]
        if local_pip
        else [env_python, "-m", "pip"]
    )
    _run(*installer, *quiet, "install", "--no-index", *links, "mockkit-example-plugin")
    return env_python


def _probe(python: Path, **extra_env: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.pop("MOCK_CORE_DISABLE_PLUGIN_DISCOVERY", None)
    env.update(extra_env)
    return json.loads(_run(python, "-I", "-c", PROBE, env=env))  # type: ignore[no-any-return]


def test_importing_mock_core_does_not_load_plugins(python: Path) -> None:
    assert _probe(python)["imported_by_core_import"] is False


def test_discovered_plugin_adds_its_hint_to_failures(python: Path) -> None:
    facts = _probe(python)
    assert facts["loaded"] == ["mockkit-example"]
    first_lines = "expected call not found.\nExpected: svc(1)\n  Actual: svc(2)\n"
    assert facts["message"].startswith(first_lines)
    hint = "an earlier call matched; assert_any_call() checks every call, not only the last one."
    assert facts["message"].endswith(HINT + hint)


def test_discovered_plugin_counts_calls(python: Path) -> None:
    assert _probe(python)["count_later"] == 2


def test_discovered_observer_sees_calls_from_the_first(python: Path) -> None:
    # 3 calls of `early`, 2 of `svc`: every recorded call of the run.
    assert _probe(python)["count_with_early"] == 5


def test_environment_variable_switches_discovery_off(python: Path) -> None:
    facts = _probe(python, MOCK_CORE_DISABLE_PLUGIN_DISCOVERY="1")
    assert facts["loaded"] == []
    assert facts["imported_by_core_import"] is False
    assert "count_later" not in facts
    assert facts["message"] == "expected call not found.\nExpected: svc(1)\n  Actual: svc(2)"
