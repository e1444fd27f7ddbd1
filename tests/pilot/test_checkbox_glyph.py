"""Checkboxes show their state as a glyph, not only by colour (DESIGN §6, issue 17 item 15)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import RadioButton

from helpers import on_screen

from rankplan.tui.widgets.checkbox import Checkbox


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield Checkbox("off", value=False, id="off")
        yield Checkbox("on", value=True, id="on")
        yield RadioButton("radio", value=False, id="radio")


def drawn(widget) -> str:
    return widget.render().plain


async def test_on_and_off_differ_in_text_not_only_colour() -> None:
    app = Boxes()
    async with app.run_test() as pilot:
        off, on = app.query_one("#off", Checkbox), app.query_one("#on", Checkbox)
        assert drawn(off).startswith("▐ ▌") and drawn(on).startswith("▐X▌")
        off.focus()
        await pilot.press("space")
        assert off.value and drawn(off).startswith("▐X▌")
        assert drawn(app.query_one("#radio", RadioButton)).startswith("▐●▌")


async def test_the_debrief_checkboxes_show_glyphs(demo_path) -> None:
    async with on_screen(demo_path, "f3") as (app, pilot):
        boxes = list(app.screen.query(Checkbox))
        assert boxes
        for box in boxes:
            assert drawn(box)[1] == ("X" if box.value else " ")
