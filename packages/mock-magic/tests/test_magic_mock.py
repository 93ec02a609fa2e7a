"""MagicMixin, MagicMock and NonCallableMagicMock: per-instance magics, specs, recording, reset."""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

import pytest
from magic_support import agree, kind, ok, raises

from mock_core import DEFAULT, Mock, NonCallableMock, PropertyMock, _deleted, call, seal
from mock_magic import AsyncMock, MagicMixin, MagicMock, NonCallableMagicMock, ThreadingMock

MAGIC_KINDS = [MagicMock, NonCallableMagicMock, AsyncMock, ThreadingMock]


# -- per-instance isolation ------------------------------------------------------


@pytest.mark.parametrize("cls", MAGIC_KINDS)
def test_configuring_a_magic_reaches_one_mock_only(cls: Any) -> None:
    first, second = cls(), cls()
    first.__len__.return_value = 3
    first.__iter__.return_value = [1, 2]
    first.__str__.return_value = "first"
    assert (len(first), list(first), str(first)) == (3, [1, 2], "first")
    assert (len(second), list(second)) == (0, [])
    assert str(second).startswith(f"<{cls.__name__} id=")
    assert len(cls()) == 0


@pytest.mark.parametrize("cls", MAGIC_KINDS)
def test_replacing_a_magic_reaches_one_mock_only(cls: Any) -> None:
    first, second = cls(), cls()
    first.__len__ = lambda self: 5
    second.__int__ = Mock(return_value=9)
    assert (len(first), len(second), int(first), int(second)) == (5, 0, 1, 9)
    assert len(cls()) == 0 and int(cls()) == 1


@pytest.mark.parametrize("cls", MAGIC_KINDS)
def test_deleting_a_magic_reaches_one_mock_only(cls: Any) -> None:
    first, second = cls(), cls()
    del first.__len__
    assert not hasattr(first, "__len__")
    with pytest.raises(TypeError, match="has no len"):
        len(first)
    assert len(second) == 0 and len(cls()) == 0
    # Deleting twice is fine; reading afterwards is not.
    del first.__len__
    with pytest.raises(AttributeError, match="__len__"):
        first.__len__


def test_deleted_magic_can_be_set_again() -> None:
    assert agree(_delete_then_set) == ok("(4, 0, [])")


def _delete_then_set(mod: Any) -> Any:
    mock = mod.MagicMock()
    del mock.__iter__
    mock.__iter__ = lambda self: iter([4])
    # next(iter()) rather than list(): list() asks for a length hint, at a moment that differs
    # between interpreters.
    return next(iter(mock)), len(mod.MagicMock()), mock.mock_calls


def test_isolation_holds_while_many_mocks_are_alive() -> None:
    mocks = [MagicMock() for _ in range(50)]
    for index, mock in enumerate(mocks):
        if index % 3 == 0:
            mock.__int__.return_value = index
        elif index % 3 == 1:
            mock.__int__ = lambda self, index=index: -index
        else:
            del mock.__int__
    for index, mock in enumerate(mocks):
        if index % 3 == 2:
            assert not hasattr(mock, "__int__")
        else:
            assert int(mock) == (index if index % 3 == 0 else -index)
    assert int(MagicMock()) == 1


def test_property_mock_on_the_type_reaches_one_mock_only() -> None:
    def scenario(mod: Any) -> Any:
        first, second = mod.MagicMock(), mod.MagicMock()
        type(first).prop = mod.PropertyMock(return_value=3)
        return first.prop, type(second.prop).__mro__[1].__name__, type(first.prop).__name__

    assert agree(scenario) == ok((3, "MagicMock", "int"))


class _Solo(MagicMock):
    """A class of its own, so the mock made in a test is the only one on its class."""


def test_type_change_on_the_only_mock_of_its_class_reaches_it() -> None:
    # Regression: with one live instance the class used to be handed to nobody.
    gc.collect()
    solo: Any = _Solo()
    type(solo).__int__ = lambda self: 9
    type(solo).prop = PropertyMock(return_value="p")
    assert int(solo) == 9
    assert solo.prop == "p"
    assert int(_Solo()) == 1
    assert kind(_Solo().prop) is _Solo


