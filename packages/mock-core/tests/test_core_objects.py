"""PropertyMock, await recording (AsyncMockMixin), seal, sentinel, DEFAULT, InvalidSpecError."""

from __future__ import annotations

import asyncio
import copy
import inspect
import pickle
import unittest.mock as std_mock
from typing import Any

import pytest
from core_support import agree, async_class, ok, raises

import mock_core
from mock_core import (
    DEFAULT,
    AsyncMockMixin,
    InvalidSpecError,
    Mock,
    NonCallableMock,
    PropertyMock,
    _SentinelObject,
    call,
    seal,
    sentinel,
)

# -- PropertyMock -----------------------------------------------------------------------------


def test_property_mock_get_and_set() -> None:
    def scenario(M: Any) -> Any:
        class C:
            pass

        p = M.PropertyMock(return_value=3)
        C.p = p
        c = C()
        value = c.p
        c.p = 6
        return value, p.mock_calls, p

    assert agree(scenario) == ok("(3, [call(), call(6)], <PropertyMock id='ID'>)")


def test_property_mock_on_a_mock_type() -> None:
    m = Mock()
    p = PropertyMock(return_value="value")
    type(m).prop = p
    assert m.prop == "value"
    m.prop = "other"
    p.assert_has_calls([call(), call("other")])
    assert not hasattr(Mock(), "prop") or not isinstance(Mock().prop, str)


def test_property_mock_side_effect() -> None:
    class C:
        p = PropertyMock(side_effect=AttributeError("no p"))

    assert not hasattr(C(), "p")


def test_property_mock_children_are_plain_callables() -> None:
    # unittest.mock gives MagicMock children; with mock-magic registered mockkit does too.
    # mock-core alone falls back to Mock: a child must not be a descriptor.
    p = PropertyMock()
    assert not isinstance(p.x, PropertyMock)
    assert isinstance(p.x, Mock)
    assert not isinstance(p(), PropertyMock)
    assert agree(lambda M: repr(M.PropertyMock().x).split()[1:])[0] == "ok"


def test_sealed_property_mock_still_makes_its_return_value() -> None:
    # The standard library's property mocks make their return value and children without
    # asking whether they are sealed; what they make is sealed.
    def scenario(M: Any) -> Any:
        p = M.PropertyMock()
        M.seal(p)
        made = p()
        return type(made).__name__, made.name_never_set

    outcome = agree(scenario)
    assert outcome[:2] == ("raise", "AttributeError")
    assert outcome[2].endswith("name_never_set")

    class Sealed:
        pass

    p = PropertyMock()
    Sealed.p = p
    seal(p)
    assert Sealed().p is p.return_value
    with pytest.raises(AttributeError):
        p.return_value.anything  # the access is what is checked


# -- await recording ------------------------------------------------------------------------------


def run_awaits(M: Any, setup: dict[str, Any], *calls: tuple[Any, ...]) -> Any:
    m = async_class(M)(**setup)

    async def go() -> list[Any]:
        out = []
        for args in calls:
            try:
                out.append(await m(*args))
            except Exception as exc:
                out.append((type(exc).__name__, str(exc)))
        return out

    results = asyncio.run(go())
    return results, m.await_count, m.await_args, m.await_args_list, m.call_count, m.mock_calls


async def doubled(x: int) -> int:
    return x * 2


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ({"return_value": 3}, "([3], 1, call(1), [call(1)], 1, [call(1)])"),
        (
            {"side_effect": [1, KeyError("k")]},
            "([1, ('KeyError', \"'k'\"), ('StopAsyncIteration', '')], 3, call(1), "
            "[call(1), call(1), call(1)], 3, [call(1), call(1), call(1)])",
        ),
        (
            {"side_effect": KeyError},
            "([('KeyError', '')], 1, call(1), [call(1)], 1, [call(1)])",
        ),
        ({"side_effect": doubled}, "([2], 1, call(1), [call(1)], 1, [call(1)])"),
        ({"side_effect": lambda x: x + 1}, "([2], 1, call(1), [call(1)], 1, [call(1)])"),
        ({"wraps": doubled}, "([2], 1, call(1), [call(1)], 1, [call(1)])"),
    ],
)
def test_await_recording(setup: dict[str, Any], expected: str) -> None:
    calls = [(1,)] * (3 if "side_effect" in setup and isinstance(setup["side_effect"], list) else 1)
    assert agree(lambda M: run_awaits(M, setup, *calls)) == ok(expected)


