"""The plugin points of mock-core.

mock-core never imports the packages above it. Where its behaviour depends on
them, they (and any third party) plug in here:

1. :func:`register_magic_table` - which dunder names mocks support or refuse.
2. :func:`add_child_class_rule` - which class a child or return-value mock gets.
3. :func:`add_signature_provider` - the signature recorded calls are bound to.
4. :class:`Deferred` - placeholders that become child mocks on first access.
5. :func:`add_call_observer` - callables told about every recorded call;
   :func:`add_call_recorder` - callables that decide what a call records.
6. :func:`add_failure_renderer` - how assertion failure messages are built.

And one for patchers: :func:`add_patch_listener` - told when a patch starts or stops
(mock-patch reports its patches; any patcher may, through :func:`notify_patch_listeners`).

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

Besides the six points, this module holds what a package built on mock-core needs to
know about mocks (:func:`is_mock`, :func:`spec_source`, :func:`instance_dict`, ...),
to give its mock classes behaviour of their own (:func:`set_class_defaults`,
:func:`set_reset_hook`, ...) and to manage children (:func:`defer_children`,
:func:`set_child`). mock-magic, mock-spec, mock-patch and mockkit use nothing else of
mock-core's that is not public.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._call import _Call, _CallList
from ._callable import UNHANDLED as _UNHANDLED, delegated_call
from ._classes import DerivedMockClassType, owner_of, pristine, ring_for, settle
from ._discovery import PluginInfo, list_plugins as _list_plugins
from ._errors import PluginError, PluginValidationError, PluginWarning, _check_spec_arg_typos
from ._noncallable import _dict_of, _extract_mock, _is_instance_mock
from ._registry import (
    BLOCK_ENV_VAR,
    DISABLE_ENV_VAR,
    ENTRY_POINT_GROUP,
    STRICT_ENV_VAR,
    Deferred,
    FailureContext,
    MagicTable,
    PatchEvent,
    registry,
)
from ._sentinel import _deleted
from ._util import _is_async_func, _is_async_obj, state_lock
from ._validation import check_callback, check_cls, check_magic_table

__all__ = [
    "BLOCK_ENV_VAR",
    "DELETED",
    "DISABLE_ENV_VAR",
    "ENTRY_POINT_GROUP",
    "STRICT_ENV_VAR",
    "UNHANDLED",
    "Call",
    "CallList",
    "CallObserver",
    "CallRecorder",
    "ChildClassRule",
    "ClassDefaults",
    "Deferred",
    "DerivedMockClassType",
    "FailureContext",
    "FailureRenderer",
    "MagicTable",
    "PatchEvent",
    "PatchListener",
    "PluginError",
    "PluginInfo",
    "PluginValidationError",
    "PluginWarning",
    "ResetHook",
    "SignatureProvider",
    "add_call_observer",
    "add_call_recorder",
    "add_child_class_rule",
    "add_failure_renderer",
    "add_patch_listener",
    "add_signature_provider",
    "check_argument_typos",
    "child_made_on_access",
    "defer_children",
    "deferred_child",
    "delegated_call",
    "discover",
    "extract_mock",
    "install_signature_check",
    "instance_dict",
    "is_async_function",
    "is_async_object",
    "is_mock",
    "is_pristine",
    "list_plugins",
    "magic_table",
    "mock_of_class",
    "mock_reducer",
    "move_to_class_defaults",
    "notify_patch_listeners",
    "patch_listeners",
    "register_magic_table",
    "remove_call_observer",
    "remove_call_recorder",
    "remove_child_class_rule",
    "remove_failure_renderer",
    "remove_patch_listener",
    "remove_signature_provider",
    "set_call_frames",
    "set_child",
    "set_class_defaults",
    "set_keeps_return_value",
    "set_reset_hook",
    "spec_instance_asyncs",
    "spec_source",
    "state_lock",
]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Hashable, Iterable, Mapping, Sequence

    from ._types import (
        CallObserver,
        CallRecorder,
        ChildClassRule,
        ClassDefaults,
        FailureRenderer,
        PatchListener,
        ResetHook,
        SignatureProvider,
    )

_ALIASES = (
    "ChildClassRule",
    "CallObserver",
    "CallRecorder",
    "SignatureProvider",
    "FailureRenderer",
    "ClassDefaults",
    "ResetHook",
    "PatchListener",
)


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


def add_call_recorder(recorder: CallRecorder, cls: type | None = None) -> None:
    """Let ``recorder`` decide what calls of mocks of class ``cls`` record.

    ``recorder(mock, args, kwargs)`` runs before a call is recorded and returns the
    ``(args, kwargs)`` to record instead, or ``None`` to record them as they are. Every
    record of the call gets its result (``call_args``, the ancestors' ``mock_calls``, the
    observers, the await records); the side effect, ``wraps`` and the return value get the
    caller's arguments. Recorders run in the order they were added, each given what the
    previous one returned. Mocks of classes without recorders pay nothing for them.

    .. versionadded:: 0.2.0
    """
    check_cls("add_call_recorder", cls)
    call = "recorder(mock, args, kwargs)"
    check_callback("add_call_recorder", "call recorder", call, recorder, 3)
    entry = (_owner(cls), recorder)
    if entry not in registry.recorders:
        registry.recorders.append(entry)
        registry.changed()


def remove_call_recorder(recorder: CallRecorder, cls: type | None = None) -> None:
    """Undo :func:`add_call_recorder`.

    .. versionadded:: 0.2.0
    """
    entry = (_owner(cls), recorder)
    if entry in registry.recorders:
        registry.recorders.remove(entry)
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


# --------------------------------------------------------------------------- patch events


def add_patch_listener(listener: PatchListener) -> None:
    """Tell ``listener(event)`` about every patch that starts or stops.

    ``event`` is a :class:`PatchEvent`, given once the patch is in place (``kind ==
    "start"``) and once the original is back (``kind == "stop"``). A listener that raises
    is reported with a :class:`PluginWarning` (a :class:`PluginError` under
    ``MOCK_CORE_PLUGINS_STRICT=1``) and the patch goes on; patching costs nothing extra
    while no listener is registered.

    .. versionadded:: 0.2.0
    """
    check_callback("add_patch_listener", "patch listener", "listener(event)", listener, 1)
    if listener not in registry.patch_listeners:
        registry.patch_listeners.append(listener)


def remove_patch_listener(listener: PatchListener) -> None:
    """Undo :func:`add_patch_listener`.

    .. versionadded:: 0.2.0
    """
    if listener in registry.patch_listeners:
        registry.patch_listeners.remove(listener)


def patch_listeners() -> Sequence[PatchListener]:
    """The registered patch listeners, live: for a patcher, to skip building an event
    while the sequence is empty. Change it only with the ``add``/``remove`` functions.

    .. versionadded:: 0.2.0
    """
    return registry.patch_listeners


def notify_patch_listeners(event: PatchEvent) -> None:
    """Tell every patch listener about ``event`` (for patchers: mock-patch calls it).

    A listener that raises is reported (see :func:`add_patch_listener`); the others are
    still told.

    .. versionadded:: 0.2.0
    """
    # A copy: a listener may remove itself (or add another) while being told.
    for listener in tuple(registry.patch_listeners):
        try:
            listener(event)
        except Exception as exc:
            from ._discovery import patch_listener_failed

            patch_listener_failed(registry, listener, exc, event)


def mock_reducer(mock: Any, *, parent: bool = False) -> tuple[Any, ...]:
    """A reduce tuple (see :meth:`object.__reduce_ex__`) that pickles ``mock``.

    It holds the mock's class (which pickle must find by name, as ``Mock`` or
    ``MagicMock`` are), name, spec (by reference), ``wraps``, return value, side effect,
    children and recorded calls; a spec, ``wraps`` or side effect that cannot be pickled
    is left out. Mocks among them (children, the return value) are pickled through their
    own ``__reduce_ex__``. With ``parent=True`` the mock's parent links are kept (the
    parent is pickled too); otherwise the mock comes back standalone, named as it was.

    .. versionadded:: 0.2.0
    """
    from ._pickling import reduce_mock

    return reduce_mock(mock, parent)


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


# --------------------------------------------------------------------------- what mocks are
# The standard library's private helpers under public names: the very same objects, so
# that using them costs what using the private ones did.

Call = _Call
"""The class of recorded calls (``call``, ``mock_calls`` entries); the stdlib's ``_Call``.

