"""The Debrief form shows every criterion: the box that holds their rows took one line, so
only the first criterion could be seen and scored (the demo's fit, training and family, or
the second and later criteria added with ctrl+r, were cut off; Tab went to hidden fields)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.choice import Choice


def assert_every_criterion_shown(app) -> None:
    box = app.screen.query_one("#criteria-fields")
    choices = list(box.query(Choice))
    assert len(choices) == len(app.plan.criteria) > 1
    for choice in choices:
        assert choice.region.height == 1
        assert box.region.contains_region(choice.region), choice.id


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_demo_shows_every_criterion(demo_path: Path, size) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        form = app.screen.query_one("#debrief-form")
        for choice in app.screen.query_one("#criteria-fields").query(Choice):
            choice.focus()  # scrolls the form to it, an animation that ends frames later
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            assert form.region.contains_region(choice.region), choice.id
        assert_every_criterion_shown(app)


async def test_criteria_added_with_ctrl_r_are_shown(plan_file) -> None:
    app = RankPlanApp(plan_file('schema = 1\n\n[[programs]]\nid = "calder"\nname = "Calder"\n'))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+r")
        await pilot.pause()
        first = app.screen.query("#crit-rows Input").first(Input)
        first.focus()
        await pilot.press(*"location")
        app.screen.dismiss([(None, "location", 2.0), (None, "fit", 3.0), (None, "training", 1.0)])
        await pilot.pause()
        await pilot.pause()
        assert list(app.plan.criteria) == ["location", "fit", "training"]
        assert_every_criterion_shown(app)
