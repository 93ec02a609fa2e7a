"""The magic-method tables: which dunders mocks support, and how MagicMock configures them.

These follow the newest standard library on every supported Python.
"""

from __future__ import annotations

from mock_core import DEFAULT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

__all__ = [
    "PRECONFIGURED",
    "_all_magics",
    "_all_sync_magics",
    "_async_magics",
    "_async_method_magics",
    "_calculate_return_value",
    "_is_magic",
    "_magics",
    "_non_defaults",
    "_return_values",
    "_side_effect_methods",
    "_sync_async_magics",
    "_unsupported_magics",
]

_ARITHMETIC = "add sub mul matmul truediv floordiv mod lshift rshift and xor or pow".split()
_PLAIN = (
    "lt le gt ge eq ne getitem setitem delitem len contains iter hash str sizeof enter exit "
    "divmod rdivmod neg pos abs invert complex int float index round trunc floor ceil bool "
    "next fspath aiter"
).split()


def _dunder(names: list[str]) -> set[str]:
    return {f"__{name}__" for name in names}


# Configured on every MagicMock.
_magics: set[str] = (
    _dunder(_PLAIN)
    | _dunder(_ARITHMETIC)
    | _dunder([f"i{n}" for n in _ARITHMETIC])
    | _dunder([f"r{n}" for n in _ARITHMETIC])
)

# Supported when set explicitly, never preconfigured.
_non_defaults: set[str] = _dunder(
    (
        "get set delete reversed missing reduce reduce_ex getinitargs getnewargs getstate "
        "setstate getformat repr dir subclasses format getnewargs_ex"
    ).split()
)

_async_method_magics: set[str] = {"__aenter__", "__aexit__", "__anext__"}
# Synchronous methods that belong to the async protocols.
_sync_async_magics: set[str] = {"__aiter__"}
_async_magics: set[str] = _async_method_magics | _sync_async_magics

_all_sync_magics: set[str] = _magics | _non_defaults
_all_magics: set[str] = _all_sync_magics | _async_magics

_unsupported_magics: set[str] = {
    "__getattr__", "__setattr__", "__init__", "__new__", "__prepare__",
    "__instancecheck__", "__subclasscheck__", "__del__",
}  # fmt: skip

PRECONFIGURED: frozenset[str] = frozenset(_magics | _async_method_magics)

_return_values: dict[str, Any] = {
    "__lt__": NotImplemented,
    "__gt__": NotImplemented,
    "__le__": NotImplemented,
    "__ge__": NotImplemented,
    "__int__": 1,
    "__contains__": False,
    "__len__": 0,
    "__exit__": False,
    "__complex__": 1j,
    "__float__": 1.0,
    "__bool__": True,
    "__index__": 1,
    "__aexit__": False,
}


def _fspath(mock: Any) -> str:
    return f"{type(mock).__name__}/{mock._extract_mock_name()}/{id(mock)}"


# Defaults that depend on the mock, computed when the magic is first used.
_calculate_return_value: dict[str, Callable[[Any], Any]] = {
    "__hash__": lambda mock: object.__hash__(mock),
    "__str__": lambda mock: object.__str__(mock),
    "__sizeof__": lambda mock: object.__sizeof__(mock),
    "__fspath__": _fspath,
}


# The factories carry the standard library's names: a wrong call of a default __eq__,
# __ne__, __iter__ or __aiter__ names the function in its TypeError (_get_iter.<locals>...).


def _get_eq(mock: Any) -> Callable[[Any], Any]:
    def __eq__(other: Any) -> Any:
        configured = mock.__eq__._mock_return_value
        if configured is not DEFAULT:
            return configured
        return True if mock is other else NotImplemented

    return __eq__


def _get_ne(mock: Any) -> Callable[[Any], Any]:
    def __ne__(other: Any) -> Any:
        configured = mock.__ne__._mock_return_value
        if configured is not DEFAULT:
            return configured
        return False if mock is other else NotImplemented

    return __ne__


def _get_iter(mock: Any) -> Callable[[], Any]:
    def __iter__() -> Any:
        configured = mock.__iter__._mock_return_value
        # Any iterable may be configured; a fresh iterator is handed out per call. The
        # default is a list iterator because that is the type the stdlib hands out.
        return iter([]) if configured is DEFAULT else iter(configured)

    return __iter__


def _get_async_iter(mock: Any) -> Callable[[], Any]:
    def __aiter__() -> Any:
        from ._asyncmock import _AsyncIterator

        configured = mock.__aiter__._mock_return_value
        return _AsyncIterator(iter([]) if configured is DEFAULT else iter(configured))

    return __aiter__


_side_effect_methods: dict[str, Callable[[Any], Any]] = {
    "__eq__": _get_eq,
    "__ne__": _get_ne,
    "__iter__": _get_iter,
    "__aiter__": _get_async_iter,
}


def configure_default(parent: Any, method: Any, name: str) -> None:
    """Give a freshly created magic-method mock its default behaviour."""
    store = method.__dict__
    if name in _return_values:
        store["_mock_return_value"] = _return_values[name]
        return
    calculate = _calculate_return_value.get(name)
    if calculate is not None:
        store["_mock_return_value"] = calculate(parent)
        return
    effect = _side_effect_methods.get(name)
    if effect is not None:
        store["_mock_side_effect"] = effect(parent)


def _is_magic(name: str) -> bool:
    return f"__{name[2:-2]}__" == name


def make_method(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """The function installed on a mock's class when a plain callable is set as a magic."""

    def method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        return func(self, *args, **kwargs)

    method.__name__ = name
    return method
