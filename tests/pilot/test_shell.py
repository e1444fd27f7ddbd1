"""The app shell: lock, read-only, theme memory, conflicts and failed saves."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from helpers import on_screen, title_says, until
from keyburst import burst
from textual.widgets import Input

from rankplan import cli
from rankplan.storage.errors import PlanBusyError
from rankplan.storage.paths import settings_path
from rankplan.storage.store import PlanStore
from rankplan.tui import saving, settings
from rankplan.tui.app import RankPlanApp


def test_second_instance_says_busy_and_exits_1(demo_path: Path, capsys) -> None:
    first = PlanStore.open(demo_path)
    try:
        assert cli.main(["--file", str(demo_path)]) == 1
        err = capsys.readouterr().err
        assert str(demo_path) in err and "--read-only" in err
        with pytest.raises(PlanBusyError):
            RankPlanApp(demo_path)
    finally:
        first.close()


async def test_read_only_while_another_holds_the_plan(demo_path: Path) -> None:
    first = PlanStore.open(demo_path)
    before = demo_path.read_bytes()
    try:
        app = RankPlanApp(demo_path, read_only=True)
        async with app.run_test(size=(100, 30)) as pilot:
            assert app.sub_title == "read-only"
            await pilot.press("shift+tab", "end", *"XYZ", "ctrl+s")
            await pilot.pause(0.7)
            assert app.plan.profile.name.endswith("XYZ")
            assert app.sub_title == "READ-ONLY: changes are not saved"
            await pilot.press("ctrl+q")
    finally:
        first.close()
    assert demo_path.read_bytes() == before


async def test_theme_is_remembered_in_settings_not_in_the_plan(demo_path: Path) -> None:
    plan_before = demo_path.read_bytes()
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "gruvbox"
        await pilot.pause()
    assert settings.load_theme() == "gruvbox"
    assert demo_path.read_bytes() == plan_before
    path = settings_path()
    again = RankPlanApp(demo_path)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "gruvbox"
    assert oct(path.stat().st_mode & 0o777) == "0o600"


async def test_edit_by_hand_while_open_goes_to_a_conflict_copy(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        hand = demo_path.read_text(encoding="utf-8").replace("Jordan Avery", "By Hand")
        demo_path.write_text(hand, encoding="utf-8")
        await pilot.press("shift+tab", "end", *" App")
        await title_says(pilot, "conflict")
        conflicts = list(demo_path.parent.glob("plan.conflict-*.toml"))
        assert len(conflicts) == 1
        ours = tomllib.loads(conflicts[0].read_text(encoding="utf-8"))
        assert ours["profile"]["name"] == "Jordan Avery App"
        assert demo_path.read_text(encoding="utf-8") == hand
        # Reload takes the hand-edited version
        app.reload_plan()
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "By Hand"
        assert app.sub_title == "saved"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
async def test_failed_save_keeps_the_edit_and_retries(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    folder = demo_path.parent
    async with app.run_test(size=(100, 30)) as pilot:
        folder.chmod(0o500)
        try:
            await pilot.press("shift+tab", "end", *" X", "ctrl+s")
            assert app.sub_title.startswith("not saved")
            assert app.plan.profile.name == "Jordan Avery X"
        finally:
            folder.chmod(0o700)
        await pilot.press("ctrl+s")
        assert app.sub_title == "saved"
    assert 'name = "Jordan Avery X"' in demo_path.read_text(encoding="utf-8")


async def test_failed_save_as_root_via_a_failing_write(demo_path: Path, full_disk) -> None:
    """The same as above where chmod cannot stop root: make the atomic write itself fail."""
    failing = full_disk
    before = demo_path.read_bytes()
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("shift+tab", "end", *" X", "ctrl+s")
        await pilot.pause()
        assert app.sub_title.startswith("not saved")
        assert demo_path.read_bytes() == before
        assert app.plan.profile.name == "Jordan Avery X"
        failing["on"] = False
        await pilot.press("ctrl+s")
        assert app.sub_title == "saved"
    assert 'name = "Jordan Avery X"' in demo_path.read_text(encoding="utf-8")


async def test_quit_after_a_failed_save_asks_first(demo_path: Path, monkeypatch) -> None:
    from rankplan.storage import files

    def full(path, data, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "atomic_write", full)
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("shift+tab", "end", *" X", "ctrl+q")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_looking_at_every_screen_changes_nothing(demo_path: Path) -> None:
    """Filling forms from the plan must never count as an edit (nor reach the file)."""
    before = demo_path.read_bytes()
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("f3", "down", "down", "down", "f4", "f5", "f2", "f3", "f4"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.7)
        assert app.sub_title == "saved"
        assert app._edits == 0
        await pilot.press("ctrl+q")
    assert demo_path.read_bytes() == before


async def test_saves_are_rendered_by_a_helper_that_ends_with_the_app(demo_path: Path) -> None:
    """After the first frame the app hands the layout-keeping document to a helper process
    (so a save never competes with keys for this process); quitting ends the helper."""
    from rankplan.storage.renderer import HelperRenderer

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        helper = app.store._renderer
        assert isinstance(helper, HelperRenderer)
        await pilot.press("shift+tab", "end", *" H")
        await title_says(pilot, "saved")
        assert tomllib.loads(demo_path.read_text(encoding="utf-8"))["profile"]["name"] == (
            "Jordan Avery H")
        assert app.store._renderer is helper  # it did the work: nothing fell back
        proc = helper._proc
        assert proc.poll() is None
    assert proc.poll() is not None


async def test_the_title_bar_shows_the_save_state_without_repainting_the_screen(
        demo_path: Path, monkeypatch) -> None:
    """A change of save state redraws the title line only: a whole-screen repaint (what
    App.sub_title does) costs tens of milliseconds on a long rank list, at every save."""
    from rankplan.tui.screens.profile import ProfileScreen
    from rankplan.tui.widgets.title_bar import TitleBar

    # "unsaved" stays until the save: on a loaded machine the keys took longer than the
    # half second after which the autosave comes
    monkeypatch.setattr(saving, "SAVE_DELAY", 2.0)
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("shift+tab")  # from the first list field to the name
        await pilot.pause()
        bar = app.screen.query_one(TitleBar)
        assert "Jordan Avery — saved" in str(bar.render())
        whole: list[object] = []
        real = ProfileScreen.refresh

        def spy(self, *regions, **kwargs):
            if not regions:
                whole.append(kwargs)
            return real(self, *regions, **kwargs)

        ProfileScreen.refresh = spy
        try:
            await pilot.press("end", *" J")
            await pilot.pause()
            assert "Jordan Avery J — unsaved" in str(bar.render())
            await until(pilot, lambda: "Jordan Avery J — saved" in str(bar.render()))
        finally:
            ProfileScreen.refresh = real
        assert whole == []
        await pilot.click(TitleBar, offset=(2, 0))  # the icon opens the command palette
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


# -- ctrl+q after keys not yet applied (DESIGN §5: flush after every key already typed) -----


def saved_plan(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


async def test_an_edit_typed_with_ctrl_q_is_saved(demo_path: Path) -> None:
    """Typed as fast as a terminal delivers them (pilot.press waits for idle between keys,
    so it never shows the loss): ctrl+q is handled as the app reads it, before the text
    box has handled the keys before it."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # From the first list field to the name, which Tab selects whole: end, on its own,
        # puts the cursor after it (a bound key in a burst is handled after the letters).
        await pilot.press("shift+tab", "end")
        assert isinstance(app.focused, Input)  # the name field
        await burst(pilot, *" Quit", "ctrl+q")
        await pilot.pause()
    assert not app.is_running
    assert saved_plan(demo_path)["profile"]["name"] == "Jordan Avery Quit"


