"""patch.dict: values, clear, dotted names, dict-likes, os.environ, and every way to apply it."""

from __future__ import annotations

import asyncio
import inspect
import os
import threading
import unittest.mock as std_mock
from collections import OrderedDict
from typing import Any, Dict, Iterator, List

import pytest

from mock_magic import MagicMock
from mock_patch import _clear_dict, _patch_dict, _registry, patch


class Container:
    """The least a patched mapping needs: item get/set/delete and iteration over keys."""

    def __init__(self) -> None:
        self.values: Dict[Any, Any] = {}

    def __getitem__(self, name: Any) -> Any:
        return self.values[name]

    def __setitem__(self, name: Any, value: Any) -> None:
        self.values[name] = value

    def __delitem__(self, name: Any) -> None:
        del self.values[name]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.values)


def test_patch_dict_is_the_class() -> None:
    assert patch.dict is _patch_dict


def test_values_mapping_pairs_and_keywords() -> None:
    foo = {"initial": object(), "other": "something"}
    original = foo.copy()
    for values in ({"a": "b"}, [("a", "b")], OrderedDict(a="b")):
        with patch.dict(foo, values) as patched:
            assert patched is foo
            assert foo == dict(original, a="b")
        assert foo == original
    with patch.dict(foo, {"a": 1}, b=2, other=3):
        assert foo == dict(original, a=1, b=2, other=3)
    assert foo == original


def test_restores_contents_of_the_same_object() -> None:
    value = object()
    foo = {"initial": value, "other": "something"}

    @patch.dict(foo)
    def change() -> None:
        foo["a"] = 3
        del foo["initial"]
        foo["other"] = "something else"

    change()
    assert foo == {"initial": value, "other": "something"}
    assert foo["initial"] is value
    assert list(foo) == ["initial", "other"]


def test_restores_after_an_exception() -> None:
    foo: Dict[str, Any] = {}

    @patch.dict(foo, {"a": "b"})
    def fail() -> None:
        foo["c"] = 1
        raise NameError("Konrad")

    with pytest.raises(NameError):
        fail()
    assert foo == {}
    with pytest.raises(KeyboardInterrupt):
        with patch.dict(foo, a=1):
            raise KeyboardInterrupt
    assert foo == {}


def test_clear() -> None:
    foo = {"initial": object(), "other": "something"}
    original = foo.copy()
    with patch.dict(foo, clear=True):
        assert foo == {}
        foo["a"] = 3
    assert foo == original
    with patch.dict(foo, [("a", "b")], clear=True):
        assert foo == {"a": "b"}
    assert foo == original


def test_values_are_copied_when_the_patcher_is_made() -> None:
    values = {"a": 1}
    patcher = patch.dict({}, values)
    values["b"] = 2
    assert patcher.values == {"a": 1}


def test_mapping_like_container() -> None:
    foo = Container()
    foo["initial"] = object()
    foo["other"] = "something"
    original = foo.values.copy()
    with patch.dict(foo, {"a": "b"}):
        assert foo.values == dict(original, a="b")
        del foo["initial"]
    assert foo.values == original
    with patch.dict(foo, one=2, clear=True):
        assert foo.values == {"one": 2}
    assert foo.values == original


class CopyAndUpdateOnly:
    """Has copy() and update() but neither clear() nor iteration over its keys."""

    def __init__(self) -> None:
        self.values: Dict[Any, Any] = {"a": 1}

    def copy(self) -> Dict[Any, Any]:
        return dict(self.values)

    def update(self, values: Any) -> None:
        self.values.update(values)


def _not_iterable(any_patch: Any) -> List[Any]:
    """Emptying a mapping that cannot be iterated over (clear=True, then the stop's restore):
    the error is the one list() gives, as in the standard library."""
    seen: List[Any] = []
    for clear in (True, False):
        mapping = CopyAndUpdateOnly()
        patcher = any_patch.dict(mapping, b=2, clear=clear)
        for step in (patcher.start, patcher.stop):
            try:
                step()
            except TypeError as exc:
                seen.append(str(exc))
    return seen


def test_a_mapping_that_cannot_be_iterated_over_gets_the_standard_error() -> None:
    expected = ["'CopyAndUpdateOnly' object is not iterable"] * 2
    assert _not_iterable(patch) == expected
    assert _not_iterable(std_mock.patch) == expected


def test_clear_dict_helper() -> None:
    foo = Container()
    foo["a"] = 1
    _clear_dict(foo)
    assert foo.values == {}
    bar = {"a": 1}
    _clear_dict(bar)
    assert bar == {}


