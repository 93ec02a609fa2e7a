"""The class each mock lives on: one of its own, for its whole life.

As in the standard library, every mock is an instance of a class made for it alone, so
whatever is written through ``type(m)`` (a property, a magic method, a signature check)
reaches ``m`` and nothing else, and ``type(a) is type(b)`` only holds between a mock and
nobody. Copies (``copy.copy(m)``, ``type(m)()``) are instances of a subclass of ``m``'s
class, sharing what was configured on it, as there.

Making a class costs several microseconds: most of what creating a mock costs in the
standard library. So the classes of mocks that are gone are used again. Each kind of mock
(the class the user instantiates, plus the class-level defaults a package above registered
for it) has a :class:`Ring` of classes. A new mock takes the class at the ring's head if
nothing refers to that class any more (its reference count is back at what it was when the
class was made, it has no weak references and no subclasses) and puts it back at the tail;
a class whose mock is still alive stays in the ring for a later turn, or, once the ring is
full, is left to its mock and replaced by a new class. Either way it is one check per new
mock, whatever the number of live mocks or the size of the heap.

Each ring has a metaclass of its own (a subclass of :class:`MockClassType` that knows the
ring), so the classes of a ring and what they hold are known from ``type(cls)`` alone:
hot paths ask that, and not the class, since each class is new to the interpreter's
type-attribute cache and a lookup that misses it walks the MRO (measured with callgrind on
3.13: about 1,600 instructions against 100). What is written on such a class through
``type(m)`` goes through the metaclass, which records the names and moves the class to
:class:`ChangedMockClassType`; the names are put back as they were, and the ring's
metaclass with them, before the class is used again.

Where reference counts cannot be trusted (PyPy, free-threaded builds), or a kind runs code
of its own whenever a class of it is made (a metaclass or ``__init_subclass__`` of the
user's), every mock gets a new class, exactly as in the standard library.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

__all__ = [
    "POOLING",
    "ChangedMockClassType",
    "DerivedMockClassType",
    "MockClassType",
    "Ring",
    "add_check",
    "derived_instance",
    "new_mock",
    "origin_of",
    "owner_of",
    "pristine",
    "ring_of",
    "ring_for",
    "set_class",
    "settle",
]

# object's own __class__ slot: mocks shadow ``__class__`` with a spec-aware property, so
# moving a mock to another class goes through the slot itself.
set_class = object.__dict__["__class__"].__set__


def _counts_are_exact() -> bool:
    """Whether a class's reference count says who still holds it (CPython with a GIL)."""
    if sys.implementation.name != "cpython":
        return False
    # Free-threaded builds count references to types lazily (deferred and per thread).
    abiflags = getattr(sys, "abiflags", None)
    if abiflags is not None:
        return "t" not in abiflags
    if not hasattr(sys, "_is_gil_enabled"):  # before 3.13 there is no free-threaded build
        return True
    import sysconfig

    return not sysconfig.get_config_var("Py_GIL_DISABLED")


#: Whether classes are used again at all; off where reference counts are not exact.
POOLING = _counts_are_exact()

if POOLING:
    # The C module itself: importing ``collections`` costs more than all of mock-core.
    from _collections import deque  # type: ignore[import-not-found, unused-ignore]
    from _weakref import getweakrefcount, getweakrefs, ref as _weak_ref

    _refs = sys.getrefcount
else:  # pragma: no cover - PyPy and free-threaded builds
    from collections import deque
    from weakref import getweakrefcount, getweakrefs, ref as _weak_ref

#: Classes kept per ring, and in all rings together. A ring grows only while the class at
#: its head is in use when a mock is made, that is while that many of its mocks are alive
#: at once (mocks in reference cycles, as most are, live on until the cyclic GC runs).
#: Past these, classes are made as in the standard library. An idle class costs 2.5 KB
#: (a Mock's) to 4.5 KB (a MagicMock's, with its magic-method proxies).
CAP = 1024
BUDGET = 2048
_kept = 0  # classes in all rings

# Writing these changes what a class *is*; such a class is never used again.
_STRUCTURAL = frozenset({"__bases__", "__class__", "__name__", "__qualname__", "_mock_cell"})

_object_new = object.__new__


