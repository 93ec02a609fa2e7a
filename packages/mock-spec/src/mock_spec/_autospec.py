"""``create_autospec``: mocks shaped like their spec, built lazily.

The mock for the spec itself is made at once (with its signature check, and for a
class the instance mock its calls return); every attribute gets a placeholder
holding the value read from the spec, and becomes a mock on first access. The
mock types, names, parents, signatures and sealing of those attribute mocks are
what the standard library's eager construction gives.
"""

from __future__ import annotations

from mock_core import InvalidSpecError
from mock_core.plugins import (
    check_argument_typos,
    defer_children,
    extract_mock,
    is_async_function,
    is_mock,
    set_child,
)
from mock_magic import AsyncMock, MagicMock, NonCallableMagicMock

from ._funcs import (
    _callable,
    _check_signature,
    _instance_callable,
    _setup_async_mock,
    install_check,
    is_data_descriptor,
    wrap_function,
)
from ._signature import FUNCTION_TYPES, get_signature_object
from ._specstate import LazyAttributes

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would slow the import
    from typing import Any

__all__ = [
    "_must_skip",
    "attribute_mock",
    "autospec_attribute",
    "create_autospec",
    "seal_if_sealed",
]

_MISSING = object()
_FunctionType = FUNCTION_TYPES[0]
# Keyword arguments the mock's constructor takes itself; the rest configure the
# finished mock (dotted names reach into its attributes and return value).
_CONSTRUCTOR_KEYS = ("return_value", "side_effect", "wraps")


def _must_skip(spec: Any, entry: str, is_type: bool) -> bool:
    """Whether calls of attribute ``entry`` of ``spec`` pass ``self`` implicitly.

    True for a method looked up on a class modelled as a class; False for
    staticmethods, classmethods, instance attributes and non-functions.

    .. versionadded:: 0.1.0
    """
    return _skip_in(*_namespaces(spec), entry, is_type)


def _namespaces(spec: Any, copy: bool = False) -> tuple[Any, list[Any]]:
    """What :func:`_skip_in` reads: the instance's own dict (None for a class), and the
    namespaces of its class's MRO.

    With ``copy``, copies as they are now: attribute mocks are made on first use, and a
    test may have patched the spec's methods since; the kind of each attribute is the one
    it had when the autospec was made. (object's namespace cannot change; copying it would
    cost every autospec.)
    """
    if isinstance(spec, type):
        own, klass = None, spec
    else:
        own, klass = getattr(spec, "__dict__", None), spec.__class__
    if not copy:
        return own, [base.__dict__ for base in klass.__mro__]
    dicts = [base.__dict__.copy() for base in klass.__mro__ if base is not object]
    return (None if own is None else dict(own)), dicts


def _skip_in(own: Any, dicts: Any, entry: str, is_type: bool) -> bool:
    if own is not None and entry in own:
        # Set on the instance: a plain function, not a method.
        return False
    for namespace in dicts:
        found = namespace.get(entry, _MISSING)
        if found is _MISSING:
            continue
        if isinstance(found, (staticmethod, classmethod)):
            return False
        if isinstance(found, FUNCTION_TYPES):
            return is_type
        return False
    return is_type


def _is_async_spec(spec: Any) -> bool:
    # As the standard library: only objects with code (functions, methods) count,
    # so a partial of a coroutine function is autospecced as a plain callable.
    if not getattr(spec, "__code__", None):
        return False
    return is_async_function(spec)


def _dataclass_fields(spec: Any) -> list[Any] | None:
    if getattr(spec, "__dataclass_fields__", None) is None:
        return None
    import dataclasses  # already imported by whoever made the dataclass

    if not dataclasses.is_dataclass(spec):
        return None
    return list(dataclasses.fields(spec))


def _read_attributes(spec: Any, names: Any) -> dict[str, Any]:
    """The value of every non-magic attribute of ``spec``, read as the standard library does.

    Reading happens now, not on first access, so that what the mocks are made
    from is what the spec was when the autospec was created.
    """
    originals: dict[str, Any] = {}
    for entry in names:
        # mock-magic's _is_magic, inlined: this loop runs for every name of the spec.
        if entry[:2] == "__" and entry[-2:] == "__" and len(entry) > 3:
            continue
        try:
            originals[entry] = getattr(spec, entry)
        except AttributeError:
            # Left to the mock's ordinary attribute handling (an unspecced child).
            continue
    return originals


