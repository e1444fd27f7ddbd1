"""The odds panel: the headline figures and a bar per rank (line-rendered)."""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

BLOCKS = " ▏▎▍▌▋▊▉█"


def bar(fraction: float, width: int) -> str:
    """A horizontal bar ``width`` cells long at most, in eighths of a cell."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (BLOCKS[part] if part else "")).ljust(width)


class OddsChart(ScrollView, can_focus=False):
    """P(match at rank k) for each rank, scaled to the largest."""

    COMPONENT_CLASSES = {"odds--bar", "odds--label"}
    DEFAULT_CSS = """
    OddsChart { height: auto; }
    OddsChart > .odds--bar { color: $accent; }
    OddsChart > .odds--label { color: $text-muted; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.values: tuple[float, ...] = ()

    def show(self, values: tuple[float, ...]) -> None:
        if values == self.values:
            return
        resized = len(values) != len(self.values)
        self.values = values
        if resized:  # a new length needs a new layout; new figures only a repaint
            self.virtual_size = Size(self.size.width, len(values))
            self.styles.height = len(values) or 1  # max-height in CSS caps it
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        k = y + self.scroll_offset.y
        if k >= len(self.values):
            return Strip.blank(width, self.rich_style)
        value = self.values[k]
        top = max(self.values) or 1.0
        label = f"{k + 1:>3} "
        figure = f" {value:>4.0%}"
        bar_width = max(1, width - len(label) - len(figure))
        return Strip(
            [
                Segment(label, self.rich_style + self.get_component_rich_style("odds--label")),
                Segment(bar(value / top, bar_width), self.rich_style + self.get_component_rich_style("odds--bar")),
                Segment(figure, self.rich_style),
            ]
        ).adjust_cell_length(width, self.rich_style)
