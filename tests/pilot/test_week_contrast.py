"""The week's blocks read in every theme: white on the activity colours was 2:1 to 3.7:1
(exercise green, work amber, clinic green, study blue)."""

from __future__ import annotations

from rankplan.tui.contrast import ratio
from rankplan.tui.labels import ACTIVITY_KEYS


def test_every_block_reads() -> None:
    from rankplan.tui.widgets.week_grid import text_on

    for activity, (_, _, _, colour) in ACTIVITY_KEYS.items():
        if not colour:
            continue
        rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        text = text_on(colour)
        fg = tuple(int(text[i:i + 2], 16) for i in (1, 3, 5))
        assert ratio(fg, rgb) >= 4.5, (activity, colour, text, round(ratio(fg, rgb), 2))


async def test_the_grid_draws_them_so(plan_file) -> None:
    from rankplan.tui.app import RankPlanApp
    from rankplan.tui.widgets.week_grid import WeekGrid

    app = RankPlanApp(plan_file("schema = 1\n"))  # the advisors' template week
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        grid = app.screen.query_one(WeekGrid)
        grid.screen.set_focus(None)
        await pilot.pause()
        checked = 0
        for y in range(1, 4):
            for segment in grid.render_line(y):
                style = segment.style
                if segment.text.strip() and style and style.bgcolor and style.color:
                    fg = style.color.get_truecolor()
                    bg = style.bgcolor.get_truecolor()
                    assert ratio(tuple(fg), tuple(bg)) >= 4.5, segment.text
                    checked += 1
        assert checked >= 10
