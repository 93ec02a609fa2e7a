"""Small predicates and helpers shared by the mock classes."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any

__all__ = [
    "_MockIter",
    "_callable",
    "_is_async_func",
    "_is_async_obj",
    "_is_exception",
    "_is_list",
    "_try_iter",
    "state_lock",
]

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100

_state_locks: list[Any] = []


def state_lock() -> Any:
    """The lock for the few updates that are not single atomic writes.

    First uses that must happen once across threads (a deferred child, a default return
    value) and counters kept as plain attributes (an autospecced function's ``call_count``)
    take it. Made on first need, so that importing mock-core does not import threading;
    two threads making one at the same moment both use the one appended first.

    .. versionadded:: 0.2.0
    """
    if not _state_locks:
        import threading

        _state_locks.append(threading.RLock())
    return _state_locks[0]


def _is_exception(obj: object) -> bool:
    # An exception instance, or an exception class (raised as it is, to be instantiated).
    if isinstance(obj, type):
        return issubclass(obj, BaseException)
    return isinstance(obj, BaseException)


def _is_list(obj: object) -> bool:
    # Only real lists and tuples are attribute-name specs; subclasses are spec objects.
    return type(obj) in (list, tuple)


def _callable(obj: object) -> bool:
    """Whether ``obj`` can serve as a side effect to call (classes count)."""
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod)) or type(obj).__name__ == "method":
        # Descriptors and bound methods are as callable as the function they hold.
        inner = getattr(obj, "__func__", None)
        return inner is not None and _callable(inner)
    return getattr(obj, "__call__", None) is not None  # noqa: B004


_FunctionType = type(_is_exception)


def _unwrap_callable(obj: Any) -> Any:
    """Strip static/class methods, bound methods and partials down to the function."""
    for _ in range(100):
        if isinstance(obj, (staticmethod, classmethod)):
            obj = obj.__func__
        elif type(obj).__name__ == "method" and hasattr(obj, "__func__"):
            obj = obj.__func__
        else:
            inner = _partial_func(obj)
            if inner is None:
                break
            obj = inner
    return obj


def _partial_func(obj: Any) -> Any:
    import sys

    functools = sys.modules.get("functools")
    if functools is not None and isinstance(obj, (functools.partial, functools.partialmethod)):
        return obj.func
    return None


def _is_async_func(obj: object) -> bool:
    """True for coroutine functions, seen through methods, partials and markers.

    Reads code flags directly so that neither ``inspect`` nor ``asyncio`` is imported.
    """
    if _marked_coroutine(obj):
        return True
    target = _unwrap_callable(obj)
    if target is not obj and _marked_coroutine(target):
        return True
    if type(target) is not _FunctionType:
        return False
    return bool(target.__code__.co_flags & _CO_COROUTINE)


def _inspect_mark(inspect: Any) -> Any:
    # 3.12.0 and 3.12.1 call it ``_is_coroutine_marker``; later ``_is_coroutine_mark``.
    mark = getattr(inspect, "_is_coroutine_mark", None)
    if mark is None:
        mark = getattr(inspect, "_is_coroutine_marker", None)
    return mark


def _marked_coroutine(obj: object) -> bool:
    import sys

    inspect = sys.modules.get("inspect")
    mark = _inspect_mark(inspect) if inspect is not None else None
    if mark is not None:
        try:
            if getattr(obj, "_is_coroutine_marker", None) is mark:
                return True
        except Exception:
            return False
    coroutines = sys.modules.get("asyncio.coroutines")
    legacy = getattr(coroutines, "_is_coroutine", None) if coroutines is not None else None
    if legacy is not None:
        try:
            return getattr(obj, "_is_coroutine", None) is legacy
        except Exception:
            return False
    return False


def _is_async_obj(obj: object) -> bool:
    from ._noncallable import _is_instance_mock

    if _is_instance_mock(obj):
        from ._await import AsyncMockMixin

        if not isinstance(obj, AsyncMockMixin):
            return False
        methods = getattr(obj, "_mock_methods", None)
        if methods is not None and "__func__" in methods:
            # Specced as a method: like the standard library, ask its __func__ (a child
            # mock made from the spec) rather than the mock itself.
            return _is_async_obj(getattr(obj, "__func__"))
        return callable(obj)
    if hasattr(obj, "__func__"):
        obj = obj.__func__
    if _is_async_func(obj):
        return True
    return _is_awaitable(obj)


def _is_awaitable(obj: object) -> bool:
    kind = type(obj)
    if kind.__name__ == "coroutine" and kind.__module__ == "builtins":
        return True
    if kind.__name__ == "generator":
        code = getattr(obj, "gi_code", None)
        return bool(getattr(code, "co_flags", 0) & _CO_ITERABLE_COROUTINE)
    if isinstance(obj, type):
        return False
    return getattr(kind, "__await__", None) is not None


def _try_iter(obj: Any) -> Any:
    """What a side_effect is stored as: iterables become iterators, the rest stays."""
    keep_as_is = obj is None or _is_exception(obj) or _callable(obj)
    if not keep_as_is:
        try:
            obj = iter(obj)
        except TypeError:
            # A non-iterable is kept so the error surfaces when the mock is called.
            pass
    return obj


class _MockIter:
    """Iterator over a side_effect sequence that also yields to ``next()`` callers."""

    def __init__(self, obj: Any) -> None:
        self.obj = iter(obj)

    def __iter__(self) -> _MockIter:
        return self

    def __next__(self) -> Any:
        return next(self.obj)
