"""The command palette (ctrl+p): rankplan's, with less work at each opening (issue 16)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandInput, CommandList
from textual.widgets import LoadingIndicator

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


async def test_the_commands_are_in_the_palettes_first_frame(demo_path: Path,
                                                             monkeypatch) -> None:
    """Textual drew the palette hidden, gathered the commands in a worker and drew it again
    as the list settled (three to five frames); the list, with its scrollbar, is in the
    first. A search still finds commands, and the scrollbar goes once few are left."""
    app = RankPlanApp(demo_path)
    frames = []
    real = RankPlanApp.post_display_hook

    def spy(self):
        screen = self.screen
        if isinstance(screen, palette.CommandPalette):
            listing = screen.query_one(CommandList)
            frames.append((screen.has_class("-ready"), listing.option_count,
                           listing.show_vertical_scrollbar))
        real(self)

    monkeypatch.setattr(RankPlanApp, "post_display_hook", spy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = await open_palette(pilot)
        assert frames
        ready, count, scrollbar = frames[0]
        assert ready and count > 15 and scrollbar
        listing = screen.query_one(CommandList)
        assert listing.max_scroll_y > 0
        await pilot.press(*"Save now")
        await pilot.pause(0.5)
        assert 0 < listing.option_count < 4
        assert not listing.show_vertical_scrollbar


def commands_listed(screen: palette.CommandPalette) -> list[tuple[str, str | None]]:
    listing = screen.query_one(CommandList)
    return [(option.hit.text, option.hit.help) for option in listing.options]


async def test_the_same_palette_opens_over_each_screen_with_its_commands(
        demo_path: Path) -> None:
    """One palette, kept: each opening is set up for the screen under it (its commands,
    the actions behind them), with an empty search box, whatever the last opening left."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        first = await open_palette(pilot)
        on_profile = commands_listed(first)
        await pilot.press(*"zzzz")  # nothing matches
        await pilot.pause(0.5)
        await pilot.press("escape")
        await pilot.press("f4")
        await pilot.pause(0.3)
        rank = app.screen
        again = await open_palette(pilot)
        assert again is first
        assert again._calling_screen is rank
        assert again.query_one(CommandInput).value == ""
        listed = commands_listed(again)
        assert listed != on_profile  # the Rank list's own commands are in
        expected = sorted((command.title, command.help)
                          for command in app.get_system_commands(rank))
        assert sorted(listed) == expected
        assert again.query_one(CommandList).highlighted == 0
        await pilot.press(*"Schedule screen")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert app.current_mode == "schedule"


async def test_opening_it_again_over_the_same_screen_redraws_no_command(
        demo_path: Path, monkeypatch) -> None:
    """The lines of the commands are kept, only the actions behind them are swapped for
    those the app gives at this opening; the palette is not restyled."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = await open_palette(pilot)
        await pilot.press("down", "down", "escape")
        await pilot.pause()
        remade, restyled, given = [], [], []
        monkeypatch.setattr(palette.CommandPalette, "_refresh_command_list",
                            lambda *args: remade.append(args))
        real = palette.CommandPalette.update_node_styles
        monkeypatch.setattr(palette.CommandPalette, "update_node_styles",
                            lambda self, animate=True: (restyled.append(self),
                                                        real(self, animate)))
        real_commands = RankPlanApp.get_system_commands

        def recorded(self, screen):
            for command in real_commands(self, screen):
                given.append(command.callback)
                yield command

        monkeypatch.setattr(RankPlanApp, "get_system_commands", recorded)
        assert await open_palette(pilot) is screen
        listing = screen.query_one(CommandList)
        assert remade == [] and restyled == []
        assert listing.highlighted == 0
        actions = [option.hit.command for option in listing.options]
        assert actions and all(any(action is callback for callback in given)
                               for action in actions)  # this opening's


async def test_a_list_scrolled_by_the_wheel_opens_at_its_top(demo_path: Path) -> None:
    """The wheel scrolls without moving the highlight: the list opened again scrolled, with
    the highlighted command out of sight, and enter ran a command the user could not see."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = await open_palette(pilot)
        listing = screen.query_one(CommandList)
        listing.scroll_to(y=12, animate=False)  # as the wheel scrolls it
        await pilot.pause()
        assert listing.scroll_y > 0 and listing.highlighted == 0
        await pilot.press("escape")
        await open_palette(pilot)
        assert listing.scroll_y == 0 and listing.highlighted == 0


async def test_a_dialog_over_the_palette_leaves_its_search(demo_path: Path) -> None:
    """Closing a dialog opened over the palette shows the palette as it was (Textual's kept
    its search too); a ctrl+p in that dialog opens a palette of its own, not the one under
    it a second time."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = await open_palette(pilot)
        await pilot.press(*"Sav")
        await pilot.pause(0.5)
        found = screen.query_one(CommandList).option_count
        await pilot.press("ctrl+e")  # a priority key: the export dialog over the palette
        await pilot.pause(0.3)
        dialog = app.screen
        assert dialog is not screen
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        other = app.screen
        assert isinstance(other, palette.CommandPalette) and other is not screen
        assert app.screen_stack.count(screen) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert app.screen is screen
        assert screen.query_one(CommandInput).value == "Sav"
        assert screen.query_one(CommandList).option_count == found


async def test_a_search_cancelled_by_closing_leaves_no_busy_sign(demo_path: Path) -> None:
    """A search cut short by escape left Textual's busy countdown running in the kept
    palette: its loading sign showed at the next opening."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = await open_palette(pilot)
        screen._start_busy_countdown()  # as a search under way has it
        await pilot.press("escape")
        await pilot.pause(0.7)  # past its 0.5 s
        await open_palette(pilot)
        assert not screen._show_busy
        assert not screen.query_one(LoadingIndicator).has_class("--visible")


async def test_a_theme_changed_between_openings_restyles_it(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = await open_palette(pilot)
        before = screen.styles.background
        await pilot.press("escape")
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause(0.3)
        assert await open_palette(pilot) is screen
        assert screen._css_update_count == app._css_update_count
        assert screen.styles.background != before  # $background, of the new theme


def test_the_mount_handlers_skipped_are_textuals_palettes_only() -> None:
    """CommandPalette._on_mount stops Textual's palette's mount handler and calls those of
    Screen and Widget itself: a Textual with another mount handler in between would have it
    skipped, so this names them all."""
    from textual.command import CommandPalette as TextualPalette
    from textual.screen import Screen
    from textual.widget import Widget

    handling = [cls for cls in palette.CommandPalette.__mro__
                if "_on_mount" in vars(cls) or "on_mount" in vars(cls)
                or any(getattr(getattr(cls, name, None), "_textual_on", None)
                       for name in vars(cls))]
    assert handling == [palette.CommandPalette, TextualPalette, Screen, Widget]


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
