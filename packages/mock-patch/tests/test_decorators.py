"""Patchers as decorators of functions, coroutine functions and classes."""

from __future__ import annotations

import asyncio
import inspect
import sys
from typing import Any, List, Tuple

import pytest

from mock_core import DEFAULT, sentinel
from mock_magic import AsyncMock, MagicMock
from mock_patch import _patch, patch


class Thing:
    one = "one"
    two = "two"
    three = "three"

    def method(self) -> str:
        return "method"


def _state() -> Tuple[Any, ...]:
    return (Thing.one, Thing.two, Thing.three, Thing.__dict__["method"])


ORIGINAL = _state()


def test_mocks_are_appended_bottom_up_after_the_arguments() -> None:
    @patch.object(Thing, "one")
    @patch.object(Thing, "two", "fixed")
    @patch.object(Thing, "three")
    def function(a: Any, b: Any, three: Any, one: Any, *, c: Any = None) -> Any:
        assert Thing.one is one and Thing.three is three and Thing.two == "fixed"
        return a, b, c, three, one

    a, b, c, three, one = function(1, 2, c=3)
    assert (a, b, c) == (1, 2, 3)
    assert isinstance(three, MagicMock) and isinstance(one, MagicMock)
    assert "name='three'" in repr(three)
    assert _state() == ORIGINAL
    # Fresh mocks on every call.
    assert function(1, 2)[3] is not three


def test_stacked_decorators_share_one_wrapper() -> None:
    first = patch.object(Thing, "one")
    second = patch.object(Thing, "two")

    def function(*args: Any) -> Any:
        return args

    inner = first(function)
    outer = second(inner)
    assert outer is inner
    assert outer.patchings == [first, second]  # type: ignore[attr-defined]
    assert inner.__wrapped__ is function  # type: ignore[attr-defined]


def test_wrapper_looks_like_the_function() -> None:
    def some_name(a: int) -> int:
        """Documentation."""
        return a

    wrapped = patch.object(Thing, "one", 1)(some_name)
    assert wrapped.__name__ == "some_name"
    assert wrapped.__doc__ == "Documentation."
    assert wrapped.__wrapped__ is some_name  # type: ignore[attr-defined]
    assert list(inspect.signature(wrapped).parameters) == ["a"]


def test_patchings_describe_the_arguments_for_pytest() -> None:
    # pytest counts the patchings without attribute_name whose new is DEFAULT.
    @patch.object(Thing, "one")
    @patch.object(Thing, "two", 2)
    @patch.multiple(Thing, three=DEFAULT)
    def function(*args: Any, **kwargs: Any) -> None:
        return None

    patchings = function.patchings  # type: ignore[attr-defined]
    created = [p for p in patchings if not p.attribute_name and p.new is DEFAULT]
    assert len(created) == 1
    assert patchings[0].attribute_name == "three"


def test_patch_appended_later_is_applied() -> None:
    def function(*args: Any) -> Any:
        return args

    wrapped = patch.object(Thing, "one")(function)
    wrapped.patchings.append(patch.object(Thing, "two"))  # type: ignore[attr-defined]
    one, two = wrapped()
    assert "name='one'" in repr(one) and "name='two'" in repr(two)


def test_explicit_new_is_not_passed() -> None:
    @patch.object(Thing, "one", sentinel.one)
    def function(*args: Any) -> Any:
        assert Thing.one is sentinel.one
        return args

    assert function() == ()


def test_multiple_mocks_are_keywords_after_positionals() -> None:
    @patch.object(Thing, "method")
    @patch.multiple(Thing, one=DEFAULT, two=DEFAULT, three=3)
    def function(method: Any, one: Any, two: Any) -> None:
        assert Thing.method is method and Thing.one is one and Thing.two is two
        assert Thing.three == 3

    function()
    assert _state() == ORIGINAL


@pytest.mark.parametrize("exception", [ValueError("boom"), KeyboardInterrupt(), SystemExit(3)])
def test_restored_after_any_exception(exception: BaseException) -> None:
    @patch.object(Thing, "one")
    @patch.object(Thing, "two", "x")
    def function(one: Any) -> None:
        raise exception

    with pytest.raises(type(exception)) as info:
        function()
    assert info.value is exception
    assert _state() == ORIGINAL


def test_traceback_is_kept() -> None:
    @patch.object(Thing, "one", object())
    def function() -> None:
        raise AssertionError("inside")

    with pytest.raises(AssertionError) as info:
        function()
    assert "raise AssertionError" in "".join(str(entry) for entry in info.traceback)


