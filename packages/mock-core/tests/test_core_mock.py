"""The mock object model: construction, attributes and children, specs, reprs, dir().

Where a behaviour can be observed from outside, ``agree`` also checks it against the
interpreter's ``unittest.mock`` (on 3.13 and later, where that is the reference).
"""

from __future__ import annotations

import copy
import sys
import types
import unittest.mock as std_mock
from typing import Any

import pytest
from core_support import (
    STD_GUARD_HAS_PERIOD,
    STD_GUARDS_BARE_ASSERTION_NAMES,
    STD_IS_REFERENCE,
    agree,
    guard_message,
    ok,
    outcome,
    raises,
)

import mock_core
from mock_core import (
    DEFAULT,
    CallableMixin,
    InvalidSpecError,
    Mock,
    NonCallableMock,
    call,
    sentinel,
)


class Sample:
    attr = 1

    def method(self, a: int, b: int = 2) -> int:
        return a + b

    @staticmethod
    def static(x: int) -> int:
        return x

    @classmethod
    def klass(cls, x: int) -> int:
        return x


def kind(mock: Any) -> type:
    """The mock class ``mock`` was made from: each mock's class is a subclass of its own, and
    the class it derives from comes next in the MRO, as in the standard library."""
    cls: type = type(mock).__mro__[1]
    return cls


# -- construction ----------------------------------------------------------------------


def test_a_new_mock_has_recorded_nothing() -> None:
    for m in (Mock(), NonCallableMock()):
        assert m.called is False
        assert m.call_count == 0
        assert m.call_args is None
        assert m.call_args_list == []
        assert m.mock_calls == []
        assert m.method_calls == []
        assert m.side_effect is None
        assert m._mock_parent is None
        assert m._mock_name is None
        assert m._mock_methods is None
        assert m._spec_class is None
        assert m._mock_children == {}


def test_defaults_are_not_written_to_the_instance() -> None:
    # Cheap construction: only what differs from the class defaults is stored.
    assert Mock().__dict__ == {}
    assert NonCallableMock().__dict__ == {}


def test_constructor_return_value() -> None:
    assert Mock(return_value=None)() is None
    assert Mock(return_value=sentinel.value)() is sentinel.value
    assert Mock(return_value=sentinel.value).return_value is sentinel.value


def test_constructor_return_value_default_means_unset() -> None:
    assert agree(lambda M: M.Mock(return_value=M.DEFAULT)()) == ok("<Mock name='mock()' id='ID'>")


def test_constructor_side_effect() -> None:
    assert agree(lambda M: M.Mock(side_effect=KeyError("k"))()) == raises("KeyError", "'k'")
    m = Mock(side_effect=[1, 2])
    assert (m(), m()) == (1, 2)


def test_constructor_name() -> None:
    assert agree(lambda M: M.Mock(name="foo")) == ok("<Mock name='foo' id='ID'>")
    assert agree(lambda M: M.Mock(name="foo").bar) == ok("<Mock name='foo.bar' id='ID'>")
    assert Mock(name="foo")._mock_name == "foo"


def test_name_keyword_is_not_an_attribute() -> None:
    # ``name`` names the mock in reprs; reading ``.name`` gives a child like any attribute.
    assert agree(lambda M: M.Mock(name="x").name) == ok("<Mock name='x.name' id='ID'>")
    m = Mock()
    m.configure_mock(name="configured")
    assert m.name == "configured"


def test_constructor_spec_and_spec_set() -> None:
    m = Mock(spec=Sample)
    assert m._spec_class is Sample
    assert not m._spec_set
    assert m._mock_methods == dir(Sample)
    s = Mock(spec_set=Sample)
    assert s._spec_class is Sample
    assert s._spec_set
    with pytest.raises(AttributeError):
        s.missing = 1


def test_spec_as_a_positional_argument() -> None:
    m = Mock(Sample)
    assert isinstance(m, Sample)
    with pytest.raises(AttributeError):
        m.missing


def test_keyword_configuration() -> None:
    m = Mock(attr=3, **{"method.return_value": 4, "other.side_effect": KeyError})
    assert m.attr == 3
    assert m.method() == 4
    with pytest.raises(KeyError):
        m.other()


def test_dotted_configuration_applies_parents_first() -> None:
    m = Mock(**{"a.b.c.return_value": 1, "a.b.d": 2, "a.e": 3})
    assert m.a.b.c() == 1
    assert m.a.b.d == 2
    assert m.a.e == 3
    # Fewer dots go first, so a plain value set on a path is then reached through.
    kind = agree(lambda M: M.Mock(**{"a.b": 1, "a": 2}))
    assert kind[:2] == ("raise", "AttributeError")


def test_configure_mock_method() -> None:
    m = Mock()
    m.configure_mock(**{"x.y.return_value": 5, "z": 6, "return_value": 7, "side_effect": None})
    assert (m.x.y(), m.z, m()) == (5, 6, 7)


