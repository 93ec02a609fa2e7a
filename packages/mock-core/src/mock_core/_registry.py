"""State behind the plugin points, and lazy entry-point discovery.

Hot paths never look in here: whatever a mock needs per call or per attribute is
copied onto mock classes as plain class attributes when something registers.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any, Callable

__all__ = [
    "BLOCK_ENV_VAR",
    "ENTRY_POINT_GROUP",
    "DISABLE_ENV_VAR",
    "STRICT_ENV_VAR",
    "MagicTable",
    "Deferred",
    "PatchEvent",
    "registry",
]

ENTRY_POINT_GROUP = "mock_core.plugins"
DISABLE_ENV_VAR = "MOCK_CORE_DISABLE_PLUGIN_DISCOVERY"
BLOCK_ENV_VAR = "MOCK_CORE_DISABLE_PLUGINS"
STRICT_ENV_VAR = "MOCK_CORE_PLUGINS_STRICT"


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

    ``signature`` is the signature the mock's own calls are bound to before they are
    compared (an autospec's, or a callable spec's), ``None`` when they are compared as
    written.

    .. versionadded:: 0.1.0

    .. versionchanged:: 0.2.0
       ``signature``.
    """

    __slots__ = ("actual", "expected", "kind", "message", "mock", "signature")

    def __init__(
        self,
        mock: Any,
        kind: str,
        message: str,
        expected: Any = None,
        actual: Any = None,
        signature: Any = None,
    ) -> None:
        self.mock = mock
        self.kind = kind
        self.message = message
        self.expected = expected
        self.actual = actual
        self.signature = signature


class PatchEvent:
    """What a patch listener is told: one patch started or stopped (see
    :func:`mock_core.plugins.add_patch_listener`). Read-only.

    .. versionadded:: 0.2.0
    """

    __slots__ = ("attribute", "created", "kind", "new", "original", "patcher", "target")

    kind: str
    target: Any
    attribute: str
    original: Any
    new: Any
    created: bool
    patcher: Any

    def __init__(
        self,
        kind: str,
        target: Any,
        attribute: str,
        original: Any,
        new: Any,
        created: bool,
        patcher: Any = None,
    ) -> None:
        # Written past __setattr__, which refuses: a listener must not change what the
        # next listener is told.
        for name, value in (
            ("kind", kind),
            ("target", target),
            ("attribute", attribute),
            ("original", original),
            ("new", new),
            ("created", created),
            ("patcher", patcher),
        ):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"PatchEvent is read-only (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"PatchEvent is read-only (cannot delete {name!r})")

    def __repr__(self) -> str:
        return (
            f"PatchEvent(kind={self.kind!r}, target={self.target!r}, "
            f"attribute={self.attribute!r}, created={self.created!r})"
        )


class _Registry:
    # The registrations are typed loosely here: the precise types (mock_core._types) are
    # defined on top of this module, and only the registration functions need them.
    def __init__(self) -> None:
        self.magic_table: MagicTable | None = None
        self.child_rules: list[tuple[type, Callable[..., Any]]] = []
        self.spec_only_rules: set[Callable[..., Any]] = set()
        self.observers: list[tuple[type, Callable[..., Any]]] = []
        self.after_observers: list[tuple[type, Callable[..., Any]]] = []
        self.recorders: list[tuple[type, Callable[..., Any]]] = []
        self.signature_providers: list[Callable[..., Any]] = []
        self.renderers: list[Callable[..., Any]] = []
        # Changed in place only: mock-patch holds this very list and tests it for truth.
        self.patch_listeners: list[Callable[..., Any]] = []
        self.discovered = False
        self.discovering = False
        # Called after a registration so mock classes can refresh what they cache.
        self.on_change: list[Callable[[], None]] = []
        self.loaded: list[str] = []
        self.errors: list[tuple[str, BaseException]] = []
        # One record (mock_core._discovery.PluginInfo) per entry point found, whatever became
        # of it; what the report and the warnings name a plugin by.
        self.plugins: list[Any] = []
        # mock_core._discovery.load_plugins, set by the package when it is imported.
        self.load_plugins: Callable[[_Registry], None] | None = None

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
            if self.load_plugins is not None:
                self.load_plugins(self)
        finally:
            self.discovering = False
            self.discovered = True


registry = _Registry()
