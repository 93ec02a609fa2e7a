"""Helpers for mock-core's tests: running one function against mock_core and the stdlib.

``agree(fn)`` calls ``fn(module)`` once with ``unittest.mock`` and once with ``mock_core``
and compares what was observed: the result's repr or the exception's type, message and
cause type, with ids, addresses and module paths masked. The comparison is made only
where the interpreter's ``unittest.mock`` is the behaviour mockkit follows (3.13 and
later); on older interpreters their stdlib predates the reference, so only mock_core runs
and the test's own expectations decide.
"""

from __future__ import annotations

import re
import sys
import unittest.mock as std_mock
from types import ModuleType
from typing import Any, Callable, Tuple

import mock_core

# The interpreter's unittest.mock is the reference only where it has the newest behaviour.
STD_IS_REFERENCE = sys.version_info >= (3, 13)


def _std_guard_message() -> str:
    try:
        std_mock.Mock().assret_probe
    except AttributeError as exc:
        return str(exc)
    raise AssertionError("the standard library's typo guard did not fire")


def _std_guards(name: str) -> bool:
    try:
        getattr(std_mock.Mock(), name)
    except AttributeError:
        return True
    return False


def _std_rederives_call_count() -> bool:
    m = std_mock.Mock()
    m.call_count = 5
    m()
    return m.call_count == 1


# Two knowing differences (DEVIATIONS.md), observed on this interpreter's stdlib rather than
# guessed from its version, since patch releases changed them:
# - mockkit words the typo guard's message as 3.15 does, without a final period; 3.10-3.14
#   end it with one.
STD_GUARD_HAS_PERIOD = _std_guard_message().endswith(".")
# - the guard refuses an assertion's name without its ``assert_`` prefix (``called_once_with``)
#   on every Python, as 3.12 and later do; the 3.10 and 3.11 stdlibs make a child mock.
STD_GUARDS_BARE_ASSERTION_NAMES = _std_guards("called_once_with")
# - the stdlib releases with gh-142651 (3.13.18, 3.14.10, 3.15.2 here) set call_count to
#   len(call_args_list) on every call, so an assigned count is lost at the next call; mockkit
#   counts on from the assigned value (DESIGN section 3: assigning to it still works).
STD_REDERIVES_CALL_COUNT = _std_rederives_call_count()


def guard_message(name: str) -> str:
    """mockkit's typo-guard message for ``name`` (the 3.15 wording, on every Python)."""
    return (
        f"{name!r} is not a valid assertion. Use a spec for the mock if {name!r} is meant "
        "to be an attribute"
    )


Outcome = Tuple[Any, ...]

_IDS = re.compile(r"id='\d+'")
_ADDRESSES = re.compile(r"0x[0-9a-fA-F]+")
_BARE_IDS = re.compile(r"\b\d{12,}\b")  # id() values printed as dict keys
_MODULES = re.compile(r"unittest\.mock\.|mock_core(?:\.[A-Za-z_]+)*\.")


def mask(text: str) -> str:
    """``text`` with object ids, addresses and the two modules' paths made uniform."""
    text = _ADDRESSES.sub("0xADDR", _IDS.sub("id='ID'", text))
    return _MODULES.sub("MOD.", _BARE_IDS.sub("ID", text))


def outcome(fn: Callable[[Any], Any], module: ModuleType) -> Outcome:
    """What running ``fn(module)`` looks like from outside."""
    try:
        result = fn(module)
    except BaseException as exc:
        cause = type(exc.__cause__).__name__ if exc.__cause__ is not None else None
        return ("raise", type(exc).__name__, mask(str(exc)), cause)
    try:
        return ("ok", mask(repr(result)))
    except Exception as exc:  # some stdlib reprs fail: compare the failure
        return ("repr-raise", type(exc).__name__)


def both(fn: Callable[[Any], Any]) -> tuple[Outcome, Outcome]:
    """(stdlib outcome, mock_core outcome)."""
    return outcome(fn, std_mock), outcome(fn, mock_core)


def agree(fn: Callable[[Any], Any]) -> Outcome:
    """mock_core's outcome, after checking it equals the stdlib's where that is the reference."""
    mine = outcome(fn, mock_core)
    if STD_IS_REFERENCE:
        theirs = outcome(fn, std_mock)
        assert mine == theirs, f"\nmock_core:  {mine}\nunittest.mock: {theirs}"
    return mine


def raises(kind: str, message: str, cause: str | None = None) -> Outcome:
    """The outcome of raising ``kind(message)``."""
    return ("raise", kind, message, cause)


def ok(value: Any) -> Outcome:
    """The outcome of returning something whose masked repr is ``repr(value)``."""
    return ("ok", mask(value if isinstance(value, str) else repr(value)))


_async_classes: dict[str, type] = {}


def async_class(module: Any) -> type:
    """A callable mock class with await recording, for either module.

    The stdlib has ``AsyncMock``; mock_core alone has only the mixin, which ``AsyncMock``
    (in mock-magic) builds on.
    """
    if module is std_mock:
        return std_mock.AsyncMock
    found = _async_classes.get("core")
    if found is None:
        # Named like the stdlib's class so that reprs compare equal.
        found = type("AsyncMock", (mock_core.AsyncMockMixin, mock_core.Mock), {})
        _async_classes["core"] = found
    return found
