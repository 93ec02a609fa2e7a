"""The object behind the ``mocker`` fixtures: pytest-mock's API, backed by mockkit.

Everything a :class:`MockerFixture` patches is started at once and remembered, so that the
fixture can undo it all when the test (or class, module, package, session) ends. Mocks it
creates are remembered too, for :meth:`MockerFixture.resetall`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import warnings
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

import mockkit
from _mockkit_pytest._frames import user_stacklevel
from mock_core import DEFAULT
from mock_core.plugins import is_mock

__all__ = ["MockerFixture", "PytestMockkitWarning"]

ENTER_WARNING = (
    "the mocker fixture undoes its patches when the test ends, so what mocker.patch() returns"
    " need not be used in a 'with' block. If the patched object is a context manager, patch"
    " it with mocker.patch.context_manager() to silence this warning."
)


class PytestMockkitWarning(UserWarning):
    """Warned when a mock made by ``mocker.patch`` is entered with ``with``.

    .. versionadded:: 0.1.0
    """


def _warn_entered(*args: Any, **kwargs: Any) -> Any:
    warnings.warn(ENTER_WARNING, PytestMockkitWarning, stacklevel=user_stacklevel())
    # DEFAULT: __enter__ still returns its return_value, as it would without the warning.
    return DEFAULT


def _warn_when_entered(made: Any) -> None:
    # Only mocks with a magic __enter__ (a spec may forbid it) can be entered at all.
    if not is_mock(made):
        return
    try:
        enter = made.__enter__
    except AttributeError:
        return
    if is_mock(enter):
        enter.side_effect = _warn_entered


_PATCH = "patch"  # a patch or patch.object: one value, maybe a mock
_MULTIPLE = "multiple"  # a patch.multiple: a dict of attribute name -> value
_DICT = "dict"  # a patch.dict: the patched mapping itself, nothing to reset
_MOCK = "mock"  # made without a patch (create_autospec, stub): nothing to stop
_SPY = "spy"  # a patch.object made by spy(): reset, but never its side effect


class _Entry:
    """One thing a mocker made: the patcher to stop (if any) and what it handed out."""

    __slots__ = ("kind", "patcher", "value")

    def __init__(self, kind: str, patcher: Any, value: Any) -> None:
        self.kind = kind
        self.patcher = patcher
        self.value = value

    def made(self) -> Iterable[Any]:
        """What the mocker created, for resetall: not a ``new`` object the caller passed in."""
        if self.kind == _PATCH and self.patcher.new is not DEFAULT:
            return ()
        return self.handed_out()

    def handed_out(self) -> Iterable[Any]:
        if self.kind == _MULTIPLE:
            return list(self.value.values())
        if self.kind == _DICT:
            return ()
        return (self.value,)

    def owns(self, obj: Any) -> bool:
        # Identity only: comparing with == would run the mocks' (configurable) __eq__.
        return any(value is obj for value in self.handed_out())


def _reset(obj: Any, return_value: bool, side_effect: bool, spy: bool) -> None:
    keep = obj.side_effect if spy else None
    if spy:
        obj.spy_return = None
        obj.spy_return_iter = None
        obj.spy_return_list = []
        obj.spy_exception = None
        # A spy's side effect is the spying itself: resetting it would stop the spy.
        side_effect = False
    if is_mock(obj):
        obj.reset_mock(return_value=return_value, side_effect=side_effect)
    elif is_mock(getattr(obj, "mock", None)) and callable(obj):
        # An autospecced function: it holds the call state and the configured values
        # that its mock reads (the function is the mock's delegate).
        obj.reset_mock()
        if return_value:
            obj.return_value = DEFAULT
        if side_effect:
            obj.side_effect = None
    if spy:
        obj.side_effect = keep


class _Patcher:
    """``mocker.patch``: the patch functions, started at once and stopped by the mocker.

    .. versionadded:: 0.1.0
    """

    def __init__(self, entries: List[_Entry]) -> None:
        self._entries = entries

    def _start(self, patcher: Any, kind: str = _PATCH, warn: bool = False) -> Any:
        value = patcher.start()
        self._entries.append(_Entry(kind, patcher, value))
        if warn and patcher.new is DEFAULT:
            _warn_when_entered(value)
        return value

    def __call__(
        self,
        target: str,
        new: Any = DEFAULT,
        spec: Any = None,
        create: bool = False,
        spec_set: Any = None,
        autospec: Any = None,
        new_callable: Any = None,
        **kwargs: Any,
    ) -> Any:
        """``patch(target, ...)``, started; returns the replacement.

        .. versionadded:: 0.1.0
        """
        patcher = mockkit.patch(
            target, new, spec, create, spec_set, autospec, new_callable, **kwargs
        )
        return self._start(patcher, warn=True)

    def object(
        self,
        target: Any,
        attribute: str,
        new: Any = DEFAULT,
        spec: Any = None,
        create: bool = False,
        spec_set: Any = None,
        autospec: Any = None,
        new_callable: Any = None,
        **kwargs: Any,
    ) -> Any:
        """``patch.object(target, attribute, ...)``, started; returns the replacement.

        .. versionadded:: 0.1.0
        """
        patcher = mockkit.patch.object(
            target, attribute, new, spec, create, spec_set, autospec, new_callable, **kwargs
        )
        return self._start(patcher, warn=True)

    def context_manager(
        self,
        target: Any,
        attribute: str,
        new: Any = DEFAULT,
        spec: Any = None,
        create: bool = False,
        spec_set: Any = None,
        autospec: Any = None,
        new_callable: Any = None,
        **kwargs: Any,
    ) -> Any:
        """Like :meth:`object`, for a replacement that the code under test will enter with
        ``with``: no :class:`PytestMockkitWarning` then.

        .. versionadded:: 0.1.0
        """
        patcher = mockkit.patch.object(
            target, attribute, new, spec, create, spec_set, autospec, new_callable, **kwargs
        )
        return self._start(patcher)

    def multiple(
        self,
        target: Any,
        spec: Any = None,
        create: bool = False,
        spec_set: Any = None,
        autospec: Any = None,
        new_callable: Any = None,
        **kwargs: Any,
    ) -> Dict[str, Any]:
        """``patch.multiple(target, **attributes)``, started; returns the created mocks by name.

        .. versionadded:: 0.1.0
        """
        patcher = mockkit.patch.multiple(
            target, spec, create, spec_set, autospec, new_callable, **kwargs
        )
        made: Dict[str, Any] = self._start(patcher, _MULTIPLE)
        return made

    def dict(
        self,
        in_dict: Any,
        values: Union[Mapping[Any, Any], Iterable[Tuple[Any, Any]]] = (),
        clear: bool = False,
        **kwargs: Any,
    ) -> Any:
        """``patch.dict(in_dict, values, clear, **kwargs)``, started; returns the mapping.

        .. versionadded:: 0.1.0
        """
        return self._start(mockkit.patch.dict(in_dict, values, clear, **kwargs), _DICT)


class MockerFixture:
    """What the ``mocker`` fixtures give a test: patching that undoes itself.

    ``mocker.patch``, ``mocker.patch.object``, ``mocker.patch.multiple`` and
    ``mocker.patch.dict`` take the arguments of mockkit's ``patch`` functions, start the
    patch at once and return what ``start()`` returns; the fixture stops them all when its
    scope ends. :meth:`spy`, :meth:`stub`, :meth:`create_autospec`, :meth:`resetall`,
    :meth:`stop` and :meth:`stopall` work as in pytest-mock, and mockkit's mock classes and
    helpers are attributes, so a test needs no import besides the fixture.

    .. versionadded:: 0.1.0
    """

    Mock = mockkit.Mock
    MagicMock = mockkit.MagicMock
    NonCallableMock = mockkit.NonCallableMock
    NonCallableMagicMock = mockkit.NonCallableMagicMock
    PropertyMock = mockkit.PropertyMock
    AsyncMock = mockkit.AsyncMock
    ThreadingMock = mockkit.ThreadingMock
    call = mockkit.call
    ANY = mockkit.ANY
    DEFAULT = mockkit.DEFAULT
    sentinel = mockkit.sentinel
    mock_open = staticmethod(mockkit.mock_open)
    seal = staticmethod(mockkit.seal)
    #: The module the mocks come from (pytest-mock's name for it).
    mock_module = mockkit

    def __init__(self, config: Any = None) -> None:
        self._entries: List[_Entry] = []
        #: The patch functions; see :class:`_Patcher`.
        self.patch = _Patcher(self._entries)
        self.config = config

    def create_autospec(
        self, spec: Any, spec_set: bool = False, instance: bool = False, **kwargs: Any
    ) -> Any:
        """mockkit's ``create_autospec``; the mock is reset by :meth:`resetall`.

        .. versionadded:: 0.1.0
        """
        made = mockkit.create_autospec(spec, spec_set, instance, **kwargs)
        self._entries.append(_Entry(_MOCK, None, made))
        return made

    def resetall(self, *, return_value: bool = False, side_effect: bool = False) -> None:
        """Call ``reset_mock`` on every mock this mocker made, passing the two flags on.

        Spies are reset too (``spy_return`` and friends included) but keep spying.

        .. versionadded:: 0.1.0
        """
        for entry in self._entries:
            for made in entry.made():
                _reset(made, return_value, side_effect, entry.kind == _SPY)

    def stopall(self) -> None:
        """Undo every patch of this mocker, the most recent first, and forget its mocks.

        Every patch is stopped even if stopping one fails; the first error is raised after.

        .. versionadded:: 0.1.0
        """
        entries, self._entries[:] = list(self._entries), []
        error: Optional[BaseException] = None
        for entry in reversed(entries):
            if entry.patcher is None:
                continue
            try:
                entry.patcher.stop()
            except BaseException as exc:
                error = error or exc
        if error is not None:
            raise error

    def stop(self, mock: Any) -> None:
        """Undo the patch that made ``mock`` (or just forget ``mock`` if no patch made it).

        :raises ValueError: if this mocker did not make ``mock``.

        .. versionadded:: 0.1.0
        """
        for index in range(len(self._entries) - 1, -1, -1):
            entry = self._entries[index]
            if entry.owns(mock):
                del self._entries[index]
                if entry.patcher is not None:
                    entry.patcher.stop()
                return
        raise ValueError("This mock object is not registered")

    def spy(self, obj: Any, name: str, duplicate_iterators: bool = False) -> Any:
        """Replace ``obj.name`` by a mock that calls through to it and records the outcome.

        The spy records calls like any mock and also keeps ``spy_return`` (the last value
        returned), ``spy_return_list`` (all of them), ``spy_exception`` (the exception of the
        last call, or None) and ``spy_return_iter`` (with ``duplicate_iterators=True``, a
        copy of a returned iterator, made with :func:`itertools.tee`). Functions, methods,
        class and static methods and ``async def`` functions are autospecced, so a call with
        a wrong signature fails as it would without the spy.

        .. versionadded:: 0.1.0
        """
        from mockkit._pytest._spy import spying

        original = getattr(obj, name)
        through, autospec = spying(original, duplicate_iterators)
        patcher = mockkit.patch.object(obj, name, side_effect=through, autospec=autospec)
        made = self.patch._start(patcher, _SPY)
        through.spy = made
        made.spy_return = None
        made.spy_return_iter = None
        made.spy_return_list = []
        made.spy_exception = None
        return made

    def stub(self, name: Optional[str] = None) -> Any:
        """A ``MagicMock`` that accepts any arguments, for callbacks.

        .. versionadded:: 0.1.0
        """
        made = mockkit.MagicMock(spec=_any_arguments, name=name)
        self._entries.append(_Entry(_MOCK, None, made))
        return made

    def async_stub(self, name: Optional[str] = None) -> Any:
        """An ``AsyncMock`` that accepts any arguments, for async callbacks.

        .. versionadded:: 0.1.0
        """
        made = mockkit.AsyncMock(spec=_any_arguments, name=name)
        self._entries.append(_Entry(_MOCK, None, made))
        return made


def _any_arguments(*args: Any, **kwargs: Any) -> None:
    """The spec of stubs: any call is fine."""
