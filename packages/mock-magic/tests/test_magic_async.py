"""AsyncMock: awaitable calls, side effects, await recording and the assert_*await* methods."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, AsyncIterator

import pytest
from magic_support import agree, kind, ok, raises, run

from mock_core import DEFAULT, Mock, NonCallableMock, call
from mock_magic import AsyncMock, MagicMock, NonCallableMagicMock, _AsyncIterator


async def _echo(*args: Any, **kwargs: Any) -> Any:
    return ("echo", args, kwargs)


async def _async_gen() -> AsyncIterator[int]:
    yield 1


def _close(awaitable: Any) -> None:
    # A coroutine that is never awaited warns when collected; these tests mean it.
    awaitable.close()


# -- calling -----------------------------------------------------------------------


def test_calling_returns_a_coroutine_and_awaiting_gives_the_return_value() -> None:
    mock = AsyncMock(return_value=3)
    result = mock(1)
    assert inspect.iscoroutine(result) and inspect.isawaitable(result)
    assert run(result) == 3
    assert agree(lambda mod: run(mod.AsyncMock()())) == ok("<AsyncMock name='mock()' id='ID'>")


def test_a_coroutine_cannot_be_awaited_twice() -> None:
    def scenario(mod: Any) -> Any:
        awaitable = mod.AsyncMock()()
        run(awaitable)
        return run(awaitable)

    assert agree(scenario) == raises("RuntimeError", "cannot reuse already awaited coroutine")


def test_inspect_sees_a_coroutine_function() -> None:
    assert inspect.iscoroutinefunction(AsyncMock())
    assert inspect.iscoroutinefunction(AsyncMock().child)
    assert inspect.iscoroutinefunction(MagicMock().__aenter__)
    assert not inspect.iscoroutinefunction(MagicMock())
    assert not inspect.iscoroutinefunction(AsyncMock().__int__)


def test_asyncio_sees_a_coroutine_function() -> None:
    assert asyncio.iscoroutinefunction(AsyncMock())
    assert not asyncio.iscoroutinefunction(MagicMock())
    assert not asyncio.iscoroutinefunction(Mock())


def test_function_like_attributes() -> None:
    mock = AsyncMock()
    assert mock.__code__.co_flags & inspect.CO_COROUTINE
    assert agree(
        lambda mod: (
            (m := mod.AsyncMock()).__code__.co_flags,
            m.__name__,
            m.__defaults__,
            m.__kwdefaults__,
            m.__annotations__,
        )
    ) == ok((140, "AsyncMock", (), {}, None))


@pytest.mark.parametrize(
    ("side_effect", "expected"),
    [
        (_echo, ok(("echo", (1,), {"x": 2}))),
        (lambda *a, **k: ("sync", a, k), ok(("sync", (1,), {"x": 2}))),
        (KeyError("k"), raises("KeyError", "'k'")),
        (KeyError, raises("KeyError", "")),
        ([5], ok(5)),
        ([], raises("StopAsyncIteration", "")),
        ([ValueError("v")], raises("ValueError", "v")),
    ],
    ids=["async-fn", "sync-fn", "exception", "exception-class", "iterable", "exhausted",
         "iterable-of-exceptions"],
)  # fmt: skip
def test_side_effects(side_effect: Any, expected: Any) -> None:
    def scenario(mod: Any) -> Any:
        return run(mod.AsyncMock(side_effect=side_effect)(1, x=2))

    assert agree(scenario) == expected


def test_an_async_iterable_side_effect_is_refused_when_called() -> None:
    # The standard library iterates side effects with next(); an async iterable has none.
    def scenario(mod: Any) -> Any:
        return run(mod.AsyncMock(side_effect=_async_gen())())

    assert agree(scenario) == raises("TypeError", "'async_generator' object is not an iterator")


def test_side_effect_returning_default_falls_back_to_return_value() -> None:
    async def async_default() -> Any:
        return DEFAULT

    assert run(AsyncMock(side_effect=lambda: DEFAULT, return_value=5)()) == 5
    assert run(AsyncMock(side_effect=async_default, return_value=6)()) == 6
    assert agree(
        lambda mod: run(mod.AsyncMock(side_effect=lambda: mod.DEFAULT, return_value=5)())
    ) == ok(5)


def test_side_effect_iterable_steps_per_call() -> None:
    mock = AsyncMock(side_effect=[1, KeyError("z"), 3])
    assert run(mock()) == 1
    with pytest.raises(KeyError):
        run(mock())
    assert run(mock()) == 3
    with pytest.raises(StopAsyncIteration):
        run(mock())


def test_wraps_sync_and_async_callables() -> None:
    assert run(AsyncMock(wraps=_echo)(1)) == ("echo", (1,), {})
    assert run(AsyncMock(wraps=lambda x: x * 2)(2)) == 4


def test_children_and_return_values() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.AsyncMock()
        return [
            type(value).__mro__[1].__name__
            for value in (
                mock.child,
                mock.return_value,
                mock.child.return_value,
                mock.__int__,
                mock.__str__,
                mock.__aenter__,
                mock.__aexit__,
                mock.__anext__,
                mock.__aiter__,
            )
        ]

    expected = ["AsyncMock"] * 3 + ["MagicMock"] * 2 + ["AsyncMock"] * 3 + ["MagicMock"]
    assert agree(scenario) == ok(expected)


def test_sync_magics_of_an_async_mock_are_magic_mocks() -> None:
    mock: Any = AsyncMock()
    assert (int(mock), len(mock), bool(mock)) == (1, 0, True)
    assert kind(mock.__int__) is MagicMock
    assert mock.mock_calls == [call.__int__(), call.__len__(), call.__bool__()]
    with mock as entered:
        assert entered is mock.__enter__.return_value


# -- await recording -----------------------------------------------------------------


def test_call_counted_at_call_time_await_at_await_time() -> None:
    mock = AsyncMock()
    awaitable = mock(1, a=2)
    assert (mock.call_count, mock.await_count) == (1, 0)
    assert mock.call_args == call(1, a=2) and mock.await_args is None
    mock.assert_called_once_with(1, a=2)
    mock.assert_not_awaited()
    run(awaitable)
    assert (mock.call_count, mock.await_count) == (1, 1)
    assert mock.await_args == call(1, a=2)
    assert mock.await_args_list == [call(1, a=2)]


def test_awaits_in_a_different_order_from_calls() -> None:
    mock = AsyncMock()
    first, second = mock("first"), mock("second")
    run(second)
    run(first)
    assert mock.call_args_list == [call("first"), call("second")]
    assert mock.await_args_list == [call("second"), call("first")]
    mock.assert_has_awaits([call("second"), call("first")])


def test_unawaited_calls_are_not_awaits() -> None:
    mock = AsyncMock()
    _close(mock(1))
    assert agree(lambda mod: _call_without_await(mod)) == raises(
        "AssertionError", "Expected mock to have been awaited."
    )
    assert mock.await_count == 0


def _call_without_await(mod: Any) -> Any:
    mock = mod.AsyncMock()
    _close(mock(1))
    mock.assert_awaited()


def test_children_record_awaits_and_calls_on_the_parent() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.AsyncMock()
        run(mock.a(1))
        run(mock.b.c(2))
        return mock.mock_calls, mock.method_calls, mock.a.await_args, mock.await_args

    assert agree(scenario) == ok(
        "([call.a(1), call.b.c(2)], [call.a(1), call.b.c(2)], call(1), None)"
    )


def test_reset_mock_forgets_awaits() -> None:
    mock = AsyncMock()
    run(mock(1))
    mock.reset_mock()
    assert (mock.await_count, mock.await_args, mock.await_args_list) == (0, None, [])
    assert mock.call_count == 0
    mock.assert_not_awaited()


def test_await_count_is_assignable() -> None:
    mock = AsyncMock()
    mock.await_count = 3
    run(mock())
    assert mock.await_count == 4


# -- assert_*await* messages -----------------------------------------------------------


def _awaited(mod: Any, *calls: tuple[Any, ...], name: str | None = None) -> Any:
    mock = mod.AsyncMock(name=name)
    for args in calls:
        run(mock(*args))
    return mock


ASSERTIONS = {
    "awaited-never": (
        lambda mod: _awaited(mod, name="foo").assert_awaited(),
        raises("AssertionError", "Expected foo to have been awaited."),
    ),
    "awaited-unnamed": (
        lambda mod: _awaited(mod).assert_awaited(),
        raises("AssertionError", "Expected mock to have been awaited."),
    ),
    "awaited-once-twice": (
        lambda mod: _awaited(mod, (), (), name="foo").assert_awaited_once(),
        raises("AssertionError", "Expected foo to have been awaited once. Awaited 2 times."),
    ),
    "awaited-once-never": (
        lambda mod: _awaited(mod).assert_awaited_once(),
        raises("AssertionError", "Expected mock to have been awaited once. Awaited 0 times."),
    ),
    "awaited-with-never": (
        lambda mod: _awaited(mod).assert_awaited_with(1, a=2),
        raises("AssertionError", "Expected await: mock(1, a=2)\nNot awaited"),
    ),
    "awaited-with-wrong": (
        lambda mod: _awaited(mod, (3,), name="foo").assert_awaited_with(1, a=2),
        raises(
            "AssertionError", "expected await not found.\nExpected: foo(1, a=2)\n  Actual: foo(3)"
        ),
    ),
    "awaited-once-with-twice": (
        lambda mod: _awaited(mod, (1,), (1,)).assert_awaited_once_with(1),
        raises("AssertionError", "Expected mock to have been awaited once. Awaited 2 times."),
    ),
    "awaited-once-with-never": (
        lambda mod: _awaited(mod).assert_awaited_once_with(1),
        raises("AssertionError", "Expected mock to have been awaited once. Awaited 0 times."),
    ),
    "any-await-missing": (
        lambda mod: _awaited(mod, (1,)).assert_any_await(2),
        raises("AssertionError", "mock(2) await not found"),
    ),
    "any-await-never": (
        lambda mod: _awaited(mod, name="n").assert_any_await(2, b=3),
        raises("AssertionError", "n(2, b=3) await not found"),
    ),
    "has-awaits-order": (
        lambda mod: _awaited(mod, (1,), (2,)).assert_has_awaits([mod.call(2), mod.call(1)]),
        raises(
            "AssertionError",
            "Awaits not found.\nExpected: [call(2), call(1)]\nActual: [call(1), call(2)]",
        ),
    ),
    "has-awaits-never": (
        lambda mod: _awaited(mod).assert_has_awaits([mod.call(1)]),
        raises("AssertionError", "Awaits not found.\nExpected: [call(1)]\nActual: []"),
    ),
    "has-awaits-any-order": (
        lambda mod: _awaited(mod, (1,), (2,)).assert_has_awaits(
            [mod.call(3), mod.call(1)], any_order=True
        ),
        raises("AssertionError", "(call(3),) not all found in await list"),
    ),
    "not-awaited": (
        lambda mod: _awaited(mod, (1,), name="foo").assert_not_awaited(),
        raises("AssertionError", "Expected foo to not have been awaited. Awaited 1 times."),
    ),
    "passing": (
        lambda mod: [
            (m := _awaited(mod, (1,), (2,))).assert_awaited(),
            m.assert_awaited_with(2),
            m.assert_any_await(1),
            m.assert_has_awaits([mod.call(1), mod.call(2)]),
            m.assert_has_awaits([mod.call(2), mod.call(1)], any_order=True),
            m.assert_has_awaits([]),
            _awaited(mod, (1,)).assert_awaited_once_with(1),
            _awaited(mod).assert_not_awaited(),
        ],
        ok([None] * 8),
    ),
}


@pytest.mark.parametrize("name", sorted(ASSERTIONS))
def test_await_assertions_and_their_messages(name: str) -> None:
    scenario, expected = ASSERTIONS[name]
    assert agree(scenario) == expected


def test_await_assertions_let_any_decide() -> None:
    class Unequal:
        def __eq__(self, other: object) -> bool:
            return False

        __hash__ = object.__hash__

    def scenario(mod: Any) -> Any:
        mock = mod.AsyncMock()
        run(mock(Unequal(), 1))
        mock.assert_has_awaits([mod.call(mod.ANY, 1)])
        mock.assert_awaited_with(mod.ANY, 1)
        mock.assert_any_await(mod.ANY, 1)
        return "ok"

    assert agree(scenario) == ok("'ok'")


# -- async protocols ----------------------------------------------------------------


@pytest.mark.parametrize("cls", [MagicMock, AsyncMock])
def test_async_context_manager(cls: Any) -> None:
    mock = cls()

    async def use() -> Any:
        async with mock as entered:
            return entered

    assert run(use()) is mock.__aenter__.return_value
    mock.__aenter__.assert_awaited_once()
    mock.__aexit__.assert_awaited_once_with(None, None, None)
    assert run(mock.__aexit__(None, None, None)) is False


def test_non_callable_magic_mock_async_magics_are_not_awaitable() -> None:
    # Its children are MagicMocks, async magics included, as in the standard library.
    def scenario(mod: Any) -> Any:
        mock = mod.NonCallableMagicMock()
        return type(mock.__aenter__).__mro__[1].__name__, run(mock.__aexit__(None, None, None))

    assert agree(scenario) == raises(
        "TypeError", "An asyncio.Future, a coroutine or an awaitable is required"
    )


def test_async_context_manager_sees_the_exception() -> None:
    mock: Any = MagicMock()

    async def use() -> None:
        async with mock:
            raise KeyError(1)

    with pytest.raises(KeyError):
        run(use())
    assert mock.__aexit__.await_args[0][0] is KeyError
    mock.__aexit__.return_value = True
    run(use())  # suppressed


async def _collect(mock: Any) -> list[Any]:
    return [item async for item in mock]


@pytest.mark.parametrize("cls", [MagicMock, AsyncMock])
def test_async_iteration(cls: Any) -> None:
    mock = cls()
    assert run(_collect(mock)) == []
    assert isinstance(mock.__aiter__(), _AsyncIterator)
    mock.__aiter__.return_value = [1, 2]
    assert run(_collect(mock)) == [1, 2]
    assert run(_collect(mock)) == [1, 2]  # an iterable restarts
    mock.__aiter__.return_value = iter([3])
    assert run(_collect(mock)) == [3]
    assert run(_collect(mock)) == []  # an iterator does not


def test_async_iteration_agrees() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        mock.__aiter__.return_value = "ab"
        return run(_collect(mock)), mock.mock_calls

    assert agree(scenario) == ok("(['a', 'b'], [call.__aiter__()])")


def test_anext_side_effect() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        mock.__anext__.side_effect = [1, 2]

        async def go() -> list[Any]:
            got = [await mock.__anext__(), await mock.__anext__()]
            try:
                await mock.__anext__()
            except StopAsyncIteration:
                got.append("stop")
            return got

        return run(go())

    assert agree(scenario) == ok([1, 2, "stop"])


# -- specs and AsyncMock children ---------------------------------------------------------


class _Service:
    attr = 1

    async def fetch(self) -> None:
        pass

    def sync(self) -> None:
        pass

    @staticmethod
    async def static_fetch() -> None:
        pass

    @classmethod
    async def class_fetch(cls) -> None:
        pass


@pytest.mark.parametrize("cls", [Mock, MagicMock, NonCallableMock, NonCallableMagicMock, AsyncMock])
def test_coroutine_function_attributes_of_a_spec_become_async_mocks(cls: Any) -> None:
    for spec in (_Service, _Service()):
        mock = cls(spec=spec)
        assert kind(mock.fetch) is AsyncMock
        assert kind(mock.static_fetch) is AsyncMock
        assert kind(mock.class_fetch) is AsyncMock
        assert kind(mock.sync) is not AsyncMock
        assert kind(mock.attr) is not AsyncMock
        assert run(mock.fetch()) is mock.fetch.return_value


def test_spec_children_agree() -> None:
    def scenario(mod: Any) -> Any:
        names: list[str] = []
        for cls in (mod.MagicMock, mod.Mock, mod.NonCallableMagicMock, mod.AsyncMock):
            mock = cls(spec=_Service)
            names += [type(mock.fetch).__mro__[1].__name__, type(mock.sync).__mro__[1].__name__]
        return names

    assert agree(scenario) == ok(
        ["AsyncMock", "MagicMock", "AsyncMock", "Mock", "AsyncMock", "MagicMock", "AsyncMock",
         "MagicMock"]
    )  # fmt: skip


def test_instance_attributes_of_a_spec_count_as_they_were_at_creation() -> None:
    def scenario(mod: Any) -> Any:
        instance = _Service()
        instance.late = lambda: None  # type: ignore[attr-defined]
        instance.early = _echo  # type: ignore[attr-defined]
        mock = mod.Mock(spec_set=instance)
        instance.late = _echo  # type: ignore[attr-defined]
        return type(mock.early).__mro__[1].__name__, type(mock.late).__mro__[1].__name__

    assert agree(scenario) == ok(("AsyncMock", "Mock"))


def test_a_coroutine_function_spec_makes_calls_awaitable() -> None:
    async def target(a: int) -> None:
        pass

    def scenario(mod: Any) -> Any:
        mock = mod.Mock(spec=target)
        awaitable = mock(1)
        return type(awaitable).__name__, run(awaitable), mock.await_count

    assert agree(scenario) == ok("('coroutine', <AsyncMock name='mock()' id='ID'>, 1)")
    assert isinstance(MagicMock(spec=target), MagicMock)
    assert asyncio.iscoroutinefunction(MagicMock(spec=target))


def test_async_mock_with_a_sync_spec_stays_async() -> None:
    def target(a: int) -> None:
        pass

    mock = AsyncMock(spec=target)
    assert asyncio.iscoroutinefunction(mock)
    assert run(mock(1)) is mock.return_value


def test_dir_lists_the_function_attributes() -> None:
    async def target() -> None:
        pass

    def scenario(mod: Any) -> Any:
        return [name for name in dir(mod.AsyncMock()) if name.startswith("__")]

    assert agree(scenario) == ok(
        ["__annotations__", "__code__", "__defaults__", "__kwdefaults__", "__name__"]
    )
    assert {"__code__", "__name__"} <= set(dir(MagicMock(spec=target)))
