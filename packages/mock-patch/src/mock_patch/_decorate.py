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
    "_patch_test_methods",
    "_test_prefix",
]

_CO_COROUTINE = 0x80

# getattr default telling "no patchings attribute" apart from any value it could have.
_NOT_WRAPPED: Any = object()


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
    """Enter ``patchings`` in order, recording each in ``entered`` as soon as it is in place.

    Mocks created by ``patch.multiple`` patchers are merged into ``keywargs``; those created
    by the others are appended, in order, to ``args``, which is returned.
    """
    created = []
    for patching in patchings:
        value = patching.__enter__()
        entered.append(patching)
        if patching.attribute_name is None:
            # A caller-supplied ``new`` is not passed on: the caller already has it.
            if patching.new is DEFAULT:
                created.append(value)
        else:
            keywargs.update(value)
    return args + tuple(created) if created else args


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


def _sync_wrapper(func: Callable[..., Any]) -> Any:
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

    return patched


def _async_wrapper(func: Callable[..., Any]) -> Any:
    # Entering and exiting inside the coroutine keeps the patches in place across its awaits
    # and only while it actually runs.
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

    return patched


def _wrap_or_join(patcher: Any, func: _F, make_wrapper: Callable[[Any], Any]) -> _F:
    # A function already wrapped by a patcher gets one more entry in its ``patchings``
    # instead of a second wrapper, so that stacked decorators cost one call layer.
    chain = getattr(func, "patchings", _NOT_WRAPPED)
    if chain is not _NOT_WRAPPED:
        chain.append(patcher)
        return func
    wrapper = make_wrapper(func)
    wrapper.patchings = [patcher]
    return wrapper  # type: ignore[no-any-return]


def _decorate_callable(patcher: Any, func: _F) -> _F:
    """Run ``func`` with ``patcher`` applied around every call."""
    return _wrap_or_join(patcher, func, _sync_wrapper)


def _decorate_async_callable(patcher: Any, func: _F) -> _F:
    """Run every coroutine made by ``func`` with ``patcher`` applied while it runs."""
    return _wrap_or_join(patcher, func, _async_wrapper)


def _patch_test_methods(
    klass: type, new_patcher: Callable[[], Any], look_up_every_name: bool = False
) -> type:
    """Decorate each callable member of ``klass`` whose name has ``patch.TEST_PREFIX``.

    Each member gets a patcher of its own from ``new_patcher()``, so that no two methods
    share patch state. ``look_up_every_name`` fetches every member named by ``dir()``, test
    or not, which is what ``patch.dict`` has always done (it matters only for members whose
    lookup fails).
    """
    prefix = _test_prefix()
    for name in dir(klass):
        is_test = name.startswith(prefix)
        if not (is_test or look_up_every_name):
            continue
        member = getattr(klass, name)
        # hasattr, not callable(): an instance attribute named __call__ counts too.
        if is_test and hasattr(member, "__call__"):  # noqa: B004
            setattr(klass, name, new_patcher()(member))
    return klass


def _decorate_class(patcher: Any, klass: type) -> type:
    """Apply a copy of ``patcher`` to every test method of ``klass``."""
    return _patch_test_methods(klass, patcher.copy)
