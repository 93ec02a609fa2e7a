"""The private helpers unittest.mock users import, compared with the standard library's."""

from __future__ import annotations

import inspect
import sys
import unittest.mock as std
from typing import Any

import pytest

import mock_spec
from mock_core import Mock
from mock_magic import MagicMock, NonCallableMagicMock
from mock_spec import (
    _callable,
    _check_signature,
    _copy_func_details,
    _get_signature_object,
    _instance_callable,
    _must_skip,
    _set_signature,
    _setup_async_mock,
    _setup_func,
    _SpecState,
)

PRIVATE = (
    "_callable", "_SpecState", "_check_signature", "_set_signature", "_copy_func_details",
    "_get_signature_object", "_instance_callable", "_must_skip", "_setup_func",
    "_setup_async_mock",
)  # fmt: skip


class Q:
    def meth(self):  # type: ignore[no-untyped-def]
        pass

    @classmethod
    def cm(cls):  # type: ignore[no-untyped-def]
        pass

    @staticmethod
    def sm():  # type: ignore[no-untyped-def]
        pass

    value = 1
    builtin = len

    def __init__(self):  # type: ignore[no-untyped-def]
        self.inst = lambda: 1


class WithCall:
    def __call__(self):  # type: ignore[no-untyped-def]
        pass


class SubCall(WithCall):
    pass


class BadStatic:
    not_callable = staticmethod(None)  # type: ignore[arg-type]


class BadClass:
    not_callable = classmethod(None)  # type: ignore[arg-type]


def test_all_private_names_are_exported() -> None:
    for name in PRIVATE:
        assert hasattr(mock_spec, name)
    assert mock_spec.__all__ == ["create_autospec"]


@pytest.mark.parametrize("spec", [Q, Q()])
@pytest.mark.parametrize("is_type", [True, False])
@pytest.mark.parametrize("entry", ["meth", "cm", "sm", "value", "builtin", "inst", "missing"])
def test_must_skip_agrees(spec: Any, is_type: bool, entry: str) -> None:
    assert _must_skip(spec, entry, is_type) == std._must_skip(spec, entry, is_type)


@pytest.mark.parametrize(
    "obj",
    [Q, Q(), WithCall, WithCall(), SubCall, SubCall(), type, 1, None, len, Q.meth, Q().meth,
     Q.cm, Q.sm, Q.__dict__["cm"], Q.__dict__["sm"], BadStatic.not_callable,
     BadClass.not_callable, BadStatic.__dict__["not_callable"]],
)  # fmt: skip
def test_callable_predicates_agree(obj: Any) -> None:
    assert _callable(obj) == std._callable(obj)
    assert _instance_callable(obj) == std._instance_callable(obj)


def test_a_list_instance_is_autospecced_as_its_type() -> None:
    # Only real lists and tuples are lists of names elsewhere; create_autospec takes a list
    # instance for its type, as the standard library does.
    mock = mock_spec.create_autospec([1, 2])
    assert isinstance(mock, list)
    mock.append(3)
    with pytest.raises(AttributeError):
        mock.no_such_method
    subclass = type("L", (list,), {"extra": lambda self: None})
    assert hasattr(mock_spec.create_autospec(subclass()), "extra")


def test_get_signature_object_agrees() -> None:
    cases: list[tuple[Any, bool, bool]] = [
        (Q, False, False), (WithCall, True, True), (WithCall(), False, False),
        (Q.meth, False, True), (Q().meth, False, False), (1, False, False),
    ]  # fmt: skip
    if sys.version_info >= (3, 11):  # classmethod objects have a signature from 3.11 on
        cases.append((Q.__dict__["cm"], False, False))
    for spec, as_instance, eat_self in cases:
        ours = _get_signature_object(spec, as_instance, eat_self)
        theirs = std._get_signature_object(spec, as_instance, eat_self)
        assert (ours is None) == (theirs is None)
        if ours is not None and theirs is not None:
            assert ours[0] == theirs[0]
            assert ours[1] == theirs[1]


def test_copy_func_details_agrees() -> None:
    def f(a, b=2, *, c=3):  # type: ignore[no-untyped-def]
        "doc"

    def ours():  # type: ignore[no-untyped-def]
        pass

    def theirs():  # type: ignore[no-untyped-def]
        pass

    _copy_func_details(f, ours)
    std._copy_func_details(f, theirs)
    for name in ("__name__", "__doc__", "__module__", "__defaults__", "__kwdefaults__"):
        assert getattr(ours, name) == getattr(theirs, name)
    assert ours.__qualname__ == "test_copy_func_details_agrees.<locals>.ours"


def test_check_signature_installs_a_check() -> None:
    def f(a, b):  # type: ignore[no-untyped-def]
        pass

    m = MagicMock()
    _check_signature(f, m, False)
    m(1, 2)
    with pytest.raises(TypeError, match="missing a required argument: 'b'"):
        m(1)
    assert inspect.signature(m) == inspect.signature(f)
    other = MagicMock()
    other(1)  # only that mock is checked

    class C:
        def meth(self, a):  # type: ignore[no-untyped-def]
            pass

    skipping = MagicMock()
    _check_signature(C.meth, skipping, True)
    skipping(1)
    with pytest.raises(TypeError):
        skipping(1, 2)
    unchanged = MagicMock()
    _check_signature(1, unchanged, False)
    unchanged(1, 2, 3)


def test_set_signature() -> None:
    def f(a, b=2):  # type: ignore[no-untyped-def]
        pass

    m = MagicMock()
    funcopy = _set_signature(m, f)
    assert inspect.isfunction(funcopy)
    assert funcopy.mock is m
    funcopy(1)
    with pytest.raises(TypeError):
        funcopy()
    assert m.call_args_list == [((1,), {})]
    assert _set_signature(m, 1) is m
    assert _set_signature(MagicMock(), lambda: None).__name__ == "funcopy"
    assert _set_signature(MagicMock(), int).__name__ == "int"


def test_setup_func_and_async_mock() -> None:
    def f(a):  # type: ignore[no-untyped-def]
        pass

    def funcopy(*args: Any, **kwargs: Any) -> Any:
        return mock(*args, **kwargs)

    mock = Mock()
    _setup_func(funcopy, mock, inspect.signature(f))
    funcopy(1)
    assert funcopy.call_count == 1  # type: ignore[attr-defined]
    funcopy.assert_called_once_with(1)  # type: ignore[attr-defined]
    funcopy.reset_mock()  # type: ignore[attr-defined]
    assert funcopy.call_count == 0  # type: ignore[attr-defined]
    _setup_async_mock(funcopy)
    assert funcopy.await_count == 0  # type: ignore[attr-defined]
    assert callable(funcopy.assert_not_awaited)  # type: ignore[attr-defined]


def test_spec_state_is_a_deferred_child() -> None:
    parent = NonCallableMagicMock(spec=["child"])
    parent._mock_children["child"] = _SpecState(Q, False, parent, "child")
    child = parent.child
    assert isinstance(child, MagicMock)
    assert "name='mock.child' spec='Q'" in repr(child)
    assert parent.child is child