def test_type_change_on_a_specced_mock() -> None:
    def scenario(mod: Any) -> Any:
        first, second = mod.MagicMock(spec=[]), mod.MagicMock()
        type(first).__int__ = lambda self: 9
        return int(first), int(second)

    assert agree(scenario) == ok((9, 1))


def test_reading_a_magic_through_the_type() -> None:
    def scenario(mod: Any) -> Any:
        first, second = mod.MagicMock(), mod.MagicMock()
        type(first).__str__.return_value = "foo"  # type: ignore[attr-defined]
        return str(first), str(second)[:11], type(first).__str__

    assert agree(scenario) == ok("('foo', '<MagicMock ', <MagicMock name='mock.__str__' id='ID'>)")


def test_deleting_a_magic_through_the_type() -> None:
    def scenario(mod: Any) -> Any:
        first, second = mod.MagicMock(), mod.MagicMock()
        del type(first).__int__
        return hasattr(first, "__int__"), int(second)

    assert agree(scenario) == ok((False, 1))


def test_subclass_children_and_magics_keep_the_subclass() -> None:
    class Sub(MagicMock):
        pass

    mock = Sub()
    assert kind(mock.attr) is Sub
    assert kind(mock.__int__) is Sub
    assert kind(mock()) is Sub
    assert kind(mock.__aenter__) is AsyncMock
    assert isinstance(mock, MagicMixin)


def test_non_callable_magic_mock() -> None:
    mock = NonCallableMagicMock()
    assert agree(lambda mod: mod.NonCallableMagicMock()()) == raises(
        "TypeError", "'NonCallableMagicMock' object is not callable"
    )
    assert kind(mock.attr) is MagicMock
    assert kind(mock.attr.return_value) is MagicMock
    assert kind(mock.__int__) is MagicMock
    assert int(mock) == 1 and len(mock) == 0
    assert os.fspath(mock) == f"NonCallableMagicMock/mock/{id(mock)}"


# -- specs and magics ------------------------------------------------------------


class _Sized:
    def __len__(self) -> int:
        return 1

    def __iter__(self) -> Any:
        return iter([])


def test_a_spec_limits_the_magics_to_what_it_has() -> None:
    mock = MagicMock(spec=_Sized)
    assert len(mock) == 0 and list(mock) == []
    assert not hasattr(mock, "__int__")
    with pytest.raises(TypeError):
        int(mock)
    assert isinstance(mock, _Sized)
    agree(lambda mod: int(mod.MagicMock(spec=_Sized)))


@pytest.mark.parametrize("cls", [MagicMock, NonCallableMagicMock, AsyncMock])
def test_an_empty_spec_removes_every_magic(cls: Any) -> None:
    mock = cls(spec=[])
    for name in ("__int__", "__len__", "__iter__", "__enter__", "__aenter__", "__eq__"):
        if name != "__eq__":
            assert not hasattr(mock, name), name
    with pytest.raises(TypeError):
        len(mock)
    # Names the spec does not have cannot be set either.
    with pytest.raises(AttributeError, match="Mock object has no attribute '__int__'"):
        mock.__int__ = lambda self: 1
    assert len(cls()) == 0  # others keep theirs


def test_function_specs_in_turn_with_other_specs() -> None:
    # Mocks specced on plain functions share their list of names and the magics it allows;
    # a function with attributes of its own, or another spec in between, must not be
    # confused with them.
    def scenario(mod: Any) -> Any:
        def plain(a: Any) -> None: ...

        def decorated(a: Any) -> None: ...

        decorated.__len__ = len  # type: ignore[attr-defined]
        seen = []
        for spec in (plain, _Sized, plain, decorated, plain, ["__len__"], plain):
            mock = mod.MagicMock(spec=spec)
            seen.append((hasattr(mock, "__len__"), hasattr(mock, "__iter__"), dir(mock)[:3]))
            mock(1)
        plain.extra = 1  # type: ignore[attr-defined]
        seen.append(hasattr(mod.MagicMock(spec=plain), "extra"))
        return seen

    agree(scenario)
    mock_a, mock_b = MagicMock(spec=len), MagicMock(spec=_Sized)
    assert not hasattr(mock_a, "__len__") and len(mock_b) == 0


