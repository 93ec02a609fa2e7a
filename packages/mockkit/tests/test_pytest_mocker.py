"""The `mocker` fixture's API: the scenarios pytest-mock's users rely on, written for mockkit.

The tests use a `mocker` defined below (so that an installed pytest-mock cannot stand in for
ours); test_pytest_fixtures.py checks that the plugin provides the same fixtures.
"""

from __future__ import annotations

import asyncio
import os
import re
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

import mockkit
from mockkit.pytest_plugin import MockerFixture, PytestMockkitWarning


@pytest.fixture
def mocker(pytestconfig: pytest.Config) -> Iterator[MockerFixture]:
    made = MockerFixture(pytestconfig)
    yield made
    made.stopall()


class Files:
    """Something to patch: class methods over os functions."""

    @classmethod
    def remove(cls, name: str) -> None:
        os.remove(name)

    @classmethod
    def listing(cls, path: str) -> list[str]:
        return os.listdir(path)


class Target:
    def run(self) -> str:
        return "real"


# -- patching ------------------------------------------------------------------------------


def _by_patch(mocker: MockerFixture) -> tuple[Any, Any]:
    return mocker.patch("os.remove"), mocker.patch("os.listdir")


def _by_object(mocker: MockerFixture) -> tuple[Any, Any]:
    return mocker.patch.object(os, "remove"), mocker.patch.object(os, "listdir")


def _by_multiple(mocker: MockerFixture) -> tuple[Any, Any]:
    made = mocker.patch.multiple("os", remove=mocker.DEFAULT, listdir=mocker.DEFAULT)
    return made["remove"], made["listdir"]


@pytest.mark.parametrize("patching", [_by_patch, _by_object, _by_multiple])
def test_patches_are_used_then_undone(patching: Any, mocker: MockerFixture, tmp_path: Any) -> None:
    real_remove, real_listdir = os.remove, os.listdir
    patching(mocker)  # twice on purpose: stopping must unwind both layers
    remove, listdir = patching(mocker)
    assert (os.remove, os.listdir) == (remove, listdir)

    victim = tmp_path / "victim.txt"
    victim.write_text("")
    Files.remove(str(victim))
    remove.assert_called_once_with(str(victim))
    assert victim.exists()
    listdir.return_value = ["fake"]
    assert Files.listing(str(tmp_path)) == ["fake"]

    mocker.stopall()
    assert (os.remove, os.listdir) == (real_remove, real_listdir)
    assert Files.listing(str(tmp_path)) == ["victim.txt"]


def test_patch_dict_is_undone(mocker: MockerFixture) -> None:
    settings = {"original": 1}
    assert mocker.patch.dict(settings, [("new", 10)], clear=True) is settings
    assert settings == {"new": 10}
    mocker.resetall()  # nothing to reset in a dict, and no error either
    mocker.stopall()
    assert settings == {"original": 1}


def test_keywords_named_like_the_patch_arguments_reach_the_mock(mocker: MockerFixture) -> None:
    class Client:
        @classmethod
        def request(cls, method: str, args: dict[str, str]) -> None:
            raise AssertionError("not patched")

    request = mocker.patch.object(Client, "request")
    Client.request(method="get", args={"type": "json"})
    request.assert_called_once_with(method="get", args={"type": "json"})


def test_patch_returns_what_the_patch_put_in_place(mocker: MockerFixture) -> None:
    marker = object()
    assert mocker.patch("os.sep", marker) is marker
    assert os.sep is marker
    specced = mocker.patch.object(Target, "run", autospec=True, return_value="fake")
    assert Target().run() == "fake"
    specced.assert_called_once()
    with pytest.raises(TypeError):
        Target.run(1, 2)
    loose = mocker.patch("os.getcwd", unsafe=True, assret_called=1)
    assert loose.assret_called == 1


def test_patch_errors_leave_nothing_to_undo(mocker: MockerFixture) -> None:
    with pytest.raises(AttributeError):
        mocker.patch("os.no_such_function_here")
    with pytest.raises(TypeError, match="Need a valid target"):
        mocker.patch("nodot")
    mocker.stopall()


# -- the attributes ------------------------------------------------------------------------

