"""Laziness: attribute mocks are made on first use, and nobody can tell."""

from __future__ import annotations

from typing import Any

import pytest

from mock_core import call, seal
from mock_core.plugins import Deferred
from mock_spec import create_autospec


class Wide:
    LIMIT = 3

    def __init__(self, a):  # type: ignore[no-untyped-def]
        pass

    def m1(self, x):  # type: ignore[no-untyped-def]
        pass

    def m2(self, x, y=1):  # type: ignore[no-untyped-def]
        pass

    class Inner:
        def i(self, z):  # type: ignore[no-untyped-def]
            pass


NAMES = ("LIMIT", "m1", "m2", "Inner")


def touch_all(m: Any) -> None:
    for name in NAMES:
        getattr(m, name)
        getattr(m.return_value, name)


def test_attributes_start_as_placeholders() -> None:
    m = create_autospec(Wide)
    for target in (m, m.return_value):
        for name in NAMES:
            assert isinstance(target._mock_children[name], Deferred)
            assert name not in target.__dict__


def test_first_access_creates_and_keeps_the_mock() -> None:
    m = create_autospec(Wide)
    first = m.m1
    assert not isinstance(m._mock_children["m1"], Deferred)
    assert m.m1 is first is m._mock_children["m1"]
    assert isinstance(m._mock_children["m2"], Deferred)


def test_dir_is_the_same_before_and_after_use() -> None:
    lazy, used = create_autospec(Wide), create_autospec(Wide)
    touch_all(used)
    assert dir(lazy) == dir(used)
    assert dir(lazy.return_value) == dir(used.return_value)


def test_reprs_do_not_depend_on_access_order() -> None:
    a, b = create_autospec(Wide), create_autospec(Wide)
    first = [repr(getattr(a, n)).split(" id=")[0] for n in NAMES]
    second = [repr(getattr(b, n)).split(" id=")[0] for n in reversed(NAMES)]
    assert first == list(reversed(second))


def test_mock_calls_and_reset_with_untouched_attributes() -> None:
    m = create_autospec(Wide)
    m(1).m1(2)
    m.m2(3)
    assert m.mock_calls == [call(1), call().m1(2), call.m2(3)]
    m.reset_mock()
    assert m.mock_calls == []
    assert isinstance(m._mock_children["Inner"], Deferred)
    m.Inner(1).i(2)
    assert m.mock_calls == [call.Inner(1), call.Inner().i(2)]


def test_untouched_methods_still_bind_expected_calls() -> None:
    # The standard library makes method mocks eagerly: an expected call that does
    # not fit the method's signature is reported as such even before first use.
    m = create_autospec(Wide)
    with pytest.raises(AssertionError) as info:
        m.assert_has_calls([call.m1()])
    assert str(info.value).startswith("Error processing expected calls.")
    assert isinstance(info.value.__cause__, TypeError)
    # ... while other attributes are only bound once used, as there.
    with pytest.raises(AssertionError) as info:
        m.assert_has_calls([call.Inner(1, 2, 3)])
    assert str(info.value).startswith("Calls not found.")


def test_nested_names_bind_to_untouched_methods() -> None:
    m = create_autospec(Wide)
    m.Inner(1).i(2)
    m.assert_has_calls([call.Inner(1), call.Inner(1).i(2)])
    m.assert_has_calls([call.Inner(1), call.Inner(1).i(z=2)])


def test_seal_reaches_attributes_made_later() -> None:
    m = create_autospec(Wide)
    seal(m)
    assert m.m1._mock_sealed
    assert isinstance(m.m1(1), object)  # the method's return value exists
    with pytest.raises(AttributeError):
        m.m1(1).anything
    assert m.Inner._mock_sealed
    with pytest.raises(AttributeError):
        m.Inner.return_value.i(1).anything
    with pytest.raises(AttributeError):
        m.LIMIT.real.anything


def test_spec_values_are_read_when_the_autospec_is_made() -> None:
    class C:
        def f(self, a):  # type: ignore[no-untyped-def]
            pass

    m = create_autospec(C)

    def replacement(self, a, b):  # type: ignore[no-untyped-def]
        pass

    original = C.f
    C.f = replacement  # type: ignore[method-assign]
    try:
        m.f(1)
        with pytest.raises(TypeError):
            m.f(1, 2)
    finally:
        C.f = original  # type: ignore[method-assign]


def test_instance_mock_shares_the_values_read_for_the_class() -> None:
    m = create_autospec(Wide)
    assert m._mock_children["m1"].originals is m.return_value._mock_children["m1"].originals
