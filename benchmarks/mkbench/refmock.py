"""The reference column: a minimal hand-written mock library.

It implements just enough of the ``unittest.mock`` surface for the benchmark scenarios to run
unchanged against it, doing the same observable work (calls are recorded on the mock and up the
parent chain, signatures are checked, patches are undone, ...) in the plainest way Python
allows: lazy children stored in the instance ``__dict__``, recording lists created on first use,
magic methods defined once on the class, signature checks by a generated function of the same
signature, cached per function. It is not a mock library anyone should use: it skips the
error messages, the corner cases and most of the configuration, so its times are a floor that
shows how close the candidate is to what Python allows, not a target.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # what typing.TYPE_CHECKING is, without importing typing (2 ms)
if TYPE_CHECKING:  # a minimal library imports nothing it does not need at run time
    from collections.abc import Iterator
    from typing import Any, Callable, Literal

ModuleType = type(sys)


class _Default:
    def __repr__(self) -> str:
        return "DEFAULT"


DEFAULT: Any = _Default()


class _Call(tuple):  # type: ignore[type-arg]
    """A recorded call: the tuple ``(name, args, kwargs)``; equality is tuple equality."""

    __slots__ = ()

    def __new__(cls, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> _Call:
        return tuple.__new__(cls, (name, args, kwargs))

    @property
    def args(self) -> tuple[Any, ...]:
        return self[1]  # type: ignore[no-any-return]

    @property
    def kwargs(self) -> dict[str, Any]:
        return self[2]  # type: ignore[no-any-return]

    def __call__(self, *args: Any, **kwargs: Any) -> _Call:
        return _Call(self[0], args, kwargs)

    def __getattr__(self, attr: str) -> _Call:
        if attr[:2] == "__":
            raise AttributeError(attr)
        name = self[0]
        return _Call(f"{name}.{attr}" if name else attr, (), {})

    def __repr__(self) -> str:
        parts = [repr(a) for a in self[1]] + [f"{k}={v!r}" for k, v in self[2].items()]
        return f"call{'.' if self[0] else ''}{self[0]}({', '.join(parts)})"


call = _Call("", (), {})


def _join(prefix: str, name: str) -> str:
    return prefix + name if name[:2] == "()" else f"{prefix}.{name}"


def _propagate(node: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Record a call named ``name`` (relative to ``node``) on node and all its ancestors."""
    while node is not None:
        c = _Call(name, args, kwargs)
        node.mock_calls.append(c)
        if "(" not in name and name[:2] != "__":
            node.method_calls.append(c)
        parent = node._r_parent
        if parent is None:
            return
        name = _join(node._r_name, name)
        node = parent


