"""Await recording: the mixin that makes a mock's calls awaitable (``AsyncMockMixin``).

A call is recorded when it is made; the await is recorded when the returned
coroutine actually runs, as in the standard library.
"""

from __future__ import annotations

import sys

from ._assertions import (
    _Matcher,
    _matches_any,
    _unmatched,
    fail,
    failure_message,
    format_signature,
)
from ._call import _Call, _CallList
from ._recorders import RECORDED
from ._recording import (
    _plain,
    called_as_side_effect,
    check_and_record,
    count_offset,
)
from ._sentinel import DEFAULT
from ._util import _is_async_func, _is_exception, state_lock

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any

__all__ = ["AsyncMockMixin"]

_CO_FLAGS = 0x80 | 0x04 | 0x08  # coroutine, *args, **kwargs
_new_call = tuple.__new__


class _CodeMock:
    """``__code__`` of async mocks: a code-shaped mock built on first read."""

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        from ._noncallable import NonCallableMock

        code = NonCallableMock(spec_set=type(_CodeMock.__get__.__code__))
        store = code.__dict__
        store["co_flags"] = _CO_FLAGS
        store["co_argcount"] = 0
        store["co_varnames"] = ("args", "kwargs")
        store["co_posonlyargcount"] = 0
        store["co_kwonlyargcount"] = 0
        return obj.__dict__.setdefault("__code__", code)


class _Marker:
    """Class-level coroutine markers, read lazily from ``inspect``/``asyncio`` if loaded."""

    def __init__(self, module: str, names: str | tuple[str, ...]) -> None:
        self.module = module
        self.names = (names,) if isinstance(names, str) else names

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        module = sys.modules.get(self.module)
        for name in self.names:
            found = getattr(module, name, None)
            if found is not None:
                return found
        raise AttributeError(self.names[0])


def _reset_awaits(mock: Any) -> None:
    if mock._mock_delegate is not None:
        # An autospecced coroutine function keeps the await state.
        mock.await_count = 0
        mock.await_args = None
        mock.await_args_list = _CallList()
        return
    store = mock.__dict__
    for name in _AWAIT_STATE:
        store.pop(name, None)


_AWAIT_STATE = (
    "_mock_await_tally",
    "_mock_await_offset",
    "_mock_await_args",
    "_mock_await_args_list",
)


def _own_await_count(self: Any) -> int:
    # Like call_count: one append per await (atomic, so none is lost between threads)
    # plus an offset that assignment moves.
    store = self.__dict__
    tally = store.get("_mock_await_tally")
    return (0 if tally is None else len(tally)) + store.get("_mock_await_offset", 0)  # type: ignore[no-any-return]


def _set_own_await_count(self: Any, value: int) -> None:
    store = self.__dict__
    tally = store.get("_mock_await_tally")
    store["_mock_await_offset"] = count_offset(value, 0 if tally is None else len(tally))


def _get_await_count(self: Any) -> int:
    delegate = self._mock_delegate
    if delegate is not None:
        return delegate.await_count  # type: ignore[no-any-return]
    return _own_await_count(self)


def _set_await_count(self: Any, value: int) -> None:
    delegate = self._mock_delegate
    if delegate is not None:
        delegate.await_count = value
    else:
        _set_own_await_count(self, value)


_FUNCTION_ATTRIBUTES = frozenset(
    {"__annotations__", "__code__", "__defaults__", "__kwdefaults__", "__name__"}
)


