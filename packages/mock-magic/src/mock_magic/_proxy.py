"""Magic methods that live on a shared class and make their mocks on first use.

Mocks share a hidden generation class until one of them needs a class of its
own (see ``mock_core._classes``). For ``MagicMock`` that class holds one
:class:`MagicProxy` per preconfigured magic name; a proxy creates the instance's
magic-method mock the first time the magic is used and keeps it in the
instance, so creating a ``MagicMock`` costs nothing per magic method. A spec
without some magics puts the mock on a class without them.
"""

from __future__ import annotations

import sys

from mock_core import _deleted
from mock_core._classes import generation_class, origin_of, set_class, sole_instance

from ._tables import PRECONFIGURED, configure_default

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["MagicProxy", "apply_magics", "defaults_for"]


class MagicProxy:
    """Stands for one magic method on a shared class; hands out the instance's mock.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("name", "parent")

    def __init__(self, name: str, parent: Any = None) -> None:
        self.name = name
        # Kept for code written against the standard library's signature.
        self.parent = parent

    def create_mock(self, parent: Any = None) -> Any:
        owner = parent if parent is not None else self.parent
        name = self.name
        children = owner._mock_children
        found = children.get(name)
        if found is not None and found is not _deleted:
            # Made before (the instance dict lost it to a spec change): keep it.
            owner.__dict__.setdefault(name, found)
            return found
        methods = owner._mock_methods
        if methods is not None and name not in methods and not owner._mock_sealed:
            # A spec given after creation (AsyncMock, ThreadingMock keep their proxies). A
            # sealed mock refuses first, in _get_child_mock below, as the stdlib's does.
            raise AttributeError(f"Mock object has no attribute {name!r}")
        method = owner._get_child_mock(name=name, _new_name=name, _new_parent=owner)
        configure_default(owner, method, name)
        # Concurrent first uses must agree on one mock.
        found = children.setdefault(name, method)
        if found is _deleted:
            # The proxy is only reachable while the magic is allowed: the marker is left
            # over from a spec that had removed the name.
            children[name] = found = method
        owner.__dict__.setdefault(name, found)
        return found

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            # ``type(m).__str__``: find the mock that was meant.
            if owner is not None:
                obj = sole_instance(owner, sys._getframe(1))
            if obj is None:
                return self
        found = obj.__dict__.get(self.name)
        if found is not None:
            return found
        return self.create_mock(obj)


_PROXIES = {name: MagicProxy(name) for name in PRECONFIGURED}


def defaults_for(names: frozenset[str]) -> tuple[frozenset[str], dict[str, Any]]:
    """The (key, body) of the shared class for mocks whose default magics are ``names``."""
    return names, {name: _PROXIES[name] for name in names}


# The last spec's names, the magics they allow and the ones they do not: reused only for
# the same list object (mock-core shares one names list between mocks specced on plain
# functions, and names lists are not changed in place once a spec is added).
_last_spec: tuple[Any, frozenset[str], tuple[str, ...]] = (None, PRECONFIGURED, ())


def apply_magics(mock: Any) -> None:
    """Make the mock's magics match its spec (all preconfigured ones without a spec)."""
    global _last_spec
    refused: tuple[str, ...]
    methods = mock._mock_methods
    if methods is None:
        allowed, refused = PRECONFIGURED, ()
    elif methods is _last_spec[0]:
        _, allowed, refused = _last_spec
    else:
        allowed = PRECONFIGURED.intersection(methods)
        refused = tuple(PRECONFIGURED - allowed)
        _last_spec = (methods, allowed, refused)
    cls = type(mock)
    namespace = cls.__dict__
    removed = [name for name in refused if name in namespace]
    if namespace.get("_mock_private"):
        for name in removed:
            type.__delattr__(cls, name)
        for name in allowed:
            # Configured magics are kept; missing ones come back as proxies.
            if name not in namespace:
                type.__setattr__(cls, name, _PROXIES[name])
    else:
        current = namespace.get("_mock_generation")
        if current is not allowed and current != allowed:

            def body() -> dict[str, Any]:  # only needed the first time
                return defaults_for(allowed)[1]

            set_class(mock, generation_class(origin_of(cls), allowed, body))
    store = mock.__dict__
    for name in removed:
        if name in store:
            del store[name]
            mock._mock_children[name] = _deleted
    children = store.get("_mock_children")
    if children:
        # A magic mock made before the spec was narrowed is gone for good: allowing the
        # name again later gives a fresh default, as in the stdlib. (mock-core may already
        # have dropped it from the instance dict, so look at the children themselves.)
        for name, child in children.items():
            if child is not _deleted and name in PRECONFIGURED and name not in allowed:
                children[name] = _deleted