NAMES = [
    "Mock",
    "MagicMock",
    "NonCallableMock",
    "NonCallableMagicMock",
    "PropertyMock",
    "AsyncMock",
    "ThreadingMock",
    "call",
    "ANY",
    "DEFAULT",
    "sentinel",
    "mock_open",
    "seal",
]


@pytest.mark.parametrize("name", NAMES)
def test_helpers_are_mockkits(mocker: MockerFixture, name: str) -> None:
    assert getattr(mocker, name) is getattr(mockkit, name)
    assert getattr(MockerFixture, name) is getattr(mockkit, name)


def test_mock_module_is_mockkit(mocker: MockerFixture) -> None:
    assert mocker.mock_module is mockkit


def test_create_autospec(mocker: MockerFixture) -> None:
    made = mocker.create_autospec(Target, instance=True)
    made.run.return_value = "x"
    assert made.run() == "x"
    with pytest.raises(AttributeError):
        made.walk
    strict = mocker.create_autospec(Target, spec_set=True)
    with pytest.raises(AttributeError):
        strict.walk = 1


# -- resetall ------------------------------------------------------------------------------


def test_resetall_keeps_configuration_unless_asked(mocker: MockerFixture) -> None:
    listdir = mocker.patch("os.listdir", return_value="foo")
    opener = mocker.patch("os.open", side_effect=["bar", "baz"])
    target = mocker.create_autospec(Target)
    target.run.return_value = "mocked"
    stub = mocker.stub()

    assert listdir("/tmp") == "foo"
    assert opener("/tmp/foo.txt") == "bar"
    assert target.run() == "mocked"
    stub(1)

    mocker.resetall()
    assert not (listdir.called or opener.called or target.run.called or stub.called)
    assert listdir.return_value == "foo"
    assert list(opener.side_effect) == ["baz"]
    assert target.run.return_value == "mocked"

    mocker.resetall(return_value=True, side_effect=True)
    assert isinstance(listdir.return_value, mocker.Mock)
    assert opener.side_effect is None
    assert target.run.return_value != "mocked"


def test_resetall_flags_reach_non_callable_mocks(mocker: MockerFixture) -> None:
    target = mocker.create_autospec(Target, instance=True)
    assert not isinstance(target, mocker.Mock)
    target.run.return_value = "mocked"
    target.run.side_effect = ValueError
    mocker.resetall(return_value=True, side_effect=True)
    assert target.run.return_value != "mocked"
    assert target.run.side_effect is None


def test_resetall_on_autospecced_functions(mocker: MockerFixture) -> None:
    joined = mocker.patch("os.path.join", autospec=True, return_value="j")
    assert os.path.join("a", "b") == "j"
    mocker.resetall()
    assert not joined.called and joined.return_value == "j"
    mocker.resetall(return_value=True)
    assert os.path.join("a", "b") != "j"


def test_resetall_leaves_caller_supplied_objects_alone(mocker: MockerFixture) -> None:
    class Resettable:
        resets = 0

        def reset_mock(self, **kwargs: Any) -> None:
            self.resets += 1

    mine = Resettable()
    mocker.patch("os.sep", mine)
    my_mock = mockkit.Mock(return_value=1)
    my_mock()
    mocker.patch.object(os, "getcwd", my_mock)
    mocker.resetall(return_value=True)
    assert mine.resets == 0
    assert my_mock.called and my_mock() == 1
    mocker.stop(my_mock)  # still undone on request
    assert os.getcwd is not my_mock


# -- stub ----------------------------------------------------------------------------------


def test_stub_accepts_anything(mocker: MockerFixture) -> None:
    stub = mocker.stub()
    stub("foo", "bar", key=1)
    stub.assert_called_once_with("foo", "bar", key=1)


@pytest.mark.parametrize("name", [None, "", "f", "on_something"])
def test_stub_name_shows_in_repr_and_failures(mocker: MockerFixture, name: str | None) -> None:
    stub = mocker.stub(name=name)
    if name:
        assert f"name={name!r}" in repr(stub)
    else:
        assert "name" not in repr(stub)
    expected = f"expected call not found.\nExpected: {name or 'mock'}()\n  Actual: not called."
    with pytest.raises(AssertionError, match=re.escape(expected)):
        stub.assert_called_with()


