"""Signature checks on mocks, and the function objects that stand in for autospecced functions.

An autospecced function is a real function (``inspect.isfunction`` holds, and
``inspect.signature`` shows the original signature). It checks its arguments,
then records the call on its mock. As in the standard library the mock's call
state lives on the function (``mock._mock_delegate`` is the function), so that
``f.call_count`` and ``f.mock.call_count`` are one value.
"""

from __future__ import annotations

import sys

from mock_core.plugins import (
    UNHANDLED,
    CallList,
    delegated_call,
    install_signature_check,
    is_async_function,
    is_mock,
)

from ._signature import (
    FUNCTION_TYPES,
    checker_from,
    compiled_checker,
    get_signature_object,
    raise_bind_error,
)

_MethodType = FUNCTION_TYPES[1]

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would slow the import
    from inspect import Signature
    from typing import Any, Callable

__all__ = [
    "_callable",
    "_check_signature",
    "_copy_func_details",
    "_instance_callable",
    "_set_signature",
    "_setup_async_mock",
    "_setup_func",
    "install_check",
    "is_data_descriptor",
    "wrap_function",
]


def _callable(obj: Any) -> bool:
    """Whether ``obj`` can be called: classes, functions, methods, objects with ``__call__``.

    A staticmethod, classmethod or bound method is callable when its function is.

    .. versionadded:: 0.1.0
    """
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod, _MethodType)):
        inner: Any = obj
        return _callable(inner.__func__)
    return getattr(obj, "__call__", None) is not None  # noqa: B004


def _instance_callable(obj: Any) -> bool:
    """Whether instances of the class ``obj`` (or ``obj`` itself, for a non-class) are callable.

    .. versionadded:: 0.1.0
    """
    if not isinstance(obj, type):
        return getattr(obj, "__call__", None) is not None  # noqa: B004
    for base in obj.__mro__:
        if base.__dict__.get("__call__") is not None:
            return True
    return False


def is_data_descriptor(obj: Any) -> bool:
    """``inspect.isdatadescriptor`` without importing ``inspect``."""
    if isinstance(obj, (type, *FUNCTION_TYPES)):
        return False
    kind = type(obj)
    return hasattr(kind, "__set__") or hasattr(kind, "__delete__")


_FUNCTION_DETAILS = (
    "__name__",
    "__doc__",
    "__text_signature__",
    "__module__",
    "__defaults__",
    "__kwdefaults__",
)
_ABSENT = object()


def _copy_func_details(func: Any, funcopy: Any) -> None:
    """Copy the name, docs, module and defaults of ``func`` onto ``funcopy``.

    Attributes ``func`` does not have are left alone.

    .. versionadded:: 0.1.0
    """
    for attribute in _FUNCTION_DETAILS:
        value = getattr(func, attribute, _ABSENT)
        if value is _ABSENT:
            continue
        try:
            setattr(funcopy, attribute, value)
        except AttributeError:
            # Some callables carry read-only versions of these; the copy keeps its own.
            continue


# --------------------------------------------------------------------------- checked mocks


def install_check(mock: Any, signature: Signature) -> None:
    """Make ``mock`` check its calls against ``signature`` and report it to ``inspect``.

    Like the standard library, the check and ``__signature__`` live on the mock's
    own class (mock-core's plugin point for signature checks).

    .. versionadded:: 0.1.0
    """
    install_signature_check(mock, checker_from(compiled_checker(signature), signature), signature)


def _check_signature(func: Any, mock: Any, skipfirst: bool, instance: bool = False) -> None:
    """Install on ``mock`` a check of calls against the signature of ``func``.

    Nothing happens when ``func`` has no signature.

    .. versionadded:: 0.1.0
    """
    found = get_signature_object(func, instance, skipfirst)
    if found is None:
        return
    install_check(mock, found[1])


# --------------------------------------------------------------------------- function copies


def _funcopy_name(original: Any) -> str:
    name = getattr(original, "__name__", None)
    if isinstance(name, str) and name.isidentifier():
        import keyword

        if not keyword.iskeyword(name):
            return name
    return "funcopy"


def _sync_funcopy(mock: Any, fast: Any, signature: Signature) -> Callable[..., Any]:
    bind = signature.bind
    # The call is recorded on the function's own state (mock-core's delegated_call); when
    # that cannot be done, the function itself calls the mock, so that the mock's frames
    # sit where the standard library's do.
    if fast is None:

        def bound_funcopy(*args: Any, **kwargs: Any) -> Any:
            bind(*args, **kwargs)
            result = delegated_call(mock, bound_funcopy, args, kwargs)
            return mock(*args, **kwargs) if result is UNHANDLED else result

        return bound_funcopy

    def funcopy(*args: Any, **kwargs: Any) -> Any:
        try:
            fast(*args, **kwargs)
            failed = False
        except TypeError:
            failed = True
        if failed:
            raise_bind_error(signature, args, kwargs)
        result = delegated_call(mock, funcopy, args, kwargs)
        return mock(*args, **kwargs) if result is UNHANDLED else result

    return funcopy


