"""mock-spec: signatures and ``create_autospec`` for mockkit mocks.

Importing it registers the signature provider into mock-core, so that mocks
specced on callables bind recorded calls to the spec's signature; an installed
but unimported mock-spec is found through mock-core's entry points.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from mock_core._util import _is_list

from ._autospec import _must_skip, create_autospec
from ._funcs import (
    _callable,
    _check_signature,
    _copy_func_details,
    _instance_callable,
    _set_signature,
    _setup_async_mock,
    _setup_func,
)
from ._plugin import register as _register
from ._signature import get_signature_object as _get_signature_object
from ._specstate import _SpecState

__version__ = "0.1.0"

__all__ = ["create_autospec"]

# Private names that code written against unittest.mock imports from it.
_private = (
    _SpecState, _callable, _check_signature, _copy_func_details, _get_signature_object,
    _instance_callable, _is_list, _must_skip, _set_signature, _setup_async_mock, _setup_func,
)  # fmt: skip
del _private

_register()
