"""Applying patchers as decorators: functions, coroutine functions and classes.

Stacked ``@patch`` decorators share one wrapper: the first creates it with a ``patchings``
list and the ones above append to that list, as in the standard library (pytest reads
``patchings`` to know how many arguments the patches supply). A call enters the patchers in
list order (bottom-up), passes created mocks as extra positional arguments (or keyword
arguments for ``patch.multiple``), and exits them innermost first however the call ends,
with the semantics of :class:`contextlib.ExitStack` but without its per-call cost.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from functools import wraps
from types import FunctionType, TracebackType

from mock_core import DEFAULT

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional, Tuple, Type, TypeVar

    _F = TypeVar("_F", bound=Callable[..., Any])

__all__ = [
    "_DecorationHelper",
    "_decorate_async_callable",
    "_decorate_callable",
    "_decorate_class",
    "_exit_patchers",
    "_is_coroutine_function",
    "_test_prefix",
]

_CO_COROUTINE = 0x80


def _is_coroutine_function(func: Any) -> bool:
    """:func:`inspect.iscoroutinefunction`, answered without importing inspect when possible."""
    if type(func) is FunctionType:
        if func.__code__.co_flags & _CO_COROUTINE:
            return True
        # inspect.markcoroutinefunction() (3.12+) leaves this attribute on plain functions.
        if not hasattr(func, "_is_coroutine_marker"):
            return False
    import inspect

    return inspect.iscoroutinefunction(func)


def _test_prefix() -> str:
    # Read from the public patch function at decoration time, so that assigning (or patching)
    # patch.TEST_PREFIX takes effect, as documented.
    from mock_patch._api import patch

    return patch.TEST_PREFIX


def _exit_patchers(entered: List[Any], exc: Optional[BaseException]) -> bool:
    """Exit ``entered`` patchers innermost first, the way :class:`contextlib.ExitStack` does.

    Every patcher is exited even if another one raises. Each gets the exception in flight
    (the body's, or a later one raised by an inner ``__exit__``). Returns True if an
    ``__exit__`` suppressed ``exc``; raises a new exception raised by an ``__exit__``; returns
    False when the caller should re-raise ``exc`` (or simply carry on if it is None).
    """
    pending = exc
    suppressed = False
    while entered:
        patcher = entered.pop()
        try:
            if pending is None:
                handled = patcher.__exit__(None, None, None)
            else:
                handled = patcher.__exit__(type(pending), pending, pending.__traceback__)
        except BaseException as new:
            pending = new
        else:
            if handled and pending is not None:
                pending = None
                suppressed = True
    if pending is not None and pending is not exc:
        raise pending
    return suppressed and pending is None


def _enter_patchers(
    patchings: List[Any], args: Tuple[Any, ...], keywargs: Any, entered: List[Any]
) -> Tuple[Any, ...]:
    """Enter ``patchings`` in order and return ``args`` extended with the created mocks."""
    extra = []
    for patching in patchings:
        arg = patching.__enter__()
        entered.append(patching)
        if patching.attribute_name is not None:
            keywargs.update(arg)
        elif patching.new is DEFAULT:
            extra.append(arg)
    if extra:
        return args + tuple(extra)
    return args


class _DecorationHelper:
    """Context manager entering ``patched.patchings``; ``as`` gives ``(args, keywargs)``.

    What ``_patch.decoration_helper`` returns, for code that builds its own wrappers.
    """

    def __init__(self, patched: Any, args: Tuple[Any, ...], keywargs: Dict[str, Any]) -> None:
        self._patched = patched
        self._args = args
        self._keywargs = keywargs
        self._entered: List[Any] = []

    def __enter__(self) -> Tuple[Tuple[Any, ...], Dict[str, Any]]:
        entered: List[Any] = []
        self._entered = entered
        try:
            args = _enter_patchers(self._patched.patchings, self._args, self._keywargs, entered)
        except BaseException as exc:
            if not _exit_patchers(entered, exc):
                raise
            args = self._args
        return args, self._keywargs

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc_value: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> bool:
        return _exit_patchers(self._entered, exc_value)


def _decorate_callable(patcher: Any, func: _F) -> _F:
    """Wrap a plain function (or join the wrapper already around it)."""
    if hasattr(func, "patchings"):
        func.patchings.append(patcher)
        return func

    @wraps(func)
    def patched(*args: Any, **keywargs: Any) -> Any:
        entered: List[Any] = []
        try:
            args = _enter_patchers(patched.patchings, args, keywargs, entered)  # type: ignore[attr-defined]
            result = func(*args, **keywargs)
        except BaseException as exc:
            if _exit_patchers(entered, exc):
                return None
            raise
        _exit_patchers(entered, None)
        return result

    patched.patchings = [patcher]  # type: ignore[attr-defined]
    return patched  # type: ignore[return-value]


def _decorate_async_callable(patcher: Any, func: _F) -> _F:
    """Wrap a coroutine function; the patches stay active across its awaits."""
    if hasattr(func, "patchings"):
        func.patchings.append(patcher)
        return func

    @wraps(func)
    async def patched(*args: Any, **keywargs: Any) -> Any:
        entered: List[Any] = []
        try:
            args = _enter_patchers(patched.patchings, args, keywargs, entered)  # type: ignore[attr-defined]
            result = await func(*args, **keywargs)
        except BaseException as exc:
            if _exit_patchers(entered, exc):
                return None
            raise
        _exit_patchers(entered, None)
        return result

    patched.patchings = [patcher]  # type: ignore[attr-defined]
    return patched  # type: ignore[return-value]


def _decorate_class(patcher: Any, klass: type) -> type:
    """Decorate every callable attribute whose name starts with ``patch.TEST_PREFIX``.

    Each method gets its own copy of the patcher, so methods never share patch state.
    """
    prefix = _test_prefix()
    for attr in dir(klass):
        if not attr.startswith(prefix):
            continue
        attr_value = getattr(klass, attr)
        # hasattr, not callable(): an instance attribute named __call__ counts, as in the
        # standard library.
        if not hasattr(attr_value, "__call__"):  # noqa: B004
            continue
        setattr(klass, attr, patcher.copy()(attr_value))
    return klass