def test_ordered_dict_order_is_kept() -> None:
    foo: OrderedDict[str, Any] = OrderedDict(a=object(), b="python")
    original = foo.copy()
    update = list(zip("cdefghijklmnopqrstuvwxyz", range(24), strict=False))
    with patch.dict(foo, OrderedDict(update)):
        assert list(foo.items()) == list(original.items()) + update
        foo.move_to_end("a")
    assert foo == original  # OrderedDict equality includes the order
    with patch.dict(foo, update):
        assert list(foo.items()) == list(original.items()) + update


def test_dict_subclass_methods_are_used() -> None:
    calls: List[str] = []

    class Tracking(dict):  # type: ignore[type-arg]
        def copy(self) -> Any:
            calls.append("copy")
            return dict(self)

        def clear(self) -> None:
            calls.append("clear")
            super().clear()

        def update(self, *args: Any, **kwargs: Any) -> None:
            calls.append("update")
            super().update(*args, **kwargs)

    foo = Tracking(a=1)
    with patch.dict(foo, b=2):
        pass
    assert calls == ["copy", "update", "clear", "update"]
    assert foo == {"a": 1}


def test_dotted_name_is_resolved_when_the_patch_starts(make_module: Any) -> None:
    module = make_module(target={"foo": "FOO"})
    decorated = patch.dict(f"{module.__name__}.target", {"bar": "BAR"})(lambda: dict(module.target))
    module.target = {"foo": "BAZ"}
    assert decorated() == {"foo": "BAZ", "bar": "BAR"}
    assert module.target == {"foo": "BAZ"}


def test_dotted_name_is_kept_once_resolved(make_module: Any) -> None:
    module = make_module(target={"a": 1})
    first = module.target
    patcher = patch.dict(f"{module.__name__}.target", b=2)
    patcher.start()
    patcher.stop()
    assert patcher.in_dict is first
    module.target = {"z": 0}
    with patcher:
        assert first == {"a": 1, "b": 2}
        assert module.target == {"z": 0}


def test_dotted_name_errors() -> None:
    with pytest.raises(ModuleNotFoundError, match="No module named 'mock_patch_nodict'"):
        patch.dict("mock_patch_nodict.x", a=1).start()
    with pytest.raises(AttributeError):
        patch.dict("os.mock_patch_nodict", a=1).start()


def test_sys_modules_with_keywords() -> None:
    mymodule = MagicMock()
    mymodule.function.return_value = "fish"
    with patch.dict("sys.modules", mock_patch_mymodule=mymodule):
        import mock_patch_mymodule  # type: ignore[import-not-found]

        assert mock_patch_mymodule.function("some", "args") == "fish"
    assert "mock_patch_mymodule" not in __import__("sys").modules


# ---------------------------------------------------------------- os.environ


KEY = "MOCK_PATCH_TEST_VARIABLE"


def _environment() -> List[Any]:
    return list(os.environ.items())


def test_environ_values() -> None:
    before = _environment()
    with patch.dict(os.environ, {KEY: "1"}):
        assert os.environ[KEY] == "1"
        assert os.getenv(KEY) == "1"
    assert _environment() == before
    assert KEY not in os.environ


def test_environ_restored_exactly_after_changes() -> None:
    os.environ[KEY + "_A"] = "a"
    os.environ[KEY + "_B"] = "b"
    try:
        before = _environment()
        with patch.dict("os.environ", {KEY: "1"}):
            os.environ[KEY + "_A"] = "changed"
            del os.environ[KEY + "_B"]
            os.environ[KEY + "_NEW"] = "new"
        assert _environment() == before
        with patch.dict(os.environ):
            # Deleted and set again with the same value: moves to the end.
            del os.environ[KEY + "_A"]
            os.environ[KEY + "_A"] = "a"
        assert _environment() == before
        with patch.dict(os.environ, clear=True):
            assert dict(os.environ) == {}
        assert _environment() == before
        assert os.getenv(KEY + "_B") == "b"
    finally:
        del os.environ[KEY + "_A"], os.environ[KEY + "_B"]


def test_environ_original_snapshot() -> None:
    patcher = patch.dict(os.environ, {KEY: "1"})
    patcher.start()
    try:
        original = patcher._original
        assert KEY not in original
        assert dict(original.items()) == {k: v for k, v in os.environ.items() if k != KEY}
        assert original.copy() == dict(original.items())
    finally:
        patcher.stop()


