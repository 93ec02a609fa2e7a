"""The ``assert_*`` methods of mocks and the matching of recorded calls.

Messages follow the standard library word for word, because test suites assert on
them. Every failure goes through :func:`fail`, where failure renderers (plugin
point 6) may extend the message.
"""

from __future__ import annotations

from ._call import _Call, _CallList, _format_call_signature, call
from ._registry import Deferred, FailureContext, registry

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any, Iterable, NoReturn, Sequence

__all__ = [
    "assert_any_call",
    "assert_called",
    "assert_called_once",
    "assert_called_once_with",
    "assert_called_with",
    "assert_has_calls",
    "assert_not_called",
    "call_matcher",
    "calls_repr",
    "fail",
    "failure_message",
    "format_signature",
    "safe_repr",
    "signature_from_name",
    "unbound_note",
]


def safe_repr(obj: Any) -> str:
    try:
        return repr(obj)
    except Exception:
        return object.__repr__(obj)


def fail(
    mock: Any,
    kind: str,
    message: str,
    expected: Any = None,
    actual: Any = None,
    cause: BaseException | None = None,
) -> NoReturn:
    renderers = registry.renderers
    if not renderers and not registry.discovered:
        registry.discover()
        renderers = registry.renderers
    if renderers:
        # The signature the assertion bound the mock's calls to: for an autospecced function
        # ``mock`` is its inner mock, for which inspect.signature() has no answer.
        signature = getattr(mock, "_spec_signature", None)
        context = FailureContext(mock, kind, message, expected, actual, signature)
        for render in renderers:
            try:
                rendered = render(context)
            except Exception as exc:  # a broken renderer must not hide the real failure
                from ._discovery import renderer_failed

                renderer_failed(registry, render, exc)
                continue
            if rendered:
                context.message = rendered
        message = context.message
    raise AssertionError(message) from cause


def _name(mock: Any) -> str:
    return mock._mock_name or "mock"


def format_signature(mock: Any, args: Any, kwargs: Any) -> str:
    return _format_call_signature(_name(mock), args, kwargs)


def calls_repr(mock: Any, prefix: str = "Calls") -> str:
    calls = mock.mock_calls
    if not calls:
        return ""
    return f"\n{prefix}: {safe_repr(calls)}."


def failure_message(mock: Any, args: Any, kwargs: Any, action: str = "call") -> str:
    # Through the mock's method, as in the stdlib: subclasses override it to change how
    # calls are shown (and a missing call_args fails the same way).
    expected = mock._format_mock_call_signature(args, kwargs)
    actual = mock._format_mock_call_signature(*mock.call_args)
    return f"expected {action} not found.\nExpected: {expected}\n  Actual: {actual}"


# Signatures come from a plugin (mock-spec) that mock-core does not require; without it a
# specced mock compares calls as written. That silently fails assertions the standard
# library passes (``f(1, 2)`` against ``assert_called_with(a=1, b=2)``), so such a failure
# says what is missing.
UNBOUND_NOTE = (
    "\nNote: the calls were compared as written, not bound to the spec's signature "
    "(which makes f(1) match f(a=1)); signature matching needs the 'mock-spec' "
    "distribution: pip install mock-spec"
)


def unbound_note(mock: Any, calls: Iterable[Any]) -> str:
    """``UNBOUND_NOTE`` if binding ``calls`` to a spec's signature could change the result.

    That is: no signature provider is registered (plugin point 3), and some call passes
    keyword arguments to a mock of the tree whose spec is callable. Binding only moves
    arguments between positions and keywords, so calls without keywords compare the same
    either way, and their failures keep the standard library's message unchanged.
    """
    registry.discover()
    if registry.signature_providers:
        return ""
    names = set()
    for recorded in calls:
        if isinstance(recorded, tuple) and len(recorded) in (2, 3):
            kwargs = recorded[-1]
            if isinstance(kwargs, dict) and kwargs:
                names.add(recorded[0] if len(recorded) == 3 else "")
    for name in names:
        node = _node_from_name(mock, name) if name else mock
        source = None if node is None else node.__dict__.get("_mock_sig_source")
        if source is not None and callable(source[0]):
            return UNBOUND_NOTE
    return ""


def signature_from_name(mock: Any, name: str) -> Any:
    """The signature of the child that a dotted call name points at."""
    if not name:
        return mock._spec_signature
    node = _node_from_name(mock, name)
    return None if node is None else node._spec_signature


def _node_from_name(mock: Any, name: str) -> Any:
    """The child a dotted call name points at, or the last one reached on the way there.

    None when not even the first step of the name leads to a child.
    """
    found = None
    node = mock
    for part in name.replace("()", "").split("."):
        child = node._mock_children.get(part)
        if isinstance(child, Deferred):
            # A placeholder for what the standard library creates eagerly (a method)
            # is made now; other placeholders end the walk, as there.
            needed = getattr(child, "needed_for_signature", None)
            if needed is None or not needed(part):
                break
            child = node._mock_materialize(part, child)
        if child is None:
            break
        child = _extract_mock(child)
        if not hasattr(child, "_mock_children"):
            break
        node = found = child
    return found