class NonCallableMock:
    """Lazy children in ``__dict__``; recording state only on instances that were called."""

    _r_parent: Any = None
    _r_name = ""
    _r_spec: Any = None
    _r_spec_class: Any = None
    _r_names: Any = None
    _r_rv: Any = DEFAULT
    _r_calls: Any = None
    _r_mock_calls: Any = None
    _r_method_calls: Any = None
    _r_child_class: Any = None  # set below, once the classes exist
    call_count = 0
    called = False
    call_args: Any = None
    side_effect: Any = None

    def __init__(
        self,
        spec: Any = None,
        *,
        name: str | None = None,
        parent: Any = None,
        return_value: Any = DEFAULT,
        side_effect: Any = None,
        **kwargs: Any,
    ) -> None:
        if parent is not None:
            self._r_parent = parent
            self._r_name = name or ""
        if spec is not None:
            self._r_spec = spec
            self._r_spec_class = spec if isinstance(spec, type) else type(spec)
        if return_value is not DEFAULT:
            self._r_rv = return_value
        if side_effect is not None:
            self.side_effect = side_effect
        for key, value in kwargs.items():
            setattr(self, key, value)

    @property  # type: ignore[misc]  # the __class__ masquerade is read-only here
    def __class__(self) -> type:
        spec_class: type | None = self._r_spec_class
        return type(self) if spec_class is None else spec_class

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__" or name[:3] == "_r_":
            raise AttributeError(name)
        if self._r_spec is not None:
            names = self._r_names
            if names is None:
                names = self._r_names = frozenset(dir(self._r_spec))
            if name not in names:
                raise AttributeError(f"Mock object has no attribute {name!r}")
        child = self._r_child(name)
        object.__setattr__(self, name, child)
        return child

    def _r_child(self, name: str) -> Any:
        return self._r_child_class(parent=self, name=name)

    def _r_new_rv(self) -> Any:
        return self._r_child_class(parent=self, name="()")

    @property
    def return_value(self) -> Any:
        rv = self._r_rv
        if rv is DEFAULT:
            rv = self._r_rv = self._r_new_rv()
        return rv

    @return_value.setter
    def return_value(self, value: Any) -> None:
        self._r_rv = value

    @property
    def call_args_list(self) -> list[_Call]:
        calls = self._r_calls
        if calls is None:
            calls = self._r_calls = []
        return calls  # type: ignore[no-any-return]

    @property
    def mock_calls(self) -> list[_Call]:
        calls = self._r_mock_calls
        if calls is None:
            calls = self._r_mock_calls = []
        return calls  # type: ignore[no-any-return]

    @property
    def method_calls(self) -> list[_Call]:
        calls = self._r_method_calls
        if calls is None:
            calls = self._r_method_calls = []
        return calls  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} id='{id(self)}'>"

    def assert_called_with(self, *args: Any, **kwargs: Any) -> None:
        if self.call_args != ("", args, kwargs):
            raise AssertionError(f"expected call not found: {args!r} {kwargs!r}")

    def assert_called_once_with(self, *args: Any, **kwargs: Any) -> None:
        if self.call_count != 1:
            raise AssertionError(f"Expected to be called once. Called {self.call_count} times.")
        if self.call_args != ("", args, kwargs):
            raise AssertionError(f"expected call not found: {args!r} {kwargs!r}")

    def assert_any_call(self, *args: Any, **kwargs: Any) -> None:
        if ("", args, kwargs) not in self.call_args_list:
            raise AssertionError(f"call not found: {args!r} {kwargs!r}")

    def assert_has_calls(self, calls: Any, any_order: bool = False) -> None:
        expected = list(calls)
        recorded = self.mock_calls
        if any_order:
            if all(c in recorded for c in expected):
                return
        else:
            size = len(expected)
            for start in range(len(recorded) - size + 1):
                if recorded[start : start + size] == expected:
                    return
        raise AssertionError("calls not found")

    def reset_mock(self) -> None:
        d = self.__dict__
        for key in ("call_count", "called", "call_args", "_r_calls", "_r_mock_calls"):
            d.pop(key, None)
        d.pop("_r_method_calls", None)
        for value in d.values():
            if isinstance(value, NonCallableMock) and value._r_parent is self:
                value.reset_mock()
        rv = self._r_rv
        if isinstance(rv, NonCallableMock) and rv._r_parent is self:
            rv.reset_mock()


class CallableMixin:
    """Recording ``__call__``; shared by every callable reference mock."""

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Any:
        self.call_count += 1
        self.called = True
        c = _Call("", args, kwargs)
        self.call_args = c
        self.call_args_list.append(c)
        self.mock_calls.append(c)
        parent = self._r_parent
        if parent is not None:
            _propagate(parent, self._r_name, args, kwargs)
        effect = self.side_effect
        if effect is not None:
            if isinstance(effect, BaseException) or (
                isinstance(effect, type) and issubclass(effect, BaseException)
            ):
                raise effect
            if callable(effect):
                result = effect(*args, **kwargs)
                if result is not DEFAULT:
                    return result
            else:
                return next(effect)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    pass


class MagicMixin:
    """The magic methods the scenarios use, defined once on the class."""

    def __len__(self) -> int:
        _propagate(self, "__len__", (), {})
        return 0

    def __str__(self) -> str:
        _propagate(self, "__str__", (), {})
        return object.__repr__(self)

    def __enter__(self) -> Any:
        _propagate(self, "__enter__", (), {})
        rv = self.__dict__.get("_r_enter")
        if rv is None:
            rv = self.__dict__["_r_enter"] = MagicMock()
        return rv

    def __exit__(self, *exc: object) -> Literal[False]:
        _propagate(self, "__exit__", exc, {})
        return False

    def __iter__(self) -> Iterator[Any]:
        _propagate(self, "__iter__", (), {})
        return iter(())


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    pass


class MagicMock(MagicMixin, Mock):
    pass


async def _awaitable(value: Any) -> Any:
    return value


class AsyncMock(MagicMock):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _awaitable(super().__call__(*args, **kwargs))


# ---------------------------------------------------------------------------- autospec


_checkers: dict[tuple[Any, bool], Callable[..., None] | None] = {}


def _checker(func: Any, skip_first: bool) -> Callable[..., None] | None:
    """A do-nothing function with ``func``'s parameters: calling it checks a call's arguments.

    Computed once per function (the cache keeps the function alive: fine for a benchmark).
    """
    key = (func, skip_first)
    if key not in _checkers:
        _checkers[key] = _make_checker(func, skip_first)
    return _checkers[key]


