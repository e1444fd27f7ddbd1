"""Text that reads in every theme (DESIGN §6: WCAG 4.5:1, the selected row included).

A theme's warning or success colour can be 3:1 on a light background, a table's selected row
3.8:1 in textual-dark. Each drawn line goes through ``contrast.readable``, which keeps a
colour's hue and moves it toward black or white only as far as it must. (The table version is
``readable_table.ReadableTable``, apart: Textual's DataTable is not imported before the first
frame.)
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from rankplan.tui.contrast import readable_in


def _block(char: str) -> bool:
    return "\u2580" <= char <= "\u259f"  # the block elements: ▀ ▄ █ ▌ ▐ ...


def readable_strip(widget: Widget, strip: Strip) -> Strip:
    """``strip`` with every run of text (not a box's half blocks, which are drawn in the
    colour around them on purpose) readable on its background."""
    return Strip([Segment(s.text, readable_in(widget.app, s.style), s.control)
                  if s.style is not None and any(c.strip() and not _block(c) for c in s.text)
                  else s
                  for s in strip],
                 strip.cell_length)


class ReadableStatic(Static):
    def render_line(self, y: int) -> Strip:
        return readable_strip(self, super().render_line(y))