.. versionadded:: 0.2.0
"""

CallList = _CallList
"""The list class of ``call_args_list`` and ``mock_calls``; the stdlib's ``_CallList``.

.. versionadded:: 0.2.0
"""

UNHANDLED: Any = _UNHANDLED
"""What :func:`delegated_call` returns when the stand-in must call the mock itself.

.. versionadded:: 0.2.0
"""

DELETED: Any = _deleted
"""What a deleted child is recorded as, until it is set again.

.. versionadded:: 0.2.0
"""

is_mock: Callable[[object], bool] = _is_instance_mock
"""``is_mock(obj)``: whether ``obj`` is a mock (its real class, not ``__class__``, decides).

.. versionadded:: 0.2.0
"""

extract_mock: Callable[[Any], Any] = _extract_mock
"""``extract_mock(obj)``: the mock behind an autospecced function, or ``obj`` itself.

.. versionadded:: 0.2.0
"""

is_async_function: Callable[[object], bool] = _is_async_func
"""``is_async_function(obj)``: whether ``obj`` is a coroutine function (through methods,
partials and markers), without importing ``inspect`` or ``asyncio``.

.. versionadded:: 0.2.0
"""

is_async_object: Callable[[object], bool] = _is_async_obj
"""``is_async_object(obj)``: whether ``obj`` is a coroutine function or awaitable; of mocks,
only those that record awaits.

