"""mock-patch tells mock-core's patch listeners when a patch starts and stops."""

from __future__ import annotations

import types
import warnings
from typing import Any, Callable, Iterator

import pytest

from mock_core import DEFAULT, plugins
from mock_magic import MagicMock
from mock_patch import patch


def _target() -> str:
    return "original"


@pytest.fixture
def events() -> Iterator[list[Any]]:
    told: list[Any] = []
    plugins.add_patch_listener(told.append)
    yield told
    plugins.remove_patch_listener(told.append)


def _seen(event: Any) -> tuple[Any, ...]:
    return (event.kind, event.target, event.attribute, event.original, event.new, event.created)


def test_patch_start_and_stop_are_told(
    events: list[Any], make_module: Callable[..., types.ModuleType]
) -> None:
    module = make_module(f=_target)
    patcher = patch(f"{module.__name__}.f")
    mock = patcher.start()
    assert [_seen(e) for e in events] == [("start", module, "f", _target, mock, True)]
    assert events[0].patcher is patcher
    # Told once the patch is in place.
    assert isinstance(mock, MagicMock)
    patcher.stop()
    assert [_seen(e) for e in events][1] == ("stop", module, "f", _target, mock, True)
    assert module.f is _target


def test_a_given_replacement_is_not_created(
    events: list[Any], make_module: Callable[..., types.ModuleType]
) -> None:
    module = make_module(f=_target)
    with patch.object(module, "f", "replacement"):
        pass
    assert [(e.kind, e.new, e.created) for e in events] == [
        ("start", "replacement", False),
        ("stop", "replacement", False),
    ]


def test_create_true_reports_no_original(
    events: list[Any], make_module: Callable[..., types.ModuleType]
) -> None:
    module = make_module()
    with patch.object(module, "missing", create=True):
        assert events[-1].original is DEFAULT
    assert events[-1].kind == "stop"
    assert not hasattr(module, "missing")


def test_patch_multiple_tells_each_attribute(
    events: list[Any], make_module: Callable[..., types.ModuleType]
) -> None:
    module = make_module(a=1, b=2)
    with patch.multiple(module, a=DEFAULT, b=5):
        pass
    assert sorted((e.kind, e.attribute, e.created) for e in events) == [
        ("start", "a", True),
        ("start", "b", False),
        ("stop", "a", True),
        ("stop", "b", False),
    ]


def test_decorated_function_is_told(
    events: list[Any], make_module: Callable[..., types.ModuleType]
) -> None:
    module = make_module(f=_target)

    @patch.object(module, "f")
    def run(mock: Any) -> None:
        assert [e.kind for e in events] == ["start"]

    run()
    assert [e.kind for e in events] == ["start", "stop"]


def test_listener_added_while_started_sees_the_stop(
    make_module: Callable[..., types.ModuleType],
) -> None:
    module = make_module(f=_target)
    told: list[Any] = []
    patcher = patch.object(module, "f")
    mock = patcher.start()
    plugins.add_patch_listener(told.append)
    try:
        patcher.stop()
    finally:
        plugins.remove_patch_listener(told.append)
    assert [(e.kind, e.new) for e in told] == [("stop", mock)]


def test_no_events_without_listeners(make_module: Callable[..., types.ModuleType]) -> None:
    module = make_module(f=_target)
    told: list[Any] = []
    plugins.add_patch_listener(told.append)
    plugins.remove_patch_listener(told.append)
    with patch.object(module, "f"):
        pass
    assert told == []


def test_raising_listener_leaves_the_patch_whole(
    monkeypatch: pytest.MonkeyPatch, make_module: Callable[..., types.ModuleType]
) -> None:
    monkeypatch.delenv(plugins.STRICT_ENV_VAR, raising=False)
    module = make_module(f=_target)

    def broken(event: Any) -> None:
        raise RuntimeError(event.kind)

    plugins.add_patch_listener(broken)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with patch.object(module, "f") as mock:
                assert module.f is mock
            assert module.f is _target
    finally:
        plugins.remove_patch_listener(broken)
    assert [w.category for w in caught] == [plugins.PluginWarning] * 2
    assert "RuntimeError: start" in str(caught[0].message)


def test_strict_listener_failure_undoes_the_start(
    monkeypatch: pytest.MonkeyPatch, make_module: Callable[..., types.ModuleType]
) -> None:
    monkeypatch.setenv(plugins.STRICT_ENV_VAR, "1")
    module = make_module(f=_target)
    stops: list[Any] = []

    def broken(event: Any) -> None:
        if event.kind == "start":
            raise RuntimeError("refused")
        stops.append(event)

    plugins.add_patch_listener(broken)
    patcher = patch.object(module, "f")
    try:
        with pytest.raises(plugins.PluginError, match="refused"):
            patcher.start()
    finally:
        plugins.remove_patch_listener(broken)
    # Nothing half-applied: the original is back, the patcher is not started.
    assert module.f is _target
    assert not patcher.is_started
    assert [e.kind for e in stops] == ["stop"]
