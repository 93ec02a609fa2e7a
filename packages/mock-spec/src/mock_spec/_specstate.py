"""Placeholders for autospecced attributes that have not been used yet.

The standard library creates a mock for every method of a spec up front (and a
placeholder for every other attribute). Here every attribute gets a placeholder
(mock-core's deferred-child plugin point): the attribute's value is read from
the spec when the autospec is created, exactly as the standard library does,
but its mock is only made on first access. A class with 200 methods costs 200
dict entries, not 200 mocks and 200 signatures.
"""

from __future__ import annotations

from mock_core.plugins import Deferred

from ._signature import FUNCTION_TYPES

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would slow the import
    from typing import Any

__all__ = ["LazyAttributes", "_SpecState"]


class _SpecState(Deferred):
    """One attribute, autospecced from ``spec`` when first accessed.

    The standard library's private class of the same name, with the same
    constructor; here it is a mock-core deferred child.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("ids", "instance", "name", "parent", "spec", "spec_set")

    def __init__(
        self,
        spec: Any,
        spec_set: Any = False,
        parent: Any = None,
        name: Any = None,
        ids: Any = None,
        instance: bool = False,
    ) -> None:
        self.spec, self.spec_set, self.instance = spec, spec_set, instance
        self.parent, self.name, self.ids = parent, name, ids

    def create(self, parent: Any, name: str) -> Any:
        from ._autospec import autospec_attribute

        return autospec_attribute(parent, name, self.spec, self.spec_set, self.instance)

    def __repr__(self) -> str:
        return f"<_SpecState spec={self.spec!r} name={self.name!r}>"


class LazyAttributes(Deferred):
    """The placeholder shared by every attribute of one autospecced mock.

    ``originals`` maps attribute names to the values read from the spec; the
    rest is what creating any of them needs. Shared by a class's autospec and
    its instance autospec when they read the same values.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("instance", "is_type", "layout", "originals", "spec", "spec_set", "wrapped")

    def __init__(
        self,
        spec: Any,
        spec_set: Any,
        instance: bool,
        is_type: bool,
        wrapped: Any,
        originals: dict[str, Any],
        layout: tuple[Any, list[Any]],
    ) -> None:
        self.spec = spec
        self.spec_set = spec_set
        self.instance = instance
        self.is_type = is_type
        self.wrapped = wrapped
        self.originals = originals
        # The spec's namespaces when the values were read (see _autospec._namespaces).
        self.layout = layout

    def create(self, parent: Any, name: str) -> Any:
        from ._autospec import attribute_mock

        return attribute_mock(parent, name, self.originals[name], self)

    def needed_for_signature(self, name: str) -> bool:
        # The standard library makes method mocks eagerly, so expected calls of a method
        # bind to its signature even before first use; other attributes are placeholders
        # there too, and such matching passes them by.
        return isinstance(self.originals.get(name), FUNCTION_TYPES)

    def __repr__(self) -> str:
        return f"<LazyAttributes spec={self.spec!r} ({len(self.originals)} attributes)>"
