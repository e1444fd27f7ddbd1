"""Issue 16: while idle after start-up the app builds the other screens, hidden, so that a
first visit is as quick as a later one; an exit while a screen is being built waits for it
and ends cleanly; an edit made before a built screen is first shown is on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.interview_list import InterviewList

LATER = ("debrief", "rank", "schedule", "reapply")


class PrebuildingApp(RankPlanApp):
    prebuild_screens = True


async def test_other_screens_are_built_while_idle(demo_path: Path) -> None:
    app = PrebuildingApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(4.0)
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
        await pilot.pause(4.0)
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