def test_async_stub(mocker: MockerFixture) -> None:
    stub = mocker.async_stub("callback")
    assert isinstance(stub, mockkit.AsyncMock)
    asyncio.run(stub("x"))
    stub.assert_awaited_once_with("x")


# -- spy -----------------------------------------------------------------------------------


def test_spy_on_an_instance_method(mocker: MockerFixture) -> None:
    class Foo:
        def bar(self, arg: int) -> int:
            return arg * 2

    foo, other = Foo(), Foo()
    spy = mocker.spy(foo, "bar")
    assert (spy.spy_return, spy.spy_return_list, spy.spy_exception) == (None, [], None)
    assert foo.bar(arg=10) == 20
    assert other.bar(arg=10) == 20
    spy.assert_called_once_with(arg=10)
    assert foo.bar.spy_return == 20  # type: ignore[attr-defined]
    assert foo.bar(11) == 22 and foo.bar(arg=12) == 24
    assert spy.spy_return == 24
    assert spy.spy_return_list == [20, 22, 24]
    assert spy.spy_return_iter is None


@pytest.mark.parametrize(
    "error", [BaseException, Exception, GeneratorExit, KeyboardInterrupt, RuntimeError, SystemExit]
)
def test_spy_records_exceptions(mocker: MockerFixture, error: type[BaseException]) -> None:
    class Foo:
        def bar(self, arg: int) -> None:
            raise error(f"failed with {arg}")

    foo = Foo()
    spy = mocker.spy(foo, "bar")
    for number, value in enumerate([10, 20], 1):
        with pytest.raises(error, match=f"failed with {value}"):
            foo.bar(arg=value)
        assert spy.call_count == number
        assert str(spy.spy_exception) == f"failed with {value}"
        assert spy.spy_return is None


def test_spy_outcome_is_the_last_calls(mocker: MockerFixture) -> None:
    class Foo:
        def bar(self, x: int) -> int:
            if x == 0:
                raise ValueError("zero")
            return x * 3

    spy = mocker.spy(Foo, "bar")
    Foo().bar(10)
    assert (spy.spy_return, spy.spy_exception) == (30, None)
    with pytest.raises(ValueError):
        Foo().bar(0)
    assert spy.spy_return is None and str(spy.spy_exception) == "zero"
    assert spy.spy_return_list == [30]
    mocker.resetall()
    assert (spy.spy_return, spy.spy_return_list, spy.spy_exception) == (None, [], None)
    assert not spy.called
    assert Foo().bar(15) == 45  # still spying after the reset
    assert spy.spy_return_list == [45] and spy.call_count == 1


def test_resetall_side_effect_keeps_spies_spying(mocker: MockerFixture) -> None:
    class Foo:
        def bar(self) -> str:
            return "real"

    spy = mocker.spy(Foo, "bar")
    mocker.resetall(return_value=True, side_effect=True)
    assert Foo().bar() == "real"
    assert spy.spy_return == "real"


class TestSpyOnClasses:
    def test_instance_method_records_self(self, mocker: MockerFixture) -> None:
        class Base:
            def bar(self, arg: int) -> int:
                return arg * 2

        class Foo(Base):
            pass

        for owner in (Base, Foo):
            spy = mocker.spy(owner, "bar")
            first, second = owner(), owner()
            assert first.bar(arg=10) == 20 and second.bar(arg=10) == 20
            assert spy.call_args_list == [mocker.call(first, arg=10), mocker.call(second, arg=10)]
            assert spy.spy_return_list == [20, 20]
            mocker.stopall()

    @pytest.mark.parametrize("inherited", [False, True])
    @pytest.mark.parametrize("kind", [classmethod, staticmethod])
    def test_class_and_static_methods(
        self, mocker: MockerFixture, kind: Any, inherited: bool
    ) -> None:
        def bar(*args: Any, arg: int) -> int:
            return arg * 2

        Base = type("Base", (), {"bar": kind(bar)})
        Foo = type("Foo", (Base,), {}) if inherited else Base
        spy = mocker.spy(Foo, "bar")
        assert Foo.bar(arg=10) == 20
        Foo.bar.assert_called_once_with(arg=10)
        assert Foo.bar.spy_return == 20
        assert spy.spy_return_list == [20]
        mocker.stopall()
        assert Foo.bar(arg=1) == 2
        assert "bar" not in vars(Foo) or isinstance(vars(Foo)["bar"], kind)


