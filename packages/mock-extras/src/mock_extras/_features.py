"""The features that can be switched on for a whole run, by name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ._scope import Scope

__all__ = ["FEATURES", "parse", "scope_for"]

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
