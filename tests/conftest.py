"""Shared set-up for the cross-package tests (``pytest tests``, nox session ``conformance``).

Hypothesis profiles: ``ci`` is the default (modest example counts, derandomized and without
an example database so that every run tests the same examples, no deadline because CI
machines are slow and shared); ``large`` is a randomized long soak, opted into with
``HYPOTHESIS_PROFILE=large`` (``nox -s explore``). Test modules may cap their own counts under
``ci``, but take the ``large`` profile's counts as they are.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, suppress_health_check=_QUIET
)
settings.register_profile(
    "large",
    max_examples=2000,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=_QUIET,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
