"""Deep copies of call arguments that keep mocks (and other shared identities) as they are.

Values made of the builtin containers are copied directly (:func:`_copy_plain`); anything else
goes through :func:`copy.deepcopy`, with the mocks inside kept.
"""

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
    copied = _copy_plain(value, set(), 0)
    if copied is not _NOT_PLAIN:
        return copied
    memo: dict[int, Any] = {}
    _keep_mocks(value, memo, set())
    try:
        return copy.deepcopy(value, memo)
    except Exception:
        # Locks, open files, generators...: better the live object than a failed call.
        return value


# What _copy_plain answers for a value it leaves to copy.deepcopy.
_NOT_PLAIN: Any = object()
# Deeper than this, copy.deepcopy's own limits decide.
_PLAIN_DEPTH = 40


def _copy_plain(value: Any, seen: set[int], depth: int) -> Any:
    """The deep copy of a value made of the builtin containers, immutables and mocks only.

    Most arguments are such values, and copying them directly costs a fraction of
    copy.deepcopy. Anything else, and a container met twice (shared or cyclic: deepcopy keeps
    the sharing), gives ``_NOT_PLAIN``.
    """
    kind = type(value)
    if kind in _IMMUTABLE or issubclass(kind, NonCallableMock):
        return value
    if depth > _PLAIN_DEPTH or id(value) in seen:
        return _NOT_PLAIN
    seen.add(id(value))
    depth += 1
    if kind is list or kind is tuple or kind is set or kind is frozenset:
        items = []
        for item in value:
            copied = _copy_plain(item, seen, depth)
            if copied is _NOT_PLAIN:
                return _NOT_PLAIN
            items.append(copied)
        if kind is list:
            return items
        if kind is tuple:
            # As deepcopy does: a tuple whose items are all kept is kept itself.
            same = all(a is b for a, b in zip(items, value, strict=True))
            return value if same else tuple(items)
        return kind(items)
    if kind is dict:
        result = {}
        for key, item in value.items():
            if type(key) not in _IMMUTABLE:
                return _NOT_PLAIN
            copied = _copy_plain(item, seen, depth)
            if copied is _NOT_PLAIN:
                return _NOT_PLAIN
            result[key] = copied
        return result
    return _NOT_PLAIN


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