class MockClassType(type):
    """Metaclass of the classes mocks are made on: records what is written on them.

    Each ring's classes have a subclass of it whose ``ring`` is that ring; a class written
    on moves to :class:`ChangedMockClassType` until it is put back. It changes nothing
    about the write itself.

    .. versionadded:: 0.2.0
    """

    #: The ring of a class whose metaclass this is, while nothing was written on the class.
    ring: Ring | None = None

    def __setattr__(cls, name: str, value: Any) -> None:
        _note(cls, name)
        type.__setattr__(cls, name, value)

    def __delattr__(cls, name: str) -> None:
        _note(cls, name)
        type.__delattr__(cls, name)


class ChangedMockClassType(MockClassType):
    """Metaclass of a reusable mock class that something was written on since it was made.

    .. versionadded:: 0.2.0
    """


class DerivedMockClassType(ChangedMockClassType):
    """Metaclass of the subclasses of a reusable mock class (copies, ``type(m)()``).

    A subclass of the "changed" metaclass: such classes are never reused, and the
    metaclass must derive from that of a base that was written on.

    .. versionadded:: 0.2.0
    """


# Named like the metaclass of the standard library's mock classes: what is printed about a
# mock's class (``type(m).__call__`` of a non-callable mock is ``type.__call__``, printed
# with the metaclass's name) then reads the same. The qualified names stay as they are.
for _meta in (MockClassType, ChangedMockClassType, DerivedMockClassType):
    _meta.__name__ = "type"
del _meta


def _note(cls: type, name: str) -> None:
    touched = cls.__dict__.get("_mock_touched")
    if touched is None:
        type.__setattr__(cls, "_mock_touched", {name})
    else:
        touched.add(name)
    if getattr(type(cls), "ring", None) is not None:  # pristine, or holding just a check
        type.__setattr__(cls, "__class__", ChangedMockClassType)


def ring_of(cls: type) -> Ring | None:
    """The ring ``cls`` was made by, if nothing was written on it since (else None)."""
    return getattr(type(cls), "ring", None)


def pristine(cls: type) -> bool:
    """Whether ``cls`` is a class of a ring that nothing was written on."""
    return getattr(type(cls), "ring", None) is not None


class _Cell:
    """Points from a class to the mock it was made for (weakly: the class must not keep it)."""

    __slots__ = ("ref",)

    def __init__(self) -> None:
        self.ref: Any = None


class Ring:
    """The classes one kind of mock is made on, and how to make another.

    ``classes`` holds ``(class, cell, weak reference)`` entries: the cell points back at the
    class's mock in rings whose classes need it (else None); the weak reference is the one
    the class's base keeps to it, which ``weakref.ref(cls)`` hands out again.

    .. versionadded:: 0.2.0
    """

    __slots__ = (
        "base",
        "bases",
        "body",
        "checked",
        "classes",
        "cycling",
        "key",
        "members",
        "meta",
        "name",
        "owned",
        "plain_child",
        "pooled",
        "source",
        "weak",
        "weak_base",
    )

    def __init__(
        self,
        origin: type,
        key: Any,
        bases: tuple[type, ...],
        body: dict[str, Any],
        owned: bool,
        tracked: bool = False,
    ) -> None:
        #: What the ring is known by on its origin (which defaults its classes hold).
        self.key = key
        self.name = origin.__name__
        self.bases = bases
        #: What every class of the ring holds when it is new, and again when it is reused.
        self.body = {
            "__module__": origin.__module__,
            "__doc__": origin.__doc__,
            "_mock_origin": origin,
            "_mock_ring": self,
            **body,
        }
        #: Whether each class points back at its mock (for class-level reads of defaults).
        self.owned = owned
        meta = type(origin)
        self.pooled = POOLING and meta is type and _plain_subclassing(origin)
        # The ring's own metaclass; an origin with a metaclass of its own keeps it, as in the
        # standard library (its classes are then never reused, nor known by their metaclass).
        self.meta: Any = meta
        #: The metaclass of a class of the ring that holds a signature check: still known
        #: to the ring (its calls keep mock-core's fused path), but put back before reuse.
        self.checked: Any = None
        if meta is type:
            body = {"__module__": __name__, "__qualname__": "MockClassType", "ring": self}
            self.meta = type("type", (MockClassType,), body)
            self.checked = type("type", (self.meta,), {**body, "__qualname__": "CheckedType"})
        self.classes: Any = deque()
        # Of an unused class, measured on the first one: its reference count, its weak
        # references, and the reference count of the plain weak reference its base holds.
        self.base = -1
        self.weak = -1
        self.weak_base = -1
        #: How many more mocks to make from the ring's oldest class first (see new_mock).
        self.cycling = 0
        #: (child class, made directly?, plugin epoch): see _noncallable._plain_child.
        self.plain_child: Any = None
        #: Where the settings that plugins keep on classes (observers, child rules) are
        #: read for this ring's mocks: its origin, whose classes inherit them; None when
        #: the ring's bases are others (they are then read from each class).
        self.source: Any = origin if bases == (origin,) else None
        #: Every live class of the ring, for rings whose classes hold settings that change
        #: when plugins register (see _noncallable._refresh_rings); None for the others.
        self.members: Any = None
        if tracked:
            from _weakrefset import WeakSet

            self.members = WeakSet()

    def make(self) -> tuple[type, _Cell | None]:
        body = dict(self.body)
        cell = None
        if self.owned:
            body["_mock_cell"] = cell = _Cell()
        made: type = self.meta(self.name, self.bases, body)
        if self.members is not None:
            self.members.add(made)
        return made, cell


