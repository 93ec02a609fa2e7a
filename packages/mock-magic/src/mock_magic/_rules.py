"""Child-class rules: which mock class children and return values get.

Registered into mock-core's child-class plugin point, each for the mock classes
it concerns, so a plain ``Mock`` consults only the spec rule.
"""

from __future__ import annotations

from mock_core import AsyncMockMixin, NonCallableMock, PropertyMock
from mock_core.plugins import is_async_function, spec_instance_asyncs, spec_source

from ._tables import _all_sync_magics, _async_method_magics

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping

__all__ = ["rules"]


def _static_attr(obj: Any, name: str) -> Any:
    """Look ``name`` up without running descriptors (properties stay unevaluated)."""
    if not isinstance(obj, type):
        try:
            own = object.__getattribute__(obj, "__dict__")
        except AttributeError:
            own = None
        if isinstance(own, dict) and name in own:
            return own[name]
        klass: type = type(obj)
    else:
        klass = obj
    for base in klass.__mro__:
        namespace = base.__dict__
        if name in namespace:
            return namespace[name]
    if isinstance(obj, type):
        metaclass: Any = type(obj)
        for base in metaclass.__mro__:
            if name in base.__dict__:
                return base.__dict__[name]
    return None


def _unwrap(obj: Any) -> Any:
    for _ in range(100):
        try:
            inner = getattr(obj, "__wrapped__", None)
        except Exception:
            return obj
        if inner is None or inner is obj:
            return obj
        obj = inner
    return obj


def _spec_async_rule(parent: Any, kw: Mapping[str, Any]) -> Any:
    source = spec_source(parent)
    if source is None:
        return None
    name = kw.get("_new_name")
    if not name or name == "()":
        return None
    methods = parent._mock_methods
    if methods is None or name not in methods:
        return None
    seen = spec_instance_asyncs(parent)
    if seen is not None and name in seen:
        # The instance attribute as it was when the spec was given.
        if seen[name]:
            from ._asyncmock import AsyncMock

            return AsyncMock
        return None
    attr = _static_attr(source[0], name)
    if attr is None:
        return None
    if is_async_function(_unwrap(attr)):
        from ._asyncmock import AsyncMock

        return AsyncMock
    return None


def _magic_mock_rule(parent: Any, kw: Mapping[str, Any]) -> Any:
    from ._asyncmock import AsyncMock
    from ._magicmock import MagicMock

    kind = type(parent)
    if issubclass(kind, AsyncMockMixin):
        return None
    if kw.get("_new_name") in _async_method_magics and issubclass(kind, MagicMock):
        return AsyncMock
    return None


def _async_rule(parent: Any, kw: Mapping[str, Any]) -> Any:
    from ._asyncmock import AsyncMock
    from ._magicmock import MagicMock

    name = kw.get("_new_name")
    methods = parent._mock_methods
    if name in _all_sync_magics or (methods and name in methods):
        return MagicMock
    return AsyncMock


def _non_callable_magic_rule(parent: Any, kw: Mapping[str, Any]) -> Any:
    from ._magicmock import MagicMock

    return MagicMock


def _property_rule(parent: Any, kw: Mapping[str, Any]) -> Any:
    from ._magicmock import MagicMock

    return MagicMock


def rules() -> list[tuple[Any, type]]:
    """(rule, owner class) in registration order; the last registered is consulted first."""
    from ._magicmock import MagicMixin, NonCallableMagicMock

    return [
        (_property_rule, PropertyMock),
        (_non_callable_magic_rule, NonCallableMagicMock),
        (_async_rule, AsyncMockMixin),
        (_magic_mock_rule, MagicMixin),
        (_spec_async_rule, NonCallableMock),
    ]
