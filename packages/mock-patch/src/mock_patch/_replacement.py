"""Building the object a patch puts in place when the caller did not pass ``new``.

Three cases, as in the standard library: a plain mock (``MagicMock``, or ``AsyncMock`` for
an async target) optionally configured with ``spec``/``spec_set``; whatever ``new_callable``
returns; or an autospecced mock from mock-spec's ``create_autospec``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from types import BuiltinFunctionType, FunctionType, MethodType

from mock_core import DEFAULT, InvalidSpecError, NonCallableMock
from mock_core.plugins import is_async_function, is_mock
from mock_magic import AsyncMock, MagicMock, NonCallableMagicMock, is_async_object
from mock_patch import _messages as messages

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Tuple

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
    """``is_async_object(obj)``, answered directly for the commonest kinds of patch targets.

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
    return is_async_object(obj)


def _resolve_true(original: Any, spec: Any, spec_set: Any) -> Tuple[Any, Any]:
    """Return ``(spec, spec_set)`` with ``True`` standing for the original.

    ``spec_set=True`` turns the spec (explicit, or else the original) into the spec_set.
    """
    if spec_set is True:
        return None, (original if spec is None or spec is True else spec)
    return (original if spec is True else spec), spec_set


def _mock_class(original: Any, spec: Any, spec_set: Any) -> Any:
    """The mock class for a created replacement, from the original and the resolved specs."""
    if spec is None:
        # Without a spec an async original still asks for an AsyncMock, even under a
        # spec_set, which then only limits the attributes.
        if _is_async_target(original):
            return AsyncMock
        if spec_set is None:
            return MagicMock
    governing = spec if spec_set is None else spec_set
    if is_async_function(governing):
        return AsyncMock
    if _is_list(governing):
        # A list of attribute names is callable only if it names __call__.
        calls = "__call__" in governing
    else:
        calls = callable(governing)
    return MagicMock if calls else NonCallableMagicMock


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

    if original is DEFAULT and (spec is not None or spec_set is not None):
        raise TypeError(messages.SPEC_WITH_CREATE)
    spec, spec_set = _resolve_true(original, spec, spec_set)
    klass = _mock_class(original, spec, spec_set) if new_callable is None else new_callable

    options: Dict[str, Any] = {
        key: value for key, value in (("spec", spec), ("spec_set", spec_set)) if value is not None
    }
    # Only mock classes understand name=; other factories get just the spec and kwargs.
    if isinstance(klass, type) and issubclass(klass, NonCallableMock):
        options["name"] = attribute
    options.update(kwargs)
    made = klass(**options)
    governing = spec if spec_set is None else spec_set
    if governing is not None and isinstance(original, type) and is_mock(made):
        _configure_instances(made, klass, governing, options)
    return made


def _configure_instances(made: Any, klass: Any, governing: Any, options: Dict[str, Any]) -> None:
    """Give a mock standing in for a class a ``return_value`` like the class's instances.

    The instance mock gets the same spec and configuration (but not the name) and is
    callable only if instances of the spec would be.
    """
    instances_call = _is_list(governing) or _instance_callable(governing)
    instance_class = klass if instances_call else NonCallableMagicMock
    settings = {key: value for key, value in options.items() if key != "name"}
    made.return_value = instance_class(_new_parent=made, _new_name="()", **settings)


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
        raise TypeError(messages.AUTOSPEC_AND_NEW)
    if original is DEFAULT:
        # create=True found nothing to take a spec from.
        raise TypeError(messages.AUTOSPEC_WITH_CREATE)
    strict = bool(spec_set)
    source = original if autospec is True else autospec
    _refuse_mocked_sources(target, attribute, source)
    create_autospec = _create_autospec()
    # With unsafe=True the caller allowed misspelled keywords: create_autospec must too.
    flags = _UNSAFE if unsafe else _SAFE
    return create_autospec(source, spec_set=strict, _name=attribute, **flags, **kwargs)


# Extra keywords for create_autospec; never mutated.
_UNSAFE: Dict[str, Any] = {"unsafe": True}
_SAFE: Dict[str, Any] = {}


def _refuse_mocked_sources(target: Any, attribute: str, source: Any) -> None:
    # Autospeccing from a mock would give a mock of the mock's own API, never what was meant.
    if is_mock(target):
        raise InvalidSpecError(
            f"Cannot autospec attr {attribute!r} as the patch target has already been"
            f" mocked out. [target={target!r}, attr={source!r}]"
        )
    if is_mock(source):
        target_name = getattr(target, "__name__", target)
        raise InvalidSpecError(
            f"Cannot autospec attr {attribute!r} from target {target_name!r} as it has"
            f" already been mocked out. [target={target!r}, attr={source!r}]"
        )


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
