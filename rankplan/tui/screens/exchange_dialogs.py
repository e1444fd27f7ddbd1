"""Export (ctrl+e) and import (command palette) dialogs: the screens' way to the exchange."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widgets import Input, Static

from rankplan.tui.screens.dialogs import Dialog
from rankplan.tui.widgets.choice import Choice

FORMAT_LABELS = {
    "text": "Plain text, for an advisor",
    "markdown": "Markdown",
    "csv": "CSV spreadsheet (programs)",
    "ics": "iCalendar (week and milestones)",
    "json": "JSON (for scripts and other tools)",
}


def default_export_path(fmt: str, today: date, folder: Path | None = None) -> Path:
    """``rankplan-2026-11-21.txt`` in ``folder`` (the last export's, from settings), else
    the documents folder (home when there is none)."""
    import platformdirs

    from rankplan.exchange.render import EXTENSIONS

    if folder is None or not folder.is_dir():
        folder = platformdirs.user_documents_path()
    if not folder.is_dir():
        folder = Path.home()
    return folder / f"rankplan-{today.isoformat()}{EXTENSIONS[fmt]}"


class PathSuggester(Suggester):
    """Completes a path as it is typed (right arrow at the end takes the rest): the first name in
    its folder that starts with what follows the last "/", folders with a "/" after them.
    ``suffix``: files with other endings are not offered (folders always are)."""

    def __init__(self, suffix: str = "") -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.suffix = suffix

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        head, _, start = value.rpartition("/")
        folder = Path(head or "/").expanduser() if "/" in value else Path.cwd()
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name.casefold())
        except OSError:
            return None
        hidden = start.startswith(".")
        for entry in entries:
            name = entry.name
            if not name.startswith(start) or name == start or (name[0] == "." and not hidden):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                return value + name[len(start):] + "/"
            if not self.suffix or name.lower().endswith(self.suffix):
                return value + name[len(start):]
        return None


class ExportDialog(Dialog):
    """Ask the format and the path; the result is (format, path)."""

    AUTO_FOCUS = "#format"
    TITLE_TEXT = "Export the plan"
    OK_LABEL = "Export"

    def __init__(self, today: date, folder: Path | None = None, fmt: str = "text") -> None:
        """``fmt``: the format chosen first (the session's last export's)."""
        super().__init__()
        self.today = today
        self.folder = folder  # the last export's (settings.toml), or None
        self.fmt = fmt if fmt in FORMAT_LABELS else "text"

    def fields(self) -> ComposeResult:
        yield self.row("Format", Choice([(label, fmt) for fmt, label in FORMAT_LABELS.items()],
                                        value=self.fmt, id="format"))
        yield self.row("Save to", Input(str(default_export_path(self.fmt, self.today,
                                                                self.folder)),
                                        id="path", suggester=PathSuggester(),
                                        select_on_focus=False))
        yield Static("An existing file at that path is replaced.", classes="note")

    @on(Choice.Changed, "#format")
    def _format(self, event: Choice.Changed) -> None:
        """Keep the extension in step with the format, unless the user typed their own."""
        from rankplan.exchange.render import EXTENSIONS

        field = self.query_one("#path", Input)
        path = Path(field.value)
        if path.suffix in EXTENSIONS.values() and event.value in EXTENSIONS:
            field.value = str(path.with_suffix(EXTENSIONS[event.value]))

    def result(self) -> tuple[str, Path]:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            raise ValueError("say where to save the export")
        path = Path(text).expanduser()
        if path.is_dir():
            raise ValueError(f"{path} is a folder; add a file name")
        if not path.parent.is_dir():
            raise ValueError(f"there is no folder {path.parent}")
        return str(self.query_one("#format", Choice).value), path


# How to read a date with slashes that reads two ways: rankplan import --date-order.
DATE_ORDER_LABELS = {
    "": "ask (refuse 02/11/2026)",
    "mdy": "month first: 02/11 is Feb 11",
    "dmy": "day first: 02/11 is Nov 2",
}


DATE_ORDER_IN_DIALOG = "say which under Dates below (month first or day first)"


class ImportDialog(Dialog):
    """Ask for a CSV file and how its dates are written; the result is the file's path
    (``date_order`` holds the other answer: "mdy", "dmy" or None, as ``--date-order``)."""

    AUTO_FOCUS = "#path"
    TITLE_TEXT = "Import programs from a spreadsheet (CSV)"
    OK_LABEL = "Import"

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder if folder is not None and folder.is_dir() else Path.home()

    def fields(self) -> ComposeResult:
        yield Static("One program per row; the header names the columns as in the plan file "
                     "(name, setting, preference, interview_date, debrief.board_policy, ...) "
                     "or as spreadsheets do (Program Name, Interview Date, Notes); a column "
                     "of 1-5 scores is a criterion. Nothing is imported if any row has a "
                     "problem.", classes="note")
        # The folder stays when the file name is typed after it (selected on focus, the
        # first letter typed replaced it).
        yield self.row("CSV file", Input(str(self.folder).rstrip("/") + "/", id="path",
                                         suggester=PathSuggester(".csv"),
                                         select_on_focus=False))
        yield Static("→ at the end takes the grey completion", classes="note")
        yield self.row("Dates", Choice([(label, order) for order, label
                                        in DATE_ORDER_LABELS.items()], value="",
                                       id="date-order"))

    @property
    def date_order(self) -> str | None:
        """The ``--date-order`` chosen: "mdy", "dmy", or None to refuse a two-way date."""
        return str(self.query_one("#date-order", Choice).value) or None

    def result(self) -> Path:
        text = self.query_one("#path", Input).value.strip()
        if not text:  # Path("") is ".": the message said "no file at ."
            raise ValueError("name the CSV file to import")
        path = Path(text).expanduser()
        if path.is_dir():
            raise ValueError(f"{path} is a folder; add the CSV file's name")
        if not path.is_file():
            raise ValueError(f"no file at {path}")
        return path

    def show_problems(self, lines: list[str]) -> None:
        from rankplan.exchange.csv_values import DATE_ORDER_ADVICE

        # The dialog has its own question for a date that reads two ways.
        lines = [line.replace(DATE_ORDER_ADVICE, DATE_ORDER_IN_DIALOG) for line in lines]
        shown = lines[:8] + ([f"... and {len(lines) - 8} more"] if len(lines) > 8 else [])
        self.show_error("Nothing imported:\n" + "\n".join(shown))
