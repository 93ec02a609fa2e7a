"""Argument snapshots: recorded calls keep the arguments as they were at call time."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from hypothesis import given, strategies as st

from mock_core import ANY, Mock, NonCallableMock, call, sentinel
from mock_extras import Scope, snapshot_arguments


def test_off_by_default_recorded_arguments_are_the_live_objects() -> None:
    m = Mock()
    rows = [1]
    m(rows)
    rows.append(2)
    assert m.call_args == call([1, 2])


def test_per_mock_scope_keeps_call_args_list_and_mock_calls() -> None:
    m = Mock()
    rows = [1]
    with snapshot_arguments(m):
        m(rows, key=rows)
        rows.append(2)
        m(rows)
    rows.append(3)
    assert m.call_args == call([1, 2])
    assert m.call_args_list == [call([1], key=[1]), call([1, 2])]
    assert m.mock_calls == [call([1], key=[1]), call([1, 2])]
    m.assert_any_call([1], key=[1])


def test_children_and_return_values_up_to_the_root() -> None:
    m = Mock()
    rows = [1]
    with snapshot_arguments(m):
        m.db.save(rows, tag=rows)
        m.factory().write(rows)
    rows.append(2)
    assert m.mock_calls == [
        call.db.save([1], tag=[1]),
        call.factory(),
        call.factory().write([1]),
    ]
    assert m.method_calls == [call.db.save([1], tag=[1]), call.factory()]
    assert m.db.mock_calls == [call.save([1], tag=[1])]
    assert m.db.method_calls == [call.save([1], tag=[1])]
    m.db.save.assert_called_once_with([1], tag=[1])
    assert m.factory.return_value.write.call_args == call([1])


def test_call_args_stays_a_pair() -> None:
    m = Mock()
    with snapshot_arguments(m):
        m([1], k={2})
    args, kwargs = m.call_args
    assert (args, kwargs) == (([1],), {"k": {2}})
    assert m.call_args.args == ([1],)
    assert m.call_args.kwargs == {"k": {2}}
    assert repr(m.call_args) == "call([1], k={2})"


def test_side_effect_and_wraps_see_the_callers_objects() -> None:
    target: list[int] = []
    m = Mock(side_effect=lambda rows, into: into.append(len(rows)))
    with snapshot_arguments(m):
        m([1, 2], into=target)
    assert target == [2]
    m.assert_called_once_with([1, 2], into=[])

    seen: list[Any] = []
    w = Mock(wraps=seen.append)
    given_value = {"a": 1}
    with snapshot_arguments(w):
        w(given_value)
    assert seen[0] is given_value


def test_mocks_inside_arguments_are_not_copied() -> None:
    helper = Mock(name="helper")
    m = Mock()
    with snapshot_arguments(m):
        m(helper, [helper], {"h": helper})
    m.assert_called_once_with(helper, [helper], {"h": helper})
    assert m.call_args.args[1][0] is helper


def test_uncopyable_argument_is_kept_as_it_is() -> None:
    lock = threading.Lock()
    rows = [1]
    m = Mock()
    with snapshot_arguments(m):
        m(lock, rows)
    rows.append(2)
    assert m.call_args.args[0] is lock
    assert m.call_args.args[1] == [1]


def test_immutable_arguments_keep_their_identity() -> None:
    m = Mock()
    text, number, pair = "text", 10**20, (1, "a")
    with snapshot_arguments(m):
        m(text, number, pair, sentinel.s)
    assert m.call_args.args[0] is text
    assert m.call_args.args[2] is pair
    assert m.call_args.args[3] is sentinel.s


def test_other_mocks_are_untouched_by_a_per_mock_scope() -> None:
    watched, other = Mock(), Mock()
    rows = [1]
    with snapshot_arguments(watched):
        watched(rows)
        other(rows)
    rows.append(2)
    assert watched.call_args == call([1])
    assert other.call_args == call([1, 2])


def test_everywhere_scope_covers_unrelated_mocks_own_records() -> None:
    first, second = Mock(), Mock()
    rows = [1]
    with snapshot_arguments():
        first(rows)
        second.child(rows, k=rows)
    rows.append(2)
    assert first.call_args_list == [call([1])]
    assert first.mock_calls == [call([1])]
    assert second.child.call_args == call([1], k=[1])
    assert second.child.mock_calls == [call([1], k=[1])]
    # Known gap (PLUGIN_POINTS_NEEDED.md): nothing public leads from a child to its parent.
    assert second.mock_calls == [call.child([1, 2], k=[1, 2])]


def test_stopped_scope_records_live_objects_again() -> None:
    m = Mock()
    rows = [1]
    scope = snapshot_arguments(m).start()
    m(rows)
    scope.stop()
    m(rows)
    rows.append(2)
    assert m.call_args_list == [call([1]), call([1, 2])]


def test_nested_scopes_stay_on_until_the_last_stop() -> None:
    m = Mock()
    outer = snapshot_arguments(m)
    rows = [1]
    with outer:
        with snapshot_arguments(m):
            pass
        m(rows)
    rows.append(2)
    assert m.call_args == call([1])


def test_decorator_form() -> None:
    m = Mock()
    rows = [1]

    @snapshot_arguments(m)
    def code_under_test() -> None:
        m(rows)
        rows.append(2)

    code_under_test()
    assert m.call_args == call([1])
    m(rows)
    rows.append(3)
    assert m.call_args == call([1, 2, 3])


def test_scope_is_a_public_scope_object() -> None:
    scope = snapshot_arguments()
    assert isinstance(scope, Scope)
    assert not scope.active
    with scope:
        assert scope.active
    assert not scope.active
    scope.stop()  # not started: nothing happens


def test_a_collected_root_is_forgotten() -> None:
    import gc

    from mock_extras import _snapshots

    m = Mock()
    snapshot_arguments(m).start()
    assert _snapshots._state.registered
    del m
    gc.collect()
    assert not _snapshots._state.registered


def test_non_callable_root_with_called_children() -> None:
    m = NonCallableMock()
    rows = {"a": [1]}
    with snapshot_arguments(m):
        m.send(rows)
    rows["a"].append(2)
    assert m.mock_calls == [call.send({"a": [1]})]
    assert m.send.call_args == call({"a": [1]})


def test_any_still_matches() -> None:
    m = Mock()
    with snapshot_arguments(m):
        m([1], ANY)
    m.assert_called_once_with([1], ANY)


values = st.recursive(
    st.none() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner),
    max_leaves=8,
)


@given(value=values, extra=st.integers())
def test_a_snapshot_equals_the_value_at_call_time_whatever_is_mutated(
    value: Any, extra: int
) -> None:
    import copy

    at_call = copy.deepcopy(value)
    holder = [value]
    m = Mock()
    with snapshot_arguments(m):
        m.child(holder, key=holder)
    holder.append(extra)
    if isinstance(value, list):
        value.append(extra)
    elif isinstance(value, dict):
        value["new"] = extra
    assert m.child.call_args == call([at_call], key=[at_call])
    assert m.mock_calls == [call.child([at_call], key=[at_call])]


@pytest.mark.parametrize("everywhere", [False, True], ids=["per-mock", "everywhere"])
def test_calls_from_threads_are_all_snapshotted(everywhere: bool) -> None:
    m = Mock()
    scope = snapshot_arguments() if everywhere else snapshot_arguments(m)
    lists = [[i] for i in range(8)]

    def work(rows: list[int]) -> None:
        for _ in range(20):
            m(rows)

    with scope:
        threads = [threading.Thread(target=work, args=(rows,)) for rows in lists]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    for rows in lists:
        rows.append(-1)
    assert len(m.call_args_list) == 160
    assert all(len(c.args[0]) == 1 for c in m.call_args_list)
    assert all(len(c.args[0]) == 1 for c in m.mock_calls)