def test_configure_mock_with_spec_set() -> None:
    assert agree(lambda M: M.Mock(spec_set=["a"], b=3)) == raises(
        "AttributeError", "Mock object has no attribute 'b'"
    )
    assert Mock(spec_set=["a"], **{"a.b": 3}).a.b == 3


def test_internal_keywords_are_accepted() -> None:
    parent = Mock()
    for cls in (Mock, NonCallableMock):
        m = cls(
            parent=parent,
            name="n",
            _new_name="n",
            _new_parent=parent,
            _spec_state=None,
            _spec_as_instance=False,
            _eat_self=False,
        )
        assert m._mock_parent is parent
        assert m._mock_new_parent is parent
        assert m._mock_new_name == "n"


def test_explicit_parent_also_records_calls() -> None:
    # ``parent=`` alone makes the parent record the calls (its _new_parent defaults to it).
    def scenario(M: Any) -> Any:
        parent = M.Mock()
        child = M.Mock(parent=parent, name="child")
        child.x(4)
        return parent.mock_calls, parent.method_calls, child.x

    assert agree(scenario) == ok("([call.x(4)], [call.child.x(4)], <Mock name='mock..x' id='ID'>)")


def test_unknown_keyword_with_typo_is_configuration() -> None:
    # Misspelt autospec/spec_set keywords are only refused by patch/autospec (mock-patch).
    m = Mock(autospect=True, set_spec=1)
    assert m.autospect is True
    assert m.set_spec == 1


def test_check_spec_arg_typos() -> None:
    from mock_core import _check_spec_arg_typos

    _check_spec_arg_typos({"spec_set": 1, "autospec": True})
    for typo in ("autospect", "auto_spec", "set_spec"):
        with pytest.raises(RuntimeError, match=f"'{typo}' might be a typo; use unsafe=True"):
            _check_spec_arg_typos({typo: 1})


def test_subclasses_can_be_called_with_keywords() -> None:
    class Sub(Mock):
        pass

    s = Sub(return_value=3, name="sub")
    assert s() == 3
    assert repr(s).startswith("<Sub name='sub'")


# -- children ----------------------------------------------------------------------------


def test_children_are_created_on_first_access_and_cached() -> None:
    m = Mock()
    assert "a" not in m._mock_children
    child = m.a
    assert m.a is child
    assert m._mock_children["a"] is child
    assert child._mock_parent is m
    assert child._mock_new_parent is m
    assert child._mock_name == "a"
    assert child._mock_new_name == "a"
    assert m.a.b is m.a.b


def test_children_are_callable_even_for_non_callable_parents() -> None:
    # Like the standard library's, every mock has a class of its own: compare by kind.
    assert kind(NonCallableMock().x) is Mock
    assert kind(Mock().x) is Mock


def test_children_of_a_subclass_have_that_subclass() -> None:
    class Sub(Mock):
        pass

    class NCSub(NonCallableMock):
        pass

    assert kind(Sub().x) is Sub
    assert kind(Sub()()) is Sub
    assert kind(NCSub().x) is Mock


def test_get_child_mock_is_an_overridable_hook() -> None:
    seen: list[dict[str, Any]] = []

    class Sub(Mock):
        def _get_child_mock(self, /, **kw: Any) -> Any:
            seen.append(kw)
            return NonCallableMock(**kw)

    s = Sub()
    assert kind(s.x) is NonCallableMock
    assert kind(s()) is NonCallableMock
    assert seen[0]["name"] == "x" and seen[0]["parent"] is s
    assert seen[1]["_new_name"] == "()" and seen[1]["_new_parent"] is s
    assert agree(
        lambda M: (
            type(
                "Sub", (M.Mock,), {"_get_child_mock": lambda self, **kw: M.NonCallableMock(**kw)}
            )().x.y
        )
    ) == ok("<Mock name='mock.x.y' id='ID'>")


def test_private_and_dunder_names_are_not_children() -> None:
    assert agree(lambda M: M.Mock().__foo__) == raises("AttributeError", "__foo__")
    m = Mock()
    assert repr(m._private).startswith("<Mock name='mock._private'")


def test_attribute_values_can_be_set_and_deleted() -> None:
    m = Mock()
    m.value = 3
    assert m.value == 3
    del m.value
    with pytest.raises(AttributeError):
        m.value


def test_deleting_an_attribute_blocks_it() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.a
        del m.a
        return m.a

    assert agree(scenario) == raises("AttributeError", "a")
    m = Mock()
    del m.never_created
    assert not hasattr(m, "never_created")
    assert "never_created" not in dir(m)


def test_deleting_twice_raises() -> None:
    def twice(M: Any) -> Any:
        m = M.Mock()
        del m.a
        del m.a

    assert agree(twice) == raises("AttributeError", "a")

    def set_then_twice(M: Any) -> Any:
        m = M.Mock()
        m.a = 1
        del m.a
        del m.a

    assert agree(set_then_twice) == raises("AttributeError", "a")


