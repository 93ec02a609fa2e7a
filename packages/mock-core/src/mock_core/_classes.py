"""The classes mock instances live on.

In the standard library every mock gets a class of its own at creation, so that
``type(m).prop = PropertyMock()`` or a magic method set on one mock never reaches
another. A class costs several microseconds to create, so here mocks of one kind
share a hidden *generation* class, and a mock gets a private class only when
something must live on the class for it alone:

* internally (a magic method set or deleted, a signature check installed) the
  mock is moved onto a new private class;
* when user code changes a generation class through ``type(m)``, the class's
  metaclass intercepts the change, works out which mock was meant (the only
  live instance, or the expression the caller passed to ``type()``, read from
  its bytecode), hands the class to that mock alone and moves every other
  instance onto a fresh generation. See ``_claim``.

Classes are private or generation classes; both derive from a *base*: the
user-facing class itself, or a shared class of defaults that a package above
registered for it (mock-magic's magic methods).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import FrameType
    from typing import Any, Callable

__all__ = [
    "derived_class",
    "generation_class",
    "origin_of",
    "private_class",
    "set_class",
    "sole_instance",
]

# object's own __class__ slot: mocks shadow ``__class__`` with a spec-aware
# property, so assignment has to go through the slot itself.
set_class = object.__dict__["__class__"].__set__

_DERIVED = "_mock_derived_from"
_PRIVATE = "_mock_private"
_GENERATION = "_mock_generation"

# Generation classes are remembered on the classes they serve, never in module-level
# dicts, so that a mock class made at run time (``class X(MagicMock)`` in a test) is
# freed with everything it refers to.
_GENERATIONS = "_mock_generations"  # on a user-facing class: {defaults key: generation}
_DEFAULT = "_mock_default_generation"  # on a class: (that class, where its mocks go)


def origin_of(cls: type) -> type:
    """The user-facing class a (possibly derived) mock class stands for."""
    found = cls.__dict__.get(_DERIVED)
    return found if found is not None else cls


def derived_class(
    origin: type, namespace: dict[str, Any], private: bool, base: type | None = None
) -> type:
    body: dict[str, Any] = {
        "__module__": origin.__module__,
        "__doc__": origin.__doc__,
        _DERIVED: origin,
    }
    if private:
        body[_PRIVATE] = True
    body.update(namespace)
    parent = base if base is not None else origin
    return type(parent)(origin.__name__, (parent,), body)


class _GenerationType(type):
    """Metaclass of generation classes: a change through ``type(m)`` is for one mock."""

    def __setattr__(cls, name: str, value: Any) -> None:
        _claim(cls, sys._getframe(1))
        type.__setattr__(cls, name, value)

    def __delattr__(cls, name: str) -> None:
        _claim(cls, sys._getframe(1))
        type.__delattr__(cls, name)


_metas: dict[type, type] = {type: _GenerationType}


def _generation_meta(meta: type) -> type:
    found = _metas.get(meta)
    if found is None:
        # A user subclass with a metaclass of its own keeps it.
        found = type(f"{meta.__name__}Generation", (_GenerationType, meta), {})
        found = _metas.setdefault(meta, found)
    return found


def generation_class(
    origin: type, key: Any = None, body: dict[str, Any] | Callable[[], dict[str, Any]] | None = None
) -> type:
    """The class new mocks of ``origin`` are created on.

    ``body`` holds defaults that every such mock shares (mock-magic's magic
    methods), or makes them when the class does not exist yet; ``key`` names that
    body, so each distinct body has its own class.
    """
    known = origin.__dict__.get(_GENERATIONS)
    if known is None:
        known = {}
        type.__setattr__(origin, _GENERATIONS, known)
    found = known.get(key)
    if found is None:
        if callable(body):
            body = body()
        found = known.setdefault(key, _new_generation(origin, key, body or {}))
    return found  # type: ignore[no-any-return]


def default_generation(cls: type, key: Any, body: dict[str, Any] | None) -> type:
    """Where ``cls()`` puts new mocks, remembered on ``cls`` for ``NonCallableMock.__new__``."""
    found = generation_class(origin_of(cls), key, body)
    type.__setattr__(cls, _DEFAULT, (cls, found))
    return found


def _new_generation(origin: type, key: Any, defaults: dict[str, Any]) -> type:
    body = {
        "__module__": origin.__module__,
        "__doc__": origin.__doc__,
        _DERIVED: origin,
        _GENERATION: key,
        **defaults,
    }
    meta = _generation_meta(type(origin))
    created: type = meta(origin.__name__, (origin,), body)
    return created


_BOOKKEEPING = frozenset(
    {"__module__", "__doc__", _DERIVED, _GENERATION, _PRIVATE, _DEFAULT, "_mock_plain_child"}
)


def private_class(mock: Any, magic_names: frozenset[str] = frozenset()) -> type:
    """The class owned by ``mock`` alone, moving it onto a new one if it shares its class."""
    cls = type(mock)
    namespace = cls.__dict__
    if namespace.get(_PRIVATE):
        return cls
    origin = origin_of(cls)
    # A generation's shared defaults come along, so the mock behaves the same.
    carried = {k: v for k, v in namespace.items() if k not in _BOOKKEEPING}
    new = derived_class(origin, carried, private=True)
    set_class(mock, new)
    return new


def _instances(cls: type) -> list[Any]:
    import gc

    return [obj for obj in gc.get_referrers(cls) if type(obj) is cls]


def _claim(cls: type, frame: FrameType | None) -> None:
    """Make generation class ``cls`` private to the mock user code meant."""
    namespace = cls.__dict__
    if _GENERATION not in namespace or namespace.get(_PRIVATE):
        return
    origin = origin_of(cls)
    key = namespace[_GENERATION]
    defaults = {k: v for k, v in namespace.items() if k not in _BOOKKEEPING}
    known = origin.__dict__.get(_GENERATIONS)
    if known is not None and known.get(key) is cls:
        # From now on new mocks of this kind are created on a fresh class.
        del known[key]
    remembered = origin.__dict__.get(_DEFAULT)
    if remembered is not None and remembered[1] is cls:
        # Reset, not delete: on NonCallableMock itself the class-body default is the only
        # value, and without it every later NonCallableMock() fails.
        type.__setattr__(origin, _DEFAULT, None)
    instances = _instances(cls)
    target = None
    if len(instances) > 1 and frame is not None:
        named = _type_argument(frame)
        if named is not None and type(named) is cls:
            target = named
    elif len(instances) == 1:
        # The only mock on the class is the one meant: it keeps the class.
        target = instances[0]
    if target is not None or len(instances) <= 1:
        others = [obj for obj in instances if obj is not target]
        if others:
            fresh = generation_class(origin, key, defaults)
            for obj in others:
                set_class(obj, fresh)
    # Otherwise the mock cannot be told apart: the change reaches every mock that
    # shares the class now (never the mocks created later).
    type.__setattr__(cls, _PRIVATE, True)


def sole_instance(cls: type, frame: FrameType | None) -> Any:
    """The mock a read through ``type(m)`` meant, or None when it cannot be told."""
    if cls.__dict__.get(_PRIVATE) and _GENERATION not in cls.__dict__:
        instances = _instances(cls)
        return instances[0] if len(instances) == 1 else None
    if frame is not None:
        named = _type_argument(frame)
        if named is not None and type(named) is cls:
            return named
    instances = _instances(cls)
    return instances[0] if len(instances) == 1 else None


# -- reading ``type(<expr>)`` back from the caller's bytecode ---------------------

_CALLS = {"CALL", "CALL_FUNCTION", "PRECALL"}
_LOADS = {"LOAD_FAST", "LOAD_DEREF", "LOAD_NAME", "LOAD_GLOBAL", "LOAD_CLASSDEREF",
          "LOAD_FAST_CHECK", "LOAD_FAST_BORROW"}  # fmt: skip


def _type_argument(frame: FrameType) -> Any:
    """Evaluate again the simple expression ``x`` or ``x.a.b`` the frame just passed to ``type``.

    Looks a few instructions back from the current one for ``type(<name>.<attr>...)``;
    only plain names and attribute chains are replayed (reading attributes that were
    just read). Anything else gives None.
    """
    try:
        import dis

        instructions = [
            ins
            for ins in dis.get_instructions(frame.f_code)
            if ins.opname not in ("CACHE", "NOP", "EXTENDED_ARG", "PRECALL")
        ]
        here = next((i for i, ins in enumerate(instructions) if ins.offset == frame.f_lasti), None)
        if here is None:
            return None
        for end in range(here - 1, max(-1, here - 16), -1):
            ins = instructions[end]
            if ins.opname not in _CALLS or ins.arg != 1:
                continue
            found = _replay(frame, instructions, end)
            if found is not _NOTHING:
                return found
        return None
    except Exception:
        return None


_NOTHING = object()


def _replay(frame: FrameType, instructions: list[Any], call: int) -> Any:
    index = call - 1
    chain: list[str] = []
    while index >= 0 and instructions[index].opname in ("LOAD_ATTR", "LOAD_METHOD"):
        chain.append(instructions[index].argval)
        index -= 1
    if index < 1:
        return _NOTHING
    start = instructions[index]
    callee = instructions[index - 1]
    if start.opname not in _LOADS:
        return _NOTHING
    if callee.opname not in ("LOAD_GLOBAL", "LOAD_NAME") or callee.argval != "type":
        return _NOTHING
    value = _load(frame, start.opname, start.argval)
    for name in reversed(chain):
        value = getattr(value, name)
    return value


def _load(frame: FrameType, opname: str, name: str) -> Any:
    if opname in ("LOAD_GLOBAL",):
        if name in frame.f_globals:
            return frame.f_globals[name]
        return frame.f_builtins[name]
    local = frame.f_locals
    if name in local:
        return local[name]
    if name in frame.f_globals:
        return frame.f_globals[name]
    return frame.f_builtins[name]