.. versionadded:: 0.2.0
"""

check_argument_typos: Callable[[Mapping[str, Any]], None] = _check_spec_arg_typos
"""``check_argument_typos(kwargs)``: raise ``RuntimeError`` for a misspelt ``autospec`` or
``spec_set`` among keyword arguments (unless the caller was given ``unsafe=True``).

.. versionadded:: 0.2.0
"""

instance_dict: Callable[[Any], dict[str, Any]] = _dict_of
"""``instance_dict(mock)``: the mock's ``__dict__``, without a lookup on its class.

Each mock's class is new to the interpreter's type-attribute cache, so ``mock.__dict__``
walks the MRO; constructors and other code run per mock use this instead.

.. versionadded:: 0.2.0
"""

# state_lock is mock-core's own function, public as it is.


def spec_source(mock: Any) -> tuple[Any, bool, bool] | None:
    """``(spec, as_instance, eat_self)`` for a mock specced on an object, else None.

    None also for a spec given as a list of names, which has no object to read.

    .. versionadded:: 0.2.0
    """
    found: tuple[Any, bool, bool] | None = _dict_of(mock).get("_mock_sig_source")
    return found


def spec_instance_asyncs(mock: Any) -> Mapping[str, bool] | None:
    """Which attributes of the spec's instance were coroutine functions when it was given.

    Only for a spec object that is an instance with attributes of its own (None otherwise):
    those are read when the spec is given, as in the standard library, so that an attribute
    changed afterwards does not change which class its child gets.

    .. versionadded:: 0.2.0
    """
    found: Mapping[str, bool] | None = _dict_of(mock).get("_mock_spec_instance_asyncs")
    return found


# --------------------------------------------------------------------------- mock classes
# Class-level behaviour that a package's mock classes add. The settings live on ``cls`` as
# private attributes, which mock-core reads where it needs them; setting them here is the
# supported way, for a class or a mixin, before its first mock is made.


def set_class_defaults(cls: type, defaults: ClassDefaults) -> None:
    """Make the class of every new mock of ``cls`` hold attributes that ``defaults`` gives.

    ``defaults(cls)`` returns ``(key, attributes)``: classes made with the same key hold the
    same attributes (mock-core reuses them between mocks), so the key must stand for them.
    Call it before the first mock of ``cls`` (or of a class derived from it) is made.

    .. versionadded:: 0.2.0
    """
    type.__setattr__(cls, "_mock_class_defaults", staticmethod(defaults))


def set_reset_hook(cls: type, hook: ResetHook | None) -> None:
    """Call ``hook(mock)`` for every mock of ``cls`` that ``reset_mock`` resets.

    For state a class keeps besides mock-core's; it replaces a hook ``cls`` inherits.

    .. versionadded:: 0.2.0
    """
    type.__setattr__(cls, "_mock_reset_hook", None if hook is None else staticmethod(hook))


def set_keeps_return_value(cls: type, keeps: Callable[[Any], bool] | None) -> None:
    """Let ``keeps(mock)`` spare a mock of ``cls`` from ``reset_mock(return_value=True)``.

    .. versionadded:: 0.2.0
    """
    type.__setattr__(
        cls, "_mock_keeps_return_value", None if keeps is None else staticmethod(keeps)
    )


def set_call_frames(cls: type, frames: int) -> None:
    """Say how many frames a call of a mock of ``cls`` runs its side effect below the call.

    mock-core runs a side effect (or the wrapped object) as many frames below the call as
    the standard library does, so that a ``stacklevel`` counted there points at the same
    line; a class whose standard-library counterpart adds frames says how many it has.

    .. versionadded:: 0.2.0
    """
    type.__setattr__(cls, "_mock_call_frames", frames)


is_pristine: Callable[[type], bool] = pristine
"""``is_pristine(cls)``: whether ``cls`` is a mock's own class as mock-core made it, with
nothing written on it since (a class that mock-core may give another mock later).

