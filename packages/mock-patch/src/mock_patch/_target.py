"""Resolving dotted names (``'package.module:object.attribute'``) to objects.

The rules are those of :func:`pkgutil.resolve_name`, which the standard library's patchers
use: without a colon, the longest importable module prefix is imported and the rest is looked
up as attributes; with a colon, the part before it is the module. Resolution happens every
time a patch starts, so it is on the hot path: names whose modules are all in
:data:`sys.modules` are answered from there without entering the import system, and every
other name goes to :func:`pkgutil.resolve_name` itself, so the two can never disagree.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import sys
from functools import partial
from types import ModuleType

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Tuple

__all__ = ["_dot_lookup", "_get_target", "_importer", "_owner_getter"]

# name -> its module prefixes ('a', 'a.b', 'a.b.c'), or () when the name must take the slow
# path. Names are few (one per distinct patch target in a test suite), so this stays small.
_prefixes: Dict[str, Tuple[str, ...]] = {}

# full patch target -> (getter, attribute). Getters are immutable, so sharing one between
# patchers of the same target is safe and saves building a partial for every patch() call.
_targets: Dict[str, Tuple[Callable[[], Any], str]] = {}

# Both caches are emptied when they reach this size, so that code generating target names
# cannot make them grow without bound; a real test suite has far fewer distinct targets.
_CACHE_LIMIT = 4096


def _plan(name: str) -> Tuple[str, ...]:
    """Return the module prefixes of ``name``, or ``()`` if only pkgutil may resolve it."""
    plan: Tuple[str, ...] = ()
    # Only plain ASCII identifiers joined by dots are certain to be read the same way by
    # pkgutil's pattern; colons, unicode and anything malformed go the slow, exact way.
    if type(name) is str and name.isascii():
        parts = name.split(".")
        if all(part.isidentifier() for part in parts):
            plan = tuple(".".join(parts[: i + 1]) for i in range(len(parts)))
    if len(_prefixes) >= _CACHE_LIMIT:
        _prefixes.clear()
    _prefixes[name] = plan
    return plan


def _resolve_slow(name: str) -> Any:
    import pkgutil

    return pkgutil.resolve_name(name)


def _importer(target: str) -> Any:
    """Import and return the object named by the dotted (or colon) name ``target``.

    .. versionadded:: 0.1.0
    """
    plan = _prefixes.get(target)
    if plan is None:
        plan = _plan(target)
    if plan:
        modules = sys.modules
        obj = modules.get(plan[0])
        if obj is not None:
            index, count = 1, len(plan)
            while index < count:
                module = modules.get(plan[index])
                if module is None:
                    break
                obj = module
                index += 1
            else:
                return obj
            # The next prefix is not imported. A module without __path__ cannot have
            # submodules, so importing it would fail and pkgutil would fall back to
            # attribute lookups from here: do the same without the failed import.
            if isinstance(obj, ModuleType) and not hasattr(obj, "__path__"):
                for part in plan[-1].split(".")[index:]:
                    obj = getattr(obj, part)
                return obj
    return _resolve_slow(target)


def _dot_lookup(thing: Any, comp: str, import_path: str) -> Any:
    """Return ``thing.comp``, importing ``import_path`` first if it is not there yet.

    Kept for code written against older ``unittest.mock`` versions.

    .. versionadded:: 0.1.0
    """
    try:
        return getattr(thing, comp)
    except AttributeError:
        __import__(import_path)
        return getattr(thing, comp)


def _returning(obj: Any) -> Callable[[], Any]:
    """A getter for an owner given as the object itself (``patch.object``)."""

    def getter() -> Any:
        return obj

    return getter


def _owner_getter(target: Any) -> Callable[[], Any]:
    """A getter for ``target``: imported when called if it is a dotted name, else itself.

    Only exact ``str`` instances are names; a ``str`` subclass instance is an object.
    """
    if type(target) is str:
        return partial(_importer, target)
    return _returning(target)


def _get_target(target: Any) -> Tuple[Callable[[], Any], str]:
    """Split ``'module.name.attribute'`` into a getter for the owner and the attribute name.

    The getter resolves the owner when it is called, that is when the patch starts.

    .. versionadded:: 0.1.0
    """
    named = type(target) is str
    if named:
        known = _targets.get(target)
        if known is not None:
            return known
    try:
        owner, attribute = target.rsplit(".", 1)
    except (AttributeError, ValueError, TypeError):
        # Not a string, or no dot in it. Left implicitly chained: the context says which.
        raise _bad_target(target)  # noqa: B904
    found: Tuple[Callable[[], Any], str] = (partial(_importer, owner), attribute)
    if named:
        if len(_targets) >= _CACHE_LIMIT:
            _targets.clear()
        _targets[target] = found
    return found


def _bad_target(target: Any) -> TypeError:
    # The wording is the standard library's: code and tests match on it.
    return TypeError(f"Need a valid target to patch. You supplied: {target!r}")