def test_environ_bad_value_leaves_nothing_behind() -> None:
    before = _environment()
    patcher = patch.dict(os.environ, {KEY: "1", KEY + "_BAD": 2})
    with pytest.raises(TypeError):
        patcher.start()
    assert _environment() == before
    assert patcher.stop() is None


def _failed_start_on_a_recording_mapping(any_patch: Any) -> List[Any]:
    calls: List[Any] = []

    class Recording(dict):
        def clear(self) -> None:
            calls.append("clear")
            super().clear()

        def update(self, values: Any) -> None:
            calls.append(("update", dict(values)))
            if "bad" in values:
                raise ValueError("refused")
            super().update(values)

    d = Recording(a=1)
    patcher = any_patch.dict(d, bad=2, clear=True)
    with pytest.raises(ValueError):
        patcher.start()
    return [calls, dict(d), patcher.stop()]


def test_a_failed_start_puts_back_with_the_calls_of_a_stop() -> None:
    # DEVIATIONS.md: mockkit undoes a start that failed part-way, with the calls a stop makes
    # (a mapping that records its calls records them too); the standard library leaves the
    # mapping as the failure left it.
    assert _failed_start_on_a_recording_mapping(patch) == [
        ["clear", ("update", {"bad": 2}), "clear", ("update", {"a": 1})],
        {"a": 1},
        None,
    ]
    assert _failed_start_on_a_recording_mapping(std_mock.patch) == [
        ["clear", ("update", {"bad": 2})],
        {},
        None,
    ]


def test_environb() -> None:
    if not getattr(os, "supports_bytes_environ", False):
        pytest.skip("no os.environb")
    before = list(os.environb.items())
    with patch.dict(os.environb, {KEY.encode(): b"1"}):
        assert os.environ[KEY] == "1"
    assert list(os.environb.items()) == before


# ---------------------------------------------------------------- start, stop, decorators


def test_start_stop() -> None:
    d = {"foo": "bar"}
    patcher = patch.dict(d, [("spam", "eggs")], clear=True)
    assert patcher.start() is d
    assert d == {"spam": "eggs"}
    assert patcher.stop() is False
    assert d == {"foo": "bar"}
    assert patcher.stop() is None


def test_stop_without_start() -> None:
    d = {"foo": "bar"}
    patcher = patch.dict(d, spam="eggs", clear=True)
    assert patcher.stop() is None
    assert patcher.__exit__(None, None, None) is False
    assert d == {"foo": "bar"}


def _start_twice(dict_patch: Any) -> List[Any]:
    """Start a dict patch twice (the mapping changing in between), stop it twice: what is
    seen on the way, for any module's ``patch.dict``."""
    d = {"a": 1}
    patcher = dict_patch(d, {"b": 2})
    seen: List[Any] = [patcher.start() is d, dict(d)]
    d["c"] = 3
    seen += [patcher.start() is d, dict(d)]
    seen += [patcher.stop(), dict(d), patcher.stop(), dict(d), patcher.stop(), dict(d)]
    return seen


def _nested(dict_patch: Any) -> List[Any]:
    """One dict patch used inside itself, as nested decorators or with-blocks do."""
    d = {"k": 1}
    patcher = dict_patch(d, k=2)
    seen: List[Any] = []
    with patcher:
        d["n"] = 1
        with patcher as inner:
            seen += [inner is d, dict(d)]
        seen.append(dict(d))
        d["m"] = 1
    seen.append(dict(d))
    return seen


@pytest.mark.parametrize("scenario", [_start_twice, _nested])
def test_start_while_started_as_in_the_standard_library(scenario: Any) -> None:
    # Unlike patch() (which the newest releases refuse to start twice), patch.dict() can be
    # started again while started, in every standard library up to 3.15: each start takes the
    # mapping's current contents (the patched ones too) as what stopping gives back, so after
    # such a use the mapping stays patched. mockkit does the same; nothing raises.
    assert scenario(patch.dict) == scenario(std_mock.patch.dict)


def test_start_twice_then_stop_twice() -> None:
    assert _start_twice(patch.dict) == [
        True, {"a": 1, "b": 2},
        True, {"a": 1, "b": 2, "c": 3},
        False, {"a": 1, "b": 2, "c": 3},
        False, {"a": 1, "b": 2, "c": 3},
        None, {"a": 1, "b": 2, "c": 3},
    ]  # fmt: skip
    assert _nested(patch.dict) == [True, {"k": 2, "n": 1}, {"k": 2, "n": 1}, {"k": 2, "n": 1}]


