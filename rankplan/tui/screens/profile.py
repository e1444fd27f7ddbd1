"""The Profile screen: who the applicant is, their exam history and their failure story.

Every field writes to the model as the user types or picks; the app then recomputes the
findings (PR01-PR04 show live on the right) and saves a moment later.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.lazy import Lazy
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static, TextArea

from rankplan.core.findings import Finding, Section
from rankplan.core.model import (
    APPLICANT_TYPE_LABELS,
    EXAM_LABELS,
    RISK_PROFILE_TEXT,
    AdvisorView,
    ApplicantType,
    ExamAttempt,
    Plan,
    RiskProfile,
    SpecialtyEntry,
)
from rankplan.core.specialties import BUILTIN, known_names, resolve
from rankplan.core.words import TIER_WORDS
from rankplan.tui.help_text import findings_help, specialties_help
from rankplan.tui.screens.base import PlanScreen
from rankplan.tui.widgets.findings import FindingsPanel
from rankplan.tui.widgets.form import field, show_hint

STORY_FIELDS = {
    "story_context": ("What happened", "The context of the failed attempt, briefly and without excuses."),
    "story_changes": ("What changed", "What you changed in how you study, live or work."),
    "story_evidence": ("What proves it", "Scores, grades or letters since then that show the change."),
}
RISK_PROFILE_SHORT = {
    RiskProfile.P1: "Step 1 failed, then passed",
    RiskProfile.P2: "Step 2 CK failed, then passed",
    RiskProfile.P3: "several attempts, one low pass",
    RiskProfile.P4: "IMG or DO with a failure",
    RiskProfile.P5: "failure plus another red flag",
}
ADVISOR_LABELS = {
    AdvisorView.UNSET: "not asked yet",
    AdvisorView.OPTIMISTIC: "optimistic",
    AdvisorView.NEUTRAL: "neutral",
    AdvisorView.PESSIMISTIC: "pessimistic",
}


class ExamTable(DataTable):
    """The exam history; its keys add, edit and delete attempts."""

    def on_mount(self) -> None:
        self.add_columns("Exam", "Date", "Result", "Score")

    BINDINGS = [
        Binding("a,insert", "screen.add_exam", "Add attempt", id="profile.add_exam"),
        Binding("e,enter", "screen.edit_exam", "Edit", id="profile.edit_exam"),
        Binding("d,delete", "screen.delete_exam", "Delete", id="profile.delete_exam"),
    ]


class LaterPart(Vertical):
    """The exam history and the story, below the fold: mounted (``Lazy``) just after the
    first frame, which then has far fewer widgets to style (start-up time)."""

    DEFAULT_CSS = "LaterPart { height: auto; }"

    def on_mount(self) -> None:
        self.screen.fill_later()


class ProfileScreen(PlanScreen):
    AUTO_FOCUS = "#name"  # one focus change before the first frame, not two
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", show=False, id="profile.help"),
        Binding("ctrl+n", "add_exam", "Add exam", id="profile.add_exam_anywhere"),
        Binding("ctrl+t", "custom_specialty", "Custom specialty", id="profile.custom_specialty"),
    ]

    @property
    def plan(self) -> Plan:
        return self.app.plan

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="profile-body"):
            with VerticalScroll(id="profile-form"):
                yield Static("Applicant", classes="section-title")
                yield field("Name", Input(id="name", placeholder="your name", compact=True))
                yield field("Applicant type", Select(
                    [(APPLICANT_TYPE_LABELS[t], t) for t in ApplicantType],
                    id="applicant_type", allow_blank=False, compact=True))
                yield field("Graduation year", Input(
                    id="graduation_year", placeholder="e.g. 2025", restrict=r"\d{0,4}",
                    max_length=4, compact=True), hint_id="graduation_year-hint")
                yield field("Risk profile", Select(
                    [(f"{p.value}  {RISK_PROFILE_SHORT[p]}", p) for p in RiskProfile],
                    id="risk_profile", allow_blank=False, compact=True),
                    hint_id="risk_profile-hint")
                yield Static("Specialties", classes="section-title")
                yield field("Primary", Select(self._specialty_options(), id="specialty",
                                               allow_blank=False, compact=True),
                             hint_id="specialty-hint")
                yield field("Backup", Select(self._specialty_options(none=True),
                                              id="backup_specialty", allow_blank=False,
                                              compact=True), hint_id="backup_specialty-hint")
                yield Static("ctrl+t: add a specialty, or change a tier or baseline",
                             classes="hint")
                yield field("Advisor's view", Select(
                    [(ADVISOR_LABELS[v], v) for v in AdvisorView],
                    id="advisor_view", allow_blank=False, compact=True))
                yield Lazy(LaterPart(
                    Static("Exam history", classes="section-title"),
                    ExamTable(id="exams", cursor_type="row", zebra_stripes=True),
                    Static("a add · enter edit · d delete", classes="hint", id="exams-hint"),
                    Static("Your story", classes="section-title"),
                    *(part for key, (label, placeholder) in STORY_FIELDS.items() for part in (
                        Label(label, classes="story-label"),
                        TextArea(id=key, soft_wrap=True, show_line_numbers=False,
                                 tab_behavior="focus", placeholder=placeholder),
                    )),
                ))
            yield FindingsPanel(Section.PROFILE, title="Profile findings", id="profile-findings")
        yield Footer()

    def on_mount(self) -> None:
        self.show_plan()
        self.app.findings_changed.subscribe(self, self.show_findings, immediate=True)
        self.app.plan_replaced.subscribe(self, lambda _plan: self.show_plan(), immediate=True)
        self.show_findings(self.app.findings)

    def show_findings(self, findings: list[Finding]) -> None:
        if self.is_current:  # a hidden screen catches up when it is shown again
            self.query_one(FindingsPanel).show(findings)

    def on_screen_resume(self) -> None:
        self.query_one(FindingsPanel).show(self.app.findings)

    def show_plan(self) -> None:
        """Fill every field from the plan (on mount and after a reload); not an edit."""
        with self.prevent(Input.Changed, Select.Changed):
            self._fill_fields()
        self._show_hints()
        if self.query(LaterPart):
            self.fill_later()

    def fill_later(self) -> None:
        """The exam table and the story (once they are mounted)."""
        with self.prevent(TextArea.Changed):
            for key in STORY_FIELDS:
                area = self.query_one(f"#{key}", TextArea)
                if area.text != getattr(self.plan.profile, key):
                    area.text = getattr(self.plan.profile, key)
        self._fill_exams()

    def _fill_fields(self) -> None:
        p = self.plan.profile
        self.query_one("#name", Input).value = p.name
        self.query_one("#applicant_type", Select).value = p.applicant_type
        self.query_one("#graduation_year", Input).value = str(p.graduation_year or "")
        self.query_one("#risk_profile", Select).value = p.risk_profile
        self.query_one("#advisor_view", Select).value = p.advisor_view
        self._fill_specialties()

    def _specialty_options(self, none: bool = False) -> list[tuple[str, str]]:
        """Built-in names, then the plan's own; names the plan adds or changes get a ``*``."""
        options = [("none", "")] if none else []
        for name in known_names(self.plan):
            custom = name not in BUILTIN or name in self.plan.specialties
            options.append((f"{name} *" if custom else name, name))
        return options

    def _fill_specialties(self) -> None:
        p = self.plan.profile
        primary = self.query_one("#specialty", Select)
        primary.set_options(self._specialty_options())
        primary.value = p.specialty
        backup = self.query_one("#backup_specialty", Select)
        backup.set_options(self._specialty_options(none=True))
        backup.value = p.backup_specialty

    def _fill_exams(self, select: int | None = None) -> None:
        table = self.query_one(ExamTable)
        row = table.cursor_row if select is None else select
        table.clear()
        for attempt in self.plan.profile.exams:
            table.add_row(
                EXAM_LABELS[attempt.exam],
                attempt.date.isoformat() if attempt.date else "-",
                attempt.result.value.upper() if attempt.result.value == "fail" else attempt.result.value,
                str(attempt.score) if attempt.score else "-",
            )
        if not self.plan.profile.exams:
            self.query_one("#exams-hint", Static).update("No attempts yet. a: add one")
        else:
            self.query_one("#exams-hint", Static).update("a add · enter edit · d delete")
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))

    def _show_hints(self) -> None:
        p = self.plan.profile
        show_hint(self.query_one("#risk_profile-hint", Static), RISK_PROFILE_TEXT[p.risk_profile])
        for key in ("specialty", "backup_specialty"):
            name = getattr(p, key)
            spec = resolve(self.plan, name) if name else None
            hint = f"{TIER_WORDS[spec.tier]} · baseline {spec.baseline:.0%}" if spec else ""
            if key == "backup_specialty" and not name:
                hint = "a less competitive field to rank as well"
            show_hint(self.query_one(f"#{key}-hint", Static), hint)

    # -- edits -------------------------------------------------------------------------------

    def _changed(self) -> None:
        from rankplan.tui.app import PlanChanged

        self.post_message(PlanChanged())

    def _set(self, key: str, value) -> None:
        """Set ``profile.key`` if it differs (programmatic fills do not count as edits)."""
        if getattr(self.plan.profile, key) != value:
            setattr(self.plan.profile, key, value)
            self._show_hints()
            self._changed()

    @on(Input.Changed, "#name")
    def _name(self, event: Input.Changed) -> None:
        self._set("name", event.value)

    @on(Input.Changed, "#graduation_year")
    def _graduation_year(self, event: Input.Changed) -> None:
        text = event.value
        if text == "" or (len(text) == 4 and 1950 <= int(text) <= 2100):
            show_hint(self.query_one("#graduation_year-hint", Static), "")
            self._set("graduation_year", int(text or 0))
        else:
            show_hint(self.query_one("#graduation_year-hint", Static), "a year from 1950 to 2100, such as 2025 "
                       "(not saved until it is one)")

    @on(Select.Changed)
    def _select(self, event: Select.Changed) -> None:
        if event.value is Select.NULL or event.value != event.select.value:
            return  # blank, or a stale message from filling the form
        current = getattr(self.plan.profile, event.select.id)
        self._set(event.select.id, type(current)(event.value))  # enum fields stay enums

    @on(TextArea.Changed)
    def _story(self, event: TextArea.Changed) -> None:
        if event.text_area.id in STORY_FIELDS:
            self._set(event.text_area.id, event.text_area.text)

    # -- exam history ------------------------------------------------------------------------

    def _cursor_attempt(self) -> int | None:
        table = self.query_one(ExamTable)
        if not self.plan.profile.exams:
            return None
        return max(0, min(table.cursor_row, len(self.plan.profile.exams) - 1))

    def action_add_exam(self) -> None:
        from rankplan.tui.screens.dialogs import ExamDialog

        def added(attempt: ExamAttempt | None) -> None:
            if attempt is not None:
                self.plan.profile.exams.append(attempt)
                self._fill_exams(select=len(self.plan.profile.exams) - 1)
                self._changed()
            self.query_one(ExamTable).focus()

        self.app.push_screen(ExamDialog(None, self.app.today), added)

    def action_edit_exam(self) -> None:
        from rankplan.tui.screens.dialogs import ExamDialog

        index = self._cursor_attempt()
        if index is None:
            self.action_add_exam()
            return

        def edited(attempt: ExamAttempt | None) -> None:
            if attempt is not None and attempt != self.plan.profile.exams[index]:
                self.plan.profile.exams[index] = attempt
                self._fill_exams(select=index)
                self._changed()
            self.query_one(ExamTable).focus()

        self.app.push_screen(ExamDialog(self.plan.profile.exams[index], self.app.today), edited)

    def action_delete_exam(self) -> None:
        from rankplan.tui.screens.dialogs import ConfirmDialog

        index = self._cursor_attempt()
        if index is None:
            return
        attempt = self.plan.profile.exams[index]
        when = attempt.date.isoformat() if attempt.date else "undated"
        question = (f"Delete the {EXAM_LABELS[attempt.exam]} attempt ({when}, "
                    f"{attempt.result.value}) from your exam history?")

        def answered(yes: bool | None) -> None:
            if yes:
                del self.plan.profile.exams[index]
                self._fill_exams(select=index)
                self._changed()
            self.query_one(ExamTable).focus()

        self.app.push_screen(ConfirmDialog(question), answered)

    # -- specialties -------------------------------------------------------------------------

    def action_custom_specialty(self) -> None:
        from rankplan.tui.screens.dialogs import SpecialtyDialog

        current = self.plan.profile.specialty

        def saved(result: tuple[str, SpecialtyEntry] | None) -> None:
            if result is None:
                return
            name, entry = result
            self.plan.specialties[name] = entry
            if name not in BUILTIN:
                self.plan.profile.specialty = name
            self._fill_specialties()
            self._show_hints()
            self._changed()

        self.app.push_screen(SpecialtyDialog(current, self.plan.specialties.get(current)), saved)

    # -- palette and help --------------------------------------------------------------------

    def commands(self) -> Iterable:
        from textual.app import SystemCommand

        yield SystemCommand("Add exam attempt", "Add a USMLE or COMLEX attempt (ctrl+n)",
                            self.action_add_exam)
        yield SystemCommand("Edit exam attempt", "Edit the selected attempt",
                            self.action_edit_exam)
        yield SystemCommand("Delete exam attempt", "Delete the selected attempt (asks first)",
                            self.action_delete_exam)
        yield SystemCommand("Custom specialty", "Add a specialty or change a tier or baseline "
                            "(ctrl+t)", self.action_custom_specialty)

    def help_markdown(self) -> str:
        profiles = "\n".join(f"- **{p.value}**: {t}" for p, t in RISK_PROFILE_TEXT.items())
        return f"""\
# Profile

Who you are as an applicant, in the terms program directors read your file by.
Everything you type is saved a moment later; the findings on the right update as you type.

## Risk profiles

Pick the one that fits, not the one you would like to fit:

{profiles}

## Specialties

The tier says how competitive a specialty is; the baseline is a rough chance to match with
one failure on record after about ten interviews, all ranked. These are advisors' ballpark
figures, not published data. Press **ctrl+t** to add a specialty missing from the table or to
change a tier or baseline; such names are marked with `*`.

{specialties_help()}

## Exam history

Record every attempt, failed ones included: programs see your full transcript. In the table,
**a** adds an attempt, **enter** edits the selected one, **d** deletes it (after asking).

## Your story

Interviewers will ask about the failure. A strong answer has three short parts: what
happened, what you changed, and what since then proves the change worked. Keep it brief and
own it; the rest of the interview is about your strengths.

## Findings on this screen

{findings_help(Section.PROFILE)}
"""