def test_spec_list_allows_listed_magics() -> None:
    mock = MagicMock(spec=["__len__"])
    assert (hasattr(mock, "__int__"), hasattr(mock, "__len__"), len(mock)) == (False, True, 0)
    mock = MagicMock(spec_set=["__len__"])
    mock.__len__ = lambda self: 3
    assert len(mock) == 3


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        ("narrow", "(None, False, 1)"),
        ("keep_configured", "4"),
        ("drop_configured", "(False, 0)"),
        ("narrow_then_widen", "(1, [call.__int__()])"),
        ("narrow_then_widen_function", "1"),
        ("narrow_then_widen_is_new", "False"),
        ("widen_to_none", "1"),
        ("children_after_narrowing", "({'__int__': sentinel.DELETED}, False)"),
        ("non_default_survives", "'R'"),
        ("spec_set", "(4, 'raised')"),
    ],
)
def test_mock_add_spec_and_magics(scenario: str, expected: str) -> None:
    assert agree(lambda mod: _ADD_SPEC[scenario](mod)) == ok(expected)


def _narrow(mod: Any) -> Any:
    mock = mod.MagicMock()
    return mock.mock_add_spec([]), hasattr(mock, "__int__"), int(mod.MagicMock())


def _keep_configured(mod: Any) -> Any:
    mock = mod.MagicMock()
    mock.__int__.return_value = 4
    mock.mock_add_spec(["__int__"])
    return int(mock)


def _drop_configured(mod: Any) -> Any:
    mock = mod.MagicMock()
    mock.__int__ = lambda self: 4
    mock.mock_add_spec(["__len__"])
    return hasattr(mock, "__int__"), len(mock)


def _narrow_then_widen(mod: Any) -> Any:
    mock = mod.MagicMock()
    mock.__int__.return_value = 4
    mock.mock_add_spec([])
    mock.mock_add_spec(["__int__"])
    return int(mock), mock.mock_calls


def _narrow_then_widen_function(mod: Any) -> Any:
    mock = mod.MagicMock()
    mock.__int__ = lambda self: 4
    mock.mock_add_spec([])
    mock.mock_add_spec(["__int__"])
    return int(mock)


def _narrow_then_widen_is_new(mod: Any) -> Any:
    mock = mod.MagicMock()
    before = mock.__int__
    mock.mock_add_spec([])
    mock.mock_add_spec(["__int__"])
    return mock.__int__ is before


def _widen_to_none(mod: Any) -> Any:
    mock = mod.MagicMock(spec=[])
    mock.mock_add_spec(None)
    return int(mock)


def _children_after_narrowing(mod: Any) -> Any:
    mock = mod.MagicMock()
    mock.__int__.return_value = 4
    mock.mock_add_spec([])
    return dict(mock._mock_children), hasattr(mock, "__int__")


def _non_default_survives(mod: Any) -> Any:
    mock = mod.MagicMock()
    mock.__repr__ = lambda self: "R"
    mock.mock_add_spec([])
    return repr(mock)


def _spec_set(mod: Any) -> Any:
    mock = mod.MagicMock()
    mock.mock_add_spec(["__int__"], spec_set=True)
    mock.__int__ = lambda self: 4
    try:
        mock.other = 1
    except AttributeError:
        return int(mock), "raised"
    return int(mock), "set"


_ADD_SPEC = {
    "narrow": _narrow,
    "keep_configured": _keep_configured,
    "drop_configured": _drop_configured,
    "narrow_then_widen": _narrow_then_widen,
    "narrow_then_widen_function": _narrow_then_widen_function,
    "narrow_then_widen_is_new": _narrow_then_widen_is_new,
    "widen_to_none": _widen_to_none,
    "children_after_narrowing": _children_after_narrowing,
    "non_default_survives": _non_default_survives,
    "spec_set": _spec_set,
}