def test_await_side_effect_default_falls_through() -> None:
    assert agree(
        lambda M: run_awaits(M, {"side_effect": lambda: M.DEFAULT, "return_value": 4}, ())
    )[1].startswith("([4], 1")


def test_calls_are_recorded_before_the_await() -> None:
    def scenario(M: Any) -> Any:
        m = async_class(M)()
        coroutine = m(1)
        counts = (m.call_count, m.await_count)
        coroutine.close()
        return counts, m.await_args

    assert agree(scenario) == ok("((1, 0), None)")


def test_async_mock_looks_like_a_coroutine_function() -> None:
    m = async_class(mock_core)()
    assert inspect.iscoroutinefunction(m) == inspect.iscoroutinefunction(std_mock.AsyncMock())
    assert inspect.iscoroutinefunction(m)
    assert asyncio.iscoroutinefunction(m)
    coroutine = m()
    assert inspect.iscoroutine(coroutine)
    assert inspect.isawaitable(coroutine)
    coroutine.close()
    assert m.__code__.co_flags & inspect.CO_COROUTINE
    assert isinstance(m, AsyncMockMixin)


def test_await_reset() -> None:
    def scenario(M: Any) -> Any:
        m = async_class(M)()
        asyncio.run(m(1))
        m.reset_mock()
        return m.await_count, m.await_args, m.await_args_list, m.call_count

    assert agree(scenario) == ok("(0, None, [], 0)")


def awaited(M: Any, *calls: tuple[Any, ...], name: str | None = None) -> Any:
    m = async_class(M)(name=name)

    async def go() -> None:
        for args in calls:
            await m(*args)

    asyncio.run(go())
    return m


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (lambda m: m.assert_awaited(), "Expected mock to have been awaited."),
        (
            lambda m: m.assert_awaited_once(),
            "Expected mock to have been awaited once. Awaited 0 times.",
        ),
        (lambda m: m.assert_not_awaited(), None),
        (lambda m: m.assert_awaited_with(3), "Expected await: mock(3)\nNot awaited"),
        (
            lambda m: m.assert_awaited_once_with(3),
            "Expected mock to have been awaited once. Awaited 0 times.",
        ),
        (lambda m: m.assert_any_await(3), "mock(3) await not found"),
        (
            lambda m: m.assert_has_awaits([call(1)]),
            "Awaits not found.\nExpected: [call(1)]\nActual: []",
        ),
    ],
)
def test_await_assertions_never_awaited(action: Any, expected: str | None) -> None:
    result = agree(lambda M: action(awaited(M)))
    assert result == (ok(None) if expected is None else raises("AssertionError", expected))


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (lambda m: m.assert_awaited(), None),
        (
            lambda m: m.assert_awaited_once(),
            "Expected nm to have been awaited once. Awaited 2 times.",
        ),
        (
            lambda m: m.assert_not_awaited(),
            "Expected nm to not have been awaited. Awaited 2 times.",
        ),
        (lambda m: m.assert_awaited_with(2), None),
        (
            lambda m: m.assert_awaited_with(3),
            "expected await not found.\nExpected: nm(3)\n  Actual: nm(2)",
        ),
        (
            lambda m: m.assert_awaited_once_with(2),
            "Expected nm to have been awaited once. Awaited 2 times.",
        ),
        (lambda m: m.assert_any_await(1), None),
        (lambda m: m.assert_any_await(3), "nm(3) await not found"),
        (lambda m: m.assert_has_awaits([call(1), call(2)]), None),
        (
            lambda m: m.assert_has_awaits([call(2), call(1)]),
            "Awaits not found.\nExpected: [call(2), call(1)]\nActual: [call(1), call(2)]",
        ),
        (lambda m: m.assert_has_awaits([call(2), call(1)], any_order=True), None),
        (
            lambda m: m.assert_has_awaits([call(3), call(2)], any_order=True),
            "(call(3),) not all found in await list",
        ),
    ],
)
def test_await_assertions_after_two_awaits(action: Any, expected: str | None) -> None:
    result = agree(lambda M: action(awaited(M, (1,), (2,), name="nm")))
    assert result == (ok(None) if expected is None else raises("AssertionError", expected))


