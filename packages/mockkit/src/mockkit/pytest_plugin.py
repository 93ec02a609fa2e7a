"""mockkit's pytest plugin, loaded by pytest through the ``pytest11`` entry point ``mockkit``.

It brings four things (see the documentation's pytest page):

* ``@mockkit.patch``-decorated tests and fixtures get their mocks, not "fixture not found"
  errors (:mod:`mockkit._pytest._argnames`);
* ``--mockkit-as-unittest-mock`` (or the ini option ``mockkit_as_unittest_mock = true``)
  makes ``unittest.mock``, ``mock`` and ``mock.mock`` resolve to mockkit for the whole run,
  through :mod:`mockkit.swap`;
* the fixtures ``mocker``, ``class_mocker``, ``module_mocker``, ``package_mocker`` and
  ``session_mocker`` with pytest-mock's API (:class:`MockerFixture`), unless pytest-mock
  itself is active, whose fixtures then win;
* ``assert_called_with``-style failures that make a test fail list the arguments that differ.

Loading it costs a few hooks: the fixtures' module, the mocker and the failure renderer's
helpers are imported only when a run needs them. ``-p no:mockkit`` turns the plugin off.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from mockkit import __version__, swap
from mockkit._pytest import _argnames, _diff
from mockkit._pytest._frames import hide_internal_frames

if TYPE_CHECKING:
    from mockkit._pytest._mocker import (
        MockerFixture as MockerFixture,
        PytestMockkitWarning as PytestMockkitWarning,
    )

__all__ = ["MockerFixture", "PytestMockkitWarning"]

OPTION = "--mockkit-as-unittest-mock"
INI = "mockkit_as_unittest_mock"
_DEST = "mockkit_as_unittest_mock"
# Name under which the fixtures' module is registered with pytest's plugin manager.
FIXTURES_PLUGIN = "mockkit-mocker"
# Names pytest-mock is registered under: its entry point, or its module given to -p.
_PYTEST_MOCK = ("pytest_mock", "pytest_mock.plugin")


class _RunState:
    """What this plugin changed for one pytest run (one ``Config``), to undo exactly that."""

    __slots__ = ("configured", "rendering", "swapped")

    def __init__(self) -> None:
        self.swapped = False
        self.rendering = False
        self.configured = False


_STATE = pytest.StashKey[_RunState]()


def _state(config: pytest.Config) -> _RunState:
    state = config.stash.get(_STATE, None)
    if state is None:
        state = config.stash[_STATE] = _RunState()
    return state


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mockkit")
    group.addoption(
        OPTION,
        action="store_true",
        default=False,
        dest=_DEST,
        help="run the whole session with unittest.mock (and the mock backport) resolving to "
        "mockkit. Ini option: mockkit_as_unittest_mock.",
    )
    parser.addini(
        INI,
        type="bool",
        default=False,
        help="make unittest.mock (and the mock backport) resolve to mockkit for the whole run",
    )


def _wants_swap(config: pytest.Config) -> bool:
    # Early in the run config.option lacks plugin options; the pre-parsed namespace has them.
    for namespace in (config.option, getattr(config, "known_args_namespace", None)):
        if getattr(namespace, _DEST, False):
            return True
    return bool(config.getini(INI))


def _switch_on(config: pytest.Config) -> None:
    state = _state(config)
    if state.swapped or not _wants_swap(config):
        return
    # Already on (python -m mockkit, or a pytest run around this one): theirs to undo.
    if not swap.is_installed():
        swap.install()
        state.swapped = True


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    # The earliest hook a plugin gets, before conftest.py files import what they test.
    _argnames.install()
    _switch_on(early_config)


def _pytest_mock_active(config: pytest.Config) -> bool:
    return any(config.pluginmanager.has_plugin(name) for name in _PYTEST_MOCK)


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # Again here for a plugin registered after the initial conftests (pytest_plugins).
    _argnames.install()
    _switch_on(config)
    state = _state(config)
    if state.configured:
        return
    state.configured = True
    theirs = _pytest_mock_active(config)
    if not theirs and not config.pluginmanager.has_plugin(FIXTURES_PLUGIN):
        from mockkit._pytest import _fixtures

        config.pluginmanager.register(_fixtures, FIXTURES_PLUGIN)
    # With the switch on, pytest-mock's own introspection wraps the assertions of
    # "unittest.mock", which is then mockkit: a second diff would only repeat it.
    if not (theirs and swap.is_installed()):
        _diff.activate()
        state.rendering = True


def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> None:
    # A plain implementation: it runs after pytest's unittest support has put a TestCase's
    # failure into `call` and before the report is made from it.
    excinfo = call.excinfo
    if excinfo is not None and _state(item.config).rendering and _diff.extend(excinfo.value):
        # A mock assertion failed: the test's line is the interesting one, not the
        # assertion method's insides (unless the user asked for everything).
        if not item.config.getoption("fulltrace", False):
            hide_internal_frames(excinfo)


def pytest_runtest_logfinish() -> None:
    # Failures of a finished test can no longer be reported; their mocks may go.
    _diff.forget()


def pytest_unconfigure(config: pytest.Config) -> None:
    state = _state(config)
    if state.rendering:
        state.rendering = False
        _diff.deactivate()
    if state.swapped:
        state.swapped = False
        swap.uninstall()


def pytest_report_header(config: pytest.Config) -> str | None:
    if _wants_swap(config) and swap.is_installed():
        return f"mockkit {__version__}: unittest.mock, mock and mock.mock resolve to mockkit"
    return None


def __getattr__(name: str) -> Any:
    # The mocker is imported on first use, not whenever pytest loads the plugin.
    if name in __all__:
        from mockkit._pytest import _mocker

        return getattr(_mocker, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
