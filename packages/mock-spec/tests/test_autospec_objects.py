"""create_autospec of classes, instances, modules, descriptors and nested attributes."""

from __future__ import annotations

import asyncio
import inspect
import os.path
import time
import types
from functools import partial
from typing import Any, ClassVar

import pytest

from mock_core import DEFAULT, InvalidSpecError, Mock, call, seal
from mock_magic import AsyncMock, MagicMock, NonCallableMagicMock
from mock_spec import create_autospec


class SomeClass:
    def one(self, a, b):  # type: ignore[no-untyped-def]
        pass

    def two(self):  # type: ignore[no-untyped-def]
        pass

    def three(self, a=None):  # type: ignore[no-untyped-def]
        pass


class Sub(SomeClass):
    attr = SomeClass()


def check_someclass_mock(mock: Any) -> None:
    with pytest.raises(AttributeError):
        mock.foo
    mock.one(1, 2)
    mock.one.assert_called_with(1, 2)
    with pytest.raises(AssertionError):
        mock.one.assert_called_with(3, 4)
    with pytest.raises(TypeError):
        mock.one(1)
    mock.two()
    mock.two.assert_called_with()
    with pytest.raises(TypeError):
        mock.two(1)
    mock.three()
    mock.three(1)
    mock.three.assert_called_with(1)
    mock.three(a=1)
    mock.three.assert_called_with(a=1)
    with pytest.raises(TypeError):
        mock.three(3, 2)


class Thing:
    LIMIT = 10
    nothing = None
    items: ClassVar[list[int]] = [1]

    def __init__(self, a, b=2):  # type: ignore[no-untyped-def]
        pass

    def meth(self, x, *args, key=None, **kwargs):  # type: ignore[no-untyped-def]
        pass

    def odd(a, self):  # type: ignore[no-untyped-def]
        pass

    @classmethod
    def cm(cls, y):  # type: ignore[no-untyped-def]
        pass

    @staticmethod
    def sm(z):  # type: ignore[no-untyped-def]
        pass

    getter_runs: ClassVar[list[int]] = []

    @property
    def prop(self):  # type: ignore[no-untyped-def]
        Thing.getter_runs.append(1)
        return 1

    async def amethod(self, q):  # type: ignore[no-untyped-def]
        pass

    class Nested:
        def __init__(self, v):  # type: ignore[no-untyped-def]
            pass

        def n(self, w):  # type: ignore[no-untyped-def]
            pass


class CallableThing:
    def __init__(self, x, y):  # type: ignore[no-untyped-def]
        pass

    def __call__(self, a):  # type: ignore[no-untyped-def]
        pass


class TestTypes:
    """The mock classes chosen, exactly as the standard library chooses them."""

    def test_class(self) -> None:
        Thing.getter_runs.clear()
        m = create_autospec(Thing)
        m.prop, m.return_value.prop
        assert Thing.getter_runs == []
        assert type(m).__mro__[1:].count(MagicMock) == 1 and isinstance(m, Thing)
        assert isinstance(m.return_value, NonCallableMagicMock)
        assert isinstance(m.meth, MagicMock)
        assert isinstance(m.amethod, AsyncMock)
        assert isinstance(m.amethod.return_value, AsyncMock)
        assert isinstance(m.meth.return_value, MagicMock)
        assert isinstance(m.LIMIT, NonCallableMagicMock)
        assert isinstance(m.Nested, MagicMock)
        assert isinstance(m.return_value.Nested, MagicMock)  # placeholders ignore instance=
        assert isinstance(m.prop, MagicMock)  # data descriptors have no spec

    def test_callable_instances(self) -> None:
        m = create_autospec(CallableThing)
        assert isinstance(m.return_value, MagicMock)
        assert isinstance(create_autospec(CallableThing, instance=True), MagicMock)
        assert isinstance(create_autospec(CallableThing(1, 2)), MagicMock)

    def test_non_callables(self) -> None:
        assert isinstance(create_autospec(SomeClass, instance=True), NonCallableMagicMock)
        assert isinstance(create_autospec(SomeClass()), NonCallableMagicMock)
        assert isinstance(create_autospec(None), NonCallableMagicMock)
        assert isinstance(create_autospec(1), NonCallableMagicMock)

    def test_lists_mean_their_type(self) -> None:
        m = create_autospec([])
        assert "spec='list'" in repr(m)
        m.append("foo")
        m.append.assert_called_with("foo")
        with pytest.raises(AttributeError):
            m.foo

    def test_builtins(self) -> None:
        for spec in (1, int, "foo", str, {}, dict, [], list, set(), set, 1.0, 1j, True):
            create_autospec(spec)

    def test_spec_that_is_a_mock_is_refused(self) -> None:
        with pytest.raises(InvalidSpecError, match=r"Cannot autospec a Mock object"):
            create_autospec(Mock())


