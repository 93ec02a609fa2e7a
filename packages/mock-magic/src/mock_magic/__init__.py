"""mock-magic: magic-method tables, ``MagicMock``, ``AsyncMock``, ``ThreadingMock``, ``mock_open``.

Importing it registers the tables and child-class rules into mock-core; an
installed but unimported mock-magic is found through mock-core's entry points.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from mock_core.plugins import is_async_function

from ._asyncmock import (
    AsyncMagicMixin,
    AsyncMock,
    _AsyncIterator as _AsyncIterator,
    _is_async_obj as _is_async_obj,
    is_async_object,
)
from ._magicmock import (
    MagicMixin,
    MagicMock,
    NonCallableMagicMock,
)
from ._open import (
    _to_stream as _to_stream,
    mock_open,
)
from ._plugin import (
    register as _register,
)
from ._proxy import (
    MagicProxy,
)
from ._tables import (
    _all_magics as _all_magics,
    _all_sync_magics as _all_sync_magics,
    _async_magics as _async_magics,
    _async_method_magics as _async_method_magics,
    _calculate_return_value as _calculate_return_value,
    _is_magic as _is_magic,
    _magics as _magics,
    _non_defaults as _non_defaults,
    _return_values as _return_values,
    _side_effect_methods as _side_effect_methods,
    _sync_async_magics as _sync_async_magics,
    _unsupported_magics as _unsupported_magics,
)
from ._threading import (
    ThreadingMixin,
    ThreadingMock,
    _timeout_unset as _timeout_unset,
)

__version__ = "0.1.0"

# The standard library's private name for mock-core's predicate, kept where it was.
_is_async_func = is_async_function

__all__ = [
    "AsyncMagicMixin",
    "AsyncMock",
    "MagicMixin",
    "MagicMock",
    "MagicProxy",
    "NonCallableMagicMock",
    "ThreadingMixin",
    "ThreadingMock",
    "is_async_object",
    "mock_open",
]


_register()
