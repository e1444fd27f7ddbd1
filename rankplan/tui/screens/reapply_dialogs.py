"""Dialogs of the Reapply screen: one feedback note, one letter, one advocate."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input

from rankplan.core.dates import FORMS, parse_date
from rankplan.core.model import Advocate, AdvocateStatus, Feedback, Letter, LetterStatus
from rankplan.tui.screens.dialogs import Dialog
from rankplan.tui.widgets.choice import Choice


def _date(text: str, today: date) -> date | None:
    return parse_date(text, today) if text.strip() else None


class FeedbackDialog(Dialog):
    AUTO_FOCUS = "#source"

    def __init__(self, item: Feedback | None) -> None:
        super().__init__()
        self.item = item or Feedback()
        self.TITLE_TEXT = "Edit feedback" if item else "Add feedback"

    def fields(self) -> ComposeResult:
        yield self.row("Who", Input(self.item.source, id="source",
                                    placeholder="e.g. home PD, advisor, a program's email"))
        yield self.row("Said", Input(self.item.said, id="said", placeholder="what they said"))

    def result(self) -> Feedback:
        source = self.query_one("#source", Input).value.strip()
        said = self.query_one("#said", Input).value.strip()
        if not source and not said:
            raise ValueError("say who said it, or what they said")
        return Feedback(source=source, said=said)


class LetterDialog(Dialog):
    AUTO_FOCUS = "#author"

    def __init__(self, item: Letter | None, today: date, specialty: str) -> None:
        super().__init__()
        self.item = item or Letter(specialty=specialty)
        self.today = today
        self.TITLE_TEXT = "Edit letter" if item else "Add letter"

    def fields(self) -> ComposeResult:
        x = self.item
        yield self.row("Author", Input(x.author, id="author", placeholder="e.g. Dr. Lee"))
        yield self.row("Specialty", Input(x.specialty, id="specialty",
                                          placeholder="the writer's specialty"))
        yield self.row("Date", Input(x.date.isoformat() if x.date else "", id="date",
                                     placeholder=f"written or due: {FORMS}"))
        yield self.row("Status", Choice([(s.value, s) for s in LetterStatus], value=x.status,
                                        id="status"))

    def result(self) -> Letter:
        author = self.query_one("#author", Input).value.strip()
        if not author:
            raise ValueError("say who writes the letter")
        return Letter(author=author, specialty=self.query_one("#specialty", Input).value.strip(),
                      date=_date(self.query_one("#date", Input).value, self.today),
                      status=LetterStatus(self.query_one("#status", Choice).value))


def split_programs(text: str) -> list[str]:
    """``"univ-a, Mercy Hospital"`` as ``["univ-a", "Mercy Hospital"]`` (empty parts dropped)."""
    return [part.strip() for part in text.split(",") if part.strip()]


class AdvocateDialog(Dialog):
    AUTO_FOCUS = "#name"

    def __init__(self, item: Advocate | None) -> None:
        super().__init__()
        self.item = item or Advocate()
        self.TITLE_TEXT = "Edit advocate" if item else "Add advocate"

    def fields(self) -> ComposeResult:
        x = self.item
        yield self.row("Name", Input(x.name, id="name", placeholder="e.g. Dr. Patel"))
        yield self.row("Programs", Input(", ".join(x.programs), id="programs",
                                         placeholder="program ids or names, comma between"))
        yield self.row("Status", Choice([(s.value, s) for s in AdvocateStatus], value=x.status,
                                        id="status"))

    def result(self) -> Advocate:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            raise ValueError("say who the advocate is")
        return Advocate(name=name, programs=split_programs(self.query_one("#programs", Input).value),
                        status=AdvocateStatus(self.query_one("#status", Choice).value))
