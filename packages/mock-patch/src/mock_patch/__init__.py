"""mock-patch: ``patch``, ``patch.object``, ``patch.dict``, ``patch.multiple`` and
``patch.stopall`` for mockkit, restoring every target exactly.

``patch`` is the public entry point. The private names re-exported below are those that
real code imports from ``unittest.mock``; the ``mockkit`` drop-in re-exports them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from mock_patch._api import _patch_object as _patch_object, patch as patch
from mock_patch._dict import _clear_dict as _clear_dict, _patch_dict as _patch_dict
from mock_patch._multiple import _patch_multiple as _patch_multiple
from mock_patch._patcher import _patch as _patch
from mock_patch._registry import _patch_stopall as _patch_stopall
from mock_patch._replacement import MissingSpecPackageError as MissingSpecPackageError
from mock_patch._target import (
    _dot_lookup as _dot_lookup,
    _get_target as _get_target,
    _importer as _importer,
)

__all__ = ["MissingSpecPackageError", "patch"]
