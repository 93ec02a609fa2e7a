"""mock-spec: signatures and ``create_autospec`` for mockkit mocks.

Importing it registers the signature provider into mock-core, so that mocks
specced on callables bind recorded calls to the spec's signature; an installed
but unimported mock-spec is found through mock-core's entry points.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._autospec import (
    _must_skip as _must_skip,
    create_autospec,
)
from ._funcs import (
    _callable as _callable,
    _check_signature as _check_signature,
    _copy_func_details as _copy_func_details,
    _instance_callable as _instance_callable,
    _set_signature as _set_signature,
    _setup_async_mock as _setup_async_mock,
    _setup_func as _setup_func,
)
from ._plugin import (
    register as _register,
)
from ._signature import get_signature_object
from ._specstate import (
    _SpecState as _SpecState,
)

__version__ = "0.1.0"

# The standard library's private name for the same helper.
_get_signature_object = get_signature_object

__all__ = ["create_autospec"]

# Private names that code written against unittest.mock imports from it.

_register()