_UNKNOWN = object()


class _Matcher:
    """Binds calls to the signatures of one mock tree, looking each name up once.

    Without any signature a call comes back unchanged; a call that does not bind
    comes back as its ``TypeError``, to be chained as the assertion's cause.
    """

    __slots__ = ("mock", "signatures")

    def __init__(self, mock: Any) -> None:
        self.mock = mock
        self.signatures: dict[Any, Any] = {}

    def binds_nothing(self, calls: Any) -> bool:
        """True when no call in ``calls`` has a signature to bind to (the usual case)."""
        names: Any = None
        if type(calls) is _CallList and set(map(type, calls)) <= _JUST_CALLS:
            # Recorded calls (the usual content), known to be calls in one pass in C: their
            # first items without asking each one's length and type (a two-tuple's first
            # item is its args, not a str, and sends it to the general pass). 100 calls on
            # 3.13.18: 3.7 us against 7.4 us for the general pass below.
            names = {c[0] for c in calls}
            if not all(map(_is_str, names)):
                names = None
        if names is None:
            # The name of each call, None for an unnamed one (a two-tuple).
            names = {(c[0] if len(c) > 2 else None) for c in calls if isinstance(c, tuple)}
        for key in names:
            if key not in self.signatures:
                if key is None:
                    self.signatures[key] = self.mock._spec_signature
                else:
                    self.signatures[key] = signature_from_name(self.mock, key)
            if self.signatures[key] is not None:
                return False
        return True

    def expect(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, Any]:
        """The expected call ``(args, kwargs)``, bound; and its binding error, or None."""
        bound = self(_Call((args, kwargs), two=True))
        return bound, (bound if isinstance(bound, Exception) else None)

    def expect_all(self, calls: Any) -> tuple[list[Any], Any]:
        """Each expected call bound; and the first binding error among them, or None."""
        bound = [self(c) for c in calls]
        return bound, next((b for b in bound if isinstance(b, Exception)), None)

    def __call__(self, recorded: Any) -> Any:
        named = isinstance(recorded, tuple) and len(recorded) > 2
        key: Any = recorded[0] if named else None
        signature = self.signatures.get(key, _UNKNOWN)
        if signature is _UNKNOWN:
            if named:
                signature = signature_from_name(self.mock, key)
            else:
                signature = self.mock._spec_signature
            self.signatures[key] = signature
        if signature is None:
            return recorded
        if len(recorded) == 2:
            name = ""
            args, kwargs = recorded
        else:
            name, args, kwargs = recorded
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as exc:
            return exc.with_traceback(None)
        return call(name, bound.args, bound.kwargs)


def call_matcher(mock: Any, recorded: Any) -> Any:
    """Bind a call to the spec's signature so equivalent spellings compare equal."""
    return _Matcher(mock)(recorded)


def assert_not_called(self: Any) -> None:
    """Fail if the mock was called."""
    if self.call_count != 0:
        fail(
            self,
            "not_called",
            f"Expected '{_name(self)}' to not have been called. "
            f"Called {self.call_count} times.{calls_repr(self)}",
        )


def assert_called(self: Any) -> None:
    """Fail unless the mock was called at least once."""
    if self.call_count == 0:
        fail(self, "called", f"Expected '{_name(self)}' to have been called.")


def assert_called_once(self: Any) -> None:
    """Fail unless the mock was called exactly once."""
    if self.call_count != 1:
        fail(
            self,
            "called_once",
            f"Expected '{_name(self)}' to have been called once. "
            f"Called {self.call_count} times.{calls_repr(self)}",
        )


def assert_called_with(self: Any, /, *args: Any, **kwargs: Any) -> None:
    """Fail unless the last call had exactly these arguments."""
    last = self.call_args
    if last is None:
        expected_text = format_signature(self, args, kwargs)
        fail(
            self,
            "called_with",
            f"expected call not found.\nExpected: {expected_text}\n  Actual: not called.",
            expected=_Call((args, kwargs), two=True),
        )
    cause = None
    if type(last) is _Call and len(last) == 2 and self._spec_signature is None:
        # Nothing to bind: compare as ``last != call(*args, **kwargs)`` would, the
        # expected values on the left so that matchers such as ANY decide.
        mismatched = (args, kwargs) != (last[0], last[1])
    else:
        match = _Matcher(self)
        expected, cause = match.expect(args, kwargs)
        mismatched = match(last) != expected
    if mismatched:
        fail(
            self,
            "called_with",
            failure_message(self, args, kwargs) + unbound_note(self, ((args, kwargs), last)),
            expected=_Call((args, kwargs), two=True),
            actual=last,
            cause=cause,
        )


