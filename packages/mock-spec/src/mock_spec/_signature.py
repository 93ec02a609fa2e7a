"""Signatures of specs: which callable a spec stands for, and its signature, computed once.

The rules follow the standard library: a class (not modelled as an instance) is
described by its ``__init__`` without ``self``; a classmethod or staticmethod
object by its function (a classmethod without ``cls``); a function or bound method
by itself; anything else by its ``__call__``. ``eat_self`` drops the first
parameter the way ``functools.partial(func, None)`` would.

Signatures are cached per function object without keeping the function alive, and
each distinct parameter shape gets a compiled checker: a function with the same
parameters whose call is the whole check, done by the interpreter's own argument
parsing. Only when that check fails is ``Signature.bind`` run, for the standard
library's exact error message.

``inspect`` is imported on first use, never at import time.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would slow the import
    from inspect import Signature
    from typing import Any, Callable, Optional, Tuple
    from weakref import WeakKeyDictionary

    # Raises TypeError for a call the signature refuses; what it returns is ignored.
    Checker = Callable[..., object]

__all__ = [
    "FUNCTION_TYPES",
    "bind_checker",
    "checker_from",
    "compiled_checker",
    "get_signature_object",
    "raise_bind_error",
    "signature_of",
    "signature_provider",
]


def _plain_function() -> None:
    """Only here so that its type can be named without importing ``types``."""


class _Holder:
    def method(self) -> None:
        """Only here so that bound methods' type can be named."""


_FunctionType = type(_plain_function)
_MethodType = type(_Holder().method)
_WrapperDescriptor = type(object.__init__)
_MethodWrapper = type((0).__add__)  # a slot wrapper bound to an object

FUNCTION_TYPES = (_FunctionType, _MethodType)
"""What the standard library treats as functions: plain functions and bound methods."""

# --------------------------------------------------------------------------- caches

# function -> {variant: (stamp, signature)}; the variant says how the function was
# reached (directly or as a bound method) and whether ``self`` was eaten. Weak keys:
# a cached signature must not keep a test's local function alive. Made on first use,
# so that importing mock-spec does not import weakref.
_by_function: WeakKeyDictionary[Any, dict[Any, Any]] | None = None
# ``object.__init__`` and friends are not weak-referenceable; they live for ever anyway.
_by_slot: dict[Any, Any] = {}
_SLOT_LIMIT = 1024

_MISSING = object()


def _stamp(func: Any) -> tuple[Any, ...]:
    """What a function's signature is made of; a changed stamp means recompute."""
    namespace = func.__dict__
    return (
        func.__code__,
        func.__defaults__,
        func.__kwdefaults__,
        namespace.get("__signature__"),
        namespace.get("__wrapped__"),
    )


def _same(left: tuple[Any, ...], right: tuple[Any, ...]) -> bool:
    # Identity, not equality: code objects compare by value, slowly.
    for a, b in zip(left, right, strict=False):
        if a is not b:
            return False
    return True


# --------------------------------------------------------------------------- resolution


def _target(spec: Any, as_instance: bool, eat_self: bool) -> tuple[Any, bool] | None:
    """The callable whose signature describes calls of ``spec``, and whether to drop self."""
    if isinstance(spec, type) and not as_instance:
        # Calling a class runs its __init__, whose self the caller never passes.
        return spec.__init__, True  # type: ignore[misc]
    if isinstance(spec, classmethod):
        return spec.__func__, True
    if isinstance(spec, staticmethod):
        return spec.__func__, eat_self
    if isinstance(spec, FUNCTION_TYPES):
        return spec, eat_self
    try:
        # An instance (or a class modelled as one) is called through __call__.
        return spec.__call__, eat_self
    except AttributeError:
        return None


def _annotation_format() -> Any:
    # From 3.14 annotations are evaluated lazily, and inspect.signature would
    # evaluate them by default: names that only exist under TYPE_CHECKING would
    # raise. FORWARDREF keeps what cannot be resolved as a reference instead.
    if sys.version_info >= (3, 14):  # pragma: no cover - newer interpreters
        import annotationlib  # type: ignore[import-not-found, unused-ignore]

        return annotationlib.Format.FORWARDREF
    return None


_FORMAT: Any = _MISSING


def _inspect_signature(obj: Any) -> Signature:
    global _FORMAT
    import inspect

    if _FORMAT is _MISSING:
        _FORMAT = _annotation_format()
    if _FORMAT is None:
        # Before 3.14 inspect.signature never evaluates annotations (eval_str is off).
        return inspect.signature(obj)
    return inspect.signature(  # type: ignore[call-arg, unused-ignore]  # pragma: no cover
        obj, annotation_format=_FORMAT
    )


def _compute(target: Any, eat_self: bool) -> Signature | None:
    obj = target
    if eat_self:
        import functools

        # Exactly what the standard library does, so every corner of binding the
        # first argument (positional-only, *args, nothing to bind) agrees with it.
        obj = functools.partial(target, None)
    try:
        return _inspect_signature(obj)
    except ValueError:
        return None


