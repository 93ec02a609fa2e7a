"""Run the real-world corpus: real projects' unit suites on the standard library and on mockkit.

For each project of realworld/projects.toml (or those named with ``--only``):

1. download its pinned sdist from PyPI (cached under the work directory, checked against the
   manifest's sha256) and unpack it afresh;
2. make a new environment with this interpreter, install the project from the sdist with its
   test dependencies (every version from the lock in ``UV_CONSTRAINT``, which ``nox -s
   realworld`` sets to constraints/realworld.txt), then mockkit from the wheels built from this
   checkout (``--wheels``; never from the index);
3. run its unit suite with pytest once on the standard library and once with mockkit swapped in
   (``--mockkit-as-unittest-mock``), plus, where the manifest asks, with ``-n 2`` (xdist
   workers on mockkit too) and as ``python -m mockkit -m pytest``; a small plugin
   (probe/mockkit_realworld_probe.py) records every test's outcome, and what
   ``unittest.mock`` was in each process that ran tests;
4. compare test by test: a *regression* passes on the standard library and does not on
   mockkit, a *fix* the reverse; tests failing on both are listed, not gated.

It prints a table, writes every outcome to ``--json`` and the summary (what the docs show) to
``--results``, and exits 1 when a project has a regression or a run did not run on the mock it
was meant to.

Usage: python realworld/run.py --uv UV --wheels DIR --name 3.12 [--only NAME ...]
       [--work DIR] [--json PATH] [--results PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.platform != "win32":
    import resource
if sys.version_info >= (3, 11):
    import tomllib
else:  # nox -s realworld installs it there (pinned in constraints/tools.txt)
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MANIFEST = HERE / "projects.toml"
PROBE = HERE / "probe"
INDEX = os.environ.get("MOCKKIT_REALWORLD_INDEX", "https://pypi.org/simple")
# Our distributions: installed from --wheels only, and refreshed even if uv cached a build of
# the same version.
OURS = ("mock-core", "mock-magic", "mock-spec", "mock-patch", "mockkit")
SWITCH = "--mockkit-as-unittest-mock"
# A suite that hangs must not hold the machine: no unit suite here takes near this long.
SUITE_TIMEOUT = 30 * 60
PASSING = ("passed", "xfailed")
FAILING = ("failed", "error")


@dataclass
class Mode:
    """One way of running a suite."""

    name: str
    on_mockkit: bool
    command: list[str]  # between the environment's python and pytest's arguments
    args: list[str] = field(default_factory=list)
    workers: int = 0


STDLIB = Mode("stdlib", False, ["-m", "pytest"])
MOCKKIT = Mode("mockkit", True, ["-m", "pytest"], [SWITCH])
XDIST = Mode("mockkit -n 2", True, ["-m", "pytest"], [SWITCH, "-n", "2"], workers=2)
MODULE = Mode("python -m mockkit", True, ["-m", "mockkit", "-m", "pytest"])


def _uv() -> str:
    """The uv installed beside this interpreter (nox -s realworld installs it), else PATH's."""
    beside = Path(sys.executable).parent / ("uv.exe" if os.name == "nt" else "uv")
    return str(beside) if beside.exists() else shutil.which("uv") or "uv"


def load_manifest() -> list[dict[str, Any]]:
    with MANIFEST.open("rb") as file:
        projects: list[dict[str, Any]] = tomllib.load(file)["project"]
    return projects


# -- fetching -------------------------------------------------------------------------------