def test_a_deleted_attribute_can_be_set_again() -> None:
    m = Mock()
    del m.a
    m.a = 5
    assert m.a == 5


def test_deleting_a_spec_name_not_yet_created() -> None:
    assert agree(lambda M: delattr(M.Mock(spec=["b"]), "a")) == ok(None)


def test_deleted_attribute_stays_deleted_after_reset() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.child
        del m.child
        m.reset_mock()
        return hasattr(m, "child")

    assert agree(scenario) == ok(False)


def test_deleting_a_class_method_leaves_the_method() -> None:
    m = Mock()
    del m.assert_called
    m.assert_not_called()


# -- attach_mock and parenting -------------------------------------------------------------


def test_assigned_mock_is_adopted() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.child = M.Mock()
        m.child(1)
        m.child.grand(2)
        return m.mock_calls, m.method_calls, m.child

    assert agree(scenario) == ok(
        "([call.child(1), call.child.grand(2)], [call.child(1), call.child.grand(2)], "
        "<Mock name='mock.child' id='ID'>)"
    )


def test_assigned_named_mock_is_not_adopted() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.x = M.Mock(name="n")
        m.x(1)
        return m.mock_calls, m.x.mock_calls, m.x

    assert agree(scenario) == ok("([], [call(1)], <Mock name='n' id='ID'>)")


def test_a_mock_with_a_parent_is_not_adopted_again() -> None:
    def scenario(M: Any) -> Any:
        m, other = M.Mock(), M.Mock()
        m.a = other.b
        m.a(1)
        return m.mock_calls, other.mock_calls, m.a

    assert agree(scenario) == ok("([], [call.b(1)], <Mock name='mock.b' id='ID'>)")


def test_assigning_a_mock_to_itself_makes_no_cycle() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.a = m
        m.a(1)
        return m.a, m.mock_calls

    assert agree(scenario) == ok("(<Mock id='ID'>, [call(1)])")


def test_return_value_and_side_effect_mocks_are_adopted_as_return_values() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.a = M.Mock()
        m.b.return_value = M.Mock()
        m.c.side_effect = [M.Mock()]
        m.a(1)
        m.b()(2)
        m.c()(3)
        return m.mock_calls, m.method_calls

    assert agree(scenario) == ok(
        "([call.a(1), call.b(), call.b()(2), call.c()], [call.a(1), call.b(), call.c()])"
    )


def test_attach_mock_reparents_even_named_mocks() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        c = M.Mock(name="n")
        m.attach_mock(c, "att")
        c(1)
        c.q(2)
        return m.mock_calls, m.method_calls, c, c.q

    assert agree(scenario) == ok(
        "([call.att(1), call.att.q(2)], [call.att(1), call.att.q(2)], "
        "<Mock name='mock.att' id='ID'>, <Mock name='mock.att.q' id='ID'>)"
    )


def test_attach_mock_moves_a_child_from_another_parent() -> None:
    def scenario(M: Any) -> Any:
        old, new = M.Mock(), M.Mock()
        child = old.child
        new.attach_mock(child, "moved")
        child(1)
        return old.mock_calls, new.mock_calls, child

    assert agree(scenario) == ok("([], [call.moved(1)], <Mock name='mock.moved' id='ID'>)")


def test_attach_mock_under_a_name_that_does_not_adopt() -> None:
    # side_effect is a property: the mock is detached but not adopted, and the standard
    # library then cannot name its children.
    def scenario(M: Any) -> Any:
        m, inner = M.Mock(), M.Mock()
        m.attach_mock(inner, "side_effect")
        assert m.side_effect is inner and inner._mock_new_parent is None
        return repr(inner).split()[0], repr(inner.child)

    assert agree(scenario) == raises(
        "TypeError", "unsupported operand type(s) for +: 'NoneType' and 'str'"
    )


def test_attach_mock_with_a_return_value_mock() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        c = M.Mock(return_value=M.Mock())
        m.attach_mock(c, "x")
        m.x().y(1)
        return m.mock_calls, m.method_calls

    # The constructor's return_value is stored as given: it is not adopted.
    assert agree(scenario) == ok("([call.x()], [call.x()])")


def test_attach_return_value_of_self() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.attach_mock(m.return_value, "b")
        m.b(1)
        return m.mock_calls, m.b, m()

    assert agree(scenario) == ok(
        "([call.b(1), call()], <Mock name='mock.b' id='ID'>, <Mock name='mock.b' id='ID'>)"
    )


def test_manager_pattern() -> None:
    def scenario(M: Any) -> Any:
        manager, a, b = M.Mock(), M.Mock(), M.Mock()
        manager.attach_mock(a, "a")
        manager.b = b
        a(1)
        b.x(2)
        a.y.z(3)
        return manager.mock_calls, manager.method_calls, a.mock_calls

    assert agree(scenario) == ok(
        "([call.a(1), call.b.x(2), call.a.y.z(3)], [call.a(1), call.b.x(2), call.a.y.z(3)], "
        "[call(1), call.y.z(3)])"
    )


