"""Issue 16: while idle after start-up the app builds the other screens, hidden, so that a
first visit is as quick as a later one; an exit while a screen is being built waits for it
and ends cleanly; an edit made before a built screen is first shown is on it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.command import CommandList

from helpers import until
from rankplan.tui.app import PALETTE, RankPlanApp
from rankplan.tui.widgets.interview_list import InterviewList

LATER = ("debrief", "rank", "schedule", "reapply")


class PrebuildingApp(RankPlanApp):
    prebuild_screens = True


async def all_built(app: PrebuildingApp, pilot) -> None:
    """The four screens, then the palette, are built while idle (a few seconds here)."""
    await until(pilot, lambda: not app._unbuilt and app._building is None)


async def test_other_screens_are_built_while_idle(demo_path: Path) -> None:
    app = PrebuildingApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await all_built(app, pilot)
        assert all(mode in app._screen_stacks for mode in LATER)
        assert app.current_mode == "profile"  # built, none shown
        debrief = app._screen_stacks["debrief"][0]
        table = debrief.query_one(InterviewList)
        assert table.row_count == len(app.plan.programs)
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen is debrief
        assert isinstance(app.focused, InterviewList)


async def test_an_edit_before_the_first_visit_is_shown(demo_path: Path) -> None:
    app = PrebuildingApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await all_built(app, pilot)
        assert "rank" in app._screen_stacks
        name = app.screen.query_one("#name")
        name.focus()
        name.value = "Pat Example"  # the title and the Rank list heading follow the name
        first = app.plan.rank_list.order[0]
        app.plan.program(first).name = "Renamed Before Visit"
        app.plan_changed()
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert "Renamed Before Visit" in str(app.screen.query_one("#ranked").rows[0])


async def test_a_prebuilt_debrief_keeps_its_form_still_at_the_first_edit(
        demo_path: Path) -> None:
    """The suggestion, first shown while its screen was built out of sight (no width yet),
    has its usual height from the first frame: the first key typed in the notes, at the
    bottom of the form, moved the form below the suggestion down two lines (its minimum
    height came only then) and the notes box half out of view."""
    app = PrebuildingApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await all_built(app, pilot)
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        suggestion = screen.query_one("#suggestion")
        notes = screen.query_one("#p-notes")
        await pilot.press("escape", "shift+tab")  # from the list back to the last field
        await pilot.pause()
        assert screen.focused is notes
        shown = suggestion.region, notes.region
        await pilot.press("x")
        await pilot.pause()
        assert notes.text.startswith("x")
        assert (suggestion.region, notes.region) == shown


@pytest.mark.parametrize("wait", [0.15, 0.3, 0.5, 0.8, 1.2, 1.8])
async def test_exit_while_a_screen_is_being_built(demo_path: Path, wait: float) -> None:
    """Quit at moments spread over the builds: the app ends without an error and the file
    is untouched (nothing was edited)."""
    before = demo_path.read_bytes()
    app = PrebuildingApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(wait)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code in (0, None)
    assert demo_path.read_bytes() == before


async def test_the_palette_is_built_while_idle_too(demo_path: Path, monkeypatch) -> None:
    """Built last, with the commands of the screen shown listed: its first ctrl+p there
    shows it as a later one does, without making the list again."""
    from rankplan.tui import palette

    app = PrebuildingApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await all_built(app, pilot)
        assert app.is_screen_installed(PALETTE)
        built = app.get_screen(PALETTE)
        assert built.query_one(CommandList).option_count > 15
        remade = []
        monkeypatch.setattr(palette.CommandPalette, "_refresh_command_list",
                            lambda *args: remade.append(args))
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen is built and remade == []
        assert built._calling_screen is app.screen_stack[-2]


async def test_a_ctrl_p_while_the_palette_is_being_built(demo_path: Path,
                                                         monkeypatch) -> None:
    """The build finds the palette shown already: it leaves it as the showing set it up
    (once: over the screen below, not over the palette itself)."""
    from rankplan.tui import palette

    opened_over = []
    real = palette.CommandPalette.open_over

    async def spy(self, screen):
        opened_over.append(screen)
        await real(self, screen)

    monkeypatch.setattr(palette.CommandPalette, "open_over", spy)
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        below = app.screen
        build = asyncio.ensure_future(app._build_palette())
        await asyncio.sleep(0)  # the build has installed the palette, waits for its mount
        assert app.is_screen_installed(PALETTE) and not build.done()
        app.action_command_palette()  # ctrl+p's action, then
        await build
        await pilot.pause(0.3)
        shown = app.screen
        assert shown is app.get_screen(PALETTE)
        assert opened_over == [below]
        assert shown.query_one(CommandList).option_count > 15
        await pilot.press(*"Rank list screen")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert app.current_mode == "rank"
