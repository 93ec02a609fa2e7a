"""An example mock-core plugin: a call counter and a failure renderer that adds hints.

mock-core loads it through the ``mock_core.plugins`` entry point declared in this
distribution's ``pyproject.toml``, which names :func:`register`.
"""

from __future__ import annotations

import threading
from typing import Any

from mock_core import plugins

__all__ = ["HINT_PREFIX", "calls_seen", "register", "reset_count", "unregister"]

HINT_PREFIX = "Hint (mockkit-example-plugin): "

_lock = threading.Lock()  # mocks may be called from several threads at once
_count = 0


def _count_call(mock: Any, call: object) -> None:
    global _count
    with _lock:
        _count += 1


def calls_seen() -> int:
    """How many mock calls were recorded since the plugin was loaded (or last reset)."""
    return _count


def reset_count() -> None:
    """Start counting from zero again."""
    global _count
    with _lock:
        _count = 0


def _hint(context: plugins.FailureContext) -> str | None:
    mock = context.mock
    if context.kind in ("called_with", "called_once_with") and context.expected is not None:
        # Only the last call is compared; say so when an earlier one would have matched.
        if context.expected in mock.call_args_list[:-1]:
            return (
                f"{context.message}\n{HINT_PREFIX}an earlier call matched; "
                "assert_any_call() checks every call, not only the last one."
            )
    if context.kind in ("called", "called_once", "called_once_with") and mock.call_count == 0:
        return (
            f"{context.message}\n{HINT_PREFIX}the mock was never called; "
            "check that the code under test was given this mock (patch where it is looked up)."
        )
    return None  # keep the message as it is


def register() -> None:
    """Add the call counter and the failure hints to mock-core (idempotent)."""
    plugins.add_call_observer(_count_call)
    plugins.add_failure_renderer(_hint)


def unregister() -> None:
    """Remove what :func:`register` added."""
    plugins.remove_call_observer(_count_call)
    plugins.remove_failure_renderer(_hint)
