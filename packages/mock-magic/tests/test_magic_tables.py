"""The magic-method tables, and a fresh MagicMock behaving as they say, name by name.

The tables follow CPython 3.13's ``unittest.mock`` on every Python: they are checked against
a snapshot everywhere, and against the running interpreter's tables on 3.13.
"""

from __future__ import annotations

import os
import sys
import unittest.mock as std_mock
from typing import Any, Callable

import pytest
from hypothesis import given, strategies as st
from magic_support import KIT, agree, kind, ok, raises, run

import mock_magic
from mock_core import DEFAULT, Mock, NonCallableMock
from mock_magic import (
    AsyncMock,
    MagicMock,
    NonCallableMagicMock,
    ThreadingMock,
    _all_magics,
    _all_sync_magics,
    _async_magics,
    _async_method_magics,
    _AsyncIterator,
    _calculate_return_value,
    _is_magic,
    _magics,
    _non_defaults,
    _return_values,
    _side_effect_methods,
    _sync_async_magics,
    _unsupported_magics,
)


def _dunders(text: str) -> set[str]:
    return {f"__{name}__" for name in text.split()}


_OPS = "add sub mul matmul truediv floordiv mod lshift rshift and xor or pow"

# CPython 3.13's tables, written out by hand from the running interpreter's values.
SNAPSHOT: dict[str, Any] = {
    "_magics": _dunders(
        "lt le gt ge eq ne getitem setitem delitem len contains iter hash str sizeof enter "
        "exit divmod rdivmod neg pos abs invert complex int float index round trunc floor "
        "ceil bool next fspath aiter " + _OPS
    )
    | {f"__i{op}__" for op in _OPS.split()}
    | {f"__r{op}__" for op in _OPS.split()},
    "_non_defaults": _dunders(
        "get set delete reversed missing reduce reduce_ex getinitargs getnewargs getstate "
        "setstate getformat repr dir subclasses format getnewargs_ex"
    ),
    "_async_method_magics": _dunders("aenter aexit anext"),
    "_sync_async_magics": _dunders("aiter"),
    "_unsupported_magics": _dunders(
        "getattr setattr init new prepare instancecheck subclasscheck del"
    ),
    "_return_values": {
        "__lt__": NotImplemented,
        "__gt__": NotImplemented,
        "__le__": NotImplemented,
        "__ge__": NotImplemented,
        "__int__": 1,
        "__contains__": False,
        "__len__": 0,
        "__exit__": False,
        "__complex__": 1j,
        "__float__": 1.0,
        "__bool__": True,
        "__index__": 1,
        "__aexit__": False,
    },
    "_calculate_return_value": _dunders("hash str sizeof fspath"),
    "_side_effect_methods": _dunders("eq ne iter aiter"),
}
SNAPSHOT["_async_magics"] = SNAPSHOT["_async_method_magics"] | SNAPSHOT["_sync_async_magics"]
SNAPSHOT["_all_sync_magics"] = SNAPSHOT["_magics"] | SNAPSHOT["_non_defaults"]
SNAPSHOT["_all_magics"] = SNAPSHOT["_all_sync_magics"] | SNAPSHOT["_async_magics"]

SET_TABLES = [
    "_magics",
    "_non_defaults",
    "_all_magics",
    "_all_sync_magics",
    "_async_magics",
    "_async_method_magics",
    "_sync_async_magics",
    "_unsupported_magics",
]
DICT_TABLES = ["_return_values", "_calculate_return_value", "_side_effect_methods"]
IS_313 = sys.version_info[:2] == (3, 13)

MAGICS = sorted(_magics)
NON_DEFAULTS = sorted(_non_defaults)
UNSUPPORTED = sorted(_unsupported_magics)
ASYNC_METHODS = sorted(_async_method_magics)


# -- the tables themselves ---------------------------------------------------------


@pytest.mark.parametrize("name", SET_TABLES)
def test_set_table_matches_the_313_snapshot(name: str) -> None:
    table = getattr(mock_magic, name)
    assert isinstance(table, set)
    assert table == SNAPSHOT[name]


@pytest.mark.parametrize("name", DICT_TABLES)
def test_dict_table_keys_match_the_313_snapshot(name: str) -> None:
    table = getattr(mock_magic, name)
    assert isinstance(table, dict)
    assert set(table) == set(SNAPSHOT[name])


