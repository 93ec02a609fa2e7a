"""Side effects of autospecced mocks run as many frames below the call as in the stdlib.

See mock-core's test_core_effect_frames for why: a ``stacklevel`` counted there.
"""

from __future__ import annotations

import asyncio
import sys
from types import SimpleNamespace
from typing import Any, Callable
from unittest import mock as stdlib

import pytest

import mock_core
import mock_spec

# What the cases use, from the packages that provide it.
kit = SimpleNamespace(create_autospec=mock_spec.create_autospec, Mock=mock_core.Mock)


def frames_between(make: Callable[[Any], Any], invoke: Callable[..., Any]) -> int:
    """Frames between ``invoke`` and the user code the mock ``make`` returns runs."""
    seen: list[int] = []

    def user_code(*args: Any, **kwargs: Any) -> None:
        frame = sys._getframe(1)
        count = 0
        while frame.f_code is not invoke.__code__:
            count += 1
            frame = frame.f_back  # type: ignore[assignment]
        seen.append(count)

    mock = make(user_code)
    outcome = invoke(mock)
    if asyncio.iscoroutine(outcome):
        asyncio.run(outcome)
    assert len(seen) == 1
    return seen[0]


def function(a: int, b: int = 2) -> None:
    pass


async def coroutine_function(a: int) -> None:
    pass


class Spec:
    def method(self, a: int) -> None:
        pass

    @classmethod
    def class_method(cls, a: int) -> None:
        pass

    @staticmethod
    def static_method(a: int) -> None:
        pass


def with_effect(mock: Any, name: str, code: Any) -> Any:
    getattr(mock, name).side_effect = code
    return mock


async def await_it(mock: Any) -> Any:
    return await mock(1)


CASES: dict[str, tuple[Callable[[Any, Any], Any], Callable[..., Any]]] = {
    "function": (lambda lib, code: lib.create_autospec(function, side_effect=code), lambda m: m(1)),
    "function, keyword": (
        lambda lib, code: lib.create_autospec(function, side_effect=code),
        lambda m: m(a=1, b=3),
    ),
    "coroutine function": (
        lambda lib, code: lib.create_autospec(coroutine_function, side_effect=code),
        await_it,
    ),
    "class": (lambda lib, code: lib.create_autospec(Spec, side_effect=code), lambda m: m()),
    "method": (
        lambda lib, code: with_effect(lib.create_autospec(Spec, instance=True), "method", code),
        lambda m: m.method(1),
    ),
    "class method": (
        lambda lib, code: with_effect(lib.create_autospec(Spec), "class_method", code),
        lambda m: m.class_method(1),
    ),
    "static method": (
        lambda lib, code: with_effect(lib.create_autospec(Spec), "static_method", code),
        lambda m: m.static_method(1),
    ),
    "spec'd Mock": (lambda lib, code: lib.Mock(spec=function, side_effect=code), lambda m: m(1)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_user_code_runs_as_deep_as_in_the_standard_library(case: str) -> None:
    make, invoke = CASES[case]
    expected = frames_between(lambda code: make(stdlib, code), invoke)
    if case == "coroutine function" and expected == 1:
        # 3.10-3.12: the standard library's autospec of a coroutine function is a plain
        # function handing back the mock's coroutine, so its frame is gone when the side
        # effect runs; from 3.13 it is a coroutine function awaiting the mock, as mockkit's
        # is on every Python (DEVIATIONS.md), one frame more.
        expected = 2
    assert frames_between(lambda code: make(kit, code), invoke) == expected