# NonCallableMock.__init_subclass__, set by _noncallable (which imports this module).
_own_init_subclass: Any = None


def _plain_subclassing(origin: type) -> bool:
    """Whether making a subclass of ``origin`` runs no code but mock-core's own."""
    return getattr(origin.__init_subclass__, "__func__", None) is _own_init_subclass


def ring_for(
    origin: type,
    key: Any,
    body: dict[str, Any] | Callable[[], dict[str, Any]] | None,
    bases: tuple[type, ...] | None = None,
    owned: bool | None = None,
    tracked: bool = False,
) -> Ring:
    """The ring of ``origin``'s mocks whose classes hold ``body`` (made once per ``key``).

    ``owned``: whether each class points back at its mock (default: when ``body`` holds
    defaults, which may need the mock when read from the class). ``tracked``: whether the
    ring keeps a weak set of its classes (see :attr:`Ring.members`).

    Rings are kept on ``origin`` itself, so a mock class made at run time (``class
    X(MagicMock)`` in a test) goes with everything it refers to.
    """
    known = origin.__dict__.get("_mock_rings")
    if known is None:
        known = {}
        type.__setattr__(origin, "_mock_rings", known)
    found = known.get(key)
    if found is None:
        if callable(body):
            body = body()
        if owned is None:
            owned = bool(body)
        made = Ring(origin, key, bases or (origin,), body or {}, owned, tracked)
        found = known.setdefault(key, made)
    return found  # type: ignore[no-any-return]


