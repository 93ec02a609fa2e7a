"""Shared set-up for the reliability suite (threads, faults, bad input, memory).

These tests exercise every package together through ``mockkit``, the way users meet it,
and compare with the interpreter's own ``unittest.mock`` where a comparison is meaningful.
"""

from __future__ import annotations

import sys
from typing import Iterator

import pytest

from mock_patch import _registry


@pytest.fixture
def racy() -> Iterator[None]:
    """Let the interpreter switch threads as often as it can while the test runs.

    With the default 5 ms switch interval a thread usually finishes a whole mock call
    before another one runs, which hides lost updates; switching every microsecond puts
    a switch inside nearly every read-modify-write there is.
    """
    saved = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(saved)


@pytest.fixture(autouse=True)
def _no_leaked_patches() -> Iterator[None]:
    # A reliability test must never leave a started patcher behind, even when it failed:
    # one would silently change every test that runs after it.
    before = list(_registry._active_patches)
    yield
    leaked = [patcher for patcher in _registry._active_patches if patcher not in before]
    for patcher in reversed(leaked):
        patcher.stop()
    assert not leaked, f"test left started patchers behind: {leaked}"
