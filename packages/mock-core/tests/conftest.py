"""Shared set-up for mock-core's tests: hypothesis profiles, markers and registry isolation.

Profiles: ``ci`` (the default: modest example counts, derandomized and without an example
database so that every run tests the same examples, no deadline because CI machines are slow
and shared) and ``large`` (randomized, opt in with ``HYPOTHESIS_PROFILE=large`` for a long
soak; ``nox -s explore``).
"""

from __future__ import annotations

import os
from typing import Iterator

import pytest
from hypothesis import HealthCheck, settings

import mock_core
from mock_core._registry import registry

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "large",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    # The repository runs pytest with --strict-markers; declare ours here so the package's
    # tests also run on their own (nox installs the package alone and points pytest at it).
    config.addinivalue_line("markers", "slow: builds and installs a distribution (seconds)")


@pytest.fixture(autouse=True)
def _restore_filter_dir() -> Iterator[None]:
    # Tests flip the module-level switch; never let one leak into the next.
    saved = mock_core.FILTER_DIR
    yield
    mock_core.FILTER_DIR = saved


@pytest.fixture
def clean_registry() -> Iterator[object]:
    """The plugin registry, emptied of everything but mock-core's own entries, then restored.

    Discovery is marked as done so that no installed plugin can interfere.
    """
    lists = [
        getattr(registry, name)
        for name in (
            "child_rules",
            "observers",
            "after_observers",
            "recorders",
            "signature_providers",
            "renderers",
        )
        if hasattr(registry, name)
    ]
    saved = (registry.magic_table, registry.discovered, [list(items) for items in lists])
    core_rules = [
        entry for entry in registry.child_rules if entry[1].__module__.startswith("mock_core.")
    ]
    registry.magic_table = None
    for items in lists:
        items.clear()
    registry.child_rules[:] = core_rules
    registry.discovered = True
    registry.changed()
    try:
        yield registry
    finally:
        registry.magic_table, registry.discovered, contents = saved
        for items, content in zip(lists, contents, strict=False):
            items[:] = content
        registry.changed()
