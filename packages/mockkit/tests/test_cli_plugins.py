"""``python -m mockkit --plugins``: what is plugged into mock-core, and from where.

Third-party plugins are installed for the run by a directory on PYTHONPATH holding a module
and a dist-info whose entry_points.txt declares them, as an installer would leave them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN_MODULE = """\
from mock_core import plugins

def hint(context):
    return None

def register():
    plugins.add_failure_renderer(hint)

def needs_config(config):
    pass
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "cli_demo_plugin.py").write_text(PLUGIN_MODULE)
    info = root / "cli_demo_plugin-4.5.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cli-demo-plugin\nVersion: 4.5\n")
    (info / "entry_points.txt").write_text(
        "[mock_core.plugins]\n"
        "demo-hints = cli_demo_plugin:register\n"
        "demo-missing = cli_demo_missing:register\n"
        "demo-odd = cli_demo_plugin:needs_config\n"
    )
    return root


def _plugins(site: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MOCK_CORE_")}
    if site is not None:
        environ["PYTHONPATH"] = os.pathsep.join([str(site), *sys.path])
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-m", "mockkit", "--plugins"],
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )


def _section(output: str, status: str) -> str:
    """The lines of one section (``active:``, ``blocked:``, ``failed:``) of the report."""
    lines = output.splitlines()
    start = lines.index(f"{status}:") + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return "\n".join(lines[start:end])


def test_lists_the_first_party_plugins_with_their_points() -> None:
    result = _plugins()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("mock-core plugins (entry-point group mock_core.plugins):\n")
    active = _section(result.stdout, "active")
    assert "  mock_magic: mock-magic " in active
    assert "    points: magic names, child class, call observers" in active
    assert "mock_spec._plugin:register\n    points: signatures" in active
    assert result.stderr == ""


def test_lists_third_party_plugins_and_failures(site: Path) -> None:
    result = _plugins(site)
    assert result.returncode == 0, result.stderr
    active = _section(result.stdout, "active")
    assert (
        "  demo-hints: cli-demo-plugin 4.5, entry point cli_demo_plugin:register\n"
        "    points: failure rendering"
    ) in active
    failed = _section(result.stdout, "failed")
    assert "  demo-missing: cli-demo-plugin 4.5, entry point cli_demo_missing:register\n" in failed
    assert "    ModuleNotFoundError: No module named 'cli_demo_missing'" in failed
    assert "  demo-odd: cli-demo-plugin 4.5, entry point cli_demo_plugin:needs_config" in failed
    assert "must name a function that takes no arguments" in failed
    # The report says it all; the warnings would only repeat it.
    assert "PluginWarning" not in result.stderr


def test_lists_blocked_plugins(site: Path) -> None:
    result = _plugins(site, MOCK_CORE_DISABLE_PLUGINS="demo-missing,demo-odd")
    assert result.returncode == 0, result.stderr
    blocked = _section(result.stdout, "blocked")
    assert "  demo-missing: cli-demo-plugin 4.5, entry point cli_demo_missing:register\n" in blocked
    assert "    blocked by MOCK_CORE_DISABLE_PLUGINS" in blocked
    assert "failed:" not in result.stdout


def test_strict_mode_lists_then_fails(site: Path) -> None:
    result = _plugins(site, MOCK_CORE_PLUGINS_STRICT="1")
    assert result.returncode == 1
    assert "demo-missing" in _section(result.stdout, "failed")


def test_says_when_discovery_is_off(site: Path) -> None:
    result = _plugins(site, MOCK_CORE_DISABLE_PLUGIN_DISCOVERY="1")
    assert result.returncode == 0, result.stderr
    assert "entry-point discovery is off (MOCK_CORE_DISABLE_PLUGIN_DISCOVERY is set)" in (
        result.stdout
    )
    active = _section(result.stdout, "active")
    # mockkit imports mock-magic and mock-spec, which register themselves.
    assert "  mock-magic: mock-magic " in active and ", built in\n" in active
    assert "demo-hints" not in result.stdout


def test_help_mentions_the_option() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mockkit", "--help"], capture_output=True, text=True, check=False
    )
    assert "--plugins" in result.stdout
