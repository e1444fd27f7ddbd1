"""The Schedule screen: the weekly grid, the back-planned timeline, practice exams, goals.

Everything shown is computed in ``core.schedule`` from the plan and the app's "today"; this
screen turns keys into model changes and draws the results.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Input, Static

from rankplan.core.dates import FORMS, parse_date
from rankplan.core.findings import Finding, Section
from rankplan.core.cycle import resolve_aim, resolve_cycle
from rankplan.core.exams import EXAMS, describe_mark, exams_help, scale_problem
from rankplan.core.model import (
    DEFAULT_WEEK,
    EXAM_LABELS,
    Aim,
    ApplicantType,
    Exam,
    Goal,
    Plan,
    Practice,
)
from rankplan.core.schedule import (
    RETAKE_BANDS,
    hours_by_activity,
    readiness,
    recommended_weeks,
    report_timing,
    timeline,
    total_hours,
)
from rankplan.tui.help_text import findings_help
from rankplan.tui.labels import ACTIVITY_KEYS
from rankplan.tui.literal import literal, literal_text
from rankplan.tui.screens.base import PlanScreen
from rankplan.tui.widgets.choice import Choice
from rankplan.tui.widgets.findings import FindingsPanel
from rankplan.tui.widgets.form import field, readout, show_hint
from rankplan.tui.widgets.odds_chart import bar
from rankplan.tui.widgets.page_table import PageTable
from rankplan.tui.widgets.readable import ReadableStatic
from rankplan.tui.widgets.title_bar import TitleBar
from rankplan.tui.widgets.week_grid import WeekGrid
from rankplan.tui.widgets.footer import KeyFooter

DATE_FIELDS = {"target_date": "Test date", "report_by": "Report by", "study_start": "Study start"}
AHEAD_FIELDS = {"target_date", "report_by"}  # dates still to come: "jan 20" is the next one
NUMBER_FIELDS = {
    "score_lag_weeks": ("Score lag", "weeks from test to score", 0, 26),
    "passing_score": ("Passing score", "empty: the exam's pass mark", 0, 999),
    "margin": ("Margin", "points above passing to call it ready", 0, 100),
}
AIM_LABELS = {Aim.RANK_DEADLINE: "This Match's rank deadline",
              Aim.NEXT_SEASON: "The season ahead"}
# The cycle's dates, edited in place: input id -> (Cycle field, label).
CYCLE_FIELDS = {
    "cycle-applications_open": ("applications_open", "Apps open"),
    "cycle-programs_review": ("programs_review", "Review from"),
    "cycle-rank_deadline": ("rank_deadline", "Rank deadline"),
    "cycle-match_day": ("match_day", "Match Day"),
}


def when(days: int, *, exact: bool = True) -> str:
    """Days from today, as a person would say it: "in 5 days", "in 13 weeks (91 days)",
    "9 weeks ago (63 days)" (weeks first once it is more than a month; the days too if
    ``exact``)."""
    if days == 0:
        return "today"
    n = abs(days)
    if n > 31:
        count, exact_days = f"{n // 7} weeks", f" ({n} days)" * exact
    else:
        count, exact_days = f"{n} day{'s' * (n != 1)}", ""
    return (f"in {count}" if days > 0 else f"{count} ago") + exact_days


class PracticeTable(PageTable):
    BINDINGS = [
        Binding("a,insert", "screen.add_practice", "Add score", id="schedule.add_practice"),
        Binding("e,enter", "screen.edit_practice", "Edit", id="schedule.edit_practice"),
        Binding("d,delete", "screen.delete_practice", "Delete", id="schedule.delete_practice"),
    ]


class GoalTable(PageTable):
    """Goal cells are ``Content``, which DataTable does not measure: the screen gives every
    column its width, the Goal column the room that is left."""

    BINDINGS = [
        Binding("a,insert", "screen.add_goal", "Add goal", id="schedule.add_goal"),
        Binding("e,enter", "screen.edit_goal", "Edit", id="schedule.edit_goal"),
        Binding("space", "screen.toggle_goal", "Done", id="schedule.toggle_goal"),
        Binding("d,delete", "screen.delete_goal", "Delete", id="schedule.delete_goal"),
    ]

    _fitted_width = 0

    def on_resize(self, event) -> None:
        if event.size.width != self._fitted_width and isinstance(self.screen, ScheduleScreen):
            self._fitted_width = event.size.width
            self.screen._fill_goals()


class ScheduleScreen(PlanScreen):
    # on_mount focuses the week; Textual's own first focus scrolled the page past its
    # "Week" title at 80x24 (once the page itself took no focus)
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", show=False, id="schedule.help"),
        Binding("R", "reset_week", "Reset week", id="schedule.reset_week"),
    ]

    @property
    def plan(self) -> Plan:
        return self.app.plan

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="schedule-body"):
            # No Tab stop of its own (it showed nothing focused): focus moving scrolls it.
            with VerticalScroll(id="schedule-main", can_focus=False):
                yield Static("Week", classes="section-title")
                with Horizontal(id="week-row"):
                    yield WeekGrid(id="week")
                    yield Static("", id="hours")
                yield Static(self._keys_hint(), classes="hint-line", id="week-keys")
                yield Static("Timeline", classes="section-title")
                yield field("Exam", Choice([(EXAM_LABELS[e], e) for e in Exam], id="exam"))
                yield field("Aim", Choice([(label, a) for a, label in AIM_LABELS.items()],
                                          id="aim"), hint_id="aim-hint")
                for key, label in DATE_FIELDS.items():
                    yield field(label, Input(id=key, placeholder=FORMS if key != "study_start"
                                            else "empty: back-planned"), hint_id=f"{key}-hint")
                for key, (label, placeholder, _, _) in NUMBER_FIELDS.items():
                    yield field(label, Input(id=key, placeholder=placeholder, restrict=r"\d{0,3}"),
                               hint_id=f"{key}-hint")
                yield Static("The Match (empty: the usual date)", classes="hint-line")
                for key, (_, label) in CYCLE_FIELDS.items():
                    yield field(label, Input(id=key, classes="cycle-date"),
                                hint_id=f"{key}-hint")
                yield ReadableStatic("", id="milestones")  # "today" in the accent colour
                yield Static("Practice exams", classes="section-title")
                yield PracticeTable(id="practice", cursor_type="row", zebra_stripes=True)
                yield Static("a add · enter edit · d delete", classes="hint-line")
                yield ReadableStatic("", id="readiness")
                yield Static("Goals", classes="section-title")
                yield GoalTable(id="goals", cursor_type="row", zebra_stripes=True)
                yield Static("a add · enter edit · space done · d delete", classes="hint-line")
            yield FindingsPanel(Section.SCHEDULE, title="Schedule findings", id="schedule-findings")
        yield KeyFooter()

    def _keys_hint(self) -> str:
        keys = " ".join(f"{key} {name or 'clear'}" for a, (key, _, name, _) in ACTIVITY_KEYS.items()
                        if a.value)
        return f"{keys} · space clear · y copy day, v paste · R reset · click a block for a menu"

    def on_mount(self) -> None:
        self.query_one("#practice", PracticeTable).add_columns("Date", "Form", "Score")
        self.app.plan_replaced.subscribe(self, lambda _plan: self.show_plan(), immediate=True)
        self.app.findings_changed.subscribe(self, self.show_findings, immediate=True)
        self.show_plan()
        self.query_one(WeekGrid).focus(scroll_visible=False)  # the page from its top

    def on_screen_resume(self) -> None:
        if not self.plan_as_left:
            self.redraw()

    def redraw(self) -> None:
        self.show_plan()

    # -- showing -------------------------------------------------------------------------------

    def show_plan(self) -> None:
        s = self.plan.schedule
        self.query_one(WeekGrid).show(s.week)
        with self.prevent(Input.Changed):
            self.query_one("#exam", Choice).value = s.exam
            for key in DATE_FIELDS:
                value = getattr(s, key)
                self.query_one(f"#{key}", Input).value = value.isoformat() if value else ""
            for key in NUMBER_FIELDS:
                value = getattr(s, key)
                self.query_one(f"#{key}", Input).value = "" if value is None else str(value)
            for key, (name, _) in CYCLE_FIELDS.items():
                value = getattr(self.plan.cycle, name)
                self.query_one(f"#{key}", Input).value = value.isoformat() if value else ""
        self._fill_practice()
        self._fill_goals()
        self.show_derived()

    def show_findings(self, findings: list[Finding]) -> None:
        if self.in_sight:
            self.show_derived()

    def show_derived(self) -> None:
        """Hours, timeline, readiness and findings: recomputed after every change; each is
        redrawn only if it changed, and laid out again only if its height did."""
        if not self.is_mounted:
            return
        self._show_hours()
        self._show_defaults()
        self._show_timeline()
        self._show_readiness()
        self.query_one(FindingsPanel).show(self.app.findings)

    def _show_hours(self) -> None:
        hours = hours_by_activity(self.plan.schedule)
        top = max(hours.values(), default=1)
        parts: list[tuple[str, str] | str] = [(f"Hours a week: {total_hours(self.plan.schedule)}",
                                               "bold")]
        for activity, h in hours.items():
            _, letter, name, colour = ACTIVITY_KEYS[activity]
            parts += ["\n", (f"{letter} {name:<7}", "$text-muted"),
                      (bar(h / top, 8), colour or "$text-muted"), f" {h:>2}"]
        readout(self.query_one("#hours", Static), Content.assemble(*parts), wraps=False)  # 22 wide, short lines

    def _show_defaults(self) -> None:
        """What an empty field stands for: the derived aim, report-by date, passing score and
        cycle dates, shown as placeholders and hints."""
        today = self.app.today
        s = self.plan.schedule
        t = timeline(self.plan, today)
        aim = self.query_one("#aim", Choice)
        aim.value = t.aim
        show_hint(self.query_one("#aim-hint", Static), "" if s.aim else
                  "worked out from the cycle and your programs; switch it to choose")
        mark = describe_mark(s.exam, s.target_date)
        self.query_one("#passing_score", Input).placeholder = mark.split(",")[0]  # the number
        if s.passing_score is None:
            show_hint(self.query_one("#passing_score-hint", Static), f"{mark}; edit to override")
        report_by = self.query_one("#report_by", Input)
        report_by.placeholder = f"{t.report_by.isoformat()} (from the aim)"
        cycle = resolve_cycle(self.plan, today)
        for key, (name, _) in CYCLE_FIELDS.items():
            self.query_one(f"#{key}", Input).placeholder = getattr(cycle, name).isoformat()

    def _show_timeline(self) -> None:
        today = self.app.today
        t = timeline(self.plan, today)
        lines: list[tuple[str, str] | str] = []
        marked = False
        from rankplan.core.reapply import year_dates  # the reapplication year's dates too

        for m in sorted([*t.milestones, *year_dates(self.plan, today)], key=lambda m: m.date):
            days = m.days_from(today)
            if not marked and days >= 0:
                lines.append((f"── today {today.isoformat()} ──\n", "bold $text-accent"))
                marked = True
            style = "$text-muted" if days < 0 else ""
            wide = self.size.width >= 100  # narrow: one line each where it fits
            label = f"{m.label:<30}" if wide else m.label
            lines.append((f"{m.date.isoformat()}  {label}  {when(days, exact=wide)}\n", style))
        if not marked:
            lines.append((f"── today {today.isoformat()} ──\n", "bold $text-accent"))
        r = t.recommendation
        lines.append(f"\nRecommended study: {r.reason}")  # the reason starts with the weeks
        if t.latest_safe_test:
            lines.append(f"\nLast safe test date: {t.latest_safe_test.isoformat()}, "
                         f"{when((t.latest_safe_test - today).days)}.")
        if t.score_report:
            lines.append(f"\nScore reports about {t.score_report.isoformat()}: "
                         f"{report_timing(t)}.")
        readout(self.query_one("#milestones", Static), Content.assemble(*lines))

    def _show_readiness(self) -> None:
        state = readiness(self.plan.schedule)
        style = "bold $text-success" if state.ready else "bold $text-warning"
        readout(self.query_one("#readiness", Static), Content.assemble((state.verdict.value.upper(), style), "  ",
                                                     literal(state.detail())))  # names forms

    def _fill_practice(self, select: int | None = None) -> None:
        table = self.query_one("#practice", PracticeTable)
        row = table.cursor_row if select is None else select
        table.clear()
        for p in self.plan.schedule.practice:
            table.add_row(p.date.isoformat() if p.date else "-", literal_text(p.form or "-"),
                          str(p.score))
        if table.row_count:
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))

    def _fill_goals(self, select: int | None = None) -> None:
        """Domain, Goal and Due, with "OVERDUE" or "✓ done" beside the date (below it when
        the room is short). A title longer than its column wraps onto more lines."""
        table = self.query_one("#goals", GoalTable)
        row = table.cursor_row if select is None else select
        today = self.app.today
        goals = []
        for g in self.plan.goals:
            overdue = g.due is not None and g.due < today and not g.done
            status = (Content.styled("OVERDUE", "bold $text-error") if overdue else
                      Content("✓ done") if g.done else Content(""))
            goals.append((g.domain.value, literal(g.title, "strike $text-muted" if g.done else ""),
                          Content(g.due.isoformat() if g.due else "-"), status))
        table.clear(columns=True)
        pad = 2 * table.cell_padding
        # The room the table has: its own width once laid out, else the screen's guess.
        room = (table.scrollable_content_region.width
                or self.query_one("#schedule-main").scrollable_content_region.width
                or self.size.width - 34) - 1
        domain = max([len("Domain"), *(len(d) for d, _, _, _ in goals)])
        title = max([len("Goal"), *(t.cell_length for _, t, _, _ in goals)])
        beside = max([len("Due"), *(d.cell_length + 1 + st.cell_length if st.cell_length
                                    else d.cell_length for _, _, d, st in goals)])
        below = max([len("Due"), *(max(d.cell_length, st.cell_length) for _, _, d, st in goals)])
        one_line = domain + title + beside + 3 * pad <= room
        due_width = beside if one_line else below
        goal_width = max(10, min(title, room - domain - due_width - 3 * pad))
        for label, width in (("Domain", domain), ("Goal", goal_width), ("Due", due_width)):
            table.add_column(label, width=width, key=label)
        for dom, text, due, status in goals:
            lines = text.wrap(goal_width) or [Content("")]
            if status.cell_length:
                due = Content.assemble(due, " " if one_line else "\n", status)
            table.add_row(dom, Content("\n").join(lines), due,
                          height=max(len(lines), 1 if one_line or not status.cell_length else 2))
        if table.row_count:
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))

    # -- edits ---------------------------------------------------------------------------------

    def _changed(self, cycle: bool = False) -> None:
        # Only schedule rules read the schedule and the goals (a unit test holds this), but
        # for PR05, an IMG's certification by the rank deadline; the cycle's dates are read
        # by profile rules too.
        img = self.plan.profile.applicant_type is ApplicantType.IMG
        self.app.plan_changed(only=None if img or cycle else Section.SCHEDULE)

    @on(WeekGrid.BlockSet)
    def _block(self, event: WeekGrid.BlockSet) -> None:
        slots = self.plan.schedule.week[event.day]
        if slots[event.slot] != event.activity:
            slots[event.slot] = event.activity
            self.query_one(WeekGrid).show(self.plan.schedule.week)
            self._changed()

    @on(WeekGrid.DayCopied)
    def _copy_day(self, event: WeekGrid.DayCopied) -> None:
        week = self.plan.schedule.week
        week[event.target] = list(week[event.source])
        self.query_one(WeekGrid).show(week)
        self._changed()
        self.notify(f"{event.source.capitalize()} copied onto {event.target.capitalize()}.",
                    timeout=2)

    @on(WeekGrid.BlockClicked)
    def _menu(self, event: WeekGrid.BlockClicked) -> None:
        from rankplan.core.model import SLOTS
        from rankplan.tui.screens.dialogs import ActivityMenu

        def chosen(activity) -> None:
            if activity is not None:
                self._block(WeekGrid.BlockSet(event.day, event.slot, activity))

        self.app.push_screen(ActivityMenu(f"{event.day.capitalize()} {SLOTS[event.slot]}",
                                          at=event.at), chosen)

    def action_reset_week(self) -> None:
        from rankplan.tui.screens.dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.settle()
                self.plan.schedule.week = {d: list(s) for d, s in DEFAULT_WEEK.items()}
                self.query_one(WeekGrid).show(self.plan.schedule.week)
                self._changed()
                self.app.settle()

        self.app.push_screen(ConfirmDialog(
            "Put back the advisors' template week? (ctrl+z undoes it.)", ok_label="Reset"),
            answered)

    @on(Choice.Changed, "#exam")
    def _exam(self, event: Choice.Changed) -> None:
        s = self.plan.schedule
        exam = Exam(event.value)
        if s.exam == exam:
            return
        # Every score must stay on the exam's scale, or the file would not open again.
        off = [p.score for p in s.practice if p.score and scale_problem(exam, p.score)]
        if off:
            event.choice.value = s.exam
            shown = ", ".join(map(str, off))
            self.notify(f"Practice scores {shown} are not on the {EXAMS[exam].name} scale "
                        f"({EXAMS[exam].scale}): change or delete them first.",
                        severity="warning")
            return
        s.exam = exam
        if s.passing_score is not None and scale_problem(exam, s.passing_score):
            self.notify(f"Your passing score {s.passing_score} is off the {EXAMS[exam].name} "
                        f"scale, so the exam's pass mark is used again.", timeout=4)
            s.passing_score = None
            with self.prevent(Input.Changed):
                self.query_one("#passing_score", Input).value = ""
        self._changed()

    @on(Choice.Changed, "#aim")
    def _aim(self, event: Choice.Changed) -> None:
        if self.plan.schedule.aim != event.value:
            self.plan.schedule.aim = Aim(event.value)
            self._changed()

    @on(Input.Changed, ".cycle-date")
    def _cycle_date(self, event: Input.Changed) -> None:
        event.stop()
        key = event.input.id or ""
        name, _ = CYCLE_FIELDS[key]
        text = event.value.strip()
        hint = self.query_one(f"#{key}-hint", Static)
        try:
            value = parse_date(text, self.app.today) if text else None
        except ValueError as exc:
            show_hint(hint, f"{exc} (not saved until it reads as a date)")
            return
        show_hint(hint, f"reads as {value:%a %d %b %Y}"
                  if value and text != value.isoformat() else "")
        if getattr(self.plan.cycle, name) != value:
            setattr(self.plan.cycle, name, value)
            self._changed(cycle=True)

    @on(Input.Changed)
    def _field(self, event: Input.Changed) -> None:
        key = event.input.id or ""
        s = self.plan.schedule
        text = event.value.strip()
        if key == "passing_score":
            hint = self.query_one("#passing_score-hint", Static)
            problem = scale_problem(s.exam, int(text)) if text else None
            if problem:
                show_hint(hint, f"{problem} (not saved until it is)")
                return
            show_hint(hint, "")
            value = int(text) if text else None
        elif key in DATE_FIELDS:
            try:
                value: date | int | None = parse_date(
                    text, self.app.today, ahead=key in AHEAD_FIELDS) if text else None
            except ValueError as exc:
                show_hint(self.query_one(f"#{key}-hint", Static), f"{exc} (not saved until it reads as a date)")
                return
            if key != "study_start" and value is None:
                show_hint(self.query_one(f"#{key}-hint", Static), "")
            else:
                show_hint(self.query_one(f"#{key}-hint", Static), f"reads as {value:%a %d %b %Y}" if value and text != value.isoformat() else "")
        elif key in NUMBER_FIELDS:
            _, _, low, high = NUMBER_FIELDS[key]
            if not text or not low <= int(text) <= high:
                show_hint(self.query_one(f"#{key}-hint", Static), f"a whole number from {low} to {high} (not saved until it is)")
                return
            show_hint(self.query_one(f"#{key}-hint", Static), "")
            value = int(text)
        else:
            return
        if getattr(s, key) != value:
            setattr(s, key, value)
            self._changed()

    @on(Input.Submitted)
    @on(Input.Blurred)
    def _normalise(self, event) -> None:
        key = event.input.id or ""
        if key in DATE_FIELDS or key in CYCLE_FIELDS:
            value = (getattr(self.plan.cycle, CYCLE_FIELDS[key][0]) if key in CYCLE_FIELDS
                     else getattr(self.plan.schedule, key))
            if value and event.input.value != value.isoformat():
                with self.prevent(Input.Changed):
                    event.input.value = value.isoformat()
                show_hint(self.query_one(f"#{key}-hint", Static), "")

    def _reveal(self, table_id: str) -> None:
        """Focus a table and, once it has its new height, scroll the page so its cursor row
        (a row just added, at the bottom) is in sight."""
        table = self.query_one(table_id, PageTable)
        table.focus(scroll_visible=False)
        self.call_after_refresh(table.reveal_cursor)

    # -- practice exams ------------------------------------------------------------------------

    def _index(self, table_id: str, items: list) -> int | None:
        table = self.query_one(table_id, DataTable)
        return max(0, min(table.cursor_row, len(items) - 1)) if items else None

    def action_add_practice(self) -> None:
        from rankplan.tui.screens.dialogs import PracticeDialog

        def added(p: Practice | None) -> None:
            if p is not None:
                self.plan.schedule.practice.append(p)
                self._fill_practice(select=len(self.plan.schedule.practice) - 1)
                self._changed()
            self._reveal("#practice")

        self.app.push_screen(PracticeDialog(None, self.app.today, self.plan.schedule.exam), added)

    def action_edit_practice(self) -> None:
        from rankplan.tui.screens.dialogs import PracticeDialog

        items = self.plan.schedule.practice
        i = self._index("#practice", items)
        if i is None:
            self.action_add_practice()
            return

        def edited(p: Practice | None) -> None:
            if p is not None and p != items[i]:
                items[i] = p
                self._fill_practice(select=i)
                self._changed()
            self.query_one("#practice").focus()

        self.app.push_screen(PracticeDialog(items[i], self.app.today, self.plan.schedule.exam), edited)

    def action_delete_practice(self) -> None:
        self._delete("#practice", self.plan.schedule.practice, self._fill_practice,
                     lambda p: f"the {p.form or 'practice'} score of {p.score}")

    # -- goals ---------------------------------------------------------------------------------

    def action_add_goal(self) -> None:
        from rankplan.tui.screens.dialogs import GoalDialog

        def added(g: Goal | None) -> None:
            if g is not None:
                self.plan.goals.append(g)
                self._fill_goals(select=len(self.plan.goals) - 1)
                self._changed()
            self._reveal("#goals")

        self.app.push_screen(GoalDialog(None, self.app.today), added)

    def action_edit_goal(self) -> None:
        from rankplan.tui.screens.dialogs import GoalDialog

        i = self._index("#goals", self.plan.goals)
        if i is None:
            self.action_add_goal()
            return

        def edited(g: Goal | None) -> None:
            if g is not None and g != self.plan.goals[i]:
                self.plan.goals[i] = g
                self._fill_goals(select=i)
                self._changed()
            self.query_one("#goals").focus()

        self.app.push_screen(GoalDialog(self.plan.goals[i], self.app.today), edited)

    def action_toggle_goal(self) -> None:
        i = self._index("#goals", self.plan.goals)
        if i is not None:
            self.plan.goals[i].done = not self.plan.goals[i].done
            self._fill_goals(select=i)
            self._changed()

    def action_delete_goal(self) -> None:
        self._delete("#goals", self.plan.goals, self._fill_goals, lambda g: f'the goal "{g.title}"')

    def _delete(self, table_id: str, items: list, refill, describe) -> None:
        from rankplan.tui.screens.dialogs import ConfirmDialog

        i = self._index(table_id, items)
        if i is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.settle()
                del items[i]
                refill(select=i)
                self._changed()
                self.app.settle()
            self.query_one(table_id).focus()

        self.app.push_screen(ConfirmDialog(f"Delete {describe(items[i])}? (ctrl+z undoes it.)"),
                             answered)

    # -- palette and help --------------------------------------------------------------------

    def commands(self) -> Iterable:
        from textual.app import SystemCommand

        yield SystemCommand("Reset the week", "Back to the advisors' template (R)",
                            self.action_reset_week)
        yield SystemCommand("Add practice exam", "Date, form and score", self.action_add_practice)
        yield SystemCommand("Add goal", "Exam, clinical, signaling or application",
                            self.action_add_goal)

    def help_markdown(self) -> str:
        keys = "\n".join(f"| {key} | {letter} | {a.value} |"
                         for a, (key, letter, _, _) in ACTIVITY_KEYS.items() if a.value)
        today = self.app.today
        t = timeline(self.plan, today)
        aim = resolve_aim(self.plan, today)
        advice = recommended_weeks(self.plan)
        bands = "\n".join(f"| {b.text} | {b.weeks}{' and a review course' * b.review_course} |"
                          for b in RETAKE_BANDS)
        return f"""\