def _async_funcopy(mock: Any, fast: Any, signature: Signature) -> Callable[..., Any]:
    bind = signature.bind

    # A coroutine function: as in the standard library the arguments are checked,
    # and the call recorded, when the coroutine runs, not when it is created.
    async def funcopy(*args: Any, **kwargs: Any) -> Any:
        if fast is None:
            bind(*args, **kwargs)
        else:
            try:
                fast(*args, **kwargs)
                failed = False
            except TypeError:
                failed = True
            if failed:
                raise_bind_error(signature, args, kwargs)
        return await mock(*args, **kwargs)

    return funcopy


def _set_signature(mock: Any, original: Any, instance: bool = False) -> Any:
    """A function with ``original``'s signature that checks its arguments and calls ``mock``.

    Returns ``mock`` itself when ``original`` has no signature.

    .. versionadded:: 0.1.0
    """
    return wrap_function(mock, original, is_async_function(original), instance)


def wrap_function(mock: Any, original: Any, is_async: bool, instance: bool = False) -> Any:
    """:func:`_set_signature`, told whether ``original`` is a coroutine function."""
    skipfirst = isinstance(original, type)
    found = get_signature_object(original, instance, skipfirst)
    if found is None:
        return mock
    signature = found[1]
    fast = compiled_checker(signature)
    if is_async:
        funcopy = _async_funcopy(mock, fast, signature)
    else:
        funcopy = _sync_funcopy(mock, fast, signature)
    name = _funcopy_name(original)
    funcopy.__name__ = name
    funcopy.__qualname__ = name
    funcopy.__module__ = None  # type: ignore[assignment]
    # The wrapper's own annotations are for type checkers, not part of the copy (they show
    # once its __signature__ is gone; the standard library's copy has none).
    funcopy.__annotations__ = {}
    _setup_func(funcopy, mock, signature)
    return funcopy


# The function's assertion methods, in the order the standard library sets them.
_FORWARDED_ASSERTIONS = (
    "assert_called_with",
    "assert_called_once_with",
    "assert_has_calls",
    "assert_any_call",
    "assert_called",
    "assert_not_called",
    "assert_called_once",
)


def _forwarder(mock: Any, name: str) -> Any:
    """A function that runs ``mock``'s assertion ``name`` (the wrapper's own method)."""

    def assertion(*args: Any, **kwargs: Any) -> Any:
        return getattr(mock, name)(*args, **kwargs)

    assertion.__name__ = assertion.__qualname__ = name
    return assertion


def _setup_func(funcopy: Any, mock: Any, sig: Any) -> None:
    """Give ``funcopy`` the mock's call state, its assertions and ``reset_mock``.

    From then on ``mock`` delegates its call state to ``funcopy``.

    .. versionadded:: 0.1.0
    """

    forwarded = {name: _forwarder(mock, name) for name in _FORWARDED_ASSERTIONS}

    def reset_mock() -> None:
        # The function holds the call lists; the mock resets everything else.
        funcopy.__dict__.update(method_calls=CallList(), mock_calls=CallList())
        mock.reset_mock()
        returned = funcopy.return_value
        if returned is not mock and is_mock(returned):
            returned.reset_mock()

    # One update, in the order the standard library sets them (vars() shows it).
    funcopy.__dict__.update(
        {
            "mock": mock,
            "called": False,
            "call_count": 0,
            "call_args": None,
            "call_args_list": CallList(),
            "method_calls": CallList(),
            "mock_calls": CallList(),
            "return_value": mock.return_value,
            "side_effect": mock.side_effect,
            "_mock_children": mock._mock_children,
            **{name: forwarded[name] for name in _FORWARDED_ASSERTIONS[:4]},
            "reset_mock": reset_mock,
            **{name: forwarded[name] for name in _FORWARDED_ASSERTIONS[4:]},
            "__signature__": sig,
        }
    )
    # Written to the instance dict directly: with spec_set, attribute assignment
    # would refuse a name the spec does not have.
    mock.__dict__["_mock_delegate"] = funcopy


_AWAIT_ASSERTIONS = (
    "assert_awaited",
    "assert_awaited_once",
    "assert_awaited_with",
    "assert_awaited_once_with",
    "assert_any_await",
    "assert_has_awaits",
    "assert_not_awaited",
)

_OWN_COROUTINE_MARK = object()


def _coroutine_mark() -> Any:
    # asyncio's old marker, when asyncio is loaded; importing it here would cost
    # tens of milliseconds, and a coroutine function needs no marker anyway.
    coroutines = sys.modules.get("asyncio.coroutines")
    mark = getattr(coroutines, "_is_coroutine", None) if coroutines is not None else None
    return mark if mark is not None else _OWN_COROUTINE_MARK


def _setup_async_mock(mock: Any) -> None:
    """Give an async function copy the await state and await assertions of its ``.mock``.

    .. versionadded:: 0.1.0
    """

    def forward(attribute: str) -> Callable[..., Any]:
        def assertion(*args: Any, **kwargs: Any) -> Any:
            return getattr(mock.mock, attribute)(*args, **kwargs)

        assertion.__name__ = attribute
        assertion.__qualname__ = attribute
        return assertion

    state = mock.__dict__
    state["_is_coroutine"] = _coroutine_mark()
    state["await_count"] = 0
    state["await_args"] = None
    state["await_args_list"] = CallList()
    for attribute in _AWAIT_ASSERTIONS:
        state[attribute] = forward(attribute)
