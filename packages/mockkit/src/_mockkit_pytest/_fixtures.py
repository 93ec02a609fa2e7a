"""The ``mocker`` fixtures, one per scope, registered by the plugin unless pytest-mock is there.

This module is registered as a pytest plugin of its own (not loaded by the entry point)
because fixtures defined in the entry-point module would always be registered, and would
then compete with pytest-mock's fixtures of the same names.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator

import pytest

if TYPE_CHECKING:
    from mockkit.pytest_plugin import MockerFixture

__all__ = ["class_mocker", "mocker", "module_mocker", "package_mocker", "session_mocker"]


def _mocker_fixture(scope: str, name: str) -> Callable[..., Any]:
    def fixture(pytestconfig: pytest.Config) -> Iterator[MockerFixture]:
        # Imported on first use: a run that never asks for a mocker never loads it.
        from mockkit.pytest_plugin import MockerFixture

        made = MockerFixture(pytestconfig)
        yield made
        made.stopall()

    fixture.__name__ = fixture.__qualname__ = name
    ending = "test" if scope == "function" else scope
    # What `pytest --fixtures` shows for it.
    fixture.__doc__ = (
        f"A mockkit MockerFixture whose patches are undone at the end of the {ending}."
    )
    return pytest.fixture(scope=scope, name=name)(fixture)  # type: ignore[call-overload,no-any-return,unused-ignore]


mocker = _mocker_fixture("function", "mocker")
class_mocker = _mocker_fixture("class", "class_mocker")
module_mocker = _mocker_fixture("module", "module_mocker")
package_mocker = _mocker_fixture("package", "package_mocker")
session_mocker = _mocker_fixture("session", "session_mocker")
