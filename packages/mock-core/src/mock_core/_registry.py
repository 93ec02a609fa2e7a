"""State behind the plugin points, and lazy entry-point discovery.

Hot paths never look in here: whatever a mock needs per call or per attribute is
copied onto mock classes as plain class attributes when something registers.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any, Callable, Iterator, Mapping

    from ._call import _Call

__all__ = [
    "ENTRY_POINT_GROUP",
    "DISABLE_ENV_VAR",
    "MagicTable",
    "Deferred",
    "registry",
]

ENTRY_POINT_GROUP = "mock_core.plugins"
DISABLE_ENV_VAR = "MOCK_CORE_DISABLE_PLUGIN_DISCOVERY"

if TYPE_CHECKING:
    ChildRule = Callable[[Any, Mapping[str, Any]], "type | None"]
    CallObserver = Callable[[Any, "_Call"], None]
    SignatureProvider = Callable[[Any, bool, bool], Any]
    FailureRenderer = Callable[["FailureContext"], "str | None"]


class MagicTable:
    """What a mock may do with dunder names (plugin point 1).

    ``supported``: names a mock accepts as magic methods (sync and async).
    ``unsupported``: names refused with an ``AttributeError``.
    ``make_method``: turns a plain callable assigned as a magic into the
    function installed on the mock's class; it is called as
    ``make_method(name, func)`` and the result receives the mock as ``self``.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("make_method", "supported", "unsupported")

    def __init__(
        self,
        supported: frozenset[str],
        unsupported: frozenset[str],
        make_method: Callable[[str, Callable[..., Any]], Callable[..., Any]],
    ) -> None:
        self.supported = frozenset(supported)
        self.unsupported = frozenset(unsupported)
        self.make_method = make_method


class Deferred:
    """A placeholder child that becomes a real mock on first access (plugin point 4).

    Store an instance in a mock's ``_mock_children``; the first attribute access
    calls :meth:`create` and caches the result in its place.

    .. versionadded:: 0.1.0
    """

    __slots__ = ()

    def create(self, parent: Any, name: str) -> Any:  # pragma: no cover - abstract
        """Make the real child of ``parent`` called ``name``."""
        raise NotImplementedError

    def __deepcopy__(self, memo: Any) -> Deferred:
        # A recipe, not state: a deep copy of a mock makes its own child from the same one
        # (the standard library's copy holds a copy of a child that was never used).
        return self

    def needed_for_signature(self, name: str) -> bool:
        """Whether matching a call of this child by name must create it first.

        Placeholders for children that the standard library would have created
        eagerly (methods of an autospec) say yes, so that expected calls bind to
        their signature; others leave matching to pass them by.
        """
        return False


class FailureContext:
    """What a failure renderer is told (plugin point 6).

    .. versionadded:: 0.1.0
    """

    __slots__ = ("actual", "expected", "kind", "message", "mock")

    def __init__(
        self, mock: Any, kind: str, message: str, expected: Any = None, actual: Any = None
    ) -> None:
        self.mock = mock
        self.kind = kind
        self.message = message
        self.expected = expected
        self.actual = actual


class _Registry:
    def __init__(self) -> None:
        self.magic_table: MagicTable | None = None
        self.child_rules: list[tuple[type, ChildRule]] = []
        self.spec_only_rules: set[ChildRule] = set()
        self.observers: list[tuple[type, CallObserver]] = []
        self.after_observers: list[tuple[type, CallObserver]] = []
        self.signature_providers: list[SignatureProvider] = []
        self.renderers: list[FailureRenderer] = []
        self.discovered = False
        self.discovering = False
        # Called after a registration so mock classes can refresh what they cache.
        self.on_change: list[Callable[[], None]] = []
        self.loaded: list[str] = []
        self.errors: list[tuple[str, BaseException]] = []

    def changed(self) -> None:
        for callback in self.on_change:
            callback()

    def discover(self) -> None:
        """Load installed plugins once; the environment variable switches it off."""
        if self.discovered or self.discovering:
            return
        self.discovering = True
        try:
            if os.environ.get(DISABLE_ENV_VAR, "").strip() not in ("", "0"):
                return
            for name, load in _entry_points():
                try:
                    register = load()
                    register()
                except Exception as exc:  # a broken plugin must not break every mock
                    self.errors.append((name, exc))
                else:
                    self.loaded.append(name)
        finally:
            self.discovering = False
            self.discovered = True


def _entry_points() -> Iterator[tuple[str, Callable[[], Any]]]:
    # importlib.metadata is only imported here, the first time discovery runs.
    from importlib import metadata

    seen: set[str] = set()
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry.name in seen:
            continue
        seen.add(entry.name)
        yield entry.name, entry.load


registry = _Registry()