def test_spies_check_arguments_like_the_original(mocker: MockerFixture) -> None:
    class Foo:
        def bar(self, arg: int) -> int:
            return arg

        @classmethod
        def baz(cls, arg: int) -> int:
            return arg

        @staticmethod
        def qux(arg: int) -> int:
            return arg

    foo = Foo()
    method_spy = mocker.spy(foo, "bar")
    with pytest.raises(AttributeError, match="'function' object has no attribute 'fake'"):
        method_spy.fake()
    with pytest.raises(TypeError):
        foo.bar(1, 2)
    for name in ("baz", "qux"):
        spy = mocker.spy(Foo, name)
        with pytest.raises(AttributeError, match="Mock object has no attribute 'fake'"):
            spy.fake()


def test_spy_on_a_callable_object(mocker: MockerFixture) -> None:
    class Doubler:
        def __call__(self, x: int) -> int:
            return x * 2

    holder = type("holder", (), {"double": Doubler()})
    spy = mocker.spy(holder, "double")
    assert holder.double(10) == 20
    spy.assert_called_once_with(10)
    assert spy.spy_return == 20 and spy.spy_return_list == [20]


def test_spy_on_a_module_function(mocker: MockerFixture) -> None:
    spy = mocker.spy(os.path, "join")
    assert os.path.join("a", "b") == f"a{os.sep}b"
    spy.assert_called_once_with("a", "b")
    assert spy.spy_return == f"a{os.sep}b"


def test_spy_on_async_functions(mocker: MockerFixture) -> None:
    class Foo:
        async def bar(self, arg: int) -> int:
            return arg * 2

        async def fail(self) -> None:
            raise KeyError("async")

    foo = Foo()
    spy = mocker.spy(foo, "bar")
    failing = mocker.spy(foo, "fail")
    assert asyncio.run(foo.bar(10)) == 20
    spy.assert_called_once_with(10)
    spy.assert_awaited_once_with(10)
    assert spy.spy_return == 20 and spy.spy_return_list == [20]
    with pytest.raises(KeyError):
        asyncio.run(foo.fail())
    assert isinstance(failing.spy_exception, KeyError)


def test_spy_duplicates_iterators_on_request(mocker: MockerFixture) -> None:
    results: list[Any] = [iter([0, 1, 2]), (i for i in range(3)), [0, 1, 2], 99]

    class Foo:
        def bar(self) -> Any:
            return results.pop(0)

    foo = Foo()
    spy = mocker.spy(foo, "bar", duplicate_iterators=True)
    for _ in range(2):
        assert list(foo.bar()) == [0, 1, 2]
        assert list(spy.spy_return_iter) == [0, 1, 2]
    assert foo.bar() == [0, 1, 2]  # an iterable that is not an iterator is left alone
    assert spy.spy_return_iter is None
    assert foo.bar() == 99
    assert spy.spy_return_iter is None and len(spy.spy_return_list) == 4


def test_spy_without_duplicates_leaves_iterators_alone(mocker: MockerFixture) -> None:
    class Foo:
        def bar(self) -> Any:
            return iter([1])

    foo = Foo()
    spy = mocker.spy(foo, "bar")
    assert list(foo.bar()) == [1]
    assert spy.spy_return_iter is None
    assert list(spy.spy_return) == []  # the caller consumed it


# -- stop and stopall ----------------------------------------------------------------------


def test_stop_one_patch(mocker: MockerFixture) -> None:
    class Thing:
        def foo(self) -> int:
            return 42

    mocked = mocker.patch.object(Thing, "foo", return_value=0)
    thing = Thing()
    assert thing.foo() == 0
    mocker.stop(mocked)
    assert thing.foo() == 42
    with pytest.raises(ValueError, match="not registered"):
        mocker.stop(mocked)


