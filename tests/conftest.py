"""Shared set-up for the cross-package tests (``pytest tests``, nox session ``conformance``).

Hypothesis profiles: ``ci`` is the default (modest example counts, no deadline because CI
machines are slow and shared); ``large`` is a long soak, opted into with
``HYPOTHESIS_PROFILE=large``. Test modules may cap their own counts under ``ci``, but take
the ``large`` profile's counts as they are.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile("ci", deadline=None, suppress_health_check=_QUIET)
settings.register_profile(
    "large",
    max_examples=2000,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=_QUIET,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
