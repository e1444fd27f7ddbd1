"""A DataTable whose text reads in every theme (DESIGN §6: WCAG 4.5:1, the selected row
included): Textual's table draws the selected row in the theme's cursor colours (3.8:1 in
textual-dark), the header in ansi-dark at 3.7:1, and cell colours as they come (a yellow
likelihood on a light theme at 2:1). Every line goes through ``readable.readable_strip``.
"""

from __future__ import annotations

from textual.strip import Strip
from textual.widgets import DataTable

from rankplan.tui.widgets.own_keys import OwnKeysFirst
from rankplan.tui.widgets.readable import readable_strip


class ReadableTable(OwnKeysFirst, DataTable):
    # In the ANSI themes the header's colour is the terminal's bright blue, on which neither
    # the terminal's text colour nor black reads: the header goes on the terminal's background.
    DEFAULT_CSS = """
    App.-theme-ansi-dark ReadableTable > .datatable--header,
    App.-theme-ansi-light ReadableTable > .datatable--header {
        background: $background; text-style: bold underline;
    }
    """

    def _set_hover_cursor(self, active: bool) -> None:
        # Textual hides the mouse's faint cursor at every cursor key and redraws the row under
        # the mouse each time, hidden already or not (a Debrief list cursor move: 1.06 ms
        # with that redraw, 0.93 without). Only a change of it needs that row drawn again.
        if active != self._show_hover_cursor:
            super()._set_hover_cursor(active)

    def render_line(self, y: int) -> Strip:
        return readable_strip(self, super().render_line(y))
