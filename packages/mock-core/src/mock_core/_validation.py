"""Checks run when something registers with a plugin point.

A malformed registration (a number where a function belongs, an observer that takes one
argument, a magic table naming ``len`` instead of ``__len__``) would otherwise fail far away,
on some later mock operation, with an error that names neither the plugin nor the mistake.
Registration is rare and never on a hot path; the checks read code objects rather than
:mod:`inspect`, which mock-core does not import.
"""

from __future__ import annotations

from ._errors import PluginValidationError
from ._registry import MagicTable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "check_callback",
    "check_cls",
    "check_entry_point_target",
    "check_magic_table",
    "describe",
]

_VARARGS = 0x04  # CO_VARARGS: the code object takes *args


def describe(obj: object) -> str:
    """A short name for ``obj`` in a message: ``module.qualname`` where it has one."""
    # Only dunder names are read: a mock passed by mistake must not grow children here.
    qualname = getattr(obj, "__qualname__", None)
    module = getattr(obj, "__module__", None)
    if isinstance(qualname, str):
        return f"{module}.{qualname}" if isinstance(module, str) else qualname
    text = repr(obj)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(obj).__name__})"


def _arguments(count: float) -> str:
    return f"{count:g} positional argument" + ("" if count == 1 else "s")


def _call_problem(func: Any, count: int) -> str | None:
    """Why ``func`` cannot be called with ``count`` positional arguments, if it visibly can't.

    Plain functions, bound methods and instances of classes whose ``__call__`` is written
    in Python can be read; builtins, classes and partials are let through unchecked.
    """
    if isinstance(func, type):
        return None
    inner = getattr(func, "__func__", None)
    if inner is not None and getattr(func, "__self__", None) is not None:
        target, bound = inner, 1  # a bound method: its first parameter is taken
    elif hasattr(func, "__code__"):
        target, bound = func, 0
    else:
        # A callable instance: its class's __call__, which takes the instance first.
        calls = (
            klass.__dict__["__call__"]
            for klass in type(func).__mro__
            if "__call__" in klass.__dict__
        )
        target, bound = next(calls, None), 1
    code = getattr(target, "__code__", None)
    if code is None:
        return None
    if code.co_kwonlyargcount > len(getattr(target, "__kwdefaults__", None) or {}):
        return "it has a keyword-only parameter without a default"
    most = float("inf") if code.co_flags & _VARARGS else code.co_argcount - bound
    least = code.co_argcount - len(getattr(target, "__defaults__", None) or ()) - bound
    if count < least:
        return f"it needs at least {_arguments(least)}"
    if count > most:
        return f"it takes only {_arguments(most)}"
    return None


def check_callback(api: str, role: str, call: str, obj: object, count: int | None) -> None:
    """Refuse ``obj`` as the ``role`` of ``api`` unless it can be called as ``call``.

    ``count`` is how many positional arguments mock-core passes (None: it varies).
    """
    if not callable(obj):
        raise PluginValidationError(
            obj, f"{api}(): the {role} must be callable as {call}; got {describe(obj)}"
        )
    if count is None:
        return
    problem = _call_problem(obj, count)
    if problem is not None:
        raise PluginValidationError(
            obj,
            f"{api}(): {describe(obj)} cannot be a {role}: mock-core calls it as {call} "
            f"({_arguments(count)}), but {problem}",
        )


def check_cls(api: str, cls: object) -> None:
    """Refuse a ``cls=`` that is neither a class nor None."""
    if cls is not None and not isinstance(cls, type):
        raise PluginValidationError(
            cls, f"{api}(): cls must be a mock class (or None for every mock); got {describe(cls)}"
        )


def check_magic_table(table: object) -> None:
    """Refuse anything but a :class:`MagicTable` whose names are dunder names."""
    api = "register_magic_table"
    if not isinstance(table, MagicTable):
        raise PluginValidationError(
            table, f"{api}(): expected a mock_core.plugins.MagicTable; got {describe(table)}"
        )
    for field in ("supported", "unsupported"):
        names = getattr(table, field)
        wrong = sorted(
            repr(name)
            for name in names
            if not (isinstance(name, str) and len(name) > 4 and name[:2] == name[-2:] == "__")
        )
        if wrong:
            shown = ", ".join(wrong[:5]) + (", ..." if len(wrong) > 5 else "")
            raise PluginValidationError(
                table,
                f"{api}(): MagicTable.{field} must hold dunder names such as '__len__'; "
                f"these are not: {shown}",
            )
    both = sorted(table.supported & table.unsupported)
    if both:
        raise PluginValidationError(
            table,
            f"{api}(): a name cannot be both supported and unsupported: {', '.join(both)}",
        )
    role, call = "make_method of a MagicTable", "make_method(name, func)"
    check_callback(api, role, call, table.make_method, 2)


def check_entry_point_target(name: str, value: str, target: object) -> None:
    """Refuse an entry point that does not name a function taking no arguments."""
    problem = _call_problem(target, 0) if callable(target) else f"it is {describe(target)}"
    if problem is None:
        return
    raise PluginValidationError(
        target,
        f"entry point {name} = {value} must name a function that takes no arguments and "
        f"registers the plugin, but {problem}",
    )
