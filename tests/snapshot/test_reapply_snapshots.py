"""SVG snapshots of the Reapply screen (F6) at 80x24 and 120x40, with and without [reapply]."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import ROOT, press_then_steady

from rankplan.tui.app import RankPlanApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
REAPPLY_DEMO = ROOT / "rankplan" / "data" / "demo_reapply.toml"


@pytest.fixture
def reapply_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(REAPPLY_DEMO, tmp_path / "plan.toml")
    return Path("plan.toml")


class TestReapply:
    @pytest.mark.parametrize("size", SIZES)
    def test_demo(self, snap_compare, reapply_here: Path, size) -> None:
        assert snap_compare(RankPlanApp(reapply_here), terminal_size=size,
                            run_before=press_then_steady("f6"))

    def test_year_plan_scrolled(self, snap_compare, reapply_here: Path) -> None:
        async def scrolled(pilot) -> None:
            await pilot.press("f6")
            await pilot.pause()
            pilot.app.screen.query_one("#ra-letters").focus()
            await pilot.pause()
            await press_then_steady()(pilot)

        assert snap_compare(RankPlanApp(reapply_here), terminal_size=(120, 40),
                            run_before=scrolled)

    @pytest.mark.parametrize("size", SIZES)
    def test_without_reapply(self, snap_compare, demo_here: Path, size) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=press_then_steady("f6"))
