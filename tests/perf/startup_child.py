"""One start-up measured from inside: run headless to the first frame, report, exit.

Usage: startup_child.py T0 bare | T0 plan PATH. Prints seconds from T0 (the parent's
time.time() just before it started this process) to the first frame, and a list of heavy
modules already imported by then.
"""

from __future__ import annotations

import sys
import time

T0 = float(sys.argv[1])
HEAVY = ("tomlkit", "rankplan.exchange", "textual.widgets._markdown", "markdown_it")


def report() -> None:
    loaded = [m for m in HEAVY if m in sys.modules]
    print(f"{time.time() - T0:.6f} {','.join(loaded) or '-'}", flush=True)


if sys.argv[2] == "bare":
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Bare(App):
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()

        def on_ready(self) -> None:
            report()
            self.exit()

    Bare().run(headless=True, size=(120, 40))
else:
    from pathlib import Path

    from rankplan.tui.app import RankPlanApp

    class Timed(RankPlanApp):
        def on_ready(self) -> None:  # runs after RankPlanApp.on_ready (handlers follow the MRO)
            report()
            self.exit()

    Timed(Path(sys.argv[3]), read_only=True).run(headless=True, size=(120, 40))
