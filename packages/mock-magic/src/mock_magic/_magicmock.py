"""``MagicMixin``, ``MagicMock`` and ``NonCallableMagicMock``."""

from __future__ import annotations

from mock_core import Mock, NonCallableMock
from mock_core.plugins import (
    DerivedMockClassType,
    instance_dict,
    is_pristine,
    set_class_defaults,
    set_keeps_return_value,
)

from ._proxy import apply_magics, defaults_for
from ._tables import PRECONFIGURED

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["MagicMixin", "MagicMock", "NonCallableMagicMock"]

_DEFAULTS = defaults_for(PRECONFIGURED)


def _magic_defaults(cls: type) -> tuple[Any, dict[str, Any]]:
    return _DEFAULTS


class MagicMixin:
    """Preconfigures the magic methods; a spec limits them to what it has.

    .. versionadded:: 0.1.0
    """

    def __init__(self, /, *args: Any, **kw: Any) -> None:
        # Whether the mock's class holds the defaults as its ring made them; asked of the
        # metaclass, not of the class, which is new to the type-attribute cache.
        # (No local holds the class: apply_magics may move the mock to another one if
        # nothing but the mock refers to it; see plugins.move_to_class_defaults.)
        if type(type(self)) is DerivedMockClassType:
            # A copy's class, or ``type(m)()``'s: like the standard library, give it
            # proxies of its own first, for configuration in ``kw``.
            apply_magics(self)
        super().__init__(*args, **kw)
        if instance_dict(self).get("_mock_methods") is not None or not is_pristine(type(self)):
            apply_magics(self)

    def _mock_set_magics(self) -> None:
        apply_magics(self)


def _keeps_return_value(mock: Any) -> bool:
    # reset_mock(return_value=True) spares a MagicMock named like a magic method (the
    # ones MagicMock makes for its magics are), as the stdlib does since 3.13; assigned
    # mocks, AsyncMock and ThreadingMock magics are reset.
    name = mock._mock_name
    return type(name) is str and len(name) > 4 and name[:2] == "__" and name[-2:] == "__"


def _add_spec_and_magics(self: Any, spec: Any, spec_set: bool = False) -> None:
    """Restrict the mock, and its magic methods, to the attributes of ``spec``."""
    self._mock_add_spec(spec, spec_set)
    apply_magics(self)


class NonCallableMagicMock(
    # The standard library's bases in its order (the MRO is public).
    MagicMixin,
    NonCallableMock,
):
    """A ``MagicMock`` that cannot be called.

    .. versionadded:: 0.1.0
    """

    # Only these two classes re-apply the magics on mock_add_spec, as in the stdlib:
    # AsyncMock and ThreadingMock keep their magics, which refuse names the spec lacks.
    mock_add_spec = _add_spec_and_magics


class MagicMock(MagicMixin, Mock):
    """A ``Mock`` with the magic methods preconfigured.

    .. versionadded:: 0.1.0
    """

    mock_add_spec = _add_spec_and_magics


# New instances go on a shared class that holds the magic-method proxies.
set_class_defaults(MagicMixin, _magic_defaults)
set_keeps_return_value(MagicMock, _keeps_return_value)
