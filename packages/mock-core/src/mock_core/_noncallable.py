"""``NonCallableMock``: attributes, children, specs, naming, reset and configuration."""

from __future__ import annotations

import sys

from . import _assertions, _classes, _recording
from ._await import AsyncMockMixin
from ._call import _CallList
from ._classes import derived_instance, new_mock, ring_for
from ._errors import InvalidSpecError, MissingPluginError
from ._names import (
    ALLOWED_NAMES,
    ASSERT_PREFIXES,
    ATTRIB_DENY_LIST,
    LANGUAGE_DUNDERS,
    LINK_NAMES,
    REFUSED_DUNDERS,
    is_dunder,
)
from ._recording import links_changed
from ._registry import Deferred, registry
from ._sentinel import DEFAULT, _deleted, _missing
from ._util import _is_async_func, _is_async_obj, _is_list, state_lock

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any, Callable, SupportsIndex

    # To type checkers a mock is a subclass of Any, as in typeshed's unittest.mock stubs: it
    # stands in for a value of any type, and attribute chains and operators on it are Any.
    _StandIn = Any
else:
    _StandIn = object

__all__ = ["NonCallableMock", "_check_and_set_parent", "_extract_mock", "_is_instance_mock"]

_object_setattr = object.__setattr__
_object_new = object.__new__
_object_delattr = object.__delattr__


class _lazy:
    """A per-instance container created on first read and then kept in ``__dict__``.

    Most mocks are never called or never grow children; they never pay for the lists.
    """

    __slots__ = ("factory", "name")

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.factory = factory
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        return _dict_of(obj).setdefault(self.name, self.factory())


def _is_instance_mock(obj: object) -> bool:
    # Autospecced functions carry their mock as ``.mock``; only real mocks count here. The
    # real class is asked, not ``__class__``, which a mock with a spec makes the spec's.
    kind = type(obj)
    return issubclass(kind, NonCallableMock)


class _Probe:
    def method(self) -> None: ...


# Functions and bound methods (an autospecced function bound to an instance) carry their
# mock as ``.mock``; the types are taken from live objects to avoid importing ``types``.
_FUNCTION_TYPES = (type(_is_instance_mock), type(_Probe().method))
del _Probe


def _extract_mock(obj: Any) -> Any:
    """The mock behind an autospecced function, or ``obj`` itself."""
    if isinstance(obj, _FUNCTION_TYPES) and hasattr(obj, "mock") and _is_instance_mock(obj.mock):
        return obj.mock
    return obj


def _owned(mock: Any) -> bool:
    """True when ``mock`` already has a name or a parent, so nobody may adopt it."""
    return bool(mock._mock_name or mock._mock_new_name) or any(
        link is not None for link in (mock._mock_parent, mock._mock_new_parent)
    )


def _descends_from(node: Any, ancestor: Any) -> bool:
    while node is not None:
        if node is ancestor:
            return True
        node = node._mock_new_parent
    return False


def _check_and_set_parent(parent: Any, value: Any, name: str | None, new_name: str | None) -> bool:
    """Adopt ``value`` as a child of ``parent`` unless it already has a name or parent.

    Returns whether it was adopted. An ancestor of ``parent`` is never adopted:
    that would turn the chain of parents into a loop.
    """
    child = _extract_mock(value)
    if not _is_instance_mock(child) or _owned(child) or _descends_from(parent, child):
        return False
    links_changed(child)
    links = child.__dict__
    if new_name:
        links.update(_mock_new_parent=parent, _mock_new_name=new_name)
    if name:
        links.update(_mock_parent=parent, _mock_name=name)
    return True


def _deferred_lock() -> Any:
    # Shared and made once even when threads race on it (see _util.state_lock).
    return state_lock()


def _eager_in_stdlib(mock: Any, name: str) -> bool:
    """Whether ``name`` is a deferred child the standard library would have made at once.

    Such children (an autospec's methods) are instance attributes there, so a spec added
    later still lets them be read and set. Only asked on the way to refusing a name.
    """
    placeholder = mock.__dict__.get("_mock_children", {}).get(name)
    return isinstance(placeholder, Deferred) and placeholder.needed_for_signature(name)


def _magic_table_names() -> tuple[frozenset[str], frozenset[str]]:
    """(all magic names, refused names), discovering mock-magic if it is installed."""
    table = registry.magic_table
    if table is None:
        registry.discover()
        table = registry.magic_table
    if table is None:
        return LANGUAGE_DUNDERS, REFUSED_DUNDERS
    return table.supported, table.unsupported


