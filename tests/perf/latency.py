"""Keypress latency: from a key event reaching the app to the next display, headless.

    python tests/perf/latency.py [--presses 60]

For each scenario and plan size it opens ``RankPlanApp`` (through Pilot, headless), gets to
the scenario's starting point, then presses keys one at a time and records the time from
the ``events.Key`` arriving in ``App.on_event`` to the following ``post_display_hook``. A
bare Textual app with a no-op key is measured in the same run for reference. Prints the
median and 90th percentile per case and the 300/15 ratio. Timings are reported, never
asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Static

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))
from genplan import generate_plan  # noqa: E402

from rankplan.tui.app import RankPlanApp  # noqa: E402


class Stopwatch:
    """Mixed into an app: key arrival to the next display, one sample per key."""

    def _init_stopwatch(self) -> None:
        self.samples: list[float] = []
        self._key_at: float | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._key_at is None:
            self._key_at = time.perf_counter()
        await super().on_event(event)  # type: ignore[misc]

    def post_display_hook(self) -> None:
        if self._key_at is not None:
            self.samples.append(time.perf_counter() - self._key_at)
            self._key_at = None


class TimedPlanApp(Stopwatch, RankPlanApp):
    owns_process = True  # as rankplan.cli.run_tui sets it: one app, one benchmark process

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._init_stopwatch()


class Bare(Stopwatch, App):
    def __init__(self) -> None:
        super().__init__()
        self._init_stopwatch()

    def compose(self):
        yield Static("bare")

    def on_key(self, event: events.Key) -> None:
        self.query_one(Static).update(event.key)


Setup = Callable[[object], Awaitable[list[str]]]


async def measure(app, setup: Setup, presses: int) -> list[float]:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keys = await setup(pilot)
        await pilot.pause(0.2)
        app.samples.clear()
        for i in range(presses):
            await pilot.press(keys[i % len(keys)])
            await pilot.pause()
        samples = list(app.samples)
    return samples


async def rank_setup(pilot) -> list[str]:
    await pilot.press("f4")
    await pilot.pause()
    return ["J", "J", "K", "K"]  # moves down and back: the list ends as it began


async def debrief_setup(pilot) -> list[str]:
    await pilot.press("f3")
    await pilot.pause()
    pilot.app.screen.query_one("#tc-holistic-pd").focus()
    await pilot.pause()
    return ["space"]  # one debrief signal toggled on and off


async def schedule_setup(pilot) -> list[str]:
    await pilot.press("f5")
    await pilot.pause()
    return ["s", "q"]  # one block set to study, then qbank


async def bare_setup(pilot) -> list[str]:
    return ["a", "b"]


SCENARIOS: dict[str, Setup] = {
    "reorder on Rank list": rank_setup,
    "signal on Debrief": debrief_setup,
    "block on Schedule": schedule_setup,
}


def summary(samples: list[float]) -> tuple[float, float]:
    ms = sorted(s * 1000 for s in samples)
    return statistics.median(ms), ms[int(len(ms) * 0.9) - 1]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=60)
    parser.add_argument("--only", choices=list(SCENARIOS), action="append")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rankplan-latency-"))
    plans = {}
    for n in (15, 300):
        plans[n] = folder / f"plan-{n}.toml"
        plans[n].write_text(generate_plan(n), encoding="utf-8")
    bare = summary(await measure(Bare(), bare_setup, args.presses))
    print(f"key to next display, {args.presses} presses each, 120x40 headless")
    print(f"{'case':28} {'n':>4} {'median ms':>10} {'p90 ms':>8} {'vs 15':>6}")
    print(f"{'bare Textual app, no-op key':28} {'-':>4} {bare[0]:10.2f} {bare[1]:8.2f}")
    for name, setup in SCENARIOS.items():
        if args.only and name not in args.only:
            continue
        base = None
        for n, path in plans.items():
            try:
                med, p90 = summary(await measure(TimedPlanApp(path), setup, args.presses))
            except Exception as exc:  # noqa: BLE001 - a screen not built yet
                print(f"{name:28} {n:>4}  not measured: {type(exc).__name__}: {exc}")
                break
            base = base or med
            print(f"{name:28} {n:>4} {med:10.2f} {p90:8.2f} {med / base:6.2f}")


if __name__ == "__main__":
    asyncio.run(main())
