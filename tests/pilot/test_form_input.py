"""FormInput draws an unfocused field as one segment: the same cells and styles as Textual's
Input draws through a Rich Text (issue 16: the Debrief record change)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.form import FormInput

VALUES = [
    "St. Elsewhere Medical Center",
    "x",
    "  spaces around  ",
    "中文名字的医院 Hospital",  # two cells a character
    "Café naïve e\u0301 combining",
    "emoji 🏥 and 👩‍⚕️ joined",
    "مستشفى right to left",
    "a control shown as \\x07 text",
    "A name much longer than the field is wide, so that it runs past its right edge by far",
]


def segments(strip) -> list[tuple[str, object]]:
    return [(segment.text, segment.style) for segment in strip]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_an_unfocused_field_draws_as_textual_would(demo_path: Path, size) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        field = app.screen.query_one("#p-location", FormInput)
        assert not field.has_focus
        for value in VALUES:
            for cursor in (0, len(value)):  # the field scrolls to show its cursor
                field.value = value
                field.cursor_position = cursor
                await pilot.pause()
                ours = field.render_line(0)
                textual = Input.render_line(field, 0)
                assert segments(ours) == segments(textual), (value, cursor)
                assert ours.cell_length == textual.cell_length
        assert field.scroll_offset.x > 0  # the long value did scroll


async def test_form_fields_are_not_styled_before_they_mount(demo_path: Path,
                                                            monkeypatch) -> None:
    """Textual restyles a widget whenever one of its classes changes, mounted or not: the
    form's text fields once took two stylings each before their first (compact, then valid),
    some 6 ms before the first frame. Every screen's fields are checked, as each is built."""
    from textual.dom import DOMNode

    early: list[str] = []
    real = DOMNode.update_node_styles

    def update_node_styles(self, animate: bool = True) -> None:
        if isinstance(self, Input) and not self.is_mounted:
            early.append(self.id or type(self).__name__)
        real(self, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", update_node_styles)
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("f3", "f5", "f6", "f2"):
            await pilot.press(key)
            await pilot.pause()
        inputs = list(app.screen.query(Input))
        assert inputs and all(field.has_class("-textual-compact") for field in inputs)
    assert early == []


async def test_a_long_name_after_a_short_one_lays_nothing_out(demo_path: Path) -> None:
    """Textual's Input shows a scrollbar of no size when its text is wider than the field,
    and showing or hiding it laid the whole screen out again (a long name after a short
    one, at each layout). A FormInput keeps it hidden and still scrolls to its cursor."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        field = app.screen.query_one("#p-name", FormInput)
        layouts: list[str] = []
        refresh = field.refresh

        def counted(*regions, **kwargs):
            if kwargs.get("layout"):
                layouts.append(field.value)
            return refresh(*regions, **kwargs)

        field.refresh = counted  # type: ignore[method-assign]
        long = VALUES[-1]
        for value in ("x", long, "y", long):
            field.value = value
            app.screen.refresh(layout=True)  # as a layout for another reason does
            await pilot.pause()
            assert not field.show_horizontal_scrollbar
            assert field.allow_horizontal_scroll == (value == long)  # a wheel scrolls it
        assert layouts == []
        field.focus()
        await pilot.press("end")
        await pilot.pause()
        assert field.scroll_offset.x == field.max_scroll_x > 0  # scrolled to the cursor, as
        # Textual's Input is (the same offset, checked by hand, before this change)
        field.blur()
        field.cursor_position = 0
        await pilot.pause()
        field.scroll_to(x=4, animate=False, immediate=True)  # a mouse wheel over the field
        assert field.scroll_offset.x == 4
        with app.screen.prevent(Input.Changed):  # as the form is filled from a record
            field.value = "y"  # another record's short name; the cursor stays at 0
        await pilot.pause()
        assert field.scroll_offset.x == 0 == field.max_scroll_x
