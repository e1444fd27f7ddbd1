"""The command palette (ctrl+p): rankplan's, with less work at each opening (issue 16)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList

from rankplan.tui import palette
from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.profile import ProfileScreen


async def open_palette(pilot) -> palette.CommandPalette:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)  # the commands are gathered in a worker
    screen = pilot.app.screen
    assert isinstance(screen, palette.CommandPalette)
    return screen


async def test_the_palette_takes_no_width_classes(demo_path: Path) -> None:
    """The app's breakpoints (-wide, -narrow) restyled the whole palette at its first
    Resize; nothing in it depends on the width."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-wide")  # the screens keep theirs
        screen = await open_palette(pilot)
        assert not screen.has_class("-wide") and not screen.has_class("-narrow")


async def test_opening_the_palette_lays_out_nothing_underneath(demo_path: Path) -> None:
    """Textual laid out the screen below at the Resize a pushed screen gets, at the same
    size; the palette covers that screen."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        below = app.screen
        assert isinstance(below, ProfileScreen)
        sizes = []
        real = ProfileScreen._refresh_layout

        def spy(self, size=None, scroll=False):
            if size is not None:  # a Resize's (a refresh's own layout passes none)
                sizes.append(size)
            return real(self, size, scroll)

        ProfileScreen._refresh_layout = spy
        try:
            await open_palette(pilot)
        finally:
            ProfileScreen._refresh_layout = real
        assert sizes == []


async def test_a_real_resize_still_lays_out_the_screen_underneath(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        below = app.screen
        await open_palette(pilot)
        await pilot.resize_terminal(100, 30)
        await pilot.pause(0.3)
        assert below.size.width == 100 and below.size.height == 30
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is below and below.has_class("-narrow")


async def test_the_list_scrollbar_is_there_before_the_commands(demo_path: Path) -> None:
    """About 20 commands of two lines overflow the list at 40 lines: its scrollbar was
    mounted only after they came, one more layout and frame. It is made with the palette;
    shown while they overflow, hidden once a search leaves few (as Textual's)."""
    app = RankPlanApp(demo_path)
    seen = []
    real = palette.CommandPalette._refresh_command_list

    def spy(self, command_list, commands, clear_current):
        seen.append(command_list._vertical_scrollbar is not None)
        return real(self, command_list, commands, clear_current)

    palette.CommandPalette._refresh_command_list = spy
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.3)
            screen = await open_palette(pilot)
            listing = screen.query_one(CommandList)
            assert seen and seen[0]
            assert listing.option_count > 15
            assert listing.show_vertical_scrollbar
            assert listing.max_scroll_y > 0
            await pilot.press(*"Save now")
            await pilot.pause(0.5)
            assert 0 < listing.option_count < 4
            assert not listing.show_vertical_scrollbar
    finally:
        palette.CommandPalette._refresh_command_list = real


async def test_the_list_scrollbar_stays_while_the_commands_come(demo_path: Path,
                                                                monkeypatch) -> None:
    """Hidden and shown again as the list filled, it cost one more layout pass (shown from
    the palette's first layout, before the commands come)."""
    shown = []
    real = CommandList._refresh_scrollbars

    def spy(self):
        real(self)
        shown.append(self.show_vertical_scrollbar)

    monkeypatch.setattr(CommandList, "_refresh_scrollbars", spy)
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        await open_palette(pilot)
    assert True in shown
    assert all(shown[shown.index(True):])  # once shown, never hidden again
