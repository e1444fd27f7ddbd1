"""Issue 16: a screen switch restyles nothing and redraws nothing that has not changed, and
what it shows is still right (a theme changed meanwhile, an edit made on another screen)."""

from __future__ import annotations

import pytest

from helpers import on_screen

from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.interview_list import InterviewList


def styles_of(screen) -> list[tuple]:
    return [(w, w.styles.color, w.styles.background, w.styles.text_style)
            for w in screen.walk_children(with_self=True)]


@pytest.mark.parametrize("key", ["f2", "f3", "f4", "f5", "f6"])
async def test_a_theme_changed_elsewhere_reaches_the_screen(demo_path, key) -> None:
    """Every screen is built, the theme changes on another one, and on the way back the
    styles are those a full restyle gives."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for screen in ("f3", "f4", "f5", "f6", "f2"):
            await pilot.press(screen)
            await pilot.pause()
        other = "f2" if key != "f2" else "f3"
        await pilot.press(other)
        await pilot.pause()
        app.theme = "textual-light" if app.current_theme.dark else "textual-dark"
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        shown = styles_of(app.screen)
        app.screen.update_node_styles(animate=False)  # what Textual's resume would have done
        assert styles_of(app.screen) == shown


async def test_no_redraw_when_nothing_changed(demo_path) -> None:
    async with on_screen(demo_path, "f3") as (app, pilot):
        table = app.screen.query_one(InterviewList)
        redraws = []
        original = table.show
        table.show = lambda *a, **k: (redraws.append(1), original(*a, **k))
        await pilot.press("f4", "f3")
        await pilot.pause()
        assert redraws == []


async def test_an_edit_elsewhere_is_shown_on_the_way_back(demo_path) -> None:
    """A name changed on the Debrief screen shows on the Rank list, which was built before."""
    async with on_screen(demo_path, "f4") as (app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        first = app.plan.rank_list.order[0]
        app.screen.query_one(InterviewList).move_cursor(
            row=app.screen.query_one(InterviewList).get_row_index(first))
        await pilot.pause()
        name = app.screen.query_one("#p-name")
        name.focus()
        name.value = "Renamed Medical Center"
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        rows = app.screen.query_one("#ranked").rows
        assert "Renamed Medical Center" in str(rows[0])
