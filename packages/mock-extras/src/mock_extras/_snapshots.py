"""Argument snapshots: what a call recorded stays what was passed, whatever happens after.

A call observer (mock-core's plugin point 5) runs right after a call is recorded and before
the mock's side effect or wrapped function sees the arguments. It deep-copies the arguments
that could change (:mod:`mock_extras._freeze`) and puts the copies where the call was
recorded, through the mocks' public recording attributes only:

each record of the call (``call_args``, the ``call_args_list``, ``mock_calls`` and
``method_calls`` entries up the tree) is replaced by an equal record holding the copies. The
records are found by the keyword-argument dict they share, which every call makes afresh. The
side effect and the wrapped function still get the caller's own objects.

The called mock's own records are always replaced; its ancestors' are when the call belongs
to a tree opted in by its root, because only from a root can the ancestors be reached (by the
path the root recorded). With snapshots on for every mock, nothing public leads from a mock
to its parent, so the ancestors' records keep the live arguments: see PLUGIN_POINTS_NEEDED.md
(a call-recording hook would remove that gap).

Standard-library names used here (documented or relied on by unittest.mock users, not
mock-core internals): ``_mock_children`` (documented by mock-core's plugin page as where a
mock keeps its children) and the ``two=True`` keyword of the call record's constructor (how a
``(args, kwargs)`` pair such as ``call_args`` is built).
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from mock_core.plugins import Deferred

from ._freeze import freeze, needs_copy
from ._scope import Scope

__all__ = ["snapshot_arguments"]

# How far from the end of a list of records the call's own record is searched for: it was
# appended just before the observer ran, so it is the last one unless other threads called
# mocks of the same tree in between.
_SEARCH = 64


class _State:
    """Who is opted in; the observer is registered only while somebody is."""

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
            plugins.add_call_observer(_observe)
        elif self.registered and not wanted:
            plugins.remove_call_observer(_observe)
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


def _observe(mock: Any, pair: Any) -> None:
    args, kwargs = pair
    changing = False
    for value in args:
        if needs_copy(value):
            changing = True
            break
    else:
        for value in kwargs.values():
            if needs_copy(value):
                changing = True
                break
    if not changing:
        return
    paths = []
    if _state.roots:
        for root in _live_roots():
            found = _path_from(root, kwargs)
            if found is not None:
                paths.append(found)
    if not (paths or _state.everywhere):
        return
    frozen = (
        tuple(freeze(value) for value in args),
        {key: freeze(value) for key, value in kwargs.items()},
    )
    # The called mock's own records.
    if mock.call_args is not None and mock.call_args[1] is kwargs:
        mock.call_args = _like(mock.call_args, frozen)
    _replace(mock.call_args_list, kwargs, frozen)
    _replace(mock.mock_calls, kwargs, frozen)
    # Its ancestors', from each opted-in root down to the called mock.
    for root, steps in paths:
        node = root
        for step in steps:
            if node is mock:
                break
            _replace(node.mock_calls, kwargs, frozen)
            _replace(node.method_calls, kwargs, frozen)
            node = _child(node, step)
            if node is None:
                break


def _live_roots() -> list[Any]:
    roots = []
    for ref, _count in list(_state.roots.values()):
        root = ref()
        if root is not None:
            roots.append(root)
    return roots


def _path_from(root: Any, kwargs: dict[str, Any]) -> tuple[Any, list[str]] | None:
    """The steps from ``root`` to the mock whose call recorded ``kwargs``, if below ``root``."""
    calls = root.mock_calls
    for index in range(len(calls) - 1, max(-1, len(calls) - 1 - _SEARCH), -1):
        record = calls[index]
        if record[2] is kwargs:
            return root, [*_steps(record[0]), ""]
    return None


def _steps(name: str) -> list[str]:
    # "a.b().c" -> ["a", "b", "()", "c"]; "()" alone is a return value.
    steps: list[str] = []
    for part in name.split(".") if name else ():
        calls = 0
        while part.endswith("()"):
            part = part[:-2]
            calls += 1
        if part:
            steps.append(part)
        steps.extend(["()"] * calls)
    return steps


def _child(node: Any, step: str) -> Any:
    if step == "()":
        return node.return_value
    # Read from the children's dict, not getattr: a lookup must never create a child.
    child = node._mock_children.get(step)
    if child is None or isinstance(child, Deferred):
        return None
    return child


def _replace(records: Any, kwargs: dict[str, Any], frozen: Any) -> None:
    for index in range(len(records) - 1, max(-1, len(records) - 1 - _SEARCH), -1):
        record = records[index]
        if record[-1] is kwargs:
            records[index] = _like(record, frozen)
            return


def _like(record: Any, frozen: tuple[tuple[Any, ...], dict[str, Any]]) -> Any:
    # The same kind of record (an (args, kwargs) pair or a named call) with the copies.
    if len(record) == 3:
        return type(record)((record[0], *frozen))
    return type(record)(frozen, two=True)
