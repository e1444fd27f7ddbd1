"""The lower half of the Profile form: the exam history and the failure story.

It is imported and mounted only after the first frame (``ProfileScreen`` holds a ``LaterSlot``
where it goes), so neither its widgets nor Textual's DataTable and TextArea modules (about
15 ms to import) stand between starting rankplan and seeing it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from rankplan.core.exams import result_overdue
from rankplan.core.model import EXAM_LABELS, Profile
from rankplan.core.text import visible
from rankplan.tui.quitting import running
from rankplan.tui.widgets.readable_table import ReadableTable
from rankplan.tui.widgets.text_box import TextBox

STORY_FIELDS = {
    "story_context": ("What happened", "The context of the failed attempt, briefly and without excuses."),
    "story_changes": ("What changed", "What you changed in how you study, live or work."),
    "story_evidence": ("What proves it", "Scores, grades or letters since then that show the change."),
}


class ExamTable(ReadableTable):
    """The exam history; its keys add, edit and delete attempts."""

    BINDINGS = [
        Binding("a,insert", "screen.add_exam", "Add attempt", id="profile.add_exam"),
        Binding("e,enter", "screen.edit_exam", "Edit", id="profile.edit_exam"),
        Binding("d,delete", "screen.delete_exam", "Delete", id="profile.delete_exam"),
    ]

    def on_mount(self) -> None:
        self.add_columns("Exam", "Date", "Result", "Score")


class LaterPart(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("Exam history", classes="section-title")
        yield ExamTable(id="exams", cursor_type="row", zebra_stripes=True)
        yield Static("a add · enter edit · d delete", classes="hint", id="exams-hint")
        yield Static("Your story", classes="section-title")
        for key, (label, placeholder) in STORY_FIELDS.items():
            yield Label(label, classes="story-label")
            yield TextBox(id=key, soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                           placeholder=placeholder)

    def on_mount(self) -> None:
        if not running(self):  # the app quit as this was mounting (at once after start-up):
            return  # its parts are not there, and nothing is to be shown (quitting.py)
        self.show(self.app.plan.profile)

    def show(self, profile: Profile, select: int | None = None) -> None:
        """Fill the story and the table from ``profile``; not an edit."""
        with self.prevent(TextArea.Changed):
            for key in STORY_FIELDS:
                area = self.query_one(f"#{key}", TextArea)
                shown = visible(getattr(profile, key))  # control characters as \xNN
                if area.text != shown:
                    area.text = shown
        self.show_exams(profile, select)

    def show_exams(self, profile: Profile, select: int | None = None) -> None:
        table = self.query_one(ExamTable)
        row = table.cursor_row if select is None else select
        table.clear()
        for attempt in profile.exams:
            table.add_row(
                EXAM_LABELS[attempt.exam],
                attempt.date.isoformat() if attempt.date else "-",
                attempt.result.value.upper() if attempt.result.value == "fail" else attempt.result.value,
                str(attempt.score) if attempt.score else "-",
            )
        hint = self.query_one("#exams-hint", Static)
        if not profile.exams:
            hint.update("No attempts yet. a: add one")
        else:
            # A result left pending after its test date: said here, not as a finding (DESIGN
            # names no finding for it).
            overdue = [f"{EXAM_LABELS[a.exam]} on {a.date.isoformat()}: test date passed: "
                       "set the result (enter)" for a in profile.exams
                       if a.date and result_overdue(a, self.app.today)]
            hint.update("\n".join([*overdue, "a add · enter edit · d delete"]))
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))

    @on(TextArea.Changed)
    def _story(self, event: TextArea.Changed) -> None:
        if event.text_area.id in STORY_FIELDS:
            event.stop()
            self.screen.set_story(event.text_area.id, event.text_area.text)
