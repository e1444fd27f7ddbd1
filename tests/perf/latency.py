"""Keypress latency: from a key event reaching the app to the LAST display it causes.

    python tests/perf/latency.py [--presses 60] [--only NAME]

For each scenario and plan size it opens ``RankPlanApp`` (through Pilot, headless), gets to
the scenario's starting point, then presses keys one at a time. After each key it waits
until the app has been quiet for ``SETTLE`` seconds and records the time from the
``events.Key`` first arriving in ``App.on_event`` to the last display before that quiet
that wrote to the terminal: a key whose work spans frames (a list highlight, then a form
refilled) counts until its last frame. Only the keys a scenario names as timed are reported (escape closing the
help is not). A bare Textual app is measured in the same run for reference (for the
palette also with as many commands as rankplan's palette lists). Prints the
median and 90th percentile per case and the 300/15 ratio. Timings are reported, never
asserted.

A text cursor's blink is not counted: it is a timer that toggles every half second whatever
the keys do, and it would otherwise land inside SETTLE after any key that leaves a text
field focused (F2's Name field). First visits are timed after IDLE_BEFORE_FIRST_VISIT of
quiet, in which the app builds the other screens as it does for a user (prebuild_screens).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.widgets import Static

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))
from genplan import generate_plan  # noqa: E402

from rankplan.cli import collect_young_less_often  # noqa: E402
from rankplan.tui.app import RankPlanApp  # noqa: E402


SETTLE = 0.25  # seconds of quiet after a key: its last display has come (autosave waits 0.5)
IDLE_BEFORE_FIRST_VISIT = 3.0  # seconds from start to a first visit's key


class Stopwatch:
    """Mixed into an app: key arrival to the last display it causes, one sample per key."""

    def _init_stopwatch(self) -> None:
        self.samples: list[tuple[str, float]] = []
        self._key: tuple[str, float] | None = None
        self._last_display: float | None = None
        self._writes = False

    async def on_event(self, event: events.Event) -> None:
        # A key no widget bound comes back to the app as it bubbles up (forwarded): the
        # time runs from its first arrival, from the terminal.
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.close_sample()
            self._key = (event.key, self.key_started(event))
            self._last_display = None
        await super().on_event(event)  # type: ignore[misc]

    def key_started(self, event: events.Key) -> float:
        """When a key's time starts (``time.perf_counter``): its arrival at the app."""
        return time.perf_counter()

    def _display(self, screen, renderable) -> None:
        # Textual calls post_display_hook also when a refresh found nothing to draw (no
        # renderable) or drew inside a batch: nothing reaches the terminal, and the user
        # sees nothing; such a "display" is not counted.
        self._writes = renderable is not None and not self._batch_count  # type: ignore[attr-defined]
        super()._display(screen, renderable)  # type: ignore[misc]

    def post_display_hook(self) -> None:
        super().post_display_hook()  # type: ignore[misc] - the app starts its deferred work there
        if self._key is not None and self._writes:
            self._last_display = time.perf_counter()

    def close_sample(self) -> None:
        """The key before is over: keep its time to its last display."""
        if self._key is not None and self._last_display is not None:
            self.samples.append((self._key[0], self._last_display - self._key[1]))
        self._key = None


class TimedPlanApp(Stopwatch, RankPlanApp):
    owns_process = True  # as rankplan.cli.run_tui sets it: one app, one benchmark process
    prebuild_screens = True  # as rankplan.cli.run_tui sets it

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


class BareMany(Bare):
    """The bare app with as many palette commands as rankplan's first screen lists (each
    with a line of help, as rankplan's have): the same list to draw, without rankplan."""

    def __init__(self, commands: int) -> None:
        super().__init__()
        self.commands = commands

    def get_system_commands(self, screen):
        own = list(super().get_system_commands(screen))
        yield from own
        for i in range(self.commands - len(own)):
            yield SystemCommand(f"Command {i + 1}", "What the command does, in a line of help",
                                lambda: None)


async def palette_size(path: Path) -> int:
    """How many commands rankplan's palette lists on its first screen."""
    app = TimedPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return len(list(app.get_system_commands(app.screen)))


Setup = Callable[[object], Awaitable[tuple[list[str], set[str] | None]]]


