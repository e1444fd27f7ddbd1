"""One start-up measured from inside: run headless to the first frame, report, exit.

Usage: startup_child.py T0 bare | T0 plan PATH. Prints seconds from T0 (the parent's
time.time() just before it started this process) to the first frame, seconds to the end of
start-up (the app's ``Ready`` has been handled and the parts mounted after the first frame
are in), and a list of heavy modules already imported at the first frame.

The first frame is the first call of ``post_display_hook``: the moment Textual hands a
frame to the terminal (headless, it skips only the write itself, for both apps alike).
"""

from __future__ import annotations

import sys
import time

T0 = float(sys.argv[1])
HEAVY = ("tomlkit", "rankplan.exchange", "textual.widgets._markdown", "markdown_it")
first: list[str] = []


def first_frame() -> None:
    if not first:
        loaded = [m for m in HEAVY if m in sys.modules]
        first.append(f"{time.time() - T0:.6f} {','.join(loaded) or '-'}")


def report() -> None:
    print(f"{first[0]} {time.time() - T0:.6f}", flush=True)


if sys.argv[2] == "bare":
    from bare import BareApp

    class Bare(BareApp):
        def post_display_hook(self) -> None:
            super().post_display_hook()
            first_frame()

        def on_ready(self) -> None:
            self.call_after_refresh(self.done)

        def done(self) -> None:
            report()
            self.exit()

    Bare().run(headless=True, size=(120, 40))
else:
    import gc
    from pathlib import Path

    gc.disable()  # as rankplan.cli.run_tui does; the app turns it back on once ready
    from rankplan import cli

    def timed(base):
        class Timed(base):
            def post_display_hook(self) -> None:
                super().post_display_hook()
                first_frame()

            def on_ready(self) -> None:  # runs after RankPlanApp.on_ready (MRO order)
                self.call_after_refresh(self.done)

            def done(self) -> None:
                if self.screen.query("Lazy"):  # a part still waits to be mounted
                    self.call_after_refresh(self.done)
                    return
                report()
                self.exit()

        return Timed

    # as rankplan starts it: the plan read (and its findings worked out) in a child while
    # Textual and the app are imported
    app = cli.build_app(Path(sys.argv[3]), read_only=True, subclass=timed)
    app.run(headless=True, size=(120, 40))
    app.store.close()
