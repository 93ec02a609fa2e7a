"""Loading installed plugins through their entry points, and saying what happened.

Whatever goes wrong with a plugin is reported as a :class:`PluginWarning` naming the plugin
and its distribution, or raised as a :class:`PluginError` when ``MOCK_CORE_PLUGINS_STRICT``
asks for that: a plugin that silently fails to load changes which tests pass without anyone
knowing. importlib.metadata and warnings are only imported when discovery runs or something
is reported, never by ``import mock_core``.
"""

from __future__ import annotations

import os

from ._errors import PluginError, PluginWarning
from ._registry import BLOCK_ENV_VAR, ENTRY_POINT_GROUP, STRICT_ENV_VAR, MagicTable
from ._validation import check_entry_point_target, describe

TYPE_CHECKING = False
if TYPE_CHECKING:
    from importlib.metadata import EntryPoint
    from typing import Iterator

    from ._registry import _Registry

__all__ = ["PluginInfo", "list_plugins", "load_plugins", "renderer_failed"]

# The registry's attributes that hold registrations, and the plugin point each one serves
# (the names docs/plugins.rst uses).
POINTS = {
    "magic_table": "magic names",
    "child_rules": "child class",
    "signature_providers": "signatures",
    "observers": "call observers",
    "after_observers": "call observers",
    "recorders": "call recorders",
    "renderers": "failure rendering",
    "patch_listeners": "patch events",
}
# The registry's other attributes; any list not named here or above is taken to be a plugin
# point added since, and reported under its attribute name rather than left out.
_BOOKKEEPING = frozenset(
    {
        "spec_only_rules",
        "on_change",
        "loaded",
        "errors",
        "plugins",
        "load_plugins",
        "discovered",
        "discovering",
    }
)


class PluginInfo:
    """What :func:`~mock_core.plugins.list_plugins` reports about one plugin.

    ``name``
        the entry point's name, or for a plugin that registered itself when imported
        (``built in``), its distribution's name (its top-level module's where it has none);
    ``status``
        ``"active"``, ``"blocked"`` (named in ``MOCK_CORE_DISABLE_PLUGINS``) or ``"failed"``;
    ``distribution``, ``version``
        where it comes from (``None`` where that is not known);
    ``entry_point``
        the entry point's value (``"module:function"``), ``None`` for a built-in one;
    ``points``
        the plugin points it registered with, in the order of the plugins page;
    ``reason``
        why it is blocked or failed (``""`` when active); ``error`` is the exception.

    .. versionadded:: 0.2.0
    """

    __slots__ = (
        "_items",
        "distribution",
        "entry_point",
        "error",
        "name",
        "points",
        "reason",
        "status",
        "version",
    )

    def __init__(
        self,
        name: str,
        status: str = "active",
        *,
        distribution: str | None = None,
        version: str | None = None,
        entry_point: str | None = None,
        points: tuple[str, ...] = (),
        reason: str = "",
        error: BaseException | None = None,
    ) -> None:
        self.name = name
        self.status = status
        self.distribution = distribution
        self.version = version
        self.entry_point = entry_point
        self.points = points
        self.reason = reason
        self.error = error
        # What its entry point registered, by identity: attributes registrations made from
        # code outside the plugin's own package.
        self._items: list[object] = []

    @property
    def source(self) -> str:
        """``"module:function"`` of the entry point, or ``"built in"``."""
        return self.entry_point or "built in"

    def describe(self) -> str:
        """``'name' (distribution dist 1.0, entry point module:function)``, for messages."""
        where = []
        if self.distribution:
            version = f" {self.version}" if self.version else ""
            where.append(f"distribution {self.distribution}{version}")
        if self.entry_point:
            where.append(f"entry point {self.entry_point}")
        return f"{self.name!r} ({', '.join(where)})" if where else repr(self.name)

    def __repr__(self) -> str:
        return (
            f"<PluginInfo {self.name!r} {self.status} from {self.distribution} "
            f"{self.version} ({self.source}) points={self.points!r}>"
        )


def _flag(variable: str) -> bool:
    return os.environ.get(variable, "").strip() not in ("", "0")


def _canonical(name: str) -> str:
    # Distribution names compare as packaging does (Foo_Bar, foo-bar and foo.bar are one).
    return name.strip().lower().replace("_", "-").replace(".", "-")


def _blocked_names() -> set[str]:
    return {_canonical(n) for n in os.environ.get(BLOCK_ENV_VAR, "").split(",") if n.strip()}


def _entry_points() -> Iterator[EntryPoint]:
    from importlib import metadata

    seen: set[str] = set()
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        # The same distribution can be on sys.path twice; the first copy wins, as on import.
        if entry.name in seen:
            continue
        seen.add(entry.name)
        yield entry


def _registered(registry: _Registry) -> Iterator[tuple[str, object]]:
    """Every registration as (registry attribute, what was registered)."""
    for attribute, value in vars(registry).items():
        if attribute in _BOOKKEEPING or value is None or isinstance(value, (bool, dict)):
            continue
        items = value if isinstance(value, (list, tuple, set, frozenset)) else (value,)
        for item in items:
            # Class-bound registrations are stored as (class, callback).
            registered = item[-1] if isinstance(item, tuple) else item
            if callable(registered) or isinstance(registered, MagicTable):
                yield attribute, registered


