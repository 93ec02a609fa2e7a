"""Callable mocks: ``CallableMixin`` and ``Mock``."""

from __future__ import annotations

from . import _noncallable
from ._classes import MockClassType
from ._noncallable import NonCallableMock, _dict_of
from ._recorders import record_through
from ._recording import (
    CALL_FRAMES,
    call_side_effect,
    call_wrapped,
    called_as_side_effect,
    check_and_record,
    links_changed,
    next_side_effect,
    record_call,
)
from ._sentinel import DEFAULT

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any

__all__ = ["UNHANDLED", "CallableMixin", "Mock", "_choose_call", "delegated_call"]

_new_call = tuple.__new__

# A class that overrides one of these hooks gets the step-by-step call path, so
# the override is honoured; everyone else gets the fused fast path.
_HOOKS = ("_mock_check_sig", "_increment_mock_call", "_mock_call", "_execute_mock_call")


class CallableMixin:
    """Makes a mock callable: records the call, then applies side_effect or return_value.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        spec: Any = None,
        side_effect: Any = None,
        return_value: Any = DEFAULT,
        wraps: Any = None,
        name: Any = None,
        spec_set: Any = None,
        parent: Any = None,
        _spec_state: Any = None,
        _new_name: Any = "",
        _new_parent: Any = None,
        **kwargs: Any,
    ) -> None:
        if return_value is not DEFAULT:
            self.__dict__["_mock_return_value"] = return_value
        super().__init__(  # type: ignore[call-arg]
            spec, wraps, name, spec_set, parent, _spec_state, _new_name, _new_parent, **kwargs
        )
        if side_effect is not None:
            self.side_effect = side_effect

    #: Frames between a call and the side effect or wrapped callable it runs (see
    #: CALL_FRAMES); a kind whose standard-library counterpart adds one says so here.
    _mock_call_frames = CALL_FRAMES

    def _mock_check_sig(self, /, *args: Any, **kwargs: Any) -> None:
        # Replaced on a mock's own class when a signature check is installed.
        pass

    def __call__(self, /, *args: Any, **kwargs: Any) -> Any:
        check_and_record(self, args, kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        result = self._execute_mock_call(*args, **kwargs)
        after = type(self)._mock_after_observers  # type: ignore[attr-defined]
        if not after:
            return result
        pair = _Call((args, kwargs), two=True)
        for observer in after:
            observer(self, pair)
        return result

    def _increment_mock_call(self, /, *args: Any, **kwargs: Any) -> None:
        pair = record_call(self, args, kwargs)
        observers = type(self)._mock_observers  # type: ignore[attr-defined]
        for observer in observers:
            observer(self, pair)

    def _execute_mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        effect = self.side_effect
        if effect is not None:
            # Called from this frame, the third below the call (see CALL_FRAMES).
            if called_as_side_effect(effect):
                result = effect(*args, **kwargs)
            else:
                result = next_side_effect(effect)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:  # type: ignore[attr-defined]
            return self.return_value  # type: ignore[attr-defined]
        delegate = self._mock_delegate  # type: ignore[attr-defined]
        if delegate is not None and delegate.return_value is not DEFAULT:
            return self.return_value  # type: ignore[attr-defined]
        wrapped = self._mock_wraps  # type: ignore[attr-defined]
        if wrapped is not None:
            return wrapped(*args, **kwargs)
        return self.return_value  # type: ignore[attr-defined]


_step_by_step_call = CallableMixin.__call__


def _recording_call(self: Any, /, *args: Any, **kwargs: Any) -> Any:
    # __call__ of the classes that have call recorders (plugins.add_call_recorder): the
    # step-by-step path, its hooks honoured, with the recorders run before the call is
    # recorded. Mocks of every other class never look for recorders.
    kind = type(self)
    recording = kind._mock_recorders
    if not recording:
        # The last recorder went while this call was on its way here (another thread).
        return _step_by_step_call(self, *args, **kwargs)
    recorders, after = recording
    self._mock_check_sig(*args, **kwargs)
    recorded = record_through(self, recorders, args, kwargs)
    if getattr(kind, "_mock_async_call", None) is not None:
        # Await recording mixed in: the coroutine records its await as the call was
        # recorded (the async call path leaves _mock_call out too).
        result = self._mock_execute_recorded(recorded, args, kwargs)
    else:
        result = self._mock_call(*args, **kwargs)
    # The after-observers, told here with the call as recorded (see _plugin_settings).
    for observer in after:
        observer(self, recorded)
    return result


def _fused_call(self: Any, /, *args: Any, **kwargs: Any) -> Any:
    # Everything CallableMixin.__call__ does, in one frame. The mock's state is read from its
    # instance dict with the class defaults written out, and the plugins' settings from its
    # ring's source: each mock has a class of its own, new to the type-attribute cache (see
    # _noncallable._dict_of).
    # Only for a class of a ring that nothing was written on (a signature check installed,
    # await recording mixed in for an async spec, a hook replaced through type(m)): every
    # other class takes the step-by-step path, which asks the class for each step.
    ring = getattr(type(type(self)), "ring", None)  # see _classes
    store = _dict_of(self)
    if ring is None or ring.source is None or store.get("_mock_delegate") is not None:
        return _step_by_step_call(self, *args, **kwargs)
    check = store.get("_mock_call_check")  # a signature check (plugins.install_signature_check)
    if check is not None:
        check(*args, **kwargs)
    pair = _new_call(_Call, (args, kwargs))
    store["_mock_called"] = True
    store["_mock_call_args"] = pair
    # The lists are made on first use (see _noncallable._lazy), each on its own: any of them
    # may exist already (read, or assigned) before the first call.
    found = store.get("_mock_tally")
    if found is None:
        found = store.setdefault("_mock_tally", [])
    found.append(None)
    found = store.get("_mock_call_args_list")
    if found is None:
        found = store.setdefault("_mock_call_args_list", _CallList())
    found.append(pair)
    found = store.get("_mock_mock_calls")
    if found is None:
        found = store.setdefault("_mock_mock_calls", _CallList())
    found.append(_new_call(_Call, ("", args, kwargs)))
    if store.get("_mock_new_parent") is not None:
        _record_up(self, args, kwargs)
    source = ring.source
    observers = source._mock_observers
    if observers:
        for observer in observers:
            observer(self, pair)
    result = DEFAULT
    effect = store.get("_mock_side_effect")
    # User code (a side effect, a wrapped callable) runs as many frames below the call as
    # in the standard library, for a stacklevel counted there: this frame and the rest.
    if effect is not None:
        result = call_side_effect(source._mock_call_frames - 1, effect, args, kwargs)
    if result is DEFAULT:
        result = store.get("_mock_return_value", DEFAULT)
        if result is DEFAULT:
            wrapped = store.get("_mock_wraps")
            if wrapped is None:
                result = self.return_value
            else:
                result = call_wrapped(source._mock_call_frames - 1, wrapped, args, kwargs)
    after = source._mock_after_observers
    if after:
        for observer in after:
            observer(self, pair)
    return result


def _choose_call(cls: type) -> None:
    """Give ``cls`` the fused call path unless it customises the call or its hooks."""
    if not issubclass(cls, CallableMixin):
        return
    async_call = getattr(cls, "_mock_async_call", None)  # await recording's own call path
    ours = (_fused_call, _step_by_step_call, async_call, _recording_call)
    if cls.__call__ not in ours:
        return
    if getattr(cls, "_mock_recorders", ()):
        # Only these classes' calls look for recorders.
        chosen = _recording_call
    elif async_call is not None:
        chosen = async_call
    else:
        hooks = (getattr(cls, hook) is not getattr(CallableMixin, hook) for hook in _HOOKS)
        chosen = _step_by_step_call if any(hooks) else _fused_call
    if cls.__dict__.get("__call__") is not chosen:
        # Through the metaclass on a mock's own class, which records the write.
        (setattr if isinstance(cls, MockClassType) else type.__setattr__)(cls, "__call__", chosen)


class Mock(
    # Bases and their order are the standard library's: the MRO is public (isinstance,
    # super() in user subclasses).
    CallableMixin,
    NonCallableMock,
):
    """A callable mock whose attributes and return value are mocks created on first use.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        spec: Any = None,
        side_effect: Any = None,
        return_value: Any = DEFAULT,
        wraps: Any = None,
        name: Any = None,
        spec_set: Any = None,
        parent: Any = None,
        _spec_state: Any = None,
        _new_name: Any = "",
        _new_parent: Any = None,
        **kwargs: Any,
    ) -> None:
        # CallableMixin.__init__ and NonCallableMock.__init__ folded into one frame for
        # the common cases; anything unusual takes the general route.
        if spec is None and spec_set is None and not kwargs and wraps is None:
            if (
                return_value is DEFAULT
                and side_effect is None
                and parent is None
                and name is None
                and not _new_name
                and _new_parent is None
            ):
                return  # Mock(): nothing to store (every default is on the class)
            store = _dict_of(self)
            if (
                parent is not None or name is not None or _new_name or _new_parent is not None
            ) and ("_mock_planned" in store):
                # A second __init__ moving a mock that some recording plan depends on.
                links_changed(self)
            if return_value is not DEFAULT:
                store["_mock_return_value"] = return_value
            if parent is not None:
                store["_mock_parent"] = parent
                if _new_parent is None:
                    _new_parent = parent
            if name is not None:
                store["_mock_name"] = name
            if _new_name:
                store["_mock_new_name"] = _new_name
            if _new_parent is not None:
                store["_mock_new_parent"] = _new_parent
            if side_effect is not None:
                self.side_effect = side_effect
            return
        CallableMixin.__init__(
            self, spec, side_effect, return_value, wraps, name, spec_set, parent,
            _spec_state, _new_name, _new_parent, **kwargs,
        )  # fmt: skip


