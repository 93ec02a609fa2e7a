"""The plugin points of mock-core.

mock-core never imports the packages above it. Where its behaviour depends on
them, they (and any third party) plug in here:

1. :func:`register_magic_table` - which dunder names mocks support or refuse.
2. :func:`add_child_class_rule` - which class a child or return-value mock gets.
3. :func:`add_signature_provider` - the signature recorded calls are bound to.
4. :class:`Deferred` - placeholders that become child mocks on first access.
5. :func:`add_call_observer` - callables told about every recorded call.
6. :func:`add_failure_renderer` - how assertion failure messages are built.

First-party packages register when imported. Installed third-party plugins
declare an entry point in the ``mock_core.plugins`` group naming a function that
takes no arguments and registers what it needs; they are loaded lazily, once, the
first time a mock needs a plugin point, and never when set
``MOCK_CORE_DISABLE_PLUGIN_DISCOVERY=1``. Registration is idempotent.

Nothing registered costs nothing on the hot paths: what applies to a mock class
is copied onto it as a plain tuple when something registers.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._call import _Call
from ._registry import (
    DISABLE_ENV_VAR,
    ENTRY_POINT_GROUP,
    Deferred,
    FailureContext,
    MagicTable,
    registry,
)

__all__ = [
    "DISABLE_ENV_VAR",
    "ENTRY_POINT_GROUP",
    "CallObserver",
    "ChildClassRule",
    "Deferred",
    "FailureContext",
    "FailureRenderer",
    "MagicTable",
    "SignatureProvider",
    "add_call_observer",
    "add_child_class_rule",
    "add_failure_renderer",
    "add_signature_provider",
    "discover",
    "install_signature_check",
    "magic_table",
    "register_magic_table",
    "remove_call_observer",
    "remove_child_class_rule",
    "remove_failure_renderer",
    "remove_signature_provider",
]

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is imported at run time only when an alias is asked for
    from typing import Any, Callable, Mapping

    ChildClassRule = Callable[[Any, Mapping[str, Any]], "type | None"]
    """``rule(parent, kwargs) -> class or None``: the first rule that answers wins."""

    CallObserver = Callable[[Any, _Call], None]
    """``observer(mock, call)``: told about a recorded call (see :func:`add_call_observer`)."""

    SignatureProvider = Callable[[Any, bool, bool], Any]
    """``provider(spec, as_instance, eat_self) -> inspect.Signature-like or None``."""

    FailureRenderer = Callable[[FailureContext], "str | None"]
    """``renderer(context) -> new message or None`` (None keeps the message)."""

_ALIASES = ("ChildClassRule", "CallObserver", "SignatureProvider", "FailureRenderer")


def __getattr__(name: str) -> object:
    # The type aliases need typing, which mock-core does not import otherwise.
    if name not in _ALIASES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from typing import Any, Callable, Mapping, Optional

    aliases: dict[str, object] = {
        "ChildClassRule": Callable[[Any, Mapping[str, Any]], Optional[type]],
        "CallObserver": Callable[[Any, _Call], None],
        "SignatureProvider": Callable[[Any, bool, bool], Any],
        "FailureRenderer": Callable[[FailureContext], Optional[str]],
    }
    globals().update(aliases)
    return aliases[name]


def register_magic_table(table: MagicTable) -> None:
    """Install the magic-method table (plugin point 1); the last one registered wins."""
    registry.magic_table = table
    registry.changed()


def magic_table() -> MagicTable | None:
    """The installed magic-method table, discovering plugins first if none is."""
    if registry.magic_table is None:
        registry.discover()
    return registry.magic_table


def add_child_class_rule(
    rule: ChildClassRule, cls: type | None = None, *, spec_only: bool = False
) -> None:
    """Consult ``rule`` when a mock of class ``cls`` (default: every mock) makes a child.

    With ``spec_only=True`` the rule is only consulted for mocks that have a spec
    object, which keeps first attribute access of plain mocks on its fast path.
    """
    owner = _owner(cls)
    if spec_only:
        registry.spec_only_rules.add(rule)
    if (owner, rule) not in registry.child_rules:
        # Later registrations are more specific refinements: they go first.
        registry.child_rules.insert(0, (owner, rule))
        registry.changed()


def remove_child_class_rule(rule: ChildClassRule, cls: type | None = None) -> None:
    """Undo :func:`add_child_class_rule`."""
    entry = (_owner(cls), rule)
    if entry in registry.child_rules:
        registry.child_rules.remove(entry)
        registry.changed()


def add_call_observer(
    observer: CallObserver, cls: type | None = None, *, after: bool = False
) -> None:
    """Tell ``observer`` about every call recorded on mocks of class ``cls``.

    By default it is told as soon as the call is recorded, before the side effect
    or return value is produced; with ``after=True``, once the call has returned
    normally (what waiting for a call wants).
    """
    observers = registry.after_observers if after else registry.observers
    entry = (_owner(cls), observer)
    if entry not in observers:
        observers.append(entry)
        registry.changed()


def remove_call_observer(
    observer: CallObserver, cls: type | None = None, *, after: bool = False
) -> None:
    """Undo :func:`add_call_observer`."""
    observers = registry.after_observers if after else registry.observers
    entry = (_owner(cls), observer)
    if entry in observers:
        observers.remove(entry)
        registry.changed()


def add_signature_provider(provider: SignatureProvider) -> None:
    """Let ``provider`` supply signatures for specs (plugin point 3)."""
    if provider not in registry.signature_providers:
        registry.signature_providers.append(provider)


def remove_signature_provider(provider: SignatureProvider) -> None:
    """Undo :func:`add_signature_provider`."""
    if provider in registry.signature_providers:
        registry.signature_providers.remove(provider)


def add_failure_renderer(renderer: FailureRenderer) -> None:
    """Let ``renderer`` rewrite assertion failure messages (plugin point 6)."""
    if renderer not in registry.renderers:
        registry.renderers.append(renderer)


def remove_failure_renderer(renderer: FailureRenderer) -> None:
    """Undo :func:`add_failure_renderer`."""
    if renderer in registry.renderers:
        registry.renderers.remove(renderer)


def install_signature_check(mock: Any, check: Callable[..., Any], signature: Any = None) -> None:
    """Make calls of ``mock`` go through ``check(*args, **kwargs)`` first.

    The check lives on a class of the mock's own, so other mocks are unaffected.
    ``signature``, when given, is what ``inspect.signature`` reports for the mock.
    """
    from ._classes import add_check
    from ._noncallable import _dict_of

    def _mock_check_sig(self: Any, /, *args: Any, **kwargs: Any) -> None:
        check(*args, **kwargs)

    # On the class, as the standard library does (see mock_core._classes).
    values: dict[str, Any] = {"_mock_check_sig": _mock_check_sig}
    if signature is not None:
        values["__signature__"] = signature
    cls: Any = type(mock)
    if add_check(cls, values):
        # The class stays its ring's: mock-core's fused call runs the check, from here.
        _dict_of(mock)["_mock_call_check"] = check
        return
    # Any other class: through setattr, which records the write; the calls then take the
    # step-by-step path, which asks the class for _mock_check_sig.
    for name, value in values.items():
        setattr(cls, name, value)


def discover() -> list[str]:
    """Load the installed plugins now (normally this happens lazily); returns their names."""
    registry.discover()
    return list(registry.loaded)


def _owner(cls: type | None) -> type:
    if cls is None:
        from ._noncallable import NonCallableMock

        return NonCallableMock
    return cls