class TestClasses:
    def test_someclass(self) -> None:
        check_someclass_mock(create_autospec(SomeClass))
        check_someclass_mock(create_autospec(SomeClass()))

    def test_constructor_signature(self) -> None:
        m = create_autospec(Thing)
        with pytest.raises(TypeError):
            m()
        m(1)
        m.assert_called_once_with(a=1)
        m(4, 5)
        m.assert_called_with(a=4, b=5)
        with pytest.raises(AssertionError):
            m.assert_called_with(a=5, b=4)

    def test_calls_return_the_instance_mock(self) -> None:
        m = create_autospec(Thing)
        instance = m(1)
        assert instance is m.return_value
        assert repr(instance).startswith("<NonCallableMagicMock name='mock()' spec='Thing'")
        with pytest.raises(TypeError):
            instance()
        instance.meth(1)
        assert m.mock_calls == [call(1), call().meth(1)]
        assert m.method_calls == [call().meth(1)]
        assert instance.method_calls == [call.meth(1)]

    def test_methods_skip_self(self) -> None:
        m = create_autospec(Thing)
        for target in (m, m.return_value):
            target.meth(1, 2, key=3)
            target.meth.assert_called_with(1, 2, key=3)
            with pytest.raises(TypeError):
                target.meth()

    def test_self_in_an_odd_place(self) -> None:
        m = create_autospec(Thing)
        m.odd(10)
        m.odd.assert_called_with(10)
        m.odd.assert_called_with(self=10)

    def test_classmethods_and_staticmethods(self) -> None:
        class Bar(Thing):
            pass

        for spec in (Thing, Bar, Bar(1)):
            m = create_autospec(spec)
            m.cm(1)
            m.cm.assert_called_once_with(y=1)
            m.sm(2)
            m.sm.assert_called_once_with(z=2)
            with pytest.raises(TypeError):
                m.sm()

    def test_callable_instances_check_call(self) -> None:
        m = create_autospec(CallableThing)
        m(1, 2)
        m.assert_called_once_with(x=1, y=2)
        instance = m(1, 2)
        with pytest.raises(TypeError):
            instance()
        instance(a="a")
        instance.assert_called_once_with("a")
        m = create_autospec(CallableThing(1, 2))
        m("a")
        m.assert_called_with(a="a")
        with pytest.raises(TypeError):
            m()

    def test_signatures_visible_to_inspect(self) -> None:
        m = create_autospec(Thing)
        assert str(inspect.signature(m)) == "(a, b=2)"
        assert str(inspect.signature(m.meth)) == "(x, *args, key=None, **kwargs)"
        assert str(inspect.signature(m.return_value.meth)) == "(x, *args, key=None, **kwargs)"

    def test_nested_classes_and_instances(self) -> None:
        m = create_autospec(Thing)
        m.Nested(1).n(2)
        m.Nested.assert_called_with(v=1)
        m.Nested.return_value.n.assert_called_with(w=2)
        with pytest.raises(TypeError):
            m.Nested()
        with pytest.raises(AttributeError):
            m.Nested.missing

    def test_recursive_specs(self) -> None:
        class A:
            def a(self):  # type: ignore[no-untyped-def]
                pass

            foo = "foo bar baz"
            bar = foo

        A.B = A  # type: ignore[attr-defined]
        m = create_autospec(A)
        m()
        assert not m.B.called
        m.a()
        m.B.a()
        assert m.method_calls == [call.a(), call.B.a()]
        assert m.foo is not m.bar
        m.foo.lower()
        with pytest.raises(AssertionError):
            m.bar.lower.assert_called_with()

    def test_none_attributes_are_unspecced_mocks(self) -> None:
        m = create_autospec(Thing)
        assert m.nothing is not None
        m.nothing.foo()
        m.nothing.foo.assert_called_once_with()

    def test_attributes_of_attribute_values(self) -> None:
        for m in (create_autospec(Sub), create_autospec(Sub).attr):
            check_someclass_mock(m)
        m = create_autospec(Thing)
        m.items.append(3)
        m.items.append.assert_called_with(3)
        with pytest.raises(AttributeError):
            m.items.foo

    def test_descriptor_returning_function(self) -> None:
        class Crazy:
            def __get__(self, obj: Any, owner: Any) -> Any:
                if obj is None:
                    return lambda x: None
                return None

        class C:
            some_attr = Crazy()

        m = create_autospec(C)
        m.some_attr(1)
        with pytest.raises(TypeError):
            m.some_attr()

    def test_attribute_errors_are_skipped(self) -> None:
        class Raiser:
            def __get__(self, obj: Any, owner: Any = None) -> Any:
                if obj is None:
                    raise AttributeError("only on instances")
                return None

        class C:
            raiser = Raiser()

            @staticmethod
            def existing(a, b):  # type: ignore[no-untyped-def]
                return a + b

        m = create_autospec(C)
        with pytest.raises(TypeError):
            m.existing(1, 2, 3)
        assert m.existing(1, 2) is m.existing.return_value
        with pytest.raises(AttributeError):
            m.nonexisting
        m.raiser.foo  # unspecced

    def test_data_descriptors_are_unspecced(self) -> None:
        class Descriptor:
            def __get__(self, obj: Any, owner: Any = None) -> Any:
                return self

            def __set__(self, obj: Any, value: Any) -> None:
                pass

        class C:
            __slots__ = ["slot"]
            desc = Descriptor()

            @property
            def prop(self):  # type: ignore[no-untyped-def]
                pass

        m = create_autospec(C)
        for attr in (m.prop, m.slot, m.desc):
            assert isinstance(attr, MagicMock)
            attr(1, 2, 3)
            attr.abc(4, 5, 6)
            attr.assert_called_once_with(1, 2, 3)
            attr.abc.assert_called_once_with(4, 5, 6)

    def test_dynamic_attribute_functions(self) -> None:
        class C:
            def __dir__(self) -> list[str]:
                return [*super().__dir__(), "crazy"]

            def __getattr__(self, item: str) -> Any:
                if item == "crazy":
                    return lambda x: x
                raise AttributeError(item)

        m = create_autospec(C())
        m.crazy(42)
        with pytest.raises(TypeError):
            m.crazy()

    def test_getattr_returning_partials(self) -> None:
        class C:
            def __getattr__(self, attribute: str) -> Any:
                return partial(lambda name: name, attribute)

        m = create_autospec(C())
        assert not hasattr(m, "__name__")

    def test_bound_builtin_method(self) -> None:
        meth = types.MethodType(time.ctime, time.time())
        m = create_autospec(meth)
        m()
        m.assert_called_once_with()
        m.reset_mock()
        m(4, 5, 6)
        m.assert_called_once_with(4, 5, 6)

    def test_patched_out_attribute(self) -> None:
        class A:
            class B:
                pass

        original = A.B
        A.B = MagicMock()  # type: ignore[misc]
        try:
            m = create_autospec(A)
            with pytest.raises(
                InvalidSpecError, match="Cannot autospec attr 'B' from target <Magic"
            ):
                m.B
            named = create_autospec(A, name="nn")
            with pytest.raises(InvalidSpecError, match="from target 'nn' as it has already been"):
                named.B
        finally:
            A.B = original  # type: ignore[misc]

    def test_magic_methods(self) -> None:
        class BuiltinSubclass(list):  # type: ignore[type-arg]
            attr: ClassVar[dict[str, int]] = {}

        m = create_autospec(BuiltinSubclass)
        assert list(m) == []
        with pytest.raises(TypeError):
            int(m)
        with pytest.raises(TypeError):
            int(m.attr)
        assert isinstance(m["foo"], MagicMock)
        assert isinstance(m.attr["foo"], MagicMock)

    def test_autospec_int_reset(self) -> None:
        m = create_autospec(int)
        int(m)
        m.reset_mock()
        assert m.__int__.call_count == 0