@pytest.mark.parametrize("position", [0, 1, 2])
def test_failed_start_of_a_stacked_patch_undoes_the_others(position: int) -> None:
    def crasher() -> Any:
        raise NameError("crasher")

    for bad, error in (
        (patch.object(Thing, "missing", 1), AttributeError),
        (patch.object(Thing, "three", new_callable=crasher), NameError),
    ):
        patchers = [patch.object(Thing, "one", 1), patch.object(Thing, "two", 2)]
        patchers.insert(position, bad)

        def function() -> None:
            raise AssertionError("not reached")

        for patcher in patchers:
            function = patcher(function)
        with pytest.raises(error):
            function()
        assert _state() == ORIGINAL


def test_the_exception_reaches_each_exit() -> None:
    seen: List[Any] = []

    class Recording(_patch):
        def __exit__(self, *exc_info: Any) -> Any:
            seen.append(exc_info)
            return super().__exit__(*exc_info)

    recording = Recording(lambda: Thing, "one", DEFAULT, None, False, None, None, None, {})

    @recording
    def function(mock: Any) -> None:
        raise RuntimeError("body")

    with pytest.raises(RuntimeError):
        function()
    ((exc_type, value, traceback),) = seen
    assert exc_type is RuntimeError and isinstance(value, RuntimeError)
    assert traceback is not None


def test_an_exit_that_suppresses_makes_the_call_return_none() -> None:
    class Suppressing(_patch):
        def __exit__(self, *exc_info: Any) -> Any:
            super().__exit__(*exc_info)
            return True

    @Suppressing(lambda: Thing, "one", 1, None, False, None, None, None, {})
    def function() -> None:
        raise RuntimeError("swallowed")

    assert function() is None
    assert _state() == ORIGINAL


def test_an_exit_that_raises_does_not_stop_the_others() -> None:
    class Failing(_patch):
        def __exit__(self, *exc_info: Any) -> Any:
            super().__exit__(*exc_info)
            raise LookupError("exit failed")

    @patch.object(Thing, "one", 1)
    @Failing(lambda: Thing, "two", 2, None, False, None, None, None, {})
    @patch.object(Thing, "three", 3)
    def function() -> str:
        return "result"

    with pytest.raises(LookupError):
        function()
    assert _state() == ORIGINAL


def test_recursion_into_the_same_decorated_function_is_refused() -> None:
    depth: List[int] = []

    @patch.object(Thing, "one", 1)
    def function() -> None:
        depth.append(1)
        if len(depth) < 2:
            function()

    with pytest.raises(RuntimeError, match="Patch is already started"):
        function()
    assert _state() == ORIGINAL


def test_decoration_helper() -> None:
    patched = patch.object(Thing, "one")(lambda *args: args)
    patcher = patched.patchings[0]
    with patcher.decoration_helper(patched, (1,), {"k": 2}) as (args, keywargs):
        assert args[0] == 1 and args[1] is Thing.one
        assert keywargs == {"k": 2}
    assert _state() == ORIGINAL


# ---------------------------------------------------------------- coroutine functions


def test_coroutine_function_stays_one_and_patch_spans_awaits() -> None:
    @patch.object(Thing, "one")
    @patch.object(Thing, "two", "two patched")
    async def function(one: Any) -> Any:
        assert Thing.one is one
        await asyncio.sleep(0)
        assert Thing.one is one and Thing.two == "two patched"
        return one

    assert inspect.iscoroutinefunction(function)
    assert asyncio.iscoroutinefunction(function)
    coroutine = function()
    assert _state() == ORIGINAL  # nothing happens before the coroutine runs
    one = asyncio.run(coroutine)
    assert isinstance(one, MagicMock)
    assert _state() == ORIGINAL


def test_coroutine_function_restores_after_exceptions() -> None:
    @patch.object(Thing, "one", 1)
    async def function() -> None:
        await asyncio.sleep(0)
        raise ValueError("inside")

    with pytest.raises(ValueError):
        asyncio.run(function())
    assert _state() == ORIGINAL


def test_async_target_gets_an_asyncmock_in_a_coroutine() -> None:
    class Service:
        async def fetch(self) -> int:
            return 1

    @patch.object(Service, "fetch", return_value=5)
    async def function(fetch: Any) -> int:
        assert isinstance(fetch, AsyncMock)
        return await Service().fetch()

    assert asyncio.run(function()) == 5


