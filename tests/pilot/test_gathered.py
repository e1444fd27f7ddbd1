"""gather_repaints (issue 16): the repaints of Gathered widgets asked for in one block wake
none of their message loops and are all drawn in the next frame; anything else a widget asks
for in the block (a layout, a callback) is done as Textual does it."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from helpers import on_each_drawing
from rankplan.tui.widgets.gathered import Gathered, gather_repaints


class Line(Gathered, Static):
    pass


class Lines(App):
    CSS = "Line { height: auto; }"

    def compose(self) -> ComposeResult:
        with Vertical():
            for i in range(6):
                yield Line(f"line {i}", id=f"line-{i}")
        yield Static("plain", id="plain")


def frames_of(app: App) -> list[int]:
    """Count the frames written from now on (headless: each display Textual would write)."""
    frames: list[int] = []
    real = app._display

    def counted(screen, renderable) -> None:
        if renderable is not None and not app._batch_count:
            frames.append(1)
        real(screen, renderable)

    app._display = counted  # type: ignore[method-assign]
    return frames


async def test_repaints_wake_no_widget_and_come_in_one_frame() -> None:
    app = Lines()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        lines = list(app.query(Line))
        drawn: list = []
        on_each_drawing(lines, drawn.append)
        frames = frames_of(app)
        with gather_repaints():
            for i, line in enumerate(lines):
                line.update(f"new-{i}", layout=False)  # a repaint only
            assert not app.screen._dirty_widgets  # the screen hears of them at the end
        assert all(line._message_queue.empty() for line in lines)  # no loop woken
        assert not any(line._repaint_required for line in lines)
        assert set(app.screen._dirty_widgets) == set(lines)
        await pilot.pause()
        assert frames == [1]
        assert sorted(drawn, key=lines.index) == lines  # each drawn once, in that frame
        text = app.export_screenshot()
        assert all(f"new-{i}" in text for i in range(6))


async def test_outside_a_block_textual_wakes_the_widget() -> None:
    app = Lines()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        line = app.query_one("#line-0", Line)
        line.update("new", layout=False)
        assert not line._message_queue.empty()  # Textual's Prompt
        assert line._repaint_required
        await pilot.pause()
        assert "new" in app.export_screenshot()


async def test_a_layout_or_a_callback_asked_for_in_a_block_still_happens() -> None:
    app = Lines()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tall = app.query_one("#line-1", Line)
        busy = app.query_one("#line-2", Line)
        called: list[str] = []
        with gather_repaints():
            tall.update("one\ntwo\nthree")  # auto height: a layout
            busy.update("busy", layout=False)
            busy.call_next(called.append, "next")
            with gather_repaints():  # nested: the outer block announces
                app.query_one("#line-3", Line).update("inner", layout=False)
            assert app.query_one("#line-3", Line)._repaint_required
        # Woken as Textual wakes them: the layout and the callback run in their loops.
        assert not tall._message_queue.empty() and not busy._message_queue.empty()
        await pilot.pause()
        assert called == ["next"]
        assert tall.size.height == 3
        text = app.export_screenshot()
        assert "three" in text and "busy" in text and "inner" in text


async def test_a_hidden_widget_is_not_put_in_the_frame() -> None:
    app = Lines()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        hidden = app.query_one("#line-4", Line)
        hidden.display = False
        await pilot.pause()
        with gather_repaints():
            hidden.update("hidden", layout=False)
        assert hidden not in app.screen._dirty_widgets  # as Textual's _check_refresh
        assert not hidden._repaint_required and hidden._message_queue.empty()


async def test_a_widget_mounted_in_a_block_can_repaint_others_after_it() -> None:
    """A widget mounted inside a block starts its message loop there. A refresh of another
    widget made later in that loop is not gathered: with a context variable the loop kept
    the block's gathering for good, and the repaint never reached the screen."""
    app = Lines()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        line = app.query_one("#line-0", Line)
        helper = Static("helper")
        with gather_repaints():
            app.query_one(Vertical).mount(helper)
        await pilot.pause()
        helper.call_later(line.update, "later", layout=False)  # in the helper's loop
        # A plain wait: Pilot's pause wakes every widget, which would hide a lost wake-up.
        await asyncio.sleep(0.3)
        assert not line._repaint_required
        assert "later" in app.export_screenshot()
