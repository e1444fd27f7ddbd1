"""TextBox (the Debrief notes, the Profile's story): a new text of another height lays
nothing out, and the scrollbar follows the text as a layout would have it (issue 16:
walking the Debrief list at 300 programs laid the screen out after every record and drew a
second frame 40-50 ms after the key). The scrollbar is always shown: its coming and going
laid the screen out too."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from helpers import on_screen

from rankplan.tui.widgets.text_box import TextBox


def scroll_state(box: TextBox) -> tuple:
    bar = box.vertical_scrollbar
    return (box.show_vertical_scrollbar, bar.window_virtual_size, bar.window_size,
            box.scroll_y, box.max_scroll_y)


async def test_a_text_of_another_height_lays_nothing_out(demo_path: Path, monkeypatch) -> None:
    layouts: list[Screen] = []
    real = Screen._refresh_layout

    def counted(self, *args, **kwargs):
        layouts.append(self)
        return real(self, *args, **kwargs)

    async with on_screen(demo_path, "f3") as (app, pilot):
        box = app.screen.query_one("#p-notes", TextBox)
        box.text = "\n".join(f"line {i}" for i in range(30))
        box.scroll_visible(animate=False)
        await pilot.pause()
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        for lines in (12, 40, 9):  # the box shows 4 lines inside its border
            box.text = "\n".join(f"line {i}" for i in range(lines))  # the cursor goes home
            await pilot.pause()
            state = scroll_state(box)
            assert state[0] and state[1] == lines  # the scrollbar's thumb follows the text
            assert layouts == []
            monkeypatch.undo()
            app.screen.refresh(layout=True)  # what a layout makes of it: the same
            await pilot.pause()
            assert scroll_state(box) == state
            monkeypatch.setattr(Screen, "_refresh_layout", counted)
        box.text = "one line"  # the scrollbar stays, with nothing to scroll
        await pilot.pause()
        assert scroll_state(box) == (True, 1, 4, 0, 0)
        assert layouts == []


async def test_typing_past_the_box_and_back_lays_nothing_out(demo_path: Path,
                                                             monkeypatch) -> None:
    """The key that takes the notes past the box's height, or back within it, lays nothing
    out (a scrollbar coming or going laid the screen out: two frames, 55 ms at 300
    programs)."""
    layouts: list[Screen] = []
    real = Screen._refresh_layout

    def counted(self, *args, **kwargs):
        # The form scrolling to the cursor is no layout; a layout asked for meanwhile is
        # done in that same call (Screen._on_timer_update, Screen._refresh_layout).
        if self._layout_required or self._layout_widgets:
            layouts.append(self)
        return real(self, *args, **kwargs)

    async with on_screen(demo_path, "f3") as (app, pilot):
        box = app.screen.query_one("#p-notes", TextBox)
        box.focus(scroll_visible=False)
        box.scroll_visible(animate=False)
        box.text = ""
        await pilot.pause()
        assert box.show_vertical_scrollbar and box.max_scroll_y == 0
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        await pilot.press(*["x", "enter"] * 6)
        assert box.max_scroll_y > 0 and box.show_vertical_scrollbar
        await pilot.press(*["backspace"] * 12)
        await pilot.pause()
        assert box.text == "" and box.max_scroll_y == 0 and box.show_vertical_scrollbar
        assert layouts == []


async def test_a_new_line_at_the_bottom_keeps_the_cursor_in_view(demo_path: Path) -> None:
    """Textual scrolls to the cursor before it measures the edited text: enter at the end
    of a full box left the cursor a row below the view until the next key."""
    async with on_screen(demo_path, "f3") as (app, pilot):
        box = app.screen.query_one("#p-notes", TextBox)
        box.focus()
        box.text = "\n".join(f"line {i}" for i in range(8))
        await pilot.pause()
        box.move_cursor((7, 6))
        await pilot.pause()
        for _ in range(3):
            await pilot.press("enter")
            row, top = box.cursor_location[0], box.scroll_offset.y
            assert top <= row < top + box.scrollable_content_region.height
        await pilot.press("x")
        assert box.text.endswith("line 7\n\n\nx")
