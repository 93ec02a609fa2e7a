"""``patch.dict``: set items of a mapping for a while, then restore its whole contents.

The mapping itself is never replaced: its contents are copied when the patch starts and
written back into the same object when it stops, whatever happened in between. Plain dicts
use their C methods; ``os.environ`` (and ``os.environb``) is snapshotted through its encoded
store and only the variables that differ are written back, instead of unsetting and setting
every variable of the process as a generic restore would; anything else that behaves like a
mapping is handled with the fewest methods possible (getting, setting and deleting items,
and iterating over keys).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import os
from functools import wraps

from mock_patch import _registry
from mock_patch._decorate import _is_coroutine_function, _test_prefix
from mock_patch._target import _importer

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import (
        Any,
        Callable,
        Dict,
        Iterable,
        Iterator,
        List,
        Literal,
        Mapping,
        Optional,
        Tuple,
        TypeVar,
        Union,
    )

    _T = TypeVar("_T")

__all__ = ["_clear_dict", "_patch_dict"]

_Environ: Any = type(os.environ)
_MISSING: Any = object()


def _clear_dict(in_dict: Any) -> None:
    """Remove every item of ``in_dict``, with ``clear()`` if it has one.

    .. versionadded:: 0.1.0
    """
    try:
        in_dict.clear()
    except AttributeError:
        keys = list(in_dict)
        for key in keys:
            del in_dict[key]


class _EnvironSnapshot:
    """The contents of an ``os._Environ`` at patch time, kept in its encoded form.

    Copying the encoded store is one C-level dict copy; decoding every variable (which is
    what ``os.environ.copy()`` does) costs far more and is only done if someone looks.
    """

    __slots__ = ("data", "environ")

    def __init__(self, environ: Any) -> None:
        self.environ = environ
        self.data: Dict[Any, Any] = environ._data.copy()

    def keys(self) -> List[Any]:
        decodekey = self.environ.decodekey
        return [decodekey(key) for key in self.data]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, key: Any) -> Any:
        environ = self.environ
        return environ.decodevalue(self.data[environ.encodekey(key)])

    def __contains__(self, key: Any) -> bool:
        return self.environ.encodekey(key) in self.data

    def items(self) -> List[Tuple[Any, Any]]:
        decodekey = self.environ.decodekey
        decodevalue = self.environ.decodevalue
        return [(decodekey(key), decodevalue(value)) for key, value in self.data.items()]

    def copy(self) -> Dict[Any, Any]:
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        return self.copy() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self.copy())

    def restore(self) -> None:
        """Make the environment hold exactly the snapshot's variables, in its order."""
        environ = self.environ
        current = environ._data
        original = self.data
        if current == original and list(current) == list(original):
            return
        decodekey = environ.decodekey
        decodevalue = environ.decodevalue
        for key in [key for key in current if key not in original]:
            del environ[decodekey(key)]
        for key, value in original.items():
            if current.get(key, _MISSING) != value:
                environ[decodekey(key)] = decodevalue(value)
        if list(current) != list(original):
            # A variable was deleted and set again, so it moved to the end: rebuild in the
            # original order, which is what clearing and updating would have produced.
            for key in list(current):
                del environ[decodekey(key)]
            for key, value in original.items():
                environ[decodekey(key)] = decodevalue(value)


def _copy_contents(in_dict: Any) -> Any:
    if type(in_dict) is _Environ:
        return _EnvironSnapshot(in_dict)
    try:
        return in_dict.copy()
    except AttributeError:
        # A mapping-like object without copy(): iterate over its keys.
        original = {}
        for key in in_dict:
            original[key] = in_dict[key]
        return original


def _update(in_dict: Any, values: Any) -> None:
    try:
        in_dict.update(values)
    except AttributeError:
        for key in values:
            in_dict[key] = values[key]


