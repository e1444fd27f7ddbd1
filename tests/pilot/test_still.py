"""Widgets that hand back their drawn lines unchanged (``Still``, the Debrief form's labels,
rows and headings; the title bar and the footer) and the ``Choice`` and ``Checkbox`` that
draw their own lines: what they show must still follow every change, a theme switched
while the app runs above all (each screen is then drawn as a fresh start in that theme)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import steady
from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.choice import Choice
from rankplan.tui.widgets.form import Heading


def drawn(app) -> list:
    """The screen's lines as the terminal gets them."""
    return app.screen._compositor.render_strips()


def screen_cells(app) -> list[list[tuple[str, object, object, bool]]]:
    """Every cell of the screen as drawn: its character, colours and boldness."""
    rows = []
    for strip in drawn(app):
        row = []
        for segment in strip:
            style = segment.style
            for char in segment.text:
                row.append((char, style and style.color, style and style.bgcolor,
                            bool(style and style.bold)))
        rows.append(row)
    return rows


async def cells_in(path: Path, key: str, theme: str, switch_to: str | None = None):
    app = RankPlanApp(path)
    app.theme = theme
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(key)
        await steady(pilot)
        if switch_to:
            app.theme = switch_to
            await steady(pilot)
        return screen_cells(app)


@pytest.mark.parametrize("key", ["f2", "f3"])
@pytest.mark.parametrize(("first", "then"), [("textual-dark", "textual-light"),
                                             ("textual-light", "ansi-dark")])
async def test_a_theme_switched_while_running_draws_as_a_fresh_start(demo_path: Path, key,
                                                                      first, then) -> None:
    switched = await cells_in(demo_path, key, first, switch_to=then)
    fresh = await cells_in(demo_path, key, then)
    assert switched == fresh


async def test_a_heading_shows_its_new_text(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await steady(pilot)
        heading = app.screen.query(Heading).first()
        heading.update("Something else")
        await steady(pilot)
        line = "".join(s.text for s in drawn(app)[heading.region.y])
        assert "Something else" in line


async def test_a_choice_draws_its_value_cut_to_its_width(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await steady(pilot)
        choice = app.screen.query_one("#p-specialty", Choice)
        long = "A specialty with a name far longer than the field is wide"
        choice.set_options([("same as profile", ""), (long, long)])
        choice.value = long
        await steady(pilot)
        strip = drawn(app)[choice.region.y]
        text = "".join(s.text for s in strip)[choice.region.x:choice.region.right]
        assert len(text) == choice.region.width
        assert text.startswith(long[:10]) and "…" in text and text.rstrip().endswith("▼")
        assert all(s.text for s in strip)  # no empty pieces


def background_at(app, x: int, y: int):
    cells = [s.style and s.style.bgcolor
             for s in drawn(app)[y] for _ in s.text]
    return cells[x]


@pytest.mark.parametrize("theme", ["textual-dark", "ansi-dark"])
async def test_a_checkbox_shows_focus_and_hover_and_lets_go_of_them(demo_path: Path,
                                                                    theme) -> None:
    """Found by a review: the lines a Checkbox keeps did not see its label's focus or hover
    style (the box's own style is the same on a transparent background)."""
    app = RankPlanApp(demo_path)
    app.theme = theme
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await steady(pilot)
        box = app.screen.query_one("#p-would_not_attend")
        x, y = box.region.x + 6, box.region.y  # on the label
        plain = background_at(app, x, y)
        box.focus()
        await steady(pilot)
        assert background_at(app, x, y) != plain
        await pilot.press("space", "space")  # drawn on, then off again, while focused
        await steady(pilot)
        assert background_at(app, x, y) != plain
        app.screen.query_one("#p-name").focus()
        await steady(pilot)
        assert background_at(app, x, y) == plain
        if app.current_theme.ansi:
            return  # the ANSI themes show no hover
        await pilot.hover(box, offset=(6, 0))
        await steady(pilot)
        assert background_at(app, x, y) != plain
        await pilot.hover("#p-name")
        await steady(pilot)
        assert background_at(app, x, y) == plain


async def test_a_selected_choice_shows_its_selection(demo_path: Path) -> None:
    """Found by a review: a Choice drawing its own line left out the selection highlight."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await steady(pilot)
        choice = app.screen.query_one("#p-preference", Choice)
        x, y = choice.region.x + 1, choice.region.y
        plain = background_at(app, x, y)
        choice.text_select_all()
        await steady(pilot)
        assert background_at(app, x, y) != plain
