"""What having mockkit installed costs a pytest run, and that its routes into pytest are silent.

Every test here starts a real pytest in a fresh interpreter: what is imported at start-up and
which warnings pytest issues while it loads plugins cannot be seen from inside a running
pytest, where everything is imported already.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest
from pytester_support import QUIET, plugin_installed

# The module pytest11's `mockkit` entry point names: the plugin that every run loads.
ENTRY_MODULE = "_mockkit_pytest"
# What the plugin must not import while nobody asks for mockkit.
HEAVY = ("mockkit", "mock_core", "mock_magic", "mock_spec", "mock_patch", "unittest.mock")

# From a source checkout there is no entry point: name the module it would name.
ENTRY_ARGS: tuple[str, ...] = () if plugin_installed() else ("-p", ENTRY_MODULE)


def _pytest(
    cwd: Path, *args: str, python_args: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    # The outer run's PYTEST_* settings (addopts, disabled autoload) are not the child's.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    return subprocess.run(
        [sys.executable, *python_args, *args, *QUIET],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _write(folder: Path, name: str, source: str) -> None:
    (folder / name).write_text(textwrap.dedent(source), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Silent under warnings-as-errors, on every route that runs a suite on mockkit.

SWAPPED_TEST = """
    from unittest import mock

    import mockkit


    def test_runs_on_mockkit():
        assert mock is mockkit
        with mock.patch("os.getcwd", return_value="/x"):
            import os

            assert os.getcwd() == "/x"
"""

# How the suite is run on mockkit: (command after `python`, ini lines).
ROUTES = {
    "python -m mockkit -m pytest": (("-m", "mockkit", "-m", "pytest"), ""),
    "--mockkit-as-unittest-mock": (("-m", "pytest", "--mockkit-as-unittest-mock"), ""),
    "ini mockkit_as_unittest_mock": (("-m", "pytest"), "mockkit_as_unittest_mock = true\n"),
}
# How warnings become errors: (python options, pytest options, ini lines).
STRICT = {
    "pytest -W error": ((), ("-W", "error"), ""),
    "ini filterwarnings = error": ((), (), "filterwarnings = error\n"),
    "python -W error": (("-W", "error"), (), ""),
}


@pytest.mark.parametrize("strict", list(STRICT))
@pytest.mark.parametrize("route", list(ROUTES))
def test_every_route_is_silent_when_warnings_are_errors(
    tmp_path: Path, route: str, strict: str
) -> None:
    command, route_ini = ROUTES[route]
    python_args, pytest_args, strict_ini = STRICT[strict]
    _write(tmp_path, "pytest.ini", "[pytest]\n" + route_ini + strict_ini)
    _write(tmp_path, "test_swapped.py", SWAPPED_TEST)
    done = _pytest(tmp_path, *command, *ENTRY_ARGS, *pytest_args, python_args=python_args)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "Warning" not in report, report
    # Exactly the summary line a suite on the standard library prints: no ", 1 warning".
    assert "= 1 passed in " in done.stdout, report


def test_the_package_that_python_dash_m_mockkit_imports_has_nothing_to_rewrite() -> None:
    # `python -m mockkit` imports the package mockkit before pytest starts, too early for
    # pytest to rewrite its asserts; its docstring tells pytest that there are none, which is
    # what keeps pytest from warning. Keep that true.
    import ast

    import mockkit

    source = Path(mockkit.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert "PYTEST_DONT_REWRITE" in (ast.get_docstring(tree) or "")
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Assert)]


# ---------------------------------------------------------------------------------------------
# Cheap to have installed: with the switch off, loading the plugin imports none of mockkit.

MODULES_TEST = """
    import sys

    HEAVY = {heavy!r}


    def test_plugin_loaded_without_mockkit(request):
        manager = request.config.pluginmanager
        assert manager.has_plugin({name!r})
        # The mocker fixtures are on offer, without their implementation loaded.
        assert manager.has_plugin("mockkit-mocker")
        assert [name for name in HEAVY if name in sys.modules] == []
