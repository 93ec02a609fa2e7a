"""Shared set-up: hypothesis profiles, scratch modules to patch, and a guard that no test
leaks a started patch.

Profiles: ``ci`` (the default: derandomized and without an example database, so that every
run tests the same examples; no deadline because CI machines are slow and shared) and
``large`` (randomized, opt in with ``HYPOTHESIS_PROFILE=large``; ``nox -s explore``). The
tests choose their own example counts.
"""

from __future__ import annotations

import itertools
import os
import sys
import types
from typing import Any, Callable, Iterator

import pytest
from hypothesis import settings

from mock_patch import _registry, patch

settings.register_profile("ci", derandomize=True, database=None, deadline=None)
settings.register_profile("large", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

_counter = itertools.count()


@pytest.fixture
def make_module() -> Iterator[Callable[..., types.ModuleType]]:
    """Create modules registered in sys.modules under unique names, removed afterwards."""
    names = []

    def make(**attributes: Any) -> types.ModuleType:
        name = f"mock_patch_scratch_{next(_counter)}"
        module = types.ModuleType(name)
        module.__dict__.update(attributes)
        sys.modules[name] = module
        names.append(name)
        return module

    yield make
    for name in names:
        sys.modules.pop(name, None)


@pytest.fixture(autouse=True)
def _no_leaked_patches() -> Iterator[None]:
    before = list(_registry._active_patches)
    prefix = patch.TEST_PREFIX
    yield
    leaked = [p for p in _registry._active_patches if p not in before]
    for patcher in reversed(leaked):
        patcher.stop()
    patch.TEST_PREFIX = prefix
    assert not leaked, f"test left started patchers behind: {leaked}"
