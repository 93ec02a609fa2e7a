"""Visible discovery: failing plugins are reported, plugins can be blocked by name, strictness
turns failures into errors, registrations are validated, and ``list_plugins`` says what is
plugged in and from where.

Entry points are faked here (discovery from real ones runs in a subprocess at the end).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Iterator

import pytest

import mock_core
import mock_core._discovery
from mock_core import Mock, NonCallableMock, plugins
from mock_core._registry import registry
from mock_core.plugins import (
    FailureContext,
    MagicTable,
    PluginError,
    PluginInfo,
    PluginValidationError,
    PluginWarning,
)

pytestmark = pytest.mark.usefixtures("clean_registry")


class EntryPoint:
    """Stands in for importlib.metadata.EntryPoint: ``load()`` gives ``target`` or raises it."""

    def __init__(
        self, name: str, target: object, dist: tuple[str, str] | None = ("demo-dist", "1.2")
    ) -> None:
        self.name = name
        self.value = f"demo_{name}:register"
        self.dist = None if dist is None else SimpleNamespace(name=dist[0], version=dist[1])
        self._target = target

    def load(self) -> object:
        if isinstance(self._target, BaseException):
            raise self._target
        return self._target


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[EntryPoint]]:
    """The entry points discovery will find; discovery is reset to run again."""
    found: list[EntryPoint] = []
    monkeypatch.setattr(mock_core._discovery, "_entry_points", lambda: iter(found))
    for variable in (plugins.DISABLE_ENV_VAR, plugins.BLOCK_ENV_VAR, plugins.STRICT_ENV_VAR):
        monkeypatch.delenv(variable, raising=False)
    for name in ("loaded", "errors", "plugins"):
        monkeypatch.setattr(registry, name, [])
    registry.discovered = False
    yield found


def _observer(mock: object, call: object) -> None:
    pass


def _renderer(context: FailureContext) -> str | None:
    return None


def _register_both() -> None:
    plugins.add_call_observer(_observer)
    plugins.add_failure_renderer(_renderer)


def _boom() -> None:
    raise RuntimeError("plugin bug")


# -- failures are reported ------------------------------------------------------------------


def test_a_plugin_that_fails_to_load_is_a_warning_naming_it(
    entry_points: list[EntryPoint],
) -> None:
    entry_points.append(EntryPoint("broken", ImportError("No module named 'demo_broken'")))
    with pytest.warns(PluginWarning) as caught:
        assert callable(Mock().child)
    (warning,) = caught
    text = str(warning.message)
    assert "'broken'" in text
    assert "distribution demo-dist 1.2" in text
    assert "entry point demo_broken:register" in text
    assert "ImportError: No module named 'demo_broken'" in text
    assert f"{plugins.BLOCK_ENV_VAR}=broken" in text


def test_a_plugin_whose_register_raises_is_a_warning(entry_points: list[EntryPoint]) -> None:
    entry_points.append(EntryPoint("bad", _boom))
    with pytest.warns(PluginWarning, match=r"'bad' .*RuntimeError: plugin bug"):
        assert plugins.discover() == []


def test_other_plugins_still_load_after_a_failure(entry_points: list[EntryPoint]) -> None:
    entry_points += [EntryPoint("bad", _boom), EntryPoint("good", _register_both)]
    with pytest.warns(PluginWarning):
        assert plugins.discover() == ["good"]
    assert (NonCallableMock, _observer) in registry.observers


def test_strict_mode_raises_naming_every_failed_plugin(
    entry_points: list[EntryPoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(plugins.STRICT_ENV_VAR, "1")
    entry_points += [
        EntryPoint("bad", _boom),
        EntryPoint("good", _register_both),
        EntryPoint("gone", ImportError("gone")),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # strict mode raises; it does not warn as well
        with pytest.raises(PluginError) as info:
            plugins.discover()
    assert "'bad'" in str(info.value) and "'gone'" in str(info.value)
    assert isinstance(info.value.__cause__, RuntimeError)
    assert registry.loaded == ["good"]
    # Once: the mocks of the run go on with what did load.
    assert plugins.discover() == ["good"]


def test_strict_mode_zero_means_off(
    entry_points: list[EntryPoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(plugins.STRICT_ENV_VAR, "0")
    entry_points.append(EntryPoint("bad", _boom))
    with pytest.warns(PluginWarning):
        plugins.discover()


# -- blocking by name -----------------------------------------------------------------------


@pytest.mark.parametrize("blocked", ["noisy", " other , noisy ", "Demo_Dist", "demo.dist"])
def test_a_plugin_can_be_blocked_by_name_or_distribution(
    entry_points: list[EntryPoint], monkeypatch: pytest.MonkeyPatch, blocked: str
) -> None:
    ran: list[str] = []
    entry_points.append(EntryPoint("noisy", lambda: ran.append("noisy")))
    entry_points.append(
        EntryPoint("quiet", lambda: ran.append("quiet"), dist=("quiet-dist", "2.0"))
    )
    monkeypatch.setenv(plugins.BLOCK_ENV_VAR, blocked)
    assert plugins.discover() == ["quiet"]
    assert ran == ["quiet"]
    statuses = {info.name: (info.status, info.reason) for info in plugins.list_plugins()}
    assert statuses["noisy"] == ("blocked", f"blocked by {plugins.BLOCK_ENV_VAR}")
    assert statuses["quiet"] == ("active", "")


def test_blocking_does_not_load_the_module(
    entry_points: list[EntryPoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_points.append(EntryPoint("broken", ImportError("never imported")))
    monkeypatch.setenv(plugins.BLOCK_ENV_VAR, "broken")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert plugins.discover() == []
    assert registry.errors == []


# -- malformed entry points -----------------------------------------------------------------


def _needs_an_argument(config: object) -> None:
    pass


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        (42, "it is 42 (int)"),
        (_needs_an_argument, "it needs at least 1 positional argument"),
    ],
)
def test_an_entry_point_must_name_a_function_without_arguments(
    entry_points: list[EntryPoint], target: object, problem: str
) -> None:
    entry_points.append(EntryPoint("odd", target))
    with pytest.warns(PluginWarning) as caught:
        plugins.discover()
    text = str(caught[0].message)
    assert "PluginValidationError: entry point odd = demo_odd:register must name a function" in text
    assert problem in text
    (error,) = [info.error for info in plugins.list_plugins() if info.name == "odd"]
    assert isinstance(error, PluginValidationError) and error.plugin is target


def test_a_plugin_registering_something_malformed_is_reported(
    entry_points: list[EntryPoint],
) -> None:
    entry_points.append(EntryPoint("sloppy", lambda: plugins.add_call_observer(print, cls=42)))  # type: ignore[arg-type]
    with pytest.warns(PluginWarning, match=r"'sloppy'.*add_call_observer\(\): cls must be"):
        plugins.discover()


# -- failure renderers that raise -----------------------------------------------------------


def _broken_renderer(context: FailureContext) -> str:
    raise ValueError("renderer bug")


def test_a_raising_renderer_is_reported_and_the_message_kept() -> None:
    plugins.add_failure_renderer(_broken_renderer)
    with pytest.raises(AssertionError) as info, pytest.warns(PluginWarning) as caught:
        Mock(name="m").assert_called()
    assert str(info.value) == "Expected 'm' to have been called."
    text = str(caught[0].message)
    assert f"{__name__}._broken_renderer" in text
    assert "ValueError: renderer bug" in text


def test_a_raising_renderer_names_its_plugin(entry_points: list[EntryPoint]) -> None:
    entry_points.append(EntryPoint("hints", lambda: plugins.add_failure_renderer(_broken_renderer)))
    plugins.discover()
    with pytest.raises(AssertionError), pytest.warns(PluginWarning) as caught:
        Mock().assert_called()
    assert "of plugin 'hints' (distribution demo-dist 1.2" in str(caught[0].message)


def test_a_raising_renderer_is_an_error_in_strict_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(plugins.STRICT_ENV_VAR, "1")
    plugins.add_failure_renderer(_broken_renderer)
    with pytest.raises(PluginError, match="_broken_renderer raised ValueError") as info:
        Mock().assert_called()
    assert isinstance(info.value.__cause__, ValueError)


# -- validation at registration -------------------------------------------------------------

REGISTRATIONS: list[tuple[str, Callable[[Any], None]]] = [
    ("add_call_observer", plugins.add_call_observer),
    ("add_call_recorder", plugins.add_call_recorder),
    ("add_child_class_rule", plugins.add_child_class_rule),
    ("add_signature_provider", plugins.add_signature_provider),
    ("add_failure_renderer", plugins.add_failure_renderer),
]


def _snapshot() -> Any:
    return (
        list(registry.observers),
        list(registry.recorders),
        list(registry.child_rules),
        list(registry.signature_providers),
        list(registry.renderers),
        registry.magic_table,
    )


@pytest.mark.parametrize(("api", "register"), REGISTRATIONS, ids=[r[0] for r in REGISTRATIONS])
def test_registering_a_non_callable_is_refused(api: str, register: Callable[[Any], None]) -> None:
    before = _snapshot()
    refused = rf"^{api}\(\): the .* must be callable"
    with pytest.raises(PluginValidationError, match=refused) as info:
        register("not a function")
    assert "'not a function' (str)" in str(info.value)
    assert info.value.plugin == "not a function"
    assert isinstance(info.value, PluginError)
    assert _snapshot() == before


def _one(a: object) -> None:
    pass


def _three(a: object, b: object, c: object) -> None:
    pass


def _keyword_only(a: object, b: object, *, c: object) -> None:
    pass


@pytest.mark.parametrize(
    ("api", "register", "func", "problem"),
    [
        ("add_call_observer", plugins.add_call_observer, _one, "takes only 1 positional argument"),
        ("add_child_class_rule", plugins.add_child_class_rule, _three, "at least 3"),
        ("add_signature_provider", plugins.add_signature_provider, _one, "takes only 1"),
        ("add_failure_renderer", plugins.add_failure_renderer, _three, "at least 3"),
        ("add_call_observer", plugins.add_call_observer, _keyword_only, "keyword-only"),
        ("add_call_recorder", plugins.add_call_recorder, _one, "takes only 1 positional"),
    ],
)
def test_registering_a_callable_with_the_wrong_arity_is_refused(
    api: str, register: Callable[[Any], None], func: object, problem: str
) -> None:
    before = _snapshot()
    with pytest.raises(PluginValidationError) as info:
        register(func)
    text = str(info.value)
    assert text.startswith(f"{api}(): {__name__}.{func.__qualname__} cannot be a ")  # type: ignore[attr-defined]
    assert problem in text
    assert _snapshot() == before


class _CallableObserver:
    def __call__(self, mock: object, call: object) -> None:
        pass

    def method(self, mock: object, call: object) -> None:
        pass


def _flexible(*args: object) -> None:
    pass


def _defaults(mock: object, call: object, extra: object = None, *, flag: bool = False) -> None:
    pass


@pytest.mark.parametrize(
    "observer",
    [
        _observer,
        _flexible,
        _defaults,
        _CallableObserver(),
        _CallableObserver().method,
        functools.partial(_three, None),  # not readable: let through
        Mock(),
    ],
)
def test_callables_that_fit_are_accepted(observer: Any) -> None:
    plugins.add_call_observer(observer)
    assert (NonCallableMock, observer) in registry.observers


def test_a_class_bound_registration_needs_a_class() -> None:
    with pytest.raises(PluginValidationError, match=r"add_child_class_rule\(\): cls must be"):
        plugins.add_child_class_rule(lambda parent, kwargs: None, cls="Mock")  # type: ignore[arg-type]


def _as_method(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    return func


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("__len__", "expected a mock_core.plugins.MagicTable; got '__len__' (str)"),
        (MagicTable(frozenset({"len"}), frozenset(), _as_method), "these are not: 'len'"),
        (
            MagicTable(frozenset({"__len__"}), frozenset({"__len__"}), _as_method),
            "both supported and unsupported: __len__",
        ),
        (MagicTable(frozenset({"__len__"}), frozenset(), _one), "make_method of a MagicTable"),
        (MagicTable("__len__", frozenset(), _as_method), "these are not: '_', 'e', 'l', 'n'"),  # type: ignore[arg-type]
    ],
)
def test_a_malformed_magic_table_is_refused(table: Any, message: str) -> None:
    with pytest.raises(PluginValidationError, match=r"^register_magic_table\(\)") as info:
        plugins.register_magic_table(table)
    assert message in str(info.value)
    assert registry.magic_table is None


def test_install_signature_check_needs_a_callable() -> None:
    with pytest.raises(PluginValidationError, match=r"install_signature_check\(\)"):
        plugins.install_signature_check(Mock(), None)  # type: ignore[arg-type]


def test_install_signature_check_takes_a_check_of_any_signature() -> None:
    def expected(path: str, *, mode: str = "r") -> None:
        pass

    mock = Mock()
    plugins.install_signature_check(mock, expected)
    with pytest.raises(TypeError):
        mock(1, 2)


# -- what is plugged in ---------------------------------------------------------------------


def test_list_plugins_reports_entry_points_with_their_points(
    entry_points: list[EntryPoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_points += [
        EntryPoint("both", _register_both, dist=("both-dist", "3.1")),
        EntryPoint("bad", _boom, dist=None),
        EntryPoint("muted", _boom),
    ]
    monkeypatch.setenv(plugins.BLOCK_ENV_VAR, "muted")
    with pytest.warns(PluginWarning):
        report = plugins.list_plugins()
    by_name = {info.name: info for info in report}
    both = by_name["both"]
    assert (both.status, both.distribution, both.version) == ("active", "both-dist", "3.1")
    assert (both.entry_point, both.source) == ("demo_both:register", "demo_both:register")
    assert both.points == ("call observers", "failure rendering")
    bad = by_name["bad"]
    assert (bad.status, bad.distribution) == ("failed", None)
    assert bad.reason == "RuntimeError: plugin bug"
    assert isinstance(bad.error, RuntimeError)
    assert by_name["muted"].status == "blocked"
    assert [info.name for info in report][-3:] == ["both", "bad", "muted"]


def test_list_plugins_reports_what_registered_when_imported(
    entry_points: list[EntryPoint],
) -> None:
    plugins.add_call_observer(_observer)
    plugins.add_signature_provider(lambda spec, as_instance, eat_self: None)
    (info,) = plugins.list_plugins()
    # This test module belongs to no distribution: it is named after its top-level module.
    assert (info.name, info.status, info.source) == (__name__, "active", "built in")
    assert (info.distribution, info.version, info.entry_point) == (None, None, None)
    assert info.points == ("signatures", "call observers")


def test_list_plugins_leaves_out_mock_cores_own_registrations(
    entry_points: list[EntryPoint],
) -> None:
    assert registry.child_rules  # PropertyMock's own rule, kept by clean_registry
    assert plugins.list_plugins() == []


def test_plugin_info_describes_itself() -> None:
    info = PluginInfo("x", distribution="x-dist", version="1.0", entry_point="x:register")
    assert info.describe() == "'x' (distribution x-dist 1.0, entry point x:register)"
    assert "'x' active from x-dist 1.0 (x:register)" in repr(info)
    assert PluginInfo("y").describe() == "'y'"
    assert PluginInfo("y").source == "built in"


def test_the_type_aliases_are_defined_once() -> None:
    import mock_core._types

    for name in ("CallObserver", "ChildClassRule", "SignatureProvider", "FailureRenderer"):
        assert getattr(plugins, name) is getattr(mock_core._types, name)
        assert not hasattr(mock_core._registry, name)
    assert not hasattr(mock_core._registry, "ChildRule")


# -- real entry points, in a fresh interpreter ----------------------------------------------

PLUGIN_MODULE = """\
from mock_core import plugins

