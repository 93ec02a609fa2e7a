"""Telling mockkit's own stack frames from the user's, for warnings and failure reports.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any, Optional

__all__ = ["INTERNAL", "hide_internal_frames", "is_internal", "user_stacklevel"]

# mockkit's packages (and its plugin's): frames a user never needs to see in a mock
# assertion's traceback.
INTERNAL = ("mock_core", "mock_magic", "mock_spec", "mock_patch", "mockkit", "_mockkit_pytest")


def is_internal(module: str) -> bool:
    """Whether the module named ``module`` belongs to mockkit's packages."""
    return any(module == name or module.startswith(name + ".") for name in INTERNAL)


def user_stacklevel() -> int:
    """The ``stacklevel`` that makes a warning issued by the caller point at the first frame
    outside mockkit."""
    frame: Optional[FrameType] = sys._getframe(2)  # the caller of whoever calls this
    level = 2
    while frame is not None:
        if not is_internal(frame.f_globals.get("__name__", "")):
            return level
        frame = frame.f_back
        level += 1
    return 2


def hide_internal_frames(excinfo: Any) -> None:
    """End a pytest ``ExceptionInfo``'s traceback at the last frame outside mockkit.

    Only for failures that mockkit raised on purpose: the assertion methods and the helpers
    they call are not where the test went wrong. The raw traceback itself is cut (its
    ``tb_next`` is writable), because pytest rebuilds its view of the traceback from the raw
    entries; frames of mockkit between frames of the user are kept.
    """
    raw = excinfo.tb
    last_outside = None
    entry = raw
    while entry is not None:
        if not is_internal(entry.tb_frame.f_globals.get("__name__", "")):
            last_outside = entry
        entry = entry.tb_next
    if last_outside is not None and last_outside.tb_next is not None:
        last_outside.tb_next = None
        excinfo.traceback = type(excinfo.traceback)(raw)
