"""mockkit's pytest plugin: what it offers, and its public names.

It brings four things (see the documentation's pytest page):

* ``@mockkit.patch``-decorated tests and fixtures get their mocks, not "fixture not found"
  errors;
* ``--mockkit-as-unittest-mock`` (or the ini option ``mockkit_as_unittest_mock = true``)
  makes ``unittest.mock``, ``mock`` and ``mock.mock`` resolve to mockkit for the whole run,
  through :mod:`mockkit.swap`;
* the fixtures ``mocker``, ``class_mocker``, ``module_mocker``, ``package_mocker`` and
  ``session_mocker`` with pytest-mock's API (:class:`MockerFixture`), unless pytest-mock
  itself is active, whose fixtures then win;
* ``assert_called_with``-style failures that make a test fail list the arguments that differ.

pytest loads it through the ``pytest11`` entry point ``mockkit``, which names the private
top-level package ``_mockkit_pytest`` rather than this module: importing this module imports
all of mockkit, which a run that uses none of the plugin must not pay for. Loading it costs a
few hooks; mockkit, the mocker and the failure renderer are imported only when a run needs
them. ``-p no:mockkit`` turns the plugin off. From a source checkout, where there is no entry
point, ``-p mockkit.pytest_plugin`` loads it through this module.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from _mockkit_pytest import FIXTURES_PLUGIN as FIXTURES_PLUGIN, INI as INI, OPTION as OPTION

if TYPE_CHECKING:
    from mockkit._pytest._mocker import (
        MockerFixture as MockerFixture,
        PytestMockkitWarning as PytestMockkitWarning,
    )

__all__ = ["MockerFixture", "PytestMockkitWarning"]

# `-p mockkit.pytest_plugin` registers this module; pytest then registers the plugin itself.
pytest_plugins = ["_mockkit_pytest"]


def __getattr__(name: str) -> Any:
    # The mocker is imported on first use, not whenever this module is.
    if name in __all__:
        from mockkit._pytest import _mocker

        return getattr(_mocker, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