def _need_magic_table(name: str) -> Any:
    table = registry.magic_table
    if table is None:
        registry.discover()
        table = registry.magic_table
    if table is None:
        raise MissingPluginError(
            f"Setting the magic method {name!r} on a mock needs the magic-method tables "
            "of the 'mock-magic' distribution: pip install mock-magic"
        )
    return table


_FunctionType = type(_is_list)
# dir() of a function without attributes of its own: the same list for every such function.
# Shared by the mocks specced on them, so it must never be changed in place.
_FUNCTION_NAMES: list[str] = dir(lambda: None)


class _SpecSource(tuple):  # type: ignore[type-arg]
    """(spec, as instance, eat self): what a mock's signature is read from when needed.

    The standard library reads it at once and keeps only what it read, so copying a mock
    (``copy.deepcopy``) never copies its spec: neither does copying this.
    """

    __slots__ = ()

    def __deepcopy__(self, memo: Any) -> _SpecSource:
        return self


def _spec_names(spec: Any) -> list[str]:
    """``dir(spec)``; functions are the common spec (autospec) and their dir() is a constant."""
    if type(spec) is _FunctionType and not spec.__dict__:
        return _FUNCTION_NAMES
    return dir(spec)


def _instance_asyncs(spec: Any) -> dict[str, bool] | None:
    """Which instance attributes of a spec object are coroutine functions now.

    Whether a child is an ``AsyncMock`` is decided on first access, but the
    spec's shape at construction is what counts; an instance's own attributes
    are the part that commonly changes afterwards.
    """
    if isinstance(spec, type):
        return None
    try:
        own = object.__getattribute__(spec, "__dict__")
    except AttributeError:
        return None
    if isinstance(own, dict) and own:
        return {name: _is_async_func(value) for name, value in own.items()}
    return None