def test_await_assertions_once() -> None:
    assert agree(lambda M: awaited(M, (1,)).assert_awaited_once_with(1)) == ok(None)
    assert agree(lambda M: awaited(M, (1,)).assert_awaited_once()) == ok(None)
    assert agree(lambda M: awaited(M, (1,)).assert_awaited_once_with(2)) == raises(
        "AssertionError", "expected await not found.\nExpected: mock(2)\n  Actual: mock(1)"
    )


def test_await_args_are_assignable() -> None:
    m = awaited(mock_core, (1,))
    m.await_count = 5
    m.await_args = call(9)
    assert (m.await_count, m.await_args) == (5, call(9))


def test_spec_on_a_coroutine_function_makes_an_awaitable_mock() -> None:
    m = Mock(spec=doubled)
    assert isinstance(m, AsyncMockMixin)
    assert asyncio.run(m(2)) is m.return_value
    m.assert_awaited_once_with(2)
    assert agree(
        lambda M: (M.NonCallableMock(spec=doubled), callable(M.NonCallableMock(spec=doubled)))
    ) == ok("(<NonCallableMock spec='function' id='ID'>, False)")
    assert isinstance(NonCallableMock(spec=doubled), AsyncMockMixin)
    assert agree(lambda M: M.NonCallableMock(spec=doubled)()) == raises(
        "TypeError", "'NonCallableMock' object is not callable"
    )


# -- seal -----------------------------------------------------------------------------------------


def test_seal_keeps_what_exists() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock(test_value=1)
        m.a.b = 1
        m.c.return_value = 2
        m.d.e().f = 4
        M.seal(m)
        m.a.b = 3
        return m.a.b, m.c(), m.test_value, m.d.e().f

    assert agree(scenario) == ok((3, 2, 1, 4))


@pytest.mark.parametrize(
    ("scenario", "message"),
    [
        (lambda M: (lambda m: (M.seal(m), m.zz))(M.Mock()), "mock.zz"),
        (lambda M: (lambda m: (m.a, M.seal(m), m.a.zz))(M.Mock(name="r")), "r.a.zz"),
        (lambda M: (lambda m: (M.seal(m), m()))(M.Mock()), "mock.return_value"),
        (lambda M: (lambda m: (m.a, M.seal(m), m.a()))(M.Mock(name="foo")), "foo.a.return_value"),
        (lambda M: (lambda m: (M.seal(m), setattr(m, "x", 1)))(M.Mock()), "Cannot set mock.x"),
        (
            lambda M: (lambda m: (m.a.b, M.seal(m), setattr(m.a.b, "c", 1)))(M.Mock()),
            "Cannot set mock.a.b.c",
        ),
        (
            lambda M: (lambda m: (m.a.return_value.b, M.seal(m), m.a().b.c))(M.Mock()),
            "mock.a().b.c",
        ),
        (lambda M: (lambda m: (m.a.b.c, M.seal(m), m.a.b.c.d))(M.Mock()), "mock.a.b.c.d"),
        (lambda M: (lambda m: (M.seal(m), m.x))(M.NonCallableMock()), "mock.x"),
    ],
)
def test_seal_refuses_new_paths(scenario: Any, message: str) -> None:
    assert agree(scenario) == raises("AttributeError", message)


def test_seal_leaves_separately_named_mocks_alone() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock(name="root")
        m.test1.test2 = M.Mock(name="not_sealed")
        m.test1.test2.test3 = 4
        M.seal(m)
        m.test1.test2.test4 = 1
        return m.test1.test2.test3, m.test1.test2.other

    assert agree(scenario) == ok("(4, <Mock name='not_sealed.other' id='ID'>)")


