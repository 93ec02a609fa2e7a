"""Registration of mock-spec into mock-core's plugin points.

Called when ``mock_spec`` is imported, and by mock-core's entry-point discovery
(group ``mock_core.plugins``) when mock-spec is installed but not imported.
"""

from __future__ import annotations

__all__ = ["register"]

_done = False


def register() -> None:
    """Supply signatures for specs to mock-core (idempotent).

    With this registered, a mock specced on a callable binds recorded calls to
    the spec's signature, so ``assert_called_with(a=1)`` matches a call made as
    ``f(1)``.

    .. versionadded:: 0.1.0
    """
    global _done
    if _done:
        return
    from mock_core.plugins import add_signature_provider

    from ._signature import signature_provider

    add_signature_provider(signature_provider)
    _done = True
