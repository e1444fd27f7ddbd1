"""The Profile shows the application target of DESIGN §2.5 and keeps it current."""

from __future__ import annotations

from pathlib import Path

from helpers import choose
from textual.widgets import Static

from rankplan.tui.app import RankPlanApp


def target_line(app: RankPlanApp) -> str:
    return str(app.screen.query_one("#application-target", Static).render())


async def test_the_target_follows_the_specialty_and_the_risk_profile(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "apply to at least 70 programs (moderate risk" in target_line(app)
        await choose(pilot, "#specialty", "Family Medicine")
        assert "apply to at least 40 programs (low risk" in target_line(app)
        await choose(pilot, "#risk_profile", "P5")
        assert "apply to at least 110 programs (high risk: profile P5)" in target_line(app)