def test_mock_add_spec_on_a_plain_mock_restricts_magic_assignment() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.Mock()
        mock.mock_add_spec([])
        mock.__int__ = lambda self: 2

    assert agree(scenario) == raises("AttributeError", "Mock object has no attribute '__int__'")


def test_class_assignment_keeps_magics() -> None:
    mock: Any = MagicMock()
    mock.__class__ = dict
    assert isinstance(mock, dict)
    assert len(mock) == 0


# -- recording ---------------------------------------------------------------------


def test_mock_calls_record_magic_calls_and_method_calls_do_not() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        int(mock)
        len(mock)
        mock.a.b(1)
        mock[1] = 2
        str(mock)
        mock.x.__int__()
        int(mock.y)
        with mock as handle:
            handle.read()
        return mock.mock_calls, mock.method_calls, mock.x.mock_calls

    expected = (
        "([call.__int__(),\n call.__len__(),\n call.a.b(1),\n call.__setitem__(1, 2),\n"
        " call.__str__(),\n call.x.__int__(),\n call.y.__int__(),\n call.__enter__(),\n"
        " call.__enter__().read(),\n call.__exit__(None, None, None)], [call.a.b(1)],"
        " [call.__int__()])"
    )
    assert agree(scenario) == ok(expected)


def test_magic_method_mocks_are_named_after_their_parent() -> None:
    mock = MagicMock(name="foo")
    method = mock.__int__
    assert repr(method) == f"<MagicMock name='foo.__int__' id='{id(method)}'>"
    assert method._mock_parent is None and method._mock_new_parent is mock
    assert (method._mock_name, method._mock_new_name) == ("__int__", "__int__")
    assert repr(mock + 1).startswith("<MagicMock name='foo.__add__()' id=")


def test_magic_calls_of_return_values_are_recorded_up() -> None:
    mock = MagicMock()
    mock.__getitem__(2).bar()
    mock.__enter__().read(3)
    assert mock.mock_calls == [
        call.__getitem__(2),
        call.__getitem__().bar(),
        call.__enter__(),
        call.__enter__().read(3),
    ]
    assert mock.method_calls == []


def test_magic_kwargs_configure_magics() -> None:
    mock: Any = MagicMock(**{"__iter__.return_value": [1, 2], "__len__.return_value": 2})
    assert (list(mock), len(mock)) == ([1, 2], 2)
    mock = MagicMock(**{"__str__.return_value": "12"})
    mock.__str__.return_value = "13"
    assert str(mock) == "13"
    mock.configure_mock(**{"__str__.return_value": "14"})
    assert str(mock) == "14"


def test_attach_mock_as_a_magic() -> None:
    def scenario(mod: Any) -> Any:
        parent, child = mod.MagicMock(), mod.MagicMock(return_value=3)
        parent.attach_mock(child, "__int__")
        return int(parent), parent.mock_calls, child.mock_calls

    assert agree(scenario) == ok("(3, [call.__int__()], [call()])")


def test_replacing_with_a_mock_records_on_the_parent() -> None:
    mock = MagicMock()
    int(mock)
    mock.__int__ = MagicMock(return_value=7)
    assert int(mock) == 7
    assert mock.mock_calls == [call.__int__(), call.__int__()]


# -- reset_mock --------------------------------------------------------------------


def test_reset_mock_keeps_magic_defaults_and_configuration() -> None:
    mock = MagicMock()
    mock.__int__.return_value = 4
    int(mock)
    len(mock)
    mock.reset_mock()
    assert (int(mock), len(mock)) == (4, 0)
    assert mock.mock_calls == [call.__int__(), call.__len__()]
    assert mock.__int__.call_count == 1


def test_reset_mock_return_value_keeps_magic_return_values() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        mock.__int__.return_value = 4
        mock.__str__.return_value = "x"
        mock.__iter__.return_value = []
        mock.return_value = 3
        mock.reset_mock(return_value=True)
        return (
            int(mock),
            str(mock),
            list(mock),
            mock.__lt__.return_value,
            mock.__hash__.return_value == object.__hash__(mock),
            mock.return_value is not DEFAULT and mock.return_value != 3,
        )

    assert agree(scenario) == ok((4, "x", [], NotImplemented, True, True))


