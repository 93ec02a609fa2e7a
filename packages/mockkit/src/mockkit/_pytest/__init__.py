"""Private parts of mockkit's pytest plugin; the plugin itself is :mod:`mockkit.pytest_plugin`.

Each module is imported only when pytest needs it, so that loading the plugin costs next to
nothing in a run that uses none of it.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

__all__: list[str] = []
