"""Every ``assert_*`` method, with the standard library's exact failure messages."""

from __future__ import annotations

from typing import Any

import pytest
from core_support import agree, ok, raises

from mock_core import ANY, Mock, NonCallableMock, call


def called(M: Any, *calls: Any, **kw: Any) -> Any:
    """A mock of module ``M`` called once per ``call`` object in ``calls``."""
    m = M.Mock(**kw)
    for c in calls:
        m(*c.args, **c.kwargs)
    return m


def fails(message: str, cause: str | None = None) -> Any:
    return raises("AssertionError", message, cause)


# -- assert_not_called / assert_called / assert_called_once -----------------------------


def test_assert_not_called() -> None:
    assert agree(lambda M: called(M).assert_not_called()) == ok(None)
    assert agree(lambda M: called(M, call(1)).assert_not_called()) == fails(
        "Expected 'mock' to not have been called. Called 1 times.\nCalls: [call(1)]."
    )
    assert agree(
        lambda M: called(M, call(1), call(2, a=3), name="nm").assert_not_called()
    ) == fails(
        "Expected 'nm' to not have been called. Called 2 times.\nCalls: [call(1), call(2, a=3)]."
    )


def test_assert_not_called_on_a_child_uses_its_own_name() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.a.b(1)
        m.a.b.assert_not_called()

    assert agree(scenario) == fails(
        "Expected 'b' to not have been called. Called 1 times.\nCalls: [call(1)]."
    )


def test_assert_called() -> None:
    assert agree(lambda M: called(M, call()).assert_called()) == ok(None)
    assert agree(lambda M: called(M).assert_called()) == fails(
        "Expected 'mock' to have been called."
    )
    assert agree(lambda M: called(M, name="foo").assert_called()) == fails(
        "Expected 'foo' to have been called."
    )


def test_assert_called_once() -> None:
    assert agree(lambda M: called(M, call()).assert_called_once()) == ok(None)
    assert agree(lambda M: called(M).assert_called_once()) == fails(
        "Expected 'mock' to have been called once. Called 0 times."
    )
    assert agree(lambda M: called(M, call(1), call(2)).assert_called_once()) == fails(
        "Expected 'mock' to have been called once. Called 2 times.\nCalls: [call(1), call(2)]."
    )


def test_assert_called_once_counts_child_calls_in_the_listing() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m()
        m.child(1)
        m()
        m.assert_called_once()

    assert agree(scenario) == fails(
        "Expected 'mock' to have been called once. Called 2 times.\n"
        "Calls: [call(), call.child(1), call()]."
    )


# -- assert_called_with / assert_called_once_with ----------------------------------------


def test_assert_called_with() -> None:
    assert agree(lambda M: called(M, call(1, b=2)).assert_called_with(1, b=2)) == ok(None)
    assert agree(lambda M: called(M).assert_called_with(1, a=2)) == fails(
        "expected call not found.\nExpected: mock(1, a=2)\n  Actual: not called."
    )
    assert agree(lambda M: called(M, call(1)).assert_called_with(2)) == fails(
        "expected call not found.\nExpected: mock(2)\n  Actual: mock(1)"
    )
    assert agree(lambda M: called(M, call(2), call(1)).assert_called_with(2)) == fails(
        "expected call not found.\nExpected: mock(2)\n  Actual: mock(1)"
    )


def test_assert_called_with_named_and_children() -> None:
    assert agree(lambda M: called(M, call(1), name="foo").assert_called_with(2)) == fails(
        "expected call not found.\nExpected: foo(2)\n  Actual: foo(1)"
    )

    def child(M: Any) -> Any:
        m = M.Mock(name="p")
        m.b.c(2)
        m.b.c.assert_called_with(5)

    assert agree(child) == fails("expected call not found.\nExpected: c(5)\n  Actual: c(2)")


def test_assert_called_with_any() -> None:
    assert agree(lambda M: called(M, call(1, b=M.ANY)).assert_called_with(M.ANY, b=3)) == ok(None)
    m = Mock()
    m(1, 2, x=3)
    m.assert_called_with(ANY, 2, x=ANY)
    m.assert_called_with(*[ANY, ANY], x=ANY)
    with pytest.raises(AssertionError):
        m.assert_called_with(ANY, x=ANY)


def test_assert_called_with_unrepresentable_arguments() -> None:
    assert agree(lambda M: called(M, call(object())).assert_called_with(1)) == fails(
        "expected call not found.\nExpected: mock(1)\n  Actual: mock(<object object at 0xADDR>)"
    )


