"""The Debrief form shows every criterion: the box that holds their rows took one line, so
only the first criterion could be seen and scored (the demo's fit, training and family, or
the second and later criteria added with ctrl+r, were cut off; Tab went to hidden fields)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input

from helpers import on_screen, title_says
from rankplan.core.model import TakesChances
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


async def test_ticking_signs_one_after_another_moves_none_of_them(demo_path: Path) -> None:
    """Each sign ticked adds a reason to the suggestion, which grows to a height not shown
    before. It sat above the signs and pushed them down a line: a second click, aimed where
    the next sign had been drawn, ticked the one before it again. The suggestion now sits
    below every field that changes it."""
    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        boxes = [screen.query_one(f"#tc-{value.value}") for value in TakesChances]
        places = [box.region for box in boxes]
        suggestion = screen.query_one("#suggestion")
        height = suggestion.region.height
        for place in places:
            await pilot.click(offset=(place.x + 1, place.y))
            await pilot.pause()
        assert [box.region for box in boxes] == places
        assert suggestion.region.height > height  # it did grow: the case this is about
        assert set(app.plan.program(screen.current).debrief.takes_chances) == set(TakesChances)
        await title_says(pilot, "saved")
        saved = tomllib.loads(demo_path.read_text(encoding="utf-8"))
        [record] = [p for p in saved["programs"] if p["id"] == screen.current]
        assert set(record["debrief"]["takes_chances"]) == {v.value for v in TakesChances}


async def test_a_long_name_typed_keeps_its_field_in_place(demo_path: Path) -> None:
    """The record's title, above the Name field, repeats the name as it is typed; it
    wrapped onto a second line once the name was longer than the form is wide (at 80x24),
    which pushed the field being typed in down a line. The title keeps to one line."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        name, title = screen.query_one("#p-name", Input), screen.query_one("#record-title")
        name.focus()
        await pilot.pause()
        name.action_end()  # after the focus, which selects the whole name
        await pilot.pause()
        place = name.region
        added = " of the Great Lakes Region and Beyond"
        await pilot.press(*("space" if ch == " " else ch for ch in added))
        await pilot.pause()
        assert name.value.endswith(added)
        assert title.size.width < len(name.value)  # longer than the title's line
        assert name.region == place
        assert title.region.height == 1
