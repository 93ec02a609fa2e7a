"""Readable ``assert_called_with`` failures under pytest: a per-argument diff.

When an ``assert_called_with``-style assertion fails a test, the report keeps the standard
library's message as it is and appends the arguments that differ, one block per positional or
keyword argument, ``-`` for the expected value and ``+`` for the actual one::

    expected call not found.
    Expected: mock('', bar=4)
      Actual: mock('fo')

    Arguments that differ (- expected, + actual):
      positional argument 0:
        - ''
        + 'fo'
      keyword argument 'bar':
        - 4
        + (not passed)

Values whose pretty-printed form spans several lines are compared line by line
(:class:`difflib.Differ`). When the mock has a signature (autospec, ``spec=`` a function), both
calls are first bound to it, so that ``f(1, b=2)`` and ``f(1, 2)`` count as the same and the
arguments are named after the parameters.

How: a failure renderer (mock-core's plugin point 6) is registered while a pytest run with the
plugin is configured (:func:`activate`/:func:`deactivate` count nested runs). It leaves the
message alone and remembers the failure's context; when the ``AssertionError`` fails a test,
the plugin hands it to :func:`extend`, which builds the diff from that context and appends it
to the exception's message. So the message changes only once nothing can look at it but
pytest's report: a test that catches the error and compares its message (as the project's own
differential tests do, or ``pytest.raises(..., match=...)``) sees exactly the standard
library's text, under pytest or not.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any, Deque

if TYPE_CHECKING:
    from mock_core.plugins import FailureContext

__all__ = ["activate", "active", "argument_diff", "deactivate", "extend", "forget", "remember"]

# Failure kinds (see mock_core's fail()) that compare one expected call with one actual call.
_KINDS = frozenset(("called_with", "awaited_with"))
HEADER = "Arguments that differ (- expected, + actual):"
NOT_PASSED = "(not passed)"
# Values printed wider than this are pretty-printed over several lines and diffed.
_WIDTH = 72

_missing: Any = object()
_users = 0
# Contexts of the latest failures, newest last. Bounded: a test may catch many failures (and
# the mocks they hold must not live long); forget() empties it after each test.
_recent: Deque[FailureContext] = deque(maxlen=32)


def activate() -> None:
    """Register the renderer (again) for one more configured pytest run."""
    global _users
    from mock_core.plugins import add_failure_renderer

    _users += 1
    add_failure_renderer(remember)


def deactivate() -> None:
    """Undo one :func:`activate`; the renderer goes when the last run unconfigures."""
    global _users
    from mock_core.plugins import remove_failure_renderer

    _users = max(0, _users - 1)
    if not _users:
        remove_failure_renderer(remember)
        _recent.clear()


def active() -> bool:
    """Whether a configured pytest run has the renderer registered."""
    return _users > 0


def remember(context: FailureContext) -> None:
    """The failure renderer: keep what :func:`extend` needs, change nothing now."""
    _recent.append(context)


def forget() -> None:
    """Drop the remembered failures (and the mocks they hold)."""
    _recent.clear()


def extend(error: BaseException) -> bool:
    """Append the argument diff to ``error`` if it is a remembered assertion failure.

    The context is matched by the final message mock-core raised with (other renderers may
    have rewritten it), newest first. Returns whether ``error`` is such a failure, whether or
    not it had arguments to compare.
    """
    if not isinstance(error, AssertionError) or len(error.args) != 1 or not _recent:
        return False
    message = error.args[0]
    # A copy: a thread of the test may still be failing assertions (and appending).
    for context in reversed(list(_recent)):
        if context.message != message:
            continue
        try:
            _recent.remove(context)  # once: the message is about to change
        except ValueError:  # forgotten meanwhile
            pass
        expected, actual = context.expected, context.actual
        if context.kind in _KINDS and expected is not None and actual is not None:
            try:
                diff = argument_diff(context.mock, expected, actual)
            except Exception:  # an odd mock or value must not break pytest's report
                diff = ""
            if diff:
                error.args = (f"{message}\n\n{diff}",)
        return True
    return False


def _split(recorded: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
    # A two-part call is (args, kwargs); a named one is (name, args, kwargs).
    if len(recorded) == 3:
        return tuple(recorded[1]), dict(recorded[2])
    return tuple(recorded[0]), dict(recorded[1])


def _bound(mock: Any, expected: Any, actual: Any) -> tuple[Any, Any, list[str]] | None:
    """Both calls bound to the mock's signature, and its positional parameter names."""
    signature = getattr(mock, "_spec_signature", None)
    if signature is None:
        return None
    try:
        left = signature.bind(*expected[0], **expected[1])
        right = signature.bind(*actual[0], **actual[1])
    except TypeError:
        # One side does not fit the signature (the assertion says so): show them as given.
        return None
    names = [
        name
        for name, parameter in signature.parameters.items()
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    ]
    return (tuple(left.args), dict(left.kwargs)), (tuple(right.args), dict(right.kwargs)), names


def _same(expected: Any, actual: Any) -> bool:
    # The expected value on the left, so that matchers such as ANY decide, as in the assertion.
    try:
        return bool(expected == actual)
    except Exception:
        return False


def _text(value: Any) -> str:
    if value is _missing:
        return NOT_PASSED
    try:
        text = repr(value)
    except Exception:
        return object.__repr__(value)
    if len(text) <= _WIDTH or "\n" in text:
        return text
    import pprint

    try:
        return pprint.pformat(value, width=_WIDTH)
    except Exception:
        return text


def _value_diff(expected: Any, actual: Any) -> list[str]:
    left, right = _text(expected), _text(actual)
    if "\n" not in left and "\n" not in right:
        return [f"- {left}", f"+ {right}"]
    import difflib

    return [line.rstrip("\n") for line in difflib.ndiff(left.splitlines(), right.splitlines())]


def argument_diff(mock: Any, expected: Any, actual: Any) -> str:
    """The diff block for two calls (``call`` objects or ``(args, kwargs)`` pairs); ``""``
    when no single argument differs."""
    wanted, got = _split(expected), _split(actual)
    names: list[str] = []
    bound = _bound(mock, wanted, got)
    if bound is not None:
        wanted, got, names = bound
    blocks: list[tuple[str, Any, Any]] = []
    (wanted_args, wanted_kwargs), (got_args, got_kwargs) = wanted, got
    for index in range(max(len(wanted_args), len(got_args))):
        left = wanted_args[index] if index < len(wanted_args) else _missing
        right = got_args[index] if index < len(got_args) else _missing
        if left is _missing or right is _missing or not _same(left, right):
            label = f"positional argument {index}"
            if index < len(names):
                label = f"argument {names[index]!r} (position {index})"
            blocks.append((label, left, right))
    for key in [*wanted_kwargs, *(k for k in got_kwargs if k not in wanted_kwargs)]:
        left = wanted_kwargs.get(key, _missing)
        right = got_kwargs.get(key, _missing)
        if left is _missing or right is _missing or not _same(left, right):
            blocks.append((f"keyword argument {key!r}", left, right))
    if not blocks:
        return ""
    lines = [HEADER]
    for label, left, right in blocks:
        lines.append(f"  {label}:")
        lines.extend(f"    {line}" for line in _value_diff(left, right))
    return "\n".join(lines)