def _function_with_mock(M: Any) -> Any:
    def function() -> None:
        pass

    function.mock = M.Mock()  # type: ignore[attr-defined]  # as autospecced functions carry
    return function


def test_extract_mock_sees_through_autospecced_functions_and_methods() -> None:
    assert agree(lambda M: (lambda f: M._extract_mock(f) is f.mock)(_function_with_mock(M))) == ok(
        True
    )
    assert agree(
        lambda M: (lambda f: M._extract_mock(types.MethodType(f, Sample())) is f.mock)(
            _function_with_mock(M)
        )
    ) == ok(True)
    assert mock_core._extract_mock(3) == 3


def test_attach_mock_of_an_autospecced_method() -> None:
    def scenario(M: Any) -> Any:
        parent, function = M.Mock(), _function_with_mock(M)
        parent.attach_mock(types.MethodType(function, Sample()), "x")
        function.mock(1)
        return parent.mock_calls, function.mock

    assert agree(scenario) == ok("([call.x(1)], <Mock name='mock.x' id='ID'>)")


def test_check_and_set_parent_helper() -> None:
    from mock_core import _check_and_set_parent

    parent = Mock()
    assert _check_and_set_parent(parent, Mock(), "a", "a")
    assert not _check_and_set_parent(parent, Mock(name="named"), "a", "a")
    assert not _check_and_set_parent(parent, 3, "a", "a")
    assert not _check_and_set_parent(parent, parent, "a", "a")


# -- specs --------------------------------------------------------------------------------


def test_spec_limits_attributes() -> None:
    assert agree(lambda M: M.Mock(spec=["a"]).b) == raises(
        "AttributeError", "Mock object has no attribute 'b'"
    )
    m = Mock(spec=Sample)
    assert isinstance(m.method, Mock)
    assert isinstance(m.attr, Mock)
    m.new_attr = 3  # spec (not spec_set) allows setting
    assert m.new_attr == 3


def test_spec_set_limits_setting() -> None:
    assert agree(lambda M: setattr(M.Mock(spec_set=["a"]), "b", 1)) == raises(
        "AttributeError", "Mock object has no attribute 'b'"
    )
    m = Mock(spec_set=["a"])
    m.a = 1
    assert m.a == 1


def test_spec_magic_names_are_not_children() -> None:
    assert agree(lambda M: M.Mock(spec=int).__int__) == raises(
        "AttributeError", "Mock object has no attribute '__int__'"
    )


def test_spec_string_and_list_forms() -> None:
    assert agree(lambda M: M.Mock(spec="abc").upper) == ok("<Mock name='mock.upper' id='ID'>")
    assert agree(lambda M: M.Mock(spec=["upper"]).lower)[1] == "AttributeError"
    assert agree(lambda M: M.Mock(spec=("a",))._spec_class) == ok(None)


def test_list_subclass_spec_is_a_spec_object() -> None:
    class MyList(list):  # type: ignore[type-arg]
        pass

    m = Mock(spec=MyList)
    assert isinstance(m, MyList)
    m.append
    with pytest.raises(AttributeError):
        m.foo


def test_spec_properties_are_not_evaluated() -> None:
    class Prop:
        @property
        def p(self) -> int:
            raise RuntimeError("evaluated")

        def __bool__(self) -> bool:
            raise RuntimeError("bool called")

    assert isinstance(Mock(spec=Prop).p, Mock)
    assert isinstance(Mock(spec=Prop()).p, Mock)
    assert agree(lambda M: M.Mock(spec=Prop())) == ok("<Mock spec='Prop' id='ID'>")


def test_mock_as_spec_is_refused() -> None:
    message = "Cannot spec a Mock object. [object=<Mock id='ID'>]"
    assert agree(lambda M: M.Mock(spec=M.Mock())) == raises("InvalidSpecError", message)
    assert agree(lambda M: M.Mock(spec_set=M.Mock())) == raises("InvalidSpecError", message)
    assert agree(lambda M: M.Mock().mock_add_spec(M.Mock())) == raises("InvalidSpecError", message)
    with pytest.raises(InvalidSpecError):
        NonCallableMock(spec=NonCallableMock())


def test_mock_add_spec() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.before
        m.mock_add_spec(["x"])
        return m.x, m, [n for n in dir(m) if n in ("before", "x", "y")]

    assert agree(scenario) == ok("(<Mock name='mock.x' id='ID'>, <Mock id='ID'>, ['before', 'x'])")
    assert agree(lambda M: M.Mock(spec=["y"]).mock_add_spec(["x"]) or 1) == ok(1)

    def old_spec_gone(M: Any) -> Any:
        m = M.Mock(spec=["y"])
        m.mock_add_spec(["x"])
        return m.y

    assert agree(old_spec_gone) == raises("AttributeError", "Mock object has no attribute 'y'")


