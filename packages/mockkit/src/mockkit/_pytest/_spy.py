"""The function a spy's mock calls through to: it runs the original and notes the outcome.

``mocker.spy(obj, name)`` patches ``obj.name`` with a mock whose ``side_effect`` is made
here. It calls the original as it was fetched before patching (a bound method stays bound to
its instance or class), and writes the outcome on the spy: ``spy_return``,
``spy_return_list``, ``spy_exception`` and, on request, ``spy_return_iter``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator
from typing import Any, Callable, Tuple

__all__ = ["spying"]


def _returned(spy: Any, result: Any, duplicate_iterators: bool) -> Any:
    if duplicate_iterators and isinstance(result, Iterator):
        # An iterator can be consumed once: the caller and the spy each get a copy.
        import itertools

        result, copy = itertools.tee(result)
        spy.spy_return_iter = copy
    spy.spy_return = result
    spy.spy_return_list.append(result)
    return result


def _start_call(spy: Any) -> None:
    # The attributes describe the last call only.
    spy.spy_return = None
    spy.spy_return_iter = None
    spy.spy_exception = None


def spying(original: Callable[..., Any], duplicate_iterators: bool) -> Tuple[Any, bool]:
    """Return ``(side_effect, autospec)`` for a spy on ``original``.

    The side effect finds the spy in its attribute ``spy``, which the caller sets once the
    patch has made the spy. Functions and methods (bound to an instance or to a class, as
    class methods are) are autospecced, so that the spy checks arguments like the original
    and records ``self`` when it sits on a class; other callables get a plain mock.
    """
    autospec = inspect.ismethod(original) or inspect.isfunction(original)

    if inspect.iscoroutinefunction(original):

        async def through_async(*args: Any, **kwargs: Any) -> Any:
            spy = through_async.spy  # type: ignore[attr-defined]
            _start_call(spy)
            try:
                result = await original(*args, **kwargs)
            except BaseException as exc:
                spy.spy_exception = exc
                raise
            return _returned(spy, result, duplicate_iterators)

        through: Any = through_async
    else:

        def through_sync(*args: Any, **kwargs: Any) -> Any:
            spy = through_sync.spy  # type: ignore[attr-defined]
            _start_call(spy)
            try:
                result = original(*args, **kwargs)
            except BaseException as exc:
                spy.spy_exception = exc
                raise
            return _returned(spy, result, duplicate_iterators)

        through = through_sync
    try:
        # The original's name and docstring, for reprs and tracebacks; its __dict__ is
        # left out, so nothing of a callable object's state is copied.
        functools.update_wrapper(through, original, updated=())
    except Exception:  # an exotic callable without the usual attributes: keep ours
        pass
    return through, autospec
