"""``seal``: stop a mock tree from growing."""

from __future__ import annotations

from ._noncallable import NonCallableMock
from ._registry import Deferred

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any

__all__ = ["seal"]

_object_setattr = object.__setattr__


def seal(mock: Any) -> None:
    """Forbid creating new attributes and return values on ``mock`` and the mocks below it.

    Children that already exist stay usable and are sealed in turn; mocks that were
    assigned from elsewhere (with a parent of their own) are left alone.

    .. versionadded:: 0.1.0
    """
    pending = [mock]
    seen: set[int] = set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        # Through object's setattr, not __dict__: a non-mock argument then fails the way
        # the standard library's seal fails on it.
        _object_setattr(node, "_mock_sealed", True)
        children = node.__dict__.get("_mock_children", {})
        for attr in dir(node):
            if isinstance(children.get(attr), Deferred):
                continue
            try:
                child = getattr(node, attr)
            except AttributeError:
                continue
            if not isinstance(child, NonCallableMock):
                continue
            # As in the standard library, a child that holds a placeholder of the same name
            # (the stdlib's _SpecState: an autospec's attribute other than a function) is
            # not sealed.
            own = child.__dict__.get("_mock_children", {}).get(attr)
            if isinstance(own, Deferred) and not own.needed_for_signature(attr):
                continue
            if child._mock_new_parent is node:
                pending.append(child)
