"""Import time, measured in fresh interpreters with ``-X importtime``.

Each run records two numbers for the one ``import`` statement: the cumulative time
``-X importtime`` reports (wall clock) and the CPU time the interpreter spent in the statement.
They agree on an idle machine; on a busy one the wall-clock figure also counts the time the
process sat preempted, so the runner's ``--clock`` (CPU by default) picks which one is compared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from dataclasses import dataclass, field

from .harness import round_order

_MARK = "@@mkbench-import@@"
_CPU = "@@mkbench-cpu@@"


@dataclass
class ImportResult:
    """Milliseconds per key (a role or ``pkg:<name>``), one value per run, runs interleaved.

    ``samples`` holds the figure chosen by the clock, ``importtime`` always the
    ``-X importtime`` one.
    """

    samples: dict[str, list[float]] = field(default_factory=dict)
    importtime: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def median(self, key: str) -> float | None:
        values = self.samples.get(key)
        return statistics.median(values) if values else None


def parse_importtime(stderr: str) -> float:
    """Milliseconds of the imports made after the marker: the sum of the top-level entries.

    ``-X importtime`` prints one line per module, ``self | cumulative | name``, children
    indented under their importer; the top-level lines' cumulative times cover everything the
    measured ``import`` statement loaded (interpreter start-up imports come before the marker).
    """
    total_us, seen = 0, False
    _, found, after = stderr.partition(_MARK)
    if not found:
        raise ValueError("marker not found in -X importtime output")
    for line in after.splitlines():
        if not line.startswith("import time:"):
            continue
        fields = line.split("|")
        if len(fields) != 3 or not fields[1].strip().isdigit():
            continue  # the header line
        name = fields[2]
        if len(name) - len(name.lstrip(" ")) == 1:
            total_us += int(fields[1])
            seen = True
    if not seen:
        raise ValueError("no import recorded (already imported at start-up?)")
    return total_us / 1000.0


def parse_cpu(stderr: str) -> float:
    """Milliseconds of CPU time the child reported for the import statement."""
    _, found, after = stderr.partition(_CPU)
    if not found:
        raise ValueError("CPU time not found in the output")
    return float(after.split()[0]) * 1000.0


def import_ms(
    module: str, python: str = sys.executable, path: str | None = None
) -> tuple[float, float]:
    """One fresh-interpreter measurement of ``import module``: (importtime ms, CPU ms)."""
    setup = f"import sys; sys.path.insert(0, {path!r})" if path else "import sys"
    code = "; ".join(
        [
            setup,
            "from time import process_time as t",  # a built-in module: imports nothing
            f"sys.stderr.write({_MARK!r} + '\\n')",
            "sys.stderr.flush()",
            "c = t()",
            f"import {module}",
            "c = t() - c",
            f"sys.stderr.write({_CPU!r} + ' %r\\n' % c)",
        ]
    )
    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # The warm-up run must be able to write bytecode caches, or every run would compile.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.run(
        [python, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["(no output)"]
        raise RuntimeError(f"import {module} failed: {tail[0]}")
    return parse_importtime(proc.stderr), parse_cpu(proc.stderr)


def run_imports(
    names: dict[str, str], paths: dict[str, str | None], runs: int, clock: str = "cpu"
) -> ImportResult:
    """Measure every module ``runs`` times, interleaved, after one discarded warm-up run.

    ``names`` maps a result key to a module name (two keys may name the same module: a
    self-check), ``paths`` a key to an extra ``sys.path`` entry or None. The warm-up writes the
    bytecode caches, so every counted run loads the same files. Samples of one run index are
    paired across keys.
    """
    result = ImportResult()
    for key, module in names.items():
        try:
            import_ms(module, path=paths.get(key))
        except (RuntimeError, ValueError) as exc:
            result.errors[key] = str(exc)
    live = [key for key in names if key not in result.errors]
    for key in live:
        result.samples[key], result.importtime[key] = [], []
    for index in range(runs):
        for key in round_order(live, index):
            try:
                wall, cpu = import_ms(names[key], path=paths.get(key))
            except (RuntimeError, ValueError) as exc:
                result.errors[key] = str(exc)
                del result.samples[key], result.importtime[key]
                live.remove(key)
                continue
            result.samples[key].append(cpu if clock == "cpu" else wall)
            result.importtime[key].append(wall)
    return result
