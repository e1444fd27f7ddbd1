"""A test date typed without a year is the next one: "jan 20" typed in November gave the
January gone by, so the plan held a test ten months in the past and nothing said so."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from textual.widgets import Input

from rankplan.tui.app import RankPlanApp


async def test_test_date_and_report_by_without_a_year_are_ahead(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    app = RankPlanApp(path)  # a new plan; today is 2026-11-21 (conftest)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        for key, typed, expected in (("target_date", "jan 20", date(2027, 1, 20)),
                                     ("report_by", "3/1", date(2027, 3, 1)),
                                     ("study_start", "oct 1", date(2026, 10, 1))):
            field = app.screen.query_one(f"#{key}", Input)
            field.focus()
            await pilot.pause()
            await pilot.press(*typed, "tab")
            await pilot.pause()
            assert getattr(app.plan.schedule, key) == expected, key
            assert field.value == expected.isoformat()
        app.flush()
        await app.workers.wait_for_complete()
        schedule = tomllib.loads(path.read_text(encoding="utf-8"))["schedule"]
        assert schedule["target_date"] == date(2027, 1, 20)
        assert schedule["report_by"] == date(2027, 3, 1)
