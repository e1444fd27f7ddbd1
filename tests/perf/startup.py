"""Start-up time and peak memory of rankplan against a bare Textual app, in one run.

    python tests/perf/startup.py [--runs 15]

Runs alternate between the bare app, the demo plan and generated plans of 15, 100 and 300
programs; each is a fresh process timed from just before it starts to its first frame.
Prints medians and ratios to the bare app. Not part of the test suite: timings vary with the
machine, so they are reported, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bytecode import compile_package  # noqa: E402
from genplan import generate_plan  # noqa: E402

ROOT = HERE.parent.parent


def run_once(args: list[str]) -> tuple[float, float, str, float]:
    """(seconds to first frame, peak RSS in MiB, heavy modules loaded, seconds to the end of
    start-up) of one child."""
    t0 = time.time()
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "startup_child.py"), repr(t0), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read().decode().split()
    err = proc.stderr.read().decode()
    if status != 0 or not out:
        raise SystemExit(f"child failed ({status}): {err}")
    return float(out[0]), usage.ru_maxrss / 1024, out[1], float(out[2])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    compile_package(ROOT)  # as an install does (bytecode.py)
    folder = Path(tempfile.mkdtemp(prefix="rankplan-perf-"))
    cases: dict[str, list[str]] = {"bare Textual app": ["bare"]}
    cases["demo plan (9 programs)"] = ["plan", str(ROOT / "rankplan" / "data" / "demo.toml")]
    for n in (15, 100, 300):
        path = folder / f"plan-{n}.toml"
        path.write_text(generate_plan(n), encoding="utf-8")
        cases[f"{n} programs"] = ["plan", str(path)]
    results: dict[str, list[tuple[float, float, str, float]]] = {name: [] for name in cases}
    for name, case in cases.items():  # warm the file cache and bytecode once
        run_once(case)
    for _ in range(args.runs):
        for name, case in cases.items():
            results[name].append(run_once(case))
    bare_t = statistics.median(r[0] for r in results["bare Textual app"])
    bare_m = statistics.median(r[1] for r in results["bare Textual app"])
    print(f"start-up to first frame, median of {args.runs} alternating runs (python {sys.version.split()[0]})")
    bare_d = statistics.median(r[3] for r in results["bare Textual app"])
    print(f"{'case':26} {'frame s':>8} {'ratio':>6} {'done s':>7} {'ratio':>6} {'peak MiB':>9} {'ratio':>6}"
          "  heavy modules at first frame")
    for name, rows in results.items():
        t = statistics.median(r[0] for r in rows)
        d = statistics.median(r[3] for r in rows)
        m = statistics.median(r[1] for r in rows)
        print(f"{name:26} {t:8.3f} {t / bare_t:6.2f} {d:7.3f} {d / bare_d:6.2f} {m:9.1f} {m / bare_m:6.2f}"
              f"  {rows[-1][2]}")


if __name__ == "__main__":
    main()
