"""Everyday user code type-checks against mockkit the way it does against typeshed's stubs.

``nox -s typecheck`` runs ``mypy --strict`` on this file (settings in pyproject.toml). Types
are asserted with ``assert_type`` (from typing_extensions, which mypy always knows; at run
time a no-op stand-in is used, so nothing beyond mockkit is needed). Lines that must stay
type errors carry ``# type: ignore[<code>]``: the strict settings include
``warn_unused_ignores``, so such a line stops the check the day it no longer is an error.

The module is also an ordinary pytest module (the ``conformance`` session collects
``tests``): every function here runs, so the examples are real code, not just annotations.
"""

from __future__ import annotations

import sys
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Coroutine,
    Dict,
    List,
    Mapping,
    Optional,
    Tuple,
    Type,
    Union,
)

import mock_core
from mock_core import plugins
from mock_core.plugins import Deferred, FailureContext, MagicTable
from mockkit import (
    ANY,
    DEFAULT,
    AsyncMock,
    MagicMock,
    Mock,
    NonCallableMock,
    PropertyMock,
    _Call,
    call,
    create_autospec,
    patch,
    seal,
    sentinel,
)

if TYPE_CHECKING:
    from typing_extensions import assert_type
else:

    def assert_type(value, _type):
        return value


# What the patches below replace: attributes of this very module.
TARGET = "original"
OTHER = 1
THIS = sys.modules[__name__]
TARGET_NAME = f"{__name__}.TARGET"


class Service:
    """Stands for the user's own code that tests replace with mocks."""

    limit = 3

    def fetch(self, key: str, *, retries: int = 0) -> bytes:
        return key.encode() * (retries + 1)


def takes_service(service: Service) -> int:
    return len(service.fetch("k"))


def takes_int(value: int) -> int:
    return value


# -- mocks are Any-typed ----------------------------------------------------------------------


def test_attribute_chains_and_calls_are_any() -> None:
    m = Mock()
    assert_type(m.fetch, Any)
    assert_type(m.fetch("k", retries=2), Any)
    assert_type(m.client.session.get("url").json(), Any)
    assert_type(m.return_value, Any)
    assert_type(m.side_effect, Any)
    m.fetch.return_value = b"data"
    m.client.session.get.side_effect = [1, 2]
    assert m.fetch("k") == b"data"
    m.fetch.assert_called_with("k")
    assert m.client.session.get() == 1


def test_a_mock_stands_in_for_any_type() -> None:
    # As with typeshed's stubs (where mocks subclass Any), no cast is needed.
    service: Service = Mock(**{"fetch.return_value": b"abc"})
    assert takes_service(Mock(**{"fetch.return_value": b"ab"})) == 2
    assert takes_int(MagicMock(return_value=1)()) == 1
    number: int = Mock().value
    assert number is not None
    assert service.fetch("k") == b"abc"


def test_magic_methods_are_any() -> None:
    m = MagicMock()
    m.__getitem__.return_value = 7
    m.__len__.return_value = 2
    assert_type(m[0], Any)
    assert m[0] == 7
    assert len(m) == 2
    with m as entered:
        assert_type(entered, Any)
    for item in m:
        assert_type(item, Any)


def test_async_mocks() -> None:
    a = AsyncMock(return_value=3)
    coroutine = a(1)
    assert_type(coroutine, Any)
    try:
        coroutine.send(None)
    except StopIteration as stop:
        assert stop.value == 3
    a.assert_awaited_once_with(1)


def test_recorded_calls() -> None:
    m = Mock()
    m(1, key="v")
    m.method(2)
    assert_type(call(1, key="v"), _Call)
    assert_type(call(1).args, Tuple[Any, ...])
    assert_type(call(1, key="v").kwargs, Dict[str, Any])
    expected: List[_Call] = [call(1, key="v"), call.method(2)]
    assert m.mock_calls == expected
    m.assert_has_calls([call(1, key=ANY)])
    assert m.call_args == call(1, key="v")
    args, kwargs = m.call_args
    assert args == (1,)
    assert kwargs == {"key": "v"}


def test_sentinels_and_constants() -> None:
    token = sentinel.token
    assert_type(token, Any)
    assert_type(DEFAULT, Any)
    assert_type(ANY, Any)
    # Like a mock, a sentinel is passed where any type is expected.
    m = Mock(return_value=sentinel.result)
    assert takes_int(sentinel.number) is sentinel.number
    assert m() is sentinel.result


