"""The argument-by-argument comparison of an expected call with the call that was made."""

from __future__ import annotations

from typing import Any

__all__ = ["argument_diff"]

TITLE = "Differences by argument (expected, then actual):"
ABSENT = "<not passed>"
# Reprs longer than this are pretty-printed over several lines and compared line by line.
_WIDE = 60

_absent: Any = object()


def argument_diff(expected: Any, actual: Any, signature: Any = None) -> str:
    """Describe how the call ``actual`` differs from ``expected``, argument by argument.

    Both are recorded calls (``call(...)`` objects or ``(args, kwargs)`` pairs). When
    ``signature`` (an :class:`inspect.Signature`) accepts both calls, they are compared as
    bound to it, so ``f(1, b=2)`` and ``f(1, 2)`` agree and arguments are named after the
    parameters. Returns ``""`` when no argument differs.

    .. versionadded:: 0.2.0
    """
    left_args, left_kwargs = _parts(expected)
    right_args, right_kwargs = _parts(actual)
    names: list[str] = []
    if signature is not None:
        try:
            left = signature.bind(*left_args, **left_kwargs)
            right = signature.bind(*right_args, **right_kwargs)
        except TypeError:
            pass  # one of them does not fit: compare them as they were written
        else:
            left_args, left_kwargs = tuple(left.args), dict(left.kwargs)
            right_args, right_kwargs = tuple(right.args), dict(right.kwargs)
            names = [
                name
                for name, parameter in signature.parameters.items()
                if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
            ]
    blocks: list[str] = []
    for index in range(max(len(left_args), len(right_args))):
        want = left_args[index] if index < len(left_args) else _absent
        got = right_args[index] if index < len(right_args) else _absent
        if not _same(want, got):
            label = f"argument {index + 1}"
            if index < len(names):
                label += f" ({names[index]})"
            blocks.append(_block(label, want, got))
    for key in sorted(left_kwargs.keys() | right_kwargs.keys()):
        want = left_kwargs.get(key, _absent)
        got = right_kwargs.get(key, _absent)
        if not _same(want, got):
            blocks.append(_block(f"keyword {key}=", want, got))
    if not blocks:
        return ""
    return "\n".join([TITLE, *blocks])


def _parts(recorded: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
    # A call object is (args, kwargs) or (name, args, kwargs).
    if len(recorded) == 3:
        return tuple(recorded[1]), dict(recorded[2])
    return tuple(recorded[0]), dict(recorded[1])


def _same(want: Any, got: Any) -> bool:
    if want is _absent or got is _absent:
        return want is got
    try:
        # The expected value first, as the assertion compares: ANY and matchers answer.
        return bool(want == got)
    except Exception:
        return False


def _show(value: Any) -> str:
    if value is _absent:
        return ABSENT
    try:
        return repr(value)
    except Exception:
        return object.__repr__(value)


def _block(label: str, want: Any, got: Any) -> str:
    shown_want, shown_got = _show(want), _show(got)
    lines = [f"  {label}:"]
    if max(len(shown_want), len(shown_got)) <= _WIDE or want is _absent or got is _absent:
        lines.append(f"    expected: {shown_want}")
        lines.append(f"    actual:   {shown_got}")
        return "\n".join(lines)
    # Long values: line by line, so the one changed item of a big structure stands out.
    import difflib
    import pprint

    def pretty(value: Any) -> list[str]:
        try:
            return pprint.pformat(value, width=_WIDE).splitlines()
        except Exception:
            return [_show(value)]

    for line in difflib.ndiff(pretty(want), pretty(got)):
        if line.startswith("?"):
            continue  # ndiff's intraline hints are noise in a terminal without colour
        marker = {"-": "expected", "+": "actual  "}.get(line[0], "        ")
        lines.append(f"    {marker} {line[2:]}")
    return "\n".join(lines)