def test_seal_reaches_adopted_and_attached_mocks() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.adopted = M.Mock()
        m.attach_mock(M.Mock(), "att")
        M.seal(m)
        return m.adopted.x

    assert agree(scenario) == raises("AttributeError", "mock.adopted.x")

    def attached(M: Any) -> Any:
        m = M.Mock()
        m.attach_mock(M.Mock(), "att")
        M.seal(m)
        return m.att.x

    assert agree(attached) == raises("AttributeError", "mock.att.x")


def test_seal_with_a_spec() -> None:
    class Sample:
        def method_sample1(self) -> None: ...

        def method_sample2(self) -> None: ...

    def scenario(M: Any) -> Any:
        m = M.Mock(Sample)
        m.attr = 1
        m.method_sample1.return_value = 1
        M.seal(m)
        return m.attr, m.method_sample1()

    assert agree(scenario) == ok((1, 1))

    def unset(M: Any) -> Any:
        m = M.Mock(Sample)
        M.seal(m)
        return m.method_sample2

    assert agree(unset) == raises("AttributeError", "mock.method_sample2")


def test_seal_of_a_spec_str() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock(spec=str)
        M.seal(m)
        return m.upper

    assert agree(scenario)[1] == "AttributeError"


def test_seal_is_idempotent() -> None:
    m = Mock()
    m.a.b = 1
    seal(m)
    seal(m)
    assert m.a.b == 1


# -- sentinel and DEFAULT ------------------------------------------------------------------------


def test_sentinels_are_unique_per_name() -> None:
    assert sentinel.whatever is sentinel.whatever
    assert sentinel.whatever is not sentinel.whateverelse
    assert sentinel.whatever != sentinel.other
    assert isinstance(sentinel.x, _SentinelObject)


def test_sentinel_name_and_repr() -> None:
    assert agree(lambda M: (repr(M.sentinel.foo), M.sentinel.foo.name, repr(M.DEFAULT))) == ok(
        ("sentinel.foo", "foo", "sentinel.DEFAULT")
    )


def test_sentinel_has_no_bases() -> None:
    assert agree(lambda M: M.sentinel.__bases__) == raises("AttributeError", "")


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_sentinel_identity_survives_pickle(protocol: int) -> None:
    assert pickle.loads(pickle.dumps(sentinel.pickled, protocol)) is sentinel.pickled
    assert pickle.loads(pickle.dumps(DEFAULT, protocol)) is DEFAULT
    assert pickle.loads(pickle.dumps(sentinel, protocol)) is sentinel


def test_sentinel_identity_survives_copy() -> None:
    assert copy.copy(sentinel.copied) is sentinel.copied
    assert copy.deepcopy(sentinel.copied) is sentinel.copied
    assert copy.deepcopy([sentinel.x])[0] is sentinel.x


def test_default_is_the_default_sentinel() -> None:
    assert DEFAULT is sentinel.DEFAULT
    assert mock_core._missing is sentinel.MISSING
    assert mock_core._deleted is sentinel.DELETED


def test_a_new_sentinel_factory() -> None:
    fresh = mock_core._Sentinel()
    assert fresh.a is fresh.a
    assert fresh.a is not sentinel.a


# -- InvalidSpecError -----------------------------------------------------------------------------


def test_invalid_spec_error() -> None:
    assert issubclass(InvalidSpecError, Exception)
    with pytest.raises(InvalidSpecError, match=r"Cannot spec a Mock object. \[object=<Mock"):
        Mock(spec=Mock())
    with pytest.raises(InvalidSpecError):
        Mock(spec_set=NonCallableMock())
    with pytest.raises(InvalidSpecError):
        PropertyMock(spec=Mock())


def test_is_list_takes_only_real_lists_and_tuples() -> None:
    # A subclass of list is a spec object, not a list of attribute names.
    for obj in ([], (), type("L", (list,), {})(), "ab", {}):
        assert mock_core._is_list(obj) == std_mock._is_list(obj)
    assert mock_core._is_list([]) and not mock_core._is_list(type("L", (list,), {})())