class TestInstances:
    def test_instance_true(self) -> None:
        m = create_autospec(SomeClass, instance=True)
        with pytest.raises(TypeError):
            m()
        m.one(1, 2)
        with pytest.raises(TypeError):
            m.two("some", "args")

    def test_instance_spec(self) -> None:
        m = create_autospec(Thing(1))
        with pytest.raises(TypeError):
            m()
        m.meth(1)
        m.meth.assert_called_with(x=1)
        m.Nested(1).n(2)

    def test_instance_attribute_functions(self) -> None:
        obj = SomeClass()
        obj.f = lambda a: None  # type: ignore[attr-defined]
        m = create_autospec(obj)
        m.f("bing")
        m.f.assert_called_with("bing")
        m.f.assert_called_with(a="bing")

    def test_property_getters_of_instances_run_once_at_creation(self) -> None:
        runs = []

        class P:
            @property
            def prop(self) -> int:
                runs.append(1)
                return 1

        m = create_autospec(P())
        assert runs == [1]  # read when the autospec is made, as the standard library does
        assert isinstance(m.prop, NonCallableMagicMock)
        assert runs == [1]


class TestModules:
    def test_os_path(self) -> None:
        m = create_autospec(os.path)
        m.join("a", "b")
        with pytest.raises(TypeError):
            m.join()
        with pytest.raises(AttributeError):
            m.not_in_os_path
        assert m.mock_calls == [call.join("a", "b")]


