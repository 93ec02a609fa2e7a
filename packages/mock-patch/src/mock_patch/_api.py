"""The public entry points: ``patch`` and its attributes ``object``, ``dict``, ``multiple``,
``stopall`` and ``TEST_PREFIX``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from mock_core import DEFAULT
from mock_patch._dict import _patch_dict
from mock_patch._multiple import _patch_multiple
from mock_patch._patcher import _patch
from mock_patch._registry import _patch_stopall
from mock_patch._target import _get_target, _targets

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Generic, Literal, Protocol, Type, TypeVar, overload

    from typing_extensions import ParamSpec

    from mock_magic import AsyncMock, MagicMock

    _T = TypeVar("_T")
    _R = TypeVar("_R")
    _P = ParamSpec("_P")
    _TT = TypeVar("_TT", bound=Type[Any])

    # What type checkers see ``patch`` return, as typeshed's unittest.mock stubs describe it:
    # a patcher whose replacement has type _T. Neither class exists at run time.

    class _TypedPatch(_patch, Generic[_T]):
        """A patcher with a given replacement: it passes nothing to what it decorates."""

        def start(self) -> _T: ...
        def __enter__(self) -> _T: ...
        def copy(self) -> _TypedPatch[_T]: ...
        @overload  # type: ignore[override]
        def __call__(self, func: _TT) -> _TT: ...
        @overload
        def __call__(self, func: Callable[_P, _R]) -> Callable[_P, _R]: ...
        def __call__(self, func: Any) -> Any: ...

    class _PassArgPatch(_TypedPatch[_T]):
        """A patcher that makes its replacement and appends it to the decorated function's
        arguments, which no signature can express: the function's parameters are lost."""

        @overload  # type: ignore[override]
        def __call__(self, func: _TT) -> _TT: ...
        @overload
        def __call__(self, func: Callable[..., _R]) -> Callable[..., _R]: ...
        def __call__(self, func: Any) -> Any: ...

    class _PatchFunction(Protocol):
        """The type of ``patch``: a function that also carries the other patchers."""

        dict: Type[_patch_dict]
        stopall: Callable[[], None]
        TEST_PREFIX: str

        # As in typeshed: a ``new=`` keyword also fits the last overload's **kwargs.
        @overload
        def __call__(  # type: ignore[overload-overlap]
            self,
            target: str,
            new: _T,
            spec: Literal[False] | None = None,
            create: bool = False,
            spec_set: Literal[False] | None = None,
            autospec: Literal[False] | None = None,
            new_callable: None = None,
            *,
            unsafe: bool = False,
        ) -> _TypedPatch[_T]: ...
        @overload
        def __call__(
            self,
            target: str,
            *,
            spec: Any = None,
            create: bool = False,
            spec_set: Any = None,
            autospec: Literal[False] | None = None,
            new_callable: Callable[..., _T],
            unsafe: bool = False,
            **kwargs: Any,
        ) -> _PassArgPatch[_T]: ...
        @overload
        def __call__(
            self,
            target: str,
            *,
            spec: Any = None,
            create: bool = False,
            spec_set: Any = None,
            autospec: Any = None,
            new_callable: None = None,
            unsafe: bool = False,
            **kwargs: Any,
        ) -> _PassArgPatch[MagicMock | AsyncMock]: ...
        @overload
        def object(
            self,
            target: Any,
            attribute: str,
            new: _T,
            spec: Literal[False] | None = None,
            create: bool = False,
            spec_set: Literal[False] | None = None,
            autospec: Literal[False] | None = None,
            new_callable: None = None,
            *,
            unsafe: bool = False,
        ) -> _TypedPatch[_T]: ...
        @overload
        def object(
            self,
            target: Any,
            attribute: str,
            *,
            spec: Any = None,
            create: bool = False,
            spec_set: Any = None,
            autospec: Literal[False] | None = None,
            new_callable: Callable[..., _T],
            unsafe: bool = False,
            **kwargs: Any,
        ) -> _PassArgPatch[_T]: ...
        @overload
        def object(
            self,
            target: Any,
            attribute: str,
            *,
            spec: Any = None,
            create: bool = False,
            spec_set: Any = None,
            autospec: Any = None,
            new_callable: None = None,
            unsafe: bool = False,
            **kwargs: Any,
        ) -> _PassArgPatch[MagicMock | AsyncMock]: ...
        def multiple(
            self,
            target: Any,
            spec: Any = None,
            create: bool = False,
            spec_set: Any = None,
            autospec: Any = None,
            new_callable: Any = None,
            **kwargs: Any,
        ) -> _PassArgPatch[Dict[str, Any]]: ...


