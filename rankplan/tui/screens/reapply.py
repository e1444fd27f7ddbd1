"""The Reapply screen (DESIGN §2.6): the autopsy of the unmatched cycle, the decision, and
the year's plan (letters, advocates, how many applications and when).

What it shows beside the fields (interview rate, score timing, the target, the findings) is
computed in ``core``; this screen turns keys into model changes and draws the results. Plan
text is shown literally: no field or table here reads it as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from rankplan.core.dates import FORMS, parse_date
from rankplan.core.findings import Finding, Section
from rankplan.core.model import (
    Decision,
    Feedback,
    GapYear,
    Geography,
    Letter,
    Plan,
    Reapply,
    Statement,
)
from rankplan.core.reapply import autopsy, decision_rules, season_ahead
from rankplan.core.specialties import known_names
from rankplan.core.targets import application_target
from rankplan.core.text import visible
from rankplan.tui.help_text import findings_help
from rankplan.tui.screens.base import PlanScreen
from rankplan.tui.widgets.choice import Choice
from rankplan.tui.widgets.findings import FindingsPanel
from rankplan.tui.widgets.form import field, readout, show_hint
from rankplan.tui.widgets.readable_table import ReadableTable
from rankplan.tui.widgets.title_bar import TitleBar
from rankplan.tui.widgets.footer import KeyFooter

# key: (label, placeholder, low, high); empty means 0 ("not given") for each of them.
NUMBERS: dict[str, tuple[str, str, int, int]] = {
    "last_cycle": ("Match year", "year unmatched, e.g. 2026", 0, 2100),
    "cycles_unmatched": ("Unmatched", "how many Matches so far", 0, 20),
    "applications": ("Applications", "programs applied to", 0, 9999),
    "interviews_offered": ("Interviews", "offers received", 0, 9999),
    "interviews_attended": ("Attended", "interviews attended", 0, 9999),
    "ranked": ("Ranked", "programs ranked", 0, 9999),
    "applications_planned": ("Applications", "how many this time", 0, 9999),
}
DATES: dict[str, str] = {
    "submitted": "ERAS went in",
    "score_reported": "Score reported",
    "last_clinical": "Last clinical",
    "submit_on": "ERAS planned",
}
AUTOPSY_NUMBERS = ("last_cycle", "cycles_unmatched", "applications", "interviews_offered",
                   "interviews_attended", "ranked")
GEOGRAPHY = {Geography.UNSET: "not recorded", Geography.NARROW: "narrow (a few cities)",
             Geography.REGIONAL: "regional", Geography.NATIONAL: "national"}
STATEMENT = {Statement.UNSET: "not recorded", Statement.GENERIC: "generic",
             Statement.TARGETED: "targeted", Statement.WEAK: "weak",
             Statement.ADDRESSES_FAILURE: "addresses the failure"}
DECISION = {Decision.UNSET: "not decided", Decision.STAY: "stay (same field)",
            Decision.REBRAND: "rebrand (wider list)", Decision.PIVOT: "pivot (new field)"}
GAP_YEAR = {GapYear.UNSET: "not chosen", GapYear.RESEARCH: "research",
            GapYear.PRELIM: "preliminary year", GapYear.CLINICAL_JOB: "clinical job",
            GapYear.OTHER: "other"}
EMPTY_TEXT = (
    "This plan has no reapplication year yet.\n\n"
    "If your last Match went unmatched, this screen helps you write down what happened (how "
    "many programs, interviews and ranks; when ERAS went in and your score came out; what "
    "people told you), decide whether to stay in your specialty, apply more broadly or "
    "change specialty, and plan the year: clinical work, new letters, advocates who will "
    "call programs, and how many applications to send and when.\n\n"
    "Press n (or the button) to start one."
)


class ReapplyList(ReadableTable):
    """A table of feedback, letters or advocates; the screen acts on the focused one. (Readable
    as the other tables are: its header was 3.7:1 in ansi-dark as a plain DataTable.)"""

    BINDINGS = [
        Binding("a,insert", "screen.add_item", "Add", id="reapply.add_item"),
        Binding("e,enter", "screen.edit_item", "Edit", id="reapply.edit_item"),
        Binding("d,delete", "screen.delete_item", "Delete", id="reapply.delete_item"),
    ]

    def __init__(self, kind: str, columns: tuple[tuple[str, int | None], ...],
                 **kwargs: Any) -> None:
        super().__init__(id=f"ra-{kind}", cursor_type="row", zebra_stripes=True, **kwargs)
        self.kind = kind
        self.titles = columns

    def on_mount(self) -> None:
        for title, width in self.titles:  # a width cuts long text short (with "…")
            self.add_column(title, width=width)


def _text(value: str) -> Text:
    """Plan text for a table cell: literal (a ``Text``, never markup), control characters
    visible."""
    return Text(visible(value) if value else "-", no_wrap=True, overflow="ellipsis")


def _day(value: date | None) -> str:
    return value.isoformat() if value else "-"


class ReapplyScreen(PlanScreen):
    DEFAULT_CSS = """
    #reapply-body { height: 1fr; }
    #reapply-main { width: 1fr; padding: 0 1; }
    #reapply-empty { width: 1fr; padding: 1 2; height: auto; }
    #reapply-empty-text { color: $text; margin-bottom: 1; }
    #reapply-findings { width: 30; }
    ReapplyScreen.-wide #reapply-findings { width: 40; }
    #reapply-main .subsection-title { text-style: bold; margin-top: 1; padding: 0 1; }
    #reapply-main DataTable { height: auto; max-height: 8; }
    #decision-row { height: auto; }
    #decision-fields { width: 42; height: auto; }
    #decision-rules { width: 1fr; height: auto; margin-left: 2; color: $text-muted; }
    ReapplyScreen.-narrow #decision-row { layout: vertical; }
    ReapplyScreen.-narrow #decision-fields { width: 1fr; }
    ReapplyScreen.-narrow #decision-rules { margin-left: 0; margin-top: 1; }
    #autopsy-derived, #target { margin-top: 1; }
    """
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", show=False, id="reapply.help"),
        Binding("n", "start", "Start plan", id="reapply.start"),
    ]

    @property
    def plan(self) -> Plan:
        return self.app.plan

    @property
    def reapply(self) -> Reapply | None:
        return self.app.plan.reapply

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="reapply-body"):
            with Vertical(id="reapply-empty"):
                yield Static(EMPTY_TEXT, id="reapply-empty-text")
                yield Button("Start a reapplication plan (n)", id="start", variant="primary")
            # No Tab stop of its own (it showed nothing focused): focus moving scrolls it.
            with VerticalScroll(id="reapply-main", can_focus=False):
                yield from self._autopsy_fields()
                yield from self._decision_fields()
                yield from self._plan_fields()
            yield FindingsPanel(Section.REAPPLY, title="Reapply findings", id="reapply-findings")
        yield KeyFooter()

    def _number(self, key: str) -> ComposeResult:
        label, placeholder, _, _ = NUMBERS[key]
        yield field(label, Input(id=f"ra-{key}", placeholder=placeholder, restrict=r"\d{0,4}",
                                 max_length=4), hint_id=f"ra-{key}-hint")

    def _date(self, key: str) -> ComposeResult:
        yield field(DATES[key], Input(id=f"ra-{key}", placeholder=FORMS), hint_id=f"ra-{key}-hint")

    def _autopsy_fields(self) -> ComposeResult:
        yield Static("The last cycle", classes="section-title")
        for key in AUTOPSY_NUMBERS[:2]:
            yield from self._number(key)
        yield field("Specialty", Choice(self._specialties("not given"), id="ra-specialty"))
        for key in AUTOPSY_NUMBERS[2:]:
            yield from self._number(key)
        yield field("Geography", Choice(list((v, k) for k, v in GEOGRAPHY.items()),
                                        id="ra-geography"))
        yield from self._date("submitted")
        yield from self._date("score_reported")
        yield field("Statement", Choice(list((v, k) for k, v in STATEMENT.items()),
                                        id="ra-statement"))
        yield Static("", id="autopsy-derived", classes="hint-line")
        yield Static("What you were told", classes="subsection-title")
        yield ReapplyList("feedback", (("Who", 22), ("Said", 44)))

    def _decision_fields(self) -> ComposeResult:
        yield Static("The decision", classes="section-title")
        with Horizontal(id="decision-row"):
            with Vertical(id="decision-fields"):
                yield field("Decision", Choice(list((v, k) for k, v in DECISION.items()),
                                               id="ra-decision"))
                yield field("Pivot to", Choice(self._specialties("none"), id="ra-pivot_specialty"))
            yield Static("", id="decision-rules")

    def _plan_fields(self) -> ComposeResult:
        yield Static("The year's plan", classes="section-title")
        yield field("Gap year", Choice(list((v, k) for k, v in GAP_YEAR.items()), id="ra-gap_year"))
        yield field("Must produce", Input(id="ra-gap_year_outputs",
                                          placeholder="e.g. 2 new letters, a paper"))
        yield from self._date("last_clinical")
        yield from self._number("applications_planned")
        yield from self._date("submit_on")
        yield Static("", id="target", classes="hint-line")
        yield Static("Letters", classes="subsection-title")
        yield ReapplyList("letters", (("Author", None), ("Specialty", None), ("Date", None),
                                          ("Status", None)))
        yield Static("Advocates", classes="subsection-title")
        yield ReapplyList("advocates", (("Name", None), ("Programs", 32), ("Status", None)))
        yield Static("In a list: a add · enter edit · d delete · ctrl+z undo",
                     classes="hint-line")

    def _specialties(self, empty: str) -> list[tuple[str, str]]:
        return [(empty, ""), *((name, name) for name in known_names(self.plan))]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return self.reapply is None  # shown only while there is nothing to edit
        return True

    def on_mount(self) -> None:
        self.app.plan_replaced.subscribe(self, lambda _plan: self.show_plan(), immediate=True)
        self.app.findings_changed.subscribe(self, self.show_findings, immediate=True)
        self.show_plan()

    def on_screen_resume(self) -> None:
        if not self.plan_as_left:
            self.redraw()

    def redraw(self) -> None:
        self.show_plan()

    # -- showing -------------------------------------------------------------------------------

    def show_plan(self) -> None:
        r = self.reapply
        self.query_one("#reapply-empty").display = r is None
        self.query_one("#reapply-main").display = r is not None
        if r is None:
            self.query_one("#start", Button).focus()
        else:
            with self.prevent(Input.Changed):
                self._fill_fields(r)
            for kind in ("feedback", "letters", "advocates"):
                self._fill_list(kind)
            if self.focused is None or self.focused.id == "start":
                self.query_one("#ra-last_cycle", Input).focus()
        self.show_derived()

    def _fill_fields(self, r: Reapply) -> None:
        for key in NUMBERS:
            value = getattr(r, key)
            self.query_one(f"#ra-{key}", Input).value = str(value) if value else ""
        for key in DATES:
            value = getattr(r, key)
            self.query_one(f"#ra-{key}", Input).value = value.isoformat() if value else ""
        self.query_one("#ra-gap_year_outputs", Input).value = r.gap_year_outputs
        for key in ("specialty", "pivot_specialty"):
            choice = self.query_one(f"#ra-{key}", Choice)
            choice.set_options(self._specialties("not given" if key == "specialty" else "none"))
            choice.value = getattr(r, key)
        for key in ("geography", "statement", "decision", "gap_year"):
            self.query_one(f"#ra-{key}", Choice).value = getattr(r, key)

    def show_findings(self, findings: list[Finding]) -> None:
        if self.in_sight:
            self.show_derived()

    def show_derived(self) -> None:
        """The interview rate, the score timing, the rules beside the decision, the target and
        the findings: redrawn after every change."""
        if not self.is_mounted:
            return
        self.query_one(FindingsPanel).show(self.app.findings)
        r = self.reapply
        if r is None:
            return
        readout(self.query_one("#autopsy-derived", Static), self._autopsy_text(r))
        rules = [Content.assemble(("▸ applies: " if applies else "· ", "bold" if applies else ""),
                                  text) for applies, text in decision_rules(self.plan)]
        readout(self.query_one("#decision-rules", Static),
                Content("\n").join(rules))
        target = application_target(self.plan)
        readout(self.query_one("#target", Static),
                f"Target: {target.line(r.applications_planned, why=False)} "
                f"({target.risk} risk, {target.specialty}); applications open "
                f"{season_ahead(self.plan, self.app.today).applications_open.isoformat()}")

    def _autopsy_text(self, r: Reapply) -> str:
        a = autopsy(self.plan, r, self.app.today)
        if a.interview_rate is None:
            rate = "Interview rate: enter how many programs you applied to."
        else:
            rate = (f"Interview rate: {r.interviews_offered} of {r.applications} applications "
                    f"({a.interview_rate:.0%}).")
        if a.score_late is None:
            timing = "Score timing: enter the day your score was reported."
        elif a.score_late:
            timing = (f"Score timing: reported {r.score_reported.isoformat()}, after programs "
                      f"began reviewing on {a.review_began.isoformat()}.")
        else:
            timing = (f"Score timing: reported {r.score_reported.isoformat()}, before programs "
                      f"began reviewing on {a.review_began.isoformat()}.")
        return f"{rate}\n{timing}"

    def _fill_list(self, kind: str, select: int | None = None) -> None:
        table = self.query_one(f"#ra-{kind}", ReapplyList)
        row = table.cursor_row if select is None else select
        table.clear()
        for item in self._items(kind):
            table.add_row(*self._cells(item))
        if table.row_count:
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))

    def _cells(self, item: Any) -> tuple:
        if isinstance(item, Feedback):
            return _text(item.source), _text(item.said)
        if isinstance(item, Letter):
            return _text(item.author), _text(item.specialty), _day(item.date), item.status.value
        names = []
        for pid in item.programs:
            program = self.plan.program(pid)
            names.append(program.name or pid if program else pid)
        return _text(item.name), _text(", ".join(names)), item.status.value

    def _items(self, kind: str) -> list:
        r = self.reapply
        return getattr(r, kind) if r is not None else []

    # -- edits ---------------------------------------------------------------------------------

    def _changed(self) -> None:
        # No other section's rules read [reapply].
        self.app.plan_changed(only=Section.REAPPLY)

    def _set(self, key: str, value: Any) -> None:
        r = self.reapply
        if r is not None and getattr(r, key) != value:
            setattr(r, key, value)
            self._changed()

    def action_start(self) -> None:
        if self.reapply is not None:
            return
        self.app.settle()
        self.plan.reapply = Reapply(specialty=self.plan.profile.specialty)
        self._changed()
        self.app.settle()
        self.show_plan()
        self.query_one("#ra-last_cycle", Input).focus()

    @on(Button.Pressed, "#start")
    def _start_pressed(self) -> None:
        self.action_start()

    def remove_plan(self) -> None:
        from rankplan.tui.screens.dialogs import ConfirmDialog

        if self.reapply is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.settle()
                self.plan.reapply = None
                self._changed()
                self.app.settle()
                self.show_plan()

        self.app.push_screen(ConfirmDialog(
            "Remove the whole reapplication plan from this file? (ctrl+z undoes it.)",
            ok_label="Remove"), answered)

    @on(Choice.Changed)
    def _picked(self, event: Choice.Changed) -> None:
        key = (event.choice.id or "").removeprefix("ra-")
        current = getattr(self.reapply, key, None)
        if current is not None:
            self._set(key, type(current)(event.value) if not isinstance(current, str)
                      else event.value)
            if key in ("specialty", "pivot_specialty", "decision"):
                self.show_derived()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("ra-")
        text = event.value.strip()
        if key == "gap_year_outputs":
            self._set(key, event.value)
            return
        if key in NUMBERS:
            value = self._read_number(key, text)
        elif key in DATES:
            value = self._read_date(key, text)
        else:
            return
        if value is not _BAD:
            self._set(key, value)

    def _read_number(self, key: str, text: str) -> Any:
        _, _, low, high = NUMBERS[key]
        hint = self.query_one(f"#ra-{key}-hint", Static)
        value = int(text) if text else 0
        if key == "last_cycle" and value and not 1950 <= value <= 2100:
            show_hint(hint, "a Match year such as 2026 (not saved until it is one)")
            return _BAD
        if not low <= value <= high:
            show_hint(hint, f"a whole number from {low} to {high} (not saved until it is)")
            return _BAD
        show_hint(hint, "")
        return value

    def _read_date(self, key: str, text: str) -> Any:
        hint = self.query_one(f"#ra-{key}-hint", Static)
        try:
            value = parse_date(text, self.app.today) if text else None
        except ValueError as exc:
            show_hint(hint, f"{exc} (not saved until it reads as a date)")
            return _BAD
        show_hint(hint, f"reads as {value:%a %d %b %Y}" if value and text != value.isoformat()
                  else "")
        return value

    @on(Input.Submitted)
    @on(Input.Blurred)
    def _normalise(self, event) -> None:
        key = (event.input.id or "").removeprefix("ra-")
        r = self.reapply
        if key in DATES and r is not None:
            value = getattr(r, key)
            if value and event.input.value != value.isoformat():
                with self.prevent(Input.Changed):
                    event.input.value = value.isoformat()
                show_hint(self.query_one(f"#ra-{key}-hint", Static), "")

    # -- the three lists ---------------------------------------------------------------------

    def _focused_list(self) -> ReapplyList | None:
        focused = self.focused
        return focused if isinstance(focused, ReapplyList) else None

    def _dialog(self, kind: str, item: Any):
        from rankplan.tui.screens.reapply_dialogs import AdvocateDialog, FeedbackDialog, LetterDialog

        if kind == "feedback":
            return FeedbackDialog(item)
        if kind == "letters":
            return LetterDialog(item, self.app.today, self.plan.profile.specialty)
        return AdvocateDialog(item)

    def action_add_item(self, kind: str | None = None) -> None:
        table = self._focused_list()
        kind = kind or (table.kind if table else None)
        if kind is None or self.reapply is None:
            return

        def added(item: Any) -> None:
            if item is not None:
                items = self._items(kind)
                items.append(item)
                self._fill_list(kind, select=len(items) - 1)
                self._changed()
            self.query_one(f"#ra-{kind}").focus()

        self.app.push_screen(self._dialog(kind, None), added)

    def action_edit_item(self) -> None:
        table = self._focused_list()
        if table is None:
            return
        kind, items = table.kind, self._items(table.kind)
        if not items:
            self.action_add_item(kind)
            return
        i = max(0, min(table.cursor_row, len(items) - 1))

        def edited(item: Any) -> None:
            if item is not None and item != items[i]:
                items[i] = item
                self._fill_list(kind, select=i)
                self._changed()
            self.query_one(f"#ra-{kind}").focus()

        self.app.push_screen(self._dialog(kind, items[i]), edited)

    def action_delete_item(self) -> None:
        from rankplan.tui.screens.dialogs import ConfirmDialog

        table = self._focused_list()
        if table is None:
            return
        kind, items = table.kind, self._items(table.kind)
        if not items:
            return
        i = max(0, min(table.cursor_row, len(items) - 1))
        described = {"feedback": "this feedback", "letters": "the letter from",
                     "advocates": "the advocate"}[kind]
        who = getattr(items[i], "author", None) or getattr(items[i], "name", None) or ""

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.settle()
                del items[i]
                self._fill_list(kind, select=i)
                self._changed()
                self.app.settle()
            self.query_one(f"#ra-{kind}").focus()

        # The dialog shows its question literally (tui.literal), never as markup.
        question = f"Delete {described}{' ' if who else ''}{who}? (ctrl+z undoes it.)"
        self.app.push_screen(ConfirmDialog(question), answered)

    # -- palette and help --------------------------------------------------------------------

    def commands(self) -> Iterable:
        from textual.app import SystemCommand

        if self.reapply is None:
            yield SystemCommand("Start a reapplication plan", "The Reapply screen's form (n)",
                                self.action_start)
            return
        add: Callable[[str], Callable[[], None]] = lambda kind: lambda: self.action_add_item(kind)
        yield SystemCommand("Add letter", "Author, specialty, date, status", add("letters"))
        yield SystemCommand("Add advocate", "Who will contact which programs", add("advocates"))
        yield SystemCommand("Add feedback", "Who told you what about the last cycle",
                            add("feedback"))
        yield SystemCommand("Remove the reapplication plan", "Delete [reapply] from the plan "
                            "(asks first; ctrl+z undoes)", self.remove_plan)

    def help_markdown(self) -> str:
        return f"""\
