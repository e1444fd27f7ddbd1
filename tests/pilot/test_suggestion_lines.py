"""The Debrief suggestion keeps the height of the longest text shown yet (no new layout from
record to record). Choosing another interview redraws only its lines of text, the old ones
and the new (``Readout``): the blank lines below stay as drawn, and the block still reads as a
fresh drawing of the record's suggestion."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import lines_of, on_screen, spy
from textual.geometry import Region

from rankplan.tui.widgets.form import Readout
from rankplan.tui.widgets.interview_list import InterviewList

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "perf"))
from genplan import generate_plan  # noqa: E402


def drawn(box: Readout) -> list[str]:
    """The block's lines (its padding too) as its cache hands them to the screen, as text
    with styles."""
    return [repr(list(strip)) for strip in box.render_lines(Region(0, 0, *box.region.size))]


def text_height(box: Readout) -> int:
    return box.shown.get_height(box.styles, box.content_size.width)


async def test_a_shorter_suggestion_redraws_only_its_lines(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(generate_plan(40, seed=3), encoding="utf-8")
    async with on_screen(path, "f3") as (app, pilot):
        screen = app.screen
        table = screen.query_one(InterviewList)
        box = screen.query_one("#suggestion", Readout)
        heights = {}
        for row in range(table.row_count):  # every record once: the block grows to the tallest
            table.move_cursor(row=row)
            await pilot.pause()
            heights[row] = text_height(box)
        tallest = max(heights.values())
        assert box.size.height == tallest
        # It sits below the debrief signs, partly under the bottom of the form at this size:
        # in view, each of its lines is drawn on the screen.
        box.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        assert screen.query_one("#debrief-form").region.contains_region(box.region)
        short = sorted((row for row, height in heights.items() if height <= tallest - 3),
                       key=heights.__getitem__)
        first, second = short[-1], short[0]  # from a taller text to a shorter one
        assert heights[first] > heights[second], heights
        table.move_cursor(row=first)
        await pilot.pause()

        calls = spy(monkeypatch, Readout, "render_line")
        table.move_cursor(row=second)
        await pilot.pause()
        monkeypatch.undo()
        redrawn = lines_of(calls, box)
        assert redrawn and max(redrawn) < max(heights[first], heights[second])
        assert box.size.height == tallest  # no layout: the height stayed
        assert not box._styles_cache._dirty_lines  # each line marked was drawn on the screen
        shown = drawn(box)
        box.refresh()  # every line drawn again from the text
        assert drawn(box) == shown
        assert box.shown.plain.splitlines()[0].startswith("Suggested:")


async def test_a_record_change_measures_the_suggestion_once(demo_path: Path, monkeypatch) -> None:
    """Measuring a text's height wraps all of it: the new suggestion is measured once (for
    the tallest height yet and for the layout decision), the one shown not again."""
    from textual.content import Content

    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        box = screen.query_one("#suggestion", Readout)
        screen.query_one(InterviewList).action_cursor_down()  # the texts shown are measured
        await pilot.pause()
        calls = spy(monkeypatch, Content, "get_height")
        for _ in range(3):
            screen.query_one(InterviewList).action_cursor_down()
            measured = [text.plain for text, _ in calls]
            assert measured.count(box.shown.plain) == 1
            assert len(measured) == 2  # the suggestion and the record's title, once each
            calls.clear()
            await pilot.pause()