def _in_two_threads(dict_patch: Any) -> List[Any]:
    """One decorated function running in two threads at once (both inside the patch)."""
    d = {"a": 1}
    both_inside = threading.Barrier(2)
    failures: List[BaseException] = []

    @dict_patch(d, b=2)
    def work() -> None:
        both_inside.wait(timeout=10)

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # pragma: no cover - what the test looks for
            failures.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [failures, dict(d)]


def test_decorated_function_in_two_threads_at_once() -> None:
    assert _in_two_threads(patch.dict) == _in_two_threads(std_mock.patch.dict)
    assert _in_two_threads(patch.dict) == [[], {"a": 1, "b": 2}]


def test_start_twice_registers_twice_for_stopall() -> None:
    d = {"a": 1}
    patcher = patch.dict(d, b=2)
    patcher.start()
    patcher.start()
    assert [p for p in _registry._active_patches if p is patcher] == [patcher, patcher]
    patch.stopall()
    assert patcher not in _registry._active_patches
    assert patcher.stop() is None


def test_each_undo_of_a_nested_use_gives_the_last_start_back() -> None:
    # The outer exit of a nested use writes back the contents taken at the inner start once
    # more, undoing what changed between the two exits, as the standard library does.
    def scenario(dict_patch: Any) -> List[Any]:
        d = {"a": 1}
        patcher = dict_patch(d, b=2)
        with patcher:
            with patcher:
                d["inner"] = 1
            d["between"] = 1
        return [dict(d), patcher._original]

    assert scenario(patch.dict) == [{"a": 1, "b": 2}, None]
    assert scenario(patch.dict)[0] == scenario(std_mock.patch.dict)[0]


def test_once_every_start_is_undone_nothing_is_kept() -> None:
    # DEVIATIONS.md: mockkit drops its copy of the old contents once no start is left to
    # undo (a stopped patch keeps no values alive), so a further __exit__ has nothing to
    # write back; the standard library keeps the copy and writes it back again.
    d = {"a": 1}
    patcher = patch.dict(d, b=2)
    patcher.start()
    patcher.start()
    patcher.stop()
    assert patcher.is_started and patcher._original == {"a": 1, "b": 2}
    patcher.stop()
    assert not patcher.is_started and patcher._original is None
    d["q"] = 1
    assert patcher.__exit__(None, None, None) is False
    assert d == {"a": 1, "b": 2, "q": 1}


def _restarted_over_another_then_stopall(any_patch: Any) -> List[Any]:
    """A dict patch started again over a second one of the same mapping (which clears it),
    then stopall: the first patch's two registrations are undone before the second's."""
    d = {"a": 1, "b": 2}
    first = any_patch.dict(d, {})
    second = any_patch.dict(d, {}, clear=True)
    first.start()
    second.start()
    first.start()  # takes the cleared contents as what it gives back
    seen: List[Any] = [dict(d)]
    any_patch.stopall()
    seen += [dict(d), first.stop(), second.stop(), dict(d)]
    return seen


def test_stopall_undoes_a_restarted_dict_patch_before_the_one_under_it() -> None:
    expected = [{}, {"a": 1, "b": 2}, None, None, {"a": 1, "b": 2}]
    assert _restarted_over_another_then_stopall(patch) == expected
    assert _restarted_over_another_then_stopall(std_mock.patch) == expected


def _exit_then_stop(any_patch: Any) -> List[Any]:
    """start(), then an __exit__ call (which undoes that start), then stop(): the stop still
    has its registration to undo, so it writes the old contents back once more."""
    d = {"a": 1}
    patcher = any_patch.dict(d, b=2)
    patcher.start()
    seen: List[Any] = [patcher.__exit__(None, None, None), dict(d)]
    d["later"] = 1
    seen += [patcher.stop(), dict(d)]
    d["after stop"] = 1
    seen += [patcher.stop(), dict(d)]
    return seen


def _started_twice_exited_twice_then_stopall(any_patch: Any) -> List[Any]:
    d = {"a": 1}
    patcher = any_patch.dict(d, b=2)
    patcher.start()
    patcher.start()
    seen: List[Any] = []
    for _ in range(2):
        d["x"] = len(seen)
        seen += [patcher.__exit__(None, None, None), dict(d)]
    d["y"] = 1
    any_patch.stopall()
    seen.append(dict(d))
    return seen


def _with_inside_a_start(any_patch: Any) -> List[Any]:
    d = {"a": 1}
    patcher = any_patch.dict(d, b=2)
    patcher.start()
    with patcher:
        d["inside"] = 1
    d["between"] = 1
    seen: List[Any] = [dict(d), patcher.stop(), dict(d)]
    return seen


