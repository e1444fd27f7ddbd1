"""Start-up to the first frame a terminal actually receives, in a real pseudo-terminal.

    python tests/perf/startup_pty.py [--runs 11] [--dooit PATH]

Headless timings (startup.py) stop at a display that Textual may skip inside its start-up
batch. Here each app runs in a pty of 120x40 as a user would start it, and the clock stops
when the terminal has received the app's first frame: the first moment the output holds
the app's own marker text (the bare app's "hello", rankplan's title bar, dooit's
"Workspaces" panel), i.e. after the frame was written. The bare Textual app
(tests/perf/bare.py) and, if given, dooit's command are measured in the same run,
alternating, so a busy machine slows all alike. Medians and ratios to the bare app are
printed; nothing is asserted.

Peak memory is the app's own process's high-water mark of resident memory (VmHWM in
/proc/PID/status, the max RSS; a helper process the app starts is not counted), read when the
first frame has arrived and again ``--settle`` seconds later, when the work an app defers
until after its first frame (rankplan's lower half, idle imports, the document's parse) is done.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from bytecode import compile_package  # noqa: E402
from genplan import generate_plan  # noqa: E402

COLUMNS, LINES = 120, 40
TIMEOUT = 20.0


def peak_rss_mib(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MiB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for {pid}")


def spawn(argv: list[str], env: dict[str, str], cwd: str) -> tuple[int, int]:
    """Start ``argv`` on a new pty of COLUMNS x LINES, in the folder ``cwd`` (python -m
    looks in the current folder first): its pid and the pty's fd."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app
        try:
            os.chdir(cwd)
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    return pid, fd


def pty_env(folder: Path) -> dict[str, str]:
    """The environment of an app under measure: this tree's rankplan, a terminal of
    COLUMNS x LINES, and settings and data folders of its own under ``folder``."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS),
           "LINES": str(LINES), "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(folder / "data"),
           "XDG_CONFIG_HOME": str(folder / "config"), "XDG_CACHE_HOME": str(folder / "cache")}
    env.pop("TEXTUAL", None)
    env.pop("RANKPLAN_FILE", None)
    return env


def add_before_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--before", metavar="TREE",
                        help="another rankplan source tree (git archive of an older commit) "
                        "to measure in the same run, as 'before'")


def compile_trees(before: str | None) -> None:
    """Compile this tree's bytecode, and ``before``'s, as an install does (bytecode.py)."""
    compile_package(ROOT)
    if before:
        compile_package(Path(before))


def drain(fd: int, seconds: float) -> None:
    """Read and drop the app's output for ``seconds`` (a full pty would stop the app)."""
    end = time.perf_counter() + seconds
    while (left := end - time.perf_counter()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:
                return


def time_to_marker(argv: list[str], marker: bytes, env: dict[str, str],
                   settle: float) -> tuple[float, float, float]:
    """Seconds from spawning ``argv`` in a pty to the marker arriving on the terminal, and
    the app process's peak memory (MiB) then and ``settle`` seconds later."""
    start = time.perf_counter()
    pid, fd = spawn(argv, env, env["XDG_DATA_HOME"].rsplit("/", 1)[0])
    seen = b""
    found = None
    try:
        while time.perf_counter() - start < TIMEOUT:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen = seen[-len(marker):] + chunk
            if marker in seen:
                found = time.perf_counter() - start
                at_frame = peak_rss_mib(pid)
                drain(fd, settle)
                settled = peak_rss_mib(pid)
                break
    finally:
        os.kill(pid, signal.SIGTERM)
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            try:
                os.read(fd, 65536)  # drain, so the child can exit
            except OSError:
                pass
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.02)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    if found is None:
        raise RuntimeError(f"{argv[0]}: no {marker!r} within {TIMEOUT} s")
    return found, at_frame, settled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--dooit", help="dooit's executable (in a venv of its own)")
    parser.add_argument("--settle", type=float, default=2.0,
                        help="seconds after the first frame to read the peak memory again")
    parser.add_argument("--sizes", default="15,300", help="plan sizes, comma-separated")
    add_before_option(parser)
    args = parser.parse_args()
    compile_trees(args.before)
    folder = Path(tempfile.mkdtemp(prefix="rankplan-pty-"))
    env = pty_env(folder)
    cases: dict[str, tuple[list[str], bytes, dict[str, str]]] = {
        "bare Textual app": ([sys.executable, str(HERE / "bare.py")], b"hello", env),
    }
    for n in (int(size) for size in args.sizes.split(",")):
        plan = folder / f"plan-{n}.toml"
        plan.write_text(generate_plan(n), encoding="utf-8")
        argv = [sys.executable, "-m", "rankplan", "--file", str(plan)]
        cases[f"rankplan, {n} programs"] = (argv, b"rankplan \xc2\xb7", env)
        if args.before:
            cases[f"before, {n} programs"] = (argv, b"rankplan \xc2\xb7",
                                              {**env, "PYTHONPATH": args.before})
    if args.dooit:
        cases["dooit"] = ([args.dooit], b"Workspaces", env)  # its first frame's panel title
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, (argv, marker, case_env) in cases.items():
            runs[name].append(time_to_marker(argv, marker, case_env, args.settle))

    def median(name: str, i: int) -> float:
        return statistics.median(r[i] for r in runs[name])

    bare = [median("bare Textual app", i) for i in range(3)]
    print(f"start to first frame in a pty ({COLUMNS}x{LINES}), median of {args.runs}, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'':24} {'first frame':>11} {'x bare':>7} {'x dooit':>7} {'peak MiB at frame':>18}"
          f" {'x bare':>6} {f'+{args.settle:g} s':>8} {'x bare':>6}")
    for name in runs:
        t, m1, m2 = (median(name, i) for i in range(3))
        vs_dooit = f"{t / median('dooit', 0):7.2f}" if "dooit" in runs else f"{'':7}"
        print(f"{name:24} {t:9.3f} s {t / bare[0]:7.2f} {vs_dooit} {m1:18.1f} {m1 / bare[1]:6.2f}"
              f" {m2:8.1f} {m2 / bare[2]:6.2f}")


if __name__ == "__main__":
    main()