def _normalized(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def fetch_sdist(project: dict[str, Any], cache: Path) -> Path:
    """The project's sdist, from the cache or PyPI's JSON simple API, checked by sha256."""
    name, version, digest = project["name"], project["version"], project["sha256"]
    cache.mkdir(parents=True, exist_ok=True)
    wanted = _normalized(f"{name}-{version}.tar.gz")
    for cached in cache.glob("*.tar.gz"):
        if _normalized(cached.name) == wanted:
            if hashlib.sha256(cached.read_bytes()).hexdigest() == digest:
                return cached
            cached.unlink()
    request = urllib.request.Request(
        f"{INDEX}/{name}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        files = json.load(response)["files"]
    found = [f for f in files if _normalized(f["filename"]) == wanted]
    if not found:
        raise SystemExit(f"{name} {version}: no sdist on the index")
    target = cache / found[0]["filename"]
    partial = target.with_name(target.name + ".part")
    with urllib.request.urlopen(found[0]["url"], timeout=300) as response:
        partial.write_bytes(response.read())
    actual = hashlib.sha256(partial.read_bytes()).hexdigest()
    if actual != digest:
        partial.unlink()
        raise SystemExit(f"{name} {version}: sha256 {actual}, the manifest says {digest}")
    partial.replace(target)
    return target


def unpack(sdist: Path, into: Path) -> Path:
    """Unpack ``sdist`` into a fresh ``into``; return its top directory."""
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):  # refuses links and paths out of the directory
            archive.extractall(into, filter="data")
        else:  # pragma: no cover - every interpreter we run on has it
            archive.extractall(into)
    (top,) = into.iterdir()
    if not _has_pytest_config(top):
        # Else pytest looks further up for one and finds this checkout's own pyproject.toml
        # (its rootdir, addopts and strict markers would apply to the project's suite).
        (top / "pytest.ini").write_text(
            "# Written by mockkit's realworld/run.py: the sdist has no pytest configuration.\n"
            "[pytest]\n"
        )
    return top


def _has_pytest_config(top: Path) -> bool:
    """Whether pytest finds its configuration in ``top`` (its own rules, in its order)."""
    sections = {
        "pytest.ini": "",
        ".pytest.ini": "",
        "pyproject.toml": "[tool.pytest",
        "tox.ini": "[pytest]",
        "setup.cfg": "[tool:pytest]",
    }
    for name, section in sections.items():
        path = top / name
        if path.is_file() and section in path.read_text(encoding="utf-8", errors="replace"):
            return True
    return False


# -- environments ---------------------------------------------------------------------------


def _bin(env: Path) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin")


def make_environment(
    uv: str, project: dict[str, Any], sdist: Path, env: Path, wheels: str, log: Path
) -> Path:
    """A new environment with the project, its test dependencies and mockkit; its python."""
    python = _bin(env) / "python"
    with log.open("w", encoding="utf-8") as out:

        def run(*args: str) -> None:
            out.write(f"$ {' '.join(args)}\n")
            out.flush()
            done = subprocess.run(args, stdout=out, stderr=subprocess.STDOUT, check=False)
            if done.returncode:
                raise SystemExit(f"{project['name']}: `{' '.join(args[:3])} ...` failed, see {log}")

        run(uv, "venv", "--quiet", "--clear", "--python", sys.executable, str(env))
        # The project from its sdist, with the extras its tests need; the lock decides versions.
        requirement = f"{project['requirement']} @ {sdist.resolve().as_uri()}"
        runners = ["pytest", "pytest-xdist"] if project.get("xdist") else ["pytest"]
        run(
            uv,
            "pip",
            "install",
            "--python",
            str(python),
            requirement,
            *runners,
            *project["test-deps"],
        )
        # mockkit as _install_local installs it: from this checkout's wheels, never the index.
        fresh = [arg for dist in OURS for arg in ("--reinstall-package", dist)]
        run(
            uv, "pip", "install", "--python", str(python), "--no-index",
            "--find-links", wheels, *fresh, "mockkit",
        )  # fmt: skip
        run(uv, "pip", "freeze", "--python", str(python))  # into the log: what the suite ran on
    return python


# -- running --------------------------------------------------------------------------------


@dataclass
class Run:
    mode: str
    seconds: float  # wall time of the whole pytest process
    cpu: float  # CPU time of it and its children (xdist workers, pytester subprocesses)
    exitstatus: int
    outcomes: dict[str, str]
    failures: dict[str, str]
    mock_modules: dict[str, str]  # process ("main" or the xdist worker id) -> unittest.mock
    problem: str = ""


def _children_cpu() -> float:
    """CPU seconds used so far by this process's waited-for children (and theirs).

    Unlike the wall time it hardly moves when other work shares the machine, so a speed-up by
    CPU time is the steadier figure on a busy machine (the benchmark times CPU for this too).
    """
    if sys.platform == "win32":  # no such count there: the CPU speed-up is left out
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_suite(project: dict[str, Any], mode: Mode, python: Path, source: Path, logs: Path) -> Run:
    slug = mode.name.replace(" ", "").replace("-", "")
    out = logs / f"{project['name']}-{slug}.json"
    log = logs / f"{project['name']}-{slug}.log"
    for stale in logs.glob(f"{out.name}*"):
        stale.unlink()
    args = [*project["paths"], *project["args"], *mode.args]
    args += [f"--ignore={item['path']}" for item in project.get("ignore", [])]
    args += [f"--deselect={item['test']}" for item in project.get("deselect", [])]
    # -p no:cacheprovider: the unpacked sdist stays as it was; the probe records the outcomes.
    command = [str(python), *mode.command, "-p", "mockkit_realworld_probe"]
    command += ["-p", "no:cacheprovider", "-q", "--durations=10", *args]
    env = {
        **os.environ,
        "PYTHONPATH": str(PROBE),
        "MOCKKIT_REALWORLD_OUT": str(out),
        "VIRTUAL_ENV": str(python.parent.parent),
        "PATH": f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    for name in ("PYTHONHOME", "PYTEST_ADDOPTS", "PYTEST_PLUGINS"):
        env.pop(name, None)
    # A temporary directory of the run's own: a suite that leaves files in it (kombu's does)
    # must not change the next run's outcome. Short, in the system's: unix socket paths are.
    scratch = tempfile.mkdtemp(prefix="mockkit-rw-")
    env.update(TMPDIR=scratch, TEMP=scratch, TMP=scratch)
    started, cpu_before = time.perf_counter(), _children_cpu()
    with log.open("w", encoding="utf-8") as file:
        file.write(f"$ {' '.join(command)}\n")
        file.flush()
        try:
            done = subprocess.run(
                command, cwd=source, env=env, stdout=file, stderr=subprocess.STDOUT,
                timeout=SUITE_TIMEOUT, check=False,
            )  # fmt: skip
            returncode = done.returncode
        except subprocess.TimeoutExpired:
            returncode = -1
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
    shutil.rmtree(scratch, ignore_errors=True)
    if not out.exists():
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-3:]
        problem = f"pytest wrote no results (see {log}): " + " | ".join(tail)
        return Run(mode.name, seconds, cpu, returncode, {}, {}, {}, problem)
    data = json.loads(out.read_text(encoding="utf-8"))
    modules = {"main": data["mock_module"]}
    for worker in sorted(logs.glob(f"{out.name}.*")):
        modules[worker.name.rsplit(".", 1)[1]] = json.loads(worker.read_text())["mock_module"]
    run = Run(
        mode.name, seconds, cpu, data["exitstatus"], data["outcomes"], data["failures"], modules
    )
    wanted = "mockkit" if mode.on_mockkit else "unittest.mock"
    wrong = {process: name for process, name in modules.items() if name != wanted}
    if wrong:
        run.problem = f"unittest.mock was not {wanted} in {wrong}"
    elif len(modules) != mode.workers + 1:
        run.problem = f"expected {mode.workers} xdist workers, found {len(modules) - 1}"
    elif returncode == -1:
        run.problem = f"timed out after {SUITE_TIMEOUT} s"
    return run


def compare(base: Run, other: Run) -> dict[str, list[str]]:
    """Test ids by how ``other`` differs from ``base`` (the standard library's run)."""
    regressions, fixes = [], []
    for test, outcome in base.outcomes.items():
        theirs = other.outcomes.get(test, "missing")
        if outcome in PASSING and theirs not in PASSING:
            regressions.append(test)
        elif outcome in FAILING and theirs in PASSING:
            fixes.append(test)
    # A test only the mockkit run has (a collection that failed on the standard library).
    regressions += [t for t, o in other.outcomes.items() if t not in base.outcomes and o in FAILING]
    both = [
        t for t, o in base.outcomes.items() if o in FAILING and other.outcomes.get(t) in FAILING
    ]
    return {"regressions": sorted(regressions), "fixes": sorted(fixes), "both": sorted(both)}


def _count(run: Run, outcomes: tuple[str, ...]) -> int:
    return sum(1 for outcome in run.outcomes.values() if outcome in outcomes)


def run_project(project: dict[str, Any], uv: str, wheels: str, work: Path) -> dict[str, Any]:
    name = project["name"]
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    sdist = fetch_sdist(project, work.parent / "sdists")
    source = unpack(sdist, work / "src" / name)
    python = make_environment(
        uv, project, sdist, work / "envs" / name, wheels, logs / f"{name}-install.log"
    )
    setup_seconds = time.perf_counter() - started
    modes = [STDLIB, MOCKKIT]
    modes += [XDIST] if project.get("xdist") else []
    modes += [MODULE] if project.get("module-switch") else []
    runs = []
    for mode in modes:
        print(f"  {name} {project['version']}: {mode.name} ...", end="", flush=True)
        run = run_suite(project, mode, python, source, logs)
        print(f" {len(run.outcomes)} tests, {run.seconds:.1f} s {run.problem}", flush=True)
        runs.append(run)
    base = runs[0]
    result: dict[str, Any] = {
        "name": name,
        "version": project["version"],
        "kind": project["kind"],
        "exercises": project["exercises"],
        "setup_seconds": round(setup_seconds, 1),
        "ignored": project.get("ignore", []),
        "deselected": project.get("deselect", []),
        "runs": [],
    }
    for run in runs:
        entry: dict[str, Any] = {
            "mode": run.mode,
            "seconds": round(run.seconds, 2),
            "cpu_seconds": round(run.cpu, 2),
            "exitstatus": run.exitstatus,
            "tests": len(run.outcomes),
            "passed": _count(run, PASSING),
            "failed": _count(run, FAILING),
            "skipped": _count(run, ("skipped",)),
            "mock_modules": run.mock_modules,
            "problem": run.problem,
            "outcomes": run.outcomes,
        }
        if run is not base:
            diff = compare(base, run)
            entry["speedup"] = round(base.seconds / run.seconds, 2) if run.seconds else None
            entry["cpu_speedup"] = round(base.cpu / run.cpu, 2) if run.cpu else None
            entry["regressions"] = [
                {"test": test, "outcome": run.outcomes.get(test, "missing"),
                 "failure": run.failures.get(test, "")}
                for test in diff["regressions"]
            ]  # fmt: skip
            entry["fixes"] = diff["fixes"]
            entry["failing_on_both"] = diff["both"]
        result["runs"].append(entry)
    result["stdlib_failures"] = {
        t: base.failures.get(t, "") for t, o in base.outcomes.items() if o in FAILING
    }
    return result


# -- reporting ------------------------------------------------------------------------------

COLUMNS = (
    "project",
    "version",
    "run",
    "tests",
    "stdlib s",
    "mockkit s",
    "speed-up",
    "stdlib cpu",
    "mockkit cpu",
    "cpu speed-up",
    "regr.",
    "fixes",
    "both fail",
)


def _speedup(run: dict[str, Any], key: str = "speedup") -> str:
    """The standard library's time over this run's; none for a run that did not finish."""
    return "-" if run["problem"] or not run[key] else f"{run[key]:.2f}x"


def table(results: list[dict[str, Any]]) -> str:
    rows = [COLUMNS]
    for project in results:
        base = project["runs"][0]
        for run in project["runs"][1:]:
            rows.append((
                project["name"], project["version"], run["mode"], str(base["tests"]),
                f"{base['seconds']:.1f}", f"{run['seconds']:.1f}", _speedup(run),
                f"{base['cpu_seconds']:.1f}", f"{run['cpu_seconds']:.1f}",
                _speedup(run, "cpu_speedup"),
                str(len(run["regressions"])) + (" !" if run["problem"] else ""),
                str(len(run["fixes"])), str(len(run["failing_on_both"])),
            ))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


# Enough failures to see what broke; the rest are in the --json file.
SHOWN_REGRESSIONS = 10


def verdict(results: list[dict[str, Any]]) -> int:
    """Print what went wrong, and return the exit status: 1 when anything did."""
    bad = 0
    for project in results:
        for run in project["runs"]:
            label = f"{project['name']} ({run['mode']})"
            if run["problem"]:
                bad += 1
                print(f"\n{label}: {run['problem']}")
            regressions = run.get("regressions", [])
            bad += len(regressions)
            for regression in regressions[:SHOWN_REGRESSIONS]:
                print(f"\nREGRESSION {label}: {regression['test']} [{regression['outcome']}]")
                print("    " + "\n    ".join(regression["failure"].splitlines()[-12:]))
            if len(regressions) > SHOWN_REGRESSIONS:
                print(
                    f"\n... and {len(regressions) - SHOWN_REGRESSIONS} more regressions in {label}"
                )
    return 1 if bad else 0


def summary(
    results: list[dict[str, Any]], name: str, started: str, seconds: float
) -> dict[str, Any]:
    """What the docs show: no per-test outcomes, only the counts and the tests that differ."""
    projects = []
    for project in results:
        runs = []
        for run in project["runs"]:
            short = {k: v for k, v in run.items() if k not in ("outcomes", "mock_modules")}
            if "regressions" in short:
                short["regressions"] = [r["test"] for r in run["regressions"]]
            runs.append(short)
        fields = ("name", "version", "kind", "exercises", "ignored", "deselected")
        projects.append({**{k: project[k] for k in fields}, "runs": runs})
    return {
        "python": name,
        "python_version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "date": started,
        "session_seconds": round(seconds, 1),
        "projects": projects,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uv", default=_uv(), help="the uv that makes the environments")
    parser.add_argument(
        "--wheels", required=True, help="directory of mockkit's wheels, built from this checkout"
    )
    parser.add_argument(
        "--name",
        default=f"{sys.version_info[0]}.{sys.version_info[1]}",
        help="the Python's name in file names (3.12)",
    )
    parser.add_argument("--only", nargs="*", default=[], help="run only these projects")
    parser.add_argument(
        "--work",
        type=Path,
        help="downloads, sources, environments and logs (build/realworld/work/NAME)",
    )
    parser.add_argument("--json", type=Path, help="every outcome (build/realworld/NAME.json)")
    parser.add_argument(
        "--results", type=Path, help="the summary the docs show (realworld/results/NAME.json)"
    )
    parser.add_argument(
        "--docs", action="store_true", help="then regenerate docs/realworld.rst from the results"
    )
    options = parser.parse_args(argv)
    projects = load_manifest()
    unknown = set(options.only) - {p["name"] for p in projects}
    if unknown:
        parser.error(f"not in the manifest: {', '.join(sorted(unknown))}")
    chosen = [p for p in projects if not options.only or p["name"] in options.only]
    work = options.work or ROOT / "build" / "realworld" / "work" / options.name
    output = options.json or ROOT / "build" / "realworld" / f"{options.name}.json"
    started, clock = time.strftime("%Y-%m-%d"), time.perf_counter()
    print(f"real-world corpus on Python {platform.python_version()}: {len(chosen)} projects")
    results = [run_project(p, options.uv, options.wheels, work) for p in chosen]
    seconds = time.perf_counter() - clock
    output.parent.mkdir(parents=True, exist_ok=True)
    # The summary's header, with every run's outcomes.
    detail = summary(results, options.name, started, seconds) | {"projects": results}
    output.write_text(json.dumps(detail, indent=1) + "\n")
    if options.results and not options.only:  # a partial run does not replace the docs' figures
        options.results.parent.mkdir(parents=True, exist_ok=True)
        options.results.write_text(
            json.dumps(summary(results, options.name, started, seconds), indent=1) + "\n"
        )
        if options.docs:  # before the verdict: a run with regressions is documented too
            import render_docs

            render_docs.main()
    print()
    print(table(results))
    tests = sum(project["runs"][0]["tests"] for project in results)
    print(f"\n{tests} tests a run; {seconds:.0f} s in all; every outcome in {output}")
    return verdict(results)


if __name__ == "__main__":
    sys.exit(main())
