"""The six plugin points of mock-core, exercised with fake plugins.

Every test here runs with the ``clean_registry`` fixture: the registry is emptied of all
but mock-core's own entries, discovery is marked done, and everything is restored after.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, Callable, Mapping

import pytest
from core_support import agree, async_class, ok, raises

import mock_core
from mock_core import Mock, NonCallableMock, _Call, call, plugins
from mock_core.plugins import Deferred, FailureContext, MagicTable

pytestmark = pytest.mark.usefixtures("clean_registry")


# -- 1. magic tables ----------------------------------------------------------------------------

FAKE_SUPPORTED = frozenset({"__iter__", "__len__", "__str__", "__bool__", "__contains__"})
FAKE_REFUSED = frozenset({"__getattr__", "__setattr__"})


def _as_method(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    # Assigned functions take the mock as self, as with the standard library.
    return func


def fake_table() -> MagicTable:
    return MagicTable(FAKE_SUPPORTED, FAKE_REFUSED, _as_method)


def test_without_a_magic_table_setting_a_magic_method_names_mock_magic() -> None:
    m = Mock()
    for name in ("__iter__", "__len__", "__eq__", "__aenter__", "__getitem__"):
        with pytest.raises(mock_core.MissingPluginError) as info:
            setattr(m, name, lambda self: None)
        assert "mock-magic" in str(info.value)
        assert name in str(info.value)
    assert issubclass(mock_core.MissingPluginError, ImportError)
    # Nothing was installed on the way.
    with pytest.raises(TypeError):
        iter(m)  # type: ignore[call-overload]


def test_without_a_magic_table_refused_names_are_refused() -> None:
    with pytest.raises(AttributeError, match="Attempting to set unsupported magic method"):
        Mock().__getattr__ = lambda self, name: 1


def test_without_a_magic_table_other_dunders_are_plain_attributes() -> None:
    m = Mock()
    m.__custom__ = 3
    assert m.__custom__ == 3


def test_magic_table_lookup_is_public() -> None:
    assert plugins.magic_table() is None
    table = fake_table()
    plugins.register_magic_table(table)
    assert plugins.magic_table() is table


def test_magic_table_lets_mocks_take_magic_methods() -> None:
    plugins.register_magic_table(fake_table())
    m, other = Mock(), Mock()
    m.__iter__ = lambda self: iter([1, 2])
    assert list(m) == [1, 2]
    assert list(m.__iter__()) == [1, 2]  # the instance attribute is bound to the mock
    with pytest.raises(TypeError):
        iter(other)  # type: ignore[call-overload]  # other mocks are unaffected


def test_magic_table_with_mock_values() -> None:
    plugins.register_magic_table(fake_table())
    m = Mock()
    m.__len__ = Mock(return_value=3)
    assert len(m) == 3
    m.__len__.assert_called_once_with()
    assert m.mock_calls == [("__len__", (), {})]  # call.__len__ is the tuple method


def test_dunders_outside_the_table_stay_ordinary_attributes() -> None:
    plugins.register_magic_table(fake_table())
    m = Mock()
    m.__custom__ = Mock()
    m.__custom__(1)
    assert repr(m.__custom__).startswith("<Mock name='mock.__custom__'")
    assert m.mock_calls == [call.__custom__(1)]


def test_magic_table_refusals() -> None:
    plugins.register_magic_table(fake_table())
    with pytest.raises(AttributeError) as info:
        Mock().__setattr__ = lambda *a: None
    assert str(info.value) == "Attempting to set unsupported magic method '__setattr__'."


def test_magic_table_deleting_a_magic_method() -> None:
    plugins.register_magic_table(fake_table())
    m = Mock()
    m.__iter__ = lambda self: iter([])
    del m.__iter__
    with pytest.raises(TypeError):
        iter(m)  # type: ignore[call-overload]


def test_magic_table_respects_specs() -> None:
    plugins.register_magic_table(fake_table())
    m = Mock(spec=["a"])
    with pytest.raises(AttributeError, match="Mock object has no attribute '__iter__'"):
        m.__iter__ = lambda self: iter([])
    m = Mock(spec=list)
    m.__iter__ = lambda self: iter([5])
    assert list(m) == [5]


def test_magic_table_registration_replaces_and_is_repeatable() -> None:
    first, second = fake_table(), MagicTable(frozenset({"__len__"}), frozenset(), _as_method)
    plugins.register_magic_table(first)
    plugins.register_magic_table(first)
    assert plugins.magic_table() is first
    plugins.register_magic_table(second)
    assert plugins.magic_table() is second
    m = Mock()
    m.__len__ = lambda self: 7
    assert len(m) == 7


def test_magic_table_make_method_is_used() -> None:
    seen: list[str] = []

    def make(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        seen.append(name)

        def method(self: Any, *args: Any) -> Any:
            return func(self, *args) * 2

        return method

    plugins.register_magic_table(MagicTable(FAKE_SUPPORTED, frozenset(), make))
    m = Mock()
    m.__len__ = lambda self: 4
    assert len(m) == 8
    assert seen == ["__len__"]


# -- 2. child class rules ----------------------------------------------------------------------


def non_callable_for_nc_names(parent: Any, kw: Mapping[str, Any]) -> type | None:
    name = kw.get("_new_name", "")
    return NonCallableMock if name.startswith("nc_") else None


def test_child_class_rule_chooses_child_classes() -> None:
    plugins.add_child_class_rule(non_callable_for_nc_names)
    m = Mock()
    assert not callable(m.nc_child)
    assert callable(m.plain)
    assert not callable(NonCallableMock().nc_x)


def test_child_class_rule_sees_the_keywords() -> None:
    seen: list[tuple[Any, dict[str, Any]]] = []

    def spy(parent: Any, kw: Mapping[str, Any]) -> None:
        seen.append((parent, dict(kw)))
        return None

    plugins.add_child_class_rule(spy)
    m = Mock()
    m.attr
    m()
    assert seen[0][0] is m
    assert seen[0][1]["name"] == "attr" and seen[0][1]["_new_name"] == "attr"
    assert seen[1][1]["_new_name"] == "()" and seen[1][1]["_new_parent"] is m


def test_child_class_rule_is_idempotent_and_removable() -> None:
    before = list(mock_core._registry.registry.child_rules)
    plugins.add_child_class_rule(non_callable_for_nc_names)
    plugins.add_child_class_rule(non_callable_for_nc_names)
    assert len(mock_core._registry.registry.child_rules) == len(before) + 1
    plugins.remove_child_class_rule(non_callable_for_nc_names)
    plugins.remove_child_class_rule(non_callable_for_nc_names)
    assert mock_core._registry.registry.child_rules == before
    assert callable(Mock().nc_child)


def test_child_class_rule_for_one_class_only() -> None:
    class Special(Mock):
        pass

    plugins.add_child_class_rule(non_callable_for_nc_names, cls=Special)
    assert not callable(Special().nc_x)
    assert callable(Mock().nc_x)
    plugins.remove_child_class_rule(non_callable_for_nc_names, cls=Special)
    assert callable(Special().nc_x)


def test_child_class_rule_applies_to_classes_made_later() -> None:
    plugins.add_child_class_rule(non_callable_for_nc_names)

    class Later(Mock):
        pass

    assert not callable(Later().nc_x)


def test_later_rules_are_consulted_first() -> None:
    plugins.add_child_class_rule(lambda parent, kw: NonCallableMock)
    plugins.add_child_class_rule(lambda parent, kw: Mock if kw.get("name") == "m" else None)
    m = Mock()
    assert callable(m.m)
    assert not callable(m.other)


def test_without_rules_children_follow_the_parent() -> None:
    class Sub(Mock):
        pass

    assert isinstance(Sub().x, Sub)
    assert type(NonCallableMock().x).__mro__[1] is Mock or isinstance(NonCallableMock().x, Mock)
    # Property mocks make plain callable children when no plugin says otherwise.
    child = mock_core.PropertyMock().x
    assert isinstance(child, Mock) and not isinstance(child, mock_core.PropertyMock)


# -- 3. signature providers ----------------------------------------------------------------------


def f(a: int, b: int, c: int = 3) -> None:
    pass


def inspect_provider(spec: Any, as_instance: bool, eat_self: bool) -> Any:
    if isinstance(spec, type) or not callable(spec):
        return None
    return inspect.signature(spec)


def test_signature_provider_binds_recorded_calls() -> None:
    plugins.add_signature_provider(inspect_provider)
    m = Mock(spec=f)
    m(1, 2)
    m.assert_called_with(a=1, b=2)
    m.assert_called_once_with(1, b=2)
    m.assert_any_call(1, 2)
    m.assert_has_calls([call(a=1, b=2)])
    assert m._spec_signature == inspect.signature(f)


def test_signature_provider_matches_the_stdlib_spec_signature() -> None:
    # unittest.mock binds calls to a function spec's signature itself; mock-core gets the
    # same behaviour from a provider that answers with inspect.signature.
    plugins.add_signature_provider(inspect_provider)

    def good(M: Any) -> Any:
        m = M.Mock(spec=f)
        m(1, 2)
        m.assert_called_with(a=1, b=2)
        m.assert_has_calls([M.call(1, b=2)], any_order=True)
        return m.call_args

    assert agree(good) == ok("call(1, 2)")

    def bad(M: Any) -> Any:
        m = M.Mock(spec=f)
        m(1, 2)
        m.assert_called_with(1, 2, 3, 4)

    assert agree(bad) == raises(
        "AssertionError",
        "expected call not found.\nExpected: mock(1, 2, 3, 4)\n  Actual: mock(1, 2)",
        "TypeError",
    )

    def bad_has_calls(M: Any) -> Any:
        m = M.Mock(spec=f)
        m(1, 2)
        m.assert_has_calls([M.call(1, 2), M.call(1, 2, 3, 4)])

    assert agree(bad_has_calls) == raises(
        "AssertionError",
        "Error processing expected calls.\nErrors: [None, TypeError('too many positional "
        "arguments')]\nExpected: [call(1, 2), call(1, 2, 3, 4)]\n  Actual: [call(1, 2)]",
        "TypeError",
    )

    def bad_any_call(M: Any) -> Any:
        m = M.Mock(spec=f)
        m(1, 2)
        m.assert_any_call(1, 2, 3, 4)

    assert agree(bad_any_call) == raises(
        "AssertionError", "mock(1, 2, 3, 4) call not found", "TypeError"
    )


MOCK_SPEC_NOTE = (
    "\nNote: the calls were compared as written, not bound to the spec's signature "
    "(which makes f(1) match f(a=1)); signature matching needs the 'mock-spec' "
    "distribution: pip install mock-spec"
)


def _failure(action: Callable[[], object]) -> str:
    with pytest.raises(AssertionError) as caught:
        action()
    return str(caught.value)


def test_without_signatures_a_failure_keywords_could_fix_names_mock_spec() -> None:
    # The standard library binds both calls to f's signature and passes each of these;
    # mock-core alone compares them as written, so it must say what would match them.
    m = Mock(spec=f)
    m(1, 2)
    assert _failure(lambda: m.assert_called_with(a=1, b=2)) == (
        "expected call not found.\nExpected: mock(a=1, b=2)\n  Actual: mock(1, 2)" + MOCK_SPEC_NOTE
    )
    assert _failure(lambda: m.assert_called_once_with(1, b=2)).endswith(MOCK_SPEC_NOTE)
    assert _failure(lambda: m.assert_any_call(a=1, b=2)) == (
        "mock(a=1, b=2) call not found" + MOCK_SPEC_NOTE
    )
    assert _failure(lambda: m.assert_has_calls([call(1, b=2)])) == (
        "Calls not found.\nExpected: [call(1, b=2)]\n  Actual: [call(1, 2)]" + MOCK_SPEC_NOTE
    )
    assert _failure(lambda: m.assert_has_calls([call(a=1, b=2)], any_order=True)).endswith(
        MOCK_SPEC_NOTE
    )
    # Keywords in the recorded call count too.
    k = Mock(spec=f)
    k(a=1, b=2)
    assert _failure(lambda: k.assert_called_with(1, 2)).endswith(MOCK_SPEC_NOTE)


def test_without_signatures_a_named_call_to_a_specced_child_names_mock_spec() -> None:
    parent = Mock()
    parent.child = Mock(spec=f)
    parent.child(1, 2)
    assert _failure(lambda: parent.assert_has_calls([call.child(a=1, b=2)])).endswith(
        MOCK_SPEC_NOTE
    )


def test_failures_signatures_cannot_change_keep_the_standard_message() -> None:
    # Without keywords binding changes nothing; without a callable spec there is nothing to
    # bind to; with a provider registered, binding was done. The message is the stdlib's.
    def positional(M: Any) -> Any:
        m = M.Mock(spec=f)
        m(1, 2)
        m.assert_called_with(1, 3)

    assert agree(positional) == raises(
        "AssertionError", "expected call not found.\nExpected: mock(1, 3)\n  Actual: mock(1, 2)"
    )

    class Plain:
        pass

    def not_callable(M: Any) -> Any:
        m = M.Mock(spec=Plain())
        m(a=1)
        m.assert_called_with(1)

    assert agree(not_callable) == raises(
        "AssertionError", "expected call not found.\nExpected: mock(1)\n  Actual: mock(a=1)"
    )

    def plain(M: Any) -> Any:
        m = M.Mock()
        m(1, b=2)
        m.assert_called_with(a=1, b=2)

    assert agree(plain) == raises(
        "AssertionError",
        "expected call not found.\nExpected: mock(a=1, b=2)\n  Actual: mock(1, b=2)",
    )

    plugins.add_signature_provider(inspect_provider)
    m = Mock(spec=f)
    m(1, 2)
    assert MOCK_SPEC_NOTE not in _failure(lambda: m.assert_called_with(a=1, b=3))


def test_signature_provider_arguments_and_caching() -> None:
    seen: list[tuple[Any, bool, bool]] = []

    def spy(spec: Any, as_instance: bool, eat_self: bool) -> Any:
        seen.append((spec, as_instance, eat_self))
        return None

    plugins.add_signature_provider(spy)
    m = Mock(spec=f)
    assert m._spec_signature is None
    assert m._spec_signature is None
    assert seen == [(f, False, False)]
    Mock(spec=f, parent=Mock())._spec_signature  # children default to eating self
    assert seen[-1] == (f, False, True)
    assert Mock()._spec_signature is None
    assert len(seen) == 2  # no spec, no question


def test_signature_can_be_set_directly() -> None:
    m = Mock()
    m._spec_signature = inspect.signature(f)
    m(1, 2)
    m.assert_called_with(1, b=2)


def test_signature_provider_is_idempotent_and_removable() -> None:
    registry = mock_core._registry.registry
    plugins.add_signature_provider(inspect_provider)
    plugins.add_signature_provider(inspect_provider)
    assert registry.signature_providers == [inspect_provider]
    plugins.remove_signature_provider(inspect_provider)
    plugins.remove_signature_provider(inspect_provider)
    assert registry.signature_providers == []
    assert Mock(spec=f)._spec_signature is None


def test_child_calls_bind_to_child_signatures() -> None:
    plugins.add_signature_provider(inspect_provider)
    m = Mock()
    m.child = Mock(spec=f)
    m.child(1, 2)
    m.assert_has_calls([call.child(a=1, b=2)])
    m.child.assert_called_with(1, b=2)


def test_install_signature_check() -> None:
    checked: list[tuple[Any, ...]] = []

    def check(*args: Any, **kwargs: Any) -> None:
        inspect.signature(f).bind(*args, **kwargs)
        checked.append(args)

    m, other = Mock(), Mock()
    plugins.install_signature_check(m, check, inspect.signature(f))
    assert m(1, 2) is m.return_value
    with pytest.raises(TypeError):
        m(1, 2, 3, 4)
    assert m.call_count == 1  # a call refused by the check is not recorded
    assert inspect.signature(m) == inspect.signature(f)
    other(1, 2, 3, 4)  # other mocks are not checked
    assert checked == [(1, 2)]


# -- 4. deferred children ---------------------------------------------------------------------


class LazyChild(Deferred):
    __slots__ = ("made",)

    def __init__(self) -> None:
        self.made = 0

    def create(self, parent: Any, name: str) -> Any:
        self.made += 1
        return Mock(name=f"made-{name}")


def test_deferred_child_is_created_on_first_access() -> None:
    m = Mock()
    placeholder = LazyChild()
    m._mock_children["lazy"] = placeholder
    assert placeholder.made == 0
    child = m.lazy
    assert repr(child).startswith("<Mock name='made-lazy'")
    assert m.lazy is child
    assert placeholder.made == 1
    assert m._mock_children["lazy"] is child


def test_deferred_children_are_listed_but_not_created_by_dir_reset_and_seal() -> None:
    m = Mock()
    placeholder = LazyChild()
    m._mock_children["lazy"] = placeholder
    assert "lazy" in dir(m)
    m.reset_mock()
    mock_core.seal(m)
    assert placeholder.made == 0
    assert m._mock_children["lazy"] is placeholder


def test_deferred_child_can_be_deleted_before_use() -> None:
    m = Mock()
    m._mock_children["lazy"] = LazyChild()
    del m.lazy
    with pytest.raises(AttributeError):
        m.lazy


def test_deferred_child_can_be_replaced_before_use() -> None:
    m = Mock()
    m._mock_children["lazy"] = LazyChild()
    m.lazy = 3
    assert m.lazy == 3


# -- 5. call observers ------------------------------------------------------------------------


def test_call_observer_is_told_about_every_call() -> None:
    seen: list[tuple[Any, _Call]] = []

    def observer(mock: Any, recorded: _Call) -> None:
        seen.append((mock, recorded))

    plugins.add_call_observer(observer)
    m = Mock(return_value=5)
    assert m(1, b=2) == 5
    m.child(3)
    assert [s[0] for s in seen] == [m, m.child]
    assert [s[1] for s in seen] == [call(1, b=2), call(3)]
    assert isinstance(seen[0][1], _Call)


def test_call_observer_runs_before_the_side_effect() -> None:
    seen: list[Any] = []
    plugins.add_call_observer(lambda mock, recorded: seen.append(recorded))
    m = Mock(side_effect=KeyError)
    with pytest.raises(KeyError):
        m(1)
    assert seen == [call(1)]


def test_after_call_observer_runs_when_the_call_has_returned() -> None:
    if "after" not in inspect.signature(plugins.add_call_observer).parameters:
        pytest.skip("after-call observers are not part of this plugin API")
    order: list[str] = []
    m = Mock(side_effect=lambda: order.append("effect"))
    plugins.add_call_observer(lambda mock, c: order.append("after"), after=True)
    m()
    assert order == ["effect", "after"]
    failing = Mock(side_effect=KeyError)
    with pytest.raises(KeyError):
        failing()
    assert order == ["effect", "after"]


def test_call_observer_is_idempotent_and_removable() -> None:
    seen: list[Any] = []

    def observer(mock: Any, recorded: _Call) -> None:
        seen.append(recorded)

    plugins.add_call_observer(observer)
    plugins.add_call_observer(observer)
    Mock()(1)
    assert seen == [call(1)]
    plugins.remove_call_observer(observer)
    plugins.remove_call_observer(observer)
    Mock()(2)
    assert seen == [call(1)]
    assert Mock._mock_observers == ()


def test_call_observer_for_one_class() -> None:
    seen: list[Any] = []

    class Watched(Mock):
        pass

    plugins.add_call_observer(lambda mock, c: seen.append(c), cls=Watched)
    Mock()(1)
    Watched()(2)
    Watched().child(3)
    assert seen == [call(2), call(3)]


def test_call_observer_on_the_step_by_step_path() -> None:
    seen: list[Any] = []

    class Hooked(Mock):
        def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
            return ("hooked", super()._mock_call(*args, **kwargs))

    plugins.add_call_observer(lambda mock, c: seen.append(c))
    m = Hooked(return_value=1)
    assert m(4) == ("hooked", 1)
    assert seen == [call(4)]


def test_call_observer_sees_async_calls() -> None:
    seen: list[Any] = []
    plugins.add_call_observer(lambda mock, c: seen.append(c))
    am = async_class(mock_core)(return_value=3)
    assert asyncio.run(am(1)) == 3
    assert seen == [call(1)]


def test_no_observers_means_nothing_on_the_class() -> None:
    assert Mock._mock_observers == ()
    assert NonCallableMock._mock_child_rules == ()


# -- 5b. call recorders -------------------------------------------------------------------------


def _copying(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    # Copies one level down: enough to tell a recorded list from the caller's.
    return tuple(list(a) if isinstance(a, list) else a for a in args), {
        k: list(v) if isinstance(v, list) else v for k, v in kwargs.items()
    }


def test_call_recorder_decides_every_record_of_the_call() -> None:
    seen: list[Any] = []
    plugins.add_call_observer(lambda mock, c: seen.append(c))
    plugins.add_call_recorder(_copying)
    root = Mock()
    rows = [1]
    root.db.insert(rows, tags=rows)
    root.db.insert.return_value.commit(rows)
    rows.append(2)
    insert = call.db.insert([1], tags=[1])
    assert root.mock_calls == [insert, call.db.insert().commit([1])]
    assert root.method_calls == [insert]
    assert root.db.mock_calls == [call.insert([1], tags=[1]), call.insert().commit([1])]
    assert root.db.method_calls == [call.insert([1], tags=[1])]
    assert root.db.insert.call_args == call([1], tags=[1])
    assert root.db.insert.call_args_list == [call([1], tags=[1])]
    assert root.db.insert.mock_calls == [call([1], tags=[1]), call().commit([1])]
    assert seen == [call([1], tags=[1]), call([1])]


def test_call_recorder_leaves_the_caller_s_objects_to_the_call() -> None:
    plugins.add_call_recorder(_copying)
    given: list[Any] = []
    filled = Mock(side_effect=lambda rows: given.append(rows))
    wrapper = Mock(wraps=lambda rows: rows)
    rows = [1]
    filled(rows)
    assert given[0] is rows
    assert wrapper(rows) is rows
    assert filled.call_args[0][0] is not rows


def test_call_recorder_none_keeps_the_arguments_and_recorders_chain() -> None:
    order: list[str] = []

    def first(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        order.append("first")
        return (*args, "first"), kwargs

    def second(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        order.append("second")
        return (*args, "second"), {**kwargs, "seen": args}

    def neither(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        order.append("neither")

    for recorder in (first, neither, second):
        plugins.add_call_recorder(recorder)
    m = Mock(return_value=7)
    assert m(0) == 7
    assert order == ["first", "neither", "second"]
    assert m.call_args == call(0, "first", "second", seen=(0, "first"))


def test_call_recorder_for_one_class_keeps_the_others_fast() -> None:
    class Watched(Mock):
        pass

    plugins.add_call_recorder(_copying, cls=Watched)
    plain, watched = Mock(), Watched()
    rows = [1]
    plain(rows)
    watched(rows)
    watched.child(rows)
    rows.append(2)
    assert plain.call_args == call([1, 2])
    assert watched.call_args == call([1])
    assert watched.child.call_args == call([1])
    # Only the class with recorders left the fused call path.
    assert Watched.__call__ is not Mock.__call__
    plugins.remove_call_recorder(_copying, cls=Watched)
    assert Watched.__call__ is Mock.__call__


def test_a_call_already_on_the_recording_path_survives_the_recorder_s_removal() -> None:
    # Another thread may remove the last recorder between the lookup of a mock's __call__
    # and the call itself: that call is then recorded as it was made.
    plugins.add_call_recorder(_copying)
    recording_call = Mock.__call__
    plugins.remove_call_recorder(_copying)
    m = Mock(return_value=3)
    rows = [1]
    assert recording_call(m, rows) == 3
    rows.append(2)
    assert m.call_args == call([1, 2])


def test_call_recorder_is_idempotent_and_removable() -> None:
    calls: list[Any] = []

    def recorder(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        calls.append(args)

    fused = Mock.__call__
    plugins.add_call_recorder(recorder)
    plugins.add_call_recorder(recorder)
    Mock()(1)
    assert calls == [(1,)]
    plugins.remove_call_recorder(recorder)
    plugins.remove_call_recorder(recorder)
    Mock()(2)
    assert calls == [(1,)]
    assert Mock._mock_recorders == ()
    assert Mock.__call__ is fused


def test_call_recorder_on_the_step_by_step_path() -> None:
    class Hooked(Mock):
        def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
            return ("hooked", args[0] is rows)

    after: list[Any] = []
    plugins.add_call_observer(lambda mock, c: after.append(c), after=True)
    plugins.add_call_recorder(_copying)
    rows = [1]
    m = Hooked()
    assert m(rows) == ("hooked", True)
    plain = Mock()
    plain(rows)
    rows.append(2)
    assert m.call_args == call([1])
    # The after-observers are told about the call as recorded, on either path.
    assert after == [call([1]), call([1])]


def test_call_recorder_sets_what_awaits_record() -> None:
    plugins.add_call_recorder(_copying)
    am = async_class(mock_core)(return_value=3)
    rows = [1]
    coroutine = am(rows, key=rows)
    rows.append(2)
    assert asyncio.run(coroutine) == 3
    assert am.await_args == call([1], key=[1])
    assert am.await_args_list == [call([1], key=[1])]
    assert am.call_args == call([1], key=[1])
    assert am.await_args[1] is not am.call_args[1]  # a dict of its own, as without recorders


def test_call_recorder_sets_what_awaits_of_async_specced_mocks_record() -> None:
    async def fetch(rows: list[int]) -> None:
        pass

    plugins.add_call_recorder(_copying)
    m = Mock(spec=fetch)
    rows = [1]
    coroutine = m(rows)
    rows.append(2)
    asyncio.run(coroutine)
    assert m.await_args == call([1])


def test_call_recorder_for_await_recording_reaches_async_specced_mocks() -> None:
    async def fetch(rows: list[int]) -> None:
        pass

    plugins.add_call_recorder(_copying, cls=mock_core.AsyncMockMixin)
    specced, plain = Mock(spec=fetch), Mock()
    rows = [1]
    coroutine = specced(rows)
    plain(rows)
    rows.append(2)
    asyncio.run(coroutine)
    assert specced.await_args == call([1]) == specced.call_args
    assert plain.call_args == call([1, 2])
    plugins.remove_call_recorder(_copying, cls=mock_core.AsyncMockMixin)
    again = [1]
    asyncio.run(specced(again))
    again.append(2)
    assert specced.await_args == call([1, 2])


def test_an_overridden_await_step_gets_the_caller_s_arguments() -> None:
    got: list[Any] = []

    class Own(async_class(mock_core)):  # type: ignore[misc]
        async def _execute_mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
            got.append(args)
            return await super()._execute_mock_call(*args, **kwargs)

    plugins.add_call_recorder(_copying)
    rows = [1]
    m = Own()
    asyncio.run(m(rows))
    assert got[0][0] is rows
    assert m.call_args[0][0] is not rows


def test_a_malformed_recorder_result_names_the_recorder() -> None:
    def broken(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        return [args, kwargs]

    plugins.add_call_recorder(broken)
    m = Mock()
    with pytest.raises(TypeError, match=r"call recorder .*broken must return \(args, kwargs\)"):
        m(1)
    assert m.call_count == 0


# -- 6. failure renderers ----------------------------------------------------------------------


def test_failure_renderer_rewrites_messages() -> None:
    contexts: list[FailureContext] = []

    def renderer(context: FailureContext) -> str:
        contexts.append(context)
        return context.message + "\n(diff here)"

    plugins.add_failure_renderer(renderer)
    m = Mock()
    m(1)
    with pytest.raises(AssertionError) as info:
        m.assert_called_with(2)
    assert str(info.value) == (
        "expected call not found.\nExpected: mock(2)\n  Actual: mock(1)\n(diff here)"
    )
    context = contexts[0]
    assert context.mock is m
    assert context.kind == "called_with"
    assert context.expected == call(2)
    assert context.actual == call(1)


@pytest.mark.parametrize(
    ("method", "args", "kind"),
    [
        ("assert_not_called", (), "not_called"),
        ("assert_called_once", (), "called_once"),
        ("assert_called_once_with", (1,), "called_once_with"),
        ("assert_any_call", (5,), "any_call"),
        ("assert_has_calls", ([call(5)],), "has_calls"),
    ],
)
def test_every_assertion_goes_through_the_renderers(method: str, args: Any, kind: str) -> None:
    kinds: list[str] = []
    plugins.add_failure_renderer(lambda context: kinds.append(context.kind))  # type: ignore[func-returns-value]
    m = Mock()
    m(1)
    m(2)
    with pytest.raises(AssertionError):
        getattr(m, method)(*args)
    assert kinds == [kind]


def test_failure_renderer_none_and_errors_keep_the_message() -> None:
    def broken(context: FailureContext) -> str:
        raise RuntimeError("renderer bug")

    plugins.add_failure_renderer(lambda context: None)
    plugins.add_failure_renderer(broken)
    with pytest.raises(AssertionError) as info, pytest.warns(plugins.PluginWarning):
        Mock().assert_called()
    assert str(info.value) == "Expected 'mock' to have been called."


def test_failure_context_carries_the_signature_calls_are_bound_to() -> None:
    def save(path: str, mode: str = "r") -> None:
        pass

    signature = inspect.signature(save)
    seen: list[Any] = []
    plugins.add_signature_provider(lambda spec, as_instance, eat_self: signature)
    plugins.add_failure_renderer(lambda context: seen.append(context.signature))
    specced = Mock(spec=save)
    specced("a", "w")
    with pytest.raises(AssertionError):
        specced.assert_called_with("a", mode="r")
    with pytest.raises(AssertionError):
        Mock().assert_called_with(1)
    assert seen == [signature, None]


def test_failure_renderer_is_idempotent_and_removable() -> None:
    def renderer(context: FailureContext) -> str:
        return context.message + "!"

    plugins.add_failure_renderer(renderer)
    plugins.add_failure_renderer(renderer)
    with pytest.raises(AssertionError, match=r"called\.!$"):
        Mock().assert_called()
    plugins.remove_failure_renderer(renderer)
    plugins.remove_failure_renderer(renderer)
    with pytest.raises(AssertionError, match=r"called\.$"):
        Mock().assert_called()


def test_failure_renderers_see_await_assertions() -> None:
    kinds: list[str] = []
    plugins.add_failure_renderer(lambda context: kinds.append(context.kind))  # type: ignore[func-returns-value]
    with pytest.raises(AssertionError):
        async_class(mock_core)().assert_awaited()
    assert kinds == ["awaited"]


# -- discovery -----------------------------------------------------------------------------


class _EntryPoint:
    """Stands in for an importlib.metadata.EntryPoint whose load() returns ``target``."""

    def __init__(self, name: str, target: Any) -> None:
        self.name = name
        self.value = f"{name}_plugin:register"
        self.dist = None
        self._target = target

    def load(self) -> Any:
        return self._target


def _fresh_discovery(monkeypatch: pytest.MonkeyPatch, entries: Callable[[], Any]) -> Any:
    import mock_core._discovery

    registry = mock_core._registry.registry
    monkeypatch.setattr(mock_core._discovery, "_entry_points", entries)
    monkeypatch.delenv(mock_core._registry.DISABLE_ENV_VAR, raising=False)
    for name in ("loaded", "errors", "plugins"):
        monkeypatch.setattr(registry, name, [])
    registry.discovered = False
    return registry


def test_discover_runs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def fake_entry_points() -> Any:
        calls.append(1)
        return iter([_EntryPoint("fake", lambda: None)])

    _fresh_discovery(monkeypatch, fake_entry_points)
    assert plugins.discover() == ["fake"]
    assert plugins.discover() == ["fake"]
    Mock().x
    assert calls == [1]


def test_discovery_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = _fresh_discovery(monkeypatch, lambda: pytest.fail("discovery ran"))
    monkeypatch.setenv(mock_core._registry.DISABLE_ENV_VAR, "1")
    assert plugins.discover() == []
    assert registry.discovered


def test_a_broken_plugin_does_not_break_mocks(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom() -> None:
        raise RuntimeError("plugin bug")

    registry = _fresh_discovery(monkeypatch, lambda: iter([_EntryPoint("bad", boom)]))
    with pytest.warns(plugins.PluginWarning, match="'bad'"):
        assert Mock().x is not None
    assert [name for name, _ in registry.errors] == ["bad"]


def test_the_plugin_api_is_declared() -> None:
    for name in plugins.__all__:
        assert hasattr(plugins, name), name
    assert plugins.ENTRY_POINT_GROUP == "mock_core.plugins"
    assert plugins.DISABLE_ENV_VAR == "MOCK_CORE_DISABLE_PLUGIN_DISCOVERY"
    assert mock_core.plugins is plugins
