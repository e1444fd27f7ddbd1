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


async def test_f1_in_a_dialog_opens_its_help_and_its_footer_shows_its_keys(
        demo_path: Path) -> None:
    """Over a dialog, F1 did nothing and the footer below listed the Rank list's keys
    ("x Take off"), none of which work while the dialog is open."""
    from rankplan.tui.screens.exchange_dialogs import ExportDialog
    from rankplan.tui.widgets.footer import KeyFooter

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        keys = dialog.query_one(KeyFooter).items
        assert keys and keys[0].key == "escape" and keys[0].width > 0
        assert "x" not in [k.key for k in keys]
        shown = await open_help(pilot)
        assert "# Export the plan" in shown.markdown and "escape" in shown.markdown
        assert shown.markdown.count("## Everywhere") == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog  # help closed, the dialog still open


async def test_help_on_the_cannot_open_view_explains_it_once(plan_file) -> None:
    """The cannot-open view had no help of its own: F1 showed the general keys twice."""
    app = RankPlanApp(plan_file('schema = 1\n[profile]\nnmae = "Sam"\n'))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = await open_help(pilot)
        assert "Read again" in shown.markdown and "Restore backup" in shown.markdown
        assert shown.markdown.count("## Everywhere") == 1


async def test_the_palette_says_quit_saves(demo_path: Path) -> None:
    """Textual's "Quit the application as soon as possible" left a new user wondering whether
    the plan would be saved; ctrl+q and the palette's Quit both save first."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (quit_command,) = [c for c in app.get_system_commands(app.screen) if c.title == "Quit"]
        assert quit_command.help == "Save the plan and quit (ctrl+q)"
        assert quit_command.callback == app.action_quit
