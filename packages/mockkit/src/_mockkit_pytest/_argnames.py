"""Teach pytest which parameters of a ``@patch``-decorated test mockkit fills in.

pytest decides which parameters of a test (or fixture) are fixtures by taking the function's
mandatory parameters and dropping the leading ones that ``@patch`` decorators pass
positionally: ``_pytest.compat.num_mock_patch_args`` counts the patchers in the wrapper's
``patchings`` list whose ``new`` is the ``DEFAULT`` of ``unittest.mock`` or of the ``mock``
backport, as found in :data:`sys.modules`. mockkit's ``DEFAULT`` is neither (it must not
import ``unittest.mock``), so without help ``@mockkit.patch("os.getcwd") def test(getcwd)``
fails with "fixture 'getcwd' not found".

:func:`install` wraps two functions of pytest 7, 8 and 9 (the same private API in all three):

* ``num_mock_patch_args``: also counts patchers whose ``new`` is mockkit's ``DEFAULT``;
* ``getfuncargnames`` (bound in ``_pytest.compat`` and, imported by name, in
  ``_pytest.fixtures``): also drops the parameters that a mockkit ``patch.multiple``
  decorator passes by keyword, which pytest never recognises, so that
  ``@patch.multiple("os", remove=DEFAULT) def test(remove, tmp_path)`` works too.

Both wrappers call pytest's own function first and only ever remove names that a mockkit
patcher really supplies; what :func:`inspect.signature` reports is untouched. They look
``mock_core`` up in :data:`sys.modules` instead of importing it: a function cannot carry a
mockkit patcher unless mock_core is loaded. Installing twice changes nothing, and nothing is
ever uninstalled: the wrappers are strict extensions that behave exactly like pytest's own
for every test without mockkit patchers, and pytest runs nested in one process (pytester)
would otherwise take them away from the run around them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import sys
from typing import Any, Callable

__all__ = ["install", "installed", "keyword_injected", "positional_injected"]

# Marks our wrappers (its value is the function wrapped) so install() can tell them apart.
_ORIGINAL = "__mockkit_wraps__"
# Modules that bind getfuncargnames as a global of their own.
_ARGNAME_MODULES = ("_pytest.compat", "_pytest.fixtures", "_pytest.python")


def _mockkit_default() -> Any:
    core = sys.modules.get("mock_core")
    return None if core is None else getattr(core, "DEFAULT", None)


def _recognised_by_pytest(default: Any) -> bool:
    # With the swap installed, sys.modules["unittest.mock"] is mockkit and pytest already
    # counts mockkit's DEFAULT: counting it again would drop a real fixture.
    for name in ("mock", "unittest.mock"):
        if getattr(sys.modules.get(name), "DEFAULT", None) is default:
            return True
    return False


def positional_injected(function: Any) -> int:
    """How many leading parameters of ``function`` mockkit ``@patch`` decorators fill in
    positionally and pytest does not already count."""
    patchings = getattr(function, "patchings", None)
    default = _mockkit_default()
    if not patchings or default is None or _recognised_by_pytest(default):
        return 0
    count = 0
    for patcher in patchings:
        if (
            not getattr(patcher, "attribute_name", None)
            and getattr(patcher, "new", None) is default
        ):
            count += 1
    return count


def keyword_injected(function: Any) -> frozenset[str]:
    """The parameter names that mockkit ``patch.multiple`` decorators on ``function`` pass."""
    patchings = getattr(function, "patchings", None)
    default = _mockkit_default()
    if not patchings or default is None:
        return frozenset()
    names = set()
    for patcher in patchings:
        if getattr(patcher, "attribute_name", None):
            # patch.multiple: one lead patcher carrying the others; each passes its mock
            # under its attribute name when its new is DEFAULT.
            for part in (patcher, *getattr(patcher, "additional_patchers", ())):
                if getattr(part, "new", None) is default and part.attribute_name:
                    names.add(part.attribute_name)
    return frozenset(names)


def _wrap_count(original: Callable[[Any], int]) -> Callable[[Any], int]:
    def num_mock_patch_args(function: Any) -> int:
        return original(function) + positional_injected(function)

    setattr(num_mock_patch_args, _ORIGINAL, original)
    num_mock_patch_args.__doc__ = original.__doc__
    return num_mock_patch_args


def _wrap_argnames(original: Callable[..., tuple[str, ...]]) -> Callable[..., tuple[str, ...]]:
    def getfuncargnames(function: Any, *args: Any, **kwargs: Any) -> tuple[str, ...]:
        names = original(function, *args, **kwargs)
        # pytest only subtracts mock arguments from functions that have __wrapped__.
        if names and hasattr(function, "__wrapped__"):
            injected = keyword_injected(function)
            if injected:
                names = tuple(name for name in names if name not in injected)
        return names

    setattr(getfuncargnames, _ORIGINAL, original)
    getfuncargnames.__doc__ = original.__doc__
    return getfuncargnames


def installed() -> bool:
    """Whether pytest's functions are wrapped (False when pytest is not imported)."""
    compat = sys.modules.get("_pytest.compat")
    return compat is not None and hasattr(getattr(compat, "num_mock_patch_args", None), _ORIGINAL)


def install() -> bool:
    """Wrap pytest's functions, once; return False if this pytest lacks them.

    A pytest whose private API no longer has these functions is left alone: the worst
    outcome is the error message the wrappers exist to avoid, never a broken run.
    """
    try:
        import _pytest.compat as compat
    except ImportError:
        return False
    count = getattr(compat, "num_mock_patch_args", None)
    argnames = getattr(compat, "getfuncargnames", None)
    if not callable(count) or not callable(argnames):
        return False
    if not hasattr(count, _ORIGINAL):
        setattr(compat, "num_mock_patch_args", _wrap_count(count))
    if not hasattr(argnames, _ORIGINAL):
        wrapper = _wrap_argnames(argnames)
        for name in _ARGNAME_MODULES:
            module = sys.modules.get(name)
            # Only where the very function is bound: a module with its own must keep it.
            if module is not None and getattr(module, "getfuncargnames", None) is argnames:
                setattr(module, "getfuncargnames", wrapper)
    return True
