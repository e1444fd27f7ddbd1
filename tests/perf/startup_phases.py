"""Where start-up time goes, phase by phase, for rankplan and a bare Textual app.

    python tests/perf/startup_phases.py [PLAN.toml] [--runs 7]

Each run is a fresh process (startup_phases.py --child ...) that times, for rankplan in the
order ``rankplan.cli.build_app`` goes: opening the plan (the store's imports, and the fork of
the child that reads, validates and checks the plan while the parent imports); importing
Textual; importing the rest of what the app needs; building the App object (for rankplan:
taking what the child sent, waiting if it is not done); and App.run until the first frame,
split into Textual's
stylesheet parsing, style application and layout. Prints medians in milliseconds and the
widget count at the first frame. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PHASES = ["open the plan", "import textual", "import the rest", "build the App",
          "run to first frame",
          "  of which: parse CSS", "  apply styles", "  lay out", "widgets at first frame"]


def child(kind: str, plan: str | None) -> None:
    start = time.perf_counter()
    if kind == "rankplan":  # as rankplan.cli.build_app does it, step by step
        import gc
        from functools import partial

        gc.disable()  # as rankplan.cli.run_tui does; the app turns it back on once ready
        from rankplan import cli, clock
        from rankplan.storage.store import PlanStore

        today = clock.today()
        # the plan read, validated and its findings worked out in a child, meanwhile
        store = PlanStore.open(Path(plan), read_only=True, ahead=True,
                               derive=partial(cli.first_findings, today=today))
    t0 = time.perf_counter()
    from textual.app import App  # noqa: F401 - what the bare app imports, timed alike
    from textual.widgets import Footer, Header, Static  # noqa: F401

    t1 = time.perf_counter()
    from textual.css.stylesheet import Stylesheet
    from textual.screen import Screen

    spent = {"parse": 0.0, "apply": 0.0, "layout": 0.0}

    def timed(cls, name, key):
        original = getattr(cls, name)

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[key] += time.perf_counter() - start

        setattr(cls, name, wrapper)

    timed(Stylesheet, "parse", "parse")
    timed(Stylesheet, "apply", "apply")
    timed(Screen, "_refresh_layout", "layout")
    result: dict[str, float] = {}

    def first_frame(app) -> None:
        if not result:
            result.update(spent)
            result["frame"] = time.perf_counter()
            result["widgets"] = len(list(app.screen.walk_children(with_self=True)))

    if kind == "bare":
        from bare import BareApp

        class Bare(BareApp):
            def post_display_hook(self) -> None:
                super().post_display_hook()
                first_frame(self)

            def on_ready(self) -> None:
                self.exit()

        t2 = time.perf_counter()
        app = Bare()
    else:
        from rankplan.tui.app import RankPlanApp

        class Timed(RankPlanApp):
            def post_display_hook(self) -> None:
                super().post_display_hook()
                first_frame(self)

            def on_ready(self) -> None:
                self.exit()

        t2 = time.perf_counter()
        findings = store.finish_reading()  # waits for the child if it is not done
        app = Timed(Path(plan), store=store, today=today, findings=findings)
        app.owns_process = True  # as rankplan.cli.build_app sets it
    t3 = time.perf_counter()
    app.run(headless=True, size=(120, 40))
    print(json.dumps({
        "open the plan": t0 - start, "import textual": t1 - t0, "import the rest": t2 - t1, "build the App": t3 - t2,
        "run to first frame": result["frame"] - t3, "  of which: parse CSS": result["parse"],
        "  apply styles": result["apply"], "  lay out": result["layout"],
        "widgets at first frame": result["widgets"],
    }))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", nargs="?", default=str(ROOT / "rankplan" / "data" / "demo.toml"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, plan = args.child
        child(kind, plan)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bytecode import compile_package

    compile_package(ROOT)  # as an install does (bytecode.py)
    home = Path(tempfile.mkdtemp(prefix="rankplan-phases-"))  # no saved theme of the user's
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache")}
    runs: dict[str, list[dict]] = {"bare": [], "rankplan": []}
    for _ in range(args.runs):  # alternating, so both see the same machine
        for kind in runs:
            out = subprocess.run([sys.executable, __file__, "--child", kind, args.plan],
                                 capture_output=True, text=True, env=env, check=True)
            runs[kind].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"start-up phases, median of {args.runs} runs; plan: {Path(args.plan).name}")
    print(f"{'phase':26} {'bare':>8} {'rankplan':>9}")
    for phase in PHASES:
        values = [statistics.median(r[phase] for r in runs[kind]) for kind in runs]
        if phase.startswith("widgets"):
            print(f"{phase:26} {values[0]:8.0f} {values[1]:9.0f}")
        else:
            print(f"{phase:26} {values[0] * 1000:8.1f} {values[1] * 1000:9.1f}  ms")


if __name__ == "__main__":
    main()
