"""Failure diffs outside pytest: a failure renderer (mock-core's plugin point 6) that adds
the argument-by-argument comparison to ``assert_called_with``-style failure messages.

The standard library's message stays the first lines, word for word, so tests that match on
its beginning keep passing; the comparison follows after a blank line. Under pytest,
mockkit's own plugin already adds a diff to failing tests: use this for ``unittest`` runs and
scripts.
"""

from __future__ import annotations

import threading
from typing import Any

from ._diff import argument_diff
from ._scope import Scope

__all__ = ["failure_diffs"]

# The failure kinds that compare one expected call with one actual call.
_KINDS = frozenset(("called_with", "called_once_with", "awaited_with", "awaited_once_with"))


class _State:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.users = 0
        self.lock = threading.Lock()


_state = _State()


def failure_diffs() -> Scope:
    """Add the differing arguments to ``assert_called_with``-style failure messages.

    The result is a :class:`~mock_extras.Scope`: ``with failure_diffs():``, a decorator, or
    ``.start()`` for the rest of the run.

    .. versionadded:: 0.2.0
    """
    return Scope(_on, _off)


def _on() -> None:
    from mock_core import plugins

    with _state.lock:
        _state.users += 1
        plugins.add_failure_renderer(render)


def _off() -> None:
    from mock_core import plugins

    with _state.lock:
        _state.users -= 1
        if not _state.users:
            plugins.remove_failure_renderer(render)


def render(context: Any) -> str | None:
    """The failure renderer: the message so far, a blank line, then the comparison."""
    if context.kind not in _KINDS or context.expected is None or context.actual is None:
        return None
    diff = argument_diff(context.expected, context.actual, context.signature)
    if not diff:
        return None
    return f"{context.message}\n\n{diff}"
