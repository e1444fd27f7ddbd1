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
from genplan import generate_plan  # noqa: E402

COLUMNS, LINES = 120, 40
TIMEOUT = 20.0


def time_to_marker(argv: list[str], marker: bytes, env: dict[str, str]) -> float:
    """Seconds from spawning ``argv`` in a pty to the marker arriving on the terminal."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
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
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--dooit", help="dooit's executable (in a venv of its own)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rankplan-pty-"))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS),
           "LINES": str(LINES), "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(folder / "data"),
           "XDG_CONFIG_HOME": str(folder / "config")}
    env.pop("TEXTUAL", None)
    cases: dict[str, tuple[list[str], bytes]] = {
        "bare Textual app": ([sys.executable, str(HERE / "bare.py")], b"hello"),
    }
    for n in (15, 300):
        plan = folder / f"plan-{n}.toml"
        plan.write_text(generate_plan(n), encoding="utf-8")
        cases[f"rankplan, {n} programs"] = (
            [sys.executable, "-m", "rankplan", "--file", str(plan)], b"rankplan \xc2\xb7")
    if args.dooit:
        cases["dooit"] = ([args.dooit], b"Workspaces")  # its first frame's panel title
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, (argv, marker) in cases.items():
            times[name].append(time_to_marker(argv, marker, env))
    bare = statistics.median(times["bare Textual app"])
    print(f"start to first frame in a pty ({COLUMNS}x{LINES}), median of {args.runs}")
    for name, samples in times.items():
        med = statistics.median(samples)
        print(f"{name:24} {med:7.3f} s {med / bare:6.2f}x bare")


if __name__ == "__main__":
    main()
