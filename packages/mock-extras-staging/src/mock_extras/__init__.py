"""Staging of two mock-extras features: patch hygiene and picklable mocks.

Moved into the ``mock-extras`` package when its branch is merged.
"""

from mock_extras._hygiene import (
    PatchHygieneWarning,
    bound_elsewhere,
    disable_patch_hygiene,
    enable_patch_hygiene,
    mock_was_used,
    patch_hygiene,
)
from mock_extras._pickling import (
    disable_picklable_mocks,
    enable_picklable_mocks,
    is_picklable,
    picklable,
    picklable_mocks,
)

__all__ = [
    "PatchHygieneWarning",
    "bound_elsewhere",
    "disable_patch_hygiene",
    "disable_picklable_mocks",
    "enable_patch_hygiene",
    "enable_picklable_mocks",
    "is_picklable",
    "mock_was_used",
    "patch_hygiene",
    "picklable",
    "picklable_mocks",
]
