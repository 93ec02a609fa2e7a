"""mockkit's pytest plugin: the module that the ``pytest11`` entry point ``mockkit`` names.

What it offers is described in :mod:`mockkit.pytest_plugin` (its public names and the
documentation's pytest page). It lives outside the ``mockkit`` package because importing
anything under ``mockkit`` runs ``mockkit/__init__.py``, which loads all four mockkit packages,
and pytest loads this plugin at the start of every run in an environment where mockkit is
installed, most of which use none of it. So loading it imports nothing of mockkit; each part
is imported when the run needs it:

* decorated tests: :mod:`._argnames`, a few functions that never import mockkit;
* ``--mockkit-as-unittest-mock``: mockkit itself, once the option is known to be on;
* the ``mocker`` fixtures: :mod:`._fixtures` (pytest only) at configure time, the mocker and
  mockkit when a test asks for one;
* readable failures: :mod:`._diff` and ``mock_core.plugins`` once ``mock_core`` has been
  loaded, by anyone, before a test phase starts. A mock assertion cannot fail before its
  package is loaded, so waiting loses nothing, except for a mock package that a test imports
  for the first time inside its own body, whose failures in that very phase keep the plain
  message.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import sys

import pytest

from _mockkit_pytest import _argnames

__all__ = ["FIXTURES_PLUGIN", "INI", "OPTION"]

OPTION = "--mockkit-as-unittest-mock"
INI = "mockkit_as_unittest_mock"
_DEST = "mockkit_as_unittest_mock"
# Name under which the fixtures' module is registered with pytest's plugin manager.
FIXTURES_PLUGIN = "mockkit-mocker"
# Names pytest-mock is registered under: its entry point, or its module given to -p.
_PYTEST_MOCK = ("pytest_mock", "pytest_mock.plugin")
# Every mockkit mock comes from mock_core: until it is loaded there is no failure to render.
_CORE = "mock_core"
_SWAP = "mockkit.swap"


class _RunState:
    """What this plugin changed for one pytest run (one ``Config``), to undo exactly that."""

    __slots__ = ("configured", "render", "rendering", "swapped")

    def __init__(self) -> None:
        self.swapped = False
        self.configured = False
        # Whether this run wants the failure renderer, and whether it is registered yet.
        self.render = False
        self.rendering = False


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


def _swap_installed() -> bool:
    # Looked up, not imported: the switch cannot be on unless mockkit.swap was loaded.
    swap = sys.modules.get(_SWAP)
    return swap is not None and bool(swap.is_installed())


def _switch_on(config: pytest.Config) -> None:
    state = _state(config)
    if state.swapped or not _wants_swap(config):
        return
    from mockkit import swap

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
        from _mockkit_pytest import _fixtures

        config.pluginmanager.register(_fixtures, FIXTURES_PLUGIN)
    # With the switch on, pytest-mock's own introspection wraps the assertions of
    # "unittest.mock", which is then mockkit: a second diff would only repeat it.
    state.render = not (theirs and _swap_installed())
    _start_rendering(state)


def _start_rendering(state: _RunState) -> None:
    """Register the failure renderer once the run wants it and mocks can exist."""
    if state.render and not state.rendering and _CORE in sys.modules:
        from _mockkit_pytest import _diff

        _diff.activate()
        state.rendering = True


# Before each phase of a test, the one place mock assertions fail: mock_core may have been
# loaded since the last check (by a test module, a conftest, a fixture).
@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _start_rendering(_state(item.config))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> None:
    _start_rendering(_state(item.config))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    _start_rendering(_state(item.config))


def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> None:
    # A plain implementation: it runs after pytest's unittest support has put a TestCase's
    # failure into `call` and before the report is made from it.
    excinfo = call.excinfo
    if excinfo is None or not _state(item.config).rendering:
        return
    from _mockkit_pytest import _diff

    if _diff.extend(excinfo.value):
        # A mock assertion failed: the test's line is the interesting one, not the
        # assertion method's insides (unless the user asked for everything).
        if not item.config.getoption("fulltrace", False):
            from _mockkit_pytest._frames import hide_internal_frames

            hide_internal_frames(excinfo)


def pytest_runtest_logfinish() -> None:
    # Failures of a finished test can no longer be reported; their mocks may go. Nothing was
    # remembered if the renderer's module was never loaded.
    diff = sys.modules.get(f"{__name__}._diff")
    if diff is not None:
        diff.forget()


def pytest_unconfigure(config: pytest.Config) -> None:
    state = _state(config)
    if state.rendering:
        from _mockkit_pytest import _diff

        state.rendering = False
        _diff.deactivate()
    if state.swapped:
        from mockkit import swap

        state.swapped = False
        swap.uninstall()


def pytest_report_header(config: pytest.Config) -> str | None:
    if _wants_swap(config) and _swap_installed():
        from mockkit import __version__

        return f"mockkit {__version__}: unittest.mock, mock and mock.mock resolve to mockkit"
    return None
