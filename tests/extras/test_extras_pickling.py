"""Picklable mocks: opt in, round trips through pickle and through worker processes."""

from __future__ import annotations

import asyncio
import copy
import multiprocessing
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest
from pickling_worker import use_client

import mockkit
from mock_extras import Scope, is_picklable, picklable, picklable_mocks


class Client:
    def get(self, path: str) -> Any: ...

    def post(self, path: str, body: Any) -> Any: ...


def _round_trip(obj: Any) -> Any:
    return pickle.loads(pickle.dumps(obj))


def test_mocks_refuse_pickling_unless_asked() -> None:
    mock = mockkit.MagicMock()
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        pickle.dumps(mock)
    assert not is_picklable(mock)


def test_only_the_mock_asked_for_changes() -> None:
    chosen, other = picklable(mockkit.Mock()), mockkit.Mock()
    assert is_picklable(chosen) and not is_picklable(other)
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        pickle.dumps(other)


def test_round_trip_keeps_configuration_children_and_calls() -> None:
    client = picklable(mockkit.MagicMock(spec=Client, name="client"))
    client.get.return_value = {"id": 7}
    client.get("/users")
    client.post.side_effect = [1, ValueError("full")]
    client.post("/a", None)
    again = _round_trip(client)
    assert isinstance(again, Client)
    assert "name='client'" in repr(again)
    again.get.assert_called_once_with("/users")
    assert again.mock_calls == [mockkit.call.get("/users"), mockkit.call.post("/a", None)]
    assert again.method_calls == client.method_calls
    assert again.get("/x") == {"id": 7}
    with pytest.raises(ValueError, match="full"):
        again.post("/b", None)
    with pytest.raises(AttributeError):
        again.delete
    # The children are linked to the new parent: their calls land in its mock_calls.
    again.get("/y")
    assert again.mock_calls[-1] == mockkit.call.get("/y")


def test_magic_methods_and_return_values_travel() -> None:
    mock = picklable(mockkit.MagicMock())
    mock.__len__.return_value = 3
    mock.return_value.result.return_value = "done"
    mock().result()
    again = _round_trip(mock)
    assert len(again) == 3
    assert again().result() == "done"
    again.assert_called_with()
    assert again.mock_calls[:2] == [mockkit.call(), mockkit.call().result()]


def test_references_into_the_tree_stay_references() -> None:
    mock = picklable(mockkit.Mock())
    mock.handle(mock.request)
    again = _round_trip(mock)
    assert again.handle.call_args.args[0] is again.request


def test_async_mock_keeps_its_awaits() -> None:
    mock = picklable(mockkit.AsyncMock(return_value=5))
    asyncio.run(mock(1))
    again = _round_trip(mock)
    again.assert_awaited_once_with(1)
    assert asyncio.run(again(2)) == 5
    assert again.await_count == 2


def test_copies_are_unchanged_by_picklable() -> None:
    mock = picklable(mockkit.Mock())
    mock(1)
    shallow = copy.copy(mock)
    # As without picklable: a shallow copy shares the recorded lists.
    assert shallow.call_args_list is mock.call_args_list
    plain = mockkit.Mock()
    plain(1)
    # Deep copies are as odd as without picklable (deepcopy asks each call for
    # __deepcopy__, which a call answers as an attribute), but no different.
    deep, plain_deep = copy.deepcopy(mock), copy.deepcopy(plain)
    assert deep.call_args_list is not mock.call_args_list
    assert len(deep.call_args_list) == len(plain_deep.call_args_list) == 1


def _refused(mock: Any) -> bool:
    try:
        pickle.dumps(mock)
    except (pickle.PicklingError, AttributeError, TypeError):
        return True
    return False


def test_per_test_and_per_run() -> None:
    with picklable_mocks():
        made_inside = mockkit.MagicMock()
        made_inside.x(1)
        _round_trip(made_inside).x.assert_called_once_with(1)
    assert _refused(made_inside)
    run = picklable_mocks()
    assert isinstance(run, Scope)
    run.start()
    assert is_picklable(mockkit.Mock()) and is_picklable(made_inside)
    run.stop()
    assert not is_picklable(mockkit.Mock()) and _refused(made_inside)
    # Copies are as before once switched off.
    mock = mockkit.Mock()
    mock(1)
    assert copy.copy(mock).call_args_list is mock.call_args_list


def test_nested_scopes_keep_mocks_picklable_until_both_stop() -> None:
    outer, inner = picklable_mocks(), picklable_mocks()
    mock = mockkit.Mock()
    outer.start()
    inner.start()
    outer.stop()  # out of order: the inner one is still started
    assert not _refused(mock)
    inner.start()  # one scope, started twice
    inner.stop()
    assert not _refused(mock)
    inner.stop()
    assert _refused(mock)
    inner.stop()  # not started: nothing to undo
    assert _refused(mock)


