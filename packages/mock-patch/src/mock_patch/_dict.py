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
from mock_patch._decorate import _is_coroutine_function, _patch_test_methods
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


def _by_method(mapping: Any, method: str, fallback: Callable[..., Any], *args: Any) -> Any:
    """Call ``mapping.<method>(*args)``, or ``fallback(mapping, *args)`` when that raises
    AttributeError, which is how a minimal mapping-like object says it lacks the method."""
    try:
        return getattr(mapping, method)(*args)
    except AttributeError:
        pass
    return fallback(mapping, *args)


def _delete_each_key(mapping: Any) -> None:
    # The keys are listed first: a mapping may not be changed while iterated over. list()
    # says "'X' object is not iterable" for a mapping that cannot be iterated over, as the
    # standard library does (unpacking with * would word it differently).
    for key in list(mapping):
        del mapping[key]


def _items_as_dict(mapping: Any) -> Dict[Any, Any]:
    return {key: mapping[key] for key in mapping}


def _set_each_item(mapping: Any, values: Any) -> None:
    for key in values:
        mapping[key] = values[key]


def _clear_dict(in_dict: Any) -> None:
    """Empty ``in_dict`` in place, with its ``clear()`` if it has one, else key by key.

    .. versionadded:: 0.1.0
    """
    _by_method(in_dict, "clear", _delete_each_key)


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


def _snapshot(mapping: Any) -> Any:
    """The contents of ``mapping`` (neither a plain dict nor a dotted name), to restore later."""
    if type(mapping) is _Environ:
        return _EnvironSnapshot(mapping)
    return _by_method(mapping, "copy", _items_as_dict)


def _put_back(mapping: Any, contents: Any) -> None:
    """Make ``mapping`` hold exactly ``contents`` again (what ``_snapshot`` returned)."""
    if type(contents) is _EnvironSnapshot and contents.environ is mapping:
        # Only the variables that changed are written, not the whole environment.
        contents.restore()
        return
    _clear_dict(mapping)
    _by_method(mapping, "update", _set_each_item, contents)


class _patch_dict:
    """Set items of a mapping while active, then give it back exactly its old contents.

    ``in_dict`` is the mapping, or its dotted name (imported when the patch first starts);
    the items set are those of ``values`` (a mapping or ``(key, value)`` pairs) and of the
    keyword arguments, after emptying the mapping if ``clear`` is true. Works as a decorator
    of functions, coroutine functions and classes, as a context manager, and through
    ``start()`` and ``stop()``.

    .. versionadded:: 0.1.0
    """

    # Shared with the other patchers: patch.stopall() stops dict patches too.
    _active_patches: List[Any] = _registry._active_patches
    # How many starts (start(), with, a decorated call) are not undone yet.
    _applied = 0

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
        # The items are copied now, keywords winning: changes the caller makes to its own
        # mapping afterwards must not leak into the patch.
        items: Dict[Any, Any] = dict(values)
        items.update(kwargs)
        self.in_dict, self.values, self.clear = in_dict, items, clear
        self._original = None

    @property
    def is_started(self) -> bool:
        """Whether the patch is currently in place (started and not stopped as often).

        .. versionadded:: 0.1.0
        """
        return self._applied > 0

    def __call__(self, f: _T) -> _T:
        target: Any = f
        if isinstance(target, type):
            return self.decorate_class(target)  # type: ignore[return-value]
        if _is_coroutine_function(target):
            return self.decorate_async_callable(target)  # type: ignore[return-value]
        return self.decorate_callable(target)  # type: ignore[return-value]

    def decorate_callable(self, f: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap ``f`` so that every call runs with the mapping patched.

        .. versionadded:: 0.1.0
        """

        @wraps(f)
        def _inner(*args: Any, **kw: Any) -> Any:
            self._patch_dict()
            try:
                result = f(*args, **kw)
            except BaseException:
                self._unpatch_dict()
                raise
            self._unpatch_dict()
            return result

        return _inner

    def decorate_async_callable(self, f: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap the coroutine function ``f``; the mapping stays patched across its awaits.

        .. versionadded:: 0.1.0
        """

        @wraps(f)
        async def _inner(*args: Any, **kw: Any) -> Any:
            self._patch_dict()
            try:
                result = await f(*args, **kw)
            except BaseException:
                self._unpatch_dict()
                raise
            self._unpatch_dict()
            return result

        return _inner

    def decorate_class(self, klass: type) -> type:
        """Patch the mapping around every test method of ``klass``.

        .. versionadded:: 0.1.0
        """
        # Every member is looked up, test method or not, as patch.dict always did.
        return _patch_test_methods(klass, self._copy_for_method, look_up_every_name=True)

    def _copy_for_method(self) -> _patch_dict:
        # A patcher of the base class, as for every decorated method: no shared state.
        return _patch_dict(self.in_dict, values=self.values, clear=self.clear)

    def __enter__(self) -> Any:
        """Apply the patch and return the patched mapping.

        .. versionadded:: 0.1.0
        """
        return self._patch_dict()

    def _patch_dict(self) -> Any:
        # Starting again while started is allowed, as in the standard library (every version
        # up to 3.15; only patch() refuses it): the mapping's current contents, patched ones
        # included, become the contents that every later stop gives back.
        in_dict = self.in_dict
        # Plain dicts, the common case, use their own C methods with nothing to dispatch on.
        plain = type(in_dict) is dict
        if plain:
            self._original = in_dict.copy()
        else:
            if isinstance(in_dict, str):
                # Resolved on first use and kept, as in the standard library.
                in_dict = self.in_dict = _importer(in_dict)
            self._original = _snapshot(in_dict)
        self._applied += 1
        try:
            if plain:
                if self.clear:
                    in_dict.clear()
                in_dict.update(self.values)
            else:
                if self.clear:
                    _clear_dict(in_dict)
                _by_method(in_dict, "update", _set_each_item, self.values)
        except BaseException:
            # Setting the values failed part way (os.environ refuses non-str values, say):
            # put back what was there before letting the error out.
            try:
                self._unpatch_dict()
            except Exception:
                # Not a mapping after all (a list, say): the caller must see why setting the
                # values failed, not why putting them back did.
                pass
            raise
        return in_dict

    def _unpatch_dict(self) -> None:
        in_dict = self.in_dict
        original = self._original
        if original is None:
            return  # never started, or nothing left to undo (see below)
        if self._applied > 0:
            self._applied -= 1
        if self._applied == 0 and self not in self._active_patches:
            # No start is left to undo: no with-block or decorated call is inside the patch,
            # and no registration from start() is left for stop() or stopall. A stopped patch
            # must not keep the old contents (and so their values) alive, so the copy goes.
            # Until then it is kept and every undo writes it back, as in the standard
            # library: each stop of a patch started several times, the outer exit of a nested
            # use, and a stop() after an __exit__ call that undid a start() (DEVIATIONS.md:
            # only an __exit__ beyond all of these finds nothing to write back).
            self._original = None
        if type(in_dict) is dict:
            in_dict.clear()
            in_dict.update(original)
        else:
            _put_back(in_dict, original)

    def __exit__(self, *args: Any) -> Literal[False]:
        """Restore the mapping's contents as they were at the last start (nothing once no
        start is left to undo); never suppresses an exception.

        .. versionadded:: 0.1.0
        """
        self._unpatch_dict()
        return False

    def start(self) -> Any:
        """Apply the patch until ``stop()`` (or ``patch.stopall()``); returns the mapping.

        .. versionadded:: 0.1.0
        """
        in_place = self._patch_dict()
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