def new_mock(ring: Ring) -> Any:
    """A new, uninitialised mock on a class of ``ring`` that nobody else has."""
    mock: Any
    classes = ring.classes
    if classes and ring.cycling:
        # Lately this ring's mocks were freed by the collector, in bulk: they live in
        # reference cycles (a mock with children, or a return value). The oldest class is
        # then the one likely free; now and then the newest are asked again, in case the
        # mocks die at once again.
        ring.cycling -= 1
        entry = classes.popleft()
        cls = entry[0]
        if (
            _refs(cls) == ring.base
            and getweakrefcount(cls) == ring.weak
            and (entry[2] is None or _refs(entry[2]) == ring.weak_base)
            and type(cls) is ring.meta
        ):
            # _take's common case, inlined: made in bulk after each collection, this path
            # decides what a first child access costs (callgrind, 3.13.18: 27,400 -> 26,400
            # instructions for `Mock().attr`).
            mock = _object_new(cls)
            classes.append(entry)
            cell = entry[1]
            if cell is not None:
                cell.ref = _weak_ref(mock)
            return mock
        del cls
        mock = _take(ring, entry)
        del entry
        if mock is not None:
            return mock
        ring.cycling = 0
    elif classes:
        # First the two classes given out last, the one before last first: in ``m = Mock()``
        # over and over, the last is still in use while the next mock is made and the one
        # before is free again. That keeps such loops on two classes, warm in the
        # interpreter's caches. (Inlined: it is most of what creating a mock costs.)
        last = classes.pop()
        if classes:
            entry = classes.pop()
            cls = entry[0]
            if (
                _refs(cls) == ring.base
                and getweakrefcount(cls) == ring.weak
                and (entry[2] is None or _refs(entry[2]) == ring.weak_base)
                and (type(cls) is ring.meta or _restore(ring, cls))
            ):
                # Made before it goes back: another thread then sees the class in use.
                mock = _object_new(cls)
                classes.append(last)
                classes.append(entry)
                cell = entry[1]
                if cell is not None:
                    cell.ref = _weak_ref(mock)
                return mock
            classes.append(entry)
            del entry
        cls = last[0]
        if (
            _refs(cls) == ring.base
            and getweakrefcount(cls) == ring.weak
            and (last[2] is None or _refs(last[2]) == ring.weak_base)
            and (type(cls) is ring.meta or _restore(ring, cls))
        ):
            mock = _object_new(cls)
            classes.append(last)
            cell = last[1]
            if cell is not None:
                cell.ref = _weak_ref(mock)
            return mock
        classes.append(last)
        del cls, last
        # Then the oldest: free once the collector has run, for mocks in reference cycles
        # (most mocks with children or return values are).
        mock = _take(ring, classes.popleft())
        if mock is not None:
            ring.cycling = _CYCLING
            return mock
    cls, cell = ring.make()
    mock = None
    if ring.pooled and len(classes) < CAP and _kept < BUDGET:
        entry = (cls, cell, _plain_ref(cls))
        count = _refs(cls)
        if ring.base < 0:
            ring.base = count
            ring.weak = getweakrefcount(cls)
            ring.weak_base = -1 if entry[2] is None else _refs(entry[2])
        if count == ring.base:
            mock = _object_new(cls)
            classes.append(entry)
            _added()
    if mock is None:
        mock = _object_new(cls)
    if cell is not None:
        cell.ref = _weak_ref(mock)
    return mock


def _take(ring: Ring, entry: Any) -> Any:
    """A new mock on the class of ``entry`` (taken out of ``ring``) if unused; else None.

    An unused class that was written on is put back as it was made first. A class whose
    mock is alive goes to the tail for a later turn or, once the ring (or all rings
    together) is full, is left to its mock and freed with it.
    """
    classes = ring.classes
    cls = entry[0]
    if (
        _refs(cls) == ring.base
        and getweakrefcount(cls) == ring.weak
        and (entry[2] is None or _refs(entry[2]) == ring.weak_base)
    ):
        if type(cls) is ring.meta or _restore(ring, cls):
            mock = _object_new(cls)
            classes.append(entry)
            cell = entry[1]
            if cell is not None:
                cell.ref = _weak_ref(mock)
            return mock
        _evicted()  # changed beyond repair, or too often: never used again
    elif len(classes) < CAP - 1 and _kept < BUDGET:
        classes.append(entry)
    else:
        _evicted()
    return None


def _plain_ref(cls: type) -> Any:
    """The weak reference to ``cls`` without a callback (its base's), or None."""
    refs = getweakrefs(cls)
    # A new class has one: a loop instead of a generator, which is paid for each class
    # made once a ring is full of classes in use (the first-access benchmark).
    for ref in refs:
        if ref.__callback__ is None:
            return ref
    return None


def _added() -> None:
    global _kept
    _kept += 1


def _evicted() -> None:
    global _kept
    _kept -= 1


#: Mocks made from a ring's oldest class first once that was what worked (see new_mock).
_CYCLING = 32

#: Writes a class may see before it is retired: the interpreter gives a class only so
#: many new versions (1,000 in CPython 3.12-3.15), and a class out of them is never found
#: in the type-attribute cache again.
REWRITES = 300


