"""KeptLines (issue 16): a choice or a box drawn from memory draws what it would draw
afresh, through record changes, edits, focus, a dialog, hover, a theme, a new size, new
labels and a style set from code."""

from __future__ import annotations

from pathlib import Path

from helpers import on_screen
from textual.content import Content
from textual.widget import Widget

from rankplan.tui.widgets.checkbox import Checkbox
from rankplan.tui.widgets.choice import Choice
from rankplan.tui.widgets.kept_lines import KeptLines


def segments(strips) -> list[list]:
    return [list(strip) for strip in strips]


async def test_what_is_kept_is_what_would_be_drawn(demo_path: Path, monkeypatch) -> None:
    kept: list[tuple[Widget, list, list]] = []  # each line drawn from memory: kept, afresh
    real = KeptLines.render_lines

    def render_lines(self, crop):
        hits = bool(self._kept) and len(self._kept)
        strips = real(self, crop)
        if hits and len(self._kept) == hits and self.text_selection is None:
            # Not drawn (no new look kept): drawn again the long way, to compare.
            self._styles_cache.clear()
            kept.append((self, segments(strips),
                         segments(super(KeptLines, self).render_lines(crop))))
        return strips

    monkeypatch.setattr(KeptLines, "render_lines", render_lines)
    async with on_screen(demo_path, "f3") as (app, pilot):
        await pilot.press("escape")
        for key in ("down", "down", "up", "up", "down"):
            await pilot.press(key)
            await pilot.pause()
        setting = app.screen.query_one("#p-setting", Choice)
        setting.focus()
        await pilot.pause()
        await pilot.press("right", "left")  # an edit, then back: both values drawn focused
        await pilot.pause()
        await pilot.press("ctrl+r")  # a dialog over the form, then gone
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.hover("#tc-holistic-pd")
        await pilot.press("escape", "down", "up")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("down", "up")
        await pilot.pause()
        await pilot.resize_terminal(115, 40)  # another width, no other class (110 is)
        await pilot.pause()
        await pilot.press("down", "up", "down")
        await pilot.pause()
        # New labels for the same values, a box's label in bold: nothing else changes.
        specialty = app.screen.query_one("#p-specialty", Choice)
        specialty.set_options([(f"{label}!", value) for label, value in specialty.options])
        box = app.screen.query_one("#tc-holistic-pd", Checkbox)
        box.label = Content.from_markup(f"[b]{box.label.plain}[/b]")
        setting.styles.color = "red"  # a style set from code: no restyle
        await pilot.pause()
        await pilot.press("down", "up")
        await pilot.pause()
        assert specialty.render().plain.startswith("same as profile!")
    kinds = {type(widget) for widget, _, _ in kept}
    assert any(issubclass(kind, Choice) for kind in kinds)
    assert any(issubclass(kind, Checkbox) for kind in kinds)
    assert len(kept) > 30
    for widget, from_memory, afresh in kept:
        assert from_memory == afresh, widget


async def test_a_restyle_forgets_the_kept_lines(demo_path: Path) -> None:
    async with on_screen(demo_path, "f3") as (app, pilot):
        await pilot.press("escape", "down", "up")
        await pilot.pause()
        setting = app.screen.query_one("#p-setting", Choice)
        assert setting._kept  # both records' settings drawn
        setting.focus()
        await pilot.pause()
        assert len(setting._kept) == 1  # forgotten at the focus, drawn focused since