def test_reset_mock_keeps_configured_equality() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        mock.__eq__.return_value = 4
        mock.reset_mock(return_value=True)
        return mock == 1, mock == mock

    assert agree(scenario) == ok((4, 4))


def test_reset_mock_side_effect_clears_magic_side_effects() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        mock.__eq__.side_effect = lambda other: "effect"
        before = mock == 1
        mock.reset_mock(side_effect=True)
        return before, mock.__eq__.side_effect, type(mock == 1).__mro__[1].__name__

    assert agree(scenario) == ok(("effect", None, "MagicMock"))


def test_deleted_magic_stays_deleted_after_reset() -> None:
    mock = MagicMock()
    mock.__int__.return_value = 3
    del mock.__int__
    mock.reset_mock()
    assert not hasattr(mock, "__int__")
    assert mock._mock_children["__int__"] is _deleted


# -- seal, dir, wraps, equality ------------------------------------------------------


# A sealed mock refuses an unused magic method with AttributeError, raised while the
# interpreter looks the method up on the mock's class. From 3.14 the interpreter itself takes
# an AttributeError from that lookup as "no such method" for binary operators and bool() (as
# it does for a plain class whose __add__ descriptor raises it), so there the operator fails
# with its usual TypeError and bool() falls back to True; the standard library and mockkit
# both behave as their interpreter does.
LOOKUP_ERROR_MEANS_MISSING = sys.version_info >= (3, 14)


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        ("int", raises("AttributeError", "mock.__int__")),
        (
            "add",
            raises("TypeError", "unsupported operand type(s) for +: 'MagicMock' and 'int'")
            if LOOKUP_ERROR_MEANS_MISSING
            else raises("AttributeError", "mock.__add__"),
        ),
        (
            "bool",
            ok(True) if LOOKUP_ERROR_MEANS_MISSING else raises("AttributeError", "mock.__bool__"),
        ),
        ("read_add", raises("AttributeError", "__add__")),
        ("configured", ok("(3, <MagicMock name='mock.__add__' id='ID'>)")),
        ("set_after", raises("AttributeError", "__int__")),
    ],
)
def test_seal_and_magics(scenario: str, expected: Any) -> None:
    def run_it(mod: Any) -> Any:
        mock = mod.MagicMock()
        if scenario == "configured":
            mock.__add__.return_value = 3
        mod.seal(mock)
        if scenario == "int":
            return int(mock)
        if scenario in ("add", "configured"):
            return mock + 1, mock.__add__
        if scenario == "bool":
            return bool(mock)
        if scenario == "read_add":
            return mock.__add__
        mock.__int__.return_value = 3
        return int(mock)

    assert agree(run_it) == expected


def test_seal_keeps_used_magics() -> None:
    mock = MagicMock()
    int(mock)
    seal(mock)
    assert int(mock) == 1
    with pytest.raises(AttributeError, match=r"mock\.__int__\.foo"):
        mock.__int__.foo


def test_dir_lists_used_magics_only() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        int(mock)
        mock.__foo__ = 1
        return [name for name in dir(mock) if name.startswith("__")], "__len__" in dir(mock)

    assert agree(scenario) == ok((["__foo__", "__int__"], False))


def test_wrapped_object_is_not_consulted_for_magics() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock(wraps=[1, 2])
        return mock.__len__(), tuple(iter(mock)), mock.mock_calls

    assert agree(scenario) == ok("(0, (), [call.__len__(), call.__iter__()])")


def test_equality_is_identity_until_configured() -> None:
    first: Any = MagicMock()
    second: Any = MagicMock()
    assert first == first and first != second
    # Spelled out: each operator is a magic method of its own.
    assert (first != first) is False and (first == second) is False
    assert first in [first] and first not in [second]
    assert {first: 1}[first] == 1
    first.__eq__.return_value = True
    assert first == second and first == 3
    first.__ne__.return_value = True
    assert first != first