class AsyncMockMixin:
    """Records awaits and provides the ``assert_*await*`` methods.

    .. versionadded:: 0.1.0
    """

    _mock_await_args: Any = None

    # The standard library's private name for the mock's own count, kept readable.
    _mock_await_count = property(_own_await_count, _set_own_await_count)
    await_count = property(_get_await_count, _set_await_count)
    await_args = _plain("_mock_await_args", "await_args")
    await_args_list = _plain("_mock_await_args_list", "await_args_list")

    # What makes ``asyncio.iscoroutinefunction`` and ``inspect.iscoroutinefunction``
    # recognise the mock, without importing either module here.
    _is_coroutine = _Marker("asyncio.coroutines", "_is_coroutine")
    _is_coroutine_marker = _Marker("inspect", ("_is_coroutine_mark", "_is_coroutine_marker"))
    __code__ = _CodeMock()
    __name__ = "AsyncMock"
    __defaults__ = ()

    @property
    def __kwdefaults__(self) -> dict[str, Any]:
        return self.__dict__.setdefault("_mock_kwdefaults", {})  # type: ignore[no-any-return]

    @__kwdefaults__.setter
    def __kwdefaults__(self, value: dict[str, Any]) -> None:
        self.__dict__["_mock_kwdefaults"] = value

    @property
    def _mock_await_args_list(self) -> _CallList:
        return self.__dict__.setdefault(  # type: ignore[no-any-return]
            "_mock_await_args_list", _CallList()
        )

    @_mock_await_args_list.setter
    def _mock_await_args_list(self, value: _CallList) -> None:
        self.__dict__["_mock_await_args_list"] = value

    _mock_reset_hook = staticmethod(_reset_awaits)

    def __dir__(self) -> list[str]:
        # The stdlib keeps these function attributes in the instance dict, so dir() of
        # an async mock lists them; here they live on the class (nothing per instance).
        return sorted(set(super().__dir__()) | _FUNCTION_ATTRIBUTES)

    def _mock_async_call(self, /, *args: Any, **kwargs: Any) -> Any:
        # Becomes ``__call__`` of callable classes only (see _callable._choose_call): a
        # non-callable mock specced on a coroutine function must stay non-callable.
        check_and_record(self, args, kwargs)
        # Nothing runs yet: the await is recorded when the coroutine does.
        coroutine = self._execute_mock_call(*args, **kwargs)
        return coroutine

    def _mock_execute_recorded(self, recorded: _Call, args: Any, kwargs: Any) -> Any:
        # The coroutine of a call made through call recorders (_callable._recording_call):
        # its await is recorded as the call was. An _execute_mock_call of a subclass is
        # given the caller's arguments only.
        run = self._execute_mock_call
        if type(self)._execute_mock_call is AsyncMockMixin._execute_mock_call:
            return run(RECORDED, recorded, *args, **kwargs)
        return run(*args, **kwargs)

    async def _execute_mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        if args and args[0] is RECORDED:
            # From _mock_execute_recorded. A dict of its own, as the call's would be.
            pair: _Call = _new_call(_Call, (args[1][0], dict(args[1][1])))
            args = args[2:]
        else:
            pair = _new_call(_Call, (args, kwargs))
        if self._mock_delegate is None:  # type: ignore[attr-defined]
            store = self.__dict__
            tally = store.get("_mock_await_tally")
            if tally is None:
                tally = store.setdefault("_mock_await_tally", [])
            tally.append(None)
            store["_mock_await_args"] = pair
            self._mock_await_args_list.append(pair)
        else:
            # The delegate keeps a plain counter: count under the lock.
            with state_lock():
                self.await_count += 1
            self.await_args = pair
            self.await_args_list.append(pair)

        effect = self.side_effect  # type: ignore[attr-defined]
        if effect is not None:
            # Called from this coroutine's own frame, as in the standard library (see
            # _recording.CALL_FRAMES). Coroutine functions are awaited; an exhausted
            # iterable ends with StopAsyncIteration (chained to the StopIteration), while
            # a StopIteration given as the effect or produced by it is raised, and so
            # becomes the coroutine's RuntimeError.
            if called_as_side_effect(effect):
                result = effect(*args, **kwargs)
                if _is_async_func(effect):
                    result = await result
            elif _is_exception(effect):
                raise effect
            else:
                try:
                    result = next(effect)
                except StopIteration:
                    raise StopAsyncIteration  # noqa: B904 - chained, as in the stdlib
                if _is_exception(result):
                    raise result
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:  # type: ignore[attr-defined]
            return self.return_value  # type: ignore[attr-defined]
        wrapped = self._mock_wraps  # type: ignore[attr-defined]
        if wrapped is not None:
            if _is_async_func(wrapped):
                return await wrapped(*args, **kwargs)
            return wrapped(*args, **kwargs)
        return self.return_value  # type: ignore[attr-defined]

    def assert_awaited(self) -> None:
        """Fail unless the mock was awaited at least once."""
        if self.await_count == 0:
            fail(self, "awaited", f"Expected {self._mock_name or 'mock'} to have been awaited.")  # type: ignore[attr-defined]

    def assert_awaited_once(self) -> None:
        """Fail unless the mock was awaited exactly once."""
        if self.await_count != 1:
            fail(
                self,
                "awaited_once",
                f"Expected {self._mock_name or 'mock'} to have been awaited once. "  # type: ignore[attr-defined]
                f"Awaited {self.await_count} times.",
            )

    def assert_awaited_with(self, /, *args: Any, **kwargs: Any) -> None:
        """Fail unless the last await had exactly these arguments."""
        last = self.await_args
        if last is None:
            expected_text = format_signature(self, args, kwargs)
            fail(self, "awaited_with", f"Expected await: {expected_text}\nNot awaited")
        match = _Matcher(self)
        expected, cause = match.expect(args, kwargs)
        if match(last) != expected:
            fail(
                self,
                "awaited_with",
                failure_message(self, args, kwargs, action="await"),
                expected=_Call((args, kwargs), two=True),
                actual=last,
                cause=cause,
            )

    def assert_awaited_once_with(self, /, *args: Any, **kwargs: Any) -> None:
        """Fail unless the mock was awaited exactly once, with these arguments."""
        if self.await_count != 1:
            fail(
                self,
                "awaited_once_with",
                f"Expected {self._mock_name or 'mock'} to have been awaited once. "  # type: ignore[attr-defined]
                f"Awaited {self.await_count} times.",
            )
        self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args: Any, **kwargs: Any) -> None:
        """Fail unless some await, not only the last, had these arguments."""
        match = _Matcher(self)
        expected, cause = match.expect(args, kwargs)
        actual = list(map(match, self.await_args_list))
        if cause is not None or not _matches_any(expected, actual):
            fail(
                self,
                "any_await",
                f"{format_signature(self, args, kwargs)} await not found",
                cause=cause,
            )

    def assert_has_awaits(self, calls: Any, any_order: bool = False) -> None:
        """Fail unless ``calls`` were awaited: in a row, or in any order."""
        match = _Matcher(self)
        expected, cause = match.expect_all(calls)
        awaited = _CallList(map(match, self.await_args_list))
        if not any_order:
            if expected not in awaited:
                if cause is None:
                    problem = "Awaits not found."
                else:
                    errors = [e if isinstance(e, Exception) else None for e in expected]
                    problem = f"Error processing expected awaits.\nErrors: {errors}"
                fail(
                    self,
                    "has_awaits",
                    f"{problem}\nExpected: {_CallList(calls)}\nActual: {self.await_args_list}",
                    cause=cause,
                )
            return
        not_found = _unmatched(expected, list(awaited))
        if not_found:
            fail(
                self,
                "has_awaits",
                f"{tuple(not_found)!r} not all found in await list",
                cause=cause,
            )

    def assert_not_awaited(self) -> None:
        """Fail if the mock was awaited."""
        if self.await_count != 0:
            fail(
                self,
                "not_awaited",
                f"Expected {self._mock_name or 'mock'} to not have been awaited. "  # type: ignore[attr-defined]
                f"Awaited {self.await_count} times.",
            )


# Functions report their annotations; an async mock reports none, like the
# standard library's. Set after the class body, which needs its own annotations.
type.__setattr__(AsyncMockMixin, "__annotations__", None)
