"""Exceptions raised by mock-core and the guard against misspelled keyword arguments."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any, Mapping

__all__ = ["InvalidSpecError", "MissingPluginError", "_check_spec_arg_typos"]


class InvalidSpecError(Exception):
    """Raised when a spec is unusable, for example when it is itself a mock.

    .. versionadded:: 0.1.0
    """


class MissingPluginError(ImportError):
    """A feature needs a mockkit distribution that is not installed.

    .. versionadded:: 0.1.0
    """


_ARG_TYPOS = ("autospect", "auto_spec", "set_spec")


def _check_spec_arg_typos(kwargs_to_check: Mapping[str, Any]) -> None:
    """Refuse the usual misspellings of ``autospec`` and ``spec_set``."""
    for typo in _ARG_TYPOS:
        if typo in kwargs_to_check:
            raise RuntimeError(f"{typo!r} might be a typo; use unsafe=True if this is intended")