def test_return_values_match_the_snapshot_value_for_value() -> None:
    expected = SNAPSHOT["_return_values"]
    assert _return_values == expected
    for key, value in expected.items():
        assert type(_return_values[key]) is type(value), key
    for key in ("__lt__", "__gt__", "__le__", "__ge__"):
        assert _return_values[key] is NotImplemented


@pytest.mark.skipif(not IS_313, reason="the interpreter's tables are the reference on 3.13")
@pytest.mark.parametrize("name", SET_TABLES + DICT_TABLES)
def test_table_equals_the_running_313_stdlib(name: str) -> None:
    ours, theirs = getattr(mock_magic, name), getattr(std_mock, name)
    if isinstance(theirs, dict):
        assert set(ours) == set(theirs)
    else:
        assert ours == theirs
    if name == "_return_values":
        assert ours == theirs


def test_tables_are_consistent_with_each_other() -> None:
    assert _all_magics == _all_sync_magics | _async_magics
    assert _async_magics == _async_method_magics | _sync_async_magics
    assert not (_magics & _non_defaults)
    assert not (_all_magics & _unsupported_magics)
    assert set(_return_values) | set(_calculate_return_value) | set(_side_effect_methods) <= (
        _magics | _async_method_magics
    )
    assert all(_is_magic(name) for name in _all_magics | _unsupported_magics)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("__foo__", True), ("__int__", True), ("_foo_", False), ("foo", False), ("__foo", False)],
)
def test_is_magic(name: str, expected: bool) -> None:
    assert _is_magic(name) is expected
    if IS_313:
        assert std_mock._is_magic(name) is expected  # type: ignore[attr-defined]


def test_calculated_return_values_are_computed_from_the_mock() -> None:
    mock = MagicMock(name="calc")
    assert _calculate_return_value["__hash__"](mock) == object.__hash__(mock)
    assert _calculate_return_value["__str__"](mock) == object.__str__(mock)
    assert _calculate_return_value["__sizeof__"](mock) == object.__sizeof__(mock)
    assert _calculate_return_value["__fspath__"](mock) == f"MagicMock/calc/{id(mock)}"


# -- a fresh MagicMock behaves as the tables say, name by name ---------------------


def _expected_result(name: str, mock: Any, arg: Any) -> Callable[[Any], bool]:
    """A predicate for what ``getattr(mock, name)(arg)`` returns on a fresh mock."""
    if name in _return_values:
        value = _return_values[name]
        return lambda got: got is value if value is NotImplemented else got == value
    if name == "__hash__":
        return lambda got: got == object.__hash__(mock)
    if name == "__str__":
        return lambda got: got == object.__str__(mock)
    if name == "__sizeof__":
        return lambda got: got == object.__sizeof__(mock)
    if name == "__fspath__":
        return lambda got: got == f"MagicMock/mock/{id(mock)}"
    if name == "__eq__":
        return lambda got: got is (True if arg is mock else NotImplemented)
    if name == "__ne__":
        return lambda got: got is (False if arg is mock else NotImplemented)
    if name == "__iter__":
        return lambda got: type(got) is type(iter([])) and list(got) == []
    if name == "__aiter__":
        return lambda got: isinstance(got, _AsyncIterator)
    # Everything else returns the magic method's own return-value mock.
    return lambda got: got is getattr(mock, name).return_value


def _call_magic(mock: Any, name: str, arg: Any) -> Any:
    method = getattr(mock, name)
    # __iter__ and friends take no argument in real use; the mock accepts any.
    return method() if name in ("__iter__", "__aiter__") else method(arg)


@pytest.mark.parametrize("name", MAGICS)
def test_every_preconfigured_magic_behaves_as_the_table_says(name: str) -> None:
    mock = MagicMock()
    method = getattr(mock, name)
    assert kind(method) is MagicMock
    assert repr(method) == f"<MagicMock name='mock.{name}' id='{id(method)}'>"
    assert getattr(mock, name) is method  # the same mock on every access
    for arg in (mock, 3):
        assert _expected_result(name, mock, arg)(_call_magic(mock, name, arg)), name
    # Spelled as a tuple: ``call.__sizeof__`` and friends are the tuple's own methods.
    args = () if name in ("__iter__", "__aiter__") else (3,)
    assert tuple(mock.mock_calls[-1]) == (name, args, {})
    assert mock.method_calls == []