.. versionadded:: 0.2.0
"""

mock_of_class: Callable[[type], Any] = owner_of
"""``mock_of_class(cls)``: the mock that the class ``cls`` was made for, or None (gone, or
not a mock's own class). For descriptors on mock classes that are read from the class.

.. versionadded:: 0.2.0
"""


def move_to_class_defaults(
    mock: Any, key: Hashable, attributes: Callable[[], dict[str, Any]]
) -> bool:
    """While a mock is being made, put it on a class holding other class-level defaults.

    For a constructor that learns late which defaults the mock's class should hold (a
    MagicMock given a spec holds only the magic methods the spec has): ``key`` and
    ``attributes()`` are what :func:`set_class_defaults` would have given for them. Returns
    True when the mock's class now holds exactly those; False when mock-core cannot move
    the mock unnoticed, and the caller must change the class itself.

    .. versionadded:: 0.2.0
    """
    # No local may hold the mock's class: settle() counts the references to it.
    ring = type(mock).__dict__.get("_mock_ring")
    if ring is None or not pristine(type(mock)):
        return False
    if ring.key is key or ring.key == key:
        return True
    origin = ring.body["_mock_origin"]
    if ring.bases != (origin,):
        return False
    return settle(mock, ring_for(origin, key, attributes))


# --------------------------------------------------------------------------- children


def defer_children(mock: Any, names: Iterable[str], placeholder: Deferred) -> None:
    """Make each of ``names`` a child of ``mock`` that ``placeholder`` creates on first access.

    Children already there are replaced. See :class:`Deferred` (plugin point 4).

    .. versionadded:: 0.2.0
    """
    mock._mock_children.update(dict.fromkeys(names, placeholder))


def deferred_child(mock: Any, name: str) -> Deferred | None:
    """The placeholder standing for child ``name`` of ``mock``, if it was not created yet.

    .. versionadded:: 0.2.0
    """
    found = _dict_of(mock).get("_mock_children", {}).get(name)
    return found if isinstance(found, Deferred) else None


def set_child(parent: Any, name: str, child: Any) -> None:
    """Make ``child`` the child ``name`` of ``parent``, as if ``parent`` had made it.

    Unlike ``setattr`` this neither records the child as assigned nor asks the spec, and
    leaves the child's own links as they are: for a factory that makes children itself
    (``create_autospec`` with a parent).

    .. versionadded:: 0.2.0
    """
    parent._mock_children[name] = child


def child_made_on_access(mock: Any, name: str, value: Any) -> bool:
    """Whether ``value`` is child ``name`` of ``mock`` as made on access, not assigned.

    mock-core keeps such children in the instance dict too; the standard library only
    reaches them through ``__getattr__``, so a patch of one is not of an own attribute.

    .. versionadded:: 0.2.0
    """
    store = _dict_of(mock)
    children = store.get("_mock_children")
    if children is None or children.get(name) is not value:
        return False
    return name not in store.get("_mock_assigned", ())


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