def create_autospec(
    spec: Any,
    spec_set: Any = False,
    instance: bool = False,
    _parent: Any = None,
    _name: Any = None,
    *,
    unsafe: bool = False,
    **kwargs: Any,
) -> Any:
    """Create a mock with the attributes and signatures of ``spec``.

    Functions and methods become mocks that check their arguments against the
    original signature; a class becomes a mock whose calls check the constructor
    signature and return an instance mock; ``instance=True`` mocks an instance of
    the class ``spec``; ``spec_set=True`` also refuses setting attributes the spec
    does not have. Other keyword arguments configure the mock (``return_value``,
    ``side_effect``, ``name``, ``wraps``, dotted attribute paths). Attribute mocks
    are created on first access.

    .. versionadded:: 0.1.0
    """
    if type(spec) in (list, tuple):
        # A list instance as spec means its type here, not a list of attribute names.
        spec = type(spec)
    is_type = isinstance(spec, type)
    if is_mock(spec):
        raise InvalidSpecError(f"Cannot autospec a Mock object. [object={spec!r}]")
    is_async_func = _is_async_spec(spec)
    if not unsafe:
        check_argument_typos(kwargs)
    _name = kwargs.pop("name", _name)
    new_name = _name if _parent is not None else ""

    # Properties and other data descriptors are mocked without a spec.
    described = not is_data_descriptor(spec)
    if not described:
        callable_mock = True
    elif is_type and instance:
        # An instance of the class: callable when the class defines __call__.
        callable_mock = _instance_callable(spec)
    else:
        callable_mock = _callable(spec)
    klass: Any = MagicMock if callable_mock else NonCallableMagicMock
    if is_async_func:
        if instance:
            raise RuntimeError(
                "Instance can not be True when create_autospec is mocking an async function"
            )
        klass = AsyncMock

    spec_kwargs: dict[str, Any] = {}
    if described and spec is not None:
        spec_kwargs["spec_set" if spec_set else "spec"] = spec
        if instance:
            spec_kwargs["_spec_as_instance"] = True
    for key in _CONSTRUCTOR_KEYS:
        if key in kwargs:
            spec_kwargs[key] = kwargs[key]
    mock = klass(parent=_parent, _new_parent=_parent, _new_name=new_name, name=_name, **spec_kwargs)

    # Attribute names: the spec's dir(), which mock-core has just computed for the spec.
    # A plain function's only non-magic attributes are the ones set on it.
    methods = mock._mock_methods
    if type(spec) is _FunctionType:
        names: Any = spec.__dict__
    elif described and spec is not None and methods is not None:
        names = methods
    else:
        names = dir(spec)
    originals = _read_attributes(spec, names)

    fields = _dataclass_fields(spec) if is_type and instance else None
    if fields is not None:
        # Newest behaviour: dataclass fields are attributes of instance mocks, specced
        # on their declared type.
        for field in fields:
            originals[field.name] = field.type
        if methods is not None:
            known = set(methods)
            methods.extend(f.name for f in fields if f.name not in known)

    layout: Any = (
        _namespaces(spec, copy=True) if originals else None
    )  # only read when there are attributes
    wrapped = kwargs.pop("wraps", None)
    configure = {k: v for k, v in kwargs.items() if k not in _CONSTRUCTOR_KEYS}

    is_function = isinstance(spec, FUNCTION_TYPES)
    result = mock
    if is_type and not instance and "return_value" not in kwargs:
        # Made before configuring, so that dotted keyword arguments such as
        # "return_value.meth.side_effect" reach the instance mock.
        mock.return_value = _instance_autospec(spec, spec_set, mock, wrapped, originals, layout)
    if originals:
        placeholder = LazyAttributes(spec, spec_set, instance, is_type, wrapped, originals, layout)
        defer_children(mock, originals, placeholder)

    if configure:
        mock.configure_mock(**configure)
    for original in originals.values():
        # The standard library makes function attributes' mocks at once (after configuring
        # the mock), and a mock that passes for a function (``spec=func``) is refused then,
        # not on first access.
        if is_mock(original) and isinstance(original, FUNCTION_TYPES):
            raise InvalidSpecError(f"Cannot spec a Mock object. [object={original!r}]")

    if is_function:
        # Top level only: attributes of a spec are never wrapped in functions.
        result = wrap_function(mock, spec, is_async_func)
        if result is not mock:
            if is_async_func:
                _setup_async_mock(result)
            # A function's own function attributes are attributes of the copy too;
            # a function cannot defer them, so they are made now.
            for entry, original in originals.items():
                if isinstance(original, FUNCTION_TYPES):
                    result.__dict__[entry] = getattr(mock, entry)
    else:
        # Non-callable mocks too, as in the standard library: calls are never checked then,
        # but the class holds the signature (``type.__call__``'s, for an instance spec).
        _check_signature(spec, mock, skipfirst=is_type, instance=instance)

    if not instance and _parent is not None:
        # The parent's child is what the caller gets (a function copy, for a function).
        set_child(_parent, _name, result)
    return result


