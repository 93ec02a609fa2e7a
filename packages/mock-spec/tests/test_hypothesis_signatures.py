"""Laws, for generated signatures: autospecced callables accept exactly what the real ones do."""

from __future__ import annotations

import inspect
import unittest.mock as std
from typing import Any, Callable, Dict, Tuple

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from mock_core import Mock
from mock_spec import create_autospec

NAMES = ("a", "b", "c", "d", "e", "g")
Call = Tuple[Tuple[Any, ...], Dict[str, Any]]

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def parameter_lists(draw: Any) -> str:
    """Source text of a parameter list: positional-only, defaults, *args, keyword-only, **kw."""
    names = list(draw(st.permutations(NAMES)))
    positional_only = draw(st.integers(0, 2))
    positional = draw(st.integers(0, 2))
    keyword_only = draw(st.integers(0, 2))
    total = positional_only + positional
    defaults = draw(st.integers(0, total))
    parts: list[str] = []
    for index in range(total):
        name = names.pop()
        parts.append(f"{name}={index}" if index >= total - defaults else name)
        if index == positional_only - 1:
            parts.append("/")
    if draw(st.booleans()):
        parts.append("*args")
    elif keyword_only:
        parts.append("*")
    for _ in range(keyword_only):
        name = names.pop()
        parts.append(f"{name}=0" if draw(st.booleans()) else name)
    if draw(st.booleans()):
        parts.append("**kwargs")
    return ", ".join(parts)


calls = st.tuples(
    st.lists(st.integers(0, 3), max_size=5).map(tuple),
    st.dictionaries(st.sampled_from((*NAMES, "args", "kwargs", "zz")), st.integers(0, 3),
                    max_size=4),
)  # fmt: skip


def build(params: str) -> Callable[..., Any]:
    namespace: dict[str, Any] = {}
    exec(f"def target({params}):\n    pass\n", namespace)
    return namespace["target"]  # type: ignore[no-any-return]


def outcome(func: Callable[..., Any], kall: Call) -> str | None:
    """None when the call is accepted, else the TypeError's message."""
    args, kwargs = kall
    try:
        func(*args, **kwargs)
    except TypeError as exc:
        return str(exc)
    return None


def bound(func: Callable[..., Any], kall: Call) -> Any:
    try:
        result = inspect.signature(func).bind(*kall[0], **kall[1])
    except TypeError:
        return None
    return result.args, result.kwargs


@SETTINGS
@given(parameter_lists(), st.lists(calls, min_size=1, max_size=6))
def test_accepts_exactly_the_calls_the_function_accepts(params: str, kalls: list[Call]) -> None:
    real = build(params)
    ours = create_autospec(real)
    theirs = std.create_autospec(real)
    for kall in kalls:
        accepted = outcome(real, kall) is None
        message = outcome(ours, kall)
        assert (message is None) == accepted, (params, kall)
        expected = outcome(theirs, kall)
        if expected is not None and not accepted:
            # Rejections carry the standard library's message. Where the interpreter's
            # inspect disagrees with Python itself (gh-87106 before 3.12, gh-130164 in
            # 3.12 and 3.13), the newest behaviour - Python's - wins.
            assert message == expected, (params, kall)
    assert ours.mock_calls == [kall for kall in kalls if outcome(real, kall) is None]


@SETTINGS
@given(parameter_lists(), calls, calls)
def test_assert_called_with_matches_calls_binding_alike(
    params: str, made: Call, expected: Call
) -> None:
    real = build(params)
    if outcome(real, made) is not None or bound(real, made) is None:
        # Only calls Python accepts, and that the interpreter's inspect binds (before
        # 3.12 it refused keywords named like positional-only parameters, gh-87106).
        return
    for m in (create_autospec(real), Mock(spec=real)):
        m(*made[0], **made[1])
        same = bound(real, expected)
        try:
            m.assert_called_with(*expected[0], **expected[1])
        except AssertionError as exc:
            assert same != bound(real, made), (params, made, expected)
            if same is None:
                assert isinstance(exc.__cause__, TypeError)
        else:
            assert same == bound(real, made), (params, made, expected)


@SETTINGS
@given(parameter_lists(), st.lists(calls, min_size=1, max_size=4), calls)
def test_methods_agree_with_the_standard_library(
    params: str, kalls: list[Call], expected: Call
) -> None:
    separator = ", " if params else ""
    namespace: dict[str, Any] = {}
    exec(f"class C:\n    def meth(self{separator}{params}):\n        pass\n", namespace)
    klass = namespace["C"]
    for ours, theirs in (
        (create_autospec(klass), std.create_autospec(klass)),
        (create_autospec(klass).return_value, std.create_autospec(klass).return_value),
        (create_autospec(klass()), std.create_autospec(klass())),
    ):
        real = klass().meth
        diverged = False
        for kall in kalls:
            refused = outcome(theirs.meth, kall)
            got = outcome(ours.meth, kall)
            assert (got is None) == (outcome(real, kall) is None)
            if (refused is None) != (got is None):
                diverged = True  # the interpreter's inspect is wrong here, see above
            else:
                assert got == refused
        assert list(ours.mock_calls) == [
            ("meth", *kall) for kall in kalls if outcome(real, kall) is None
        ]
        if diverged:
            continue
        results = []
        for m in (ours, theirs):
            try:
                m.meth.assert_any_call(*expected[0], **expected[1])
                results.append("ok")
            except AssertionError as exc:
                results.append(type(exc.__cause__).__name__)
        assert results[0] == results[1]


@pytest.mark.parametrize("params", ["", "a, /", "*, k", "a=1, *args, **kwargs", "a, b, /, c"])
def test_examples_of_each_kind(params: str) -> None:
    real = build(params)
    m = create_autospec(real)
    assert inspect.signature(m) == inspect.signature(real)