def _new_function_cache() -> WeakKeyDictionary[Any, dict[Any, Any]]:
    global _by_function
    from weakref import WeakKeyDictionary

    _by_function = WeakKeyDictionary()
    return _by_function


def _cached(target: Any, eat_self: bool) -> Signature | None:
    """The signature of ``target`` (``self`` dropped when ``eat_self``), computed once."""
    kind = type(target)
    variant: Any
    if kind is _FunctionType:
        owner, variant = target, eat_self
    elif kind is _MethodType and type(target.__func__) is _FunctionType:
        # Bound methods are made afresh on every attribute access; their function is not.
        owner, variant = target.__func__, ("bound", eat_self)
    elif kind is _WrapperDescriptor or kind is _MethodWrapper:
        # A slot's wrapper: its signature comes from the slot's text signature alone, so
        # a bound one (``C.__call__`` of a class C modelled as an instance: type.__call__)
        # is known by its owner's type and name.
        key = (
            (target, eat_self)
            if kind is _WrapperDescriptor
            else (type(target.__self__), target.__name__, eat_self)
        )
        found = _by_slot.get(key, _MISSING)
        if found is _MISSING:
            found = _compute(target, eat_self)
            if len(_by_slot) >= _SLOT_LIMIT:
                _by_slot.clear()
            _by_slot[key] = found
            if found is not None:
                _remember_slot_signature(found)
        return found  # type: ignore[no-any-return]
    else:
        return _compute(target, eat_self)
    stamp = _stamp(owner)
    cache = _by_function
    if cache is None:
        cache = _new_function_cache()
    try:
        entries = cache.get(owner)
    except TypeError:  # unhashable function subclass instances cannot be cached
        return _compute(target, eat_self)
    if entries is None:
        entries = {}
        try:
            cache[owner] = entries
        except TypeError:
            return _compute(target, eat_self)
    else:
        found = entries.get(variant)
        if found is not None and _same(found[0], stamp):
            return found[1]  # type: ignore[no-any-return]
    signature = _compute(target, eat_self)
    entries[variant] = (stamp, signature)
    if signature is not None:
        _remember_function_signature(signature, owner, variant)
    return signature


def get_signature_object(
    func: Any, as_instance: bool, eat_self: bool
) -> Optional[Tuple[Any, Signature]]:
    """``(callable, signature)`` for a spec, or None when it has no signature.

    The standard library's private helper of the same name, same rules.

    .. versionadded:: 0.1.0
    """
    found = _target(func, as_instance, eat_self)
    if found is None:
        return None
    target, eat = found
    signature = _cached(target, eat)
    if signature is None:
        return None
    return target, signature


def signature_of(spec: Any, as_instance: bool = False, eat_self: bool = False) -> Any:
    """The signature calls of a mock specced on ``spec`` bind to, or None.

    .. versionadded:: 0.1.0
    """
    found = _target(spec, as_instance, eat_self)
    if found is None:
        return None
    return _cached(*found)


def signature_provider(spec: Any, as_instance: bool, eat_self: bool) -> Any:
    """mock-core's signature plugin point: never fails, None when there is no signature.

    .. versionadded:: 0.1.0
    """
    try:
        return signature_of(spec, as_instance, eat_self)
    except TypeError:
        # A ``__call__`` that is not callable: such a spec simply has no signature.
        return None


# --------------------------------------------------------------------------- checkers

_checkers: dict[tuple[Any, ...], Any] = {}
_CHECKER_LIMIT = 4096


def _shape(signature: Signature) -> tuple[Any, ...]:
    empty = signature.empty
    return tuple(
        (p.name, int(p.kind), p.default is not empty) for p in signature.parameters.values()
    )


def _source(shape: tuple[Any, ...]) -> str:
    """``def check(<same parameters>): pass``; defaults are placeholders, values never matter."""
    parts: list[str] = []
    seen_positional_only = False
    star_written = False
    for name, kind, has_default in shape:
        if kind != 0 and seen_positional_only:
            parts.append("/")
            seen_positional_only = False
        if kind == 0:  # positional-only
            seen_positional_only = True
        if kind == 3 and not star_written:  # keyword-only without *args before it
            parts.append("*")
            star_written = True
        if kind == 2:  # *args
            parts.append(f"*{name}")
            star_written = True
        elif kind == 4:  # **kwargs
            parts.append(f"**{name}")
        else:
            parts.append(f"{name}=None" if has_default else name)
    if seen_positional_only:
        parts.append("/")
    return f"def check({', '.join(parts)}):\n    pass\n"


