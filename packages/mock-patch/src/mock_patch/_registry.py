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
    # The live list is walked from its end, one position down per stop, as the standard
    # library does (every version up to 3.15). stop() takes a patcher's first registration
    # off, so for a patcher registered twice (a patch.dict started again) what follows that
    # registration moves down one place and the next position holds the same patcher: it is
    # stopped twice in a row, before the patchers started between its two starts.
    # A subclass whose stop() leaves the list alone is still stopped only once; a stop()
    # that shortens the list by more than one ends the walk once the position is past the
    # list's end (those left are not stopped), again as in the standard library.
    position = len(_active_patches) - 1
    while 0 <= position < len(_active_patches):
        _active_patches[position].stop()
        position -= 1
