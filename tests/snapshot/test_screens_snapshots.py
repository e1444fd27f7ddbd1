"""SVG snapshots of the Debrief, Rank list and Schedule screens at 80x24 and 120x40."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import press_then_steady

from rankplan.tui.app import RankPlanApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]



class TestDebrief:
    @pytest.mark.parametrize("size", SIZES)
    def test_demo(self, snap_compare, demo_here: Path, size) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=press_then_steady("f3"))

    @pytest.mark.parametrize("size", SIZES)
    def test_record_with_reasons(self, snap_compare, demo_here: Path, size) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=press_then_steady("f3", "down", "down", "down", "down"))

    def test_criteria_dialog(self, snap_compare, demo_here: Path) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=(80, 24),
                            run_before=press_then_steady("f3", "ctrl+r"))


class TestRank:
    @pytest.mark.parametrize("size", SIZES)
    def test_demo(self, snap_compare, demo_here: Path, size) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=press_then_steady("f4"))

    @pytest.mark.parametrize("size", SIZES)
    def test_after_moves(self, snap_compare, demo_here: Path, size, monkeypatch) -> None:
        # The header reads "unsaved": no autosave may land before the picture, however slow
        # the machine (moves apply as their keys are read, so the timer starts early).
        monkeypatch.setattr("rankplan.tui.saving.SAVE_DELAY", 60.0)
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=press_then_steady("f4", "J", "J", "down", "shift+home"))

    def test_soap_tab(self, snap_compare, demo_here: Path) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=(120, 40),
                            run_before=press_then_steady("f4", "ctrl+o"))

    def test_mid_drag(self, snap_compare, demo_here: Path) -> None:
        async def drag(pilot) -> None:
            await pilot.press("f4")
            await pilot.pause()
            await pilot.mouse_down("#ranked", offset=(12, 1))
            await pilot.hover("#ranked", offset=(12, 3))
            await pilot.hover("#ranked", offset=(12, 6))
            await press_then_steady()(pilot)

        assert snap_compare(RankPlanApp(demo_here), terminal_size=(120, 40), run_before=drag)


class TestSchedule:
    @pytest.mark.parametrize("size", SIZES)
    def test_demo(self, snap_compare, demo_here: Path, size) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=press_then_steady("f5"))

    def test_timeline_scrolled(self, snap_compare, demo_here: Path) -> None:
        async def scrolled(pilot) -> None:
            await pilot.press("f5")
            await pilot.pause()
            pilot.app.screen.query_one("#milestones").scroll_visible(animate=False)
            await press_then_steady()(pilot)

        assert snap_compare(RankPlanApp(demo_here), terminal_size=(80, 24), run_before=scrolled)


class TestHelp:
    @pytest.mark.parametrize("key", ["f3", "f4", "f5"])
    def test_screen_help(self, snap_compare, demo_here: Path, key) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=(120, 40),
                            run_before=press_then_steady(key, "f1"))
