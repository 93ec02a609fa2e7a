"""Magic methods that make their mocks on first use.

As in the standard library, a ``MagicMock``'s own class holds one :class:`MagicProxy`
per preconfigured magic name; the first use of a magic (``str(m)``, ``m.__str__``,
``type(m).__str__``) makes the mock behind it and puts that mock on the class and on the
instance in the proxy's place. The proxies themselves hold nothing per mock: the classes
mock-core reuses carry them from one mock to the next (see
``mock_core.plugins.set_class_defaults``), and a proxy finds its mock from the class it was
found on (``mock_core.plugins.mock_of_class``).
"""

from __future__ import annotations

from mock_core.plugins import (
    DELETED,
    is_pristine,
    mock_of_class,
    move_to_class_defaults,
    state_lock,
)

from ._tables import PRECONFIGURED, configure_default

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["MagicProxy", "apply_magics", "defaults_for"]


class MagicProxy:
    """Stands for one magic method on a mock's class until it is first used.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("name", "parent")

    def __init__(self, name: str, parent: Any = None) -> None:
        self.name = name
        # For proxies made by hand, as the standard library's are: the mock they serve.
        self.parent = parent

    def create_mock(self, parent: Any = None) -> Any:
        """Make the magic-method mock of ``parent`` and put it in this proxy's place."""
        owner = parent if parent is not None else self.parent
        name = self.name
        # Concurrent first uses must agree on one mock.
        with state_lock():
            found = owner._mock_children.get(name)
            if found is not None and found is not DELETED and found is owner.__dict__.get(name):
                return found
            method = owner._get_child_mock(name=name, _new_name=name, _new_parent=owner)
            # Through the mock's own __setattr__, as the standard library does: that refuses
            # a name the spec lacks, and puts the mock on the class and the instance.
            setattr(owner, name, method)
            configure_default(owner, method, name)
        return method

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if self.parent is not None:
            return self.create_mock()
        name = self.name
        kind = type(obj) if obj is not None else owner
        if obj is not None and kind.__dict__.get(name) is self:
            return self.create_mock(obj)
        # Read from the class (``type(m).__str__``, ``ExitStack`` does) or from a copy,
        # whose class derives from the mock's: the mock is the one the class was made for.
        for klass in kind.__mro__ if kind is not None else ():
            if klass.__dict__.get(name) is self:
                mock = mock_of_class(klass)
                if mock is not None:
                    return self.create_mock(mock)
                break
        if obj is not None:
            return self.create_mock(obj)
        # The standard library's class keeps its mock alive; here a class does not (or it
        # could never be used again), so once the mock is gone its unused magics are too.
        raise AttributeError(f"{name}: the mock this class was made for no longer exists")


_PROXIES = {name: MagicProxy(name) for name in PRECONFIGURED}


def defaults_for(names: frozenset[str]) -> tuple[frozenset[str], dict[str, Any]]:
    """The (key, body) of the classes for mocks whose default magics are ``names``."""
    return names, {name: _PROXIES[name] for name in names}


# The last spec's names, the magics they allow and the ones they do not: reused only for
# the same list object (mock-core shares one names list between mocks specced on plain
# functions, and names lists are not changed in place once a spec is added).
_last_spec: tuple[Any, frozenset[str], tuple[str, ...]] = (None, PRECONFIGURED, ())


def apply_magics(mock: Any) -> None:
    """Make the magics on the mock's class match its spec, as the standard library does.

    Magics the spec lacks are removed (configured ones too); the allowed ones the class
    does not hold get a proxy. A mock being made whose class is still pristine moves to a
    class that holds just the allowed proxies instead (the same result, without changing
    a class).
    """
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
    if is_pristine(type(mock)):

        def body() -> dict[str, Any]:  # only needed the first time
            return defaults_for(allowed)[1]

        if move_to_class_defaults(mock, allowed, body):
            return
    cls = type(mock)
    namespace = cls.__dict__
    for name in refused:
        if name in namespace:
            delattr(mock, name)
    for name in allowed:
        if name not in namespace:
            setattr(cls, name, _PROXIES[name])