def private_folders() -> None:
    """Settings and data of this run's own (a theme saved by hand in the real config would
    otherwise be measured: an ANSI theme draws without Textual's colour filter)."""
    home = Path(tempfile.mkdtemp(prefix="rankplan-latency-home-"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())
    os.environ.pop("RANKPLAN_FILE", None)


def no_blinks() -> None:
    """Text cursors stay on (see the module's docstring)."""
    from textual.widgets import Input, TextArea

    Input._toggle_cursor = lambda self: None
    TextArea._toggle_cursor_blink_visible = lambda self: None


async def screens_built(app, pilot, limit: float = 15.0) -> None:
    """Wait until the screens built while idle after start-up are all built (keys pressed
    meanwhile wait for a build's chunk of work: that is start-up, not these keys)."""
    waited = 0.0
    while (getattr(app, "_unbuilt", None) or getattr(app, "_building", None)) and waited < limit:
        await pilot.pause(0.1)
        waited += 0.1


async def measure(app, setup: Setup, presses: int) -> list[float]:
    """Samples of the timed keys (all keys when the setup names none)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keys, timed = await setup(pilot)
        await pilot.pause(0.3)
        await screens_built(app, pilot)
        app.close_sample()
        app.samples.clear()
        for i in range(presses):
            await pilot.press(keys[i % len(keys)])
            await pilot.pause(SETTLE)
        app.close_sample()
        samples = [t for key, t in app.samples if timed is None or key in timed]
    return samples


async def first_visit(path: Path, key: str, runs: int) -> list[float]:
    """A screen's first visit: one fresh app per sample, the key pressed once it is ready
    (after the idle work that follows the first frame has had time to run)."""
    samples = []
    for _ in range(runs):
        app = TimedPlanApp(path)

        async def setup(pilot, key=key):
            await pilot.pause(IDLE_BEFORE_FIRST_VISIT)
            return [key], {key}

        samples += await measure(app, setup, 1)
    return samples


async def rank_setup(pilot):
    await pilot.press("f4")
    await pilot.pause()
    return ["J", "J", "K", "K"], None  # moves down and back: the list ends as it began


async def debrief_setup(pilot):
    await pilot.press("f3")
    await pilot.pause()
    pilot.app.screen.query_one("#tc-holistic-pd").focus()
    await pilot.pause()
    return ["space"], None  # one debrief signal toggled on and off


async def debrief_list_setup(pilot):
    await pilot.press("f3")
    await pilot.pause()
    await pilot.press("escape")  # focus on the interview list
    await pilot.pause()
    return ["down", "up"], None  # select the next interview, then back


async def debrief_walk_setup(pilot):
    await debrief_list_setup(pilot)
    # down through 8 interviews and back: records of every kind, as a user goes through them
    return ["down"] * 8 + ["up"] * 8, None


async def notes_setup(pilot):
    await pilot.press("f3")
    await pilot.pause()
    notes = pilot.app.screen.query_one("#p-notes")
    notes.focus()
    notes.text = "one\ntwo\nthree\nfour"  # the box's height, 4 lines inside its border
    notes.move_cursor(notes.document.end)
    await pilot.pause()
    return ["enter", "backspace"], None  # a fifth line, which the box scrolls to, and back


async def schedule_setup(pilot):
    await pilot.press("f5")
    await pilot.pause()
    return ["s", "q"], None  # one block set to study, then qbank


async def switch_setup(pilot):
    for key in ("f3", "f4", "f5", "f2"):  # every screen built and visited once
        await pilot.press(key)
        await pilot.pause()
    return ["f3", "f4", "f5", "f2"], None


async def help_setup(pilot):
    await pilot.press("f4")
    await pilot.pause()
    return ["f1", "escape"], {"f1"}


async def palette_setup(pilot):
    return ["ctrl+p", "escape"], {"ctrl+p"}


async def bare_setup(pilot):
    return ["a", "b"], None


SCENARIOS: dict[str, Setup] = {
    "reorder on Rank list": rank_setup,
    "signal on Debrief": debrief_setup,
    "block on Schedule": schedule_setup,
    "Debrief list down/up": debrief_list_setup,
    "Debrief list, walking": debrief_walk_setup,
    "notes past the box's height": notes_setup,
    "later visit F2-F5": switch_setup,
    "help F1 (Rank list)": help_setup,
    "palette ctrl+p": palette_setup,
}


FIRST_VISITS = {"f3": "visit Debrief", "f4": "visit Rank list", "f5": "visit Schedule",
                "ctrl+p": "palette, ctrl+p"}  # a first visit's key, and what it opens


def summary(samples: list[float]) -> tuple[float, float]:
    ms = sorted(s * 1000 for s in samples)
    return statistics.median(ms), ms[int(len(ms) * 0.9) - 1]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=60)
    parser.add_argument("--only", choices=list(SCENARIOS), action="append")
    parser.add_argument("--first-visits", type=int, default=7, metavar="RUNS",
                        help="fresh apps per first-visit figure (0: skip them)")
    parser.add_argument("--first-keys", default=",".join(FIRST_VISITS),
                        help="the keys timed at a first visit, comma-separated "
                        f"(of {', '.join(FIRST_VISITS)})")
    args = parser.parse_args()
    private_folders()
    no_blinks()
    folder = Path(tempfile.mkdtemp(prefix="rankplan-latency-"))
    plans = {}
    for n in (15, 300):
        plans[n] = folder / f"plan-{n}.toml"
        plans[n].write_text(generate_plan(n), encoding="utf-8")
    bare = summary(await measure(Bare(), bare_setup, args.presses))
    bare_palette = summary(await measure(Bare(), palette_setup, args.presses))
    commands = await palette_size(plans[15])
    bare_many = summary(await measure(BareMany(commands), palette_setup, args.presses))
    print(f"key to its last display, {args.presses} presses each, 120x40 headless")
    print(f"{'case':28} {'n':>4} {'median ms':>10} {'p90 ms':>8} {'vs 15':>6}")
    print(f"{'bare Textual app, a key':28} {'-':>4} {bare[0]:10.2f} {bare[1]:8.2f}")
    print(f"{'bare Textual app, ctrl+p':28} {'-':>4} {bare_palette[0]:10.2f} "
          f"{bare_palette[1]:8.2f}")
    print(f"{f'bare app, ctrl+p, {commands} commands':28} {'-':>4} {bare_many[0]:10.2f} "
          f"{bare_many[1]:8.2f}")
    collect_young_less_often()  # as run_tui does (the bare apps, measured before, keep Python's)
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
    if args.first_visits:
        for key in args.first_keys.split(","):
            for n, path in plans.items():
                med, p90 = summary(await first_visit(path, key, args.first_visits))
                print(f"{'first ' + FIRST_VISITS[key]:28} {n:>4} {med:10.2f} {p90:8.2f}")


if __name__ == "__main__":
    asyncio.run(main())