def test_picklable_mocks_decorates_functions() -> None:
    seen = []

    @picklable_mocks()
    def sync_test(mock: Any) -> Any:
        seen.append(_refused(mock))
        return _round_trip(mock)

    @picklable_mocks()
    async def async_test(mock: Any) -> Any:
        seen.append(_refused(mock))
        await asyncio.sleep(0)
        seen.append(_refused(mock))
        return _round_trip(mock)

    assert sync_test.__name__ == "sync_test" and async_test.__name__ == "async_test"
    mock = mockkit.Mock(name="sent")
    mock(1)
    sync_test(mock).assert_called_once_with(1)
    asyncio.run(async_test(mock)).assert_called_once_with(1)
    assert seen == [False, False, False]
    assert _refused(mock)


_MOCK_CLASSES = (
    mockkit.NonCallableMock,
    mockkit.CallableMixin,
    mockkit.Mock,
    mockkit.NonCallableMagicMock,
    mockkit.MagicMixin,
    mockkit.MagicMock,
    mockkit.AsyncMock,
    mockkit.PropertyMock,
)


def _class_dicts() -> list[list[tuple[str, int]]]:
    """What each mock class holds, by name and identity (an equal stand-in would show)."""
    return [[(name, id(value)) for name, value in cls.__dict__.items()] for cls in _MOCK_CLASSES]


def test_stopping_puts_the_mock_classes_back_exactly() -> None:
    for cls in _MOCK_CLASSES:
        # Their first mocks are made before, which adds what mock-core keeps per class.
        if cls not in (mockkit.CallableMixin, mockkit.MagicMixin):
            cls()
    before = _class_dicts()
    own_reduce = mockkit.NonCallableMock.__dict__.get("__reduce_ex__")
    scope = picklable_mocks()
    with scope:
        with scope:
            for mock in (mockkit.Mock(), mockkit.MagicMock(), mockkit.AsyncMock()):
                result = mock(1)
                if asyncio.iscoroutine(result):
                    asyncio.run(result)
                _round_trip(mock)
                copy.copy(mock)
        assert _class_dicts() != before
    assert _class_dicts() == before
    # 3.10's NonCallableMock has a __reduce_ex__ of its own (for copies): it is back, the
    # same object; on the others there is none, and none is left.
    assert mockkit.NonCallableMock.__dict__.get("__reduce_ex__") is own_reduce
    assert (own_reduce is not None) == (sys.version_info < (3, 11))


def test_a_method_written_by_somebody_else_meanwhile_stays() -> None:
    def own_copy(self: Any) -> str:
        return "theirs"

    try:
        with picklable_mocks():
            mockkit.NonCallableMock.__copy__ = own_copy  # type: ignore[attr-defined]
        assert mockkit.NonCallableMock.__dict__["__copy__"] is own_copy
        assert copy.copy(mockkit.Mock()) == "theirs"
        assert "__deepcopy__" not in mockkit.NonCallableMock.__dict__
    finally:
        del mockkit.NonCallableMock.__copy__  # type: ignore[attr-defined]


def test_mocks_rebuilt_in_a_scope_pickle_while_it_is_started() -> None:
    sent = picklable(mockkit.Mock(name="sent"))
    sent.child(1)
    with picklable_mocks():
        inside = _round_trip(sent)
        assert is_picklable(inside) and is_picklable(inside.child)
    # Like every mock the scope made picklable, and unlike a copy made outside of one,
    # which is picklable on its own (so that a worker can send it back).
    assert not is_picklable(inside) and _refused(inside)
    outside = _round_trip(sent)
    assert is_picklable(outside) and is_picklable(outside.child)
    _round_trip(outside.child).assert_called_once_with(1)


def _spec_function(a: int, b: int = 0) -> None: ...


def test_signature_binding_survives() -> None:
    mock = picklable(mockkit.Mock(spec=_spec_function))
    mock(1, 2)
    _round_trip(mock).assert_called_once_with(a=1, b=2)


def test_unpicklable_side_effect_is_left_out() -> None:
    mock = picklable(mockkit.Mock(side_effect=lambda: 1, return_value=2))
    assert _round_trip(mock)() == 2


def test_multiprocessing_spawn_round_trip() -> None:
    client = picklable(mockkit.MagicMock(spec=Client))
    client.get("/users")
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        back = pool.submit(use_client, client).result()
    back.post.assert_called_once_with("/users", {"name": "ada"})
    back.get.assert_called_once_with("/users")
    assert back.mock_calls == [
        mockkit.call.get("/users"),
        mockkit.call.post("/users", {"name": "ada"}),
    ]
    # The parent's own mock is untouched: the worker had a copy.
    client.post.assert_not_called()