from ._call import _Call, _CallList  # noqa: E402
from ._recording import _record_up  # noqa: E402
from ._sentinel import _SentinelObject  # noqa: E402
from ._util import state_lock  # noqa: E402

#: What delegated_call returns when the call must take the mock's own path instead. Not
#: ``sentinel.UNHANDLED``, which a user's side effect could return.
UNHANDLED: Any = _SentinelObject("UNHANDLED")


def delegated_call(mock: Any, delegate: Any, args: tuple[Any, ...], kwargs: Any) -> Any:
    """Record a call made through ``delegate`` on the call state it keeps for ``mock``.

    What a call of ``mock`` does when its calls are recorded on a delegate, with the
    delegate's attributes written directly. For anything unusual (observers, a customised
    call, attributes the user removed) it returns UNHANDLED: the caller then calls the mock.
    For a function that stands in for a mock (an autospecced function), this is a call at
    the cost of the mock's own.

    .. versionadded:: 0.2.0
    """
    state = delegate.__dict__
    kind = type(mock)
    count = state.get("call_count")
    calls = state.get("call_args_list")
    every = state.get("mock_calls")
    if (
        mock._mock_delegate is not delegate
        or kind.__call__ is not _fused_call
        or kind._mock_observers
        or getattr(kind, "_mock_after_observers", None)
        or type(count) is not int
        or calls is None
        or every is None
    ):
        return UNHANDLED
    pair = _new_call(_Call, (args, kwargs))
    state["called"] = True
    # A plain attribute (as in the standard library), so the increment is not atomic:
    # counted under the state lock, or concurrent calls would lose some.
    with state_lock():
        state["call_count"] = state["call_count"] + 1
    state["call_args"] = pair
    calls.append(pair)
    every.append(_new_call(_Call, ("", args, kwargs)))
    if mock._mock_new_parent is not None:
        _record_up(mock, args, kwargs)
    if state.get("side_effect") is None:
        value = state.get("return_value", DEFAULT)
        if value is not DEFAULT:
            return value
    return _execute(mock, args, kwargs)


def _execute(mock: Any, args: tuple[Any, ...], kwargs: Any) -> Any:
    # Stands for the standard library's _mock_call frame: a side effect runs as many
    # frames below the delegate as there (see CALL_FRAMES).
    return mock._execute_mock_call(*args, **kwargs)


_noncallable._CallableMixin = CallableMixin
_noncallable._Mock = Mock

# ``inspect.signature`` of an unspecced mock shows ``(*args, **kwargs)``, as in the
# standard library; the annotations above are for type checkers only.
for _function in (_fused_call, CallableMixin.__call__):
    _function.__annotations__ = {}
del _function
