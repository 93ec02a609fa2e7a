"""mock-core: the mock object model, call recording and the plugin points of mockkit.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from . import _registry
from ._await import (
    AsyncMockMixin,
)
from ._call import (
    _ANY as _ANY,
    ANY,
    _Call as _Call,
    _CallList as _CallList,
    _format_call_signature as _format_call_signature,
    call,
)
from ._callable import (
    CallableMixin,
    Mock,
)
from ._errors import (
    InvalidSpecError,
    MissingPluginError,
    _check_spec_arg_typos as _check_spec_arg_typos,
)
from ._noncallable import (
    NonCallableMock,
    _check_and_set_parent as _check_and_set_parent,
    _extract_mock as _extract_mock,
    _is_instance_mock as _is_instance_mock,
)
from ._property import (
    PropertyMock,
)
from ._seal import (
    seal,
)
from ._sentinel import (
    DEFAULT,
    _deleted as _deleted,
    _missing as _missing,
    _Sentinel as _Sentinel,
    _SentinelObject as _SentinelObject,
    sentinel,
)
from ._util import (
    _callable as _callable,
    _is_async_func as _is_async_func,
    _is_async_obj as _is_async_obj,
    _is_exception as _is_exception,
    _is_list as _is_list,
    _MockIter as _MockIter,
)


def _load_plugins(registry: _registry._Registry) -> None:
    # Discovery validates and reports, so it sits above the registry, which only calls it;
    # and it is imported the first time it runs, not with mock_core.
    from ._discovery import load_plugins

    load_plugins(registry)


_registry.registry.load_plugins = _load_plugins

__version__ = "0.1.0"

FILTER_DIR = True
"""When true, ``dir()`` of a mock hides its internals. Set it on this module."""

__all__ = [
    "ANY",
    "DEFAULT",
    "FILTER_DIR",
    "AsyncMockMixin",
    "CallableMixin",
    "InvalidSpecError",
    "MissingPluginError",
    "Mock",
    "NonCallableMock",
    "PropertyMock",
    "call",
    "plugins",
    "seal",
    "sentinel",
]


def __getattr__(name: str) -> object:
    # The plugin API imports typing; load it only for those who use it.
    if name == "plugins":
        import importlib

        return importlib.import_module(".plugins", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
