"""Call recording: what a call leaves behind on a mock and on its parents.

Every write here is a single ``list.append`` or a single dict store, each atomic
under the interpreter lock, so concurrent calls are neither lost nor doubled.
``call_count`` is the length of a private tally plus an offset that assignment
moves, which keeps it exact under threads and still assignable.
"""

from __future__ import annotations

from ._call import _Call, _CallList
from ._names import LINK_NAMES
from ._registry import Deferred, registry
from ._sentinel import DEFAULT, _deleted
from ._util import _callable, _is_exception, _MockIter, _try_iter, state_lock

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any

__all__ = [
    "call_args",
    "call_args_list",
    "call_count",
    "called",
    "check_and_record",
    "links_changed",
    "mock_calls",
    "record_call",
    "reset_tree",
    "return_value",
    "side_effect",
    "signature_for",
]

_new_call = tuple.__new__


def record_call(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> _Call:
    """Record one call of ``mock`` on it and on every mock above it."""
    pair: _Call = _new_call(_Call, (args, kwargs))
    if mock._mock_delegate is not None:
        _record_delegated(mock, pair)
        # The delegate (an autospecced function) owns mock_calls too.
        mock.mock_calls.append(_new_call(_Call, ("", args, kwargs)))
    else:
        store = mock.__dict__
        store["_mock_called"] = True
        store["_mock_call_args"] = pair
        mock._mock_tally.append(None)
        mock._mock_call_args_list.append(pair)
        mock._mock_mock_calls.append(_new_call(_Call, ("", args, kwargs)))
    if mock._mock_new_parent is not None:
        _record_up(mock, args, kwargs)
    return pair


def check_and_record(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """The first two steps of a step-by-step call, each a hook subclasses may override."""
    mock._mock_check_sig(*args, **kwargs)
    mock._increment_mock_call(*args, **kwargs)


def _record_delegated(mock: Any, pair: _Call) -> None:
    mock.called = True
    # The delegate keeps the count as a plain attribute: count under the lock, or
    # concurrent calls would lose increments.
    with state_lock():
        mock.call_count += 1
    mock.call_args = pair
    mock.call_args_list.append(pair)


# The plans cached by _record_up hold for links as they were at this count; anything that
# moves a mock in its tree calls links_changed(), which makes every plan stale at once.
_links_epoch = 0
_SKIP: Any = object()  # a level without a method_calls entry, or (as the path) the last level


def links_changed(mock: Any) -> None:
    """Call before the links of ``mock`` change: plans that depend on them go stale.

    Only mocks some plan depends on (marked ``_mock_planned``) make every plan stale;
    most mocks whose links are set (a new child, a fresh return value) have none.
    """
    global _links_epoch
    if "_mock_planned" in mock.__dict__:
        _links_epoch += 1


def _record_up(mock: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    # Where a call is recorded above ``mock``, and under which names, depends only on the
    # links of ``mock`` and its ancestors, so it is worked out once (``_plan``) and kept on
    # ``mock`` until some mock's links change.
    # (State is read from instance dicts: see _noncallable._dict_of.)
    store = _dict_of(mock)
    plan = store.get("_mock_record_plan")
    if plan is None or plan[0] != _links_epoch:
        plan = _plan(mock)
        if plan[2] is None:
            store["_mock_record_plan"] = plan
    for node, shown, path in plan[1]:
        above = _dict_of(node)
        methods = above.get("method_calls")
        if methods is None:
            methods = above.setdefault("method_calls", _CallList())
        if path is _SKIP:
            # The standard library failed to name the next method path: this level got
            # its method_calls entry and nothing more.
            methods.append(_new_call(_Call, (shown, args, kwargs)))
            break
        entry = _new_call(_Call, (path, args, kwargs))
        if shown is path:
            # Along a chain of attributes both paths are the same string: one (immutable)
            # call object serves both lists, which halves what a call allocates on its
            # ancestors and what reset_mock later frees.
            methods.append(entry)
        elif shown is not _SKIP:
            methods.append(_new_call(_Call, (shown, args, kwargs)))
        if above.get("_mock_delegate") is None:
            calls = above.get("_mock_mock_calls")
            if calls is None:
                calls = above.setdefault("_mock_mock_calls", _CallList())
            calls.append(entry)
        else:
            node.mock_calls.append(entry)
    if plan[2] is not None:
        raise plan[2]


def _plan(mock: Any) -> tuple[int, tuple[tuple[Any, Any, Any], ...], Exception | None]:
    """(epoch, levels, failure): for each mock above ``mock``, the name its method_calls
    entry gets (``_SKIP`` for none) and the name its mock_calls entry gets.

    ``method_calls`` follows attribute parents only; ``mock_calls`` follows every parent,
    return values included. Names are joined with ``+``, as in the standard library: a name
    that is not a string (``Mock(parent=p)`` has None) is the ``failure``, raised after the
    levels before it were recorded, as there.
    """
    epoch = _links_epoch
    levels: list[tuple[Any, Any, Any]] = []
    # Marks the mocks a plan depends on, so that moving any other mock changes nothing.
    mock.__dict__["_mock_planned"] = True
    methods = mock._mock_parent is not None
    method_path = mock._mock_name
    path = mock._mock_new_name
    node = mock._mock_new_parent
    try:
        while node is not None:
            node.__dict__["_mock_planned"] = True
            shown: Any = _SKIP
            same = False
            if methods:
                same = method_path == path
                shown = path if same else method_path
                if node._mock_parent is None:
                    methods = same = False
                else:
                    name = node._mock_name
                    try:
                        method_path = name + "." + method_path
                    except TypeError as failure:
                        levels.append((node, shown, _SKIP))
                        return epoch, tuple(levels), failure
                    same = same and name == node._mock_new_name
            levels.append((node, shown, path))
            step = node._mock_new_name
            if step:
                if path.startswith("()"):
                    path = step + path
                elif same:
                    path = method_path
                else:
                    path = step + "." + path
            node = node._mock_new_parent
    except (TypeError, AttributeError) as failure:
        return epoch, tuple(levels), failure
    return epoch, tuple(levels), None


def _plain(private: str, public: str) -> property:
    def getter(self: Any) -> Any:
        delegate = self._mock_delegate
        if delegate is None:
            return getattr(self, private)
        return getattr(delegate, public)

    def setter(self: Any, value: Any) -> None:
        delegate = self._mock_delegate
        if delegate is None:
            self.__dict__[private] = value
        else:
            setattr(delegate, public, value)

    return property(getter, setter)


called = _plain("_mock_called", "called")
call_args = _plain("_mock_call_args", "call_args")
call_args_list = _plain("_mock_call_args_list", "call_args_list")
mock_calls = _plain("_mock_mock_calls", "mock_calls")


def _get_call_count(self: Any) -> int:
    delegate = self._mock_delegate
    if delegate is not None:
        return delegate.call_count  # type: ignore[no-any-return]
    return len(self._mock_tally) + self._mock_count_offset  # type: ignore[no-any-return]


def _set_call_count(self: Any, value: int) -> None:
    delegate = self._mock_delegate
    if delegate is not None:
        delegate.call_count = value
        return
    self.__dict__["_mock_count_offset"] = count_offset(value, len(self._mock_tally))


call_count = property(_get_call_count, _set_call_count)


class _Assigned:
    """The offset of a count assigned something that is not a number (``None``, say).

    The standard library keeps whatever is assigned; ``counted + offset`` gives it back.
    """

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __radd__(self, counted: int) -> Any:
        return self.value


def count_offset(value: Any, counted: int) -> Any:
    """What to add to ``counted`` (the calls recorded so far) for the count to read ``value``."""
    try:
        return value - counted
    except TypeError:
        return _Assigned(value)


def _get_return_value(self: Any) -> Any:
    value = self._mock_return_value
    delegate = self._mock_delegate
    if delegate is not None:
        value = delegate.return_value
    if value is DEFAULT and self._mock_wraps is None:
        if self._mock_sealed and not self._mock_grows_sealed:
            raise AttributeError(f"{self._extract_mock_name()}.return_value")
        made = self._get_child_mock(_new_parent=self, _new_name="()")
        # Threads racing on the first read must all get the one value that stays.
        with state_lock():
            value = self._mock_return_value if delegate is None else delegate.return_value
            if value is DEFAULT:
                self.return_value = value = made
    return value


def _set_return_value(self: Any, value: Any) -> None:
    delegate = self._mock_delegate
    if delegate is not None:
        delegate.return_value = value
        return
    self.__dict__["_mock_return_value"] = value
    _check_and_set_parent(self, value, None, "()")


return_value = property(
    _get_return_value, _set_return_value, doc="The value returned when the mock is called."
)


def _get_side_effect(self: Any) -> Any:
    delegate = self._mock_delegate
    if delegate is None:
        return self._mock_side_effect
    effect = delegate.side_effect
    if (
        effect is not None
        and not callable(effect)
        and not isinstance(effect, _MockIter)
        and not _is_exception(effect)
    ):
        effect = _MockIter(effect)
        delegate.side_effect = effect
    return effect


def _set_side_effect(self: Any, value: Any) -> None:
    value = _try_iter(value)
    delegate = self._mock_delegate
    if delegate is None:
        self.__dict__["_mock_side_effect"] = value
    else:
        delegate.side_effect = value


side_effect = property(
    _get_side_effect, _set_side_effect, doc="Called, raised or iterated when the mock is called."
)


def called_as_side_effect(effect: Any) -> bool:
    """Whether ``effect`` is called (rather than raised, or iterated) when the mock is."""
    return _callable(effect) and not _is_exception(effect)


def next_side_effect(effect: Any) -> Any:
    """A side effect that is not called: an exception is raised, and an iterator gives
    its next item (raised if that is an exception)."""
    if _is_exception(effect):
        raise effect
    produced = next(effect)
    if _is_exception(produced):
        raise produced
    return produced


#: Frames the standard library puts between a call of a mock and the side effect or
#: wrapped callable it runs (``__call__``, ``_mock_call``, ``_execute_mock_call``). Code
#: that warns from a side effect counts them in its ``stacklevel``.
CALL_FRAMES = 3


def call_side_effect(frames: int, effect: Any, args: tuple[Any, ...], kwargs: Any) -> Any:
    """Apply a side effect from ``frames`` frames below the caller (this one included).

    DEFAULT means "fall through to the return value". Only the paths that run user code
    pay for the frames in between: a Python-to-Python call each.
    """
    if frames > 1:
        return call_side_effect(frames - 1, effect, args, kwargs)
    if called_as_side_effect(effect):
        return effect(*args, **kwargs)
    return next_side_effect(effect)


def call_wrapped(frames: int, wrapped: Any, args: tuple[Any, ...], kwargs: Any) -> Any:
    """Call the wrapped object from ``frames`` frames below the caller (see CALL_FRAMES)."""
    if frames > 1:
        return call_wrapped(frames - 1, wrapped, args, kwargs)
    return wrapped(*args, **kwargs)


# Set by _noncallable, which imports this module.
_check_and_set_parent: Any = None
# A mock's instance dict without a lookup on its class: bound by _noncallable.
_dict_of: Any = None

# Names dropped from an instance dict by reset_mock; the class defaults take over.
_RESET_KEYS = (
    "_mock_called",
    "_mock_call_args",
    "_mock_tally",
    "_mock_count_offset",
    "_mock_call_args_list",
    "_mock_mock_calls",
    "method_calls",
)
_RESET_SET = frozenset(_RESET_KEYS)
# What a mock made by a call holds and reset_mock leaves alone (its place in the tree).
_INERT_KEYS = LINK_NAMES | {"_mock_record_plan", "_mock_planned"}


def reset_tree(mock: Any, visited: Any, return_value: bool, side_effect: bool) -> None:
    """Reset ``mock``, its children and its return value, each mock once.

    Mocks are visited in the standard library's order (a mock, then its children in the
    order they were made, then its return value), which decides the flags a mock reachable
    by two paths is reset with. A subclass's own ``reset_mock`` is called for its mocks.
    """
    seen: set[int] = set()
    # Each entry is a mock, or a (mock, reset_return, reset_effect) triple for a mock
    # reached only through children (the caller's flags apply to it). A plain reset_mock()
    # has no flags to carry, so that common case pushes bare mocks.
    flagged = return_value or side_effect
    # Without flags or ``visited``, the order of visits cannot be observed.
    quick = not flagged and visited is None
    pending: list[Any] = [(mock, return_value, side_effect) if flagged else mock]
    mock_type = _MockType
    reset_keys = _RESET_SET
    reset_list = _RESET_KEYS
    inert_keys = _INERT_KEYS
    while pending:
        entry = pending.pop()
        if type(entry) is tuple:
            node, reset_return, reset_effect = entry
        else:
            node, reset_return, reset_effect = entry, False, False
        key = id(node)
        if key in seen or (visited is not None and key in visited):
            continue
        if node is not mock and type(node).reset_mock is not _base_reset:
            # Overridden: as in the standard library, the override resets its subtree,
            # given what has been reset so far.
            done = seen if visited is None else visited
            node.reset_mock(done, return_value=reset_return, side_effect=reset_effect)
            continue
        if visited is not None:
            # Callers that pass ``visited`` (as the standard library's reset_mock does for
            # children) see the ids of the mocks reset.
            if isinstance(visited, list):
                visited.append(key)
            else:
                visited.add(key)
        seen.add(key)
        store = node.__dict__
        if node._mock_delegate is not None:
            node.called = False
            node.call_args = None
            node.call_count = 0
            node.mock_calls = _CallList()
            node.call_args_list = _CallList()
        # Only a mock that recorded something (or had its lists read) has state to drop.
        if not reset_keys.isdisjoint(store):
            drop = store.pop
            for name in reset_list:
                drop(name, None)
        hook = node._mock_reset_hook
        if hook is not None:
            hook(node)
        if reset_return:
            if _keeps_return_value(node):
                # As in the standard library, the return values below it are kept too.
                reset_return = False
            else:
                store["_mock_return_value"] = DEFAULT
        if reset_effect:
            store["_mock_side_effect"] = None
        # Pushed before the children, so it is visited after them.
        ret = store.get("_mock_return_value")
        if ret is not None and ret is not node and issubclass(type(ret), mock_type):
            if visited is not None or not _untouched(ret):
                pending.append(ret)
        children = store.get("_mock_children")
        if not children:
            continue
        start = len(pending)
        # The metaclass of the last class seen to reset the plain way (no hook, no override
        # of reset_mock): the children of one mock nearly always come from one ring, whose
        # classes share a metaclass while nothing was written on them, and agree on that
        # (see _classes; asked of the metaclass, not of each class, which the type-attribute
        # cache has not seen).
        plain = None
        for child in children.values():
            kind = type(child)
            if type(kind) is not plain:
                if not issubclass(kind, mock_type):
                    if child is _deleted or isinstance(child, Deferred):
                        continue
                    # An autospecced function stands for its mock.
                    child = getattr(child, "mock", None)
                    if issubclass(type(child), mock_type):
                        pending.append((child, reset_return, reset_effect) if flagged else child)
                    continue
                if not quick or not _resets_plainly(kind):
                    pending.append((child, reset_return, reset_effect) if flagged else child)
                    continue
                if getattr(type(kind), "ring", None) is not None:
                    plain = type(kind)
            below = _dict_of(child)
            if "_mock_children" in below or "_mock_delegate" in below:
                pending.append(child)
                continue
            # A mock without children, reset right here: with no flags and no ``visited``
            # to report to, resetting it twice would change nothing, so it needs no
            # bookkeeping (most of a tree is such mocks). Each of _RESET_KEYS is asked for,
            # a call's first: reset_keys.isdisjoint(below) iterates the dict instead, which
            # callgrind measured at about 1,100 instructions per clean child against 500.
            if (
                "_mock_called" in below
                or "_mock_tally" in below
                or "_mock_call_args_list" in below
                or "_mock_mock_calls" in below
                or "method_calls" in below
                or "_mock_call_args" in below
                or "_mock_count_offset" in below
            ):
                drop = below.pop
                for name in reset_list:
                    drop(name, None)
            ret = below.get("_mock_return_value")
            if ret is not None and ret is not child:
                # Most children were called once and hold a return value nobody used, of
                # their own ring: _untouched(ret) is inlined for that case, and for the
                # commonest of it (the two links a call gave it) without iterating its keys.
                made = type(ret)
                if type(made) is plain:
                    held = _dict_of(ret)
                    if (
                        not (
                            len(held) == 2
                            and "_mock_new_parent" in held
                            and "_mock_new_name" in held
                        )
                        and not held.keys() <= inert_keys
                    ):
                        pending.append(ret)
                elif issubclass(made, mock_type) and not _untouched(ret):
                    pending.append(ret)
        if not quick:
            # Children are visited in the order they were made (which decides the flags of
            # a mock with two paths to it, and the order of ``visited``).
            pending[start:] = reversed(pending[start:])


def _resets_plainly(kind: Any) -> bool:
    """Whether mocks of ``kind`` reset the plain way (no reset hook, no own reset_mock)."""
    return kind._mock_reset_hook is None and kind.reset_mock is _base_reset


def _untouched(made: Any) -> bool:
    """Whether a return value holds nothing reset_mock would change (a call made it)."""
    return made.__dict__.keys() <= _INERT_KEYS and _resets_plainly(type(made))


# Bound by _noncallable (which imports this module) to NonCallableMock and its reset_mock.
_MockType: Any = None
_base_reset: Any = None


def _keeps_return_value(node: Any) -> bool:
    # Whether ``reset_mock(return_value=True)`` spares this mock's return value: a class
    # may say so with ``_mock_keeps_return_value(mock)`` (mock-magic's MagicMock does, for
    # its magic methods, as the stdlib has it since 3.13).
    keeps = getattr(type(node), "_mock_keeps_return_value", None)
    return keeps is not None and bool(keeps(node))


def signature_for(spec: Any, as_instance: bool, eat_self: bool) -> Any:
    """Ask the signature providers (plugin point 3) for the signature of ``spec``."""
    providers = registry.signature_providers
    if not providers:
        registry.discover()
        providers = registry.signature_providers
    for provider in providers:
        found = provider(spec, as_instance, eat_self)
        if found is not None:
            return found
    return None