def test_assert_called_once_with() -> None:
    assert agree(lambda M: called(M, call(1)).assert_called_once_with(1)) == ok(None)
    assert agree(lambda M: called(M).assert_called_once_with(1)) == fails(
        "Expected 'mock' to be called once. Called 0 times."
    )
    assert agree(lambda M: called(M, call(1), call(1)).assert_called_once_with(1)) == fails(
        "Expected 'mock' to be called once. Called 2 times.\nCalls: [call(1), call(1)]."
    )
    assert agree(lambda M: called(M, call(1)).assert_called_once_with(2)) == fails(
        "expected call not found.\nExpected: mock(2)\n  Actual: mock(1)"
    )


def test_assert_called_once_with_counts_the_mock_not_its_children() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m(1)
        m.a(2)
        m.assert_called_once_with(1)
        return m.call_count

    assert agree(scenario) == ok(1)


# -- assert_any_call ---------------------------------------------------------------------------


def test_assert_any_call() -> None:
    assert agree(lambda M: called(M, call(1), call(2)).assert_any_call(1)) == ok(None)
    assert agree(lambda M: called(M, call(1)).assert_any_call(2)) == fails("mock(2) call not found")
    assert agree(lambda M: called(M, name="q").assert_any_call(2, x=1)) == fails(
        "q(2, x=1) call not found"
    )
    assert agree(
        lambda M: called(M, call(1, a=[1]), call(2)).assert_any_call(M.ANY, a=M.ANY)
    ) == ok(None)


def test_assert_any_call_lets_expected_matchers_decide() -> None:
    class Never:
        def __eq__(self, other: object) -> bool:
            return False

    m = Mock()
    m(Never())
    m.assert_any_call(ANY)


# -- assert_has_calls ------------------------------------------------------------------------


def test_assert_has_calls_in_order() -> None:
    three = (call(1), call(2), call(3))
    assert agree(lambda M: called(M, *three).assert_has_calls([M.call(2), M.call(3)])) == ok(None)
    assert agree(lambda M: called(M, *three).assert_has_calls([])) == ok(None)
    assert agree(lambda M: called(M, *three).assert_has_calls([M.call(3), M.call(2)])) == fails(
        "Calls not found.\nExpected: [call(3), call(2)]\n  Actual: [call(1), call(2), call(3)]"
    )
    assert agree(lambda M: called(M, *three).assert_has_calls([M.call(1), M.call(3)])) == fails(
        "Calls not found.\nExpected: [call(1), call(3)]\n  Actual: [call(1), call(2), call(3)]"
    )


def test_assert_has_calls_compares_as_the_stdlib_does() -> None:
    # Which comparisons run, in which order and on which side, is observable through a
    # matcher in the expected calls: the search for a run of calls must ask the same ones.
    def scenario(M: Any) -> Any:
        asked: list[Any] = []

        class Seen:
            def __init__(self, tag: str) -> None:
                self.tag = tag

            def __eq__(self, other: object) -> bool:
                asked.append((self.tag, other))
                return other in (2, 3)

        m = called(M, call(1), call(2), call(1), call(2), call(3), call(4))
        m.assert_has_calls([M.call(Seen("a")), M.call(Seen("b"))])
        return asked

    assert agree(scenario) == ok([("a", 1), ("a", 2), ("b", 1), ("a", 1), ("a", 2), ("b", 3)])


def test_assert_has_calls_with_reassigned_mock_calls() -> None:
    # A list the test put there, holding a pair and a non-call: compared item by item.
    def scenario(M: Any, content: Any) -> Any:
        m = M.Mock()
        m.mock_calls = M._CallList(content(M))
        return m.assert_has_calls([M.call(2)])

    for content in (
        lambda M: [((1,), {}), M.call(2)],
        lambda M: ["xy", M.call(2)],
        lambda M: [M.call(2)],
        lambda M: [M.call(1), ((2,), {})],
    ):
        assert agree(lambda M, content=content: scenario(M, content)) == ok(None)
    assert agree(lambda M: scenario(M, lambda M: [7, M.call(3)]))[0] == "raise"


