"""``Checkbox``: Textual's checkbox, changed only by space or a click on it, and showing its
state as a glyph (DESIGN §6).

Textual's checkbox also toggles on enter, and enter is the key that opens or edits
elsewhere (the Debrief list hints "enter edit"): with focus left on "I would not attend",
enter took a program off the rank list without a word. Every checkbox of the app is this
one; enter goes on to the screen like any key the box does not use.

Textual's checkbox also draws the same "X" on or off and tells them apart by colour alone;
this one draws "X" when on and a blank when off, inside the same half-block box.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import Checkbox as TextualCheckbox

from rankplan.tui.widgets.readable import readable_strip


ON, OFF = "X", " "


class Checkbox(TextualCheckbox, inherit_bindings=False):
    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False, id="checkbox.toggle")]

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual's name for the mark in the box
        return ON if self.value else OFF

    def render_line(self, y: int) -> Strip:
        # The "X" is the theme's success colour, 3.2:1 on textual-light's panel.
        return readable_strip(self, super().render_line(y))