def load_plugins(registry: _Registry) -> None:
    """Load every entry point of the group, except the blocked ones, and report failures."""
    blocked = _blocked_names()
    failed: list[PluginInfo] = []
    for entry in _entry_points():
        dist = getattr(entry, "dist", None)
        info = PluginInfo(
            entry.name,
            distribution=dist.name if dist is not None else None,
            version=dist.version if dist is not None else None,
            entry_point=entry.value,
        )
        registry.plugins.append(info)
        names = {_canonical(entry.name)}
        if info.distribution:
            names.add(_canonical(info.distribution))
        if names & blocked:
            info.status = "blocked"
            info.reason = f"blocked by {BLOCK_ENV_VAR}"
            continue
        before = {id(item) for _, item in _registered(registry)}
        try:
            register = entry.load()
            check_entry_point_target(entry.name, entry.value, register)
            register()
        except Exception as exc:  # a broken plugin must not break every mock
            info.status = "failed"
            info.error = exc
            info.reason = f"{type(exc).__name__}: {exc}"
            registry.errors.append((entry.name, exc))
            failed.append(info)
        else:
            registry.loaded.append(entry.name)
        info._items = [item for _, item in _registered(registry) if id(item) not in before]
    if not failed:
        return
    if _flag(STRICT_ENV_VAR):
        lines = [f"plugin {info.describe()} failed to load: {info.reason}" for info in failed]
        raise PluginError("\n".join(lines)) from failed[0].error
    for info in failed:
        _warn(
            f"mock-core plugin {info.describe()} failed to load and was skipped: "
            f"{info.reason}. Set {BLOCK_ENV_VAR}={info.name} to skip it without this "
            f"warning, or {STRICT_ENV_VAR}=1 to make this an error."
        )


def _warn(message: str) -> None:
    import warnings

    warnings.warn(message, PluginWarning, stacklevel=3)


def _module_of(item: object) -> str:
    code = item.make_method if isinstance(item, MagicTable) else item
    module = getattr(code, "__module__", None)
    return module if isinstance(module, str) else type(code).__module__


_distribution_cache: dict[str, tuple[str | None, str | None]] = {}


def _distribution_of(package: str) -> tuple[str | None, str | None]:
    """(name, version) of the distribution that installs top-level module ``package``."""
    if package not in _distribution_cache:
        from importlib import metadata

        names = metadata.packages_distributions().get(package) or []
        # Editable installs do not list their modules; their names usually follow them.
        candidates = [*names, package.replace("_", "-")]
        found: tuple[str | None, str | None] = (None, None)
        for name in candidates:
            try:
                found = (metadata.distribution(name).name, metadata.version(name))
            except metadata.PackageNotFoundError:
                continue
            break
        _distribution_cache[package] = found
    return _distribution_cache[package]


def _owner(
    registry: _Registry, item: object, by_package: dict[str, PluginInfo]
) -> PluginInfo | None:
    """The plugin that registered ``item``; None for mock-core's own registrations."""
    module = _module_of(item)
    package = module.partition(".")[0]
    if package == "mock_core":
        return None
    entries: list[PluginInfo] = [info for info in registry.plugins if info.status != "blocked"]
    for info in entries:
        if info.entry_point and info.entry_point.partition(".")[0].partition(":")[0] == package:
            return info
    for info in entries:
        if any(item is registered for registered in info._items):
            return info
    if package not in by_package:
        distribution, version = _distribution_of(package)
        by_package[package] = PluginInfo(
            distribution or package, distribution=distribution, version=version
        )
    return by_package[package]


def list_plugins(registry: _Registry) -> list[PluginInfo]:
    """The registry's plugins: those registered when imported, then every entry point found."""
    registry.discover()
    builtins: dict[str, PluginInfo] = {}
    points: dict[int, list[str]] = {}
    order = list(dict.fromkeys(POINTS.values()))
    for attribute, item in _registered(registry):
        owner = _owner(registry, item, builtins)
        if owner is None:
            continue
        point = POINTS.get(attribute, attribute)
        if point not in order:
            order.append(point)
        found = points.setdefault(id(owner), [])
        if point not in found:
            found.append(point)
    report = []
    for info in [*builtins.values(), *registry.plugins]:
        copy = PluginInfo(
            info.name,
            info.status,
            distribution=info.distribution,
            version=info.version,
            entry_point=info.entry_point,
            points=tuple(sorted(points.get(id(info), ()), key=order.index)),
            reason=info.reason,
            error=info.error,
        )
        report.append(copy)
    return report


def renderer_failed(registry: _Registry, renderer: object, exc: Exception) -> None:
    """Report a failure renderer that raised; the message is then built without it."""
    owner = _owner(registry, renderer, {})
    source = ""
    if owner is not None and (owner.distribution or owner.entry_point):
        source = f" of plugin {owner.describe()}"
    message = (
        f"failure renderer {describe(renderer)}{source} raised {type(exc).__name__}: {exc}; "
        "the assertion's message was kept without it"
    )
    if _flag(STRICT_ENV_VAR):
        raise PluginError(message) from exc
    _warn(message)


def patch_listener_failed(
    registry: _Registry, listener: object, exc: Exception, event: object
) -> None:
    """Report a patch listener that raised; the patch itself stays as it is."""
    owner = _owner(registry, listener, {})
    source = ""
    if owner is not None and (owner.distribution or owner.entry_point):
        source = f" of plugin {owner.describe()}"
    kind = getattr(event, "kind", "?")
    attribute = getattr(event, "attribute", "?")
    message = (
        f"patch listener {describe(listener)}{source} raised {type(exc).__name__}: {exc} "
        f"when told of the {kind} of a patch of {attribute!r}; the patch went on without it"
    )
    if _flag(STRICT_ENV_VAR):
        raise PluginError(message) from exc
    _warn(message)