__all__ = ["_patch_object", "patch"]


def _patch_object(
    target: Any,
    attribute: str,
    new: Any = DEFAULT,
    spec: Any = None,
    create: bool = False,
    spec_set: Any = None,
    autospec: Any = None,
    new_callable: Any = None,
    *,
    unsafe: bool = False,
    **kwargs: Any,
) -> _patch:
    """Like ``patch``, but ``target`` is the owning object itself and ``attribute`` is the
    name to replace on it, so nothing is imported.

    .. versionadded:: 0.1.0
    """
    if type(target) is str:
        raise TypeError(f"{target!r} must be the actual object to be patched, not a str")

    def getter() -> Any:
        return target

    if unsafe:
        return _patch(
            getter,
            attribute,
            new,
            spec,
            create,
            spec_set,
            autospec,
            new_callable,
            kwargs,
            unsafe=True,
        )
    # Positional only: calling a class with keywords takes a slower path.
    return _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs)


def _patch_function(
    target: str,
    new: Any = DEFAULT,
    spec: Any = None,
    create: bool = False,
    spec_set: Any = None,
    autospec: Any = None,
    new_callable: Any = None,
    *,
    unsafe: bool = False,
    **kwargs: Any,
) -> _patch:
    """Replace ``target`` (``'package.module.name'``) with ``new`` for a while.

    ``patch`` works as a function decorator (created mocks are appended to the positional
    arguments), a coroutine-function decorator, a class decorator (every method whose name
    starts with ``patch.TEST_PREFIX``), a context manager, or with ``start()``/``stop()``.
    The target is imported when the patch starts, not when ``patch`` is called.

    Without ``new``, the target is replaced with a ``MagicMock`` (an ``AsyncMock`` for an
    async function), made by ``new_callable`` instead if given, with ``spec``/``spec_set``
    (an object, or ``True`` for the original) and configured with ``kwargs``. With
    ``autospec`` (``True`` or an object; needs the ``mock-patch[spec]`` extra) the mock is
    built by ``create_autospec``. ``create=True`` allows patching an attribute that does not
    exist (it is removed again afterwards). Misspelled keywords such as ``autospect`` raise
    ``RuntimeError`` unless ``unsafe=True``.

    .. versionadded:: 0.1.0
    """
    # The cache lookup of _get_target, inlined: this runs for every patch() call.
    found = _targets.get(target) if type(target) is str else None
    getter, attribute = found if found is not None else _get_target(target)
    if unsafe:
        return _patch(
            getter,
            attribute,
            new,
            spec,
            create,
            spec_set,
            autospec,
            new_callable,
            kwargs,
            unsafe=True,
        )
    return _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs)


_patch_function.__name__ = _patch_function.__qualname__ = "patch"
# The other patchers hang off the function itself, so that ``patch.dict(...)`` and friends
# need no import of their own. TEST_PREFIX is unittest's convention for test method names,
# read at decoration time by the class decorators.
vars(_patch_function).update(
    {
        "object": _patch_object,
        "dict": _patch_dict,
        "multiple": _patch_multiple,
        "stopall": _patch_stopall,
        "TEST_PREFIX": "test",
    }
)
# Typed as the protocol above, which describes those attributes.
patch: _PatchFunction = _patch_function  # type: ignore[assignment]