class TestSpecSet:
    @pytest.mark.parametrize("spec", [Sub, Sub()])
    def test_spec_set(self, spec: Any) -> None:
        m = create_autospec(spec, spec_set=True)
        check_someclass_mock(m)
        with pytest.raises(AttributeError):
            m.foo = "bar"
        with pytest.raises(AttributeError):
            m.attr.foo = "bar"
        assert "spec_set='Sub'" in repr(m)


class TestConfiguration:
    def test_return_value(self) -> None:
        class Foo:
            pass

        assert create_autospec(Foo, return_value="foo")() == "foo"

    def test_keyword_arguments(self) -> None:
        class Foo:
            a = 3

        assert create_autospec(Foo, a="3").a == "3"

    def test_dotted_keywords_reach_the_instance(self) -> None:
        class Something:
            def meth(self, a, b, c):  # type: ignore[no-untyped-def]
                pass

        m = create_autospec(
            Something,
            **{
                "return_value.meth.side_effect": [ValueError, DEFAULT],
                "return_value.meth.return_value": "mocked",
            },
        )
        with pytest.raises(ValueError):
            m().meth(a=None, b=None, c=None)
        assert m().meth(a=None, b=None, c=None) == "mocked"
        assert m().return_value.meth.side_effect is None

    def test_name(self) -> None:
        class X:
            pass

        m = create_autospec(X, spec_set=True, name="Y")
        assert m._mock_name == "Y"
        assert "name='Y'" in repr(m)
        assert "sweet_func" in repr(create_autospec(object(), name="sweet_func"))

    def test_wraps_class(self) -> None:
        class Result:
            def get_result(self):  # type: ignore[no-untyped-def]
                return "real"

        m = create_autospec(spec=Result, wraps=Result)
        m.return_value = DEFAULT
        assert m().get_result() == "real"
        assert m.get_result._mock_wraps is Result.get_result

    def test_wraps_instance(self) -> None:
        class Result:
            @staticmethod
            def get_result():  # type: ignore[no-untyped-def]
                return "real"

        m = create_autospec(spec=Result, instance=True, wraps=Result)
        m.get_result.return_value = DEFAULT
        assert m.get_result() == "real"
        assert m.get_result._mock_wraps is Result.get_result

    def test_typos(self) -> None:
        with pytest.raises(RuntimeError, match="might be a typo"):
            create_autospec(Thing, set_spec=True)
        assert create_autospec(Thing, set_spec=True, unsafe=True).set_spec is True

    def test_parent_and_name(self) -> None:
        parent = MagicMock()
        child = create_autospec(SomeClass, _parent=parent, _name="kid")
        assert parent._mock_children["kid"] is child
        child.two()
        assert parent.mock_calls == [call.kid.two()]