def test_create_autospec_returns_any() -> None:
    assert_type(create_autospec(Service), Any)
    assert_type(create_autospec(Service, instance=True, spec_set=True), Any)
    service: Service = create_autospec(Service, instance=True)
    service.fetch("k", retries=1)
    service.fetch.assert_called_once_with("k", retries=1)  # type: ignore[attr-defined]
    function = create_autospec(takes_int, return_value=5)
    assert function(1) == 5


def test_property_mocks_and_seal() -> None:
    m = Mock()
    prop = PropertyMock(return_value=4)
    type(m).size = prop
    assert m.size == 4
    seal(m)  # reads every attribute, the property too
    prop.assert_called_with()
    assert prop.call_count == 2


# -- patch ------------------------------------------------------------------------------------

# The default patch makes a mock and appends it to the arguments: the decorated function
# takes anything (typeshed cannot say "the same minus the last parameter" either).


@patch(TARGET_NAME)
def patched_default(value: int, mocked: Any) -> str:
    return f"{value} {TARGET is mocked}"


assert_type(patched_default, Callable[..., str])


# With ``new`` nothing is passed in: the signature is kept exactly.


@patch(TARGET_NAME, "replacement")
def patched_with_new(value: int) -> str:
    return f"{value} {TARGET}"


typed_with_new: Callable[[int], str] = patched_with_new


@patch(TARGET_NAME, new_callable=NonCallableMock)
def patched_with_new_callable(value: int, mocked: NonCallableMock) -> bool:
    return TARGET is mocked


assert_type(patched_with_new_callable, Callable[..., bool])


@patch(TARGET_NAME)
async def patched_coroutine(value: int, mocked: Any) -> int:
    return value


assert_type(patched_coroutine, Callable[..., Coroutine[Any, Any, int]])


@patch(TARGET_NAME, "in a class")
class PatchedTests:
    """A class decorator returns the class itself."""

    def test_sees_patch(self) -> str:
        return TARGET


assert_type(PatchedTests, Type[PatchedTests])


def test_patch_as_decorator() -> None:
    assert patched_default(1) == "1 True"
    assert patched_with_new(2) == "2 replacement"
    assert typed_with_new(3) == "3 replacement"
    assert patched_with_new_callable(4) is True
    coroutine = patched_coroutine(5)
    try:
        coroutine.send(None)
    except StopIteration as stop:
        assert stop.value == 5
    assert PatchedTests().test_sees_patch() == "in a class"
    assert TARGET == "original"


def test_patch_as_context_manager() -> None:
    with patch(TARGET_NAME) as made:
        assert_type(made, Union[MagicMock, AsyncMock])
        made.upper.return_value = "MOCKED"
        assert TARGET.upper() == "MOCKED"
    with patch(TARGET_NAME, "new value") as replaced:
        assert_type(replaced, str)
        assert replaced.upper() == "NEW VALUE"
    with patch(TARGET_NAME, new_callable=PropertyMock) as prop:
        assert_type(prop, PropertyMock)
    with patch.object(THIS, "OTHER", 5) as five:
        assert_type(five, int)
        assert OTHER == 5
    with patch.object(Service, "fetch", autospec=True) as fetch:
        assert_type(fetch, Union[MagicMock, AsyncMock])
        Service().fetch("k")
        fetch.assert_called_once()
    assert TARGET == "original"
    assert OTHER == 1


def test_patch_start_and_stop() -> None:
    patcher = patch(TARGET_NAME)
    started = patcher.start()
    assert_type(started, Union[MagicMock, AsyncMock])
    assert TARGET is started
    patcher.stop()
    replacing = patch.object(THIS, "OTHER", "two")
    assert_type(replacing.start(), str)
    patch.stopall()
    assert (TARGET, OTHER) == ("original", 1)


def test_patch_dict_and_multiple() -> None:
    settings: Dict[str, str] = {"mode": "real"}

    @patch.dict(settings, {"mode": "test"})
    def read_mode(prefix: str) -> str:
        return prefix + settings["mode"]

    kept: Callable[[str], str] = read_mode
    assert kept("> ") == "> test"
    with patch.dict(settings, clear=True) as cleared:
        assert_type(cleared, Any)
        assert settings == {}
    both = patch.multiple(THIS, TARGET=DEFAULT, OTHER=DEFAULT)
    made = both.start()
    assert_type(made, Dict[str, Any])
    assert set(made) == {"TARGET", "OTHER"}
    both.stop()
    assert settings == {"mode": "real"}


