"""create_autospec of functions: a real function that checks arguments and carries its mock."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest

from mock_core import DEFAULT, Mock, _CallList, call
from mock_magic import AsyncMock, MagicMock
from mock_spec import create_autospec


def f(a, b=2, *, c):  # type: ignore[no-untyped-def]
    """The docstring is not copied, as in the standard library."""


async def coro(a, b=1):  # type: ignore[no-untyped-def]
    pass


class TestShape:
    def test_is_a_real_function_with_the_original_signature(self) -> None:
        m = create_autospec(f)
        assert inspect.isfunction(m)
        assert inspect.signature(m) == inspect.signature(f)
        assert m.__name__ == m.__qualname__ == "f"
        assert m.__doc__ is None
        assert m.__module__ is None

    def test_carries_its_mock(self) -> None:
        m = create_autospec(f)
        assert isinstance(m.mock, MagicMock)
        assert m.mock._spec_class is type(f)
        assert m.mock._mock_delegate is m

    def test_attributes_in_standard_library_order(self) -> None:
        m = create_autospec(f)
        assert list(vars(m)) == [
            "mock", "called", "call_count", "call_args", "call_args_list", "method_calls",
            "mock_calls", "return_value", "side_effect", "_mock_children",
            "assert_called_with", "assert_called_once_with", "assert_has_calls",
            "assert_any_call", "reset_mock", "assert_called", "assert_not_called",
            "assert_called_once", "__signature__",
        ]  # fmt: skip

    def test_nameless_callable_is_called_funcopy(self) -> None:
        m = create_autospec(lambda: None)
        assert m.__name__ == "funcopy"

    def test_functions_own_function_attributes_are_copied(self) -> None:
        def g(a, b):  # type: ignore[no-untyped-def]
            pass

        g.g = g  # type: ignore[attr-defined]
        m = create_autospec(g)
        with pytest.raises(TypeError):
            m.g()
        m.g(3, 4)
        m.g.assert_called_with(a=3, b=4)
        assert m.g is m.mock.g


class TestCalls:
    def test_checks_arguments(self) -> None:
        m = create_autospec(f)
        with pytest.raises(TypeError, match="missing a required argument: 'a'"):
            m()
        with pytest.raises(TypeError, match="too many positional arguments"):
            m(1, 2, 3)
        with pytest.raises(TypeError, match="got an unexpected keyword argument 'd'"):
            m(1, c=2, d=3)
        assert m.call_count == 0
        assert m.mock_calls == []

    def test_records_on_function_and_mock_alike(self) -> None:
        m = create_autospec(f)
        result = m(1, c=3)
        assert result is m.return_value is m.mock.return_value
        assert (m.called, m.call_count, m.call_args) == (True, 1, call(1, c=3))
        assert (m.mock.called, m.mock.call_count, m.mock.call_args) == (True, 1, call(1, c=3))
        assert m.call_args_list == m.mock.call_args_list == [call(1, c=3)]
        assert m.mock_calls == m.mock.mock_calls == [call(1, c=3)]

    def test_direct_calls_of_the_mock_are_recorded_on_the_function(self) -> None:
        m = create_autospec(f)
        m.mock(9)  # not checked, as in the standard library
        assert m.call_count == 1
        assert m.mock_calls == [call(9)]

    def test_assertions_bind_to_the_signature(self) -> None:
        m = create_autospec(f)
        m(1, c=3)
        m.assert_called_with(a=1, c=3)
        m.assert_called_once_with(1, c=3)
        m.assert_any_call(a=1, c=3)
        m.assert_has_calls([call(a=1, c=3)])
        m.assert_called()
        m.assert_called_once()
        with pytest.raises(AssertionError) as info:
            m.assert_called_with(zz=1)
        assert isinstance(info.value.__cause__, TypeError)
        with pytest.raises(AssertionError):
            m.assert_not_called()

    def test_return_value_and_side_effect(self) -> None:
        m = create_autospec(f, return_value="foo")
        assert m(1, c=1) == "foo"
        m.return_value = 5
        assert m(1, c=1) == 5
        m.mock.return_value = 6
        assert m(1, c=1) == 6
        assert m.return_value == 6
        m.side_effect = [1, 2]
        assert (m(1, c=1), m(1, c=1)) == (1, 2)
        with pytest.raises(StopIteration):
            m(1, c=1)
        m.mock.side_effect = ValueError("boom")
        with pytest.raises(ValueError, match="boom"):
            m(1, c=1)
        m.side_effect = lambda a, b=2, *, c: DEFAULT
        assert m(1, c=1) == 6

    def test_wraps(self) -> None:
        def real(x):  # type: ignore[no-untyped-def]
            return x * 2

        m = create_autospec(real, wraps=real)
        assert m(4) == 8
        m.return_value = "explicit"
        assert m(4) == "explicit"

    def test_reset_mock(self) -> None:
        rv = Mock()
        m = create_autospec(f, return_value=rv)
        m(1, c=1)(2)
        assert m.mock_calls == [call(1, c=1)]
        assert rv.mock_calls == [call(2)]
        m.reset_mock()
        assert (m.called, m.call_count, m.mock_calls, rv.mock_calls) == (False, 0, [], [])
        assert isinstance(m.mock_calls, _CallList)
        assert m.return_value is rv

    def test_name_and_spec_set(self) -> None:
        m = create_autospec(f, spec_set=True, name="nm")
        assert "name='nm'" in repr(m.mock)
        assert "spec_set='function'" in repr(m.mock)
        with pytest.raises(AttributeError):
            m.mock.not_a_function_attribute = 1

    def test_keyword_configuration_reaches_the_mock(self) -> None:
        m = create_autospec(f, **{"return_value.x": 1, "foo": 2})
        assert m(1, c=1).x == 1
        assert m.mock.foo == 2


class TestParents:
    def test_assigned_as_child(self) -> None:
        parent = Mock()
        parent.child = create_autospec(f)
        parent.child(1, c=2)
        with pytest.raises(TypeError):
            parent.child(1)
        assert parent.mock_calls == [call.child(1, c=2)]
        assert parent.method_calls == [call.child(1, c=2)]
        assert "mock.child" in repr(parent.child.mock)

    def test_attach_mock(self) -> None:
        parent = Mock()
        parent.attach_mock(create_autospec(f, name="bar"), "child")
        parent.child(1, c=2)
        assert parent.mock_calls == [call.child(1, c=2)]
        assert "mock.child" in repr(parent.child.mock)


class TestMethodsAsSpecs:
    class C:
        def meth(self, a):  # type: ignore[no-untyped-def]
            pass

        @classmethod
        def cm(cls, a):  # type: ignore[no-untyped-def]
            pass

        @staticmethod
        def sm(a):  # type: ignore[no-untyped-def]
            pass

    def test_unbound_method_keeps_self(self) -> None:
        m = create_autospec(self.C.meth)
        m(None, 1)
        with pytest.raises(TypeError):
            m(1)

    def test_bound_method_drops_self(self) -> None:
        m = create_autospec(self.C().meth)
        m(1)
        m.assert_called_with(a=1)

    @pytest.mark.parametrize("name", ["cm", "sm"])
    def test_class_and_static_methods(self, name: str) -> None:
        m = create_autospec(getattr(self.C, name))
        m(1)
        m.assert_called_once_with(a=1)
        with pytest.raises(TypeError):
            m(1, 2)

    @pytest.mark.parametrize("name", ["cm", "sm"])
    def test_descriptor_objects_show_the_callers_signature(self, name: str) -> None:
        m = create_autospec(self.C.__dict__[name])
        assert inspect.signature(m) == inspect.signature(getattr(self.C, name))


class TestAsync:
    def test_is_a_coroutine_function_with_an_async_mock(self) -> None:
        m = create_autospec(coro)
        assert inspect.iscoroutinefunction(m)
        assert isinstance(m.mock, AsyncMock)
        assert (m.await_count, m.await_args, m.await_args_list) == (0, None, [])

    def test_checked_and_recorded_when_awaited(self) -> None:
        m = create_autospec(coro)
        awaitable = m(1, b=2)
        assert m.mock_calls == []
        asyncio.run(awaitable)
        assert m.mock_calls == [call(1, b=2)]
        assert (m.await_count, m.await_args) == (1, call(1, b=2))
        m.assert_awaited_once_with(a=1, b=2)
        m.assert_awaited()
        m.assert_any_await(1, b=2)
        m.assert_has_awaits([call(1, b=2)])
        with pytest.raises(AssertionError):
            m.assert_not_awaited()

    def test_bad_arguments_raise_when_awaited(self) -> None:
        m = create_autospec(coro)
        awaitable = m()
        with pytest.raises(TypeError):
            asyncio.run(awaitable)
        assert m.mock_calls == []
        m.assert_not_awaited()

    def test_reset_clears_awaits(self) -> None:
        m = create_autospec(coro)
        asyncio.run(m(1))
        m.reset_mock()
        assert (m.await_count, m.call_count) == (0, 0)

    def test_instance_is_refused(self) -> None:
        with pytest.raises(RuntimeError, match="Instance can not be True"):
            create_autospec(coro, instance=True)


def test_wrapping_functions_costs_one_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    def g(a: Any) -> None:
        pass

    seen = []
    real = inspect.signature

    def counting(obj: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(obj)
        return real(obj, *args, **kwargs)

    monkeypatch.setattr(inspect, "signature", counting)
    for _ in range(3):
        create_autospec(g)(1)
    assert len(seen) == 1
