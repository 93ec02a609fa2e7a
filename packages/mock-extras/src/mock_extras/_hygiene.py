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
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
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

__all__ = [
    "PatchHygieneWarning",
    "bound_elsewhere",
    "disable_patch_hygiene",
    "enable_patch_hygiene",
    "mock_was_used",
    "patch_hygiene",
]

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


_active: _Listener | None = None


def enable_patch_hygiene(*, bound_elsewhere: bool = True, unused: bool = True) -> None:
    """Warn about patches from now on (per run); see the module's documentation."""
    global _active
    disable_patch_hygiene()
    _active = _Listener(bound_elsewhere, unused)
    add_patch_listener(_active)


def disable_patch_hygiene() -> None:
    """Stop warning about patches."""
    global _active
    if _active is not None:
        remove_patch_listener(_active)
        _active = None


@contextmanager
def patch_hygiene(*, bound_elsewhere: bool = True, unused: bool = True) -> Iterator[None]:
    """Warn about the patches of the ``with`` block (per test); restores what was before."""
    global _active
    before = _active
    if before is not None:
        remove_patch_listener(before)
    _active = _Listener(bound_elsewhere, unused)
    add_patch_listener(_active)
    try:
        yield
    finally:
        remove_patch_listener(_active)
        _active = before
        if before is not None:
            add_patch_listener(before)
