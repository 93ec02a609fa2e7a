"""Helpers for mock-magic's tests: running one function against mockkit's layers and the stdlib.

``KIT`` is a module made of mock_core's and mock_magic's public and private names (mock_magic
wins where both have a name), so a test written against ``unittest.mock``'s names runs
unchanged against either. ``agree(fn)`` calls ``fn(module)`` with both and compares what was
observed: the result's repr or the exception's type, message and cause type, with ids,
addresses and module paths masked. The stdlib is the reference only from 3.13 on (older
interpreters predate the behaviour mockkit follows); there only KIT runs and the test's own
expectations decide.
"""

from __future__ import annotations

import asyncio
import re
import sys
import types
import unittest.mock as std_mock
from typing import Any, Callable, Coroutine, Tuple, TypeVar

import mock_core
import mock_magic

STD_IS_REFERENCE = sys.version_info >= (3, 13)

T = TypeVar("T")
Outcome = Tuple[Any, ...]


def _merged() -> types.ModuleType:
    kit = types.ModuleType("kit")
    for source in (mock_core, mock_magic):
        for name in dir(source):
            if not name.startswith("__"):
                setattr(kit, name, getattr(source, name))
    return kit


KIT = _merged()
STD = std_mock
MODULES = (STD, KIT)

_IDS = re.compile(r"id='\d+'")
_ADDRESSES = re.compile(r"0x[0-9a-fA-F]+")
_BARE_IDS = re.compile(r"\b\d{9,}\b")  # id() values inside __fspath__ results and the like
# Module paths only (lower-case parts), so a class name after them survives.
_MODULES = re.compile(r"unittest\.mock\.|mock_(?:core|magic)(?:\._?[a-z][a-z_]*)*\.")


def mask(text: str) -> str:
    """``text`` with object ids, addresses and the modules' paths made uniform."""
    text = _ADDRESSES.sub("0xADDR", _IDS.sub("id='ID'", text))
    return _MODULES.sub("MOD.", _BARE_IDS.sub("ID", text))


def describe(value: Any) -> str:
    """A masked repr that never raises (some mocks' reprs may be configured to)."""
    try:
        return mask(repr(value))
    except BaseException as exc:  # pragma: no cover - compared, not expected
        return f"<repr raised {type(exc).__name__}>"


def outcome(fn: Callable[[Any], Any], module: Any) -> Outcome:
    """What running ``fn(module)`` looks like from outside."""
    try:
        result = fn(module)
    except BaseException as exc:
        cause = type(exc.__cause__).__name__ if exc.__cause__ is not None else None
        return ("raise", type(exc).__name__, mask(str(exc)), cause)
    return ("ok", describe(result))


def agree(fn: Callable[[Any], Any]) -> Outcome:
    """KIT's outcome, after checking it equals the stdlib's where that is the reference."""
    mine = outcome(fn, KIT)
    if STD_IS_REFERENCE:
        theirs = outcome(fn, STD)
        assert mine == theirs, f"\nmockkit:       {mine}\nunittest.mock: {theirs}"
    return mine


def raises(kind: str, message: str, cause: str | None = None) -> Outcome:
    """The outcome of raising ``kind(message)``."""
    return ("raise", kind, message, cause)


def ok(value: Any) -> Outcome:
    """The outcome of returning ``value``; a string is taken as the masked repr itself."""
    return ("ok", value if isinstance(value, str) else mask(repr(value)))


def kind(mock: Any) -> type:
    """The user-facing class of a mock (its own class is a hidden subclass, as in the stdlib)."""
    return type(mock).__mro__[1]


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on a fresh event loop (asyncio.run without the policy warnings)."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()