def test_recorded_call_equality_by_form_and_name() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m(1, x=2)
        m.a(1)
        recorded, named = m.mock_calls
        pair = m.call_args
        return [
            recorded == M.call(1, x=2),
            recorded == M.call(1, x=3),
            recorded == M.call(2, x=2),
            named == M.call.a(1),
            named == M.call.b(1),
            named == M.call(1),
            M.call(1) == named,
            pair == M.call(1, x=2),
            M.call(1, x=2) == pair,
            recorded == pair,
            recorded != M.call(1, x=2),
            recorded == M.call(ANY, x=ANY),
            M.call.a(1) == M.call.a(1),
            M.call.a(1) == M._Call(("a", (1,), {}), parent=M.call.x),
            M.call.a(1) == unparented(M._Call(("a", (1,), {}), parent=M.call.x)),
        ]

    def unparented(expected: Any) -> Any:
        expected._mock_parent = None  # written out: still "no parent"
        return expected

    plain = [True, False, False, True, False, False, True, True, True, True, False, True]
    assert agree(scenario) == ok([*plain, True, False, True])


def test_assert_has_calls_when_never_called() -> None:
    # Since 3.13 the actual (empty) list is shown too.
    assert agree(lambda M: called(M).assert_has_calls([M.call(2)])) == fails(
        "Calls not found.\nExpected: [call(2)]\n  Actual: []"
    )


def test_assert_has_calls_on_children() -> None:
    def make(M: Any) -> Any:
        m = M.Mock(name="p")
        m.a(1)
        m.b.c(2)
        return m

    assert agree(lambda M: make(M).assert_has_calls([M.call.a(1), M.call.b.c(2)])) == ok(None)
    assert agree(lambda M: make(M).assert_has_calls([M.call.a(1), M.call.b.c(3)])) == fails(
        "Calls not found.\nExpected: [call.a(1), call.b.c(3)]\n  Actual: [call.a(1), call.b.c(2)]"
    )


def test_assert_has_calls_any_order() -> None:
    three = (call(1), call(2), call(3))
    assert agree(
        lambda M: called(M, *three).assert_has_calls([M.call(3), M.call(1)], any_order=True)
    ) == ok(None)
    assert agree(
        lambda M: called(M, *three).assert_has_calls([M.call(4), M.call(2)], any_order=True)
    ) == fails(
        "'mock' does not contain all of (call(4),) in its call list, found "
        "[call(1), call(3)] instead"
    )
    assert agree(
        lambda M: called(M, call(1), name="nn").assert_has_calls(
            [M.call(4), M.call(2)], any_order=True
        )
    ) == fails(
        "'nn' does not contain all of (call(4), call(2)) in its call list, found [call(1)] instead"
    )


def test_assert_has_calls_any_order_counts_repeats() -> None:
    assert agree(
        lambda M: called(M, call(1)).assert_has_calls([M.call(1), M.call(1)], any_order=True)
    ) == fails("'mock' does not contain all of (call(1),) in its call list, found [] instead")


def test_assert_has_calls_accepts_tuples() -> None:
    m = Mock()
    m(1)
    m.x(2)
    m.assert_has_calls([((1,), {}), ("x", (2,), {})])


def test_assert_has_calls_long_lists_are_pretty_printed() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        for i in range(6):
            m("argument-" * 3, i)
        m.assert_has_calls([M.call(7)])

    result = agree(scenario)
    assert result[1] == "AssertionError"
    assert "\n  Actual: [call(" in result[2]


# -- messages for non-callable mocks and exotic names ---------------------------------------


def test_assertions_on_non_callable_mocks() -> None:
    m = NonCallableMock()
    m.assert_not_called()
    with pytest.raises(AssertionError, match=r"Expected 'mock' to have been called\.$"):
        m.assert_called()


def test_assertion_failures_are_assertion_errors_without_cause() -> None:
    m = Mock()
    m(1)
    with pytest.raises(AssertionError) as info:
        m.assert_called_with(2)
    assert info.value.__cause__ is None


def test_call_args_with_name_only_one_underscore() -> None:
    # _mock_name is what assertion messages show; the child path is not.
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.x.y.z(1)
        m.x.y.z.assert_called_once_with(2)

    assert agree(scenario) == fails("expected call not found.\nExpected: z(2)\n  Actual: z(1)")


def test_format_helpers() -> None:
    from mock_core import _format_call_signature

    assert _format_call_signature("f", (1, "a"), {"k": None}) == "f(1, 'a', k=None)"
    m = Mock(name="n")
    assert m._format_mock_call_signature((1,), {"a": 2}) == "n(1, a=2)"
    m(3)
    assert m._format_mock_failure_message((1,), {}) == (
        "expected call not found.\nExpected: n(1)\n  Actual: n(3)"
    )
    assert m._calls_repr() == "\nCalls: [call(3)]."
    assert Mock()._calls_repr() == ""
