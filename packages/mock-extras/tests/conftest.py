"""Shared set-up for mock-extras' tests: hypothesis profiles, and no feature left switched on.

Profiles as in the sibling packages: ``ci`` (default, derandomized, no database) and
``large`` (``HYPOTHESIS_PROFILE=large``).
"""

from __future__ import annotations

import os
from typing import Iterator

import pytest
from hypothesis import HealthCheck, settings

from mock_core import plugins

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

# The repository's example plugin, when a development environment has it installed, adds
# hints to the failure messages these tests compare: blocked by name (mock-extras' own entry
# point must stay discoverable). Discovery is lazy, so this is in time.
os.environ.setdefault(plugins.BLOCK_ENV_VAR, "mockkit-example")

pytest_plugins = ["pytester"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds and installs a distribution (seconds)")


@pytest.fixture(autouse=True)
def _nothing_left_on() -> Iterator[None]:
    # Each test switches features on itself; one that forgot to stop would change the next.
    from mock_extras._features import stop_all

    yield
    # Switched off first, so that one test's failure here does not fail the next ones.
    started = stop_all()
    assert not started, f"features left on: {', '.join(started)}"
