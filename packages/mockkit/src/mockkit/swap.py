"""The switch that makes ``unittest.mock`` (and the ``mock`` backport) resolve to mockkit.

Install it before the code under test imports ``unittest.mock``::

    import mockkit.swap
    mockkit.swap.install()
    from unittest import mock       # mockkit
    import mock                     # mockkit too (the backport's names)
    mockkit.swap.uninstall()        # sys.modules and `unittest.mock` exactly as before

Modules that already did ``from unittest.mock import X`` keep their ``X``: install early
(``python -m mockkit``, or the pytest option) to cover a whole run.
"""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["install", "installed", "is_installed", "uninstall"]

# sys.modules keys that resolve to mockkit while the switch is on.
MODULE_NAMES = ("unittest.mock", "mock", "mock.mock")

_ABSENT = object()  # marks "there was nothing here" in the saved state
_lock = threading.Lock()


class _Saved:
    """What install() replaced, so uninstall() can put back exactly that."""

    __slots__ = ("backport_attr", "modules", "unittest_attr")

    def __init__(self, modules: dict[str, object], unittest_attr: object, backport_attr: object):
        self.modules = modules
        self.unittest_attr = unittest_attr
        self.backport_attr = backport_attr


_saved: _Saved | None = None


def _mockkit() -> types.ModuleType:
    import mockkit

    return mockkit


def install() -> types.ModuleType:
    """Make ``unittest.mock``, ``mock`` and ``mock.mock`` resolve to mockkit; return mockkit.

    Calling it again while installed does nothing.
    """
    global _saved
    import unittest

    kit = _mockkit()
    with _lock:
        if _saved is None:
            _saved = _Saved(
                {name: sys.modules.get(name, _ABSENT) for name in MODULE_NAMES},
                unittest.__dict__.get("mock", _ABSENT),
                kit.__dict__.get("mock", _ABSENT),
            )
            for name in MODULE_NAMES:
                sys.modules[name] = kit
            # `from unittest import mock` and `import unittest.mock as m` read the attribute.
            unittest.mock = kit  # type: ignore[attr-defined,unused-ignore]
            # The backport is a package whose submodule `mock.mock` holds the API.
            kit.mock = kit  # type: ignore[attr-defined]
    return kit


def uninstall() -> None:
    """Restore the ``sys.modules`` entries and attributes install() replaced.

    Calling it when not installed does nothing.
    """
    global _saved
    import unittest

    with _lock:
        saved, _saved = _saved, None
        if saved is None:
            return
        for name, previous in saved.modules.items():
            if previous is _ABSENT:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = previous  # type: ignore[assignment]
        _restore_attr(unittest, "mock", saved.unittest_attr)
        _restore_attr(_mockkit(), "mock", saved.backport_attr)


def _restore_attr(module: types.ModuleType, name: str, previous: object) -> None:
    if previous is _ABSENT:
        module.__dict__.pop(name, None)
    else:
        setattr(module, name, previous)


def is_installed() -> bool:
    """Whether the switch is on."""
    return _saved is not None


@contextmanager
def installed() -> Iterator[types.ModuleType]:
    """Context manager: the switch is on inside; off again after, unless it was on before."""
    already = is_installed()
    kit = install()
    try:
        yield kit
    finally:
        if not already:
            uninstall()
