"""The patch-event point (add_patch_listener, PatchEvent) and mock_reducer, in core alone."""

from __future__ import annotations

import copy
import pickle
import warnings
from typing import Any, Iterator

import pytest

from mock_core import DEFAULT, Mock, NonCallableMock, call, plugins


@pytest.fixture
def listened() -> Iterator[list[Any]]:
    events: list[Any] = []
    plugins.add_patch_listener(events.append)
    yield events
    plugins.remove_patch_listener(events.append)


def _event(kind: str = "start") -> plugins.PatchEvent:
    return plugins.PatchEvent(kind, object(), "name", DEFAULT, Mock(), True, None)


def test_listener_is_told_and_removed(listened: list[Any]) -> None:
    event = _event()
    plugins.notify_patch_listeners(event)
    assert listened == [event]
    plugins.remove_patch_listener(listened.append)
    plugins.notify_patch_listeners(event)
    assert listened == [event]


def test_registration_is_idempotent_and_live() -> None:
    told: list[Any] = []

    def listener(event: Any) -> None:
        told.append(event)

    live = plugins.patch_listeners()
    assert not live
    plugins.add_patch_listener(listener)
    plugins.add_patch_listener(listener)
    try:
        assert list(live) == [listener]
        plugins.notify_patch_listeners(_event())
        assert len(told) == 1
    finally:
        plugins.remove_patch_listener(listener)
    assert not live
    plugins.remove_patch_listener(listener)  # removing twice does nothing


@pytest.mark.parametrize(
    ("listener", "problem"),
    [
        (42, "must be callable"),
        (lambda: None, "needs at least 0"),
        (lambda event, extra: None, "needs at least 2"),
    ],
)
def test_malformed_listener_is_refused(listener: Any, problem: str) -> None:
    with pytest.raises(plugins.PluginValidationError) as info:
        plugins.add_patch_listener(listener)
    assert "add_patch_listener()" in str(info.value)
    assert info.value.plugin is listener
    assert not plugins.patch_listeners()


def test_malformed_listener_message_names_the_call() -> None:
    with pytest.raises(plugins.PluginValidationError, match=r"listener\(event\)"):
        plugins.add_patch_listener(lambda: None)


def test_raising_listener_is_reported_and_the_others_still_told(
    listened: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(plugins.STRICT_ENV_VAR, raising=False)

    def broken(event: Any) -> None:
        raise KeyError("boom")

    plugins.add_patch_listener(broken)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            plugins.notify_patch_listeners(_event())
    finally:
        plugins.remove_patch_listener(broken)
    assert len(listened) == 1
    [warning] = caught
    assert warning.category is plugins.PluginWarning
    assert "patch listener" in str(warning.message) and "KeyError" in str(warning.message)


def test_raising_listener_is_an_error_when_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(plugins.STRICT_ENV_VAR, "1")

    def broken(event: Any) -> None:
        raise ValueError("no")

    plugins.add_patch_listener(broken)
    try:
        with pytest.raises(plugins.PluginError, match="ValueError: no"):
            plugins.notify_patch_listeners(_event())
    finally:
        plugins.remove_patch_listener(broken)


def test_event_is_read_only() -> None:
    event = _event("stop")
    assert (event.kind, event.attribute, event.original, event.created) == (
        "stop",
        "name",
        DEFAULT,
        True,
    )
    with pytest.raises(AttributeError, match="read-only"):
        event.kind = "start"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="read-only"):
        del event.new
    assert "kind='stop'" in repr(event)


def test_listener_shows_in_the_plugin_report(listened: list[Any]) -> None:
    report = {info.name: info.points for info in plugins.list_plugins()}
    # Registered from this test module, which pytest imported as a top-level module.
    assert any("patch events" in points for points in report.values())


def test_typed_alias_is_public() -> None:
    from mock_core import _types

    assert plugins.PatchListener is _types.PatchListener


# ----------------------------------------------------------------------------- mock_reducer


def _reduce(self: Any, protocol: Any) -> Any:
    return plugins.mock_reducer(self, parent=False)


def test_mocks_do_not_pickle_unless_asked() -> None:
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        pickle.dumps(Mock())


def test_reducer_round_trip_keeps_configuration_and_calls() -> None:
    mock = Mock(name="fetch", spec=len, return_value=7, side_effect=[1, 2])
    type(mock).__reduce_ex__ = _reduce
    assert mock("ab") == 1
    again = pickle.loads(pickle.dumps(mock))
    assert type(again) is not type(mock)
    assert type(again).__mro__[1] is Mock
    assert "name='fetch'" in repr(again)
    again.assert_called_once_with("ab")
    assert again.call_args_list == [call("ab")]
    assert again.mock_calls == [call("ab")]
    assert again("cd") == 2
    assert again.call_count == 2
    again.side_effect = None
    assert again() == 7


def test_reducer_keeps_spec_and_drops_what_cannot_pickle() -> None:
    mock = NonCallableMock(spec_set=["a", "b"], wraps=lambda: None)
    type(mock).__reduce_ex__ = _reduce
    again = pickle.loads(pickle.dumps(mock))
    with pytest.raises(AttributeError):
        again.c = 1
    assert isinstance(again.a, Mock)


def test_reducer_keeps_the_spec_class_by_reference() -> None:
    mock = Mock(spec=Exception)
    type(mock).__reduce_ex__ = _reduce
    again = pickle.loads(pickle.dumps(mock))
    assert isinstance(again, Exception)
    with pytest.raises(AttributeError):
        again.not_an_attribute


def test_reducer_leaves_copies_alone() -> None:
    # copy.copy of a mock without a reducer of its own is as before.
    mock = Mock(name="m")
    mock(1)
    twin = copy.copy(mock)
    assert twin.call_args_list is mock.call_args_list
