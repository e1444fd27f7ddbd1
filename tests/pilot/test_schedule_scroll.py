"""The Schedule scrolls as one page: its tables had their own height limit, so with more
than a handful of goals or practice scores two vertical scrollbars showed at once at 80x24,
one inside the other (and the goals table a sideways one as well)."""

from __future__ import annotations

import shutil

import pytest
from helpers import DEMO

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.schedule import ScheduleScreen

MORE = "".join(
    f'\n[[goals]]\ndomain = "exam"\ntitle = "Goal {n}: one more thing to do before the test"'
    f"\ndue = 2027-01-{n + 10:02}\n"
    + f'\n[[schedule.practice]]\ndate = 2027-01-{n + 10:02}\nform = "Form {n}"\nscore = {200 + n}\n'
    for n in range(8)
)


def scrollbars(app, axis: str = "vertical") -> list:
    """The widgets of the current screen that show a scrollbar on ``axis``."""
    return [w for w in app.screen.query("*")
            if w.display and w.region and getattr(w, f"show_{axis}_scrollbar")]


def row_in_sight(page, table) -> bool:
    """The cursor row, every line of it (a long goal wraps), is inside the page's view."""
    row = table._get_row_region(table.cursor_row)
    top = table.region.y + row.y - int(table.scroll_y)
    return page.region.y <= top and top + row.height <= page.region.bottom


@pytest.fixture(params=["demo", "empty", "demo and more"])
def plan(request, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir(mode=0o700)
    path = folder / "plan.toml"
    if request.param == "empty":
        return path  # no file: the app starts an empty plan
    shutil.copy(DEMO, path)
    if request.param == "demo and more":
        path.write_text(path.read_text(encoding="utf-8") + MORE, encoding="utf-8")
    return path


async def test_one_vertical_scrollbar_at_80x24(plan) -> None:
    app = RankPlanApp(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        main = app.screen.query_one("#schedule-main")
        for where in ("top", "end"):
            if where == "end":
                main.scroll_end(animate=False, immediate=True)
                await pilot.pause()
            assert scrollbars(app) == [main], where
            assert scrollbars(app, "horizontal") == [], where


async def test_moving_down_a_long_table_scrolls_the_page(tmp_path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir(mode=0o700)
    path = folder / "plan.toml"
    path.write_text(DEMO.read_text(encoding="utf-8") + MORE, encoding="utf-8")
    app = RankPlanApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        main = app.screen.query_one("#schedule-main")
        for table_id in ("#practice", "#goals"):
            table = app.screen.query_one(table_id)
            table.focus()
            await pilot.pause()
            main.scroll_home(animate=False, immediate=True)
            await pilot.pause()
            for _ in range(table.row_count - 1):
                await pilot.press("down")
                await pilot.pause()
                assert row_in_sight(main, table), (table_id, table.cursor_row)
            assert table.cursor_row == table.row_count - 1
            for _ in range(table.row_count - 1):
                await pilot.press("up")
            await pilot.pause()
            assert table.cursor_row == 0 and row_in_sight(main, table)