class NonCallableMock(_StandIn):  # type: ignore[misc]  # (subclassing Any, see _StandIn)
    """A mock that cannot be called; the base of every mock.

    .. versionadded:: 0.1.0
    """

    # Defaults live on the class so that creating a mock writes only what differs.
    _mock_parent: Any = None
    _mock_name: Any = None
    _mock_new_name: Any = ""
    _mock_new_parent: Any = None
    _mock_sealed: bool = False
    # True for classes whose mocks still make children and return values when sealed.
    _mock_grows_sealed: bool = False
    _spec_class: Any = None
    _spec_set: Any = None
    _mock_methods: Any = None
    _mock_wraps: Any = None
    _mock_delegate: Any = None
    _mock_unsafe: bool = False
    _mock_side_effect: Any = None
    _mock_return_value: Any = DEFAULT
    _mock_called: bool = False
    _mock_call_args: Any = None
    _mock_count_offset: int = 0
    _mock_sig_source: Any = None

    _mock_children = _lazy(dict)
    _mock_call_args_list = _lazy(_CallList)
    _mock_mock_calls = _lazy(_CallList)
    _mock_tally = _lazy(list)
    method_calls = _lazy(_CallList)

    # Refreshed by plugin registration (see ``_refresh_plugin_caches``).
    _mock_child_rules: tuple[Any, ...] = ()
    # True when a child of this class is made the default way (see _plain_child).
    _mock_plain_children: bool = False
    # The class the user instantiated, behind a mock's own class (see _classes).
    _mock_origin: Any = None
    # (class, ring) where ``cls()`` takes its classes from; see _first_instance.
    _mock_default_ring: Any = None
    # The ring a mock's own class belongs to (on that class); None on other classes.
    _mock_ring: Any = None
    # Names written through ``type(m)`` since the class was made (see _classes).
    _mock_touched: Any = None
    _mock_observers: tuple[Any, ...] = ()
    _mock_after_observers: tuple[Any, ...] = ()
    # (call recorders, after-observers) where plugins.add_call_recorder registered some for
    # the class, which takes the step-by-step call path: it tells those observers itself,
    # with the call as recorded (see _plugin_settings). One name for both: each name more
    # in the class dicts is one more for lookups on mocks to pass.
    _mock_recorders: tuple[Any, ...] = ()
    # Called by reset_mock for each mock reset; subclasses with more state set it.
    _mock_reset_hook: Any = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_mock_origin" not in cls.__dict__:
            # A class the user made (a mock's own class has its origin's settings).
            type.__setattr__(cls, "_mock_origin", cls)
            _refresh_class(cls)

    def __new__(cls, /, *args: Any, **kw: Any) -> Any:
        # Every mock gets a class of its own (see _classes). As in the standard library,
        # a spec or spec_set that is async, given by keyword or in the position this
        # method's signature would give it, adds await recording to that class.
        if args or kw:
            spec_set = kw.get("spec_set") if len(args) < 4 else args[3]
            spec = args[0] if args else kw.get("spec")
            spec = spec_set or spec
            if spec is not None and _is_async_obj(spec) and not issubclass(cls, AsyncMockMixin):
                return _async_instance(cls)
        remembered = cls._mock_default_ring
        if remembered is not None and remembered[0] is cls:
            return new_mock(remembered[1])
        return _first_instance(cls)

    @staticmethod
    def _mock_class_defaults(cls: type) -> tuple[Any, dict[str, Any] | None]:
        """(key, attributes) shared on the class of every new mock of ``cls``."""
        return None, None

    def __init__(
        self,
        spec: Any = None,
        wraps: Any = None,
        name: Any = None,
        spec_set: Any = None,
        parent: Any = None,
        _spec_state: Any = None,
        _new_name: Any = "",
        _new_parent: Any = None,
        _spec_as_instance: bool = False,
        _eat_self: Any = None,
        unsafe: bool = False,
        **kwargs: Any,
    ) -> None:
        if (
            spec is None
            and spec_set is None
            and parent is None
            and name is None
            and wraps is None
            and not _new_name
            and _new_parent is None
            and not unsafe
            and not kwargs
        ):
            return  # NonCallableMock(): nothing to store (every default is on the class)
        store = _dict_of(self)
        if (parent is not None or name is not None or _new_name or _new_parent is not None) and (
            "_mock_planned" in store
        ):
            # A second __init__ moving a mock that some recording plan depends on.
            links_changed(self)
        if parent is not None:
            store["_mock_parent"] = parent
            # An explicit parent also records this mock's calls, unless told otherwise.
            if _new_parent is None:
                _new_parent = parent
        if name is not None:
            store["_mock_name"] = name
        if _new_name:
            store["_mock_new_name"] = _new_name
        if _new_parent is not None:
            store["_mock_new_parent"] = _new_parent
        if spec_set is not None:
            # ``spec_set=X`` is ``spec=X`` plus the restriction on setting.
            spec, spec_set = spec_set, True
        if spec is not None:
            # Unless told, a child's calls pass self (it stands for a method).
            eat_self = parent is not None if _eat_self is None else _eat_self
            self._mock_add_spec(spec, spec_set, _spec_as_instance, eat_self)
        if wraps is not None:
            store["_mock_wraps"] = wraps
        if unsafe:
            store["_mock_unsafe"] = True
        if kwargs:
            self.configure_mock(**kwargs)

    # -- specs -------------------------------------------------------------

    def mock_add_spec(self, spec: Any, spec_set: bool = False) -> None:
        """Restrict the mock to the attributes of ``spec``; only those may be read
        (and, with ``spec_set``, written).

        .. versionadded:: 0.1.0
        """
        self._mock_add_spec(spec, spec_set)

    def _mock_add_spec(
        self, spec: Any, spec_set: Any, _spec_as_instance: bool = False, _eat_self: bool = False
    ) -> None:
        if _is_instance_mock(spec):
            raise InvalidSpecError(f"Cannot spec a Mock object. [object={spec!r}]")
        store = self.__dict__
        spec_class = sig_source = asyncs = None
        # A list of names is only names; any other object is read for its shape.
        if not (spec is None or _is_list(spec)):
            spec_class = spec if isinstance(spec, type) else type(spec)
            sig_source = _SpecSource((spec, _spec_as_instance, _eat_self))
            # Everything that reads the spec (and may raise) comes before the first
            # write, so that a failing spec leaves the mock as it was.
            names = _spec_names(spec)
            asyncs = _instance_asyncs(spec)
            spec = names
        if asyncs is None:
            # Not left over from an earlier spec either.
            store.pop("_mock_spec_instance_asyncs", None)
        else:
            store["_mock_spec_instance_asyncs"] = asyncs
        store["_spec_class"] = spec_class
        store["_spec_set"] = spec_set
        store["_mock_methods"] = spec
        children = store.get("_mock_children")
        if children and spec is not None:
            # Children are cached in the instance dict; the ones the new spec does
            # not allow must go back behind __getattr__'s check (assigned ones stay).
            # Magic methods stay, as in the standard library, which keeps them in the
            # instance dict too (what a spec does to them is the magic tables' business).
            assigned = store.get("_mock_assigned", ())
            magics = registry.magic_table.supported if registry.magic_table else ()
            for name, child in children.items():
                if (
                    name not in spec
                    and store.get(name) is child
                    and name not in assigned
                    and name not in magics
                ):
                    del store[name]
        store["_mock_sig_source"] = sig_source
        store.pop("_spec_signature", None)
        store.pop("_spec_asyncs", None)

    @property
    def _spec_signature(self) -> Any:
        store = self.__dict__
        if "_spec_signature" in store:
            return store["_spec_signature"]
        source = store.get("_mock_sig_source")
        signature = None
        if source is not None:
            signature = _recording.signature_for(*source)
        store["_spec_signature"] = signature
        return signature

    @_spec_signature.setter
    def _spec_signature(self, value: Any) -> None:
        self.__dict__["_spec_signature"] = value

    @property
    def _spec_asyncs(self) -> list[str]:
        # Kept for code that reads it; async children are decided on first access.
        return []

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        spec_class = self._spec_class
        if spec_class is None:
            return type(self)
        return spec_class  # type: ignore[no-any-return]

    # -- attributes --------------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        # The mock's state is read from its instance dict (where the standard library keeps
        # all of it), with the class defaults written out: see _dict_of.
        store = _dict_of(self)
        methods = store.get("_mock_methods")
        if methods is not None:
            if (
                name not in methods and not _eager_in_stdlib(self, name)
            ) or name in _magic_table_names()[0]:
                raise AttributeError(f"Mock object has no attribute {name!r}")
        elif len(name) > 4 and name[:2] == "__" and name[-2:] == "__":  # is_dunder, inlined
            raise AttributeError(name)
        if not store.get("_mock_unsafe") and (not methods or name not in methods):
            if name.startswith(ASSERT_PREFIXES) or name in ATTRIB_DENY_LIST:
                raise AttributeError(
                    f"{name!r} is not a valid assertion. Use a spec for the mock if "
                    f"{name!r} is meant to be an attribute"
                )
        children = store.get("_mock_children")
        if children is None:
            children = store.setdefault("_mock_children", {})
        result = children.get(name)
        if result is None:
            wrapped = store.get("_mock_wraps")
            # The ring, known from the metaclass (see _classes); None once something was
            # written on the class.
            ring = getattr(type(type(self)), "ring", None)
            if (
                wrapped is None
                and ring is not None
                and ring.source is not None
                and ring.source._mock_plain_children
                and store.get("_mock_sig_source") is None
                and not store.get("_mock_sealed")
            ):
                result = _plain_child(self, name, ring)
            else:
                # A child of a wrapping mock wraps the same attribute of the wrapped object.
                wraps = None if wrapped is None else getattr(wrapped, name)
                result = self._get_child_mock(
                    parent=self, name=name, wraps=wraps, _new_name=name, _new_parent=self
                )
            # Two threads racing on a first access must end up with one child.
            result = children.setdefault(name, result)
            if result is _deleted:
                raise AttributeError(name)
        elif result is _deleted:
            raise AttributeError(name)
        elif isinstance(result, Deferred):
            result = self._mock_materialize(name, result)
        # Cached in the instance dict, later reads never reach __getattr__.
        store.setdefault(name, result)
        return result

    def _mock_materialize(self, name: str, placeholder: Deferred) -> Any:
        # Under a lock, so that threads racing on a first access agree on one child.
        with _deferred_lock():
            children = self._mock_children
            current = children.get(name)
            if current is placeholder:
                current = placeholder.create(self, name)
                children[name] = current
                if placeholder.needed_for_signature(name):
                    # Made eagerly as an instance attribute in the standard library: a later
                    # mock_add_spec must leave it reachable, as an assigned child.
                    self.__dict__.setdefault("_mock_assigned", set()).add(name)
        if current is _deleted:
            raise AttributeError(name)
        return current

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ALLOWED_NAMES:
            if name in LINK_NAMES:
                links_changed(self)
            _object_setattr(self, name, value)
            return
        methods = self._mock_methods
        sealed = self._mock_sealed
        # Asked before the child is replaced below: the standard library's seal check
        # finds such a child in the instance dict.
        eager = sealed and _eager_in_stdlib(self, name)
        if (
            self._spec_set
            and methods is not None
            and name not in methods
            and name not in self.__dict__
            and not _eager_in_stdlib(self, name)
        ):
            raise AttributeError(f"Mock object has no attribute '{name}'")
        if is_dunder(name):
            if name == "__class__":
                self.__dict__["_spec_class"] = value
                return
            if (
                name in LANGUAGE_DUNDERS
                or name in REFUSED_DUNDERS
                or registry.magic_table is not None
            ):
                supported, unsupported = _magic_table_names()
                if name in unsupported:
                    raise AttributeError(f"Attempting to set unsupported magic method {name!r}.")
                if name in supported:
                    if methods is not None and name not in methods:
                        raise AttributeError(f"Mock object has no attribute '{name}'")
                    value = self._mock_set_magic(name, value)
                elif name in LANGUAGE_DUNDERS and registry.magic_table is None:
                    _need_magic_table(name)
                elif _check_and_set_parent(self, value, name, name):
                    # A dunder the table does not know is an ordinary attribute.
                    self._mock_children[name] = value
            elif _check_and_set_parent(self, value, name, name):
                self._mock_children[name] = value
        elif _check_and_set_parent(self, value, name, name):
            self._mock_children[name] = value
            # Assigned, not created on access: a later mock_add_spec must keep it reachable.
            self.__dict__.setdefault("_mock_assigned", set()).add(name)
        if sealed and not eager and not hasattr(self, name):
            raise AttributeError(f"Cannot set {self._extract_mock_name()}.{name}")
        _object_setattr(self, name, value)

    def _mock_set_magic(self, name: str, value: Any) -> Any:
        """Install a magic method on this mock's own class; returns the instance value."""
        table = _need_magic_table(name)
        # Through setattr: a mock's own class records what is written on it (see _classes).
        cls = type(self)
        if _is_instance_mock(_extract_mock(value)):
            # A mock set as a magic method is adopted under the magic's name.
            _check_and_set_parent(self, value, name=None, new_name=name)
            setattr(cls, name, value)
            self._mock_children[name] = value
            return value
        setattr(cls, name, table.make_method(name, value))
        original = value
        mock = self

        def bound(*args: Any, **kwargs: Any) -> Any:
            return original(mock, *args, **kwargs)

        return bound

    def __delattr__(self, name: str) -> None:
        table = registry.magic_table
        if (
            table is not None
            and is_dunder(name)
            and name in table.supported
            and name in type(self).__dict__
        ):
            delattr(type(self), name)
            if name not in self.__dict__:
                # Never configured on the instance: removing it from the class is all.
                return
        if name in LINK_NAMES:
            links_changed(self)
        children = self._mock_children
        found = children.get(name, _missing)
        if name in self.__dict__:
            _object_delattr(self, name)
        elif found is _deleted:
            raise AttributeError(name)
        children[name] = _deleted

    def _mock_copy_state(self) -> dict[str, Any]:
        # What copy.copy and copy.deepcopy (and pickle) take of a mock. In the standard
        # library every list of recorded calls exists from the start, so a shallow copy
        # shares them, while call_count is a number the copy keeps as it was: the lists are
        # made here before they are shared, and the tallies behind the counts are copied.
        for name in _SHARED_WHEN_COPIED:
            getattr(self, name)
        # The children the standard library makes with the mock (an autospec's methods) are
        # in its instance dict, so in the copy's too: they are made now.
        for name, child in list(self._mock_children.items()):
            if isinstance(child, Deferred) and child.needed_for_signature(name):
                getattr(self, name)
        state = dict(_dict_of(self))
        for name in _COUNTED_WHEN_COPIED:
            tally = state.get(name)
            if tally is not None:
                state[name] = list(tally)
        return state

    if sys.version_info >= (3, 11):
        __getstate__ = _mock_copy_state
    else:
        # 3.10's object has no __getstate__, so neither has the standard library's mock
        # (hasattr(m, "__getstate__") is False there); the state is handed over in the reduce
        # tuple instead, through __reduce_ex__, which object has on every version.
        def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
            state = self._mock_copy_state()
            reduced = object.__reduce_ex__(self, protocol)
            if isinstance(reduced, tuple) and len(reduced) > 2:
                return (*reduced[:2], state, *reduced[3:])
            return reduced  # pragma: no cover - protocols 0 and 1 keep the instance dict

    def __dir__(self) -> list[str]:
        core = sys.modules[__package__]
        if not core.FILTER_DIR:
            return list(object.__dir__(self))
        extras = list(self._mock_methods or ())
        from_type = [e for e in dir(type(self)) if not e.startswith("_")]
        from_dict = [e for e in self.__dict__ if not e.startswith("_") or is_dunder(e)]
        from_children = [n for n, v in self._mock_children.items() if v is not _deleted]
        return sorted(set(extras + from_type + from_dict + from_children))

    # -- children ----------------------------------------------------------

    def _get_child_mock(self, /, **kw: Any) -> Any:
        """Create a child or return-value mock; override to choose their class.

        .. versionadded:: 0.1.0
        """
        if self._mock_sealed and not self._mock_grows_sealed:
            # A sealed mock makes nothing: name what was asked for in the error.
            wanted = "()" if "name" not in kw else "." + kw["name"]
            raise AttributeError(self._extract_mock_name() + wanted)
        return _child_class(self, kw)(**kw)

    def attach_mock(self, mock: Any, attribute: str) -> None:
        """Make ``mock`` the attribute ``attribute`` of this mock and record its calls here.

        .. versionadded:: 0.1.0
        """
        inner = _extract_mock(mock)
        links_changed(inner)
        inner.__dict__.update(
            _mock_parent=None, _mock_new_parent=None, _mock_name="", _mock_new_name=None
        )
        installed = type(self).__dict__.get(attribute)
        # setattr itself refuses a name that is not a string, with the usual message.
        if (
            type(attribute) is not str
            or is_dunder(attribute)
            or not hasattr(type(installed), "__set__")
        ):
            setattr(self, attribute, mock)
            return
        # A descriptor put on this mock's own class (``type(m).x = PropertyMock()``,
        # then attached under its own name) must not be invoked by the attaching.
        if _check_and_set_parent(self, mock, attribute, attribute):
            self._mock_children[attribute] = mock
        self.__dict__[attribute] = mock

    def configure_mock(self, /, **kwargs: Any) -> None:
        """Set attributes, including dotted paths such as ``method.return_value``.

        .. versionadded:: 0.1.0
        """
        for dotted, value in sorted(kwargs.items(), key=lambda item: item[0].count(".")):
            *path, final = dotted.split(".")
            target = self
            for step in path:
                target = getattr(target, step)
            setattr(target, final, value)

    def reset_mock(
        self, visited: Any = None, *, return_value: bool = False, side_effect: bool = False
    ) -> None:
        """Forget every recorded call of this mock and its children.

        .. versionadded:: 0.1.0
        """
        _recording.reset_tree(self, visited, return_value, side_effect)

    # -- naming ------------------------------------------------------------

    def _extract_mock_name(self) -> str:
        segments: list[str] = []
        node = self
        parent = node._mock_new_parent
        while parent is not None:
            segments.append(node._mock_new_name)
            node = parent
            parent = node._mock_new_parent
        if segments and node._mock_new_name is None:
            # attach_mock() under a name that does not adopt (side_effect) leaves the mock
            # without a parent and with no new name, which the standard library then fails
            # to join into its children's names.
            raise TypeError("unsupported operand type(s) for +: 'NoneType' and 'str'")
        text = node._mock_name or "mock"
        for segment in reversed(segments):
            if segment == "()":
                text += "()"
            elif segment and segment.startswith("()"):
                text += segment
            else:
                text += f".{segment}"
        if type(text) is not str:
            # A name that is not a string (name=42): the standard library's str.join
            # refuses it, with this TypeError; repr() must not call the name's __repr__.
            return "".join([text])
        return text

    def __repr__(self) -> str:
        name = self._extract_mock_name()
        name_part = "" if name in ("mock", "mock.") else f" name={name!r}"
        spec_part = ""
        spec_class = self._spec_class
        if spec_class is not None:
            label = "spec_set" if self._spec_set else "spec"
            spec_part = f" {label}={spec_class.__name__!r}"
        return f"<{type(self).__name__}{name_part}{spec_part} id='{id(self)}'>"

    def _format_mock_call_signature(self, args: Any, kwargs: Any) -> str:
        return _assertions.format_signature(self, args, kwargs)

    # -- recorded calls (delegating properties) ----------------------------

    called = _recording.called
    call_count = _recording.call_count
    call_args = _recording.call_args
    call_args_list = _recording.call_args_list
    mock_calls = _recording.mock_calls
    return_value = _recording.return_value
    side_effect = _recording.side_effect

    # -- assertions ----------------------------------------------------------

    assert_not_called = _assertions.assert_not_called
    assert_called = _assertions.assert_called
    assert_called_once = _assertions.assert_called_once
    assert_called_with = _assertions.assert_called_with
    assert_called_once_with = _assertions.assert_called_once_with
    assert_has_calls = _assertions.assert_has_calls
    assert_any_call = _assertions.assert_any_call
    _call_matcher = _assertions.call_matcher
    _get_call_signature_from_name = _assertions.signature_from_name
    _format_mock_failure_message = _assertions.failure_message
    _calls_repr = _assertions.calls_repr


