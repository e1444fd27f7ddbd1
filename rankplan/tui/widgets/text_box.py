"""``TextBox``: Textual's TextArea for a form, where the box has a fixed height.

Textual's TextArea asks for a new layout of the whole screen whenever its text changes height
(its virtual size): each new line typed, and on Debrief each record change, whose notes are
put in the box once the frame that shows the record is out. At 300 programs that layout
took some 8 ms and redrew the interview list's scrollbar, a second frame 40-50 ms after the
key. A box whose height the form fixes needs no layout for that: only its scrollbar follows
the text, its thumb.

Its scrollbar is always there. Textual lays the whole screen out when a scrollbar comes or
goes (it places the scrollbar in its map of the screen): the key that took the Debrief
notes past the box's height, or back within it, took two frames, 31 ms at 15 programs and
55 ms at 300 (tests/perf/latency.py, "notes past the box's height"); with a scrollbar that
stays, 9 ms. It is one cell wide, and the text wraps at one width whatever its length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import TextArea

from rankplan.tui.widgets.gathered import Gathered

if TYPE_CHECKING:
    from textual.widgets.text_area import Edit, EditResult


class TextBox(Gathered, TextArea):
    DEFAULT_CSS = "TextBox { overflow-y: scroll; scrollbar-size-vertical: 1; }"

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def _refresh_size(self) -> None:
        super()._refresh_size()
        if self.is_mounted and self.container_size.height > 0:  # laid out once already
            # What a layout would do for a scroll view whose text changed height: the
            # scrollbars' size and position, and the scroll kept within the text.
            self._scroll_update(self.virtual_size)

    def edit(self, edit: Edit) -> EditResult:
        height = self.virtual_size.height
        result = super().edit(edit)
        if self.virtual_size.height != height:
            # Textual moves the cursor into view before it measures the new text: a line
            # added at the bottom of a full box left the cursor a row below the view, until
            # the next key. The scrollbars are up to date by now (_refresh_size).
            self.scroll_cursor_visible()
        return result
