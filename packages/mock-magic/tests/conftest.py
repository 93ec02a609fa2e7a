"""Shared set-up for mock-magic's tests: hypothesis profiles and markers.

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