# The class body's annotations are for type checkers. Left on the class, every mock would
# answer ``m.__annotations__`` with them; the standard library's mocks have none there, so
# the name goes to __getattr__ (an error, or a child when the spec has annotations).
type.__delattr__(NonCallableMock, "__annotations__")
type.__setattr__(NonCallableMock, "_mock_origin", NonCallableMock)

#: A mock's instance dict, through the descriptor itself: ``mock.__dict__`` first looks the
#: name up on the mock's class, and each mock's class is new to the interpreter's cache of
#: type attributes, so that lookup walks the MRO (measured with callgrind on 3.13: about
#: 1,800 instructions for ``m.__dict__`` over 1,000 mocks against 400 for this).
_dict_of = NonCallableMock.__dict__["__dict__"].__get__
_classes._own_init_subclass = NonCallableMock.__dict__["__init_subclass__"].__func__


# Made before a copy shares them (NonCallableMock.__getstate__); the await list is made by
# await recording's own property, where a mock has one.
_SHARED_WHEN_COPIED = ("_mock_children", "_mock_call_args_list", "_mock_mock_calls", "method_calls")
_COUNTED_WHEN_COPIED = ("_mock_tally", "_mock_await_tally")


def _child_class(parent: Any, kw: dict[str, Any]) -> type:
    if not registry.discovered:
        registry.discover()
    kind = type(parent)
    for rule in kind._mock_child_rules:
        found = rule(parent, kw)
        if found is not None:
            return found  # type: ignore[no-any-return]
    # As in the standard library, the next class after the mock's own: its origin, or
    # for a copy, the class of the mock it was copied from.
    klass = kind if kind._mock_origin is kind else kind.__mro__[1]
    if issubclass(klass, _CallableMixin) and not issubclass(klass, AsyncMockMixin):
        return klass
    # Non-callable parents make callable children; without mock-magic's rules the
    # children of async mocks are plain mocks.
    return _Mock


