"""patch.multiple: several attributes at once, created mocks by keyword or in a dict."""

from __future__ import annotations

from typing import Any, Tuple

import pytest

from mock_core import DEFAULT
from mock_magic import MagicMock
from mock_patch import _patch, _patch_multiple, patch


class Foo:
    foo = "bar"

    def f(self) -> None:
        return None

    def g(self) -> None:
        return None


ORIGINAL = (Foo.__dict__["f"], Foo.__dict__["g"], Foo.foo)


def _state() -> Tuple[Any, ...]:
    return (Foo.__dict__["f"], Foo.__dict__["g"], Foo.foo)


@pytest.fixture
def foo_name(make_module: Any) -> str:
    module = make_module(Foo=Foo)
    return f"{module.__name__}.Foo"


def test_patch_multiple_is_the_function() -> None:
    assert patch.multiple is _patch_multiple


def test_values(foo_name: str) -> None:
    for patcher in (patch.multiple(foo_name, f=1, g=2), patch.multiple(Foo, f=1, g=2)):
        assert patcher.start() == {}
        assert (Foo.f, Foo.g) == (1, 2)
        assert patcher.stop() is False
        assert _state() == ORIGINAL


def test_created_mocks_by_keyword(foo_name: str) -> None:
    @patch.multiple(foo_name, f=DEFAULT, g=3, foo=DEFAULT)
    def test(f: Any, foo: Any) -> None:
        assert Foo.f is f and Foo.foo is foo and Foo.g == 3
        assert isinstance(f, MagicMock) and "name='f'" in repr(f)

    test()
    assert _state() == ORIGINAL


def test_created_mocks_in_a_dict(foo_name: str) -> None:
    patcher = patch.multiple(foo_name, f=DEFAULT, g=3, foo=DEFAULT)
    result = patcher.start()
    try:
        assert set(result) == {"f", "foo"}
        assert Foo.f is result["f"] and Foo.foo is result["foo"]
    finally:
        patcher.stop()
    with patch.multiple(foo_name, f=DEFAULT) as values:
        assert values == {"f": Foo.f}
    assert _state() == ORIGINAL


def test_structure() -> None:
    patcher = patch.multiple(Foo, f=1, g=DEFAULT, foo=3)
    assert isinstance(patcher, _patch)
    assert patcher.attribute_name == "f" and patcher.new == 1
    assert [(p.attribute_name, p.attribute) for p in patcher.additional_patchers] == [
        ("g", "g"),
        ("foo", "foo"),
    ]
    assert all(p.getter() is Foo for p in patcher.additional_patchers)


def test_needs_keywords(foo_name: str) -> None:
    message = r"^Must supply at least one keyword argument with patch.multiple$"
    with pytest.raises(ValueError, match=message):
        patch.multiple(foo_name)
    with pytest.raises(ValueError, match=message):
        patch.multiple(Foo)


def test_string_subclass_is_an_object_to_patch() -> None:
    text_type = type("Text", (str,), {"fish": "tasty"})
    text = text_type()

    @patch.multiple(text, fish="nearly gone")
    def test() -> None:
        assert text.fish == "nearly gone"

    test()
    assert text.fish == "tasty"


def test_create() -> None:
    with pytest.raises(AttributeError):
        patch.multiple(Foo, blam="blam").start()
    with patch.multiple(Foo, blam="blam", create=True):
        assert Foo.blam == "blam"  # type: ignore[attr-defined]
    assert not hasattr(Foo, "blam")


def test_spec_set_applies_to_each() -> None:
    with patch.multiple(Foo, foo=DEFAULT, f=DEFAULT, spec_set=["a", "b"]) as result:
        assert Foo.foo is result["foo"]
        Foo.foo.a(1)
        Foo.f.b(2)
        with pytest.raises(AttributeError):
            Foo.foo.c = None


def test_new_callable_applies_to_each() -> None:
    class Thing:
        pass

    with patch.multiple(Foo, f=DEFAULT, g=DEFAULT, new_callable=Thing) as result:
        assert isinstance(Foo.f, Thing) and isinstance(Foo.g, Thing)
        assert Foo.f is result["f"] and Foo.f is not Foo.g
    with pytest.raises(ValueError, match="Cannot use 'new' and 'new_callable' together"):
        patch.multiple(Foo, f=1, new_callable=Thing)


@pytest.mark.parametrize("order", range(3))
def test_stacked_with_patch(foo_name: str, order: int) -> None:
    decorators = [
        patch.multiple(foo_name, f=DEFAULT),
        patch.multiple(foo_name, foo=DEFAULT),
        patch(foo_name + ".g"),
    ]
    decorators = decorators[order:] + decorators[:order]

    def test(g: Any, **kwargs: Any) -> None:
        f, foo = kwargs.pop("f"), kwargs.pop("foo")
        assert not kwargs
        assert (Foo.f, Foo.g, Foo.foo) == (f, g, foo)
        assert all(isinstance(m, MagicMock) for m in (f, g, foo))

    for decorator in decorators:
        test = decorator(test)
    test()
    assert _state() == ORIGINAL


def test_manual_additional_patchers_in_any_order() -> None:
    patcher = patch.object(Foo, "f", 3)
    patcher.attribute_name = "f"
    other = patch.object(Foo, "g", DEFAULT)
    other.attribute_name = "g"
    patcher.additional_patchers = [other]

    @patcher
    def test(g: Any) -> None:
        assert Foo.g is g and Foo.f == 3

    test()
    assert _state() == ORIGINAL


@pytest.mark.parametrize("bad_first", [True, False])
def test_failure_of_one_undoes_the_others(bad_first: bool) -> None:
    def crasher() -> Any:
        raise NameError("crasher")

    for bad, error in (
        (patch.object(Foo, "missing", 1), AttributeError),
        (patch.object(Foo, "foo", new_callable=crasher), NameError),
    ):
        patcher = patch.object(Foo, "f", 1)
        patcher.attribute_name = "f"
        good = patch.object(Foo, "g", 1)
        good.attribute_name = "g"
        bad.attribute_name = "bad"
        patcher.additional_patchers = [bad, good] if bad_first else [good, bad]

        @patcher
        def func() -> None:
            raise AssertionError("not reached")

        with pytest.raises(error):
            func()
        assert _state() == ORIGINAL
        assert not patcher.is_started and not good.is_started


def test_same_attribute_twice_unwinds_in_order() -> None:
    # The standard library restores the main patcher before the additional ones and so
    # leaves the attribute patched here; mock-patch unwinds last-in, first-out.
    patcher = patch.object(Foo, "foo", "A")
    patcher.attribute_name = "foo"
    again = patch.object(Foo, "foo", "B")
    again.attribute_name = "foo"
    patcher.additional_patchers = [again]
    with patcher:
        assert Foo.foo == "B"
    assert Foo.foo == "bar"


def test_decorating_a_class(foo_name: str) -> None:
    class Tests:
        def test_one(self, f: Any, foo: Any) -> Any:
            assert Foo.f is f and Foo.foo is foo and Foo.g == 3
            return f

        def test_two(self, f: Any, foo: Any) -> Any:
            return f

    Tests = patch.multiple(foo_name, f=DEFAULT, g=3, foo=DEFAULT)(Tests)
    tests = Tests()
    assert tests.test_one() is not tests.test_two()
    assert _state() == ORIGINAL
