"""Switching features on for a whole run: MOCK_EXTRAS and pytest's --mock-extras."""

from __future__ import annotations

import pytest

from mock_extras import _environment
from mock_extras._features import FEATURES, parse


def test_parse_accepts_commas_and_spaces_and_rejects_unknown_names() -> None:
    assert parse("snapshots, diffs snapshots") == ["snapshots", "diffs"]
    assert parse("  ") == []
    with pytest.raises(
        ValueError, match=r"unknown mock-extras feature.*typo.*snapshots, diffs, hygiene, pickling"
    ):
        parse("snapshots,typo")
    assert FEATURES == ("snapshots", "diffs", "hygiene", "pickling")


def test_patch_hygiene_and_picklable_mocks_switch_on_for_a_run() -> None:
    import pickle

    from mock_core import Mock
    from mock_extras import _hygiene
    from mock_extras._features import scope_for

    hygiene, pickling = scope_for("hygiene"), scope_for("pickling")
    hygiene.start()
    pickling.start()
    try:
        assert _hygiene._state.listeners
        m = Mock(name="sent")
        m(1)
        copy = pickle.loads(pickle.dumps(m))
        copy.assert_called_once_with(1)
    finally:
        pickling.stop()
        hygiene.stop()
    assert not _hygiene._state.listeners
    with pytest.raises((TypeError, pickle.PicklingError, AttributeError)):
        pickle.dumps(Mock())


def test_stop_all_switches_every_started_feature_off() -> None:
    import pickle

    from mock_core import Mock
    from mock_extras._features import scope_for, stop_all

    for name in FEATURES:
        scope_for(name).start()
    scope_for("pickling").start()  # started twice, by two scopes
    assert stop_all() == list(FEATURES)
    assert stop_all() == []
    m = Mock()
    m(items := [1])
    items.append(2)
    assert m.call_args.args == ([1, 2],)  # no snapshot taken
    with pytest.raises((TypeError, pickle.PicklingError)):
        pickle.dumps(m)


def test_entry_point_does_nothing_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    from mock_extras import _diffs, _snapshots

    monkeypatch.delenv("MOCK_EXTRAS", raising=False)
    _environment.register()
    assert not _snapshots._state.registered and not _diffs._state.users


def test_entry_point_starts_what_the_variable_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from mock_extras import _diffs, _snapshots

    monkeypatch.setenv("MOCK_EXTRAS", "snapshots,diffs")
    _environment.register()
    try:
        assert _snapshots._state.everywhere == 1 and _diffs._state.users == 1
    finally:
        _snapshots.snapshot_arguments().stop()  # a fresh scope has nothing to stop
        with _snapshots._state.lock:
            _snapshots._state.everywhere = 0
            _snapshots._state.sync()
        _diffs._off()


PYTEST_EXAMPLE = """
from mock_core import Mock, call

def test_rows():
    m = Mock()
    rows = [1]
    m(rows)
    rows.append(2)
    assert m.call_args == call(EXPECTED)
"""


@pytest.mark.parametrize(
    ("args", "expected"), [((), "[1, 2]"), (("--mock-extras=snapshots",), "[1]")]
)
def test_pytest_option_switches_snapshots_on_for_the_run(
    pytester: pytest.Pytester, args: tuple[str, ...], expected: str
) -> None:
    pytester.makepyfile(PYTEST_EXAMPLE.replace("EXPECTED", expected))
    result = pytester.runpytest_subprocess(*args)
    result.assert_outcomes(passed=1)


def test_pytest_ini_option(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nmock_extras = snapshots\n")
    pytester.makepyfile(PYTEST_EXAMPLE.replace("EXPECTED", "[1]"))
    pytester.runpytest_subprocess().assert_outcomes(passed=1)


def test_pytest_option_rejects_unknown_features(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_nothing(): pass")
    result = pytester.runpytest_subprocess("--mock-extras=typo")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*unknown mock-extras feature(s): typo*"])


def test_loading_the_pytest_plugin_imports_no_feature(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import sys

        def test_light():
            assert "mock_extras.pytest_plugin" in sys.modules
            assert "mock_extras._snapshots" not in sys.modules
            assert "mock_extras._diffs" not in sys.modules
        """
    )
    pytester.runpytest_subprocess().assert_outcomes(passed=1)