# Bound by _callable once it is imported (it imports this module).
_CallableMixin: Any = None
_Mock: type = object


def _plugin_settings(bases: tuple[type, ...]) -> dict[str, Any]:
    """The registered plugins that apply to a class with ``bases``, as plain tuples.

    Read from the bases, so that it also serves the classes of mocks specced on async
    objects, ``(AsyncMockMixin, origin)``, before one exists. (Their MROs put the first
    base's own class before the rest, which is all the attribute lookup below assumes.)
    """

    def applies(owner: type) -> bool:
        return any(issubclass(base, owner) for base in bases)

    def lookup(name: str) -> Any:
        return next(getattr(b, name) for b in bases if hasattr(b, name))

    rules = tuple(rule for owner, rule in registry.child_rules if applies(owner))
    general = [rule for rule in rules if rule not in registry.spec_only_rules]
    plain = not general and lookup("_get_child_mock") is NonCallableMock._get_child_mock
    after = tuple(obs for owner, obs in registry.after_observers if applies(owner))
    recorders = tuple(rec for owner, rec in registry.recorders if applies(owner))
    return {
        "_mock_plain_children": plain,
        "_mock_child_rules": rules,
        "_mock_observers": tuple(obs for owner, obs in registry.observers if applies(owner)),
        # With recorders, CallableMixin.__call__ tells the after-observers, with the call as
        # recorded; _mock_call, which would tell them otherwise, has only the caller's.
        "_mock_after_observers": () if recorders else after,
        "_mock_recorders": (recorders, after) if recorders else (),
    }