def assert_called_once_with(self: Any, /, *args: Any, **kwargs: Any) -> None:
    """Fail unless the mock was called exactly once, with these arguments."""
    if self.call_count != 1:
        fail(
            self,
            "called_once_with",
            f"Expected '{_name(self)}' to be called once. "
            f"Called {self.call_count} times.{calls_repr(self)}",
        )
    assert_called_with(self, *args, **kwargs)


def _contains_run(haystack: Sequence[Any], needle: Sequence[Any]) -> bool:
    """Whether ``needle`` appears in ``haystack`` as a run of equal items.

    Compared as a slice of ``haystack`` would be compared with ``needle`` (each pair once,
    in order, the recorded call on the left so that the expected side's matchers decide),
    without making the slices: most positions differ at their first item.
    """
    width = len(needle)
    if not width:
        return True
    first = needle[0]
    # list.index compares as list equality would (identity first, then the item of
    # ``haystack`` on the left, its truth value taken), without a bytecode round per
    # position. With binds_nothing's pass in C: assert_has_calls of 10 calls among 100 on
    # 3.13.18, 33.6 us -> 26 us (the stdlib: 64 us).
    scan = haystack if isinstance(haystack, list) else list(haystack)
    last = len(scan) - width
    start = 0
    while start <= last:
        try:
            start = _list_index(scan, first, start, last + 1)
        except ValueError:
            return False
        for offset in range(1, width):
            got = scan[start + offset]
            wanted = needle[offset]
            if got is not wanted and not got == wanted:  # noqa: SIM201
                break
        else:
            return True
        start += 1
    return False


_list_index = list.index
_JUST_CALLS = frozenset({_Call})
_is_str = str.__instancecheck__


def assert_has_calls(self: Any, calls: Any, any_order: bool = False) -> None:
    """Fail unless ``calls`` appear in ``mock_calls``: in a row, or in any order."""
    match = _Matcher(self)
    expected, cause = match.expect_all(calls)
    recorded = self.mock_calls
    all_calls = recorded if match.binds_nothing(recorded) else _CallList(map(match, recorded))
    if not any_order:
        if not _contains_run(all_calls, expected):
            if cause is None:
                problem = "Calls not found."
            else:
                errors = [e if isinstance(e, Exception) else None for e in expected]
                problem = f"Error processing expected calls.\nErrors: {errors}"
            # Since 3.13 the actual calls are shown even when there are none.
            fail(
                self,
                "has_calls",
                f"{problem}\nExpected: {_CallList(calls)}\n  Actual: {safe_repr(self.mock_calls)}"
                + unbound_note(self, [*calls, *recorded]),
                expected=list(calls),
                actual=self.mock_calls,
                cause=cause,
            )
        return
    not_found = _unmatched(expected, list(all_calls))
    if not_found:
        fail(
            self,
            "has_calls",
            f"{_name(self)!r} does not contain all of {tuple(not_found)!r} in its call list, "
            f"found {_leftover(expected, all_calls)!r} instead"
            + unbound_note(self, [*calls, *recorded]),
            expected=list(calls),
            actual=self.mock_calls,
            cause=cause,
        )


def _unmatched(expected: Sequence[Any], available: list[Any]) -> list[Any]:
    """The expected calls left over when each one claims a distinct equal actual call."""
    missing = []
    for wanted in expected:
        position = next((i for i, got in enumerate(available) if got == wanted), None)
        if position is None:
            missing.append(wanted)
        else:
            del available[position]
    return missing


def _leftover(expected: Sequence[Any], actual: Sequence[Any]) -> list[Any]:
    """The actual calls not claimed by any expected call."""
    available = list(actual)
    for wanted in expected:
        position = next((i for i, got in enumerate(available) if got == wanted), None)
        if position is not None:
            del available[position]
    return available


def _matches_any(expected: Any, candidates: Sequence[Any]) -> bool:
    # Compare part by part with the expectation on the left, so that ANY and other
    # matchers in the expected call decide rather than the recorded arguments.
    for candidate in candidates:
        if not isinstance(candidate, tuple) or len(candidate) != len(expected):
            continue
        if all(e == a for e, a in zip(expected, candidate, strict=False)):
            return True
    return False


def assert_any_call(self: Any, /, *args: Any, **kwargs: Any) -> None:
    """Fail unless some call, not only the last, had these arguments."""
    recorded = self.call_args_list
    if self._spec_signature is None:
        for candidate in recorded:
            if (
                type(candidate) is _Call
                and len(candidate) == 2
                and args == candidate[0]
                and kwargs == candidate[1]
            ):
                return
    match = _Matcher(self)
    expected, cause = match.expect(args, kwargs)
    actual = list(map(match, recorded))
    if cause is not None or not _matches_any(expected, actual):
        fail(
            self,
            "any_call",
            f"{format_signature(self, args, kwargs)} call not found"
            + unbound_note(self, [(args, kwargs), *recorded]),
            expected=_Call((args, kwargs), two=True),
            actual=self.call_args_list,
            cause=cause,
        )


# Bound by _noncallable, which imports this module.
_extract_mock: Any = None