class TestAsyncAttributes:
    def test_async_methods(self) -> None:
        m = create_autospec(Thing)
        with pytest.raises(TypeError):
            m.amethod()  # checked when called, as the standard library does
        asyncio.run(m.amethod(1))
        m.amethod.assert_awaited_once_with(q=1)


def test_signatures_are_not_inspected_for_unused_methods(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []
    real = inspect.signature

    def counting(obj: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(obj)
        return real(obj, *args, **kwargs)

    monkeypatch.setattr(inspect, "signature", counting)

    class Wide:
        def __init__(self):  # type: ignore[no-untyped-def]
            pass

        def m1(self, a):  # type: ignore[no-untyped-def]
            pass

        def m2(self, a):  # type: ignore[no-untyped-def]
            pass

    create_autospec(Wide)
    # The constructor's, at most (the instance's is type.__call__'s, shared by every class).
    assert len([o for o in seen if "Wide" in repr(o)]) <= 1
    m = create_autospec(Wide)
    m.m1(1)
    m.m1(1)
    create_autospec(Wide).m1(2)
    assert len([o for o in seen if "m1" in repr(o)]) == 1
    assert not [o for o in seen if "m2" in repr(o)]


def test_seal() -> None:
    class Foo:
        foo = 0

        def bar1(self):  # type: ignore[no-untyped-def]
            pass

        def bar2(self):  # type: ignore[no-untyped-def]
            pass

        class Baz:
            baz = 3

            def ban(self):  # type: ignore[no-untyped-def]
                pass

    for spec_set in (True, False):
        foo = create_autospec(Foo, spec_set=spec_set)
        foo.bar1.return_value = "a"
        foo.Baz.ban.return_value = "b"
        seal(foo)
        assert isinstance(foo.foo, NonCallableMagicMock)
        assert isinstance(foo.bar1, MagicMock)
        assert isinstance(foo.bar2, MagicMock)
        assert isinstance(foo.Baz, MagicMock)
        assert isinstance(foo.Baz.baz, NonCallableMagicMock)
        assert isinstance(foo.Baz.ban, MagicMock)
        assert isinstance(foo.bar2(), MagicMock)
        assert foo.bar1() == "a"
        foo.bar1.return_value = "new_a"
        assert foo.bar1() == "new_a"
        assert foo.Baz.ban() == "b"
        with pytest.raises(TypeError):
            foo.foo()
        with pytest.raises(AttributeError):
            foo.bar = 1
        with pytest.raises(AttributeError):
            foo.bar2().x
        with pytest.raises(AttributeError):
            foo.missing_attr
        with pytest.raises(TypeError):
            foo.Baz.baz()
        with pytest.raises(AttributeError):
            foo.Baz.missing_attr
        with pytest.raises(AttributeError):
            foo.return_value.bar1().x