def _recording_call_for(settings: dict[str, Any]) -> Any:
    """The call path of a class of a ring with bases of its own, if recorders want one.

    Such classes inherit ``__call__`` from their origin, chosen for the origin's recorders;
    where the bases have recorders the origin has not (registered for AsyncMockMixin, say),
    they take the recording call path themselves.
    """
    if not settings["_mock_recorders"]:
        return None
    from ._callable import _recording_call

    return _recording_call


def _update_ring_body(body: dict[str, Any], settings: dict[str, Any]) -> None:
    body.update(settings)
    call = _recording_call_for(settings)
    if call is not None:
        body["__call__"] = call
    else:
        body.pop("__call__", None)


def _update_ring_member(member: type, settings: dict[str, Any]) -> None:
    from ._callable import _recording_call

    for name, value in settings.items():
        type.__setattr__(member, name, value)
    call = _recording_call_for(settings)
    own = member.__dict__.get("__call__")
    if call is not None and own is None:
        type.__setattr__(member, "__call__", call)
    elif call is None and own is _recording_call:
        # Only the recording call path goes: one written through type(m) is the user's.
        type.__delattr__(member, "__call__")


def _refresh_class(cls: type) -> None:
    """Copy the registered plugins that apply to ``cls`` onto it as plain tuples."""
    for name, value in _plugin_settings((cls,)).items():
        type.__setattr__(cls, name, value)
    from ._callable import _choose_call

    _choose_call(cls)


