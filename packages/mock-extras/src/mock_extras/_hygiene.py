"""Patch hygiene: warn about patches that cannot do what they were meant to.

Two checks, told of every patch through :func:`mock_core.plugins.add_patch_listener`:

* **bound elsewhere**, when a patch starts: the patch replaces a module attribute whose
  original was defined in that module (a function or class patched where it lives) and
  other loaded modules bound the same object under a name of their own (``from a import
  f``). Code that calls ``f`` through those names still gets the original; the warning
  lists them (``b.f``), so the patch can be moved there (``patch("b.f")``). Patching where
  an object is used rather than where it was defined is the recommended way and is not
  reported.
* **never used**, when a patch stops: the patch made its replacement mock itself (no
  ``new=``), and by the time it stopped that mock recorded no call or await (its own, its
  children's or its return value's: all are in its ``mock_calls``), and no attribute of it
  or of its return value was read. Configuring it (``return_value=``, ``side_effect=``,
  reading ``return_value``) does not count as use.

Both are :class:`PatchHygieneWarning`. Only the names bound at module level in
``sys.modules`` are searched, which costs a walk over those modules per patch of a
module-level object defined in the patched module; that is why this is opt-in.
"""

from __future__ import annotations

import sys
import threading
import warnings
from itertools import repeat
from operator import is_
from types import ModuleType
from typing import Any

from mock_core import DEFAULT
from mock_core.plugins import (
    PatchEvent,
    add_patch_listener,
    extract_mock,
    is_async_object,
    is_mock,
    remove_patch_listener,
)

from ._scope import Scope

__all__ = ["PatchHygieneWarning", "bound_elsewhere", "mock_was_used", "patch_hygiene"]

# Modules whose files a warning's location skips (3.12+), to land on the code that patched.
_OWN = ("mock_extras", "mock_patch", "mock_core", "mockkit", "contextlib")


class PatchHygieneWarning(UserWarning):
    """A patch that cannot affect the code under test, or whose mock was never used."""


def bound_elsewhere(module: ModuleType, attribute: str, original: Any) -> list[str]:
    """``module.name`` of every other module-level binding of ``original`` in a loaded module.

    Empty unless ``original`` was defined in ``module`` (its ``__module__``), the case where
    ``from module import attribute`` elsewhere keeps a name that a patch does not reach.
    """
    if original is DEFAULT or is_mock(original):
        return []
    try:
        home = getattr(original, "__module__", None)
    except Exception:
        return []
    if not isinstance(home, str) or home != getattr(module, "__name__", None):
        return []
    found = []
    for name, other in list(sys.modules.items()):
        namespace = getattr(other, "__dict__", None)
        if not isinstance(namespace, dict):
            continue
        # Most modules hold no binding of it: that is asked in C, by identity (never ==,
        # which would run user code), before any names are walked.
        if not any(map(is_, namespace.values(), repeat(original))):
            continue
        for key, value in list(namespace.items()):
            if value is original and not (other is module and key == attribute):
                found.append(f"{name}.{key}")
    return sorted(found)


def mock_was_used(mock: Any) -> bool:
    """Whether ``mock``, or anything it made, recorded a call or had an attribute read."""
    mock = extract_mock(mock)
    if not is_mock(mock):
        return True
    if mock.called or mock.mock_calls:
        return True
    # Only mocks that record awaits have await_count; on others reading it makes a child.
    if is_async_object(mock) and mock.await_count:
        return True
    # A child made by reading an attribute counts as a use; children record their calls in
    # mock_calls above, so only their existence is left to check. The return value counts
    # once something of its own was read: reading return_value alone is configuring (and
    # autospec makes it up front).
    return _has_children(mock) or (
        is_mock(mock._mock_return_value) and _has_children(mock._mock_return_value)
    )


def _has_children(mock: Any) -> bool:
    return any(is_mock(child) for child in mock._mock_children.values())


def _warn(message: str) -> None:
    """Warn at the code that started or stopped the patch, past the patching machinery."""
    prefixes = []
    for name in _OWN:
        where = getattr(sys.modules.get(name), "__file__", None)
        if isinstance(where, str):
            # A package's directory, or a module's file.
            prefixes.append(where.rsplit("__init__.py", 1)[0])
    if sys.version_info >= (3, 12):
        warnings.warn(message, PatchHygieneWarning, skip_file_prefixes=tuple(prefixes))
        return
    # 3.10 and 3.11 have no skip_file_prefixes: the same frames are counted here. Only where
    # the warning is reported depends on them, never what it says or which patch it is about.
    frame = sys._getframe(1)
    level = 2
    while frame.f_back is not None and frame.f_code.co_filename.startswith(tuple(prefixes)):
        frame = frame.f_back
        level += 1
    warnings.warn(message, PatchHygieneWarning, stacklevel=level)


def _describe(event: PatchEvent) -> str:
    target = event.target
    where = getattr(target, "__name__", None) if isinstance(target, (ModuleType, type)) else None
    return f"{where or repr(target)}.{event.attribute}"


class _Listener:
    def __init__(self, bound: bool, unused: bool) -> None:
        self.bound, self.unused = bound, unused

    def __call__(self, event: PatchEvent) -> None:
        if event.kind == "start":
            if self.bound and isinstance(event.target, ModuleType):
                others = bound_elsewhere(event.target, event.attribute, event.original)
                if others:
                    _warn(
                        f"patch of {_describe(event)} does not reach "
                        f"{', '.join(others)}, which still hold the original: code that "
                        f"uses those names is not patched (patch them instead)"
                    )
        elif self.unused and event.created and not mock_was_used(event.new):
            _warn(
                f"patch of {_describe(event)} stopped, and the mock it made was never used "
                f"(not called, no attribute read)"
            )


class _State:
    """The started hygiene scopes' listeners, the newest last; it says what is checked.

    One function is registered with mock-core while any scope is started, and it hands each
    event to the newest listener: a scope started inside another one has its own options
    until it stops, and then the other's apply again, whatever order they stop in.
    """

    __slots__ = ("listeners", "lock")

    def __init__(self) -> None:
        self.listeners: list[_Listener] = []
        self.lock = threading.Lock()


_state = _State()


def _dispatch(event: PatchEvent) -> None:
    try:
        listener = _state.listeners[-1]
    except IndexError:  # the last scope stopped since mock-core looked its listeners up
        return
    listener(event)


def patch_hygiene(*, bound_elsewhere: bool = True, unused: bool = True) -> Scope:
    """Warn with :class:`PatchHygieneWarning` about patches that start or stop meanwhile.

    ``bound_elsewhere`` and ``unused`` choose the checks (see the module's documentation).
    The result is a :class:`~mock_extras.Scope`: ``with patch_hygiene():`` for a block, a
    decorator for a test, or ``.start()`` and ``.stop()``. While one scope is started inside
    another, the inner one's options apply.

    .. versionadded:: 0.2.0
    """
    listener = _Listener(bound_elsewhere, unused)

    def on() -> None:
        with _state.lock:
            if not _state.listeners:
                add_patch_listener(_dispatch)
            _state.listeners.append(listener)

    def off() -> None:
        with _state.lock:
            listeners = _state.listeners
            # This scope's latest start (a scope may be started more than once).
            for index in range(len(listeners) - 1, -1, -1):
                if listeners[index] is listener:
                    del listeners[index]
                    break
            if not listeners:
                remove_patch_listener(_dispatch)

    return Scope(on, off)
