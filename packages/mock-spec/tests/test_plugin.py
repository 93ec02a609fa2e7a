"""Registration into mock-core, and what importing mock-spec costs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from mock_core._registry import ENTRY_POINT_GROUP, registry
from mock_spec import _plugin
from mock_spec._signature import signature_provider

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_register_is_idempotent() -> None:
    _plugin.register()
    _plugin.register()
    assert registry.signature_providers.count(signature_provider) == 1


def test_entry_point_is_declared() -> None:
    text = PYPROJECT.read_text(encoding="utf-8")
    assert f'[project.entry-points."{ENTRY_POINT_GROUP}"]' in text
    assert 'mock_spec = "mock_spec._plugin:register"' in text


def test_entry_point_is_installed_when_the_distribution_is() -> None:
    try:
        metadata.distribution("mock-spec")
    except metadata.PackageNotFoundError:
        pytest.skip("mock-spec is not installed in this environment")
    group = metadata.entry_points()
    found = (
        group.select(group=ENTRY_POINT_GROUP)  # type: ignore[attr-defined]
        if hasattr(group, "select")
        else group.get(ENTRY_POINT_GROUP, ())
    )
    assert any(e.value == "mock_spec._plugin:register" for e in found)


def _modules_after(statement: str) -> dict[str, bool]:
    code = (
        "import sys, json\n"
        "import mock_magic\n"
        "before = set(sys.modules)\n"
        f"{statement}\n"
        "added = set(sys.modules) - before\n"
        "print(json.dumps({name: name in added for name in ('inspect', 'asyncio', 'weakref', "
        "'dataclasses', 'typing')}))\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_import_loads_neither_inspect_nor_asyncio() -> None:
    added = _modules_after("import mock_spec")
    assert not added["inspect"]
    assert not added["asyncio"]
    assert not added["weakref"]
    assert not added["dataclasses"]


def test_creating_an_autospec_of_a_class_does_not_load_asyncio() -> None:
    added = _modules_after(
        "import mock_spec\n"
        "class C:\n"
        "    def m(self, a): pass\n"
        "    async def am(self): pass\n"
        "mock_spec.create_autospec(C)().m(1)"
    )
    assert not added["asyncio"]


@pytest.mark.parametrize("disabled", [False, True])
def test_discovered_without_being_imported(disabled: bool) -> None:
    try:
        metadata.distribution("mock-spec")
    except metadata.PackageNotFoundError:
        pytest.skip("entry points need mock-spec installed")
    code = (
        "import sys\n"
        "from mock_core import Mock\n"
        "def f(a, b): pass\n"
        "m = Mock(spec=f)\n"
        "m(1, 2)\n"
        "try:\n"
        "    m.assert_called_with(a=1, b=2)\n"
        "except AssertionError:\n"
        "    print('unbound')\n"
        "else:\n"
        "    print('bound')\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    env.pop("MOCK_CORE_DISABLE_PLUGIN_DISCOVERY", None)
    if disabled:
        env["MOCK_CORE_DISABLE_PLUGIN_DISCOVERY"] = "1"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == ("unbound" if disabled else "bound")
