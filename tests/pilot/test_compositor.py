"""PlanCompositor (issue 16) draws fewer widgets and rows than Textual's compositor: every
frame it writes must be the one Textual's would write. Here each partial frame of a session
across the four plan screens is drawn both ways and compared, character for character, but for
a cursor move followed by nothing: Textual writes one where a changed span ends at the start of
the next widget's piece of the line, and ours skips it when it did not draw that widget (it
writes no cell)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import cells_written, on_each_drawing, on_screen
from textual._compositor import Compositor

import rankplan.tui.screens.base as base
from rankplan.tui.app import RankPlanApp
from rankplan.tui.compositor import PlanCompositor


class Checking(PlanCompositor):
    frames: list[tuple[str, str]] = []  # each partial frame: ours, Textual's

    def render_partial_update(self):
        regions = set(self._dirty_regions)
        ours = super().render_partial_update()
        if ours is not None and len(regions) > 1:
            self._dirty_regions.update(regions)
            textual = Compositor.render_partial_update(self)  # Textual's own widget choice
            console = self.root.app.console  # type: ignore[union-attr]
            self.frames.append((cells_written(ours.render_segments(console)),
                                cells_written(textual.render_segments(console))))  # type: ignore[union-attr]
        return ours


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_frame_of_a_session_is_textuals(demo_path: Path, size, monkeypatch) -> None:
    monkeypatch.setattr(base, "PlanCompositor", Checking)
    Checking.frames = []
    app = RankPlanApp(demo_path)
    async with app.run_test(size=size) as pilot:
        for keys in (["f4", "J", "J", "K", "down", "down", "K"],
                     ["f5", "s", "q", "down", "right", "s"],
                     ["f3", "down", "down", "up", "enter", "tab", "space", "escape", "down"],
                     ["f2", "tab", "tab", "x", "backspace"],
                     ["f3", "ctrl+g", "right", "escape", "up"]):
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
    assert len(Checking.frames) > 10
    for ours, textual in Checking.frames:
        assert ours == textual


async def test_a_record_change_draws_no_row_behind_its_field(demo_path: Path,
                                                             monkeypatch) -> None:
    """The form's rows and containers lie behind the changed fields: the frame that shows
    another record draws none of them."""
    from rankplan.tui.widgets.form import FieldRow

    frames: list[list] = []  # the widgets each partial frame drew
    real = PlanCompositor.render_partial_update

    def render_partial_update(self):
        frames.append([])
        return real(self)

    monkeypatch.setattr(PlanCompositor, "render_partial_update", render_partial_update)
    async with on_screen(demo_path, "f3") as (app, pilot):
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        on_each_drawing(screen._compositor.visible_widgets,
                        lambda widget: frames and frames[-1].append(widget))
        for key in ("down", "down", "up"):
            frames.clear()
            await pilot.press(key)
            await pilot.pause()
            first = frames[0]  # the record's frame (the notes, out of sight, come after it)
            assert screen.query_one("#p-name") in first and len(first) > 8
            assert not [w for w in first if isinstance(w, FieldRow) or w is screen]