# Schedule

## The week

Arrow keys move the cursor over the grid (days across; morning, afternoon and evening down).
One key sets the block under the cursor; **space** clears it. **y** copies the cursor's day
and **v** pastes it onto another; **R** puts back the advisors' template week (ctrl+z undoes).
A click on a block opens a menu of activities.

| key | letter | activity |
|---|---|---|
{keys}

The bars beside the grid add up the hours per activity (hours per slot are in `[schedule]`
`hours` in the plan file: 4, 4 and 2 by default). Keep at least one rest or off block, a
mentor meeting and some clinical work in every week.

## The timeline

**Aim**: *this Match's rank deadline* when the score must be in before the rank list is
due (ECFMG certification for an IMG, a graduation or program requirement), or *the season
ahead* when you are preparing to apply (for the first time or again). Until you switch it,
rankplan works it out: the rank deadline while this Match is under way and your plan has
programs, else the season ahead. Now: **{AIM_LABELS[aim]}**.

Work backwards from the date your score must be in (*report by*; left empty it follows the
aim: the rank deadline, or the date programs start reviewing in the season ahead, now
{t.report_by.isoformat()}): the last safe test date is that date minus the score lag. The
study window starts the recommended number of weeks before the test, with a practice exam
every two weeks.

**Study weeks.** 12 by default (a 3-4 month intensive). For a USMLE retake (a failed attempt
at the exam is on record), by how far your first practice score sits below the pass mark:

