"""Call objects: ``_Call``, ``call``, ``_CallList`` and ``ANY``."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any, Iterable

__all__ = ["ANY", "_ANY", "_Call", "_CallList", "_format_call_signature", "call"]

_tuple_new = tuple.__new__
_get = object.__getattribute__
# Reading one of tuple's own attribute names off a call builds a call instead
# (``call.count(1)``, ``call().__getitem__('x')``), so they are hidden here.
_TUPLE_NAMES = frozenset(tuple.__dict__)


class _ANY:
    """Equal to everything.

    .. versionadded:: 0.1.0
    """

    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "<ANY>"


ANY: Any = _ANY()


def _format_call_signature(name: str, args: Iterable[Any], kwargs: dict[str, Any]) -> str:
    parts = [repr(arg) for arg in args]
    parts.extend(f"{key}={value!r}" for key, value in kwargs.items())
    return f"{name}({', '.join(parts)})"


def _split(value: tuple[Any, ...]) -> tuple[str, tuple[Any, ...], dict[str, Any]] | None:
    """Read any accepted tuple form as ``(name, args, kwargs)``; None if not a call shape."""
    size = len(value)
    if size == 3:
        return value[0], value[1], value[2]
    if size == 2:
        first, second = value
        if isinstance(first, str):
            if isinstance(second, tuple):
                return first, second, {}
            return first, (), second
        return "", first, second
    if size == 1:
        (only,) = value
        if isinstance(only, tuple):
            return "", only, {}
        if isinstance(only, str):
            return only, (), {}
        return "", (), only
    if size == 0:
        return "", (), {}
    return None


def _parts(value: tuple[Any, ...]) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    if len(value) == 2:
        return "", value[0], value[1]
    return value[0], value[1], value[2]


class _Call(tuple):  # type: ignore[type-arg]
    """A recorded or expected call: ``(name, args, kwargs)``, or ``(args, kwargs)`` (two-tuple).

    Comparison accepts every shorter form; a call without a name matches any name.

    .. versionadded:: 0.1.0
    """

    # Class-level defaults keep recorded calls cheap: most never need an instance dict.
    _mock_name: str | None = None
    _mock_parent: _Call | None = None
    _mock_from_kall: bool = True

    def __new__(
        cls,
        value: tuple[Any, ...] = (),
        name: str | None = "",
        parent: _Call | None = None,
        two: bool = False,
        from_kall: bool = True,
    ) -> _Call:
        split = _split(value)
        if split is None:
            split = ("", (), {})
        call_name, args, kwargs = split
        # Only the three-tuple form and a leading string carry a name of their own.
        size = len(value)
        if not (size == 3 or (size in (1, 2) and isinstance(value[0], str))):
            call_name = name or ""
        if two:
            return _tuple_new(cls, (args, kwargs))
        return _tuple_new(cls, (call_name, args, kwargs))

    def __init__(
        self,
        value: tuple[Any, ...] = (),
        name: str | None = None,
        parent: _Call | None = None,
        two: bool = False,
        from_kall: bool = True,
    ) -> None:
        if name is not None:
            self._mock_name = name
        if parent is not None:
            self._mock_parent = parent
        if not from_kall:
            self._mock_from_kall = False

    def _parts(self) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
        return _parts(self)

    def __eq__(self, other: object) -> bool:
        # Items are read by index, and the third item stands for the length check (calls
        # are pairs or triples): a tuple subclass unpacks through an iterator, len() is a
        # call, and comparing new pairs of (args, kwargs) allocates them. On 3.13.18, per
        # comparison of a recorded call with ``call(i, x=i)``: 236 ns unpacking and
        # comparing pairs, 190 ns this way (the stdlib: 345 ns).
        if type(other) is _Call:
            try:
                their_kwargs = other[2]
                kwargs = self[2]
            except IndexError:
                pass
            else:
                # The commonest comparison: a recorded call with an expected one.
                name = self[0]
                if name and other[0] != name:
                    return False
                # What _Call.__init__ was given is in the instance dict of the expected
                # call (the other side, as a rule); read through the dict, as
                # object.__getattribute__ costs more (1,100 instructions against 750),
                # and with ``in``, which needs no method call (209 -> 190 ns in all). A
                # recorded call has no dict, and is not given one here: its parent is
                # read the slower way.
                held = _state(other)
                if "_mock_parent" in held and held["_mock_parent"] is not None:
                    my_parent = _get(self, "_mock_parent")
                    if my_parent is not None and my_parent != held["_mock_parent"]:
                        return False
                # The other side first, so that an ``ANY`` or a custom matcher in an
                # expected call gets to decide, whichever side the expectation is on;
                # args before kwargs, as the stdlib compares them.
                same: bool = other[1] == self[1] and their_kwargs == kwargs
                return same
        if len(self) == 3:
            name, args, kwargs = self
        else:
            name = ""
            args, kwargs = self
        try:
            size = len(other)  # type: ignore[arg-type]
        except TypeError:
            return NotImplemented
        if size == 3:
            their_name, their_args, their_kwargs = other  # type: ignore[misc]
        else:
            split = _split(other)  # type: ignore[arg-type]
            if split is None:
                return False
            their_name, their_args, their_kwargs = split
        if name and their_name != name:
            return False
        if isinstance(other, _Call):
            their_parent = _get(other, "_mock_parent")
        else:
            their_parent = getattr(other, "_mock_parent", None)
        if their_parent is not None:
            my_parent = _get(self, "_mock_parent")
            if my_parent is not None and my_parent != their_parent:
                return False
        return (their_args, their_kwargs) == (args, kwargs)

    def __ne__(self, other: object) -> bool:
        result = _Call.__eq__(self, other)
        if result is NotImplemented:
            return NotImplemented
        return not result

    __hash__ = None  # type: ignore[assignment]

    def __call__(self, /, *args: Any, **kwargs: Any) -> _Call:
        name = _get(self, "_mock_name")
        if name is None:
            return _Call(("", args, kwargs), name="()")
        return _Call((name, args, kwargs), name=name + "()", parent=self)

    def __getattr__(self, attr: str) -> _Call:
        # ``call.a`` is not a call itself, only a name to call (from_kall=False).
        prefix = _get(self, "_mock_name")
        if prefix is None:
            return _Call(from_kall=False, name=attr)
        return _Call(from_kall=False, name=f"{prefix}.{attr}", parent=self)

    def __getattribute__(self, attr: str) -> Any:
        if attr in _TUPLE_NAMES:
            raise AttributeError(attr)
        return _get(self, attr)

    @property
    def args(self) -> tuple[Any, ...]:
        return _parts(self)[1]

    @property
    def kwargs(self) -> dict[str, Any]:
        return _parts(self)[2]

    def __getnewargs__(self) -> tuple[Any, ...]:
        return (tuple(self),)

    def __getstate__(self) -> dict[str, Any]:
        return dict(getattr(self, "__dict__", {}))

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        if not self._mock_from_kall:
            name = self._mock_name or "call"
            if name.startswith("()"):
                name = "call" + name
            return name
        name, args, kwargs = _parts(self)
        # Tested for emptiness first: ``Mock(parent=p)`` records under the name None.
        if not name:
            shown = "call"
        elif name.startswith("()"):
            shown = "call" + name
        else:
            shown = f"call.{name}"
        return _format_call_signature(shown, args, kwargs)

    def call_list(self) -> _CallList:
        """The chain of calls that led to this one, as a ``_CallList``."""
        chain: list[_Call] = []
        node: _Call | None = self
        while node is not None:
            if node._mock_from_kall:
                chain.append(node)
            node = node._mock_parent
        chain.reverse()
        return _CallList(chain)


call: _Call = _Call(from_kall=False)

# A call's instance dict (see _Call.__eq__).
_state = _Call.__dict__["__dict__"].__get__


class _CallList(list):  # type: ignore[type-arg]
    """A list of calls in which ``in`` also finds a contiguous run of calls.

    .. versionadded:: 0.1.0
    """

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, list):
            return list.__contains__(self, value)
        width = len(value)
        for start in range(len(self) - width + 1):
            # Recorded calls on the left: _Call.__eq__ then lets the expected side's
            # ANY or custom matchers decide.
            if self[start : start + width] == value:
                return True
        return False

    def __repr__(self) -> str:
        # pprint is only paid for when someone prints a call list.
        import pprint

        return pprint.pformat(list(self))
