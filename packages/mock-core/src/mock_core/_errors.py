"""Exceptions raised by mock-core and the guard against misspelled keyword arguments."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any, Mapping

__all__ = [
    "InvalidSpecError",
    "MissingPluginError",
    "PluginError",
    "PluginValidationError",
    "PluginWarning",
    "_check_spec_arg_typos",
]


class InvalidSpecError(Exception):
    """Raised when a spec is unusable, for example when it is itself a mock.

    .. versionadded:: 0.1.0
    """


class MissingPluginError(ImportError):
    """A feature needs a mockkit distribution that is not installed.

    .. versionadded:: 0.1.0
    """


class PluginWarning(UserWarning):
    """An installed plugin failed to load, or one of its callbacks raised, and was skipped.

    The message names the plugin and the distribution it comes from. Turn these into
    errors with ``MOCK_CORE_PLUGINS_STRICT=1`` (or a warnings filter), or block the plugin
    by name with ``MOCK_CORE_DISABLE_PLUGINS``.

    .. versionadded:: 0.2.0
    """


class PluginError(Exception):
    """A plugin failed while ``MOCK_CORE_PLUGINS_STRICT=1`` asked for failures to be errors.

    .. versionadded:: 0.2.0
    """


class PluginValidationError(PluginError):
    """A plugin tried to register something that cannot work.

    Raised by the registration functions of :mod:`mock_core.plugins`; ``plugin`` is the
    object that was refused.

    .. versionadded:: 0.2.0
    """

    def __init__(self, plugin: object, message: str) -> None:
        super().__init__(message)
        self.plugin = plugin


_ARG_TYPOS = ("autospect", "auto_spec", "set_spec")


def _check_spec_arg_typos(kwargs_to_check: Mapping[str, Any]) -> None:
    """Refuse the usual misspellings of ``autospec`` and ``spec_set``."""
    for typo in _ARG_TYPOS:
        if typo in kwargs_to_check:
            raise RuntimeError(f"{typo!r} might be a typo; use unsafe=True if this is intended")