| first practice score | weeks |
|---|---|
{bands}

For your plan: **{advice.weeks} weeks**. {advice.reason}

**The Match.** The four dates under the timeline are `[cycle]` in the plan file: the Match
you are in or enter next. Left empty, each is the usual date of the cycle the others belong
to (applications open September 3, programs review from September 24, the rank list is due
March 1 and Match Day is the third Friday of March); with none set, the first Match whose
Match Day is still ahead. Type a date to change one; empty it to go back.

A score that reports after September of the application year costs interviews: roughly 70%
of them in October, 40% in November and 15% from December, against reporting before
applications open (only when aiming at the season ahead).

## Exams and pass marks

Scores are checked against their exam's scale. The passing score, left empty, is the exam's
pass mark on your test date; type a number to use your own.

{exams_help()}

## Practice exams and readiness

You are ready when your last two practice scores are both at least the passing score plus
your margin. In the table: **a** adds, **enter** edits, **d** deletes.

## Goals

Four domains: exam, clinical (recent US clinical work, two new letters in your specialty),
signaling (advocates who will call programs), application (submitted on day one, a personal
statement that deals with the failure in a paragraph or two). **space** marks one done;
overdue goals are marked.

## Findings on this screen

{findings_help(Section.SCHEDULE)}
"""
