"""``MOCK_EXTRAS=feature,...``: features on for a whole process, outside pytest too.

mock-core calls :func:`register` through the ``mock_core.plugins`` entry point when it first
needs a plugin point (at the latest when the first mock is made), so the features are on
before any mock records a call. Without the variable it does nothing at all.
"""

from __future__ import annotations

import os

from ._features import parse, scope_for

__all__ = ["ENV_VAR", "register"]

ENV_VAR = "MOCK_EXTRAS"


def register() -> None:
    """Start, for good, each feature the environment variable names."""
    text = os.environ.get(ENV_VAR, "")
    if not text.strip():
        return
    # An unknown name raises: mock-core records the failed plugin instead of crashing mocks,
    # and python -m mockkit --plugins (or plugins.discover()) shows why.
    for name in parse(text):
        scope_for(name).start()
