"""The odds panel: the headline figures and a bar per rank (line-rendered).

Its first line is a caption saying what the bars are and, when the ranks do not all fit (four
at 80x24), which of them are in sight and how to see the others: the chart is then a Tab
stop whose up/down/pgup/pgdn/home/end scroll it (a mouse wheel always did, the keyboard
could not reach ranks 5 and on), and it follows the Rank list's cursor.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from rankplan.tui.widgets.pass_style import PassStyle

BLOCKS = " ▏▎▍▌▋▊▉█"
CAPTION = "Chance to match at each rank"


def bar(fraction: float, width: int) -> str:
    """A horizontal bar ``width`` cells long at most, in eighths of a cell."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (BLOCKS[part] if part else "")).ljust(width)


def caption(first: int, last: int, total: int, *, focused: bool, width: int) -> str:
    """The chart's first line: ranks ``first``-``last`` (from 1) of ``total`` in sight."""
    if first <= 1 and last >= total:
        return CAPTION
    shown = f"Ranks {first}-{last} of {total}"
    how = "↑↓ pgup pgdn" if focused else "tab to it, ↑↓"
    for text in (f"{shown} ({how})", f"{shown} ↑↓", shown):
        if cell_len(text) <= width:
            return text
    return shown


class OddsChart(PassStyle, ScrollView, can_focus=True):
    """P(match at rank k) for each rank, scaled to the largest, under a caption line.

    Focusable only while some ranks are out of sight (otherwise Tab would stop on a chart
    that has nothing to scroll)."""

    COMPONENT_CLASSES = {"odds--bar", "odds--label"}
    DEFAULT_CSS = """
    OddsChart { height: auto; }
    OddsChart:focus { background-tint: $foreground 8%; }
    OddsChart > .odds--bar { color: $accent; }
    OddsChart > .odds--label { color: $text-muted; }
    """
    BINDINGS = [
        Binding("down", "scroll_down", "More ranks", id="rank.odds_down"),
        Binding("up", "scroll_up", "Earlier ranks", show=False, id="rank.odds_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="rank.odds_page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="rank.odds_page_up"),
        Binding("home", "scroll_home", "First ranks", show=False, id="rank.odds_first"),
        Binding("end", "scroll_end", "Last ranks", show=False, id="rank.odds_last"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.values: tuple[float, ...] = ()

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0

    def show(self, values: tuple[float, ...]) -> None:
        if values == self.values:
            return
        old, self.values = self.values, values
        if len(values) != len(old):  # a new length needs a new layout; new figures only a repaint
            self.virtual_size = Size(self.size.width, len(values) + 1)
            self.styles.height = len(values) + 1  # max-height in CSS caps it
        elif max(values) == max(old) and self.size.height:
            # The bars keep their scale: only the ranks in sight whose chance changed are
            # drawn again (a move changes the two ranks it swaps and none below: 2 bars, not
            # 13). A rank out of sight is drawn when scrolled to. A chart with no size (its
            # tab hidden: ctrl+o) has no bars in sight: it is drawn whole, since coming back
            # at the same size would show the lines kept from before.
            first, last = self.in_sight()
            for k in range(first - 1, last):
                if old[k] != values[k]:
                    self.refresh_line(k + 1)
            return
        self.refresh()

    def in_sight(self) -> tuple[int, int]:
        """The first and last rank in sight, counted from 1."""
        first = round(self.scroll_offset.y) + 1
        return first, min(len(self.values), first + max(0, self.size.height - 1) - 1)

    def follow(self, rank: int) -> None:
        """Bring ``rank`` (from 1) into sight: the chart follows the Rank list's cursor, so
        the odds of the program the user is on show without leaving the list."""
        first, last = self.in_sight()
        if self.max_scroll_y <= 0 or first <= rank <= last:
            return
        top = rank - 1 if rank < first else rank - 1 - (last - first)
        self.scroll_to(y=top, animate=False, immediate=True)
        self.refresh()  # the caption names the ranks in sight

    def _on_focus(self, event) -> None:
        super()._on_focus(event)
        self.refresh()  # the caption names the keys

    def _on_blur(self, event) -> None:
        super()._on_blur(event)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        label_style = base + self.get_component_rich_style("odds--label")
        if y == 0:
            if not self.values:
                return Strip.blank(width, base)
            first, last = self.in_sight()
            text = caption(first, last, len(self.values), focused=self.has_focus, width=width)
            return Strip([Segment(text, base)]).adjust_cell_length(width, base)
        k = y - 1 + round(self.scroll_offset.y)
        if k >= len(self.values):
            return Strip.blank(width, base)
        value = self.values[k]
        top = max(self.values) or 1.0
        label = f"{k + 1:>3} "
        figure = f" {value:>4.0%}"
        bar_width = max(1, width - len(label) - len(figure))
        return Strip(
            [
                Segment(label, label_style),
                Segment(bar(value / top, bar_width), base + self.get_component_rich_style("odds--bar")),
                Segment(figure, base),
            ]
        ).adjust_cell_length(width, base)