def _instance_autospec(
    spec: Any, spec_set: Any, parent: Any, wrapped: Any, originals: dict[str, Any], layout: Any
) -> Any:
    """The mock a class autospec returns when called: an instance-specced autospec.

    Reuses the attribute values the class autospec read (the same ``getattr`` on
    the same class); a dataclass takes the general route, which adds its fields.
    """
    if _dataclass_fields(spec) is not None:
        return create_autospec(spec, spec_set, instance=True, _name="()", _parent=parent,
                               wraps=wrapped)  # fmt: skip
    klass = MagicMock if _instance_callable(spec) else NonCallableMagicMock
    kwargs: dict[str, Any] = {"spec_set" if spec_set else "spec": spec, "_spec_as_instance": True}
    if wrapped is not None:
        kwargs["wraps"] = wrapped
    mock = klass(parent=parent, _new_parent=parent, _new_name="()", name="()", **kwargs)
    if originals:
        placeholder = LazyAttributes(spec, spec_set, True, True, wrapped, originals, layout)
        defer_children(mock, originals, placeholder)
    _check_signature(spec, mock, True, True)
    return mock


def autospec_attribute(parent: Any, name: str, spec: Any, spec_set: Any, instance: bool) -> Any:
    """Autospec attribute ``name`` of ``parent`` from the value ``spec`` the spec had."""
    try:
        child = create_autospec(spec, spec_set, instance, parent, name)
    except InvalidSpecError:
        # The spec's attribute was itself a mock (patched out) when it was read.
        target = parent.__dict__.get("_mock_name") or parent
        raise InvalidSpecError(  # noqa: B904 - chained implicitly, as the standard library
            f"Cannot autospec attr {name!r} from target {target!r} as it has already been "
            f"mocked out. [target={parent!r}, attr={spec!r}]"
        )
    return seal_if_sealed(parent, child)


def seal_if_sealed(parent: Any, child: Any) -> Any:
    """Seal a lazily created child of a sealed mock, as ``seal`` would have done eagerly."""
    if parent._mock_sealed:
        from mock_core import seal

        inner = extract_mock(child)
        if is_mock(inner) and inner._mock_new_parent is parent:
            seal(inner)
    return child


def attribute_mock(parent: Any, name: str, original: Any, state: LazyAttributes) -> Any:
    """Create the mock for attribute ``name`` of an autospec, from the spec's ``original``.

    .. versionadded:: 0.1.0
    """
    if not isinstance(original, FUNCTION_TYPES):
        # Always as a non-instance: the standard library's placeholders never pass
        # their parent's ``instance`` on (a nested class of an instance mock is
        # still a callable class mock), and tests rely on that.
        return autospec_attribute(parent, name, original, state.spec_set, False)
    skipfirst = _skip_in(*state.layout, name, state.is_type)
    klass: Any = AsyncMock if is_async_function(original) else MagicMock
    kwargs: dict[str, Any] = {"spec_set" if state.spec_set else "spec": original}
    if state.wrapped:
        kwargs["wraps"] = original
    child = klass(
        parent=parent, name=name, _new_name=name, _new_parent=parent, _eat_self=skipfirst, **kwargs
    )
    # The standard library gives method mocks their return value up front (sealing
    # relies on it); here "up front" is when the method is first used.
    child.return_value = klass()
    found = get_signature_object(original, False, skipfirst)
    if found is not None:
        signature = found[1]
        install_check(child, signature)
        child.__dict__["_spec_signature"] = signature
    return seal_if_sealed(parent, child)
