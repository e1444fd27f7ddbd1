"""An invalid plan opens the error view: it is never written, and each way out works."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import DEMO
from textual.widgets import Input

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.dialogs import ConfirmDialog
from rankplan.tui.screens.plan_error import PlanErrorScreen
from rankplan.tui.screens.profile import ProfileScreen

BROKEN = 'schema = 1\n[profile]\nnmae = "Sam"\n'


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


async def test_invalid_file_shows_errors_and_is_never_written(plan_file) -> None:
    path = plan_file(BROKEN)
    before = snapshot(path)
    app = RankPlanApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlanErrorScreen)
        lines = str(app.screen.query_one("#error-lines").render())
        assert "profile.nmae: unknown key" in lines and '"name"' in lines
        assert app.sub_title.startswith("not valid")
        await pilot.press("ctrl+s", "ctrl+q")
    assert snapshot(path) == before
    assert not path.with_name("plan.toml.bak").exists()


async def test_read_again_after_fixing_by_hand(plan_file) -> None:
    path = plan_file(BROKEN)
    app = RankPlanApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        path.write_text(BROKEN.replace("nmae", "name"), encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query_one("#name", Input).value == "Sam"
        await pilot.press("shift+tab", "end", *"my", "ctrl+s")
    assert 'name = "Sammy"' in path.read_text(encoding="utf-8")


async def test_open_backup_restores_it_as_the_plan_and_keeps_the_broken_file(
        plan_file) -> None:
    """Issue 17 item 4: the backup becomes plan.toml again (after a yes), the broken file
    is renamed aside with its bytes, and no .bak.bak ever appears."""
    path = plan_file(BROKEN)
    bak = path.with_name("plan.toml.bak")
    shutil.copy(DEMO, bak)
    app = RankPlanApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # nothing moves before the answer
        assert path.read_text(encoding="utf-8") == BROKEN
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanErrorScreen)
        assert path.read_text(encoding="utf-8") == BROKEN
        await pilot.press("b")
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.store.path == path
        assert "Restored plan.toml from its backup" in _notices(app)
        await pilot.press("shift+tab", "end", *" B", "ctrl+s")
        await pilot.pause()
    broken = list(path.parent.glob("plan.broken-*.toml"))
    assert len(broken) == 1 and broken[0].read_text(encoding="utf-8") == BROKEN
    assert broken[0].name in _notices(app)
    assert 'name = "Jordan Avery B"' in path.read_text(encoding="utf-8")
    assert bak.read_bytes() == DEMO.read_bytes()
    assert not path.with_name("plan.toml.bak.bak").exists()
    again = RankPlanApp(path)  # the next launch opens the restored plan
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ProfileScreen)


def _notices(app: RankPlanApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_no_backup_means_no_backup_key(plan_file) -> None:
    path = plan_file(BROKEN)
    app = RankPlanApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, PlanErrorScreen)
        assert app.screen.query_one("#backup").disabled


async def test_start_a_new_plan_elsewhere(plan_file) -> None:
    path = plan_file(BROKEN)
    before = snapshot(path)
    app = RankPlanApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        field = app.screen.query_one("#new-path", Input)
        assert app.focused is field
        assert field.value.endswith("plan-new.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press(*"New Me", "ctrl+s")
    new = path.with_name("plan-new.toml")
    assert 'name = "New Me"' in new.read_text(encoding="utf-8")
    assert snapshot(path) == before


async def test_syntax_error_names_line_and_column(plan_file) -> None:
    path = plan_file('schema = 1\n[profile]\nname = "unclosed\n')
    app = RankPlanApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lines = str(app.screen.query_one("#error-lines").render())
        assert f"{path}:3:" in lines


async def test_screen_keys_on_the_error_view_say_no_plan_is_open(plan_file) -> None:
    """F2-F5 on the error view used to crash the app (AssertionError: no valid plan)."""
    path = plan_file(BROKEN)
    before = snapshot(path)
    app = RankPlanApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in ("f2", "f3", "f4", "f5", "f3"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, PlanErrorScreen), key
        assert any("No plan is open" in n.message for n in app._notifications)
        path.write_text(BROKEN.replace("nmae", "name"), encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"
    assert app.return_code in (None, 0) and app._exception is None


async def test_screen_keys_after_a_reload_finds_the_file_broken(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        demo_path.write_text(BROKEN, encoding="utf-8")
        app.reload_plan()
        await pilot.pause()
        assert isinstance(app.screen, PlanErrorScreen)
        for key in ("f2", "f4", "f5", "f3"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, PlanErrorScreen), key
    assert app._exception is None


async def test_a_date_no_plan_holds_opens_the_error_view_not_a_traceback(plan_file) -> None:
    """9999-12-31 as the test date crashed the start (date arithmetic past date.max)."""
    path = plan_file("schema = 1\n[schedule]\ntarget_date = 9999-12-31\nstudy_start = 0001-01-01\n")
    app = RankPlanApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlanErrorScreen)
        lines = str(app.screen.query_one("#error-lines").render())
        assert "schedule.target_date: expected a date from 1900-01-01 to 2199-12-31" in lines
        assert "schedule.study_start: expected a date from 1900-01-01" in lines
    assert app._exception is None


async def test_reload_from_the_palette_over_the_rank_list_shows_the_error_view(
        demo_path: Path) -> None:
    """With a dialog open over the Rank list, a reload that found the file broken crashed:
    popping the dialog had the Rank list redraw a plan that was gone."""
    from rankplan.tui.screens.dialogs import ConfirmDialog

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        app.push_screen(ConfirmDialog("Sure?"))
        await pilot.pause()
        demo_path.write_text(BROKEN, encoding="utf-8")
        app.reload_plan()
        await pilot.pause()
        assert isinstance(app.screen, PlanErrorScreen)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, PlanErrorScreen)
    assert app._exception is None


async def test_the_views_own_keys_lead_its_footer_at_80_columns(plan_file) -> None:
    """F2-F6 (no plan to show) filled the footer at 80 columns; r, n and q were left out."""
    from rankplan.tui.widgets.footer import KeyFooter

    app = RankPlanApp(plan_file(BROKEN))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        keys = footer.items
        assert [k.key for k in keys[:3]] == ["r", "n", "q"]
        assert "ctrl+q" not in [k.key for k in keys]  # q already says Quit
        line = footer.render_line(0).text
        for key in keys:
            assert key.width > 0 and key.x + key.width <= footer.palette.x, key.key
            assert key.description in line[key.x:key.x + key.width], key.key