def test_mock_add_spec_hides_created_children_but_not_assigned_ones() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.created
        m.assigned = M.Mock()
        m.attach_mock(M.Mock(), "attached")
        m.mock_add_spec(["other"])
        return m.assigned, m.attached, hasattr(m, "created")

    assert agree(scenario) == ok(
        "(<Mock name='mock.assigned' id='ID'>, <Mock name='mock.attached' id='ID'>, False)"
    )


def test_mock_add_spec_with_spec_set() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.mock_add_spec(Sample, spec_set=True)
        m.attr = 3
        return m.attr, isinstance(m, Sample), m

    assert agree(scenario) == ok("(3, True, <Mock spec_set='Sample' id='ID'>)")
    m = Mock()
    m.mock_add_spec(["a"], spec_set=True)
    with pytest.raises(AttributeError):
        m.b = 1


def test_mock_add_spec_resets_the_signature() -> None:
    m = Mock(spec=Sample)
    m._spec_signature = sentinel.signature
    m.mock_add_spec(["a"])
    assert m._spec_signature is None


# -- __class__ ---------------------------------------------------------------------------


def test_class_masquerade_under_spec() -> None:
    assert agree(lambda M: (M.Mock(spec=int).__class__, isinstance(M.Mock(spec=int), int))) == ok(
        (int, True)
    )
    assert isinstance(Mock(spec=3), int)
    assert isinstance(Mock(spec=Sample()), Sample)
    assert isinstance(Mock(spec=Sample), Mock)
    assert not isinstance(Mock(spec=["a"]), list)
    m = Mock()
    assert m.__class__ is type(m)
    assert kind(Mock(spec=int)) is Mock


def test_class_assignment() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.__class__ = dict
        return isinstance(m, dict), m.__class__, m, m._spec_class, m.anything

    assert agree(scenario) == ok(
        "(True, <class 'dict'>, <Mock spec='dict' id='ID'>, <class 'dict'>, "
        "<Mock name='mock.anything' id='ID'>)"
    )


def test_class_assignment_keeps_the_spec_and_allows_non_classes() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock(spec=["foo"])
        m.__class__ = int
        return m.__class__, m.foo

    assert agree(scenario) == ok("(<class 'int'>, <Mock name='mock.foo' id='ID'>)")

    def spec_set(M: Any) -> Any:
        m = M.Mock(spec_set=["foo"])
        m.__class__ = int

    assert agree(spec_set) == raises("AttributeError", "Mock object has no attribute '__class__'")

    def non_class(M: Any) -> Any:
        m = M.Mock()
        m.__class__ = 3
        return m.__class__

    assert agree(non_class) == ok(3)


def test_class_of_spec_class_with_no_object_base() -> None:
    class Old:
        pass

    assert isinstance(Mock(spec=Old), Old)
    assert isinstance(Mock(spec=Old()), Old)
    assert isinstance(Mock(spec_set=Old), Old)


def test_isinstance_checks_of_mock_classes() -> None:
    m = Mock()
    assert isinstance(m, (Mock, NonCallableMock, CallableMixin))
    assert not isinstance(NonCallableMock(), CallableMixin)
    assert isinstance(Mock(spec=int), Mock)
    assert mock_core._is_instance_mock(Mock(spec=int))
    assert not mock_core._is_instance_mock(3)


# -- dir ---------------------------------------------------------------------------------


def test_dir_default() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.b
        m.a = 1
        m._private = 1
        m.__dunder__ = 2
        return dir(m)

    result = agree(scenario)
    names = eval(result[1])
    assert names == sorted(names)
    for expected in ("a", "b", "__dunder__", "assert_called_once_with", "return_value"):
        assert expected in names
    assert "_private" not in names
    assert "_mock_children" not in names


def test_dir_with_spec_and_deletions() -> None:
    assert agree(lambda M: dir(M.Mock(spec=["b", "a"]))) == agree(
        lambda M: dir(M.Mock(spec=["a", "b"]))
    )
    assert "a" in dir(Mock(spec=["a"]))

    def deleted(M: Any) -> Any:
        m = M.Mock(spec=["a", "b", "c"])
        m.c.return_value = 1
        del m.a
        del m.c
        return [n for n in dir(m) if n in ("a", "b", "c")]

    # Spec names stay listed even when deleted, as in the standard library.
    assert agree(deleted) == ok(["a", "b", "c"])

    def no_spec(M: Any) -> Any:
        m = M.Mock()
        m.child.return_value = 1
        m.other
        del m.child
        del m.other
        del m.never
        return [n for n in dir(m) if n in ("child", "other", "never")]

    assert agree(no_spec) == ok([])


def test_dir_includes_spec_class_attributes() -> None:
    names = dir(Mock(spec=Sample))
    for expected in ("attr", "method", "static", "klass", "__init__"):
        assert expected in names


