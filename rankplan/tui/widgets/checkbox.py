"""``Checkbox``: Textual's checkbox, changed only by space or a click on it, and showing its
state as a glyph (DESIGN §6).

Textual's checkbox also toggles on enter, and enter is the key that opens or edits
elsewhere (the Debrief list hints "enter edit"): with focus left on "I would not attend",
enter took a program off the rank list without a word. Every checkbox of the app is this
one; enter goes on to the screen like any key the box does not use.

Textual's checkbox also draws the same "X" on or off and tells them apart by colour alone;
this one draws "X" when on and a blank when off, inside the same half-block box.

Textual marks a box that is on with the class ``-on``, and a class change restyles the
widget (2-3 ms each; choosing another interview on the Debrief screen sets six boxes).
This one keeps the on colours in a component class of its own, read when it draws.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Checkbox as TextualCheckbox

from rankplan.tui.widgets.gathered import Gathered
from rankplan.tui.widgets.kept_lines import KeptLines
from rankplan.tui.widgets.own_keys import OwnKeysFirst
from rankplan.tui.widgets.readable import readable_strip

ON, OFF = "X", " "


class Checkbox(KeptLines, OwnKeysFirst, Gathered, TextualCheckbox, inherit_bindings=False):
    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False, id="checkbox.toggle")]
    COMPONENT_CLASSES = {"checkbox--on"}
    DEFAULT_CSS = """
    Checkbox {
        & > .checkbox--on {
            color: $text-success;
            background: $panel;
        }
        &:ansi > .checkbox--on {
            color: $accent;
            background: $ansi-background;
            text-style: bold not dim;
        }
    }
    """

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual's name for the mark in the box
        return ON if self.value else OFF

    def watch_value(self) -> None:
        """Textual's, without the ``-on`` class: the repaint that ``value`` asks for draws the
        new state."""
        self.post_message(self.Changed(self, self.value))

    @property
    def _button(self) -> Content:
        if not self.value:
            return super()._button
        style = self.get_visual_style("checkbox--on")
        side = Style(foreground=style.background, background=self.background_colors[1])
        return Content.assemble((self.BUTTON_LEFT, side), (self.BUTTON_INNER, style),
                                (self.BUTTON_RIGHT, side))

    def kept_key(self) -> tuple[bool, str, tuple]:
        # A Debrief record change flips up to seven boxes: each state is drawn once. (A
        # label's Content compares by its text alone: its spans go in too.)
        return self.value, self._label.plain, tuple(self._label.spans)

    def render_line(self, y: int) -> Strip:
        # The "X" is the theme's success colour, 3.2:1 on textual-light's panel.
        return readable_strip(self, super().render_line(y))
