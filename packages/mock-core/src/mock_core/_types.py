"""The callable types of the plugin points, defined once.

:mod:`mock_core.plugins` re-exports them. This module imports :mod:`typing`, which mock-core
otherwise never loads, so it is only imported by type checkers and by the first run-time
lookup of one of the names on the plugin module.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Hashable, Mapping, Optional, Tuple, TypeAlias

from ._call import _Call
from ._registry import FailureContext, PatchEvent

__all__ = [
    "CallObserver",
    "CallRecorder",
    "ChildClassRule",
    "ClassDefaults",
    "FailureRenderer",
    "PatchListener",
    "ResetHook",
    "SignatureProvider",
]

# Optional rather than "X | None": these are run-time objects too, and typing.get_args()
# should describe them the same way on every supported Python.

ChildClassRule: TypeAlias = Callable[[Any, Mapping[str, Any]], Optional[type]]
"""``rule(parent, kwargs) -> class or None``: the first rule that answers wins."""

CallObserver: TypeAlias = Callable[[Any, _Call], None]
"""``observer(mock, call)``: told about a recorded call (see :func:`add_call_observer`)."""

CallRecorder: TypeAlias = Callable[
    [Any, Tuple[Any, ...], Dict[str, Any]], Optional[Tuple[Tuple[Any, ...], Dict[str, Any]]]
]
"""``recorder(mock, args, kwargs) -> (args, kwargs) or None``: what a call records (see
:func:`add_call_recorder`)."""

SignatureProvider: TypeAlias = Callable[[Any, bool, bool], Any]
"""``provider(spec, as_instance, eat_self) -> inspect.Signature-like or None``."""

FailureRenderer: TypeAlias = Callable[[FailureContext], Optional[str]]
"""``renderer(context) -> new message or None`` (None keeps the message)."""

ClassDefaults: TypeAlias = Callable[[type], Tuple[Hashable, Optional[Dict[str, Any]]]]
"""``defaults(cls) -> (key, attributes)``: what the class of every new mock holds."""

ResetHook: TypeAlias = Callable[[Any], None]
"""``hook(mock)``: told about each mock that ``reset_mock`` resets."""

PatchListener: TypeAlias = Callable[[PatchEvent], None]
"""``listener(event)``: told when a patch starts or stops (see :func:`add_patch_listener`).

.. versionadded:: 0.2.0
"""
