"""Deep copies of call arguments that keep mocks (and other shared identities) as they are."""

from __future__ import annotations

import copy
from typing import Any

from mock_core import NonCallableMock

__all__ = ["freeze", "needs_copy"]

# Values of these exact types cannot change after the call: they are kept, not copied.
_IMMUTABLE = frozenset(
    (int, float, complex, str, bytes, bool, type(None), range, type(Ellipsis), frozenset)
)
_CONTAINERS = (list, tuple, dict, set, frozenset)


def needs_copy(value: Any) -> bool:
    """Whether ``value`` could change after the call (an answer of True may be cautious)."""
    kind = type(value)
    if kind in _IMMUTABLE:
        return False
    if kind is tuple:
        for item in value:
            if needs_copy(item):
                return True
        return False
    return not issubclass(kind, NonCallableMock)


def freeze(value: Any) -> Any:
    """A deep copy of ``value`` as it is now, or ``value`` itself when it cannot be copied.

    Mocks inside the usual containers stay the very same objects: a copy of a mock is a new
    mock that compares unequal to the original, which would make ``assert_called_with(m)``
    fail for a mock passed as an argument.
    """
    if not needs_copy(value):
        return value
    memo: dict[int, Any] = {}
    _keep_mocks(value, memo, set())
    try:
        return copy.deepcopy(value, memo)
    except Exception:
        # Locks, open files, generators...: better the live object than a failed call.
        return value


def _keep_mocks(value: Any, memo: dict[int, Any], seen: set[int]) -> None:
    # Type checks on type(), not isinstance(): a mock with a spec claims its spec's class.
    if id(value) in seen:
        return
    seen.add(id(value))
    kind = type(value)
    if issubclass(kind, NonCallableMock):
        memo[id(value)] = value
    elif issubclass(kind, dict):
        for key, item in value.items():
            _keep_mocks(key, memo, seen)
            _keep_mocks(item, memo, seen)
    elif issubclass(kind, _CONTAINERS):
        for item in value:
            _keep_mocks(item, memo, seen)
