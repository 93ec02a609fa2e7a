"""Entry-point discovery, end to end: a tiny plugin distribution that registers only through
its ``mock_core.plugins`` entry point is installed into a fresh virtual environment next to
mock-core, and a subprocess shows that it changes behaviour without being imported, that it
is not loaded at import time, and that the environment variable switches discovery off.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import venv
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

CORE = Path(__file__).resolve().parents[1]

PLUGIN_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "mockcore-demo-plugin"
version = "0.0.1"
dependencies = ["mock-core"]

[project.entry-points."mock_core.plugins"]
demo = "mockcore_demo_plugin:register"

[tool.hatch.build.targets.wheel]
packages = ["mockcore_demo_plugin"]
"""

PLUGIN_MODULE = '''\
"""A plugin that registers only when mock-core discovers it."""
from mock_core import NonCallableMock, plugins

SEEN = []
REGISTERED = []


def _observe(mock, call):
    SEEN.append(repr(call))


def _frozen_children(parent, kw):
    name = kw.get("_new_name") or ""
    return NonCallableMock if name.startswith("frozen_") else None


def _as_method(name, func):
    return func


def register():
    REGISTERED.append(True)
    plugins.add_call_observer(_observe)
    plugins.add_child_class_rule(_frozen_children)
    # A magic table, standing in for mock-magic installed but not imported.
    plugins.register_magic_table(
        plugins.MagicTable(frozenset({"__len__"}), frozenset(), _as_method)
    )
'''

PROBE = """\
import json, sys
import mock_core
result = {"loaded_at_import": "mockcore_demo_plugin" in sys.modules}
m = mock_core.Mock()
m(1)
result["loaded_after_first_call"] = "mockcore_demo_plugin" in sys.modules
result["frozen_child_callable"] = callable(m.frozen_child)
result["plain_child_callable"] = callable(m.plain_child)
m.plain_child(2)
try:
    m.__len__ = lambda self: 5
    result["len"] = len(m)
except mock_core.MissingPluginError as exc:
    result["len"] = "MissingPluginError: " + str(exc)
result["discovered"] = mock_core.plugins.discover()
import mockcore_demo_plugin as plugin
result["registered"] = len(plugin.REGISTERED)
result["seen"] = plugin.SEEN
print(json.dumps(result))
"""


def _pip(python: Path, *args: str) -> None:
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args],
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


@pytest.fixture(scope="module")
def plugin_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("entry_points")
    source = root / "plugin"
    (source / "mockcore_demo_plugin").mkdir(parents=True)
    (source / "pyproject.toml").write_text(PLUGIN_PYPROJECT)
    (source / "mockcore_demo_plugin" / "__init__.py").write_text(PLUGIN_MODULE)
    env_dir = root / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    try:
        # The build backend may come from the index; our own distributions never do.
        _pip(python, "hatchling")
        _pip(python, "--no-index", "--no-build-isolation", "--no-deps", str(CORE), str(source))
    except subprocess.CalledProcessError as exc:  # pragma: no cover - offline machines
        pytest.skip(f"cannot build the demo plugin here: {exc.stdout.decode()[-500:]}")
    return python


def _probe(python: Path, **env: str) -> Any:
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environ.pop("MOCK_CORE_DISABLE_PLUGIN_DISCOVERY", None)
    environ.update(env)
    done = subprocess.run(
        [str(python), "-c", textwrap.dedent(PROBE)],
        check=True,
        capture_output=True,
        text=True,
        env=environ,
    )
    return json.loads(done.stdout)


def test_installed_plugin_changes_behaviour_through_its_entry_point(plugin_python: Path) -> None:
    result = _probe(plugin_python)
    assert result["loaded_at_import"] is False  # never at import time
    assert result["frozen_child_callable"] is False  # the child-class rule applies
    assert result["plain_child_callable"] is True
    assert result["len"] == 5  # magic methods work without importing the table's package
    assert result["discovered"] == ["demo"]
    assert result["registered"] == 1  # once
    # The observer sees calls, the very first one included.
    assert result["seen"] == ["call(1)", "call(2)"]


def test_environment_variable_switches_discovery_off(plugin_python: Path) -> None:
    result = _probe(plugin_python, MOCK_CORE_DISABLE_PLUGIN_DISCOVERY="1")
    assert result["loaded_at_import"] is False
    assert result["frozen_child_callable"] is True
    assert result["len"].startswith("MissingPluginError: ")
    assert "mock-magic" in result["len"]
    assert result["discovered"] == []
    assert result["registered"] == 0
    assert result["seen"] == []


def test_the_running_interpreter_is_unaffected() -> None:
    assert "mockcore_demo_plugin" not in sys.modules