def test_dir_unfiltered() -> None:
    mock_core.FILTER_DIR = False
    m = Mock()
    names = set(dir(m))
    assert set(dir(Mock)) - names == set()
    assert "_mock_return_value" in names
    mock_core.FILTER_DIR = True
    assert "_mock_return_value" not in dir(m)


def test_filter_dir_setting_is_read_from_the_module() -> None:
    m = Mock()
    mock_core.FILTER_DIR = False
    assert "_mock_check_sig" in dir(m)


# -- reprs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (lambda M: M.Mock(), "<Mock id='ID'>"),
        (lambda M: M.NonCallableMock(), "<NonCallableMock id='ID'>"),
        (lambda M: M.Mock(name="foo").a.b().c, "<Mock name='foo.a.b().c' id='ID'>"),
        (lambda M: M.Mock().a.b()().c, "<Mock name='mock.a.b()().c' id='ID'>"),
        (lambda M: M.Mock()(), "<Mock name='mock()' id='ID'>"),
        (lambda M: M.Mock()()(), "<Mock name='mock()()' id='ID'>"),
        (lambda M: M.Mock(spec=int), "<Mock spec='int' id='ID'>"),
        (lambda M: M.Mock(spec=3), "<Mock spec='int' id='ID'>"),
        (lambda M: M.Mock(spec=len), "<Mock spec='builtin_function_or_method' id='ID'>"),
        (lambda M: M.Mock(spec=["a"]), "<Mock id='ID'>"),
        (lambda M: M.Mock(spec_set=int), "<Mock spec_set='int' id='ID'>"),
        (lambda M: M.Mock(spec=str, name="s"), "<Mock name='s' spec='str' id='ID'>"),
        (lambda M: M.Mock(spec=str).upper, "<Mock name='mock.upper' id='ID'>"),
        (lambda M: M.NonCallableMock().x, "<Mock name='mock.x' id='ID'>"),
        (lambda M: M.PropertyMock(), "<PropertyMock id='ID'>"),
    ],
)
def test_reprs(expr: Any, expected: str) -> None:
    assert agree(expr) == ok(expected)


def test_str_is_the_repr() -> None:
    assert agree(lambda M: str(M.Mock(name="x"))) == ok("\"<Mock name='x' id='ID'>\"")


def test_repr_of_a_sub_class_uses_its_name() -> None:
    class Custom(Mock):
        pass

    assert repr(Custom()).startswith("<Custom id=")
    assert repr(Custom().x).startswith("<Custom name='mock.x' id=")


def test_repr_loop_is_fine() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.foo = m
        m.foo(m)
        return repr(m.foo), repr(m.mock_calls)

    assert agree(scenario)[0] == "ok"


# -- side_effect ---------------------------------------------------------------------------


def test_side_effect_callable_result() -> None:
    assert agree(lambda M: M.Mock(side_effect=lambda *a, **k: (a, k))(1, x=2)) == ok(
        ((1,), {"x": 2})
    )
    assert Mock(side_effect=dict)(a=1) == {"a": 1}


def test_side_effect_callable_default_falls_through() -> None:
    assert agree(lambda M: M.Mock(side_effect=lambda: M.DEFAULT, return_value=5)()) == ok(5)
    assert agree(lambda M: M.Mock(side_effect=lambda: M.DEFAULT)()) == ok(
        "<Mock name='mock()' id='ID'>"
    )


def test_side_effect_exceptions() -> None:
    assert agree(lambda M: M.Mock(side_effect=KeyError)()) == raises("KeyError", "")
    assert agree(lambda M: M.Mock(side_effect=KeyError("x"))()) == raises("KeyError", "'x'")
    with pytest.raises(KeyboardInterrupt):
        Mock(side_effect=KeyboardInterrupt)()
    with pytest.raises(GeneratorExit):
        Mock(side_effect=GeneratorExit())()
    m = Mock(side_effect=ValueError)
    with pytest.raises(ValueError):
        m(1)
    assert m.call_args == call(1)  # the call is recorded before the effect


def test_side_effect_iterable() -> None:
    assert agree(lambda M: (lambda m: (m(), m(), m()))(M.Mock(side_effect=[1, 2]))) == raises(
        "StopIteration", ""
    )
    assert agree(
        lambda M: (lambda m: (m(), m()))(M.Mock(side_effect=[1, ValueError("v")]))
    ) == raises("ValueError", "v")
    assert agree(lambda M: M.Mock(side_effect=[M.DEFAULT], return_value=3)()) == ok(3)
    m = Mock(side_effect=(i for i in range(2)))
    assert (m(), m()) == (0, 1)
    m = Mock(side_effect={"a": 1, "b": 2})
    assert (m(), m()) == ("a", "b")