"""


def _plugin_name() -> str:
    # The entry point registers the plugin as `mockkit`, -p as the module's name.
    return "mockkit" if plugin_installed() else ENTRY_MODULE


def test_the_entry_point_names_the_light_module() -> None:
    if not plugin_installed():
        pytest.skip("no pytest11 entry point: mockkit is not installed")
    found = [e for e in metadata.entry_points(group="pytest11") if e.name == "mockkit"]
    assert [entry.value for entry in found] == [ENTRY_MODULE]


def test_loading_the_plugin_imports_no_mockkit_package(tmp_path: Path) -> None:
    _write(tmp_path, "test_modules.py", MODULES_TEST.format(heavy=HEAVY, name=_plugin_name()))
    done = _pytest(tmp_path, "-m", "pytest", *ENTRY_ARGS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_plugin_module_alone_imports_nothing_of_mockkit() -> None:
    # As pytest loads it from the entry point, with pytest already imported.
    code = (
        "import sys, pytest;"
        f"import {ENTRY_MODULE};"
        f"print([name for name in {HEAVY!r} if name in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_switch_still_loads_mockkit_for_the_run(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "test_modules.py",
        """
        import sys


        def test_loaded():
            assert sys.modules["unittest.mock"] is sys.modules["mockkit"]
        """,
    )
    done = _pytest(tmp_path, "-m", "pytest", *ENTRY_ARGS, "--mockkit-as-unittest-mock")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_public_module_still_loads_the_plugin_with_dash_p(tmp_path: Path) -> None:
    # A source checkout has no entry point; the documented way in is this module's name.
    _write(
        tmp_path,
        "test_modules.py",
        """
        import sys


        def test_switched(request):
            assert request.config.pluginmanager.has_plugin("_mockkit_pytest")
            assert sys.modules["unittest.mock"] is sys.modules["mockkit"]
        """,
    )
    done = _pytest(
        tmp_path,
        *("-m", "pytest", "-p", "no:mockkit", "-p", "mockkit.pytest_plugin"),
        "--mockkit-as-unittest-mock",
    )
    assert done.returncode == 0, done.stdout + done.stderr


# ---------------------------------------------------------------------------------------------
# The features that need mockkit still work when it is first imported by the run itself.

# A failing mock assertion, with mockkit first imported by the test module or by a fixture.
LATE_IMPORTS = {
    "by the test module": """
        import mockkit


        def test_fails():
            m = mockkit.Mock(name="notify")
            m("ops", retries=3)
            m.assert_called_with("ops", retries=2)
    """,
    "by a fixture": """
        import pytest


        @pytest.fixture
        def kit():
            import mockkit

            return mockkit


        def test_fails(kit):
            m = kit.Mock(name="notify")
            m("ops", retries=3)
            m.assert_called_with("ops", retries=2)
    """,
}


@pytest.mark.parametrize("where", list(LATE_IMPORTS))
def test_failures_list_the_differing_arguments_when_mocks_are_loaded_late(
    tmp_path: Path, where: str
) -> None:
    _write(tmp_path, "test_late.py", LATE_IMPORTS[where])
    done = _pytest(tmp_path, "-m", "pytest", *ENTRY_ARGS)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Arguments that differ (- expected, + actual):" in done.stdout, done.stdout
    assert "keyword argument 'retries':" in done.stdout


def test_the_mocker_fixture_loads_mockkit_when_asked_for(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "test_mocker.py",
        """
        import os
        import sys


        def test_before():
            assert "mockkit" not in sys.modules


        def test_uses_mocker(mocker):
            mocker.patch("os.getcwd", return_value="/x")
            assert os.getcwd() == "/x"
            assert type(mocker).__module__ == "mockkit._pytest._mocker"
        """,
    )
    done = _pytest(tmp_path, "-m", "pytest", *ENTRY_ARGS)
    assert done.returncode == 0, done.stdout + done.stderr