def test_comparisons_are_not_implemented_by_default() -> None:
    assert agree(lambda mod: mod.MagicMock() < 1) == raises(
        "TypeError", "'<' not supported between instances of 'MagicMock' and 'int'"
    )
    mock: Any = MagicMock()
    mock.__lt__.return_value = True
    mock.__ge__.return_value = False
    assert mock < 1 and not (mock >= 1)


def test_default_return_values() -> None:
    mock: Any = MagicMock()
    assert int(mock) == 1 and float(mock) == 1.0 and complex(mock) == 1j
    assert mock.__index__() == 1 and [10, 20][mock] == 20 and hex(mock) == "0x1"
    assert len(mock) == 0 and bool(mock) is True and (3 in mock) is False
    assert mock.__exit__(None, None, None) is False
    assert hash(mock) == object.__hash__(mock)
    assert str(mock) == object.__str__(mock)
    assert sys.getsizeof(mock) >= object.__sizeof__(mock)
    assert list(mock) == [] and list(mock) == []
    assert os.fspath(mock) == f"MagicMock/mock/{id(mock)}"


def test_iter_return_value_may_be_any_iterable() -> None:
    mock: Any = MagicMock()
    mock.__iter__.return_value = [1, 2, 3]
    assert list(mock) == [1, 2, 3] and list(mock) == [1, 2, 3]
    mock.__iter__.return_value = "ab"
    assert list(mock) == ["a", "b"]
    mock.__iter__.return_value = iter([4, 5])
    assert list(mock) == [4, 5] and list(mock) == []
    mock.__iter__.side_effect = lambda: iter([6])
    assert list(mock) == [6]
    assert agree(lambda mod: mod.MagicMock().__iter__()) == ok("<list_iterator object at 0xADDR>")


def test_with_statement() -> None:
    mock: Any = MagicMock()
    with mock as entered:
        assert entered is mock.__enter__.return_value
    mock.__exit__.assert_called_once_with(None, None, None)
    with pytest.raises(KeyError), mock:
        raise KeyError(1)
    suppressing: Any = MagicMock()
    suppressing.__exit__.return_value = True
    _raise_inside(suppressing)  # returns: __exit__ said the exception is handled
    assert suppressing.__exit__.call_args[0][0] is KeyError


def _raise_inside(manager: Any) -> None:
    with manager:
        raise KeyError(2)


def test_magic_value_that_is_not_callable() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        mock.__len__ = 3
        return len(mock)

    assert agree(scenario) == raises("TypeError", "'int' object is not callable")


def test_plain_children_of_magic_mocks() -> None:
    mock = MagicMock()
    assert kind(mock.attr) is MagicMock and kind(mock()) is MagicMock
    assert kind(NonCallableMock().attr) is Mock


# -- which magics reset_mock(return_value=True) spares ------------------------------------


def test_reset_return_value_spares_only_magic_mocks_made_for_magic_names() -> None:
    def scenario(mod: Any) -> Any:
        mock = mod.MagicMock()
        mock.__int__.return_value = 2  # made by MagicMock: kept
        mock.__aexit__.return_value = 3  # an AsyncMock: reset
        mock.__len__ = mod.Mock(return_value=4)  # assigned: reset
        mock.__str__ = mod.MagicMock(return_value="s")  # assigned, unnamed: reset
        mock.child.__int__.return_value = 5  # a grandchild magic: kept
        mock.reset_mock(return_value=True)
        return [
            getattr(mock, name)._mock_return_value is mod.DEFAULT
            for name in ("__int__", "__aexit__", "__len__", "__str__")
        ] + [mock.child.__int__._mock_return_value]

    assert agree(scenario) == ok([False, True, True, True, 5])


@pytest.mark.parametrize(
    ("cls", "kept"),
    [("MagicMock", True), ("NonCallableMagicMock", False), ("ThreadingMock", False),
     ("AsyncMock", False), ("Mock", False)],
)  # fmt: skip
def test_reset_return_value_of_a_mock_named_like_a_magic(cls: str, kept: bool) -> None:
    def scenario(mod: Any) -> Any:
        mock = getattr(mod, cls)(name="__int__")
        mock.return_value = 3
        mock.reset_mock(return_value=True)
        return mock._mock_return_value

    assert agree(scenario) == (ok(3) if kept else ok("sentinel.DEFAULT"))


