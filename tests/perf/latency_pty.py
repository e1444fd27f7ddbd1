"""Key latency in a real pseudo-terminal: from a key's bytes written to the terminal to the
LAST output that key causes.

    python tests/perf/latency_pty.py [--presses 40] [--rounds 2] [--only NAME]

latency.py drives the app through Pilot, headless, and times from the key event reaching the
app. Here the real ``rankplan`` runs in a pty of 120x40, as a user starts it, and the clock
runs from writing the key's bytes (before Textual's input thread has read them) to the last
chunk of output that arrives before SETTLE seconds of quiet: the moment the user has seen all
the key does, the driver's threads and the terminal write included, and nothing of Pilot's
(whose ``press`` and ``pause`` queue work on every widget of the screen).

Each scenario gets a fresh app per round, started, left idle while it builds its other
screens, taken to its starting point, and taken once through its keys untimed (a first visit
is start-up work, timed by latency.py). The bare Textual app of bare_keys.py, whose key changes
one line, is measured in every round too, so a busy hour slows both alike. Prints the median
and 90th percentile per case and its ratio to the bare key. Nothing is asserted.

Text cursors do not blink (the apps run through noblink.py): a blink comes every half second
whatever the keys do, and one that fell in a key's quiet window was taken for its last output
(the palette's search field, kept from one opening to the next, blinked inside it one time in
two: 12 ms or 250 ms).
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from genplan import generate_plan  # noqa: E402
from startup_pty import COLUMNS, LINES, add_before_option, compile_trees, pty_env, spawn  # noqa: E402

SETTLE = 0.25  # seconds of quiet after a key: its last output has come (autosave waits 0.5)
IDLE = 3.0  # seconds after the first frame: the app builds its other screens meanwhile
NO_OUTPUT = 2.0  # seconds without any output after a key: the key is lost
NOBLINK = [sys.executable, str(HERE / "noblink.py")]  # each app runs through it

KEYS = {
    "down": b"\x1b[B", "up": b"\x1b[A", "escape": b"\x1b", "ctrl+p": b"\x10",
    "f1": b"\x1bOP", "f2": b"\x1bOQ", "f3": b"\x1bOR", "f4": b"\x1bOS", "f5": b"\x1b[15~",
    "f7": b"\x1b[18~", "shift+tab": b"\x1b[Z", "enter": b"\r", "backspace": b"\x7f",
}

# name: (keys to the starting point, keys pressed in turn, the keys timed: None for all)
Scenario = tuple[list[str], list[str], set[str] | None]
SCENARIOS: dict[str, Scenario] = {
    "reorder on Rank list": (["f4"], ["J", "J", "K", "K"], None),
    "block on Schedule": (["f5"], ["s", "q"], None),
    "Debrief list down/up": (["f3", "escape"], ["down", "up"], None),
    # down through 8 interviews and back: records of every kind, as a user goes through them
    "Debrief list, walking": (["f3", "escape"], ["down"] * 8 + ["up"] * 8, None),
    # the notes (the form's last field) made the box's height, 4 lines (f7 selects all
    # the text, which the first line replaces); then a fifth line, and back
    "notes past the box's height": (
        ["f3", "escape", "shift+tab", "f7", "1", "enter", "2", "enter", "3", "enter", "4"],
        ["enter", "backspace"], None),
    "later visit F2-F5": (["f3", "f4", "f5", "f2"], ["f3", "f4", "f5", "f2"], None),
    "help F1 (Rank list)": (["f4"], ["f1", "escape"], {"f1"}),
    "palette ctrl+p": ([], ["ctrl+p", "escape"], {"ctrl+p"}),
}
BARE: dict[str, Scenario] = {
    "bare Textual app, a key": ([], ["a", "b"], None),
    "bare Textual app, ctrl+p": ([], ["ctrl+p", "escape"], {"ctrl+p"}),
}


class Terminal:
    """``argv`` on a pty of COLUMNS x LINES; reads everything it writes."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: str) -> None:
        self.pid, self.fd = spawn(argv, env, cwd)

    def read(self, timeout: float) -> float | None:
        """Wait up to ``timeout`` for output and read it: the time it came, or None."""
        if not select.select([self.fd], [], [], max(0.0, timeout))[0]:
            return None
        try:
            if not os.read(self.fd, 1 << 16):
                raise RuntimeError("the app closed its terminal")
        except OSError as exc:
            raise RuntimeError("the app closed its terminal") from exc
        return time.perf_counter()

    def wait_for(self, marker: bytes, timeout: float = 30.0) -> None:
        seen, end = b"", time.perf_counter() + timeout
        while marker not in seen:
            if time.perf_counter() > end:
                raise RuntimeError(f"no {marker!r} within {timeout} s")
            if select.select([self.fd], [], [], 0.5)[0]:
                seen = seen[-len(marker):] + os.read(self.fd, 1 << 16)

    def quiet(self, seconds: float) -> None:
        """Read until ``seconds`` pass with no output."""
        while self.read(seconds) is not None:
            pass

    def key(self, key: str) -> float | None:
        """Press ``key``: seconds to the last output before SETTLE of quiet (None: none came)."""
        start = time.perf_counter()
        os.write(self.fd, KEYS.get(key, key.encode()))
        last = self.read(NO_OUTPUT)
        if last is None:
            return None
        while (came := self.read(last + SETTLE - time.perf_counter())) is not None:
            last = came
        return last - start

    def close(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def run_case(argv: list[str], marker: bytes, env: dict[str, str], cwd: str,
             scenario: Scenario, presses: int) -> tuple[list[float], int]:
    """Samples of the scenario's timed keys in one fresh app, and how many keys were lost."""
    setup, keys, timed = scenario
    term = Terminal(argv, env, cwd)
    samples, lost = [], 0
    try:
        term.wait_for(marker)
        term.quiet(IDLE)
        for key in setup:
            term.key(key)
            term.quiet(0.5)
        for key in keys:  # once through, untimed
            term.key(key)
        for i in range(presses):
            key = keys[i % len(keys)]
            took = term.key(key)
            if timed is None or key in timed:
                if took is None:
                    lost += 1
                else:
                    samples.append(took)
    finally:
        term.close()
    return samples, lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40, help="keys per case and round")
    parser.add_argument("--rounds", type=int, default=2,
                        help="fresh apps per case, taken in turn with the other cases")
    parser.add_argument("--sizes", default="15,300", help="plan sizes, comma-separated")
    parser.add_argument("--only", choices=list(SCENARIOS), action="append")
    add_before_option(parser)
    args = parser.parse_args()
    compile_trees(args.before)
    folder = Path(tempfile.mkdtemp(prefix="rankplan-latency-pty-"))
    env = pty_env(folder)
    cases: dict[tuple[str, str], tuple[list[str], bytes, Scenario, dict[str, str]]] = {}
    for name, scenario in BARE.items():
        cases[(name, "-")] = ([*NOBLINK, str(HERE / "bare_keys.py")], b"hello", scenario,
                              env)
    for name, scenario in SCENARIOS.items():
        if args.only and name not in args.only:
            continue
        for n in (int(size) for size in args.sizes.split(",")):
            plan = folder / f"plan-{n}.toml"
            if not plan.exists():
                plan.write_text(generate_plan(n), encoding="utf-8")
            argv = [*NOBLINK, "-m", "rankplan", "--file", str(plan)]
            cases[(name, str(n))] = (argv, b"rankplan \xc2\xb7", scenario, env)
            if args.before:
                cases[(f"{name}, before", str(n))] = (argv, b"rankplan \xc2\xb7", scenario,
                                                      {**env, "PYTHONPATH": args.before})
    samples: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    lost: dict[tuple[str, str], int] = {case: 0 for case in cases}
    for _ in range(args.rounds):
        for case, (argv, marker, scenario, case_env) in cases.items():
            got, missed = run_case(argv, marker, case_env, str(folder), scenario, args.presses)
            samples[case] += got
            lost[case] += missed

    def median(case: tuple[str, str]) -> float:
        return statistics.median(samples[case]) * 1000

    bare = median(("bare Textual app, a key", "-"))
    print(f"key to its last output in a pty ({COLUMNS}x{LINES}), {args.rounds} rounds of "
          f"{args.presses} presses, load average {os.getloadavg()[0]:.2f}")
    print(f"{'case':36} {'n':>4} {'median ms':>10} {'p90 ms':>8} {'x bare key':>10} {'lost':>5}")
    for case in cases:
        ms = sorted(s * 1000 for s in samples[case])
        p90 = ms[max(0, int(len(ms) * 0.9) - 1)] if ms else float("nan")
        med = median(case) if ms else float("nan")
        print(f"{case[0]:36} {case[1]:>4} {med:10.2f} {p90:8.2f} {med / bare:10.2f} "
              f"{lost[case]:>5}")


if __name__ == "__main__":
    main()
