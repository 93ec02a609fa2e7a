"""Picklable mocks: opt in, round trips through pickle and through worker processes."""

from __future__ import annotations

import asyncio
import copy
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest
from pickling_worker import use_client

import mockkit
from mock_extras import (
    disable_picklable_mocks,
    enable_picklable_mocks,
    is_picklable,
    picklable,
    picklable_mocks,
)


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


def test_per_test_and_per_run() -> None:
    with picklable_mocks():
        made_inside = mockkit.MagicMock()
        made_inside.x(1)
        _round_trip(made_inside).x.assert_called_once_with(1)
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        pickle.dumps(made_inside)
    enable_picklable_mocks()
    enable_picklable_mocks()
    disable_picklable_mocks()
    assert is_picklable(mockkit.Mock())
    disable_picklable_mocks()
    assert not is_picklable(mockkit.Mock())
    # Copies are as before once switched off.
    mock = mockkit.Mock()
    mock(1)
    assert copy.copy(mock).call_args_list is mock.call_args_list


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
