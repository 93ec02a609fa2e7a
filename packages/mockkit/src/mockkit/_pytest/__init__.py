"""The parts of mockkit's pytest plugin that need mockkit: the ``mocker`` and its spies.

The plugin itself, and its parts that must not import mockkit, are the top-level package
``_mockkit_pytest``; these modules are imported only when a test asks for a mocker.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

__all__: list[str] = []
