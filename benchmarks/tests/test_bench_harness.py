"""Tests of the benchmark harness itself (run: pytest benchmarks/tests)."""

from __future__ import annotations

import json
import sys
import types
import unittest.mock
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BENCH))

import render_docs  # noqa: E402
import run  # noqa: E402
import targets  # noqa: E402
from mkbench import refmock, startup  # noqa: E402
from mkbench.harness import Settings, quartiles, round_order, run_scenario  # noqa: E402
from mkbench.imports import _MARK, import_ms, parse_importtime  # noqa: E402
from mkbench.memory import MEMORY_SCENARIOS  # noqa: E402
from mkbench.report import document, startup_row, summary_text, table  # noqa: E402
from mkbench.scenarios import SCENARIOS, VERIFY_N, Scenario  # noqa: E402


@pytest.mark.parametrize("module", [unittest.mock, refmock], ids=["unittest.mock", "refmock"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario_verifies(scenario: Scenario, module: Any) -> None:
    """Every scenario does its work, checked, on the baseline and on the reference."""
    if module is refmock and not scenario.reference:
        pytest.skip("the reference library leaves out what this scenario checks")
    body = scenario.prepare(module, VERIFY_N)
    scenario.verify(module, body())


def test_scenario_names_are_unique() -> None:
    names = [s.name for s in SCENARIOS] + [m.name for m in MEMORY_SCENARIOS]
    assert [n for n, c in Counter(names).items() if c > 1] == []


def test_every_target_names_a_scenario() -> None:
    """A typo in targets.py would silently fall back to the 1x default."""
    known = {s.name for s in SCENARIOS} | {m.name for m in MEMORY_SCENARIOS}
    known |= {f"import {p}" for p in run.PACKAGES} | {startup.ROW_NAME}
    assert sorted(set(targets.TARGETS) - known) == []


def _broken_module() -> types.ModuleType:
    class Mock(unittest.mock.Mock):
        def assert_called_once_with(self, *args: Any, **kwargs: Any) -> None:
            pass  # never fails: a shortcut the harness must catch

    fake = types.ModuleType("broken_mock")
    fake.Mock = Mock  # type: ignore[attr-defined]
    fake.call = unittest.mock.call  # type: ignore[attr-defined]
    return fake


def test_a_candidate_that_skips_work_is_an_error() -> None:
    scenario = next(s for s in SCENARIOS if s.name == "assert_called_once_with")
    modules = {"baseline": unittest.mock, "candidate": _broken_module()}
    result = run_scenario(scenario, modules, Settings(rounds=2, sample_s=0.001))
    assert "did not raise AssertionError" in result.errors["candidate"]
    assert "candidate" not in result.samples and len(result.samples["baseline"]) == 2
    assert result.ratio("candidate") is None


def test_missing_names_are_errors_not_crashes() -> None:
    scenario = next(s for s in SCENARIOS if s.name == "MagicMock()")
    modules = {"baseline": unittest.mock, "candidate": _broken_module()}
    result = run_scenario(scenario, modules, Settings(rounds=1, sample_s=0.001))
    assert result.errors["candidate"].startswith("AttributeError")


def test_self_check_ratios_are_paired() -> None:
    scenario = next(s for s in SCENARIOS if s.name == "Mock()")
    modules = {"baseline": unittest.mock, "candidate": unittest.mock, "reference": refmock}
    result = run_scenario(scenario, modules, Settings(rounds=6, sample_s=0.002))
    assert {len(v) for v in result.samples.values()} == {6}
    spread = result.ratio("candidate")
    assert spread is not None and 0.5 < spread.median < 2.0
    assert spread.q1 <= spread.median <= spread.q3


def test_round_order_is_balanced() -> None:
    keys = ["baseline", "candidate", "reference"]
    orders = [tuple(round_order(keys, i)) for i in range(6)]
    assert len(set(orders)) == 6
    for key in keys:
        assert Counter(o.index(key) for o in orders) == {0: 2, 1: 2, 2: 2}
    first = Counter(round_order(["a", "b", "c", "d"], i)[0] for i in range(8))
    assert first == {"a": 2, "b": 2, "c": 2, "d": 2}


def test_quartiles() -> None:
    assert quartiles([1.0]) == (1.0, 1.0)
    assert quartiles([1.0, 2.0, 3.0, 4.0, 5.0]) == (2.0, 4.0)


def test_parse_importtime() -> None:
    text = "\n".join(
        [
            "import time: self [us] | cumulative | imported package",
            "import time:       100 |        100 | site",
            _MARK,
            "import time:        20 |         20 |     _tokenize",
            "import time:       300 |        320 |   helper",
            "import time:      1000 |       1320 | pkg.sub",
            "import time:        40 |         40 | other",
        ]
    )
    assert parse_importtime(text) == pytest.approx(1.36)
    with pytest.raises(ValueError, match="marker"):
        parse_importtime("import time:       100 |        100 | site")


def test_import_ms_measures_a_fresh_interpreter() -> None:
    wall, cpu = import_ms("mkbench.refmock", path=str(BENCH))
    assert 0 < wall < 1000 and 0 < cpu < 1000
    with pytest.raises(RuntimeError, match="no_such_module"):
        import_ms("no_such_module")


def test_startup_child_output_is_checked_for_the_plugin() -> None:
    out = f"{startup._LOADED} 1\n...\n{startup._MARK} 0.25 0.5\n"
    assert startup.parse_child(out, want_loaded=True) == (250.0, 500.0)
    # A baseline that loaded the plugin after all would measure nothing: an error.
    with pytest.raises(ValueError, match="was loaded"):
        startup.parse_child(out, want_loaded=False)
    with pytest.raises(ValueError, match="pytest_configure"):
        startup.parse_child(f"{startup._MARK} 0.25 0.5\n", want_loaded=True)


def _startup_result(baseline: list[float], candidate: list[float]) -> startup.StartupResult:
    result = startup.StartupResult()
    result.samples = {"baseline": baseline, "candidate": candidate}
    result.wall = {"baseline": baseline, "candidate": candidate}
    return result


def test_startup_target_is_on_the_paired_difference() -> None:
    # Medians 101 and 103, but the paired differences are 1, 6 and 1: the target sees 1 ms.
    row = startup_row(
        _startup_result([100.0, 101.0, 102.0], [101.0, 107.0, 103.0]), targets.target_for
    )
    assert row.added_ms == 1.0 and row.target_max_added_ms == 5.0 and row.met is True
    assert not row.in_geomean
    assert "+1.00 ms" in table([row], {"baseline": "b", "candidate": "c"})
    row = startup_row(_startup_result([100.0, 101.0], [106.0, 107.0]), targets.target_for)
    assert row.added_ms == 6.0 and row.status == "MISS"
    summary = summary_text(document({}, [row], 5.0)["summary"], "3.x")
    assert "+6.00 ms (target <= +5 ms)" in summary


def test_run_startup_measures_both_variants() -> None:
    result = startup.run_startup(1)
    if not startup.plugin_installed():
        assert "candidate" in result.errors
        return
    # No error: the candidate's runs loaded the plugin and the baseline's did not.
    assert result.errors == {}
    assert [len(result.samples[r]) for r in ("baseline", "candidate")] == [1, 1]


def test_cli_writes_json_and_docs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "3.x.json"
    argv = ["--candidate", "unittest.mock", "--quick", "--only", "Mock()"]
    assert run.main([*argv, "--no-imports", "--json", str(out)]) == 0
    stdout = capsys.readouterr().out
    assert "NonCallableMock()" in stdout and "geometric mean" in stdout
    doc = json.loads(out.read_text())
    assert doc["self_check"] is True
    assert doc["candidate"]["module"] == doc["baseline"]["module"] == "unittest.mock"
    names = [r["name"] for r in doc["rows"]]
    # --only is a case-insensitive substring match
    assert names == [
        "Mock()",
        "MagicMock()",
        "NonCallableMock()",
        "AsyncMock()",
        "1000 live Mock()",
        "heap: type(m).p = PropertyMock()",
        "heap: Mock()",
        "memory: Mock()",
        "memory: MagicMock()",
    ]
    assert "reference" not in doc["rows"][4]["samples"]  # a scenario the reference skips
    row = doc["rows"][0]
    assert row["target_speedup"] == 10 and row["met"] is False and row["in_geomean"]
    assert set(row["samples"]) == {"baseline", "candidate", "reference"}
    assert doc["summary"]["geomean_count"] == 7
    page = render_docs.render([doc], tmp_path)
    assert "Benchmarks\n==========" in page and "``Mock()``" in page
    assert "harness itself" in page  # the self-check note
