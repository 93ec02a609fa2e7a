"""nox sessions for the mockkit monorepo; `nox` alone runs what CI and README's test command run.

Our own distributions are always installed from wheels built from this checkout, with the
package index switched off for them (names like ``mock-core`` may exist on PyPI); only test
and build tools come from the index, at the versions locked in constraints/ (``nox -s lock``
recompiles the locks; nothing else changes them).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from pathlib import Path

import nox
import nox.project

nox.needs_version = ">=2024.4.15"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.error_on_external_run = True
# Reuse environments (our wheels are reinstalled each run); `tests` opts out, see there.
nox.options.reuse_venv = "yes"
nox.options.sessions = [
    "tests",
    "conformance",
    "harness",
    "lint",
    "typecheck",
    "docs",
    "build",
]

ROOT = Path(__file__).resolve().parent
PACKAGES = ("mock-core", "mock-magic", "mock-spec", "mock-patch", "mockkit", "mock-extras")
# Oldest first: the locks are compiled for the oldest (see `lock`).
ALL_PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14", "3.15")
TEST_TOOLS = ("pytest", "hypothesis")
# Tools that make their own environments (hatch) must not be pointed at the session's by
# the variables nox sets for it, or uv installs their build requirements in the wrong place.
NOT_THIS_VENV = {"VIRTUAL_ENV": None, "UV_PYTHON": None, "UV_PROJECT_ENVIRONMENT": None}
DIST = ROOT / "dist"

# A CI that is the same tomorrow: every tool a session installs, and the build backend of our
# packages, come from a lock in constraints/ (compiled from the .in file next to it by `lock`).
# The lock is applied through the environment rather than per install so that it also binds
# what nox does not install itself: the backend `uv build` and hatch fetch, and the wheels the
# tests build with pip in environments of their own.
LOCKS = ROOT / "constraints"
TOOLS_LOCK = LOCKS / "tools.txt"
LOCK_VARIABLES = ("UV_CONSTRAINT", "UV_BUILD_CONSTRAINT", "PIP_CONSTRAINT")


def _locked_by(lock: Path) -> dict[str, str]:
    """The environment that makes uv and pip take every version from ``lock``."""
    return dict.fromkeys(LOCK_VARIABLES, str(lock))


def _use_lock(session: nox.Session, name: str) -> None:
    """Make ``session`` take its tools from constraints/``name``.txt instead of the tools lock."""
    session.env.update(_locked_by(LOCKS / f"{name}.txt"))


os.environ.update(_locked_by(TOOLS_LOCK))


def _pythons() -> list[str]:
    """Interpreters to run on: all supported, or the subset named in MOCKKIT_PYTHONS."""
    chosen = os.environ.get("MOCKKIT_PYTHONS", "").replace(",", " ").split()
    unknown = sorted(set(chosen) - set(ALL_PYTHONS))
    if unknown:
        raise SystemExit(f"MOCKKIT_PYTHONS names unsupported Pythons: {' '.join(unknown)}")
    return [p for p in ALL_PYTHONS if p in chosen] or list(ALL_PYTHONS)


PYTHONS = _pythons()


def _requirements(dist: str) -> list[str]:
    """Names of the sibling distributions ``dist`` requires (not its extras)."""
    project = nox.project.load_toml(ROOT / "packages" / dist / "pyproject.toml")["project"]
    names = [re.split(r"[\s\[<>=!~;]", req, maxsplit=1)[0] for req in project["dependencies"]]
    return [name for name in names if name in PACKAGES]


def _closure(dists: list[str]) -> list[str]:
    """``dists`` and every sibling they need, transitively."""
    seen: list[str] = []
    todo = list(dists)
    while todo:
        dist = todo.pop()
        if dist not in seen:
            seen.append(dist)
            todo.extend(_requirements(dist))
    return sorted(seen, key=PACKAGES.index)


_wheels: Path | None = None


def _build_wheels(session: nox.Session) -> Path:
    """Build every package's wheel, once per nox run, into a directory of that run's own."""
    global _wheels
    if _wheels is None:
        # Private to this run: a second nox run in the same checkout must not swap them.
        wheels = Path(tempfile.mkdtemp(prefix="mockkit-wheels-"))
        atexit.register(shutil.rmtree, wheels, ignore_errors=True)
        for dist in PACKAGES:
            source = str(ROOT / "packages" / dist)
            if session.venv_backend == "uv":
                session.run("uv", "build", "--quiet", "--wheel", "--out-dir", str(wheels), source)
            else:
                session.run(
                    "python", "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--wheel-dir", str(wheels), source,
                )  # fmt: skip
        _wheels = wheels
    return _wheels


def _install_local(session: nox.Session, dists: list[str]) -> None:
    """Install ``dists`` and what they declare from local wheels only, never from the index."""
    wheels = _build_wheels(session)
    closure = _closure(dists)
    # Same version, new contents: a reused environment must not keep the old build.
    if session.venv_backend == "uv":
        fresh = [arg for dist in closure for arg in ("--reinstall-package", dist)]
    else:
        fresh = ["--force-reinstall"]
    session.install("--no-index", "--find-links", str(wheels), *fresh, *dists)


# Always a fresh environment: it must hold exactly the package and what it declares.
@nox.session(python=PYTHONS, reuse_venv=False)
@nox.parametrize("package", PACKAGES, ids=list(PACKAGES))
def tests(session: nox.Session, package: str) -> None:
    """Run one package's tests with only it and what it declares installed."""
    _install_local(session, [package])
    session.install(*TEST_TOOLS)
    session.run(
        "pytest", "--durations=5", f"packages/{package}/tests", *session.posargs,
        env={"MOCKKIT_ISOLATED": "1"},
    )  # fmt: skip


