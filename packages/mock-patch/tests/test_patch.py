"""patch and patch.object: what gets put in place, how it is configured, and the errors."""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest

from mock_core import (
    DEFAULT,
    InvalidSpecError,
    Mock,
    NonCallableMock,
    _is_instance_mock,
    sentinel,
)
from mock_magic import AsyncMock, MagicMock, NonCallableMagicMock
from mock_patch import _patch, patch


def function(a: Any, b: Any = 1) -> Any:
    return a


async def coroutine_function(a: Any) -> Any:
    return a


class Klass:
    attribute = "class value"

    def method(self, a: Any) -> Any:
        return a

    async def async_method(self) -> None:
        return None

    @staticmethod
    def static(a: Any) -> Any:
        return a

    @classmethod
    def class_method(cls, a: Any) -> Any:
        return a


class CallableKlass:
    def __call__(self) -> None:
        return None


@pytest.fixture
def module(make_module: Any) -> Any:
    return make_module(
        function=function,
        coroutine_function=coroutine_function,
        Klass=Klass,
        instance=Klass(),
        value=3,
    )


def _name(module: Any, attribute: str) -> str:
    return f"{module.__name__}.{attribute}"


# ---------------------------------------------------------------- what is put in place


def test_replaces_and_restores(module: Any) -> None:
    with patch(_name(module, "value"), 4) as new:
        assert new == 4
        assert module.value == 4
    assert module.value == 3


def test_default_is_a_named_magicmock(module: Any) -> None:
    with patch(_name(module, "function")) as mock:
        assert type(mock) is not MagicMock or isinstance(mock, MagicMock)
        assert isinstance(mock, MagicMock)
        assert module.function is mock
        assert "name='function'" in repr(mock)
    assert module.function is function


@pytest.mark.parametrize("attribute", ["coroutine_function"])
def test_default_is_an_asyncmock_for_coroutine_functions(module: Any, attribute: str) -> None:
    with patch(_name(module, attribute)) as mock:
        assert isinstance(mock, AsyncMock)


def test_default_is_an_asyncmock_for_async_methods(module: Any) -> None:
    with patch.object(Klass, "async_method") as mock:
        assert isinstance(mock, AsyncMock)
    with patch.object(module.instance, "async_method") as mock:
        assert isinstance(mock, AsyncMock)
    with patch.object(Klass, "method") as mock:
        assert not isinstance(mock, AsyncMock)


@pytest.mark.skipif(sys.version_info < (3, 12), reason="markcoroutinefunction is 3.12+")
def test_default_is_an_asyncmock_for_marked_coroutine_functions(module: Any) -> None:
    import inspect

    def marked() -> None:
        return None

    module.marked = inspect.markcoroutinefunction(marked)
    with patch(_name(module, "marked")) as mock:
        assert isinstance(mock, AsyncMock)


@pytest.mark.parametrize("attribute", ["function", "Klass", "instance", "value"])
def test_default_is_a_magicmock_for_everything_else(module: Any, attribute: str) -> None:
    with patch(_name(module, attribute)) as mock:
        assert isinstance(mock, MagicMock)
        assert not isinstance(mock, AsyncMock)


def test_fast_async_check_agrees_with_mock_magic() -> None:
    import functools

    from mock_magic import _is_async_obj
    from mock_patch._replacement import _is_async_target

    def with_attribute() -> None:
        return None

    with_attribute.marker = 1  # type: ignore[attr-defined]
    samples = [
        function,
        coroutine_function,
        Klass,
        Klass(),
        Klass().method,
        Klass().async_method,
        Klass.static,
        Klass.class_method,
        Klass.__dict__["static"],
        len,
        os.getcwd,
        3,
        "text",
        None,
        [1],
        {"a": 1},
        with_attribute,
        functools.partial(coroutine_function, 1),
        MagicMock(),
        AsyncMock(),
    ]
    for sample in samples:
        assert _is_async_target(sample) == _is_async_obj(sample), sample


def test_builtin_default_is_a_magicmock() -> None:
    original = os.getcwd
    with patch("os.getcwd", return_value="/here") as getcwd:
        assert os.getcwd() == "/here"
        assert not isinstance(getcwd, AsyncMock)
    getcwd.assert_called_once_with()
    assert os.getcwd is original


