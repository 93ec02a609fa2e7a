"""Building the object a patch puts in place when the caller did not pass ``new``.

Three cases, as in the standard library: a plain mock (``MagicMock``, or ``AsyncMock`` for
an async target) optionally configured with ``spec``/``spec_set``; whatever ``new_callable``
returns; or an autospecced mock from mock-spec's ``create_autospec``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from types import BuiltinFunctionType, FunctionType, MethodType

from mock_core import DEFAULT, InvalidSpecError, NonCallableMock, _is_instance_mock
from mock_magic import AsyncMock, MagicMock, NonCallableMagicMock, _is_async_func, _is_async_obj

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional

__all__ = ["MissingSpecPackageError", "_autospecced", "_created", "_is_async_target"]


class MissingSpecPackageError(ModuleNotFoundError):
    """``autospec=`` was used but the mock-spec distribution is not installed.

    .. versionadded:: 0.1.0
    """


def _is_list(obj: Any) -> bool:
    # Only real lists and tuples are attribute-name specs; other sequences are spec objects.
    return type(obj) in (list, tuple)


def _instance_callable(obj: Any) -> bool:
    """Whether instances of ``obj`` (a class) or ``obj`` itself would be callable."""
    if not isinstance(obj, type):
        # Any __call__ attribute counts, even one set on the instance itself.
        return getattr(obj, "__call__", None) is not None  # noqa: B004
    # Look in the namespaces along the MRO: a metaclass __call__ makes the class callable,
    # not its instances, so it must not count.
    return any("__call__" in klass.__dict__ for klass in obj.__mro__)


_CO_COROUTINE = 0x80
# Instances of these types are never coroutine functions nor awaitable.
_PLAIN_VALUE_TYPES = frozenset(
    (int, float, complex, str, bytes, bool, type(None), tuple, list, dict, BuiltinFunctionType)
)


def _is_async_target(obj: Any) -> bool:
    """``_is_async_obj(obj)``, answered directly for the commonest kinds of patch targets.

    Builtins, plain functions (bound or not) and plain values are decided from their type
    and code flags; a function carrying attributes (which could be coroutine markers) and
    everything else is left to mock-magic's full check.
    """
    kind = type(obj)
    if kind in _PLAIN_VALUE_TYPES:
        return False
    func = obj.__func__ if kind is MethodType else obj
    if type(func) is FunctionType:
        if func.__code__.co_flags & _CO_COROUTINE:
            return True
        if not func.__dict__:
            return False
    return _is_async_obj(obj)


def _created(
    attribute: str,
    original: Any,
    spec: Any,
    spec_set: Any,
    new_callable: Any,
    kwargs: Dict[str, Any],
) -> Any:
    """Create the mock (or ``new_callable()`` result) for a patch without ``new``.

    ``spec`` and ``spec_set`` arrive with ``False`` already turned into ``None``.
    """
    if spec is None and spec_set is None and new_callable is None:
        # The common case, kept short: no spec to resolve and no return value to set up.
        klass: Any = AsyncMock if _is_async_target(original) else MagicMock
        if kwargs:
            # The caller's keywords come last so that they may override name=.
            return klass(**{"name": attribute, **kwargs})
        return klass(name=attribute)

    if (spec is not None or spec_set is not None) and original is DEFAULT:
        raise TypeError("Can't use 'spec' with create=True")
    if spec is True:
        spec = original
    if spec_set is True:
        # spec_set=True turns an explicit spec (or the original) into a spec_set.
        spec_set = original if spec is None else spec
        spec = None

    if new_callable is not None:
        klass = new_callable
    elif spec is None and _is_async_target(original):
        klass = AsyncMock
    elif spec is None and spec_set is None:
        klass = MagicMock
    else:
        this_spec = spec_set if spec_set is not None else spec
        if _is_async_func(this_spec):
            klass = AsyncMock
        elif ("__call__" not in this_spec) if _is_list(this_spec) else not callable(this_spec):
            klass = NonCallableMagicMock
        else:
            klass = MagicMock

    new_kwargs: Dict[str, Any] = {}
    if spec is not None:
        new_kwargs["spec"] = spec
    if spec_set is not None:
        new_kwargs["spec_set"] = spec_set
    # Only mock classes understand name=; other factories get just the spec and kwargs.
    if isinstance(klass, type) and issubclass(klass, NonCallableMock):
        new_kwargs["name"] = attribute
    new_kwargs.update(kwargs)
    new = klass(**new_kwargs)

    this_spec = spec_set if spec_set is not None else spec
    if this_spec is not None and isinstance(original, type) and _is_instance_mock(new):
        # Patching a class with a spec: instances made by calling the mock get the same spec
        # (and the same configuration), and are not callable unless instances of the spec are.
        if _is_list(this_spec) or _instance_callable(this_spec):
            instance_klass = klass
        else:
            instance_klass = NonCallableMagicMock
        new_kwargs.pop("name", None)
        new.return_value = instance_klass(_new_parent=new, _new_name="()", **new_kwargs)
    return new


def _autospecced(
    target: Any,
    attribute: str,
    original: Any,
    new: Any,
    autospec: Any,
    spec_set: Any,
    kwargs: Dict[str, Any],
    unsafe: bool,
) -> Any:
    """Create the autospecced mock for ``autospec=`` (``True`` or a spec object)."""
    if new is not DEFAULT:
        raise TypeError("autospec creates the mock for you. Can't specify autospec and new.")
    if original is DEFAULT:
        raise TypeError("Can't use 'autospec' with create=True")
    spec_set = bool(spec_set)
    if autospec is True:
        autospec = original
    if _is_instance_mock(target):
        raise InvalidSpecError(
            f"Cannot autospec attr {attribute!r} as the patch target has already been"
            f" mocked out. [target={target!r}, attr={autospec!r}]"
        )
    if _is_instance_mock(autospec):
        target_name = getattr(target, "__name__", target)
        raise InvalidSpecError(
            f"Cannot autospec attr {attribute!r} from target {target_name!r} as it has"
            f" already been mocked out. [target={target!r}, attr={autospec!r}]"
        )
    create_autospec = _create_autospec()
    if unsafe:
        # The caller allowed the misspelled keywords; do not let create_autospec refuse them.
        return create_autospec(autospec, spec_set=spec_set, _name=attribute, unsafe=True, **kwargs)
    return create_autospec(autospec, spec_set=spec_set, _name=attribute, **kwargs)


_create_autospec_function: Optional[Any] = None


def _create_autospec() -> Any:
    # mock-spec is optional (the extra mock-patch[spec]) and costly to import, so it is
    # imported the first time an autospec patch starts.
    global _create_autospec_function
    if _create_autospec_function is None:
        try:
            from mock_spec import create_autospec
        except ImportError as exc:
            if exc.name != "mock_spec":
                # mock-spec is there but failed to import: that error is the useful one.
                raise
            raise MissingSpecPackageError(
                "autospec needs the mock-spec distribution, which is not installed;"
                ' install it with: pip install "mock-patch[spec]"',
                name="mock_spec",
            ) from exc
        _create_autospec_function = create_autospec
    return _create_autospec_function
