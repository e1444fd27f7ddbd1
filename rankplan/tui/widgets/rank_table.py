"""The rank list: a line-rendered list that reorders by keyboard and by mouse drag.

Only the visible lines are drawn (``render_line``), so a move costs the same at 15 programs
as at 300. The widget computes nothing about the plan: the screen hands it ``RankRow``s and
turns its requests into model calls.

Keys typed faster than the screen redraws (key repeat) must each move the program the
previous key moved (DESIGN §6), so a move is not a message that waits in queues while the
next key reads a stale cursor: ``move_requested`` is called at once, and a screen that owns
the model (``RankedTable`` on the Rank screen) applies the move there and then, so the next
key reads the moved state. The base class posts ``Moved`` for anyone else.

Lines: in ranked mode a divider line is drawn after the top band and before the bottom band;
``_line_of`` and ``_row_at`` map between row indexes and lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from rankplan.core.model import Likelihood
from rankplan.core.text import visible
from rankplan.tui.contrast import readable_in
from rankplan.tui.widgets.own_keys import OwnKeysFirst
from rankplan.tui.widgets.pass_style import PassStyle

LIKELIHOOD_LETTER = {Likelihood.GREEN: "G", Likelihood.YELLOW: "Y", Likelihood.RED: "R"}
EDGE = 2  # lines from the top or bottom edge where a drag scrolls the list
COMPACT = 58  # below this width a row leaves out the track and shows the likelihood's letter


@dataclass(frozen=True)
class RankRow:
    """One program as the list shows it; the screen builds these from the model."""

    id: str
    name: str
    specialty: str  # short form, "" when the plan has one specialty
    track: str
    preference: str
    likelihood: Likelihood
    chance: float | None  # P(match here); None in the unranked list
    value: float | None = None  # points of P(matched) lost without it; None when unranked


def figure_cells(row: RankRow | None) -> tuple[str, str]:
    """The two figure columns of a ranked row, or their headers (``row`` None)."""
    if row is None:
        return f"{'here':>5}", f"{'value':>6}"
    chance = "" if row.chance is None else f"{row.chance:>5.0%}"
    value = "" if row.value is None else f"{row.value * 100:>6.1f}"
    return chance, value


class RankTable(OwnKeysFirst, PassStyle, ScrollView, can_focus=True):
    """Rows of programs with a cursor; ranked mode adds rank numbers and band dividers."""

    ALLOW_SELECT = False  # a press starts a drag, not a text selection
    COMPONENT_CLASSES = {
        "rank--cursor",
        "rank--divider",
        "rank--dragged",
        "rank--green",
        "rank--yellow",
        "rank--red",
        "rank--dim",
    }
    DEFAULT_CSS = """
    RankTable { height: 1fr; background: $surface; }
    RankTable > .rank--cursor { background: $block-cursor-blurred-background; }
    RankTable:focus > .rank--cursor { background: $block-cursor-background;
                                      color: $block-cursor-foreground; text-style: bold; }
    RankTable > .rank--divider { color: $text-muted; }
    RankTable > .rank--dragged { background: $accent 60%; color: $text; text-style: bold; }
    RankTable > .rank--green { color: $text-success; text-style: bold; }
    RankTable > .rank--yellow { color: $text-warning; text-style: bold; }
    RankTable > .rank--red { color: $text-error; text-style: bold; }
    RankTable > .rank--dim { color: $text-muted; }
    """
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False, id="rank.cursor_up"),
        Binding("down", "cursor(1)", "Down", show=False, id="rank.cursor_down"),
        Binding("pageup", "cursor(-10)", "Page up", show=False, id="rank.page_up"),
        Binding("pagedown", "cursor(10)", "Page down", show=False, id="rank.page_down"),
        Binding("home", "cursor_to(0)", "First", show=False, id="rank.first"),
        Binding("end", "cursor_to(-1)", "Last", show=False, id="rank.last"),
        Binding("shift+up,alt+up,K", "move(-1)", "Move up", show=False, id="rank.move_up"),
        Binding("shift+down,alt+down,J", "move(1)", "Move down", show=False, id="rank.move_down"),
        Binding("shift+home", "move_to(0)", "To top", show=False, id="rank.move_top"),
        Binding("shift+end", "move_to(-1)", "To bottom", show=False, id="rank.move_bottom"),
        Binding("escape", "cancel_drag", "Cancel drag", show=False, id="rank.cancel_drag"),
    ]

    class Moved(Message):
        """The user moved the row at ``src`` to ``dst`` (final index)."""

        def __init__(self, table: RankTable, src: int, dst: int) -> None:
            super().__init__()
            self.table = table
            self.src = src
            self.dst = dst

        @property
        def control(self) -> RankTable:
            return self.table

    class CursorMoved(Message):
        def __init__(self, table: RankTable, index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> RankTable:
            return self.table

    def __init__(self, *, ranked: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ranked = ranked
        self.rows: list[RankRow] = []
        self.cursor = 0
        self.top = self.bottom = 0  # band sizes, set by the screen
        self.show_specialty = False
        self._press: tuple[int, int] | None = None  # (row, screen y) of a mouse press
        self._drag: tuple[int, int] | None = None  # (from row, to row) while dragging
        self._divs: list[tuple[int, str]] = []
        self.header: RankHeader | None = None  # column headings kept in step, if any
        self.empty_text = ""  # what an empty list says instead (how to fill it)

    # -- data --------------------------------------------------------------------------------

    def set_rows(self, rows: list[RankRow], *, top: int = 0, bottom: int = 0,
                 cursor: int | None = None) -> None:
        """Replace every row (a new plan, an undo, a new program)."""
        self.rows = rows
        self.top, self.bottom = top, bottom
        self._divs = self._compute_dividers()
        if cursor is not None:
            self.cursor = cursor
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        if self._press is not None:  # rows replaced mid-drag (an undo): the drag is over
            self.release_mouse()
        self._drag = self._press = None
        self._resize()
        self.refresh()
        if self.header is not None:
            self.header.refresh()

    def replace_rows(self, start: int, rows: list[RankRow]) -> None:
        """Replace rows ``start..start+len(rows)`` in place and redraw only their lines."""
        self.rows[start : start + len(rows)] = rows
        self._refresh_rows(start, start + len(rows) - 1)

    def _resize(self) -> None:
        self.virtual_size = Size(self.size.width, self._line_count())

    def on_resize(self) -> None:
        self._resize()
        if self.header is not None:
            self.header.refresh()

    # -- lines and rows ------------------------------------------------------------------------

    def _compute_dividers(self) -> list[tuple[int, str]]:
        """(row index, label) of each band divider: before the top, core and bottom bands."""
        n = len(self.rows)
        if not self.ranked or n == 0:
            return []
        marks = [(0, "top: reach")]
        core_start, bottom_start = self.top, n - self.bottom
        if core_start < bottom_start:
            marks.append((core_start, "core: strong chances you like"))
        if 0 < bottom_start < n or (bottom_start == 0 and self.bottom and not self.top):
            marks.append((bottom_start, "bottom: safety net"))
        return [(d, label) for d, label in marks if d < n]

    def _line_count(self) -> int:
        return len(self.rows) + len(self._divs)

    def _line_of(self, row: int) -> int:
        return row + sum(1 for d, _ in self._divs if d <= row)

    def _row_at(self, line: int) -> int | None:
        """The row drawn at ``line``, or None for a divider."""
        before = 0
        for i, (d, _) in enumerate(self._divs):
            if line == d + i:
                return None
            if d + i < line:
                before += 1
        row = line - before
        return row if 0 <= row < len(self.rows) else None

    def _divider_at(self, line: int) -> str:
        for i, (d, label) in enumerate(self._divs):
            if line == d + i:
                return label
        return ""

    def _display_order(self, index: int) -> int:
        """Which row is drawn at position ``index`` (a drag previews its result)."""
        if self._drag is None:
            return index
        src, dst = self._drag
        if index == dst:
            return src
        if src < dst and src <= index < dst:
            return index + 1
        if dst < src and dst < index <= src:
            return index - 1
        return index

    def _refresh_rows(self, a: int, b: int) -> None:
        lo, hi = min(a, b), max(a, b)
        first = self._line_of(lo)
        self.refresh_lines(first, self._line_of(hi) - first + 1)

    # -- drawing -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        if not self.rows and self.empty_text:
            return self._empty_line(line, width)
        if line >= self._line_count():
            return Strip.blank(width, self.rich_style)
        row = self._row_at(line)
        if row is None:
            return self._divider(line, width)
        return self._render_row(row, width)

    def _empty_line(self, line: int, width: int) -> Strip:
        """``empty_text`` wrapped to the width, a line at a time (muted, as a hint)."""
        import textwrap

        lines = textwrap.wrap(self.empty_text, max(10, width - 4))
        text = ("  " + lines[line]) if line < len(lines) else ""
        style = self._readable(self.rich_style + self.get_component_rich_style("rank--dim"))
        return Strip([Segment(text, style)]).adjust_cell_length(width, self.rich_style)

    def _divider(self, line: int, width: int) -> Strip:
        text = f"── {self._divider_at(line)} ".ljust(width, "─")[:width]
        style = self.get_component_rich_style("rank--divider")
        return Strip([Segment(text, self._readable(self.rich_style + style))], width)

    def _render_row(self, index: int, width: int) -> Strip:
        row = self.rows[self._display_order(index)]
        base = self.rich_style
        dragged = self._drag is not None and index == self._drag[1]
        selected = not dragged and index == self.cursor and self._drag is None
        if dragged:
            base = self._readable(base + self.get_component_rich_style("rank--dragged"))
        elif selected:
            base = self._cursor_style()
        else:
            base = self._readable(base)
        mark = "⇕ " if dragged else "  "
        rank, tail, word, chance, value = self._columns(index, row, width)
        name_width = self._name_width(width, rank, tail, word, chance + value)
        shown = visible(row.name)  # plan text: control characters as \xNN, never sent raw
        name = (shown if cell_len(shown) <= name_width
                else set_cell_size(shown, name_width - 1) + "…")
        colour = self.get_component_rich_style(f"rank--{row.likelihood.value or 'dim'}")
        segments = [
            Segment(mark + rank, base),
            Segment(set_cell_size(name, name_width) + " ", base),
            Segment(tail, base),
            # On the selected or dragged row the word (its letter) says the likelihood in
            # the row's own colours: a theme's green on its cursor colour can be 1.2:1.
            Segment(word, base if dragged or selected
                    else self._readable(base + Style(color=colour.color, bold=True))),
            Segment(chance + value + " ", base),
        ]
        return Strip(segments).adjust_cell_length(width, base)

    def _cursor_style(self) -> Style:
        """The selected row: the theme's cursor, its text made readable (DESIGN §6). In a
        theme of the terminal's own ANSI colours, whose values only the terminal knows, the
        terminal's text and background colours swapped (a theme's ANSI white behind bold
        black is grey on grey in many terminals); underlined while the list has no focus."""
        if self.app.current_theme.ansi:
            return self.rich_style + (Style(reverse=True, bold=True) if self.has_focus
                                      else Style(underline=True))
        return self._readable(self.rich_style + self.get_component_rich_style("rank--cursor"))

    def _readable(self, style: Style) -> Style:
        return readable_in(self.app, style)

    def _columns(self, index: int, row: RankRow | None, width: int,
                 ) -> tuple[str, str, str, str, str]:
        """(rank, tail, likelihood, chance, value) of a row, or the headers of each (``row``
        None). Below COMPACT cells the track is left out and the likelihood is its letter."""
        compact = width < COMPACT
        rank = (f"{index + 1:>3} " if row else "  # ") if self.ranked else ""
        tail_parts = []
        if self.show_specialty:
            tail_parts.append(f"{visible(row.specialty):<4}" if row else "spec")
        if not compact:
            tail_parts.append(f"{row.track:<4}" if row else "trk ")
        tail_parts.append(f"{row.preference:<4}" if row else "pref")
        tail = " ".join(tail_parts) + " "
        letter = LIKELIHOOD_LETTER.get(row.likelihood, "?") if row else "L"
        if compact:
            word = f"{letter} "
        else:
            word = f"{letter} {row.likelihood.value:<6}" if row else "likely  "
        shows_figures = self.ranked if row is None else row.chance is not None
        chance, value = figure_cells(row) if shows_figures else ("", "")
        return rank, tail, word, chance, value

    @staticmethod
    def _name_width(width: int, rank: str, tail: str, word: str, figures: str) -> int:
        return max(6, width - 2 - len(rank) - len(tail) - len(word) - len(figures) - 2)

    def header_text(self) -> str:
        """The column headings, laid out as the rows are at the current width."""
        width = self.scrollable_content_region.width or self.size.width
        rank, tail, word, chance, value = self._columns(0, None, width)
        name_width = self._name_width(width, rank, tail, word, chance + value)
        return ("  " + rank + "program".ljust(name_width) + " " + tail + word + chance
                + value + " ")[:width]

    # -- keyboard ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_drag":  # escape goes on to the screen unless a drag is on
            return self._drag is not None or self._press is not None
        if action in ("move", "move_to"):
            return self.ranked
        return True

    def current_id(self) -> str | None:
        return self.rows[self.cursor].id if self.rows else None

    def select_index(self, index: int) -> None:
        if not self.rows:
            return
        old = self.cursor
        self.cursor = max(0, min(index, len(self.rows) - 1))
        self._refresh_rows(old, old)
        self._refresh_rows(self.cursor, self.cursor)
        self.scroll_to_region(
            self._row_region(self.cursor), animate=False, force=True, immediate=True
        )
        if old != self.cursor:
            self.post_message(self.CursorMoved(self, self.cursor))

    def _row_region(self, row: int):
        from textual.geometry import Region

        return Region(0, self._line_of(row), 1, 1)

    def action_cursor(self, delta: int) -> None:
        self.select_index(self.cursor + delta)

    def action_cursor_to(self, index: int) -> None:
        self.select_index(index if index >= 0 else len(self.rows) - 1)

    def action_move(self, delta: int) -> None:
        self._request_move(self.cursor, self.cursor + delta)

    def action_move_to(self, index: int) -> None:
        self._request_move(self.cursor, index if index >= 0 else len(self.rows) - 1)

    def _request_move(self, src: int, dst: int) -> None:
        if not self.ranked or not self.rows:
            return
        dst = max(0, min(dst, len(self.rows) - 1))
        if dst != src:
            self.move_requested(src, dst)

    def move_requested(self, src: int, dst: int) -> None:
        """The user asked to move row ``src`` to ``dst``. Override to apply it at once."""
        self.post_message(self.Moved(self, src, dst))

    def apply_move(self, src: int, dst: int, rows: list[RankRow]) -> None:
        """Show a move the model made: ``rows`` are the new rows from min to max index."""
        lo = min(src, dst)
        self.rows[lo : lo + len(rows)] = rows
        self.cursor = dst
        self._refresh_rows(src, dst)
        self.scroll_to_region(self._row_region(dst), animate=False, force=True, immediate=True)

    # -- mouse drag ------------------------------------------------------------------------------

    def _row_from_event(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset_capture(self)
        line = offset.y + self.scroll_offset.y
        if line < 0:
            return 0
        if line >= self._line_count():
            return len(self.rows) - 1 if self.rows else None
        row = self._row_at(line)
        if row is None:  # a divider: the row below it
            row = self._row_at(line + 1)
        return row

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1 or not self.rows:
            return
        row = self._row_from_event(event)
        if row is None:
            return
        self.focus()
        self.select_index(row)
        self._press = (row, event.screen_y)
        if self.ranked:
            self.capture_mouse()
        event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._press is None:
            return
        src, start_y = self._press
        if self._drag is None and abs(event.screen_y - start_y) < 1:
            return
        target = self._row_from_event(event)
        if target is None:
            return
        offset = event.get_content_offset_capture(self)
        if offset.y < EDGE:
            self.scroll_relative(y=-1, animate=False, immediate=True)
        elif offset.y >= self.scrollable_content_region.height - EDGE:
            self.scroll_relative(y=1, animate=False, immediate=True)
        previous = self._drag
        self._drag = (src, target)
        self.styles.pointer = "grabbing"
        lo = min(src, target, previous[1] if previous else src)
        hi = max(src, target, previous[1] if previous else src)
        self._refresh_rows(lo, hi)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._press is None:
            return
        self.release_mouse()
        drag, self._drag, self._press = self._drag, None, None
        self.styles.pointer = "default"
        if drag is not None:
            src, dst = drag
            self._refresh_rows(min(src, dst), max(src, dst))
            if src != dst:
                self.move_requested(src, dst)
            event.stop()

    def on_click(self, event: events.Click) -> None:
        event.stop()  # the press already selected the row; a click after a drag means nothing

    def action_cancel_drag(self) -> None:
        if self._drag is None and self._press is None:
            return
        drag, self._drag, self._press = self._drag, None, None
        self.release_mouse()
        self.styles.pointer = "default"
        if drag:
            self._refresh_rows(min(drag), max(drag))

    def on_hide(self) -> None:
        self.action_cancel_drag()


class RankHeader(Widget):
    """The column headings over a RankTable, laid out as its rows are."""

    DEFAULT_CSS = """
    RankHeader { height: 1; color: $text-muted; text-style: bold; }
    """

    def __init__(self, table: RankTable, **kwargs) -> None:
        super().__init__(**kwargs)
        self.table = table
        table.header = self

    def render(self) -> Text:
        return Text(self.table.header_text(), no_wrap=True, overflow="crop")
