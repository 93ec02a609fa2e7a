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
import types
from types import ModuleType, TracebackType

from mock_core import DEFAULT, InvalidSpecError
from mock_core.plugins import (
    check_argument_typos,
    child_made_on_access,
    deferred_child,
    is_mock,
)
from mock_magic import AsyncMock, MagicMock
from mock_patch import _messages as messages, _registry
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

# The type of a module attribute bound by a PEP 810 lazy import (Python 3.15+), else None.
_LazyImportType: Any = getattr(types, "LazyImportType", None)

# Values of spec_set that may come with spec or autospec (compared with ``in``, so 1 counts
# as True): both then only say "make it a spec_set".
_SPEC_SET_WITH_SPEC: Tuple[Any, ...] = (True, None)

# The constructor arguments that copy() passes on, in constructor order.
_SETTINGS: Tuple[str, ...] = (
    "getter",
    "attribute",
    "new",
    "spec",
    "create",
    "spec_set",
    "autospec",
    "new_callable",
    "kwargs",
)


def _spec_options(spec: Any, spec_set: Any, autospec: Any) -> Tuple[Any, Any, Any]:
    """Return ``(spec, spec_set, autospec)`` with ``False`` read as ``None``, after refusing
    the combinations that contradict each other."""
    spec = None if spec is False else spec
    spec_set = None if spec_set is False else spec_set
    autospec = None if autospec is False else autospec
    if spec is None and autospec is None:
        return spec, spec_set, autospec
    if autospec is not None and spec is not None:
        raise TypeError(messages.SPEC_AND_AUTOSPEC)
    if spec_set not in _SPEC_SET_WITH_SPEC:
        raise TypeError(messages.SPEC_SET_WITH_SPEC)
    return spec, spec_set, autospec


def _cached_child(mock: Any, name: str, value: Any) -> bool:
    """Whether ``value``, found in ``mock``'s instance dict, is a child made on access.

    mock-core caches such children in the instance dict; the standard library keeps them
    only in ``_mock_children``, reached through ``__getattr__``, so its patchers find them
    as not local (``is_local`` is False) and restore them by deleting the patched value. An
    assigned child, or one the standard library made eagerly (an autospec's method), is an
    instance attribute in both. (A mock's own child assigned to itself, ``m.a = m.a``, is
    taken for a cached one.)
    """
    if name[:2] == "__" == name[-2:]:
        # Magic methods: the standard library sets them on the instance when made.
        return False
    return child_made_on_access(mock, name, value)


