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
    """Stop every patcher that ``start()`` left running, the most recent one first.

    .. versionadded:: 0.1.0
    """
    # Work from a copy: stop() takes a patcher off the shared list, and a subclass whose
    # stop() forgets to must still be stopped only once.
    pending = list(_active_patches)
    while pending:
        pending.pop().stop()