def _refresh_rings(cls: type) -> None:
    """Bring the plugin settings of ``cls``'s rings with bases of their own up to date."""
    for ring in (cls.__dict__.get("_mock_rings") or {}).values():
        if ring.members is None:
            continue  # its classes inherit the settings from ``cls``
        settings = _plugin_settings(ring.bases)
        _update_ring_body(ring.body, settings)
        for member in list(ring.members):
            _update_ring_member(member, settings)


_epoch = 0  # moves on whenever plugins change, invalidating Ring.plain_child


def _plain_child(parent: Any, name: str, ring: Any) -> Any:
    """The child ``_get_child_mock`` would make, built directly when that is equivalent.

    Only for parents whose class neither overrides ``_get_child_mock`` nor has
    child-class rules, without spec, wraps or seal (``_mock_plain_children``).
    """
    # Remembered per ring: every mock of a ring has the same class-level settings.
    found = ring.plain_child
    if found is None or found[2] != _epoch:
        klass = _child_class(parent, {})
        same_new = getattr(klass, "__new__") is NonCallableMock.__new__
        direct = same_new and getattr(klass, "__init__") is getattr(_Mock, "__init__")
        found = ring.plain_child = (klass, direct, _epoch)
    klass, direct, _ = found
    remembered = klass._mock_default_ring if direct else None
    if remembered is None or remembered[0] is not klass:
        return klass(parent=parent, name=name, wraps=None, _new_name=name, _new_parent=parent)
    child: Any = new_mock(remembered[1])
    store = _dict_of(child)
    store["_mock_parent"] = parent
    store["_mock_name"] = name
    store["_mock_new_name"] = name
    store["_mock_new_parent"] = parent
    return child


