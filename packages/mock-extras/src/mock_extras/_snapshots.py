"""Argument snapshots: what a call recorded stays what was passed, whatever happens after.

A call recorder (mock-core's ``plugins.add_call_recorder``) runs before a call is recorded and
hands mock-core deep copies of the arguments that could change (:mod:`mock_extras._freeze`).
mock-core records those everywhere the call leaves a trace: ``call_args``, the lists, every
ancestor's ``mock_calls`` and ``method_calls``, the observers and an async mock's await
records. The side effect and the wrapped function still get the caller's own objects.

Whether a call is opted in is decided from the called mock: snapshots are on everywhere, or
the mock or one of the mocks it records its calls on (its ``_mock_new_parent`` chain, the
standard library's name for that link) was named to :func:`snapshot_arguments`. The recorder
is registered only while somebody is opted in, so mocks pay nothing otherwise.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from ._freeze import freeze, needs_copy
from ._scope import Scope

__all__ = ["snapshot_arguments"]

# Parent chains are short; a longer one is a cycle (a mock made its own ancestor by hand).
_MAX_DEPTH = 10_000


class _State:
    """Who is opted in; the recorder is registered only while somebody is."""

    __slots__ = ("everywhere", "lock", "registered", "roots")

    def __init__(self) -> None:
        self.everywhere = 0
        # id(root) -> [weak reference, number of starts]: mocks may define __eq__ and
        # __hash__, so they are not used as keys themselves.
        self.roots: dict[int, list[Any]] = {}
        self.registered = False
        self.lock = threading.Lock()

    def sync(self) -> None:
        from mock_core import plugins

        wanted = bool(self.everywhere or self.roots)
        if wanted and not self.registered:
            plugins.add_call_recorder(_record)
        elif self.registered and not wanted:
            plugins.remove_call_recorder(_record)
        self.registered = wanted


_state = _State()


def snapshot_arguments(*mocks: Any) -> Scope:
    """Record each call's arguments as they were at call time.

    With mocks given, their calls and the calls of everything below them (children, return
    values) are snapshotted; with none, the calls of every mock. The result is a
    :class:`~mock_extras.Scope`: use it as ``with snapshot_arguments(m):``, as a decorator,
    or call ``.start()`` (and ``.stop()``) for as long as you need.

    .. versionadded:: 0.2.0
    """
    targets = tuple(mocks)

    def on() -> None:
        with _state.lock:
            if not targets:
                _state.everywhere += 1
            for mock in targets:
                entry = _state.roots.get(id(mock))
                if entry is None or entry[0]() is not mock:
                    _state.roots[id(mock)] = [weakref.ref(mock, _forget(id(mock))), 1]
                else:
                    entry[1] += 1
            _state.sync()

    def off() -> None:
        with _state.lock:
            if not targets:
                _state.everywhere -= 1
            for mock in targets:
                entry = _state.roots.get(id(mock))
                if entry is not None and entry[0]() is mock:
                    entry[1] -= 1
                    if not entry[1]:
                        del _state.roots[id(mock)]
            _state.sync()

    return Scope(on, off)


def _forget(key: int) -> Any:
    def forget(ref: Any) -> None:
        with _state.lock:
            entry = _state.roots.get(key)
            if entry is not None and entry[0] is ref:
                del _state.roots[key]
                _state.sync()

    return forget


def _record(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    for value in args:
        if needs_copy(value):
            break
    else:
        for value in kwargs.values():
            if needs_copy(value):
                break
        else:
            return None  # nothing that could change: recorded as it is
    if not (_state.everywhere or _below_a_root(mock)):
        return None
    return (
        tuple(freeze(value) for value in args),
        {key: freeze(value) for key, value in kwargs.items()},
    )


def _below_a_root(mock: Any) -> bool:
    """Whether ``mock`` or a mock it records its calls on was named to snapshot_arguments."""
    roots = _state.roots
    node = mock
    for _ in range(_MAX_DEPTH):
        if node is None:
            return False
        entry = roots.get(id(node))
        if entry is not None and entry[0]() is node:
            return True
        node = node._mock_new_parent
    return False