def test_explicit_new_is_returned_and_may_be_none(module: Any) -> None:
    patcher = patch(_name(module, "value"), None)
    assert patcher.start() is None
    assert module.value is None
    patcher.stop()
    assert module.value == 3


def test_each_start_creates_a_fresh_mock(module: Any) -> None:
    patcher = patch(_name(module, "function"))
    first = patcher.start()
    patcher.stop()
    second = patcher.start()
    patcher.stop()
    assert first is not second


def test_keyword_arguments_configure_the_mock(module: Any) -> None:
    config = {"return_value": 3, "side_effect": None, "child.method.return_value": 7}
    with patch(_name(module, "function"), **config) as mock:
        assert module.function() == 3
        assert mock.child.method() == 7


def test_keyword_name_overrides_the_attribute_name(module: Any) -> None:
    with patch(_name(module, "function"), name="other") as mock:
        assert "name='other'" in repr(mock)
    with patch(_name(module, "function"), new_callable=Mock, name="other") as mock:
        assert "name='other'" in repr(mock)


def test_lookup_is_lazy(module: Any) -> None:
    patcher = patch(_name(module, "value"), 5)
    module.value = 10
    with patcher:
        assert module.value == 5
    assert module.value == 10


# ---------------------------------------------------------------- spec and spec_set


def test_spec_true_uses_the_original(module: Any) -> None:
    with patch(_name(module, "instance"), spec=True) as mock:
        assert isinstance(mock, NonCallableMagicMock)
        assert isinstance(mock, Klass)
        mock.method(1)
        with pytest.raises(AttributeError):
            mock.not_there


def test_spec_set_true_refuses_new_attributes(module: Any) -> None:
    with patch(_name(module, "Klass"), spec_set=True) as mock:
        with pytest.raises(AttributeError):
            mock.not_there = 1
        instance = mock()
        with pytest.raises(AttributeError):
            instance.not_there = 1


def test_spec_list(module: Any) -> None:
    with patch(_name(module, "value"), spec=["a", "b"]) as mock:
        assert isinstance(mock, NonCallableMagicMock)
        mock.a()
        with pytest.raises(AttributeError):
            mock.c
    with patch(_name(module, "value"), spec=("__call__", "a")) as mock:
        assert callable(mock)


@pytest.mark.parametrize("keyword", ["spec", "spec_set"])
def test_spec_of_a_class_gives_spec_instances(module: Any, keyword: str) -> None:
    with patch(_name(module, "Klass"), **{keyword: True}) as mock:
        instance = mock(1)
        assert isinstance(instance, NonCallableMagicMock)
        assert isinstance(instance, Klass)
        assert not callable(instance)
        assert instance is mock.return_value
        assert "name='Klass()'" in repr(instance)
        instance.method(1)
        with pytest.raises(AttributeError):
            instance.not_there
        mock.assert_called_once_with(1)


def test_spec_of_a_callable_class_gives_callable_instances(module: Any) -> None:
    module.CallableKlass = CallableKlass
    with patch(_name(module, "CallableKlass"), spec=True) as mock:
        instance = mock()
        assert callable(instance)
        assert isinstance(instance, MagicMock)


def test_spec_instances_share_the_keyword_configuration(module: Any) -> None:
    # As in the standard library: the keywords configure the class mock and its instances.
    with patch(_name(module, "Klass"), spec=True, attribute=5) as mock:
        assert mock.attribute == 5
        assert mock.return_value.attribute == 5


def test_spec_instances_with_new_callable(module: Any) -> None:
    for klass in (NonCallableMock, NonCallableMagicMock, MagicMock, Mock, AsyncMock):
        with patch(_name(module, "Klass"), new_callable=klass, spec=True) as mock:
            assert isinstance(mock, klass)
            with pytest.raises(AttributeError):
                mock.return_value.not_there


def test_spec_with_a_non_mock_new_callable(module: Any) -> None:
    class NotAMock:
        def __init__(self, **kwargs: Any) -> None:
            self.kwargs = kwargs

    with patch(_name(module, "Klass"), new_callable=NotAMock, spec=True) as made:
        assert made.kwargs == {"spec": Klass}
        assert not hasattr(made, "return_value")