def _make_checker(func: Any, skip_first: bool) -> Callable[..., None] | None:
    import inspect  # only autospec pays for it, as the design asks of the real packages

    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    params = list(sig.parameters.values())
    if skip_first and params and params[0].kind <= params[0].POSITIONAL_OR_KEYWORD:
        params = params[1:]
    empty = inspect.Parameter.empty
    bare = [
        p.replace(annotation=empty, default=empty if p.default is empty else None) for p in params
    ]
    text = str(sig.replace(parameters=bare, return_annotation=empty))
    namespace: dict[str, Any] = {}
    exec(f"def check{text}: pass", namespace)
    return namespace["check"]  # type: ignore[no-any-return]


def _lookup(spec: Any, name: str) -> tuple[Any, bool]:
    """The raw attribute ``name`` of ``spec`` and whether calling it through a mock skips self."""
    if not isinstance(spec, (type, ModuleType)):
        if name in getattr(spec, "__dict__", ()):
            return spec.__dict__[name], False
        owner: Any = type(spec)
    elif isinstance(spec, ModuleType):
        return getattr(spec, name), False
    else:
        owner = spec
    for klass in owner.__mro__:
        if name in klass.__dict__:
            raw = klass.__dict__[name]
            if isinstance(raw, staticmethod):
                return raw.__func__, False
            if isinstance(raw, classmethod):
                return raw.__func__, True
            return raw, callable(raw) and not isinstance(raw, type)
    return getattr(spec, name), False


class _AutoMixin:
    """Children specced on the attributes of ``_r_auto``, built on first access."""

    _r_auto: Any = None
    _r_check: Any = None

    def __getattr__(self: Any, name: str) -> Any:
        spec = self._r_auto
        if name[:2] == "__" or name[:3] == "_r_":
            raise AttributeError(name)
        try:
            raw, skip = _lookup(spec, name)
        except AttributeError:
            raise AttributeError(f"Mock object has no attribute {name!r}") from None
        child: Any
        if isinstance(raw, type):
            child = _AutoSpec(raw, parent=self, name=name)
            child._r_check = _class_checker(raw)
            child._r_auto = raw
        elif callable(raw):
            child = _AutoSpec(raw, parent=self, name=name)
            child._r_check = _checker(raw, skip)
        else:
            child = _NonCallableAutoSpec(raw, parent=self, name=name)
            child._r_auto = raw
        object.__setattr__(self, name, child)
        return child


class _AutoSpec(_AutoMixin, MagicMock):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        check = self._r_check
        if check is not None:
            check(*args, **kwargs)
        return MagicMock.__call__(self, *args, **kwargs)

    def _r_new_rv(self) -> Any:
        spec = self._r_auto
        if isinstance(spec, type):
            rv = _NonCallableAutoSpec(spec, parent=self, name="()")
            rv._r_auto = spec
            return rv
        return MagicMock(parent=self, name="()")


class _NonCallableAutoSpec(_AutoMixin, NonCallableMagicMock):
    pass


def _class_checker(cls: type) -> Any:
    init = cls.__init__  # type: ignore[misc]
    return _checker(init, True) if hasattr(init, "__code__") else None


_FUNC_ATTRS = (
    "assert_called_with",
    "assert_called_once_with",
    "assert_any_call",
    "assert_has_calls",
    "reset_mock",
)


def create_autospec(
    spec: Any, spec_set: bool = False, instance: bool = False, **kwargs: Any
) -> Any:
    """Functions become checking functions; classes, instances and modules lazy spec mocks."""
    if isinstance(spec, type):
        if instance:
            mock: Any = _NonCallableAutoSpec(spec)
        else:
            mock = _AutoSpec(spec)
            mock._r_check = _class_checker(spec)
        mock._r_auto = spec
        return mock
    if callable(spec) and not isinstance(spec, ModuleType):
        target = MagicMock()
        check = _checker(spec, False)

        def funcopy(*args: Any, **kw: Any) -> Any:
            if check is not None:
                check(*args, **kw)
            return target(*args, **kw)

        funcopy.__name__ = getattr(spec, "__name__", "funcopy")
        funcopy.__doc__ = spec.__doc__
        funcopy.mock = target  # type: ignore[attr-defined]
        for attr in _FUNC_ATTRS:
            setattr(funcopy, attr, getattr(target, attr))
        return funcopy
    mock = _NonCallableAutoSpec(spec)
    mock._r_auto = spec
    return mock


# ---------------------------------------------------------------------------- patch


def _resolve(path: str) -> Any:
    module = sys.modules.get(path)
    if module is None:
        __import__(path)
        module = sys.modules[path]
    return module


