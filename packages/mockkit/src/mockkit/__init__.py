"""mockkit: a drop-in replacement for :mod:`unittest.mock`, assembled from the mockkit packages.

``import mockkit as mock`` offers the names of the newest standard library's
``unittest.mock.__all__`` plus the private names real code imports from it. To run an
unmodified suite on mockkit, see :mod:`mockkit.swap`.

This module holds no ``assert`` statement (PYTEST_DONT_REWRITE), so pytest need not rewrite
it, and does not warn when ``python -m mockkit -m pytest`` has imported it before pytest.
"""

from __future__ import annotations

import sys

import mock_core
from mock_core import (
    ANY as ANY,
    DEFAULT as DEFAULT,
    AsyncMockMixin as AsyncMockMixin,
    CallableMixin as CallableMixin,
    InvalidSpecError as InvalidSpecError,
    Mock as Mock,
    NonCallableMock as NonCallableMock,
    PropertyMock as PropertyMock,
    _Call as _Call,
    _CallList as _CallList,
    _check_spec_arg_typos as _check_spec_arg_typos,
    _deleted as _deleted,
    _extract_mock as _extract_mock,
    _format_call_signature as _format_call_signature,
    _is_async_func as _is_async_func,
    _is_exception as _is_exception,
    _is_instance_mock as _is_instance_mock,
    _is_list as _is_list,
    _missing as _missing,
    _MockIter as _MockIter,
    _Sentinel as _Sentinel,
    _SentinelObject as _SentinelObject,
    call as call,
    seal as seal,
    sentinel as sentinel,
)
from mock_magic import (
    AsyncMagicMixin as AsyncMagicMixin,
    AsyncMock as AsyncMock,
    MagicMixin as MagicMixin,
    MagicMock as MagicMock,
    MagicProxy as MagicProxy,
    NonCallableMagicMock as NonCallableMagicMock,
    ThreadingMock as ThreadingMock,
    _all_magics as _all_magics,
    _all_sync_magics as _all_sync_magics,
    _async_magics as _async_magics,
    _async_method_magics as _async_method_magics,
    _AsyncIterator as _AsyncIterator,
    _calculate_return_value as _calculate_return_value,
    _is_async_obj as _is_async_obj,
    _is_magic as _is_magic,
    _magics as _magics,
    _non_defaults as _non_defaults,
    _return_values as _return_values,
    _side_effect_methods as _side_effect_methods,
    _sync_async_magics as _sync_async_magics,
    _timeout_unset as _timeout_unset,
    _to_stream as _to_stream,
    _unsupported_magics as _unsupported_magics,
    mock_open as mock_open,
)
from mock_patch import (
    _clear_dict as _clear_dict,
    _dot_lookup as _dot_lookup,
    _get_target as _get_target,
    _importer as _importer,
    _patch as _patch,
    _patch_dict as _patch_dict,
    _patch_multiple as _patch_multiple,
    _patch_object as _patch_object,
    _patch_stopall as _patch_stopall,
    patch as patch,
)
from mock_spec import (
    _callable as _callable,
    _check_signature as _check_signature,
    _copy_func_details as _copy_func_details,
    _get_signature_object as _get_signature_object,
    _instance_callable as _instance_callable,
    _must_skip as _must_skip,
    _set_signature as _set_signature,
    _setup_async_mock as _setup_async_mock,
    _setup_func as _setup_func,
    _SpecState as _SpecState,
    create_autospec as create_autospec,
)
from mockkit._module import adopt as _adopt

TYPE_CHECKING = False
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

# Under pytest, `@patch`-decorated tests need pytest told which parameters the patches fill
# in. The plugin does it; doing it here too covers runs without the plugin (autoloading off,
# `-p no:mockkit`, sources on sys.path instead of installed). Costs one lookup elsewhere.
if "_pytest.compat" in sys.modules:
    from _mockkit_pytest._argnames import install as _install_for_pytest

    _install_for_pytest()
    del _install_for_pytest
