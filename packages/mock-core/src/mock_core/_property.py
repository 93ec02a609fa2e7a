"""``PropertyMock``: a mock meant to be installed on a class as a property."""

from __future__ import annotations

from ._callable import Mock
from ._registry import registry

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any

__all__ = ["PropertyMock"]


class PropertyMock(Mock):
    """Reading the attribute calls the mock with no arguments; setting calls it with the value.

    .. versionadded:: 0.1.0
    """

    # The standard library's property mocks make their children and return values without
    # asking whether they are sealed: seal() does not stop one growing (it still seals the
    # mocks below it, and setting an attribute still checks it).
    _mock_grows_sealed = True

    def __get__(self, obj: Any, obj_type: Any = None) -> Any:
        return self()

    def __set__(self, obj: Any, val: Any) -> None:
        self(val)


def _plain_children(parent: Any, kw: Any) -> type:
    # Children and return values of a property are ordinary callables, not descriptors.
    # Appended last, so a plugin's rule (mock-magic's MagicMock, as the standard library
    # has it) is consulted first.
    return Mock


registry.child_rules.append((PropertyMock, _plain_children))
registry.changed()