@pytest.mark.parametrize(
    "scenario", [_exit_then_stop, _started_twice_exited_twice_then_stopall, _with_inside_a_start]
)
def test_a_start_left_to_undo_keeps_the_old_contents(scenario: Any) -> None:
    # The copy of the old contents is kept while a start() registration is left for stop()
    # (or stopall), even after __exit__ calls, so those stops write it back as the standard
    # library's do.
    assert scenario(patch) == scenario(std_mock.patch)


def test_exit_then_stop_gives_back_then_keeps_nothing() -> None:
    assert _exit_then_stop(patch) == [
        False, {"a": 1},
        False, {"a": 1},
        None, {"a": 1, "after stop": 1},
    ]  # fmt: skip
    d = {"a": 1}
    patcher = patch.dict(d, b=2)
    patcher.start()
    patcher.__exit__(None, None, None)
    assert patcher._original == {"a": 1} and not patcher.is_started
    patcher.stop()
    assert patcher._original is None


def test_an_exit_beyond_every_start_writes_nothing_back() -> None:
    # DEVIATIONS.md: with no start left to undo the copy is gone; the standard library keeps
    # it and writes it back at every __exit__.
    def scenario(dict_patch: Any) -> Dict[str, Any]:
        d = {"a": 1}
        patcher = dict_patch(d, b=2)
        with patcher:
            pass
        d["after"] = 1
        patcher.__exit__(None, None, None)
        return d

    assert scenario(patch.dict) == {"a": 1, "after": 1}
    assert scenario(std_mock.patch.dict) == {"a": 1}


def test_registered_in_the_shared_list() -> None:
    patcher = patch.dict({}, a=1)
    patcher.start()
    assert _registry._active_patches[-1] is patcher
    patch.stopall()
    assert patcher not in _registry._active_patches


def test_decorated_function_keeps_its_name() -> None:
    def some_name() -> None:
        return None

    decorated = patch.dict({})(some_name)
    assert decorated.__name__ == "some_name"
    assert decorated.__wrapped__ is some_name  # type: ignore[attr-defined]


def test_decorated_coroutine_function() -> None:
    d = {"a": 1}

    @patch.dict(d, a=2)
    async def function() -> Dict[str, int]:
        await asyncio.sleep(0)
        return dict(d)

    assert inspect.iscoroutinefunction(function)
    assert asyncio.run(function()) == {"a": 2}
    assert d == {"a": 1}


def test_class_decorator() -> None:
    d = {"spam": "eggs"}

    class Tests:
        def test_first(self) -> Dict[str, str]:
            return dict(d)

        def test_second(self) -> Dict[str, str]:
            return dict(d)

        def other(self) -> Dict[str, str]:
            return dict(d)

    patch.dict(d, {"foo": "bar"}, clear=True)(Tests)
    assert d == {"spam": "eggs"}
    for _ in range(2):
        tests = Tests()
        assert tests.test_first() == {"foo": "bar"}
        assert tests.test_second() == {"foo": "bar"}
        assert tests.other() == {"spam": "eggs"}
    assert d == {"spam": "eggs"}


def test_class_decorator_honours_test_prefix() -> None:
    the_dict = {"key": "original"}
    patch.TEST_PREFIX = "bar"

    class Tests:
        def bar_one(self) -> Dict[str, str]:
            return dict(the_dict)

        def test_one(self) -> Dict[str, str]:
            return dict(the_dict)

    patch.dict(the_dict, key="changed")(Tests)
    assert Tests().bar_one() == {"key": "changed"}
    assert Tests().test_one() == {"key": "original"}


def test_stacked_with_patch() -> None:
    d: Dict[str, int] = {}

    class Thing:
        value = 1

    @patch.dict(d, a=1)
    @patch.object(Thing, "value")
    def function(value: Any) -> Any:
        assert d == {"a": 1} and Thing.value is value
        return value

    assert isinstance(function(), MagicMock)
    assert d == {} and Thing.value == 1


def test_patch_above_patch_dict_joins_the_inner_wrapper() -> None:
    # functools.wraps copies the inner wrapper's "patchings" list, as in the standard library.
    class Thing:
        one = 1
        two = 2

    d: Dict[str, int] = {}

    @patch.object(Thing, "two", "b")
    @patch.dict(d, a=1)
    @patch.object(Thing, "one", "a")
    def function() -> Any:
        return Thing.one, Thing.two, dict(d)

    assert function() == ("a", "b", {"a": 1})
    assert (Thing.one, Thing.two, d) == (1, 2, {})