def test_stop_a_spy(mocker: MockerFixture) -> None:
    class Thing:
        def foo(self) -> int:
            return 42

    spy = mocker.spy(Thing, "foo")
    assert Thing().foo() == 42
    mocker.stop(spy)
    assert Thing().foo() == 42
    assert spy.call_count == 1
    assert "foo" in vars(Thing) and not hasattr(vars(Thing)["foo"], "mock")


def test_stop_finds_mocks_by_identity(mocker: MockerFixture) -> None:
    first = mocker.create_autospec(Target, instance=True)
    second = mocker.create_autospec(Target, instance=True)
    first.__eq__.side_effect = RuntimeError("compared")
    first.run()
    second.run()
    mocker.stop(second)  # forgotten: no longer reset by resetall
    mocker.resetall()
    first.run.assert_not_called()
    second.run.assert_called_once_with()
    with pytest.raises(ValueError, match="not registered"):
        mocker.stop(second)
    mocker.stop(first)


def test_stop_a_mock_of_patch_multiple_stops_the_group(mocker: MockerFixture) -> None:
    real = os.remove, os.listdir
    made = mocker.patch.multiple("os", remove=mocker.DEFAULT, listdir=mocker.DEFAULT)
    mocker.stop(made["listdir"])
    assert (os.remove, os.listdir) == real


def test_stopall_restores_static_methods(mocker: MockerFixture) -> None:
    class One:
        @staticmethod
        def get() -> int:
            return 1

    class Two:
        @staticmethod
        def get() -> int:
            return 2

    def handle() -> int:
        return 3

    mocker.patch.object(One, "get", handle)
    mocker.patch.object(Two, "get", handle)
    mocker.stopall()
    assert (One.get(), Two.get()) == (1, 2)
    assert isinstance(vars(One)["get"], staticmethod)


def test_stopall_after_the_global_stopall(mocker: MockerFixture) -> None:
    real = os.getcwd
    mocker.patch("os.getcwd")
    mockkit.patch.stopall()
    assert os.getcwd is real
    mocker.stopall()
    assert os.getcwd is real


def test_stopall_stops_everything_even_when_one_stop_fails(mocker: MockerFixture) -> None:
    class Broken:
        def stop(self) -> None:
            raise RuntimeError("cannot stop")

    real = os.getcwd, os.listdir
    mocker.patch("os.getcwd")
    mocker.patch.object(os, "listdir")
    mocker.patch._entries.insert(1, type(mocker.patch._entries[0])("patch", Broken(), None))
    with pytest.raises(RuntimeError, match="cannot stop"):
        mocker.stopall()
    assert (os.getcwd, os.listdir) == real


# -- used as a context manager -------------------------------------------------------------

ENTER_MESSAGE = "need not be used in a 'with' block"


def test_entering_a_patch_warns_at_the_with_line(mocker: MockerFixture) -> None:
    class A:
        def do(self) -> bool:
            return False

    a = A()
    with pytest.warns(PytestMockkitWarning, match=re.escape(ENTER_MESSAGE)) as record:
        with mocker.patch.object(a, "do", return_value=True) as entered:
            assert a.do() is True
    assert record[0].filename == __file__
    assert isinstance(entered, mockkit.MagicMock)  # __enter__ still returns its return_value
    with pytest.warns(PytestMockkitWarning) as record, mocker.patch("json.loads"):
        pass
    assert record[0].filename == __file__


def test_patching_a_context_manager_class_does_not_warn(mocker: MockerFixture) -> None:
    class module:
        class Context:
            def __enter__(self) -> int:
                return 10

            def __exit__(self, *args: Any) -> None:
                pass

    def use() -> Any:
        with module.Context() as value:
            return value

    mocker.patch.object(module, "Context")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert isinstance(use(), mocker.MagicMock)


def test_patch_context_manager_does_not_warn(mocker: MockerFixture) -> None:
    class A:
        def do(self) -> bool:
            return False

    a = A()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with mocker.patch.context_manager(a, "do", return_value=True):
            assert a.do() is True


def test_caller_supplied_replacements_are_not_touched(mocker: MockerFixture) -> None:
    mine = mockkit.MagicMock()
    mocker.patch("os.getcwd", mine)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with mine:
            pass
    assert mine.__enter__.side_effect is None
