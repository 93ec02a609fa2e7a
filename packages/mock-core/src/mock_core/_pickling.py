"""Reduce tuples for mocks (:func:`mock_core.plugins.mock_reducer`).

Every mock has a class of its own, which pickle cannot find by name, so the default
reduction of a mock fails as the standard library's does. A mock that opts in reduces to
its *origin* class (``Mock``, ``MagicMock``, a user's subclass: importable), the
constructor arguments that make the same kind of mock, and a state applied once the new
mock exists (pickle memoizes it first, so children and calls may refer back to it).
"""

from __future__ import annotations

from ._call import _Call, _CallList
from ._noncallable import _dict_of
from ._registry import Deferred
from ._sentinel import DEFAULT, _deleted

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["rebuild_mock", "reduce_mock", "restore_mock_state"]

# The recorded calls a mock keeps, restored through their public attributes.
_CALLS = ("call_args_list", "mock_calls", "method_calls", "call_args", "called", "call_count")
_AWAITS = ("await_args_list", "await_args", "await_count")


class _PlainCalls:
    """Marks recorded calls stored as plain tuples in a pickled state."""


def _picklable(obj: Any) -> bool:
    import pickle

    try:
        pickle.dumps(obj)
    except Exception:
        return False
    return True


def reduce_mock(mock: Any, with_parent: bool) -> tuple[Any, ...]:
    from ._await import AsyncMockMixin
    from ._noncallable import _is_instance_mock

    store = _dict_of(mock)
    kwargs: dict[str, Any] = {}
    if with_parent:
        for key, argument in (
            ("_mock_parent", "parent"),
            ("_mock_new_parent", "_new_parent"),
            ("_mock_name", "name"),
            ("_mock_new_name", "_new_name"),
        ):
            if store.get(key) not in (None, ""):
                kwargs[argument] = store[key]
    elif store.get("_mock_name") is not None or store.get("_mock_new_parent") is not None:
        # Pickled without its parent: it keeps the dotted name that reprs show.
        kwargs["name"] = mock._extract_mock_name()
    spec_set = bool(store.get("_spec_set"))
    source = store.get("_mock_sig_source")
    methods = store.get("_mock_methods")
    if source is not None and _picklable(source[0]):
        kwargs["spec_set" if spec_set else "spec"] = source[0]
        kwargs["_spec_as_instance"], kwargs["_eat_self"] = source[1], source[2]
    elif methods is not None:
        # A spec pickle cannot reach by reference: its attribute names still restrict.
        kwargs["spec_set" if spec_set else "spec"] = list(methods)
    wraps = store.get("_mock_wraps")
    if wraps is not None and _picklable(wraps):
        kwargs["wraps"] = wraps
    if store.get("_mock_unsafe"):
        kwargs["unsafe"] = True

    state: dict[str, Any] = {}
    children = store.get("_mock_children") or {}
    state["children"] = {
        name: child for name, child in children.items() if not isinstance(child, Deferred)
    }
    state["assigned"] = set(store.get("_mock_assigned", ()))
    returned = store.get("_mock_return_value", DEFAULT)
    if returned is not DEFAULT:
        state["return_value"] = returned
    effect = store.get("_mock_side_effect")
    if effect is not None and (_is_instance_mock(effect) or _picklable(effect)):
        state["side_effect"] = effect
    names = _CALLS + (_AWAITS if isinstance(mock, AsyncMockMixin) else ())
    for name in names:
        state[name] = _plain_calls(getattr(mock, name))
    if store.get("_mock_sealed"):
        state["sealed"] = True
    origin = type(mock)._mock_origin
    return (rebuild_mock, (origin, kwargs), state, None, None, restore_mock_state)


def _plain_calls(value: Any) -> Any:
    # A call pickles as a three-tuple whatever it was (as its __getnewargs__ says); its
    # items are kept as plain tuples instead and made into calls of the same shape again.
    if isinstance(value, _CallList):
        return [_PlainCalls, *(tuple(item) for item in value)]
    if isinstance(value, _Call):
        return (_PlainCalls, tuple(value))
    return value


def _calls_again(value: Any) -> Any:
    if isinstance(value, list) and value and value[0] is _PlainCalls:
        return _CallList(_Call(item, two=len(item) == 2) for item in value[1:])
    if isinstance(value, tuple) and len(value) == 2 and value[0] is _PlainCalls:
        return _Call(value[1], two=len(value[1]) == 2)
    return value


def rebuild_mock(origin: type, kwargs: dict[str, Any]) -> Any:
    """Make the mock that a reduce tuple of :func:`reduce_mock` stands for."""
    return origin(**kwargs)


def restore_mock_state(mock: Any, state: dict[str, Any]) -> None:
    """Give a rebuilt mock its children, return value, side effect and recorded calls."""
    store = _dict_of(mock)
    children = store.setdefault("_mock_children", {})
    assigned = state["assigned"]
    for name, child in state["children"].items():
        if name[:2] == "__" == name[-2:]:
            # Magic methods live on the mock's class: setting one puts it there.
            setattr(mock, name, child)
            continue
        children[name] = child
        if child is not _deleted and name not in store:
            # Cached in the instance dict, as a child made on access is (see __getattr__).
            store[name] = child
    if assigned:
        store["_mock_assigned"] = set(assigned)
    if "return_value" in state:
        store["_mock_return_value"] = state["return_value"]
    if "side_effect" in state:
        # Past __setattr__ (which a spec_set restricts) to the properties themselves.
        object.__setattr__(mock, "side_effect", state["side_effect"])
    for name in _CALLS + _AWAITS:
        if name in state:
            object.__setattr__(mock, name, _calls_again(state[name]))
    if state.get("sealed"):
        store["_mock_sealed"] = True
