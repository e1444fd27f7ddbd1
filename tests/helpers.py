"""Constants and small helpers shared by the tests (importable: tests/ is on pythonpath)."""

from __future__ import annotations

import re
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO = ROOT / "rankplan" / "data" / "demo.toml"
CORPUS = ROOT.parent / "shared" / "corpora" / "toml-test"
TODAY = date(2026, 11, 21)


async def steady(pilot) -> None:
    """Stop every cursor blinking and save pending edits, so a snapshot does not depend on
    the moment it is taken."""
    from textual.widgets import Input, TextArea

    await pilot.app.workers.wait_for_complete()
    store = getattr(pilot.app, "store", None)
    if store is not None and store.plan is not None and hasattr(pilot.app, "flush"):
        # An edit's autosave lands half a second later, which is before or after the picture
        # depending on the machine's load: save now, so the header always says "saved".
        pilot.app.flush()
        await pilot.app.workers.wait_for_complete()
    for screen in pilot.app.screen_stack:
        for widget in screen.query("*").results():
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False
    await pilot.pause()
    await pilot.pause()  # a second turn for work scheduled after the first refresh


async def until(pilot, condition, limit: float = 30.0) -> None:
    """Wait until ``condition()`` holds (the idle build, a save): a fixed pause that suits an
    idle machine is too short on a loaded one. Fails after ``limit`` seconds."""
    waited = 0.0
    while not condition():
        assert waited < limit, f"still not so after {limit:g} s"
        await pilot.pause(0.05)
        waited += 0.05


async def title_says(pilot, state: str) -> None:
    """Wait until the title bar's save state begins with ``state`` ("saved" once an edit's
    autosave has landed, "conflict" once it found a hand edit), then for the save's
    worker to be done."""
    app = pilot.app
    await until(pilot, lambda: app.sub_title.startswith(state))
    await app.workers.wait_for_complete()
    await pilot.pause()


def press_then_steady(*keys: str):
    """A ``run_before`` for ``snap_compare`` that presses ``keys`` and then steadies."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await steady(pilot)

    return run_before


async def choose(pilot, selector: str, value) -> None:
    """Pick ``value`` in a Choice with the keyboard: open its list, move to the option, enter."""
    from rankplan.tui.widgets.choice import Choice, ChoicePicker

    choice = pilot.app.screen.query_one(selector, Choice)
    choice.focus()
    await pilot.pause()
    await pilot.press("enter")
    assert isinstance(pilot.app.focused, ChoicePicker)
    values = [v for _, v in choice.options]
    steps = values.index(value) - values.index(choice.value)
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()
    assert choice.value == value
    assert pilot.app.focused is choice


EMPTY_MOVE = re.compile(r"\x1b\[\d+;\d+H(?=\n|\x1b\[\d+;\d+H|$)")


def cells_written(frame: str) -> str:
    """A frame's terminal text without the cursor moves that write nothing after them.
    Textual writes one where a changed span ends at the start of the next widget's piece
    of the line; PlanCompositor, which does not draw a widget it knows is hidden or
    unchanged there, leaves it out. Either way no cell changes."""
    return EMPTY_MOVE.sub("", frame)


def spy(monkeypatch, owner, name: str) -> list[tuple[object, tuple]]:
    """Record each call of the method ``owner.name`` from now on: (instance, arguments)."""
    calls: list[tuple[object, tuple]] = []
    real = getattr(owner, name)

    def record(self, *args):
        calls.append((self, args))
        return real(self, *args)

    monkeypatch.setattr(owner, name, record)
    return calls


def lines_of(calls: list[tuple[object, tuple]], widget) -> list[int]:
    """The lines ``widget`` drew, from a spy on ``render_line``."""
    return [args[0] for who, args in calls if who is widget]


def on_each_drawing(widgets, seen) -> None:
    """Call ``seen(widget)`` each time one of ``widgets`` is drawn (its ``render_lines``)."""
    for widget in widgets:
        def counted(crop, widget=widget, draw=widget.render_lines):
            seen(widget)
            return draw(crop)
        widget.render_lines = counted


@asynccontextmanager
async def on_screen(path: Path, key: str):
    """The usual opening of a Pilot test: rankplan on ``path`` at 120x40, ``key`` (F2-F5)
    pressed and its screen shown. Yields the app and its pilot."""
    from rankplan.tui.app import RankPlanApp

    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        yield app, pilot