@pytest.mark.parametrize("root", [True, False])
def test_reset_return_value_keeps_the_return_values_below_a_spared_magic(root: bool) -> None:
    # The whole subtree of a spared magic keeps its return values (any class below it);
    # side effects and calls are still reset.
    def scenario(mod: Any) -> Any:
        class Spec:
            def __foo__(self) -> None: ...

        top = mod.MagicMock(name="__foo__") if root else mod.MagicMock(spec=Spec)
        magic = top if root else top.__foo__
        magic.x.return_value = 1
        magic.x.side_effect = [1]
        magic.x(0)
        magic.return_value = mod.Mock()
        magic.return_value.y.return_value = 2
        below = magic.return_value
        top.reset_mock(return_value=True, side_effect=True)
        return (
            magic.x._mock_return_value,
            magic.x.side_effect,
            magic.x.call_count,
            below.y._mock_return_value,
            magic._mock_return_value is below,
        )

    assert agree(scenario) == ok((1, None, 0, 2, True))


def test_reset_return_value_on_the_magic_itself_keeps_it() -> None:
    mock = MagicMock()
    mock.__int__.return_value = 7
    mock.__int__.reset_mock(return_value=True)
    assert int(mock) == 7
    threading_mock = ThreadingMock()
    threading_mock.__int__.return_value = 7
    threading_mock.reset_mock(return_value=True)
    assert threading_mock.__int__._mock_return_value is DEFAULT


# -- mock_add_spec on the other magic kinds ----------------------------------------------


@pytest.mark.parametrize("cls", ["AsyncMock", "ThreadingMock"])
@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        ("empty", raises("AttributeError", "Mock object has no attribute '__int__'")),
        ("configured", ok("(True, 5)")),
        ("widen", "TypeError"),
        ("listed", ok("(1, 'raised')")),
        ("function", ok(3)),
        # Sealed, the seal's refusal comes before the spec's.
        ("sealed", raises("AttributeError", "mock.__int__")),
    ],
)
def test_mock_add_spec_keeps_the_magics_of_async_and_threading_mocks(
    cls: str, scenario: str, expected: Any
) -> None:
    # Only MagicMock and NonCallableMagicMock re-apply their magics on mock_add_spec; the
    # others keep them, and a magic the spec lacks refuses to be made.
    def run_it(mod: Any) -> Any:
        kind = getattr(mod, cls)
        if scenario == "empty":
            mock = kind()
            mock.mock_add_spec([])
            return int(mock)
        if scenario == "configured":
            mock = kind()
            mock.__int__.return_value = 5
            mock.mock_add_spec([])
            return hasattr(mock, "__int__"), int(mock)
        if scenario == "widen":
            mock = kind(spec=[])
            mock.mock_add_spec(["__int__"])
            return int(mock)
        if scenario == "listed":
            mock = kind()
            mock.mock_add_spec(["__int__"])
            try:
                len(mock)
            except AttributeError:
                return int(mock), "raised"
            return int(mock), "len"
        if scenario == "sealed":
            mock = kind()
            mod.seal(mock)
            mock.mock_add_spec([])
            return int(mock)
        mock = kind()
        mock.__int__ = lambda self: 3
        mock.mock_add_spec([])
        return int(mock)

    got = agree(run_it)
    if isinstance(expected, str):
        assert got[:2] == ("raise", expected)
    else:
        assert got == expected


@pytest.mark.parametrize("name", ["__iter__", "__eq__", "__ne__", "__aiter__"])
def test_default_magic_called_wrongly_names_the_standard_function(name: str) -> None:
    # The TypeError names the function behind the default (_get_iter.<locals>.__iter__).
    outcome = agree(lambda mod: getattr(mod.MagicMock(), name)(1, 2))
    assert outcome[:2] == ("raise", "TypeError")
    assert "_get_" in outcome[2] and f"{name}()" in outcome[2]
