"""Side effects of mock-magic's mocks run as many frames below the call as in the stdlib.

See mock-core's test_core_effect_frames for why: a ``stacklevel`` counted there.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any, Callable
from unittest import mock as stdlib

import pytest

import mock_magic


def frames_between(make: Callable[[Any], Any], invoke: Callable[[Any], Any]) -> int:
    """Frames between ``invoke`` and the user code the mock ``make`` returns runs."""
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


def with_len(lib: Any, code: Any) -> Any:
    mock = lib.MagicMock()
    mock.__len__.side_effect = code
    return mock


CASES: dict[str, tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]] = {
    "MagicMock": (lambda lib, code: lib.MagicMock(side_effect=code), lambda m: m(1)),
    "MagicMock child": (
        lambda lib, code: lib.MagicMock(**{"a.b.side_effect": code}),
        lambda m: m.a.b(x=1),
    ),
    "magic method": (with_len, lambda m: len(m)),
    "NonCallableMagicMock child": (
        lambda lib, code: lib.NonCallableMagicMock(**{"a.side_effect": code}),
        lambda m: m.a(),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_user_code_runs_as_deep_as_in_the_standard_library(case: str) -> None:
    make, invoke = CASES[case]
    expected = frames_between(lambda code: make(stdlib, code), invoke)
    assert frames_between(lambda code: make(mock_magic, code), invoke) == expected


def test_threading_mock_adds_the_frame_of_its_own_call() -> None:
    def invoke(mock: Any) -> Any:
        return mock(1)

    found = frames_between(lambda code: mock_magic.ThreadingMock(side_effect=code), invoke)
    if hasattr(stdlib, "ThreadingMock"):
        expected = frames_between(lambda code: stdlib.ThreadingMock(side_effect=code), invoke)
    else:
        # Before 3.13 the standard library has no ThreadingMock; mockkit follows the
        # newest one, whose calls pass through a _mock_call of its own.
        expected = frames_between(lambda code: stdlib.Mock(side_effect=code), invoke) + 1
    assert found == expected


@pytest.mark.parametrize("wrapped", [False, True], ids=["side_effect", "wraps"])
def test_async_user_code_runs_in_the_coroutine_of_the_call(wrapped: bool) -> None:
    async def invoke(mock: Any) -> Any:
        return await mock(1)

    def to_awaiter(lib: Any) -> int:
        seen: list[int] = []

        def code(*args: Any) -> None:
            frame = sys._getframe(1)
            count = 0
            while frame.f_code is not invoke.__code__:
                count += 1
                frame = frame.f_back  # type: ignore[assignment]
            seen.append(count)

        mock = lib.AsyncMock(wraps=code) if wrapped else lib.AsyncMock(side_effect=code)
        asyncio.run(invoke(mock))
        return seen[0]

    assert to_awaiter(mock_magic) == to_awaiter(stdlib)


def outcome(lib: Any, effect: Any) -> tuple[str, str, str, bool]:
    async def invoke() -> Any:
        return await lib.AsyncMock(side_effect=effect)()

    try:
        asyncio.run(invoke())
    except BaseException as error:
        return (
            type(error).__name__,
            type(error.__cause__).__name__,
            type(error.__context__).__name__,
            error.__suppress_context__,
        )
    raise AssertionError("the side effect raised nothing")


@pytest.mark.parametrize(
    "effect",
    [
        lambda: iter([]),
        lambda: StopIteration,
        lambda: StopIteration("given"),
        lambda: iter([StopIteration("produced")]),
        lambda: iter([ValueError("produced")]),
    ],
    ids=["exhausted", "StopIteration class", "StopIteration", "produced", "other exception"],
)
def test_async_side_effect_stop_iteration_as_in_the_standard_library(effect: Any) -> None:
    # Only an exhausted iterator becomes StopAsyncIteration (chained to its StopIteration);
    # a StopIteration raised as such leaves the coroutine as its RuntimeError.
    assert outcome(mock_magic, effect()) == outcome(stdlib, effect())