def test_spec_set_takes_an_explicit_spec(module: Any) -> None:
    class Recorder:
        def __init__(self, **kwargs: Any) -> None:
            self.kwargs = kwargs

    with patch(_name(module, "function"), new_callable=Recorder, spec=Klass, spec_set=True) as r:
        assert r.kwargs == {"spec_set": Klass}
    with patch(_name(module, "function"), new_callable=Recorder, spec=True, spec_set=True) as r:
        assert r.kwargs == {"spec_set": function}


def test_false_specs_mean_no_spec(module: Any) -> None:
    with patch(_name(module, "value"), spec=False, spec_set=False, autospec=False) as mock:
        mock.anything = 1
        assert isinstance(mock, MagicMock)


@pytest.mark.parametrize("keyword", ["spec", "spec_set"])
def test_falsy_spec_objects_are_specs(module: Any, keyword: str) -> None:
    with patch(_name(module, "value"), **{keyword: 0}) as mock:
        with pytest.raises(AttributeError):
            mock.not_there


@pytest.mark.parametrize("spec_set", [0, ["a"], Klass()])
def test_async_target_with_a_non_callable_spec_set_stays_async(module: Any, spec_set: Any) -> None:
    # As in 3.13 (3.12 and older made a NonCallableMagicMock here).
    with patch(_name(module, "coroutine_function"), spec_set=spec_set) as mock:
        assert isinstance(mock, AsyncMock)


def test_async_spec_gives_asyncmock(module: Any) -> None:
    with patch(_name(module, "value"), spec=coroutine_function) as mock:
        assert isinstance(mock, AsyncMock)


# ---------------------------------------------------------------- new_callable


def test_new_callable(module: Any) -> None:
    with patch(_name(module, "function"), new_callable=NonCallableMagicMock) as mock:
        assert not callable(mock)
        assert isinstance(mock, NonCallableMagicMock)


def test_new_callable_gets_the_keywords(module: Any) -> None:
    class Recorder:
        def __init__(self, **kwargs: Any) -> None:
            self.kwargs = kwargs

    with patch(_name(module, "function"), new_callable=Recorder, a=1, b=2) as made:
        assert made.kwargs == {"a": 1, "b": 2}
    with patch(_name(module, "function"), new_callable=Recorder, spec_set=Klass) as made:
        assert made.kwargs == {"spec_set": Klass}


def test_new_callable_may_be_any_callable(module: Any) -> None:
    factory = MagicMock()
    with patch(_name(module, "function"), new_callable=factory) as made:
        assert made is factory.return_value
    factory.assert_called_once_with()


def test_new_callable_with_a_class_spec_that_is_not_a_class(module: Any) -> None:
    # The standard library fails with KeyError: 'name' here; mock-patch does not.
    with patch(
        _name(module, "Klass"), new_callable=lambda **kw: MagicMock(**kw), spec=["__call__"]
    ) as made:
        assert callable(made.return_value)


# ---------------------------------------------------------------- create


def test_create_adds_and_removes(module: Any) -> None:
    with patch(_name(module, "brand_new"), sentinel.new, create=True):
        assert module.brand_new is sentinel.new
    assert not hasattr(module, "brand_new")
    with patch.object(Klass, "brand_new", create=True) as mock:
        assert Klass.brand_new is mock  # type: ignore[attr-defined]
    assert not hasattr(Klass, "brand_new")


def test_create_on_an_existing_attribute_restores_it(module: Any) -> None:
    with patch(_name(module, "value"), 9, create=True):
        assert module.value == 9
    assert module.value == 3


def test_missing_attribute_without_create(module: Any) -> None:
    patcher = patch(_name(module, "missing"), 1)
    with pytest.raises(AttributeError) as info:
        patcher.start()
    assert str(info.value) == f"{module} does not have the attribute 'missing'"
    assert not hasattr(module, "missing")
    with pytest.raises(AttributeError, match="does not have the attribute 'ord'"):
        patch.object(Klass, "ord", 1).start()


def test_builtins_on_modules_need_no_create(module: Any) -> None:
    with patch(_name(module, "ord"), return_value=101) as mock:
        assert module.ord("c") == 101
    assert mock.called
    assert "ord" not in vars(module)
    patcher = patch(_name(module, "open"))
    patcher.start()
    assert patcher.create is True
    patcher.stop()
    assert "open" not in vars(module)


