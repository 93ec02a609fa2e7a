"""Bookkeeping of the patchers started with ``start()``, for ``patch.stopall()``.

Only ``start()`` registers a patcher: patches applied by ``with`` or by a decorator are
undone by their own scope, and ``stopall`` must not touch them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, List

__all__ = ["_active_patches", "_patch_stopall"]

# One list for every kind of patcher, in start order. The standard library exposes it as
# ``_patch._active_patches`` and some tools read it there, so the patcher classes alias it.
_active_patches: List[Any] = []


def _patch_stopall() -> None:
    """Stop all active patches. LIFO to unroll nested patches.

    .. versionadded:: 0.1.0
    """
    # Iterate over a snapshot: each stop() removes its patcher from the list, and a patcher
    # subclass whose stop() does not must not make this loop forever.
    for patcher in reversed(_active_patches[:]):
        patcher.stop()