@nox.session(python=PYTHONS)
def conformance(session: nox.Session) -> None:
    """Run CPython's unittest.mock suites against mockkit, then the cross-package tests.

    Two suites: this interpreter's own, where every test its standard library passes must
    pass against mockkit (DEVIATIONS.md lists the exceptions), and the newest interpreter's,
    for the newest behaviour on every Python (tests/conformance/newest_skips.md lists what
    an older interpreter cannot run).
    """
    _install_local(session, list(PACKAGES))
    session.install(*TEST_TOOLS)
    # The runner finds the newest suite itself: the python3.N on PATH with the highest N
    # (.ci/run puts every supported interpreter there, a chroot's behind a wrapper) copies its
    # suite into a fresh directory under the temporary directory, which such a wrapper shares.
    # MOCKKIT_NEWEST_PYTHON names another interpreter; posargs go to the runner.
    session.run("python", "tests/conformance/run_cpython_suite.py", *session.posargs)
    wheels = str(_build_wheels(session))
    session.run("pytest", "--durations=5", "tests", env={"MOCKKIT_WHEELS": wheels})


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff (lint rules and formatting)."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check every package's sources (and the typing tests) with mypy --strict."""
    _use_lock(session, "typecheck")  # constraints/typecheck.in says why
    session.install("mypy", "pytest")  # pytest for the types of mockkit's pytest plugin
    session.run("mypy")  # the files and settings are in pyproject.toml
    # User code against mockkit's types, with the same settings (tests/typing/*.py says how
    # the expected errors are checked).
    session.run("mypy", str(ROOT / "tests" / "typing"))


@nox.session
def docs(session: nox.Session) -> None:
    """Build the Sphinx docs as HTML and run their examples as doctests, warnings as errors."""
    _install_local(session, ["mockkit", "mock-extras"])  # extras.rst runs mock-extras' examples
    # towncrier renders the unreleased changes/ fragments into the changelog page (docs/conf.py).
    # pytest: pytest.rst's doctests run its example test files.
    session.install("sphinx", "towncrier", "pytest")
    build = ROOT / "build" / "docs"
    for builder in ("html", "doctest"):
        session.run(
            "sphinx-build", "-W", "--keep-going", "-q", "-b", builder,
            "-d", str(build / "doctrees"), "docs", str(build / builder),
        )  # fmt: skip
    # The built reference: every public name, with the standard library's public parameters
    # and nothing private (tests/docs; --noconftest: tests/conftest.py needs hypothesis).
    session.run(
        "pytest", "--noconftest", "tests/docs", env={"MOCKKIT_DOCS_HTML": str(build / "html")}
    )


@nox.session
def build(session: nox.Session) -> None:
    """Build every package's wheel and sdist with hatch into dist/, check them, install one."""
    session.install("hatch", "twine")
    shutil.rmtree(DIST, ignore_errors=True)
    for dist in PACKAGES:
        with session.chdir(ROOT / "packages" / dist):
            session.run(
                "hatch", "build", "--target", "wheel", "--target", "sdist", str(DIST),
                env=NOT_THIS_VENV,
            )  # fmt: skip
    artifacts = sorted(DIST.iterdir())
    expected = 2 * len(PACKAGES)
    if len(artifacts) != expected:
        session.error(f"expected {expected} artifacts in dist/, found {len(artifacts)}")
    session.run("twine", "check", "--strict", *map(str, artifacts))
    # README's and getting-started's way to install one piece, run as written against what
    # was just built: into a new environment, with the index switched off.
    session.install(*TEST_TOOLS)
    session.run(
        "pytest", "-q", "tests/test_packaging.py", "-k", "documented or depend_on_nothing",
        env={"MOCKKIT_DIST": str(DIST)},
    )  # fmt: skip


# Not in the default run: `nox -s pytest-compat` checks mockkit's pytest plugin against each
# major version of pytest it supports.
@nox.session(name="pytest-compat", python=PYTHONS, reuse_venv=False)
@nox.parametrize("pytest_major", ["7", "8", "9"], ids=["pytest7", "pytest8", "pytest9"])
def pytest_compat(session: nox.Session, pytest_major: str) -> None:
    """Run mockkit's tests (its pytest plugin above all) under pytest 7, 8 and 9."""
    _use_lock(session, f"pytest{pytest_major}")  # the tools lock holds a single pytest
    _install_local(session, ["mockkit"])
    session.install(*TEST_TOOLS)
    session.run("pytest", "packages/mockkit/tests", *session.posargs, env={"MOCKKIT_ISOLATED": "1"})