@pytest.mark.parametrize("keyword", ["spec", "spec_set"])
def test_spec_with_create_of_a_missing_attribute(module: Any, keyword: str) -> None:
    patcher = patch(_name(module, "missing"), create=True, **{keyword: True})
    with pytest.raises(TypeError, match=r"^Can't use 'spec' with create=True$"):
        patcher.start()
    assert not hasattr(module, "missing")
    # Innocuous when the attribute exists.
    with patch(_name(module, "value"), create=True, **{keyword: True}):
        pass


# ---------------------------------------------------------------- patch.object


def test_patch_object(module: Any) -> None:
    with patch.object(module, "value", 4) as new:
        assert new == 4 and module.value == 4
    assert module.value == 3


def test_patch_object_refuses_strings() -> None:
    with pytest.raises(TypeError) as info:
        patch.object("Something", "do_something")
    assert str(info.value) == "'Something' must be the actual object to be patched, not a str"


def test_patch_object_accepts_str_subclass_instances() -> None:
    class Text(str):
        fish = "tasty"

    text = Text()
    with patch.object(text, "fish", "gone"):
        assert text.fish == "gone"
    assert text.fish == "tasty"


def test_patch_object_keywords_and_unsafe() -> None:
    patcher = patch.object(Klass, "method", side_effect=KeyError, **{"child.return_value": 3})
    mock = patcher.start()
    patcher.stop()
    with pytest.raises(KeyError):
        mock()
    assert mock.child() == 3
    with pytest.raises(RuntimeError):
        patch.object(Klass, "method", autospect=True)
    patch.object(Klass, "method", autospect=True, unsafe=True)


# ---------------------------------------------------------------- errors


def test_new_with_new_callable() -> None:
    with pytest.raises(ValueError, match=r"^Cannot use 'new' and 'new_callable' together$"):
        patch("os.getcwd", new=object(), new_callable=MagicMock)
    with pytest.raises(ValueError, match=r"^Cannot use 'new' and 'new_callable' together$"):
        patch.object(Klass, "method", new=object(), new_callable=MagicMock)


def test_autospec_with_new_callable() -> None:
    with pytest.raises(ValueError, match=r"^Cannot use 'autospec' and 'new_callable' together$"):
        patch("os.getcwd", new_callable=MagicMock, autospec=True)
    with pytest.raises(ValueError, match=r"^Cannot use 'autospec' and 'new_callable' together$"):
        patch.object(Klass, "method", new_callable=MagicMock, autospec=True)


@pytest.mark.parametrize("typo", ["autospect", "auto_spec", "set_spec"])
def test_misspelled_keywords(typo: str) -> None:
    message = rf"^'{typo}' might be a typo; use unsafe=True if this is intended$"
    with pytest.raises(RuntimeError, match=message):
        patch("os.getcwd", **{typo: True})
    with pytest.raises(RuntimeError, match=message):
        patch.object(Klass, "method", **{typo: True})
    with patch("os.getcwd", unsafe=True, **{typo: True}) as mock:
        assert getattr(mock, typo) is True


def test_misspelled_keywords_are_attribute_names_for_patch_multiple() -> None:
    with patch.multiple(Klass, set_spec=1, create=True):
        assert Klass.set_spec == 1  # type: ignore[attr-defined]


def test_kwargs_with_an_explicit_new(module: Any) -> None:
    patcher = patch(_name(module, "value"), new=object(), x=1)
    with pytest.raises(TypeError, match=r"^Can't pass kwargs to a mock we aren't creating$"):
        patcher.start()
    assert module.value == 3


def test_spec_and_autospec(module: Any) -> None:
    for spec, autospec in ((True, True), (0, 0), (Klass, Klass)):
        patcher = patch(_name(module, "value"), spec=spec, autospec=autospec)
        with pytest.raises(TypeError, match=r"^Can't specify spec and autospec$"):
            patcher.start()
        assert module.value == 3


