"""Issue 16: an edit in the Debrief form redraws its own row of the interview list, drawn
right, and leaves the other rows' drawing alone (DataTable.update_cell redrew them all)."""

from __future__ import annotations

from pathlib import Path

from helpers import on_screen

from rankplan.tui.widgets.interview_list import InterviewList


def lines(table: InterviewList) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_an_edit_redraws_its_row_only(demo_path: Path) -> None:
    async with on_screen(demo_path, "f3") as (app, pilot):
        table = app.screen.query_one(InterviewList)
        await pilot.press("down")
        await pilot.pause()
        box = app.screen.query_one("#p-would_not_attend")
        box.focus()  # the list, no longer focused, is drawn again once
        await pilot.pause()
        before = lines(table)
        row = table.cursor_row + 1  # under the header
        current = app.screen.current
        renders = []
        original = table._render_line_in_row
        table._render_line_in_row = lambda *a, **k: (renders.append(a[0]),
                                                      original(*a, **k))[1]
        await pilot.press("space")  # "I would not attend": the row shows × and strikes
        await pilot.pause()
        after = lines(table)
        assert app.plan.program(current).would_not_attend
        assert "×" in after[row] and "×" not in before[row]
        assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [row]
        assert set(renders) == {table._row_locations.get_key(table.cursor_row)}
        await pilot.press("space")  # and back: drawn as before
        await pilot.pause()
        assert lines(table) == before