def test_side_effect_setter_makes_iterables_iterators() -> None:
    m = Mock()
    m.side_effect = "ab"
    assert (m(), m()) == ("a", "b")
    assert agree(lambda M: type(M.Mock(side_effect=[1]).side_effect).__name__) == ok(
        "'list_iterator'"
    )


def test_side_effect_non_iterable_fails_on_call() -> None:
    assert agree(lambda M: M.Mock(side_effect=3)()) == raises(
        "TypeError", "'int' object is not an iterator"
    )


def test_side_effect_none_clears() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock(side_effect=KeyError, return_value=3)
        m.side_effect = None
        return m()

    assert agree(scenario) == ok(3)


def test_side_effect_mock() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock(side_effect=M.Mock(return_value=4))
        return m(1), m.side_effect.call_args, m.mock_calls

    assert agree(scenario) == ok("(4, call(1), [call(1)])")


def test_side_effect_deleted_and_return_value_deleted() -> None:
    def rv(M: Any) -> Any:
        m = M.Mock(return_value=3)
        del m.return_value
        return m.return_value

    def se(M: Any) -> Any:
        m = M.Mock(side_effect=KeyError)
        del m.side_effect
        return m.side_effect

    assert agree(rv)[0] == "ok"
    assert agree(se)[0] == "ok"


# -- wraps ---------------------------------------------------------------------------------


def test_wraps_calls_the_wrapped_object() -> None:
    assert agree(lambda M: M.Mock(wraps=lambda x: x * 2)(3)) == ok(6)
    real = Mock()
    m = Mock(wraps=real)
    m(1, b=2)
    real.assert_called_once_with(1, b=2)


def test_wraps_explicit_return_value_wins() -> None:
    assert agree(lambda M: M.Mock(wraps=lambda x: x * 2, return_value=7)(3)) == ok(7)

    def set_later(M: Any) -> Any:
        m = M.Mock(wraps=lambda: 1)
        m.return_value = 9
        return m()

    assert agree(set_later) == ok(9)


def test_wraps_side_effect_wins() -> None:
    assert agree(lambda M: M.Mock(wraps=lambda: 1, side_effect=[5])()) == ok(5)
    assert agree(lambda M: M.Mock(wraps=lambda: 1, side_effect=lambda: M.DEFAULT)()) == ok(1)
    assert agree(lambda M: M.Mock(wraps=lambda: 1, side_effect=[M.DEFAULT])()) == ok(1)
    assert agree(
        lambda M: M.Mock(wraps=lambda: 1, return_value=2, side_effect=lambda: M.DEFAULT)()
    ) == ok(2)


def test_wraps_return_value_is_default() -> None:
    # 3.13 behaviour: a wrapping mock reports DEFAULT until a return value is set.
    assert Mock(wraps=lambda: 1).return_value is DEFAULT


def test_wraps_children_wrap_attributes() -> None:
    assert agree(lambda M: M.Mock(wraps="abc").upper()) == ok("'ABC'")
    assert agree(lambda M: M.Mock(wraps=object()).foo) == raises(
        "AttributeError", "'object' object has no attribute 'foo'"
    )
    m = Mock(wraps=Sample())
    assert m.method(1) == 3
    m.method.assert_called_once_with(1)
    assert m.method._mock_wraps.__func__ is Sample.method


# -- return_value ---------------------------------------------------------------------------


def test_return_value_is_lazy_and_stable() -> None:
    m = Mock()
    assert "_mock_return_value" not in m.__dict__
    first = m.return_value
    assert m() is first is m.return_value is m()
    assert first._mock_new_parent is m
    assert first._mock_new_name == "()"


def test_return_value_assignment_adopts_mocks() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.return_value = M.Mock()
        m()(1)
        return m.mock_calls, m.return_value

    assert agree(scenario) == ok("([call(), call()(1)], <Mock name='mock()' id='ID'>)")

    def named(M: Any) -> Any:
        m = M.Mock()
        m.return_value = M.Mock(name="n")
        m()(1)
        return m.mock_calls, m.return_value

    assert agree(named) == ok("([call()], <Mock name='n' id='ID'>)")


def test_non_callable_mock_has_a_return_value_too() -> None:
    assert agree(lambda M: M.NonCallableMock().return_value) == ok("<Mock name='mock()' id='ID'>")
    assert NonCallableMock(return_value=3).return_value == 3


def test_non_callable_mock_cannot_be_called() -> None:
    assert agree(lambda M: M.NonCallableMock()()) == raises(
        "TypeError", "'NonCallableMock' object is not callable"
    )
    assert not callable(NonCallableMock())


# -- unsafe -------------------------------------------------------------------------------

GUARDED = [
    "assert_foo",
    "assret_called",
    "asert_called",
    "aseert_called",
    "assrt_called",
    "assertion",
    "called_once",
    "called_once_with",
    "called_with",
    "has_calls",
    "any_call",
    "not_called",
]