@pytest.mark.parametrize(
    "keywords",
    [
        {"spec": True, "spec_set": Klass},
        {"spec": 0, "spec_set": 0},
        {"autospec": 0, "spec_set": 0},
        {"autospec": True, "spec_set": Klass},
    ],
)
def test_explicit_spec_set_with_spec_or_autospec(module: Any, keywords: Any) -> None:
    patcher = patch(_name(module, "value"), **keywords)
    with pytest.raises(TypeError, match=r"^Can't provide explicit spec_set \*and\* spec or"):
        patcher.start()
    assert module.value == 3


def test_spec_that_is_a_mock() -> None:
    mock = MagicMock()
    with pytest.raises(InvalidSpecError, match=r"^Cannot spec attr 'getcwd' as the spec has"):
        patch("os.getcwd", spec=mock)
    with pytest.raises(InvalidSpecError, match=r"^Cannot spec attr 'getcwd' as the spec_set"):
        patch("os.getcwd", spec_set=mock)
    with pytest.raises(InvalidSpecError, match=r"^Cannot spec attr 'method' as the spec has"):
        patch.object(Klass, "method", spec=mock)


def test_missing_module() -> None:
    with pytest.raises(ModuleNotFoundError, match=r"^No module named 'mock_patch_squizz'$"):
        patch("mock_patch_squizz.squozz").start()


def test_attribute_error_message_uses_str_of_the_target() -> None:
    class Named:
        def __str__(self) -> str:
            return "<the target>"

    with pytest.raises(AttributeError, match=r"^<the target> does not have the attribute 'x'$"):
        patch.object(Named(), "x", 1).start()


def test_failed_setattr_leaves_nothing_changed() -> None:
    with pytest.raises(TypeError):
        patch.object(int, "real", 1).start()
    assert int.real is not 1  # noqa: F632

    class ReadOnly:
        @property
        def value(self) -> int:
            return 1

    instance = ReadOnly()
    patcher = patch.object(instance, "value", 2)
    with pytest.raises(AttributeError):
        patcher.start()
    assert instance.value == 1
    assert not patcher.is_started


# ---------------------------------------------------------------- the patcher object


def test_patcher_attributes(module: Any) -> None:
    patcher = patch(_name(module, "function"), spec=True, create=True, a=1)
    assert isinstance(patcher, _patch)
    assert patcher.getter() is module
    assert patcher.attribute == "function"
    assert patcher.new is DEFAULT
    assert patcher.new_callable is None
    assert patcher.spec is True
    assert patcher.create is True
    assert patcher.has_local is False
    assert patcher.spec_set is None
    assert patcher.autospec is None
    assert patcher.kwargs == {"a": 1}
    assert patcher.additional_patchers == []
    assert patcher.attribute_name is None
    assert not hasattr(patcher, "target")
    mock = patcher.start()
    assert patcher.target is module
    assert patcher.temp_original is function
    assert patcher.is_local is True
    assert patcher.is_started
    assert _is_instance_mock(mock)
    patcher.stop()
    for name in ("target", "temp_original", "is_local"):
        assert not hasattr(patcher, name)
    assert not patcher.is_started


def test_positional_construction_like_the_standard_library() -> None:
    # _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs)
    class Thing:
        one = None

    patcher = _patch(lambda: Thing, "one", 1, None, False, None, None, None, {})
    with patcher as new:
        assert new == 1 and Thing.one == 1
    assert Thing.one is None


def test_copy(module: Any) -> None:
    patcher = patch(_name(module, "function"), spec=True, a=1)
    patcher.attribute_name = "function"
    other = patch(_name(module, "value"), 5)
    patcher.additional_patchers = [other]
    copy = patcher.copy()
    assert type(copy) is _patch
    assert copy is not patcher
    for name in ("getter", "attribute", "new", "spec", "create", "spec_set", "autospec"):
        assert getattr(copy, name) is getattr(patcher, name)
    assert copy.kwargs == {"a": 1}
    assert copy.attribute_name == "function"
    assert len(copy.additional_patchers) == 1
    assert copy.additional_patchers[0] is not other
    assert copy.additional_patchers[0].new == 5


def test_copy_of_an_unsafe_patcher() -> None:
    # The standard library re-checks the keywords and refuses; the copy should just work.
    patcher = patch("os.getcwd", set_spec=True, unsafe=True)
    copy = patcher.copy()
    with copy as mock:
        assert mock.set_spec is True
