"""The features by name: switched on for a whole run, or all switched off at once."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ._scope import Scope

__all__ = ["FEATURES", "parse", "scope_for", "stop_all"]

#: Names accepted by ``MOCK_EXTRAS`` and ``--mock-extras``.
FEATURES = ("snapshots", "diffs", "hygiene", "pickling")


def parse(text: str) -> list[str]:
    """Feature names from ``"a,b"`` or ``"a b"``; unknown names raise ``ValueError``."""
    names = [name for name in text.replace(",", " ").split() if name]
    unknown = sorted(set(names) - set(FEATURES))
    if unknown:
        raise ValueError(
            f"unknown mock-extras feature(s): {', '.join(unknown)}; "
            f"choose from: {', '.join(FEATURES)}"
        )
    return list(dict.fromkeys(names))


def scope_for(name: str) -> Scope:
    """A scope switching feature ``name`` on for every mock (imported only when asked)."""
    makers: dict[str, Callable[[], Scope]] = {
        "snapshots": _snapshots,
        "diffs": _diffs,
        "hygiene": _hygiene,
        "pickling": _pickling,
    }
    return makers[name]()


def _snapshots() -> Scope:
    from ._snapshots import snapshot_arguments

    return snapshot_arguments()


def _diffs() -> Scope:
    from ._diffs import failure_diffs

    return failure_diffs()


def _hygiene() -> Scope:
    from ._hygiene import patch_hygiene

    return patch_hygiene()


def _pickling() -> Scope:
    from ._pickling import picklable_mocks

    return picklable_mocks()


def stop_all() -> list[str]:
    """Switch every feature off, however often and by whichever scopes it was started.

    Returns the names of the features that were on. For test suites' teardown, as
    ``patch.stopall`` is for patches: a feature left on changes what later tests see. Only
    the feature modules that were imported are asked (the others were never on).
    """
    from mock_core import plugins

    on = []
    package = __name__.rpartition(".")[0]
    snapshots = sys.modules.get(f"{package}._snapshots")
    if snapshots is not None:
        with snapshots._state.lock:
            if snapshots._state.registered:
                on.append("snapshots")
            snapshots._state.everywhere = 0
            snapshots._state.roots.clear()
            snapshots._state.sync()
    diffs = sys.modules.get(f"{package}._diffs")
    if diffs is not None:
        with diffs._state.lock:
            if diffs._state.users:
                on.append("diffs")
            diffs._state.users = 0
            plugins.remove_failure_renderer(diffs.render)
    hygiene = sys.modules.get(f"{package}._hygiene")
    if hygiene is not None:
        with hygiene._state.lock:
            if hygiene._state.listeners:
                on.append("hygiene")
            hygiene._state.listeners.clear()
            plugins.remove_patch_listener(hygiene._dispatch)
    pickling = sys.modules.get(f"{package}._pickling")
    if pickling is not None:
        if pickling._enabled:
            on.append("pickling")
        while pickling._enabled:
            pickling._off()
    return on
