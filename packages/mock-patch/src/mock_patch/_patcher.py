"""``_patch``: the patcher behind ``patch``, ``patch.object`` and ``patch.multiple``.

A patcher replaces one attribute of one object while it is started and puts back exactly
what was there when it stops: an attribute found in the owner's own ``__dict__`` is set back
(the very same object, so a ``staticmethod``, ``classmethod`` or ``property`` comes back as
itself); an attribute that was only inherited, or only reachable through ``__getattr__``, is
deleted again so that lookups fall through as before; an attribute made with
``create=True`` is removed.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import builtins
import sys
from types import ModuleType, TracebackType

from mock_core import DEFAULT, InvalidSpecError, _check_spec_arg_typos, _is_instance_mock
from mock_magic import AsyncMock, MagicMock
from mock_patch import _registry
from mock_patch._decorate import (
    _decorate_async_callable,
    _decorate_callable,
    _decorate_class,
    _DecorationHelper,
    _exit_patchers,
    _is_coroutine_function,
)
from mock_patch._replacement import _autospecced, _created, _is_async_target

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple, Type, TypeVar

    _T = TypeVar("_T")

__all__ = ["_patch"]


# Names of builtins may be patched on any module without create=True: code in a module looks
# them up in the module first, so patching ``module.open`` is the way to fake ``open`` there.
_builtins: FrozenSet[str] = frozenset(name for name in dir(builtins) if not name.startswith("_"))

# Attributes that deleting does not remove but resets (``del func.__defaults__`` leaves
# None): after deleting the patched value the original must be set again if it is not back.
_RESET_BY_DELETE: FrozenSet[str] = frozenset(
    ("__doc__", "__module__", "__defaults__", "__annotations__", "__kwdefaults__")
)

_MISSING: Any = object()


class _patch:
    """Patches one attribute of one object; used as decorator, context manager or with
    ``start()``/``stop()``.

    .. versionadded:: 0.1.0
    """

    # Set by patch.multiple: the patcher then passes its mocks by keyword, under this name.
    attribute_name: Optional[str] = None
    # Shared by every patcher kind, as in the standard library (tools read it here).
    _active_patches: List[Any] = _registry._active_patches
    _started = False
    _unsafe = False
    # The additional patchers entered by the current start, innermost last.
    _entered: Optional[List[Any]] = None

    getter: Callable[[], Any]
    attribute: str
    new: Any
    new_callable: Any
    spec: Any
    create: bool
    has_local: bool
    spec_set: Any
    autospec: Any
    kwargs: Dict[str, Any]
    additional_patchers: List[Any]
    target: Any
    temp_original: Any
    is_local: bool

    def __init__(
        self,
        getter: Callable[[], Any],
        attribute: str,
        new: Any,
        spec: Any,
        create: bool,
        spec_set: Any,
        autospec: Any,
        new_callable: Any,
        kwargs: Dict[str, Any],
        *,
        unsafe: bool = False,
    ) -> None:
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError("Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError("Cannot use 'autospec' and 'new_callable' together")
        if unsafe:
            self._unsafe = True
        elif kwargs:
            _check_spec_arg_typos(kwargs)
        if spec is not None and _is_instance_mock(spec):
            raise InvalidSpecError(
                f"Cannot spec attr {attribute!r} as the spec has already been mocked out."
                f" [spec={spec!r}]"
            )
        if spec_set is not None and _is_instance_mock(spec_set):
            raise InvalidSpecError(
                f"Cannot spec attr {attribute!r} as the spec_set target has already been"
                f" mocked out. [spec_set={spec_set!r}]"
            )
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.has_local = False
        self.spec_set = spec_set
        self.autospec = autospec
        self.kwargs = kwargs
        self.additional_patchers = []

    @property
    def is_started(self) -> bool:
        """Whether the patch is currently in place.

        .. versionadded:: 0.1.0
        """
        return self._started

    def copy(self) -> _patch:
        """Return an unstarted patcher with the same settings.

        .. versionadded:: 0.1.0
        """
        # The settings were validated when self was made; unsafe=True skips re-checking them
        # (the standard library re-checks and so refuses to copy an unsafe=True patcher).
        patcher = _patch(
            self.getter,
            self.attribute,
            self.new,
            self.spec,
            self.create,
            self.spec_set,
            self.autospec,
            self.new_callable,
            self.kwargs,
            unsafe=True,
        )
        if not self._unsafe:
            patcher._unsafe = False
        patcher.attribute_name = self.attribute_name
        patcher.additional_patchers = [p.copy() for p in self.additional_patchers]
        return patcher

    def __call__(self, func: _T) -> _T:
        target: Any = func
        if isinstance(target, type):
            return self.decorate_class(target)  # type: ignore[return-value]
        if _is_coroutine_function(target):
            return self.decorate_async_callable(target)  # type: ignore[return-value]
        return self.decorate_callable(target)  # type: ignore[return-value]

    def decorate_class(self, klass: type) -> type:
        """Patch every test method of ``klass`` (names starting with ``patch.TEST_PREFIX``).

        .. versionadded:: 0.1.0
        """
        return _decorate_class(self, klass)

    def decoration_helper(
        self, patched: Any, args: Tuple[Any, ...], keywargs: Dict[str, Any]
    ) -> _DecorationHelper:
        """Context manager entering ``patched.patchings``; yields the extended arguments.

        .. versionadded:: 0.1.0
        """
        return _DecorationHelper(patched, args, keywargs)

    def decorate_callable(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap ``func`` so that it runs with the patch applied.

        .. versionadded:: 0.1.0
        """
        return _decorate_callable(self, func)

    def decorate_async_callable(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap the coroutine function ``func`` so that it runs with the patch applied.

        .. versionadded:: 0.1.0
        """
        return _decorate_async_callable(self, func)

    def get_original(self) -> Tuple[Any, bool]:
        """Return the current value of the attribute and whether the target owns it.

        .. versionadded:: 0.1.0
        """
        target = self.target
        name = self.attribute
        try:
            original = target.__dict__[name]
        except (AttributeError, KeyError):
            original = getattr(target, name, DEFAULT)
            local = False
        else:
            local = True
        if name in _builtins and isinstance(target, ModuleType):
            self.create = True
        if not self.create and original is DEFAULT:
            raise AttributeError(f"{target} does not have the attribute {name!r}")
        return original, local

    def __enter__(self) -> Any:
        """Perform the patch.

        .. versionadded:: 0.1.0
        """
        if self._started:
            raise RuntimeError("Patch is already started")
        new = self.new
        spec = self.spec
        spec_set = self.spec_set
        autospec = self.autospec
        self.target = target = self.getter()

        if spec is None and spec_set is None and autospec is None:
            # The common case: nothing to normalise or cross-check.
            original, local = self.get_original()
            if new is DEFAULT:
                if self.new_callable is None and not self.kwargs:
                    # The commonest patch of all: a plain MagicMock (or AsyncMock).
                    klass = AsyncMock if _is_async_target(original) else MagicMock
                    new = klass(name=self.attribute)
                else:
                    new = _created(
                        self.attribute, original, None, None, self.new_callable, self.kwargs
                    )
            elif self.kwargs:
                raise TypeError("Can't pass kwargs to a mock we aren't creating")
        else:
            # False means "no spec", as None does.
            if spec is False:
                spec = None
            if spec_set is False:
                spec_set = None
            if autospec is False:
                autospec = None
            if spec is not None and autospec is not None:
                raise TypeError("Can't specify spec and autospec")
            if (spec is not None or autospec is not None) and spec_set not in (True, None):
                raise TypeError("Can't provide explicit spec_set *and* spec or autospec")
            original, local = self.get_original()
            if autospec is not None:
                new = _autospecced(
                    target,
                    self.attribute,
                    original,
                    new,
                    autospec,
                    spec_set,
                    self.kwargs,
                    self._unsafe,
                )
            elif new is DEFAULT:
                new = _created(
                    self.attribute, original, spec, spec_set, self.new_callable, self.kwargs
                )
            elif self.kwargs:
                raise TypeError("Can't pass kwargs to a mock we aren't creating")

        self.temp_original = original
        self.is_local = local
        self._started = True
        try:
            setattr(target, self.attribute, new)
            if self.attribute_name is not None:
                extra = {}
                if self.new is DEFAULT:
                    extra[self.attribute_name] = new
                if self.additional_patchers:
                    self._enter_additional(extra)
                return extra
            if self.additional_patchers:
                self._enter_additional(None)
        except BaseException:
            # Undo whatever part of the patch happened (the attribute, additional patchers).
            if not self.__exit__(*sys.exc_info()):
                raise
        return new

    def _enter_additional(self, extra: Optional[Dict[str, Any]]) -> None:
        entered: List[Any] = []
        self._entered = entered
        for patcher in self.additional_patchers:
            arg = patcher.__enter__()
            entered.append(patcher)
            if extra is not None and patcher.new is DEFAULT:
                extra.update(arg)

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]] = None,
        exc_value: Optional[BaseException] = None,
        traceback: Optional[TracebackType] = None,
    ) -> Optional[bool]:
        """Undo the patch.

        .. versionadded:: 0.1.0
        """
        if not self._started:
            return None
        entered = self._entered
        if entered is None:
            self._restore()
            return False
        self._entered = None
        try:
            # Additional patchers (patch.multiple) were entered after this one: they are
            # undone first, so that patches of the same attribute unwind in order.
            suppressed = _exit_patchers(entered, exc_value)
        finally:
            self._restore()
        return suppressed

    def _restore(self) -> None:
        target = self.target
        attribute = self.attribute
        original = self.temp_original
        local = self.is_local
        del self.target, self.temp_original, self.is_local
        self._started = False
        if local and original is not DEFAULT:
            setattr(target, attribute, original)
            return
        # Deleting our value uncovers what was found before: an inherited attribute, a
        # class attribute under an instance, a proxy's __getattr__.
        delattr(target, attribute)
        if original is DEFAULT:
            # Made by create=True: gone again, as it should be.
            return
        if attribute in _RESET_BY_DELETE:
            if getattr(target, attribute, _MISSING) is not original:
                setattr(target, attribute, original)
        elif not hasattr(target, attribute):
            # Nothing uncovered (a slot, a proxy that forwards setattr and delattr): put the
            # original back explicitly.
            setattr(target, attribute, original)

    def start(self) -> Any:
        """Activate a patch, returning any created mock.

        .. versionadded:: 0.1.0
        """
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self) -> Optional[bool]:
        """Stop an active patch; does nothing (returns None) if it was not started.

        .. versionadded:: 0.1.0
        """
        try:
            self._active_patches.remove(self)
        except ValueError:
            # Not started with start(), or already stopped.
            return None
        return self.__exit__(None, None, None)