class _patch_dict:
    """Patch a dictionary, or dictionary like object, and restore the dictionary to its
    original state after the test, where the test is a decorated function, a ``with``
    block, or the time between ``start()`` and ``stop()``.

    ``in_dict`` may also be the dotted name of a mapping, imported when the patch starts.
    ``values`` is a mapping or an iterable of ``(key, value)`` pairs; keyword arguments
    add more values. With ``clear=True`` the mapping is emptied before the values are set.

    .. versionadded:: 0.1.0
    """

    # Shared with the other patchers: patch.stopall() stops dict patches too.
    _active_patches: List[Any] = _registry._active_patches
    _started = False

    in_dict: Any
    values: Dict[Any, Any]
    clear: bool
    _original: Any

    def __init__(
        self,
        in_dict: Any,
        values: Union[Mapping[Any, Any], Iterable[Tuple[Any, Any]]] = (),
        clear: bool = False,
        **kwargs: Any,
    ) -> None:
        self.in_dict = in_dict
        # Copied now: later changes to the caller's mapping must not leak into the patch.
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    @property
    def is_started(self) -> bool:
        """Whether the patch is currently in place.

        .. versionadded:: 0.1.0
        """
        return self._started

    def __call__(self, f: _T) -> _T:
        target: Any = f
        if isinstance(target, type):
            return self.decorate_class(target)  # type: ignore[return-value]
        if _is_coroutine_function(target):
            return self.decorate_async_callable(target)  # type: ignore[return-value]
        return self.decorate_callable(target)  # type: ignore[return-value]

    def decorate_callable(self, f: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap ``f`` so that it runs with the mapping patched.

        .. versionadded:: 0.1.0
        """

        @wraps(f)
        def _inner(*args: Any, **kw: Any) -> Any:
            self._patch_dict()
            try:
                return f(*args, **kw)
            finally:
                self._unpatch_dict()

        return _inner

    def decorate_async_callable(self, f: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap the coroutine function ``f``; the mapping stays patched across awaits.

        .. versionadded:: 0.1.0
        """

        @wraps(f)
        async def _inner(*args: Any, **kw: Any) -> Any:
            self._patch_dict()
            try:
                return await f(*args, **kw)
            finally:
                self._unpatch_dict()

        return _inner

    def decorate_class(self, klass: type) -> type:
        """Patch the mapping around every test method of ``klass``.

        .. versionadded:: 0.1.0
        """
        prefix = _test_prefix()
        for attr in dir(klass):
            attr_value = getattr(klass, attr)
            # hasattr, not callable(), as for the other patchers.
            if attr.startswith(prefix) and hasattr(attr_value, "__call__"):  # noqa: B004
                # A patcher of its own for each method: they must not share patch state.
                decorator = _patch_dict(self.in_dict, self.values, self.clear)
                setattr(klass, attr, decorator(attr_value))
        return klass

    def __enter__(self) -> Any:
        """Patch the dict.

        .. versionadded:: 0.1.0
        """
        return self._patch_dict()

    def _patch_dict(self) -> Any:
        if self._started:
            raise RuntimeError("Patch is already started")
        in_dict = self.in_dict
        if type(in_dict) is dict:
            # Plain dicts, the common case: their own C methods, nothing to dispatch on.
            self._original = in_dict.copy()
        else:
            if isinstance(in_dict, str):
                # Resolved on first use and kept, as in the standard library.
                in_dict = self.in_dict = _importer(in_dict)
            self._original = _copy_contents(in_dict)
        self._started = True
        try:
            if self.clear:
                _clear_dict(in_dict)
            _update(in_dict, self.values)
        except BaseException:
            # Setting the values failed part way (os.environ refuses non-str values, say):
            # put back what was there before letting the error out.
            self._unpatch_dict()
            raise
        return in_dict

    def _unpatch_dict(self) -> None:
        self._started = False
        in_dict = self.in_dict
        original = self._original
        if type(in_dict) is dict:
            in_dict.clear()
            in_dict.update(original)
        elif type(original) is _EnvironSnapshot and original.environ is in_dict:
            original.restore()
        else:
            _clear_dict(in_dict)
            _update(in_dict, original)

    def __exit__(self, *args: Any) -> Literal[False]:
        """Unpatch the dict.

        .. versionadded:: 0.1.0
        """
        if self._started:
            self._unpatch_dict()
        return False

    def start(self) -> Any:
        """Activate a patch, returning the patched mapping.

        .. versionadded:: 0.1.0
        """
        result = self._patch_dict()
        self._active_patches.append(self)
        return result

    def stop(self) -> Optional[bool]:
        """Stop an active patch; does nothing (returns None) if it was not started.

        .. versionadded:: 0.1.0
        """
        try:
            self._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)
