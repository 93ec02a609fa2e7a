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
``MOCK_CORE_DISABLE_PLUGIN_DISCOVERY=1``. Registration is idempotent, and
validated: a malformed registration raises :class:`PluginValidationError`.

A plugin that fails is reported with a :class:`PluginWarning` naming it and its
distribution (a :class:`PluginError` with ``MOCK_CORE_PLUGINS_STRICT=1``);
``MOCK_CORE_DISABLE_PLUGINS=name,...`` skips plugins by name, and
:func:`list_plugins` (``python -m mockkit --plugins``) says what is plugged in.

Nothing registered costs nothing on the hot paths: what applies to a mock class
is copied onto it as a plain tuple when something registers.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._discovery import PluginInfo, list_plugins as _list_plugins
from ._errors import PluginError, PluginValidationError, PluginWarning
from ._registry import (
    BLOCK_ENV_VAR,
    DISABLE_ENV_VAR,
    ENTRY_POINT_GROUP,
    STRICT_ENV_VAR,
    Deferred,
    FailureContext,
    MagicTable,
    registry,
)
from ._validation import check_callback, check_cls, check_magic_table

__all__ = [
    "BLOCK_ENV_VAR",
    "DISABLE_ENV_VAR",
    "ENTRY_POINT_GROUP",
    "STRICT_ENV_VAR",
    "CallObserver",
    "ChildClassRule",
    "Deferred",
    "FailureContext",
    "FailureRenderer",
    "MagicTable",
    "PluginError",
    "PluginInfo",
    "PluginValidationError",
    "PluginWarning",
    "SignatureProvider",
    "add_call_observer",
    "add_child_class_rule",
    "add_failure_renderer",
    "add_signature_provider",
    "discover",
    "install_signature_check",
    "list_plugins",
    "magic_table",
    "register_magic_table",
    "remove_call_observer",
    "remove_child_class_rule",
    "remove_failure_renderer",
    "remove_signature_provider",
]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from ._types import CallObserver, ChildClassRule, FailureRenderer, SignatureProvider

_ALIASES = ("ChildClassRule", "CallObserver", "SignatureProvider", "FailureRenderer")


def __getattr__(name: str) -> object:
    # The type aliases need typing, which mock-core does not import otherwise.
    if name not in _ALIASES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import _types

    value: object = getattr(_types, name)
    globals()[name] = value
    return value


def register_magic_table(table: MagicTable) -> None:
    """Install the magic-method table (plugin point 1); the last one registered wins.

    .. versionchanged:: 0.2.0
       A malformed table raises :class:`PluginValidationError`.
    """
    check_magic_table(table)
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

    .. versionchanged:: 0.2.0
       A malformed rule or ``cls`` raises :class:`PluginValidationError`.
    """
    check_cls("add_child_class_rule", cls)
    check_callback("add_child_class_rule", "child-class rule", "rule(parent, kwargs)", rule, 2)
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

    .. versionchanged:: 0.2.0
       A malformed observer or ``cls`` raises :class:`PluginValidationError`.
    """
    check_cls("add_call_observer", cls)
    check_callback("add_call_observer", "call observer", "observer(mock, call)", observer, 2)
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
    """Let ``provider`` supply signatures for specs (plugin point 3).

    .. versionchanged:: 0.2.0
       A malformed provider raises :class:`PluginValidationError`.
    """
    call = "provider(spec, as_instance, eat_self)"
    check_callback("add_signature_provider", "signature provider", call, provider, 3)
    if provider not in registry.signature_providers:
        registry.signature_providers.append(provider)


def remove_signature_provider(provider: SignatureProvider) -> None:
    """Undo :func:`add_signature_provider`."""
    if provider in registry.signature_providers:
        registry.signature_providers.remove(provider)


def add_failure_renderer(renderer: FailureRenderer) -> None:
    """Let ``renderer`` rewrite assertion failure messages (plugin point 6).

    A renderer that raises is reported with a :class:`PluginWarning` (a
    :class:`PluginError` under ``MOCK_CORE_PLUGINS_STRICT=1``) and the message is kept.

    .. versionchanged:: 0.2.0
       A malformed renderer raises :class:`PluginValidationError`; one that raises is
       reported instead of silently skipped.
    """
    check_callback("add_failure_renderer", "failure renderer", "renderer(context)", renderer, 1)
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
    call = "check(*args, **kwargs)"
    # Any arguments at all: a check stands for the spec's own signature.
    check_callback("install_signature_check", "signature check", call, check, None)
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
    """Load the installed plugins now (normally this happens lazily); returns their names.

    A plugin that fails to load is skipped with a :class:`PluginWarning`, or raises
    :class:`PluginError` under ``MOCK_CORE_PLUGINS_STRICT=1``.
    """
    registry.discover()
    return list(registry.loaded)


def list_plugins() -> list[PluginInfo]:
    """What is plugged in, and from where: one :class:`PluginInfo` per plugin.

    First the packages that registered when imported (``built in``), then every entry point
    of :data:`ENTRY_POINT_GROUP`, active, blocked or failed. Runs discovery first.
    ``python -m mockkit --plugins`` prints this.

    .. versionadded:: 0.2.0
    """
    return _list_plugins(registry)


def _owner(cls: type | None) -> type:
    if cls is None:
        from ._noncallable import NonCallableMock

        return NonCallableMock
    return cls