@pytest.mark.parametrize("name", ASYNC_METHODS)
def test_every_async_method_magic_is_an_async_mock(name: str) -> None:
    mock = MagicMock()
    method = getattr(mock, name)
    assert kind(method) is AsyncMock
    result = run(method(None, None, None) if name == "__aexit__" else method())
    if name == "__aexit__":
        assert result is False
    else:
        assert result is method.return_value
        assert kind(result) is AsyncMock
    method.assert_awaited_once()


@given(
    name=st.sampled_from(MAGICS),
    kind=st.sampled_from([MagicMock, NonCallableMagicMock, ThreadingMock]),
    arg=st.one_of(st.integers(), st.text(max_size=3), st.none()),
)
def test_table_behaviour_on_any_magic_mock_kind(name: str, kind: type, arg: Any) -> None:
    mock = kind()
    got = _call_magic(mock, name, arg)
    if name in ("__eq__", "__ne__"):
        assert got is NotImplemented
    elif name == "__fspath__":
        assert got == f"{kind.__name__}/mock/{id(mock)}"
    else:
        assert _expected_result(name, mock, arg)(got)
    assert len(mock.mock_calls) == 1


@given(name=st.sampled_from(MAGICS), value=st.one_of(st.integers(), st.text(max_size=3)))
def test_configured_return_value_wins_over_the_default(name: str, value: Any) -> None:
    mock = MagicMock()
    getattr(mock, name).return_value = [value] if name in ("__iter__", "__aiter__") else value
    got = _call_magic(mock, name, mock)
    if name == "__iter__":
        assert list(got) == [value]
    elif name == "__aiter__":
        assert isinstance(got, _AsyncIterator)
        assert list(got.iterator) == [value]
    else:
        assert got == value


@pytest.mark.parametrize("name", MAGICS + ASYNC_METHODS)
def test_each_magic_agrees_with_the_stdlib(name: str) -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock(name="m")
        method = getattr(mock, name)
        if name in _async_method_magics:
            result = run(method(1, 2, 3) if name == "__aexit__" else method())
        else:
            result = _call_magic(mock, name, 3)
        if name in ("__iter__", "__aiter__", "__hash__", "__sizeof__"):
            result = type(result).__name__
        return method, result, mock.mock_calls, mock.method_calls

    agree(scenario)


# -- supported but not preconfigured -----------------------------------------------


@pytest.mark.parametrize("name", NON_DEFAULTS)
def test_non_default_magics_are_absent_until_set(name: str) -> None:
    mock = MagicMock()
    if not hasattr(object(), name):
        # Names object itself has (__repr__, __dir__, __reduce__, ...) keep object's.
        with pytest.raises(AttributeError) as info:
            getattr(mock, name)
        assert str(info.value) == name
    setattr(mock, name, lambda self, *args: ("set", args))
    assert getattr(mock, name)(1, 2) == ("set", (1, 2))
    assert agree(lambda mod: hasattr(mod.MagicMock(), name)) == ok(hasattr(object(), name))


@pytest.mark.parametrize("name", NON_DEFAULTS)
def test_non_default_magics_take_a_mock(name: str) -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        setattr(mock, name, mod.Mock(return_value="configured"))
        return getattr(mock, name)(1), mock.mock_calls, getattr(mock, name)

    agree(scenario)


def test_non_default_magics_work_through_their_protocols() -> None:
    mock: Any = MagicMock()
    mock.__repr__ = lambda self: "REPR"
    mock.__format__ = lambda self, spec: f"F<{spec}>"
    mock.__dir__ = lambda self: ["b", "a"]
    mock.__reversed__ = lambda self: iter([3, 2])
    mock.__get__ = lambda self, obj, owner=None: ("got", obj is None)
    assert repr(mock) == "REPR"
    assert format(mock, "x") == "F<x>"
    assert f"{mock:y}" == "F<y>"
    assert dir(mock) == ["a", "b"]
    assert list(reversed(mock)) == [3, 2]

    class Owner:
        attr = mock

    assert Owner.attr == ("got", True)
    assert Owner().attr == ("got", False)