def observe(mock, call):
    pass

def register():
    plugins.add_call_observer(observe)
"""

PROBE = """\
import json, sys, warnings
import mock_core
facts = {"imported": "demo_probe_plugin" in sys.modules}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    mock_core.Mock().attribute
facts["warnings"] = [(w.category.__name__, str(w.message)) for w in caught]
facts["plugins"] = [
    [i.name, i.status, i.distribution, i.version, i.source, list(i.points)]
    for i in mock_core.plugins.list_plugins()
    if i.name.startswith("probe")
]
print(json.dumps(facts))
"""


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding a plugin module and a dist-info declaring two entry points."""
    root = tmp_path_factory.mktemp("dist_info")
    (root / "demo_probe_plugin.py").write_text(PLUGIN_MODULE)
    info = root / "demo_probe_plugin-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-probe-plugin\nVersion: 0.3\n")
    (info / "entry_points.txt").write_text(
        "[mock_core.plugins]\n"
        "probe = demo_probe_plugin:register\n"
        "probe-broken = demo_probe_missing:register\n"
    )
    return root


def _probe(path: Path, **env: str) -> Any:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MOCK_CORE_")}
    environ["PYTHONPATH"] = os.pathsep.join([str(path), *sys.path])
    environ.update(env)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROBE)],
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_real_entry_points_are_reported(plugin_path: Path) -> None:
    facts = _probe(plugin_path)
    assert facts["imported"] is False
    warned = [text for category, text in facts["warnings"] if category == "PluginWarning"]
    assert len(warned) == 1
    assert "'probe-broken' (distribution demo-probe-plugin 0.3, " in warned[0]
    assert "ModuleNotFoundError" in warned[0]
    assert facts["plugins"] == [
        ["probe", "active", "demo-probe-plugin", "0.3", "demo_probe_plugin:register",
         ["call observers"]],
        ["probe-broken", "failed", "demo-probe-plugin", "0.3", "demo_probe_missing:register", []],
    ]  # fmt: skip


def test_real_entry_points_can_be_blocked(plugin_path: Path) -> None:
    facts = _probe(plugin_path, MOCK_CORE_DISABLE_PLUGINS="probe-broken")
    assert [category for category, _ in facts["warnings"]] == []
    assert [p[:2] for p in facts["plugins"]] == [["probe", "active"], ["probe-broken", "blocked"]]