def add_check(cls: type, values: dict[str, Any]) -> bool:
    """Write a signature check (``values``) on ``cls``, keeping it known to its ring.

    Only on a class of a ring that nothing was written on; False otherwise (the caller then
    writes the values through the metaclass, which marks the class changed).
    """
    ring = getattr(type(cls), "ring", None)
    if ring is None or type(cls) is not ring.meta:
        return False
    type.__setattr__(cls, "_mock_touched", set(values))
    for name, value in values.items():
        type.__setattr__(cls, name, value)
    type.__setattr__(cls, "__class__", ring.checked)
    return True


def _restore(ring: Ring, cls: type) -> bool:
    """Put back what was written on ``cls`` through ``type(m)``; False if it can't be."""
    own = cls.__dict__
    touched = own["_mock_touched"]
    rewrites = own.get("_mock_rewrites", 0) + 2 * len(touched) + 2
    if not touched.isdisjoint(_STRUCTURAL) or rewrites > REWRITES:
        return False
    body = ring.body
    for name in touched:
        if name in body:
            if own.get(name, body) is not body[name]:
                type.__setattr__(cls, name, body[name])
        elif name in own:
            type.__delattr__(cls, name)
    type.__delattr__(cls, "_mock_touched")
    type.__setattr__(cls, "_mock_rewrites", rewrites)
    type.__setattr__(cls, "__class__", ring.meta)
    return True


def settle(mock: Any, ring: Ring) -> bool:
    """Move a mock that is being made to a class of ``ring``, if nobody can tell.

    For a constructor that learns late which defaults the mock's class should hold (a
    spec given to a MagicMock): moving is cheaper than changing the class, and nobody can
    tell while the class is still pristine and referred to by nothing but the mock.
    Returns whether the mock moved; if not, the caller changes the class instead.
    """
    cls = type(mock)
    current: Ring | None = cls.__dict__.get("_mock_ring")
    if current is None or not current.pooled or not ring.pooled:
        return False
    classes = current.classes
    if not classes or classes[-1][0] is not cls:
        return False
    entry = classes.pop()
    if entry[0] is not cls:  # another thread came in between
        classes.append(entry)
        return False
    if (
        _refs(cls) != current.base + 1
        or getweakrefcount(cls) != current.weak
        or (entry[2] is not None and _refs(entry[2]) != current.weak_base)
        or type(cls) is not current.meta
    ):
        classes.append(entry)
        return False
    moved = new_mock(ring)
    set_class(mock, type(moved))
    cell = type(moved).__dict__.get("_mock_cell")
    if cell is not None:
        cell.ref = _weak_ref(mock)
    classes.append(entry)
    return True


def derived_instance(cls: type, bases: tuple[type, ...] | None = None) -> Any:
    """An instance of a new subclass of the mock class ``cls`` (``type(m)()``, copies).

    As in the standard library, it shares what was configured on ``cls``; ``cls``'s own
    mock is kept alive while it exists, since the defaults on ``cls`` resolve to it.
    """
    body: dict[str, Any] = {
        "__module__": cls.__module__,
        "__doc__": cls.__doc__,
        "_mock_origin": origin_of(cls),
        # Children are made the standard library's way: of the next class in the MRO.
        "_mock_plain_children": False,
        "_mock_ring": None,
    }
    owner = owner_of(cls)
    if owner is not None:
        body["_mock_keep"] = owner
    cell = None
    if "_mock_cell" in cls.__dict__ or "_mock_keep" in cls.__dict__:
        body["_mock_cell"] = cell = _Cell()
    meta = type(cls)
    if isinstance(cls, MockClassType):
        # A class with a subclass is never reused: it is marked changed for good, and the
        # subclass's metaclass derives from that.
        _note(cls, "__class__")
        meta = DerivedMockClassType
    new: type = meta(cls.__name__, bases or (cls,), body)
    mock: Any = _object_new(new)
    if cell is not None:
        cell.ref = _weak_ref(mock)
    return mock


def owner_of(cls: type) -> Any:
    """The mock that the class ``cls`` was made for, or None (gone, or not a mock class)."""
    cell = cls.__dict__.get("_mock_cell")
    if cell is None:
        return None
    ref = cell.ref
    return None if ref is None else ref()


def origin_of(cls: type) -> type:
    """The class the user asked for (``Mock``, ``MagicMock``, a subclass) behind ``cls``."""
    return cls._mock_origin  # type: ignore[attr-defined, no-any-return]
