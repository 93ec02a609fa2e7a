"""mock-extras' pytest plugin (``pytest11`` entry point ``mock_extras``).

It only adds ``--mock-extras=feature,...`` (and the ini option ``mock_extras``), which switches
features on for every mock of the run. Loading it imports nothing but this module and the
feature names; a feature's code is imported when the option asks for it.
``-p no:mock_extras`` turns the plugin off.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from mock_extras._features import FEATURES, parse, scope_for

if TYPE_CHECKING:
    from mock_extras._scope import Scope

OPTION = "--mock-extras"
INI = "mock_extras"
_STARTED: pytest.StashKey[list[Scope]] = pytest.StashKey()


def pytest_addoption(parser: pytest.Parser) -> None:
    help_text = f"switch mock-extras features on for every mock: {', '.join(FEATURES)}"
    parser.addoption(OPTION, dest="mock_extras", default=None, metavar="FEATURES", help=help_text)
    parser.addini(INI, help=help_text, default="")


def pytest_configure(config: pytest.Config) -> None:
    text = config.getoption("mock_extras") or config.getini(INI)
    try:
        names = parse(str(text))
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None
    config.stash[_STARTED] = [scope_for(name).start() for name in names]


def pytest_unconfigure(config: pytest.Config) -> None:
    started: list[Scope] = config.stash.get(_STARTED, [])
    for scope in reversed(started):
        scope.stop()
    config.stash[_STARTED] = []
