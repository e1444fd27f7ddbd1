"""The list of interviews on the Debrief screen: one row per program, sortable."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from rankplan.core.model import Likelihood, Preference
from rankplan.tui.literal import literal_text
from rankplan.tui.widgets.readable_table import ReadableTable

LIKELIHOOD_STYLE = {
    Likelihood.GREEN: "bold green",
    Likelihood.YELLOW: "bold yellow",
    Likelihood.RED: "bold red",
}
PREFERENCE_ORDER = {Preference.HIGH: 0, Preference.MEDIUM: 1, Preference.LOW: 2}


class SortKey(StrEnum):
    DATE = "date"
    NAME = "name"
    PREFERENCE = "preference"
    FIT = "fit"


@dataclass(frozen=True)
class InterviewRow:
    """What one row shows; the screen computes it from the model, the table only draws it."""

    id: str
    name: str
    setting: str
    date: str  # ISO or ""
    preference: Preference
    likelihood: Likelihood
    overridden: bool
    fit: float | None
    would_not_attend: bool

    def cells(self, narrow: bool = False) -> tuple[Text | str, ...]:
        """The row's cells for the wide layout, or the narrow one (no Setting; the likelihood
        as its letter, the preference and the date shortened), in ``columns(narrow)`` order."""
        word = self.likelihood.value + ("*" if self.overridden else "")
        if narrow:
            word = word[0].upper() + word[-1] * self.overridden
        name = ("× " if self.would_not_attend else "") + self.name
        preference = PREFERENCE_SHORT[self.preference] if narrow else self.preference.value
        date = (self.date[5:] if narrow else self.date) or "-"
        cells = (
            literal_text(name, "dim strike" if self.would_not_attend else ""),
            Text(word, style=LIKELIHOOD_STYLE.get(self.likelihood, "")),
            literal_text(preference),
            "-" if self.fit is None else f"{self.fit:.1f}",
            literal_text(date),
            literal_text(self.setting),
        )
        return cells[:5] if narrow else cells

    def sort_value(self, key: SortKey) -> tuple:
        if key is SortKey.DATE:
            return (self.date == "", self.date, self.name.lower())
        if key is SortKey.NAME:
            return (self.name.lower(),)
        if key is SortKey.PREFERENCE:
            return (PREFERENCE_ORDER[self.preference], self.name.lower())
        return (self.fit is None, -(self.fit or 0), self.name.lower())


COLUMNS = ("Program", "Likely", "Pref", "Fit", "Date", "Setting")
PREFERENCE_SHORT = {Preference.HIGH: "high", Preference.MEDIUM: "med", Preference.LOW: "low"}
# Each column's width in the wide and the narrow layout (None: not shown); Program takes what
# is left. Narrow: likelihood "G*", preference "med", date "10-05" (the year is in the form).
WIDTHS = {"Likely": (7, 2), "Pref": (6, 4), "Fit": (3, 3), "Date": (10, 5), "Setting": (11, None)}
NARROW_LABELS = {"Likely": "L"}
MIN_NAME = 12


class InterviewList(ReadableTable):
    """Rows keyed by program id; the screen decides what is in them."""

    BINDINGS = [
        Binding("a,insert", "screen.add_program", "Add", id="debrief.add"),
        Binding("c", "screen.duplicate_program", "Copy", show=False, id="debrief.duplicate"),
        Binding("d,delete", "screen.delete_program", "Delete", id="debrief.delete"),
        Binding("s", "screen.cycle_sort", "Sort", id="debrief.sort"),
        Binding("enter", "screen.edit_program", "Edit", show=False, id="debrief.edit"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.sort_key = SortKey.DATE
        self.narrow = False
        self._rows: dict[str, InterviewRow] = {}
        self._layout: tuple[bool, tuple[int, ...]] | None = None
        self.showing = False  # show() is redrawing the rows: the cursor passes over others

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # The Debrief screen follows the cursor by watching it, in the key's turn. The
        # message would only pass up through four containers to no one, a message loop each,
        # ahead of the key's frame (some 0.2 ms).
        event.stop()

    def on_mount(self) -> None:
        self._fit_columns()

    def on_resize(self) -> None:
        current = self.current_id()  # new columns clear the rows too: the cursor with them
        with self._redrawing():
            if self._fit_columns():
                self.show(list(self._rows.values()), select=current)

    def _fit_columns(self) -> bool:
        """Pick the layout for the width (every column whole, none cut, nothing sideways):
        the wide one, without Setting if it does not fit, else the narrow one. True if the
        columns changed."""
        room = self.size.width - self.styles.scrollbar_size_vertical  # a scrollbar may come
        pad = 2 * self.cell_padding
        chosen: tuple[bool, tuple[str, ...], tuple[int, ...]] | None = None
        for narrow, names in ((False, COLUMNS), (False, COLUMNS[:5]), (True, COLUMNS[:5])):
            widths = [WIDTHS[n][narrow] for n in names[1:]]
            name = room - sum(w + pad for w in widths) - pad
            chosen = (narrow, names, (max(MIN_NAME, name), *widths))
            if name >= 18 or narrow:
                break
        assert chosen is not None
        narrow, names, widths = chosen
        if self._layout == (narrow, widths) and self.columns:
            return False
        self._layout = (narrow, widths)
        self.narrow = narrow
        self.clear(columns=True)
        for label, width in zip(names, widths):
            shown = NARROW_LABELS.get(label, label) if narrow else label
            self.add_column(shown, key=label, width=width)
        return True

    def show(self, rows: list[InterviewRow], select: str | None = None) -> None:
        """Redraw every row, sorted, keeping ``select`` (or the current row) under the cursor."""
        current = select or self.current_id()
        self._rows = {row.id: row for row in rows}
        with self._redrawing():
            self.clear()
            for row in sorted(rows, key=lambda r: r.sort_value(self.sort_key)):
                self.add_row(*self._cut(row.cells(self.narrow)), key=row.id)
            if current is not None and current in self.rows:
                self.move_cursor(row=self.get_row_index(current))

    @contextmanager
    def _redrawing(self) -> Iterator[None]:
        """``showing`` while the rows are redrawn (blocks may nest)."""
        was, self.showing = self.showing, True
        try:
            yield
        finally:
            self.showing = was

    def _cut(self, cells: tuple) -> tuple:
        """The cells of the columns shown, the name shortened with an ellipsis to its
        column (not cut mid-letter)."""
        width = self._layout[1][0] if self._layout else MIN_NAME
        name = cells[0]
        if name.cell_len > width:
            name = name[: width - 1] + "…"
        return (name, *cells[1:len(self.columns)])

    def update_row(self, row: InterviewRow) -> None:
        """Redraw one row in place (an edit in the form), and only that row.

        DataTable.update_cell stamps every cached line of the table out of date, so one
        edit redrew all the rows in sight (about 40 ms with a 300-program plan, after each
        key in the form). Here the changed cells are written, the caches lose only this
        row's entries (Textual's caches key on the row, its index, or its lines) and
        only its region is repainted."""
        key = RowKey(row.id)
        if key not in self.rows:
            return
        self._rows[row.id] = row
        data = self._data[key]
        changed = False
        for column, value in zip(COLUMNS, self._cut(row.cells(self.narrow))):
            column_key = ColumnKey(column)
            if column_key in data and data[column_key] != value:
                data[column_key] = value
                changed = True
        if not changed:
            return
        index = self.get_row_index(key)
        region = self._get_row_region(index)
        lines = range(region.y, region.bottom)
        for cache in (self._row_render_cache, self._cell_render_cache):
            for cache_key in [k for k in cache.keys() if k[0] == key]:
                cache.discard(cache_key)
        for cache_key in [k for k in self._line_cache.keys() if k[0] in lines]:
            self._line_cache.discard(cache_key)
        for cache_key in [k for k in self._row_renderable_cache.keys() if k[1] == index]:
            self._row_renderable_cache.discard(cache_key)
        self.refresh_row(index)

    def current_id(self) -> str | None:
        if self.row_count == 0:
            return None
        key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return key.value