def _refresh_all() -> None:
    global _epoch
    _epoch += 1
    pending: list[type] = [NonCallableMock]
    seen: set[type] = set()
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen.add(cls)
        _refresh_class(cls)
        _refresh_rings(cls)
        # A mock's own class takes its settings from its origin.
        pending.extend(
            sub for sub in cls.__subclasses__() if sub.__dict__.get("_mock_origin") is sub
        )


def _first_instance(cls: Any) -> Any:
    """``cls.__new__`` when ``cls`` has no default ring yet, or is a mock's own class."""
    if cls._mock_origin is not cls:
        # ``type(m)()``, and copies of ``m``: a subclass of m's class, as in the stdlib.
        return derived_instance(cls)
    # The first mock of a class: a free moment to load installed plugins, so that an
    # observer they register already sees the first call of the first mock.
    if not registry.discovered:
        registry.discover()
    key, body = cls._mock_class_defaults(cls)
    ring = ring_for(cls, key, body)
    type.__setattr__(cls, "_mock_default_ring", (cls, ring))
    return new_mock(ring)


def _async_instance(cls: Any) -> Any:
    """A mock of ``cls`` specced on something async: its class adds await recording."""
    bases = (AsyncMockMixin, cls)
    if cls._mock_origin is not cls:
        return derived_instance(cls, bases)
    if not registry.discovered:
        registry.discover()
    key, defaults = cls._mock_class_defaults(cls)

    def body() -> dict[str, Any]:  # only when the ring is new
        made = dict(defaults() if callable(defaults) else defaults or {})
        # Settings that a class with other bases than ``cls`` cannot inherit from it. (Its
        # calls take the step-by-step path, where await recording's steps come first.)
        _update_ring_body(made, _plugin_settings(bases))
        return made

    ring = ring_for(cls, ("async", key), body, bases, owned=key is not None, tracked=True)
    return new_mock(ring)


registry.on_change.append(_refresh_all)
# _recording records on parents and adopts return values; it cannot import this
# module (this module imports it), so it gets the function here.
_recording._check_and_set_parent = _check_and_set_parent
_recording._dict_of = _dict_of
_recording._MockType = NonCallableMock
_recording._base_reset = NonCallableMock.reset_mock
_assertions._extract_mock = _extract_mock