@nox.session
def demo(session: nox.Session) -> None:
    """Run the example application's tests with mockkit standing in for unittest.mock."""
    _install_local(session, ["mockkit"])
    session.run("python", "examples/weather/run_demo.py")


# `.ci/pythons nox -s bench` where the machine lacks some of the Pythons (3.14 and 3.15 come
# from Debian's packages there).
@nox.session
def harness(session: nox.Session) -> None:
    """Test the benchmark harness: each scenario checks what it times, on both libraries.

    Quick rounds, nothing reported; what `nox -s bench` measures rests on these checks.
    """
    _install_local(session, list(PACKAGES))
    session.install(*TEST_TOOLS)
    session.run("pytest", "benchmarks/tests")


@nox.session(python=PYTHONS)
def bench(session: nox.Session) -> None:
    """Time mockkit against the interpreter's unittest.mock (not part of the default run)."""
    _install_local(session, list(PACKAGES))
    session.install("matplotlib")  # for --chart; the timings themselves need nothing
    session.install("pytest")  # for the row on pytest's start-up with mockkit's plugin
    version = session.python if isinstance(session.python, str) else "current"
    outputs = [
        f"--json=benchmarks/results/{version}.json",
        f"--chart=docs/_static/bench/{version}.png",
    ]
    # Results and charts feed docs/benchmarks.rst, regenerated after each run.
    session.run("python", "benchmarks/run.py", *outputs, *session.posargs)
    session.run("python", "benchmarks/render_docs.py")


# Differential and property tests, each path run by a pytest of its own (two test modules share
# a name, and each package's conftest registers its own profiles).
EXPLORED = (
    "tests/differential",
    "tests/reliability/test_reliability_faults.py",
    "packages/mock-core/tests/test_core_differential.py",
    "packages/mock-core/tests/test_core_laws.py",
    "packages/mock-magic/tests/test_magic_differential.py",
    "packages/mock-spec/tests/test_differential.py",
    "packages/mock-spec/tests/test_hypothesis_signatures.py",
    "packages/mock-patch/tests/test_differential.py",
)


# Not in the default run, which is deterministic (the conftests' default hypothesis profile is
# derandomized, without an example database). `nox -s explore-3.15` searches with new random
# examples and the large profile; what it finds becomes a regression test (an @example or a
# plain test) or a documented exclusion, never a flaky default run.
@nox.session(python=PYTHONS)
def explore(session: nox.Session) -> None:
    """Run the differential and property tests with the large, randomized hypothesis profile."""
    _install_local(session, list(PACKAGES))
    session.install(*TEST_TOOLS)
    for path in EXPLORED:
        session.run("pytest", path, *session.posargs, env={"HYPOTHESIS_PROFILE": "large"})


# Not in the default run: the locks change only on purpose. `nox -s lock` adds what a .in file
# gained and keeps every other pin; `nox -s lock -- --upgrade` (or `--upgrade-package NAME`)
# moves them. Universal locks, for every supported Python from the oldest.
@nox.session(venv_backend="uv")
def lock(session: nox.Session) -> None:
    """Recompile constraints/*.txt from constraints/*.in."""
    for source in sorted(LOCKS.glob("*.in")):
        session.run(
            "uv", "pip", "compile", "--quiet", "--universal",
            "--python-version", ALL_PYTHONS[0], "--custom-compile-command", "nox -s lock",
            str(source.relative_to(ROOT)), "-o", str(source.with_suffix(".txt").relative_to(ROOT)),
            *session.posargs,
            env=dict.fromkeys(LOCK_VARIABLES),  # the old lock must not constrain the new one
        )  # fmt: skip


# Not in the default run: it downloads pinned sdists from PyPI and runs six projects' unit
# suites two to four times each (about a quarter of an hour an interpreter on two cores).
# `.ci/pythons nox -s realworld-3.12 realworld-3.15` reruns the corpus and refreshes its figures
# in the docs; `-- --only NAME` runs some projects (and leaves the docs' figures alone).
# realworld/projects.toml lists the projects, constraints/realworld.txt pins their dependencies.
@nox.session(python=PYTHONS)
def realworld(session: nox.Session) -> None:
    """Run real projects' unit suites on the standard library and on mockkit, test by test."""
    # Every project's dependencies, and the backends that build their sdists, come from the
    # corpus lock; our wheels are built under the tools lock as everywhere else.
    corpus_lock = _locked_by(LOCKS / "realworld.txt")
    # uv makes each project's environment; installed here, not nox's, because under
    # .ci/pythons the runner runs inside the chroot of the interpreter it tests.
    session.install("uv", env=corpus_lock)
    session.install("tomli; python_version < '3.11'")  # the runner reads the TOML manifest
    version = session.python if isinstance(session.python, str) else "current"
    wheels = str(_build_wheels(session))
    session.run(
        "python", "realworld/run.py", "--wheels", wheels, "--name", version,
        # The summary of a full run feeds docs/realworld.rst, regenerated even when the run
        # fails (regressions are figures too).
        "--results", f"realworld/results/{version}.json", "--docs", *session.posargs,
        env=corpus_lock,
    )  # fmt: skip