def _made_eagerly(mock: Any, name: str) -> bool:
    """Whether ``name`` is a deferred child that the standard library makes at once.

    mock-spec defers an autospec's methods until first access; the standard library makes
    them when the autospec is created, as instance attributes, so a patch finds them local.
    """
    placeholder = deferred_child(mock, name)
    return placeholder is not None and placeholder.needed_for_signature(name)


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
                raise ValueError(messages.NEW_AND_NEW_CALLABLE)
            if autospec is not None:
                raise ValueError(messages.AUTOSPEC_AND_NEW_CALLABLE)
        if unsafe:
            self._unsafe = True
        elif kwargs:
            check_argument_typos(kwargs)
        if spec is not None and is_mock(spec):
            raise InvalidSpecError(
                f"Cannot spec attr {attribute!r} as the spec has already been mocked out."
                f" [spec={spec!r}]"
            )
        if spec_set is not None and is_mock(spec_set):
            raise InvalidSpecError(
                f"Cannot spec attr {attribute!r} as the spec_set target has already been"
                f" mocked out. [spec_set={spec_set!r}]"
            )
        # Where: the owner (resolved on start) and the attribute name.
        self.getter, self.attribute, self.create = getter, attribute, create
        # What: an explicit replacement, or how to make one.
        self.new, self.new_callable, self.kwargs = new, new_callable, kwargs
        self.spec, self.spec_set, self.autospec = spec, spec_set, autospec
        self.has_local = False
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
        twin = _patch(*[getattr(self, setting) for setting in _SETTINGS], unsafe=True)
        twin._unsafe = self._unsafe
        twin.attribute_name = self.attribute_name
        twin.additional_patchers = [extra.copy() for extra in self.additional_patchers]
        return twin

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
            found = target.__dict__[name], True
        except (KeyError, AttributeError):
            # Inherited, answered by __getattr__, or missing altogether.
            local = is_mock(target) and _made_eagerly(target, name)
            found = getattr(target, name, DEFAULT), local
        else:
            if is_mock(target) and _cached_child(target, name, found[0]):
                found = found[0], False
        if name not in _builtins or not isinstance(target, ModuleType):
            if found[0] is DEFAULT and not self.create:
                raise AttributeError(f"{target} does not have the attribute {name!r}")
        else:
            # A builtin name on a module: from now on this patcher may also add it.
            self.create = True
        return found

    def __enter__(self) -> Any:
        """Put the replacement in place and return it (``patch.multiple``: a dict of the
        mocks it created, by attribute name).

        .. versionadded:: 0.1.0
        """
        if self._started:
            raise RuntimeError(messages.ALREADY_STARTED)
        self.target = target = self.getter()
        if self.spec is None and self.spec_set is None and self.autospec is None:
            # The common case: nothing to normalise or cross-check.
            original, local = self.get_original()
            new = self.new
            if new is not DEFAULT:
                if self.kwargs:
                    raise TypeError(messages.KWARGS_WITHOUT_MOCK)
            elif self.new_callable is None and not self.kwargs:
                # The commonest patch of all: a plain MagicMock (or AsyncMock), made here
                # rather than in _created to save a call.
                new = (AsyncMock if _is_async_target(original) else MagicMock)(name=self.attribute)
            else:
                new = _created(self.attribute, original, None, None, self.new_callable, self.kwargs)
        else:
            # These checks come before the attribute is looked up, so their errors win.
            spec, spec_set, autospec = _spec_options(self.spec, self.spec_set, self.autospec)
            original, local = self.get_original()
            if (
                _LazyImportType is not None
                and type(original) is _LazyImportType
                and (spec is True or spec_set is True or autospec is True)
            ):
                # A PEP 810 lazy import (``lazy from m import f``) that is to be the spec:
                # the object it stands for, imported now, as the standard library does;
                # it is also what stop() puts back.
                original = original.resolve()
            new = self.new
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
                raise TypeError(messages.KWARGS_WITHOUT_MOCK)
        self.temp_original, self.is_local = original, local
        self._started = True
        try:
            setattr(target, self.attribute, new)
            if self.additional_patchers:
                return self._enter_additional(new)
            keyword = self.attribute_name
            if keyword is not None:
                # patch.multiple: created mocks go back by name, caller-given values do not.
                return {keyword: new} if self.new is DEFAULT else {}
        except BaseException:
            # Take back whatever part of the patch happened (the attribute, some additional
            # patchers) before the error goes on; if one of them swallowed it, carry on.
            if self.__exit__(*sys.exc_info()):
                return new
            raise
        return new

    def _enter_additional(self, new: Any) -> Any:
        """Enter the additional patchers after this one; return what ``__enter__`` returns."""
        keyword = self.attribute_name
        # Only patch.multiple patchers (with a keyword) collect the mocks they create.
        collected: Optional[Dict[str, Any]] = None
        if keyword is not None:
            collected = {keyword: new} if self.new is DEFAULT else {}
        entered: List[Any] = []
        self._entered = entered
        for other in self.additional_patchers:
            value = other.__enter__()
            entered.append(other)
            if collected is not None and other.new is DEFAULT:
                collected.update(value)
        return new if collected is None else collected

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]] = None,
        exc_value: Optional[BaseException] = None,
        traceback: Optional[TracebackType] = None,
    ) -> Optional[bool]:
        """Put the original back (and end any additional patches, innermost first).

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
        """Apply the patch until ``stop()`` (or ``patch.stopall()``); returns what ``with``
        would bind.

        .. versionadded:: 0.1.0
        """
        in_place = self.__enter__()
        # Recorded only once in place, so that a failed start leaves nothing for stopall.
        self._active_patches.append(self)
        return in_place

    def stop(self) -> Optional[bool]:
        """Undo a patch applied by ``start()``; returns None if there is none to undo.

        .. versionadded:: 0.1.0
        """
        active = self._active_patches
        if self not in active:
            # Never started with start(), or stopped already.
            return None
        active.remove(self)
        return self.__exit__(None, None, None)
