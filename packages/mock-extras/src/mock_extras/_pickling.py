"""Picklable mocks: opt in per mock, per test or per run.

A mock's class is its own, made for it, so pickle cannot find it by name and refuses, as
with the standard library. :func:`picklable` puts a ``__reduce_ex__`` on the mock's class
(reaching that mock alone) that asks :func:`mock_core.plugins.mock_reducer` for a reduce
tuple; the mocks it holds (children, return value, side effect) are made picklable when
it is pickled, so the whole tree travels. ``copy.copy`` and ``copy.deepcopy`` go on as
before: they take ``__reduce_ex__`` too, so the class also gets ``__copy__`` and
``__deepcopy__`` that copy the way the mock would have been copied without the reducer.
"""

from __future__ import annotations

import copy
import threading
from typing import Any, TypeVar

from mock_core import NonCallableMock
from mock_core.plugins import is_mock, mock_reducer

from ._scope import Scope

__all__ = ["is_picklable", "picklable", "picklable_mocks"]

_M = TypeVar("_M")

# What a started picklable_mocks() scope replaced on NonCallableMock (3.10 has a
# __reduce_ex__ there), and how many starts are open (of all such scopes together).
_saved: dict[str, Any] = {}
_enabled = 0
_lock = threading.Lock()


def _reduce_ex(self: Any, protocol: Any) -> tuple[Any, ...]:
    for held in (
        *self._mock_children.values(),
        self._mock_return_value,
        self._mock_side_effect,
    ):
        if is_mock(held) and not is_picklable(held):
            _mark(type(held))
    parent = self._mock_new_parent
    rebuild, args, *rest = mock_reducer(self, parent=parent is not None and is_picklable(parent))
    # Rebuilt picklable too, so that a worker can send the mock back.
    return (_rebuilt, (rebuild, args), *rest)


def _rebuilt(rebuild: Any, args: tuple[Any, ...]) -> Any:
    mock = rebuild(*args)
    # Unless a started picklable_mocks() scope makes every mock picklable: then the mock is,
    # as the mocks made under it are, until it stops (and its class is spared three writes).
    if not is_picklable(mock):
        _mark(type(mock))
    return mock


def _default_reduction(obj: Any) -> Any:
    """The reduction ``obj`` would have without :func:`_reduce_ex` (what copy uses)."""
    for klass in type(obj).__mro__:
        method = klass.__dict__.get("__reduce_ex__")
        if klass is NonCallableMock and method is _reduce_ex:
            method = _saved.get("__reduce_ex__")
        if method is not None and method is not _reduce_ex:
            return method(obj, 4)
    raise TypeError(f"cannot reduce {obj!r}")  # pragma: no cover - object has one


def _copy(self: Any) -> Any:
    # copy's own rebuilding step, with the reduction copy.copy would have taken.
    return copy._reconstruct(self, None, *_default_reduction(self))  # type: ignore[attr-defined]


def _deepcopy(self: Any, memo: dict[int, Any]) -> Any:
    return copy._reconstruct(self, memo, *_default_reduction(self))  # type: ignore[attr-defined]


_INSTALLED = {"__reduce_ex__": _reduce_ex, "__copy__": _copy, "__deepcopy__": _deepcopy}


def is_picklable(mock: Any) -> bool:
    """Whether ``mock`` pickles: :func:`picklable` was given it, or a scope of
    :func:`picklable_mocks` is started."""
    return getattr(type(mock), "__reduce_ex__", None) is _reduce_ex


def picklable(mock: _M) -> _M:
    """Make ``mock`` (and the mocks it holds, when pickled) survive pickling; returns it."""
    if not is_mock(mock):
        raise TypeError(f"picklable() takes a mock, not {type(mock).__name__}")
    own = type(mock).__dict__
    if any(own.get(name) is not value for name, value in _INSTALLED.items()):
        _mark(type(mock))
    return mock


def _mark(cls: type) -> None:
    """Put the three methods on ``cls``, the class of one mock (which only it reaches).

    Written through ``type(mock)``, as a user would: mock-core's metaclass notes each write
    and takes them back before it gives the class to another mock. Each write costs (the
    class leaves its pristine state, and is put back later), so there are no more than
    needed: pickle asks for ``__reduce_ex__`` alone, but ``copy`` asks for it too, and only
    ``__copy__`` and ``__deepcopy__`` (which copy looks for first) keep copies as they were.
    """
    for name, value in _INSTALLED.items():
        setattr(cls, name, value)


def picklable_mocks() -> Scope:
    """Make every mock picklable while it is started (mocks made before it too).

    The result is a :class:`~mock_extras.Scope`: ``with picklable_mocks():`` for a block, a
    decorator for a test, or ``.start()`` and ``.stop()``. Once the last started scope stops,
    only the mocks given to :func:`picklable` pickle (with the mocks they held when pickled).

    .. versionadded:: 0.2.0
    """
    return Scope(_on, _off)


# A started scope writes the three methods on NonCallableMock itself, which every mock class
# derives from, and the last stop takes them off again. mock-core's plugin API has no point
# for this: set_class_defaults (and move_to_class_defaults) give the classes of *new* mocks
# attributes for good, fixed before the first mock of a class is made, while this switch
# reaches the mocks that already exist and goes off at run time. So it is a plain write, the
# same one any user could make on a public class. Exactly what is restored: each name that
# NonCallableMock held itself before the first start gets that very object back (3.10's
# NonCallableMock has a __reduce_ex__ of its own, for copies: see _default_reduction); each
# name it did not hold is deleted. A name somebody else wrote meanwhile is left as they
# wrote it. The classes below NonCallableMock (Mock, MagicMock, the mocks' own classes) are
# never written: they only inherit the methods while a scope is started.


def _on() -> None:
    global _enabled
    with _lock:
        if _enabled == 0:
            own = NonCallableMock.__dict__
            for name, value in _INSTALLED.items():
                if name in own:
                    _saved[name] = own[name]
                setattr(NonCallableMock, name, value)
        _enabled += 1


def _off() -> None:
    global _enabled
    with _lock:
        _enabled -= 1
        if _enabled == 0:
            own = NonCallableMock.__dict__
            for name, value in _INSTALLED.items():
                before = _saved.pop(name, None)
                if own.get(name) is not value:
                    continue  # written by somebody else since: theirs stays
                if before is not None:
                    setattr(NonCallableMock, name, before)
                else:
                    delattr(NonCallableMock, name)