def test_mixed_sync_wrapper_below_async_decorator() -> None:
    @patch.object(Thing, "one", 1)
    async def function() -> Any:
        return Thing.one

    decorated = patch.dict({"a": 1})(function)
    assert inspect.iscoroutinefunction(decorated)
    assert asyncio.run(decorated()) == 1


# ---------------------------------------------------------------- classes


def test_class_decorator_patches_test_methods_only() -> None:
    class Tests:
        attribute_test = "not callable"

        def test_one(self, one: Any) -> Any:
            assert Thing.one is one
            return one

        def test_two(self, one: Any) -> Any:
            return one

        def helper(self) -> Any:
            return Thing.one

    decorated = patch.object(Thing, "one")(Tests)
    assert decorated is Tests
    instance = Tests()
    first = instance.test_one()
    assert isinstance(first, MagicMock)
    assert instance.test_two() is not first
    assert instance.helper() == "one"
    assert Tests.attribute_test == "not callable"
    assert _state() == ORIGINAL


def test_class_decorator_gives_each_method_its_own_patcher() -> None:
    patcher = patch.object(Thing, "one", 1)

    class Tests:
        def test_one(self) -> None:
            return None

        def test_two(self) -> None:
            return None

    patcher(Tests)
    one = Tests.test_one.patchings[0]  # type: ignore[attr-defined]
    two = Tests.test_two.patchings[0]  # type: ignore[attr-defined]
    assert one is not two and patcher not in (one, two)
    assert type(one) is _patch


def test_class_decorator_with_inherited_tests() -> None:
    class Base:
        def test_inherited(self) -> Any:
            return Thing.one

    class Tests(Base):
        pass

    patch.object(Thing, "one", 1)(Tests)
    assert Tests().test_inherited() == 1
    assert Base().test_inherited() == "one"


def test_class_decorator_honours_test_prefix() -> None:
    patch.TEST_PREFIX = "foo"

    class Tests:
        def foo_one(self) -> Any:
            return Thing.one

        def test_one(self) -> Any:
            return Thing.one

    patch.object(Thing, "one", "changed")(Tests)
    assert Tests().foo_one() == "changed"
    assert Tests().test_one() == "one"


def test_patching_test_prefix_itself() -> None:
    @patch.object(patch, "TEST_PREFIX", "bar")
    def decorate() -> type:
        class Tests:
            def bar_one(self) -> Any:
                return Thing.one

        return patch.object(Thing, "one", "changed")(Tests)

    assert decorate()().bar_one() == "changed"
    assert patch.TEST_PREFIX == "test"


def test_class_decorator_with_created_mocks_and_multiple() -> None:
    class Tests:
        def test_one(self, three: Any, one: Any, two: Any) -> Any:
            assert (Thing.one, Thing.two, Thing.three) == (one, two, three)
            return one

    Tests = patch.object(Thing, "three")(patch.multiple(Thing, one=DEFAULT, two=DEFAULT)(Tests))
    assert isinstance(Tests().test_one(), MagicMock)
    assert _state() == ORIGINAL


def test_unittest_case_decorated() -> None:
    import unittest

    @patch.object(Thing, "one", "patched")
    class Case(unittest.TestCase):
        def test_it(self) -> None:
            self.assertEqual(Thing.one, "patched")

    result = unittest.TestResult()
    Case("test_it").run(result)
    assert result.wasSuccessful(), result.failures + result.errors
    assert _state() == ORIGINAL


def test_generator_function_is_patched_only_while_called() -> None:
    # As in the standard library: no special case for generators.
    @patch.object(Thing, "one", 1)
    def generate() -> Any:
        yield Thing.one

    assert list(generate()) == ["one"]


@pytest.mark.skipif(sys.version_info < (3, 12), reason="markcoroutinefunction is 3.12+")
def test_marked_coroutine_function_gets_the_async_wrapper() -> None:
    async def real() -> Any:
        return Thing.one

    def marked() -> Any:
        return real()

    inspect.markcoroutinefunction(marked)
    decorated = patch.object(Thing, "one", 1)(marked)
    assert inspect.iscoroutinefunction(decorated)
    assert asyncio.run(decorated()) == 1


def test_partial_of_a_coroutine_function() -> None:
    import functools

    async def function(value: Any) -> Any:
        await asyncio.sleep(0)
        return Thing.one, value

    decorated = patch.object(Thing, "one", 1)(functools.partial(function, 2))
    assert inspect.iscoroutinefunction(decorated) == inspect.iscoroutinefunction(
        functools.partial(function, 2)
    )