# -- the plugin API is precisely typed --------------------------------------------------------


class Watched(Mock):
    """Mocks of this class only are watched by the observer below."""


def observer(mock: Any, recorded: _Call) -> None:
    seen.append(recorded)


seen: List[_Call] = []


def renderer(context: FailureContext) -> Optional[str]:
    assert_type(context.message, str)
    assert_type(context.kind, str)
    return None if context.kind != "called_once" else context.message + " (rendered)"


def child_rule(parent: Any, kwargs: Mapping[str, Any]) -> Optional[type]:
    return None


def signature_provider(spec: Any, as_instance: bool, eat_self: bool) -> Any:
    return None


def recorder(
    mock: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]
) -> Optional[Tuple[Tuple[Any, ...], Dict[str, Any]]]:
    return args[::-1], kwargs


class NamedLater(Deferred):
    """A child made on first access (plugin point 4)."""

    def create(self, parent: Any, name: str) -> Any:
        return Mock(name=name)


def test_plugin_api() -> None:
    typed_observer: plugins.CallObserver = observer
    plugins.add_call_observer(typed_observer, cls=Watched)
    try:
        Watched()(1)
    finally:
        plugins.remove_call_observer(observer, cls=Watched)
    assert seen == [call(1)]
    plugins.add_failure_renderer(renderer)
    try:
        Mock().assert_called_once()
    except AssertionError as error:
        assert str(error).endswith("(rendered)")
    finally:
        plugins.remove_failure_renderer(renderer)
    plugins.add_child_class_rule(child_rule, cls=Watched)
    plugins.remove_child_class_rule(child_rule, cls=Watched)
    plugins.add_signature_provider(signature_provider)
    plugins.remove_signature_provider(signature_provider)
    typed_recorder: plugins.CallRecorder = recorder
    plugins.add_call_recorder(typed_recorder, cls=Watched)
    try:
        recorded = Watched()
        recorded(1, 2)
        assert recorded.call_args == call(2, 1)
    finally:
        plugins.remove_call_recorder(recorder, cls=Watched)
    assert_type(plugins.magic_table(), Optional[MagicTable])
    assert_type(plugins.discover(), List[str])
    m = Mock()
    m._mock_children["lazy"] = NamedLater()
    assert repr(m.lazy) == repr(m.lazy) and "lazy" in repr(m.lazy)
    assert_type(mock_core.FILTER_DIR, bool)


def _must_stay_type_errors() -> None:
    """Never run: each line is a type error, proven by its (otherwise unused) ignore."""

    def wrong_observer(mock: Any) -> None: ...

    def wrong_renderer(context: FailureContext) -> int:
        return 0

    def wrong_provider(spec: Any) -> Any: ...

    def wrong_rule(parent: Any, kwargs: Mapping[str, Any]) -> str:
        return ""

    def wrong_recorder(mock: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> List[Any]:
        return [args, kwargs]

    plugins.add_call_observer(wrong_observer)  # type: ignore[arg-type]
    plugins.add_call_observer(observer, cls="Mock")  # type: ignore[arg-type]
    plugins.add_failure_renderer(wrong_renderer)  # type: ignore[arg-type]
    plugins.add_signature_provider(wrong_provider)  # type: ignore[arg-type]
    plugins.add_child_class_rule(wrong_rule)  # type: ignore[arg-type]
    plugins.add_call_recorder(wrong_observer)  # type: ignore[arg-type]
    plugins.add_call_recorder(wrong_recorder)  # type: ignore[arg-type]
    plugins.register_magic_table(MagicTable(frozenset(), frozenset(), 42))  # type: ignore[arg-type]
    plugins.discover() + 1  # type: ignore[operator]

    class WrongDeferred(Deferred):
        def create(self, parent: Any) -> Any:  # type: ignore[override]
            return None

    # A patch with a replacement keeps the decorated function's signature...
    patched_with_new("not an int")  # type: ignore[arg-type]
    # ...and start() and ``with`` give the replacement's type.
    patch(TARGET_NAME, "text").start() + 1  # type: ignore[operator]
    patch.object(THIS, "OTHER", 5).start().upper()  # type: ignore[attr-defined]
    # The arguments of patch itself are checked.
    patch(TARGET_NAME, new_callable=3)  # type: ignore[call-overload]
    patch(42)  # type: ignore[call-overload]
    call(1).args + 1  # type: ignore[operator]
