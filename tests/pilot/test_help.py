"""Help (F1): the current screen's help, kept once built, rebuilt when its text changes."""

from __future__ import annotations

from pathlib import Path

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.help import HelpScreen


async def open_help(pilot) -> HelpScreen:
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    return pilot.app.screen


async def test_help_is_kept_and_shown_again(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        first = await open_help(pilot)
        assert "spread" in first.markdown
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RankScreen"
        assert await open_help(pilot) is first  # shown again, not rebuilt
        await pilot.press("escape", "f2")
        profile_help = await open_help(pilot)
        assert profile_help is not first and "Profile" in profile_help.markdown


async def test_help_follows_a_changed_text(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        first = await open_help(pilot)
        await pilot.press("escape")
        await pilot.pause()
        app.plan.odds.green = 4.5  # the help states the multipliers
        second = await open_help(pilot)
        assert second is not first and "× 4.5" not in first.markdown
        assert "4.5" in second.markdown


async def test_help_scrolls_and_closes_with_each_key(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        for key in ("escape", "f1", "q"):
            help_screen = await open_help(pilot)
            await pilot.press("pagedown")
            await pilot.pause()
            assert help_screen.query_one("VerticalScroll").scroll_y > 0
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.__class__.__name__ == "RankScreen"
        again = await open_help(pilot)
        assert again.query_one("VerticalScroll").scroll_y == 0  # from the top each time