# Reapply

For the year after an unmatched Match. Press **n** on an empty screen to start; everything
here is saved under `[reapply]` in the plan file.

## The last cycle

Write down what happened: the Match year, the specialty, how many programs you applied to,
how many interviews were offered, attended and ranked, how widely you applied, when ERAS went
in and when your last exam score reported, and what your personal statement was like. The
screen works out your interview rate and whether the score came after programs had begun
reviewing (a late score costs interviews). Under *What you were told*, keep the feedback you
asked for: who said it and what they said.

## The decision

*Stay* (same specialty), *rebrand* (same specialty, applying far more broadly, to community
programs and less sought-after places) or *pivot* (another specialty). The rules of thumb
beside the choice come from advisors; the ones that match your record are marked *applies*.

## The year's plan

The gap year (research, a preliminary year, a clinical job or other) and what it must
produce; your last US clinical work; letters (aim for at least two recent ones in your
specialty); advocates, faculty who will call or write to programs for you; the date ERAS goes
in (opening day) and how many programs you will apply to.

The target: for a reapplicant, 80-120 programs in Family Medicine, Internal Medicine or
Pediatrics, 60-100 in Psychiatry, at least 110 elsewhere. These are advisors' figures, not
data. "The season ahead" is the cycle in `[cycle]` if its applications open after today,
else the same dates a year later.

| key | does |
|---|---|
| n | start a reapplication plan (when there is none) |
| a | add a feedback note, letter or advocate (in its list) |
| enter or e | edit the selected one |
| d | delete it (asks first; ctrl+z brings it back) |

## Findings on this screen

{findings_help(Section.REAPPLY)}
"""


class _Bad:
    pass


_BAD: Any = _Bad()
