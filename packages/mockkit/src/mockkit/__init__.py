"""mockkit: a drop-in replacement for :mod:`unittest.mock`, assembled from the mockkit packages.

``import mockkit as mock`` offers the names of the newest standard library's
``unittest.mock.__all__`` plus the private names real code imports from it. To run an
unmodified suite on mockkit, see :mod:`mockkit.swap`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import mock_core
from mock_core import ANY as ANY
from mock_core import DEFAULT as DEFAULT
from mock_core import AsyncMockMixin as AsyncMockMixin
from mock_core import CallableMixin as CallableMixin
from mock_core import InvalidSpecError as InvalidSpecError
from mock_core import Mock as Mock
from mock_core import NonCallableMock as NonCallableMock
from mock_core import PropertyMock as PropertyMock
from mock_core import _Call as _Call
from mock_core import _CallList as _CallList
from mock_core import _check_spec_arg_typos as _check_spec_arg_typos
from mock_core import _deleted as _deleted
from mock_core import _extract_mock as _extract_mock
from mock_core import _format_call_signature as _format_call_signature
from mock_core import _is_exception as _is_exception
from mock_core import _is_instance_mock as _is_instance_mock
from mock_core import _missing as _missing
from mock_core import _Sentinel as _Sentinel
from mock_core import _SentinelObject as _SentinelObject
from mock_core import call as call
from mock_core import seal as seal
from mock_core import sentinel as sentinel
from mock_magic import AsyncMagicMixin as AsyncMagicMixin
from mock_magic import AsyncMock as AsyncMock
from mock_magic import MagicMixin as MagicMixin
from mock_magic import MagicMock as MagicMock
from mock_magic import MagicProxy as MagicProxy
from mock_magic import NonCallableMagicMock as NonCallableMagicMock
from mock_magic import ThreadingMock as ThreadingMock
from mock_magic import _all_magics as _all_magics
from mock_magic import _all_sync_magics as _all_sync_magics
from mock_magic import _async_magics as _async_magics
from mock_magic import _async_method_magics as _async_method_magics
from mock_magic import _AsyncIterator as _AsyncIterator
from mock_magic import _calculate_return_value as _calculate_return_value
from mock_magic import _is_async_func as _is_async_func
from mock_magic import _is_async_obj as _is_async_obj
from mock_magic import _is_magic as _is_magic
from mock_magic import _magics as _magics
from mock_magic import _MockIter as _MockIter
from mock_magic import _non_defaults as _non_defaults
from mock_magic import _return_values as _return_values
from mock_magic import _side_effect_methods as _side_effect_methods
from mock_magic import _sync_async_magics as _sync_async_magics
from mock_magic import _timeout_unset as _timeout_unset
from mock_magic import _to_stream as _to_stream
from mock_magic import _unsupported_magics as _unsupported_magics
from mock_magic import mock_open as mock_open
from mock_patch import _clear_dict as _clear_dict
from mock_patch import _dot_lookup as _dot_lookup
from mock_patch import _get_target as _get_target
from mock_patch import _importer as _importer
from mock_patch import _patch as _patch
from mock_patch import _patch_dict as _patch_dict
from mock_patch import _patch_multiple as _patch_multiple
from mock_patch import _patch_object as _patch_object
from mock_patch import _patch_stopall as _patch_stopall
from mock_patch import patch as patch
from mock_spec import _callable as _callable
from mock_spec import _check_signature as _check_signature
from mock_spec import _copy_func_details as _copy_func_details
from mock_spec import _get_signature_object as _get_signature_object
from mock_spec import _instance_callable as _instance_callable
from mock_spec import _is_list as _is_list
from mock_spec import _must_skip as _must_skip
from mock_spec import _set_signature as _set_signature
from mock_spec import _setup_async_mock as _setup_async_mock
from mock_spec import _setup_func as _setup_func
from mock_spec import _SpecState as _SpecState
from mock_spec import create_autospec as create_autospec
from mockkit._module import adopt as _adopt

if TYPE_CHECKING:
    # At run time FILTER_DIR is forwarded to mock_core (see the end of this module).
    from mock_core import FILTER_DIR as FILTER_DIR

# Kept equal to packages/mockkit/pyproject.toml by a test; not read from metadata because
# importlib.metadata would cost more import time than the whole of mock_core.
__version__ = "0.1.0"

# Exactly unittest.mock.__all__ of Python 3.13, in its order, on every supported Python.
__all__ = (
    "Mock",
    "MagicMock",
    "patch",
    "sentinel",
    "DEFAULT",
    "ANY",
    "call",
    "create_autospec",
    "AsyncMock",
    "ThreadingMock",
    "FILTER_DIR",
    "NonCallableMock",
    "NonCallableMagicMock",
    "mock_open",
    "PropertyMock",
    "seal",
)

# Writes such as `mockkit.FILTER_DIR = False` or `patch.object(mockkit, "FILTER_DIR", ...)`
# must change what mock_core reads, so the setting is forwarded rather than copied.
_adopt(sys.modules[__name__], {"FILTER_DIR": mock_core})