# -- refused names ---------------------------------------------------------------


@pytest.mark.parametrize("name", UNSUPPORTED)
@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "NonCallableMock", "AsyncMock"])
def test_unsupported_magics_are_refused_with_the_stdlib_message(name: str, kind: str) -> None:
    def scenario(mod: Any) -> Any:
        setattr(getattr(mod, kind)(), name, lambda self: None)

    assert agree(scenario) == raises(
        "AttributeError", f"Attempting to set unsupported magic method {name!r}."
    )


@given(name=st.sampled_from(UNSUPPORTED), value=st.sampled_from([None, 1, "x", Mock]))
def test_unsupported_magics_are_refused_whatever_the_value(name: str, value: Any) -> None:
    for cls in (Mock, MagicMock, NonCallableMagicMock, AsyncMock, ThreadingMock):
        with pytest.raises(AttributeError, match="unsupported magic method"):
            setattr(cls(), name, value)


# -- plain Mock and the tables ----------------------------------------------------


@pytest.mark.parametrize("name", sorted(_all_sync_magics))
def test_plain_mock_supports_any_magic_once_set(name: str) -> None:
    mock = Mock()
    builtin = hasattr(object(), name)
    assert hasattr(mock, name) is builtin
    setattr(mock, name, lambda self, *args: ("mine", name))
    assert getattr(mock, name)() == ("mine", name)
    # Another mock is untouched.
    other = Mock()
    assert hasattr(other, name) is builtin
    assert name not in type(other).__dict__


def test_plain_mock_protocols_once_set() -> None:
    mock: Any = Mock()
    mock.__iter__ = lambda self: iter([1, 2])
    mock.__len__ = lambda self: 7
    mock.__getitem__ = lambda self, key: key * 2
    mock.__int__ = Mock(return_value=5)
    assert list(mock) == [1, 2]
    assert len(mock) == 7
    assert mock[4] == 8
    assert int(mock) == 5
    assert mock.mock_calls == [std_mock.call.__int__()]
    with pytest.raises(TypeError):
        len(Mock())


def test_non_callable_mock_rejects_magics_missing_from_its_spec() -> None:
    assert agree(
        lambda mod: setattr(mod.NonCallableMock(spec=["a"]), "__int__", lambda s: 1)
    ) == raises("AttributeError", "Mock object has no attribute '__int__'")
    mock = NonCallableMock(spec=["__int__"])
    mock.__int__ = lambda self: 4
    assert int(mock) == 4


@pytest.mark.parametrize("name", sorted(_magics))
def test_kit_module_exposes_the_same_tables_as_mock_magic(name: str) -> None:
    assert name in KIT._magics
    assert DEFAULT is KIT.DEFAULT


def test_fspath_is_built_from_the_class_and_the_mock_name() -> None:
    parent = MagicMock(name="parent")
    assert os.fspath(parent) == f"MagicMock/parent/{id(parent)}"
    child = parent.child
    assert os.fspath(child) == f"MagicMock/parent.child/{id(child)}"
    plain = NonCallableMagicMock()
    assert os.fspath(plain) == f"NonCallableMagicMock/mock/{id(plain)}"
    configured = MagicMock()
    configured.__fspath__.return_value = "/tmp/x"
    assert os.fspath(configured) == "/tmp/x"


CONTRACT_NAMES = [
    "MagicMixin", "MagicMock", "NonCallableMagicMock", "AsyncMock", "AsyncMagicMixin",
    "ThreadingMock", "mock_open", "MagicProxy", "_magics", "_all_magics", "_non_defaults",
    "_return_values", "_calculate_return_value", "_side_effect_methods", "_sync_async_magics",
    "_async_magics", "_async_method_magics", "_all_sync_magics", "_unsupported_magics",
    "_is_magic", "_AsyncIterator", "_to_stream", "_timeout_unset",
    "_is_async_func", "_is_async_obj",
]  # fmt: skip


@pytest.mark.parametrize("name", CONTRACT_NAMES)
def test_every_name_mock_magic_owns_is_importable(name: str) -> None:
    assert hasattr(mock_magic, name)
    if not name.startswith("_"):
        assert name in mock_magic.__all__
