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


def test_everywhere_scope_covers_every_record_of_unrelated_mocks() -> None:
    first, second = Mock(), Mock()
    rows = [1]
    with snapshot_arguments():
        first(rows)
        second.child(rows, k=rows)
        second.child.grandchild().leaf(rows)
    rows.append(2)
    assert first.call_args_list == [call([1])]
    assert first.mock_calls == [call([1])]
    assert second.child.call_args == call([1], k=[1])
    assert second.child.mock_calls == [
        call([1], k=[1]),
        call.grandchild(),
        call.grandchild().leaf([1]),
    ]
    # The ancestors' records too: mock-core records the snapshot on every level.
    assert second.mock_calls == [
        call.child([1], k=[1]),
        call.child.grandchild(),
        call.child.grandchild().leaf([1]),
    ]
    assert second.method_calls == [call.child([1], k=[1]), call.child.grandchild()]


def _async_mock_class() -> type:
    # mock-core alone has await recording as a mixin (AsyncMock is mock-magic's).
    from mock_core import AsyncMockMixin

    return type("AsyncMock", (AsyncMockMixin, Mock), {})


@pytest.mark.parametrize("everywhere", [False, True], ids=["per-mock", "everywhere"])
def test_await_records_are_snapshotted(everywhere: bool) -> None:
    import asyncio

    fetch = _async_mock_class()(return_value="done")
    rows = [1]
    with snapshot_arguments() if everywhere else snapshot_arguments(fetch):
        pending = fetch(rows, page=rows)
        rows.append(2)  # changed between the call and the await
        assert asyncio.run(pending) == "done"
    rows.append(3)
    assert fetch.call_args == call([1], page=[1])
    assert fetch.await_args == call([1], page=[1])
    assert fetch.await_args_list == [call([1], page=[1])]
    fetch.assert_awaited_once_with([1], page=[1])


def test_observers_see_the_snapshot() -> None:
    from mock_core import plugins

    seen: list[Any] = []

    def observer(mock: Any, recorded: Any) -> None:
        seen.append(recorded)

    plugins.add_call_observer(observer)
    try:
        m = Mock()
        rows = [1]
        with snapshot_arguments(m):
            m.child(rows)
        rows.append(2)
    finally:
        plugins.remove_call_observer(observer)
    assert seen == [call([1])]


def test_a_mock_attached_under_a_root_is_covered() -> None:
    root, loose = Mock(), Mock()
    rows = [1]
    with snapshot_arguments(root):
        loose(rows)
        root.attach_mock(loose, "worker")
        loose(rows)
    rows.append(2)
    assert loose.call_args_list == [call([1, 2]), call([1])]
    assert root.mock_calls == [call.worker([1])]


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


def test_shared_and_cyclic_values_are_copied_as_deepcopy_copies_them() -> None:
    inner = [1]
    shared = [inner, inner]
    cyclic: list[Any] = [2]
    cyclic.append(cyclic)
    m = Mock()
    with snapshot_arguments(m):
        m(shared, cyclic)
    inner.append(3)
    cyclic.append(4)
    kept_shared, kept_cyclic = m.call_args.args
    assert kept_shared == [[1], [1]]
    assert kept_shared[0] is kept_shared[1]
    assert kept_cyclic[0] == 2 and kept_cyclic[1] is kept_cyclic and len(kept_cyclic) == 2


class Tagged(list):  # type: ignore[type-arg]
    """A list subclass with state of its own: copied the way copy.deepcopy copies it."""

    label = ""


def test_container_subclasses_are_copied_with_their_state() -> None:
    rows = Tagged([1])
    rows.label = "before"
    m = Mock()
    with snapshot_arguments(m):
        m({"rows": rows, "pair": (1, [2])})
    rows.append(2)
    rows.label = "after"
    kept = m.call_args.args[0]
    assert type(kept["rows"]) is Tagged
    assert kept["rows"] == [1] and kept["rows"].label == "before"
    assert kept["pair"] == (1, [2])
