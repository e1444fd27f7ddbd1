"""The work a key causes, counted: figures a loaded machine does not blur.

    python tests/perf/work.py [--presses 30] [--only NAME]

For each scenario of ``latency.py`` (the Debrief ones by default) and each plan size: per key,
the displays it causes, the widgets drawn (``render_lines`` calls), the fields handed back
from memory instead (``KeptLines``: a choice or a box in a look drawn before), and the lines
drawn afresh (``render_line`` calls into a widget) over those displays, the layouts
(``Screen._refresh_layout``), the restyles (``App.update_styles``), the messages handled, and
the CPU time of the app's thread from the key to its last display (``time.thread_time``:
other processes' load leaves it alone, unlike the wall-clock figures of ``latency.py``). The
last two columns are means, not medians: the garbage collections that ran inside the key's
time and the milliseconds they took (most keys have none; ``--young N`` collects the young
generation every N objects instead of as ``rankplan.cli.run_tui`` has it).

Counts are taken at the key's last display (Pilot's own callbacks to every widget, which
come after it, are not in them).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))
import latency  # noqa: E402
from genplan import generate_plan  # noqa: E402

from rankplan.cli import YOUNG_OBJECTS  # noqa: E402
from rankplan.tui.widgets.kept_lines import KeptLines  # noqa: E402

COUNTED = {
    "widgets drawn": (Widget, "render_lines"),
    "lines drawn": (Widget, "render_line"),
    "layouts": (Screen, "_refresh_layout"),
    "restyles": (App, "update_styles"),
}
counts: Counter[str] = Counter()


def count_calls() -> None:
    for name, (cls, attr) in COUNTED.items():
        original = getattr(cls, attr)

        def counted(self, *args, _original=original, _name=name, **kwargs):
            counts[_name] += 1
            return _original(self, *args, **kwargs)

        setattr(cls, attr, counted)
    dispatch = MessagePump._dispatch_message

    async def dispatched(self, message):
        counts["messages"] += 1
        return await dispatch(self, message)

    MessagePump._dispatch_message = dispatched
    kept_lines = KeptLines.render_lines

    def kept(self, crop):
        drawn = counts["widgets drawn"]
        strips = kept_lines(self, crop)
        if counts["widgets drawn"] == drawn:
            counts["kept"] += 1
        return strips

    KeptLines.render_lines = kept
    started: list[float] = []

    def collected(phase: str, info: dict) -> None:
        if phase == "start":
            started[:] = [time.perf_counter()]
        elif started:
            counts["collections"] += 1
            counts["GC ms"] += (time.perf_counter() - started[0]) * 1000

    gc.callbacks.append(collected)


class CountingApp(latency.TimedPlanApp):
    """Per key: the counts and the thread's CPU time up to the key's last display."""

    def _init_stopwatch(self) -> None:
        super()._init_stopwatch()
        self.per_key: list[dict[str, float]] = []
        self._open: dict[str, float] | None = None
        self._cpu_start = 0.0

    def end_key(self) -> None:
        if self._open is not None and self._open.get("displays"):
            self.per_key.append(self._open)
        self._open = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.end_key()
            counts.clear()
            self._cpu_start = time.thread_time()
            self._open = {"key": event.key}
        await super().on_event(event)

    def post_display_hook(self) -> None:
        super().post_display_hook()
        # Only a display that wrote to the terminal counts (latency.Stopwatch._display).
        if self._open is not None and self._writes:
            self._open = {**counts, "key": self._open["key"], "displays": self._open.get("displays", 0) + 1,
                          "CPU ms": (time.thread_time() - self._cpu_start) * 1000}


async def measure(path: Path, setup, presses: int) -> list[dict]:
    app = CountingApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keys, _ = await setup(pilot)
        await pilot.pause(0.3)
        await latency.screens_built(app, pilot)
        app._open = None
        app.per_key.clear()
        for i in range(presses):
            await pilot.press(keys[i % len(keys)])
            await pilot.pause(latency.SETTLE)
        app.end_key()
        return app.per_key


NAMES = ["displays", "widgets drawn", "kept", "lines drawn", "layouts", "restyles", "messages",
         "CPU ms"]
MEANS = ["collections", "GC ms"]


def medians(rows: list[dict]) -> dict[str, float]:
    return {**{n: statistics.median(r.get(n, 0) for r in rows) for n in NAMES},
            **{n: statistics.mean(r.get(n, 0) for r in rows) for n in MEANS}}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--only", choices=list(latency.SCENARIOS), action="append")
    parser.add_argument("--by-key", action="store_true",
                        help="a row per key of the scenario (J and K apart, say)")
    parser.add_argument("--young", type=int, metavar="N", default=YOUNG_OBJECTS,
                        help="collect the young generation every N objects "
                        f"(default {YOUNG_OBJECTS}, as rankplan.cli.run_tui)")
    args = parser.parse_args()
    latency.private_folders()
    latency.no_blinks()
    count_calls()
    latency.collect_young_less_often(args.young)  # as rankplan.cli.run_tui does, by default
    folder = Path(tempfile.mkdtemp(prefix="rankplan-work-"))
    names = args.only or ["Debrief list down/up", "signal on Debrief"]
    print(f"per key, medians of {args.presses} keys, 120x40 headless")
    print(f"{'case':24} {'n':>4} {'displays':>8} {'widgets':>8} {'kept':>5} {'lines':>6} {'layouts':>7} "
          f"{'restyles':>8} {'messages':>8} {'CPU ms':>7} {'GCs':>5} {'GC ms':>6}")
    for name in names:
        for n in (15, 300):
            path = folder / f"plan-{n}.toml"
            path.write_text(generate_plan(n), encoding="utf-8")
            rows = await measure(path, latency.SCENARIOS[name], args.presses)
            groups = {"": rows}
            if args.by_key:
                groups = {}
                for row in rows:
                    groups.setdefault(f" {row['key']}", []).append(row)
            for key, group in groups.items():
                m = medians(group)
                print(f"{name + key:24} {n:>4} {m['displays']:8.0f} {m['widgets drawn']:8.0f} {m['kept']:5.0f} "
                      f"{m['lines drawn']:6.0f} {m['layouts']:7.0f} {m['restyles']:8.0f} "
                      f"{m['messages']:8.0f} {m['CPU ms']:7.1f} {m['collections']:5.2f} "
                      f"{m['GC ms']:6.2f}", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
