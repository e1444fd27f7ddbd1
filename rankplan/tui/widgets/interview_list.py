"""The list of interviews on the Debrief screen: one row per program, sortable."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from rankplan.core.model import Likelihood, Preference
from rankplan.tui.literal import literal_text

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

    def cells(self) -> tuple[Text | str, ...]:
        word = self.likelihood.value + ("*" if self.overridden else "")
        name = ("× " if self.would_not_attend else "") + self.name
        if len(name) > NAME_WIDTH:
            name = name[: NAME_WIDTH - 1] + "…"
        return (
            literal_text(name, "dim strike" if self.would_not_attend else ""),
            Text(word, style=LIKELIHOOD_STYLE.get(self.likelihood, "")),
            literal_text(self.preference.value),
            "-" if self.fit is None else f"{self.fit:.1f}",
            literal_text(self.date or "-"),
            literal_text(self.setting),
        )

    def sort_value(self, key: SortKey) -> tuple:
        if key is SortKey.DATE:
            return (self.date == "", self.date, self.name.lower())
        if key is SortKey.NAME:
            return (self.name.lower(),)
        if key is SortKey.PREFERENCE:
            return (PREFERENCE_ORDER[self.preference], self.name.lower())
        return (self.fit is None, -(self.fit or 0), self.name.lower())


COLUMNS = ("Program", "Likely", "Pref", "Fit", "Date", "Setting")
NAME_WIDTH = 22


class InterviewList(DataTable):
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

    def on_mount(self) -> None:
        for label in COLUMNS:
            self.add_column(label, key=label)

    def show(self, rows: list[InterviewRow], select: str | None = None) -> None:
        """Redraw every row, sorted, keeping ``select`` (or the current row) under the cursor."""
        current = select or self.current_id()
        self.clear()
        for row in sorted(rows, key=lambda r: r.sort_value(self.sort_key)):
            self.add_row(*row.cells(), key=row.id)
        if current is not None and current in self.rows:
            self.move_cursor(row=self.get_row_index(current))

    def update_row(self, row: InterviewRow) -> None:
        """Redraw one row in place (an edit in the form)."""
        if row.id not in self.rows:
            return
        for column, value in zip(COLUMNS, row.cells()):
            self.update_cell(row.id, column, value)

    def current_id(self) -> str | None:
        if self.row_count == 0:
            return None
        key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return key.value