async def test_an_edit_typed_then_f4_and_ctrl_q_is_saved(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # From the first list field to the name, which Tab selects whole: end, on its own,
        # puts the cursor after it (a bound key in a burst is handled after the letters).
        await pilot.press("shift+tab", "end")
        await burst(pilot, *" Away", "f4", "ctrl+q")
        await pilot.pause()
    assert not app.is_running
    assert saved_plan(demo_path)["profile"]["name"] == "Jordan Avery Away"


async def test_a_debrief_edit_typed_with_ctrl_q_is_saved(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        program = app.screen.program()
        app.screen.query_one("#p-location", Input).focus()
        await pilot.pause()
        await burst(pilot, "end", *" (north)", "ctrl+q")
        await pilot.pause()
    assert not app.is_running
    interviews = {p["id"]: p for p in saved_plan(demo_path)["programs"]}
    assert interviews[program.id]["location"] == program.location
    assert program.location.endswith(" (north)")


async def test_rank_moves_typed_with_ctrl_q_are_saved(demo_path: Path) -> None:
    async with on_screen(demo_path, "f4") as (app, pilot):
        order = list(app.plan.rank_list.order)
        await burst(pilot, "J", "J", "J", "ctrl+q")
        await pilot.pause()
    assert not app.is_running
    assert saved_plan(demo_path)["rank_list"]["order"] == [*order[1:4], order[0], *order[4:]]


async def test_screen_keys_stay_inactive_over_a_dialog(demo_path: Path) -> None:
    """F2-F5 act as soon as they are read (priority), but not under a dialog or help."""
    from rankplan.tui.screens.help import HelpScreen

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f4", "f3")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.current_mode == "profile"


async def test_later_screens_code_is_loaded_while_idle(demo_path: Path, monkeypatch) -> None:
    """After start-up the app imports what the other screens need, one module at a time;
    the first visit then finds it loaded and shows the screen as usual."""
    import importlib

    from rankplan.tui import app as app_module
    from rankplan.tui.widgets.interview_list import InterviewList

    loaded: list[str] = []
    real = importlib.import_module

    def recording(name: str, *args):
        loaded.append(name)
        return real(name, *args)

    monkeypatch.setattr(app_module.importlib, "import_module", recording)
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        # start-up, then the idle imports: what an edit needs first
        expected = [*app_module.EDIT_MODULES, *app_module.LATER_MODULES]
        await until(pilot, lambda: len(loaded) >= len(expected))
        assert loaded == expected
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "DebriefScreen"
        assert isinstance(app.focused, InterviewList)
