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
from hypothesis import given, settings
from hypothesis import strategies as st
from textual._compositor import Compositor
from textual.geometry import Region

import rankplan.tui.screens.base as base
from rankplan.tui.app import RankPlanApp
from rankplan.tui.compositor import PlanCompositor, changed_rows


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


def _overlapping_rows(shown, changed) -> tuple[int, int] | None:
    """The rows from the first changed region's overlap with ``shown`` to the last, found
    by asking each region (as PlanCompositor did before ``changed_rows``)."""
    top = bottom = None
    for each in changed:
        if shown.overlaps(each):
            y1, y2 = max(shown.y, each.y), min(shown.bottom, each.bottom)
            top = y1 if top is None else min(top, y1)
            bottom = y2 if bottom is None else max(bottom, y2)
    return None if top is None else (top, bottom)


regions = st.builds(Region, st.integers(0, 30), st.integers(0, 30), st.integers(1, 30),
                    st.integers(1, 12))


@settings(deadline=None)  # a loaded machine is no reason to fail
@given(regions, st.lists(regions, min_size=1, max_size=20))
def test_changed_rows_are_the_rows_each_region_overlaps(shown, changed) -> None:
    written: dict[int, list[tuple[int, int]]] = {}
    for each in changed:
        for y in range(each.y, each.bottom):
            written.setdefault(y, []).append((each.x, each.right))
    rows = changed_rows(shown, sorted(written), written)
    expected = _overlapping_rows(shown, changed)
    if expected is None:
        assert rows == []
    else:
        top, bottom = expected
        assert rows == [y for y in range(top, bottom) if y in written]
