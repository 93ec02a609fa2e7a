"""User code a call runs sits as many frames below the call as in the standard library.

A side effect or a wrapped callable that warns with a ``stacklevel`` counted for the
standard library's call path (``__call__``, ``_mock_call``, ``_execute_mock_call``) must
point at the same line on mock-core. Every case is measured on both libraries.
"""

from __future__ import annotations

import asyncio
import sys
import warnings
from typing import Any, Callable
from unittest import mock as stdlib

import pytest

import mock_core

LIBRARIES = pytest.mark.parametrize("lib", [stdlib, mock_core], ids=["stdlib", "mock_core"])


def frames_between(make: Callable[[Any], Any], invoke: Callable[[Any], Any]) -> int:
    """Frames between ``invoke`` and the user code ``make``'s mock runs when ``invoke``
    calls it (``make`` gets that code and returns the mock)."""
    seen: list[int] = []

    def user_code(*args: Any, **kwargs: Any) -> int:
        frame = sys._getframe(1)
        count = 0
        while frame.f_code is not invoke.__code__:
            count += 1
            frame = frame.f_back  # type: ignore[assignment]
        seen.append(count)
        return 1

    invoke(make(user_code))
    assert len(seen) == 1
    return seen[0]


def call_it(mock: Any) -> Any:
    return mock(1, x=2)


def call_child(mock: Any) -> Any:
    return mock.child(1)


def configured(mock: Any, **settings: Any) -> Any:
    for name, value in settings.items():
        setattr(mock, name, value)
    return mock


class Wrapped:
    def __init__(self, code: Callable[..., Any]) -> None:
        self.child = code


class OwnMockCall(mock_core.Mock):
    """A subclass that overrides a call hook (the step-by-step path)."""

    def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        return super()._mock_call(*args, **kwargs)


class StdlibOwnMockCall(stdlib.Mock):
    def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        return super()._mock_call(*args, **kwargs)


CASES: dict[str, tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]] = {
    "side_effect": (lambda lib, code: lib.Mock(side_effect=code), call_it),
    "child side_effect": (lambda lib, code: lib.Mock(**{"child.side_effect": code}), call_child),
    "non-callable's child": (
        lambda lib, code: lib.NonCallableMock(**{"child.side_effect": code}),
        call_child,
    ),
    "wraps": (lambda lib, code: lib.Mock(wraps=code), call_it),
    "wraps, child": (lambda lib, code: lib.Mock(wraps=Wrapped(code)), call_child),
    "side_effect set later": (lambda lib, code: configured(lib.Mock(), side_effect=code), call_it),
    "overridden hook": (
        lambda lib, code: (OwnMockCall if lib is mock_core else StdlibOwnMockCall)(
            side_effect=code
        ),
        call_it,
    ),
    "PropertyMock": (
        lambda lib, code: type("Owner", (), {"p": lib.PropertyMock(side_effect=code)})(),
        lambda owner: owner.p,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_user_code_runs_as_deep_as_in_the_standard_library(case: str) -> None:
    make, invoke = CASES[case]
    expected = frames_between(lambda code: make(stdlib, code), invoke)
    assert frames_between(lambda code: make(mock_core, code), invoke) == expected


@LIBRARIES
def test_a_warning_counted_for_the_stdlib_points_at_the_caller(lib: Any) -> None:
    def warn(*args: Any) -> None:
        # The side effect, _execute_mock_call, _mock_call, __call__, then the caller.
        warnings.warn("from a side effect", UserWarning, stacklevel=5)

    mock = lib.Mock(side_effect=warn)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        line = sys._getframe().f_lineno + 1
        mock()
    assert [(w.filename, w.lineno) for w in caught] == [(__file__, line)]


def test_an_async_side_effect_runs_in_the_coroutine_of_the_call() -> None:
    async def invoke(mock: Any) -> Any:
        return await mock(1)

    def measure(lib: Any) -> int:
        seen: list[int] = []

        def code(*args: Any) -> None:
            frame = sys._getframe(1)
            count = 0
            while frame.f_code is not invoke.__code__:
                count += 1
                frame = frame.f_back  # type: ignore[assignment]
            seen.append(count)

        class Async(lib.AsyncMockMixin, lib.Mock):  # type: ignore[misc, name-defined]
            pass

        mock = Async(side_effect=code) if lib is mock_core else lib.AsyncMock(side_effect=code)
        asyncio.run(invoke(mock))
        return seen[0]

    assert measure(mock_core) == measure(stdlib)