# Signatures are cached (per function, per slot wrapper), so the same object comes back
# for every mock of one spec: its checker is found by the signature's id, which skips
# recomputing its shape.
#
# id(signature) -> (signature, checker or _MISSING), for slot wrappers' signatures: those
# are kept for ever by _by_slot anyway.
_by_signature: dict[int, tuple[Any, Any]] = {}
# id(signature) -> (weak reference to its function, variant), for signatures cached per
# function: the checker is kept in the function's own cache entry, so that nothing here
# holds the signature, whose defaults and annotations must die with the function.
_function_of: dict[int, tuple[Any, Any]] = {}


def _remember_slot_signature(signature: Signature) -> None:
    if len(_by_signature) >= _CHECKER_LIMIT:
        _by_signature.clear()
    _by_signature[id(signature)] = (signature, _MISSING)


def _remember_function_signature(signature: Signature, owner: Any, variant: Any) -> None:
    from weakref import ref

    key = id(signature)

    def forget(dead: Any) -> None:
        # The function is gone: drop its entry (unless the id was taken over since).
        located = _function_of.get(key)
        if located is not None and located[0] is dead:
            del _function_of[key]

    if len(_function_of) >= _CHECKER_LIMIT:
        _function_of.clear()
    _function_of[key] = (ref(owner, forget), variant)


def _checker_of_function_entry(signature: Signature, located: tuple[Any, Any]) -> Any:
    """The checker kept with ``signature`` in its function's cache entry, made if missing."""
    owner = located[0]()
    cache = _by_function
    entries = None if owner is None or cache is None else cache.get(owner)
    entry = None if entries is None else entries.get(located[1])
    if entry is None or entry[1] is not signature:
        # The id now belongs to another signature (the cached one was replaced and freed).
        return _checker_for_shape(signature)
    if len(entry) > 2:
        return entry[2]
    found = _checker_for_shape(signature)
    entries[located[1]] = (entry[0], signature, found)  # type: ignore[index]
    return found


def compiled_checker(signature: Signature) -> Checker | None:
    """A function accepting exactly the calls ``signature.bind`` accepts, or None.

    None when the parameters cannot be written as Python source (a hand-made
    signature with defaults out of order, say); callers then bind.

    .. versionadded:: 0.1.0
    """
    key = id(signature)
    located = _function_of.get(key)
    if located is not None:
        return _checker_of_function_entry(signature, located)  # type: ignore[no-any-return]
    known = _by_signature.get(key)
    if known is not None and known[0] is signature:
        found = known[1]
        if found is _MISSING:
            found = _checker_for_shape(signature)
            _by_signature[key] = (signature, found)
        return found  # type: ignore[no-any-return]
    # Not a cached signature (a partial's, a hand-made one): made afresh by its caller
    # each time, so there is nothing to remember it by.
    return _checker_for_shape(signature)


def _checker_for_shape(signature: Signature) -> Checker | None:
    shape = _shape(signature)
    found = _checkers.get(shape, _MISSING)
    if found is _MISSING:
        namespace: dict[str, Any] = {}
        try:
            exec(_source(shape), namespace)
            found = namespace["check"]
        except SyntaxError:
            found = None
        if len(_checkers) >= _CHECKER_LIMIT:
            _checkers.clear()
        _checkers[shape] = found
    return found  # type: ignore[no-any-return]


def raise_bind_error(signature: Signature, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Raise the error for a call the compiled checker refused: ``Signature.bind``'s.

    Called outside the checker's ``except`` block, so the error does not chain the
    checker's own. When ``bind`` accepts what the interpreter refuses (before 3.14
    it let a keyword fill a positional-only parameter when there is ``**kwargs``,
    gh-130164), the newest behaviour wins: the call is refused.
    """
    signature.bind(*args, **kwargs)
    parameters = signature.parameters.values()
    if not any(param.kind == 4 for param in parameters):
        # 3.13.0's bind also lets a keyword fill a positional-only parameter that has a
        # default; the interpreter refuses that with this message (and so does 3.14).
        passed = ", ".join(p.name for p in parameters if p.kind == 0 and p.name in kwargs)
        if passed:
            raise TypeError(
                f"got some positional-only arguments passed as keyword arguments: {passed!r}"
            )
    position = len(args)
    for index, param in enumerate(parameters):
        if param.kind == 0 and index >= position and param.default is param.empty:
            raise TypeError(f"missing a required positional-only argument: {param.name!r}")
    raise TypeError("the arguments do not match the signature")  # pragma: no cover


def bind_checker(signature: Signature) -> Checker:
    """``check(*args, **kwargs)``: raises what ``signature.bind`` raises, fast when it passes.

    .. versionadded:: 0.1.0
    """
    return checker_from(compiled_checker(signature), signature)


def checker_from(fast: Checker | None, signature: Signature) -> Checker:
    """:func:`bind_checker` for a ``fast`` checker already compiled (None: bind instead)."""
    if fast is None:
        return signature.bind

    def check(*args: Any, **kwargs: Any) -> None:
        try:
            fast(*args, **kwargs)
            failed = False
        except TypeError:
            failed = True
        if failed:
            raise_bind_error(signature, args, kwargs)

    return check
