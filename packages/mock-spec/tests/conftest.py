"""Hypothesis profiles for mock-spec's tests.

``ci`` (the default: derandomized and without an example database, so that every run tests
the same examples; no deadline because CI machines are slow and shared) and ``large``
(randomized, opt in with ``HYPOTHESIS_PROFILE=large``; ``nox -s explore``). The tests choose
their own example counts.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, deadline=None)
settings.register_profile("large", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
