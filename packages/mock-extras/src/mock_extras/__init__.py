"""mock-extras: opt-in features for mockkit's mocks, built on mock-core's public plugin points.

Nothing here changes a mock until you switch a feature on: for some mocks, for a block or a
test (every switch is a :class:`Scope`: a context manager, a decorator, or ``start()`` and
``stop()``), or for a whole run (``MOCK_EXTRAS=feature,...`` in the environment, or pytest's
``--mock-extras=feature,...``).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._diff import argument_diff
    from ._diffs import failure_diffs
    from ._files import FakeFiles, fake_files
    from ._hygiene import PatchHygieneWarning, bound_elsewhere, mock_was_used, patch_hygiene
    from ._pickling import is_picklable, picklable, picklable_mocks
    from ._scope import Scope
    from ._snapshots import snapshot_arguments

__version__ = "0.1.0"

__all__ = [
    "FakeFiles",
    "PatchHygieneWarning",
    "Scope",
    "argument_diff",
    "bound_elsewhere",
    "fake_files",
    "failure_diffs",
    "is_picklable",
    "mock_was_used",
    "patch_hygiene",
    "picklable",
    "picklable_mocks",
    "snapshot_arguments",
]

# Each name is imported on first use: the pytest plugin and the entry point import this
# package, and a run that switches nothing on must not pay for the features' modules.
_HOMES = {
    "FakeFiles": "._files",
    "fake_files": "._files",
    "Scope": "._scope",
    "argument_diff": "._diff",
    "failure_diffs": "._diffs",
    "snapshot_arguments": "._snapshots",
    "PatchHygieneWarning": "._hygiene",
    "bound_elsewhere": "._hygiene",
    "mock_was_used": "._hygiene",
    "patch_hygiene": "._hygiene",
    "is_picklable": "._pickling",
    "picklable": "._pickling",
    "picklable_mocks": "._pickling",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