@pytest.mark.parametrize("name", GUARDED)
def test_unsafe_guard_message(name: str) -> None:
    # The 3.15 wording on every Python; the stdlibs before it end the message with a period
    # (STD_GUARD_HAS_PERIOD, DEVIATIONS.md), otherwise word for word the same.
    message = guard_message(name)

    def typo(M: Any) -> Any:
        return getattr(M.Mock(), name)

    if STD_GUARD_HAS_PERIOD:
        assert outcome(typo, mock_core) == raises("AttributeError", message)
        if STD_IS_REFERENCE:
            assert outcome(typo, std_mock) == raises("AttributeError", message + ".")
    else:
        assert agree(typo) == raises("AttributeError", message)
    with pytest.raises(AttributeError) as info:
        getattr(NonCallableMock(), name)
    assert str(info.value) == message


BARE_ASSERTION_NAMES = [
    "called_once",
    "called_with",
    "called_once_with",
    "any_call",
    "has_calls",
    "not_called",
]


@pytest.mark.parametrize("name", BARE_ASSERTION_NAMES)
def test_bare_assertion_names_are_guarded_where_older_stdlibs_pass(name: str) -> None:
    # DEVIATIONS.md: the 3.12+ guard on every Python. The stdlib is observed, not assumed from
    # its version, so that the entry's claim about older stdlibs is checked where it runs.
    with pytest.raises(AttributeError) as info:
        getattr(Mock(), name)
    assert str(info.value) == guard_message(name)
    with pytest.raises(AttributeError):
        getattr(NonCallableMock(), name)(1)
    try:
        found = getattr(std_mock.Mock(), name)
    except AttributeError:
        assert STD_GUARDS_BARE_ASSERTION_NAMES
    else:
        # What the entry warns about: the line makes a child, calls it and asserts nothing.
        assert not STD_GUARDS_BARE_ASSERTION_NAMES
        found(1)
        assert found.call_count == 1


@pytest.mark.parametrize("name", ["called_twice", "xassert", "called", "calls", "asset"])
def test_unsafe_guard_leaves_other_names(name: str) -> None:
    assert isinstance(getattr(Mock(), name), (Mock, bool))


@pytest.mark.parametrize("name", GUARDED)
def test_unsafe_true_allows_everything(name: str) -> None:
    assert isinstance(getattr(Mock(unsafe=True), name), Mock)
    assert isinstance(getattr(Mock(unsafe=True), name)(), Mock)


def test_unsafe_guard_respects_the_spec() -> None:
    spec = type("S", (), {"assert_thing": 1, "called_once": 2})
    m = Mock(spec=spec)
    assert isinstance(m.assert_thing, Mock)
    assert isinstance(m.called_once, Mock)
    assert agree(lambda M: M.Mock(spec=["assert_foo"]).assert_foo) == ok(
        "<Mock name='mock.assert_foo' id='ID'>"
    )
    assert agree(lambda M: M.Mock(spec=["x"]).assert_thing)[1] == "AttributeError"


def test_unsafe_guard_does_not_stop_setting() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.assert_thing = 1
        return m.assert_thing

    assert agree(scenario) == ok(1)


def test_real_assertions_are_not_guarded() -> None:
    Mock().assert_not_called()
    assert callable(Mock().assert_called_once_with)


# -- equality, hashing, copying ----------------------------------------------------------------


def test_identity_equality_and_hash() -> None:
    m = Mock()
    assert m == m
    assert m != Mock()
    assert not (m != m)  # noqa: SIM202 - __ne__ is under test
    assert {m: 1}[m] == 1


def test_bool_and_iteration_without_magic() -> None:
    assert bool(Mock())
    with pytest.raises(TypeError):
        iter(Mock())  # type: ignore[call-overload]


def test_copy_makes_an_independent_mock() -> None:
    m = Mock()
    m.a(1)
    assert agree(lambda M: copy.copy(M.Mock()))[0] == "ok"
    assert agree(lambda M: copy.deepcopy(M.Mock()))[0] == "ok"
    assert copy.copy(m) is not m


def test_subclass_with_properties() -> None:
    class Sub(Mock):
        @property
        def some(self) -> str:
            return "x"

    s = Sub()
    assert s.some == "x"
    assert isinstance(s.other, Sub)


def test_dunder_name() -> None:
    assert agree(lambda M: M.Mock().__name__) == raises("AttributeError", "__name__")

    def set_name(M: Any) -> Any:
        m = M.Mock()
        m.__name__ = "foo"
        return m.__name__

    assert agree(set_name) == ok("'foo'")


def test_setting_a_non_magic_dunder() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.__foo__ = 3
        m.__bar__ = M.Mock()
        return m.__foo__, m.__bar__

    assert agree(scenario) == ok("(3, <Mock name='mock.__bar__' id='ID'>)")


def test_call_runs_through_call_recording_for_plain_mocks() -> None:
    m = Mock(return_value=2)
    assert m(1) == 2
    assert m.call_args == call(1)
    assert sys.getrefcount(m) > 0
