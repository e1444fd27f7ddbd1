"""Issue 17 item 13: the first key of someone new works. The app opens on the Profile with
the focus in the Name box, so on a plan with a name (the demo) the first ? was typed into
the name instead of opening help."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DEMO
from textual.widgets import Input

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.help import HelpScreen
from rankplan.tui.screens.profile import ProfileScreen


@pytest.fixture(params=["demo", "empty"])
def plan(request, tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir(mode=0o700)
    path = folder / "plan.toml"
    if request.param == "demo":
        shutil.copy(DEMO, path)
    return path


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_first_question_mark_opens_help(plan: Path, size) -> None:
    app = RankPlanApp(plan)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        name = app.screen.query_one("#name", Input).value
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query_one("#name", Input).value == name == app.plan.profile.name
        assert "?" not in app.plan.profile.name


async def test_a_plan_with_a_name_starts_on_the_first_list_field(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#applicant_type")
        await pilot.press("shift+tab")  # the name is one key away
        assert app.focused is app.screen.query_one("#name")


async def test_a_new_plan_starts_in_the_empty_name(tmp_path: Path) -> None:
    app = RankPlanApp(tmp_path / "plan.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#name")
        await pilot.press(*"Sam Lee")
        assert app.plan.profile.name == "Sam Lee"