class _Patch:
    def __init__(self, getter: Callable[[], Any], attribute: str, new: Any, autospec: Any) -> None:
        self._getter = getter
        self._attribute = attribute
        self._new = new
        self._autospec = autospec
        self._saved: list[tuple[Any, Any, bool]] = []

    def __enter__(self) -> Any:
        target = self._getter()
        attribute = self._attribute
        original = getattr(target, attribute)
        local = attribute in getattr(target, "__dict__", ())
        new = self._new
        if new is DEFAULT:
            new = create_autospec(original) if self._autospec else MagicMock()
        setattr(target, attribute, new)
        self._saved.append((target, original, local))
        return new

    def __exit__(self, *exc: object) -> Literal[False]:
        target, original, local = self._saved.pop()
        if local:
            setattr(target, self._attribute, original)
        else:
            delattr(target, self._attribute)
        return False

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        pass_new = self._new is DEFAULT

        def patched(*args: Any, **kwargs: Any) -> Any:
            with self as new:
                if pass_new:
                    return func(*args, new, **kwargs)
                return func(*args, **kwargs)

        for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(patched, attr, getattr(func, attr, None))
        patched.__wrapped__ = func  # type: ignore[attr-defined]
        return patched


class _PatchDict:
    def __init__(self, in_dict: Any, values: Any, clear: bool) -> None:
        self._dict = in_dict
        self._values = values
        self._clear = clear
        self._saved: list[dict[Any, Any]] = []

    def __enter__(self) -> Any:
        d = self._dict
        self._saved.append(dict(d))
        if self._clear:
            d.clear()
        d.update(self._values)
        return d

    def __exit__(self, *exc: object) -> Literal[False]:
        # Restore only what differs: same final contents as clear() + update(), less work.
        original = self._saved.pop()
        d = self._dict
        for key in [k for k in d if k not in original]:
            del d[key]
        for key, value in original.items():
            if key not in d or d[key] != value:
                d[key] = value
        return False


class _Patcher:
    """``patch``, with ``patch.object`` and ``patch.dict`` as methods."""

    def __call__(self, target: str, new: Any = DEFAULT, autospec: Any = None) -> _Patch:
        path, _, attribute = target.rpartition(".")
        return _Patch(lambda: _resolve(path), attribute, new, autospec)

    def object(
        self, target: Any, attribute: str, new: Any = DEFAULT, autospec: Any = None
    ) -> _Patch:
        return _Patch(lambda: target, attribute, new, autospec)

    def dict(self, in_dict: Any, values: Any = (), clear: bool = False) -> _PatchDict:
        return _PatchDict(in_dict, values, clear)


patch = _Patcher()


# ---------------------------------------------------------------------------- mock_open


class _Handle(MagicMock):
    _r_data: Any = ""
    _r_pos = 0

    def __enter__(self) -> Any:
        _propagate(self, "__enter__", (), {})
        return self

    def __exit__(self, *exc: object) -> Literal[False]:
        _propagate(self, "__exit__", exc, {})
        _propagate(self, "close", (), {})
        return False

    def read(self, size: int = -1) -> Any:
        _propagate(self, "read", () if size == -1 else (size,), {})
        data, pos = self._r_data, self._r_pos
        end = len(data) if size < 0 else pos + size
        self._r_pos = min(end, len(data))
        return data[pos:end]

    def readline(self) -> Any:
        _propagate(self, "readline", (), {})
        return self._r_next_line()

    def _r_next_line(self) -> Any:
        data, pos = self._r_data, self._r_pos
        end = data.find("\n" if isinstance(data, str) else b"\n", pos)
        end = len(data) if end < 0 else end + 1
        self._r_pos = end
        return data[pos:end]

    def __iter__(self) -> Iterator[Any]:
        _propagate(self, "__iter__", (), {})
        while self._r_pos < len(self._r_data):
            yield self._r_next_line()


class _OpenMock(MagicMock):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        handle = MagicMock.__call__(self, *args, **kwargs)
        handle._r_pos = 0
        return handle


def mock_open(mock: Any = None, read_data: Any = "") -> Any:
    opener = _OpenMock() if mock is None else mock
    handle = _Handle(parent=opener, name="()")
    handle._r_data = read_data
    opener.return_value = handle
    return opener


NonCallableMock._r_child_class = Mock
NonCallableMagicMock._r_child_class = MagicMock
MagicMock._r_child_class = MagicMock
AsyncMock._r_child_class = AsyncMock

__all__ = [
    "DEFAULT",
    "AsyncMock",
    "CallableMixin",
    "MagicMixin",
    "MagicMock",
    "Mock",
    "NonCallableMagicMock",
    "NonCallableMock",
    "call",
    "create_autospec",
    "mock_open",
    "patch",
]
