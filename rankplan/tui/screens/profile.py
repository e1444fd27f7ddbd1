"""The Profile screen: who the applicant is, their exam history and their failure story.

Every field writes to the model as the user types or picks; the app then recomputes the
findings (PR01-PR06 show live on the right) and saves a moment later.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static

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
from rankplan.core.targets import application_target
from rankplan.core.text import visible
from rankplan.core.words import TIER_WORDS
from rankplan.tui.help_text import findings_help, specialties_help
from rankplan.tui.messages import PlanChanged
from rankplan.tui.screens.base import PlanScreen
from rankplan.tui.widgets.choice import Choice
from rankplan.tui.widgets.findings import FindingsPanel
from rankplan.tui.widgets.form import field, readout, show_hint
from rankplan.tui.widgets.title_bar import TitleBar
from rankplan.tui.widgets.footer import KeyFooter

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


class LaterSlot(Vertical):
    """Where the exam history and the story go (``profile_later.py``) once the first frame
    is out: fewer widgets to style before it, and two heavy Textual modules not imported.
    (A refresh is not enough: the first ones happen inside Textual's start-up batch, and
    the terminal gets nothing from them.)"""

    def on_mount(self) -> None:
        after = getattr(self.app, "after_first_frame", None)
        if after is None:  # an app of another kind (a test's)
            self.call_after_refresh(self._fill)
        else:
            after(self._fill)

    def _fill(self) -> None:
        if not self.is_attached:  # the screen went away before the first frame was out
            return
        from rankplan.tui.screens.profile_later import LaterPart

        self.mount(LaterPart())


class ProfileScreen(PlanScreen):
    AUTO_FOCUS = "#name"  # one focus change before the first frame, not two
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", show=False, id="profile.help"),
        Binding("ctrl+n", "add_exam", "Add exam", id="profile.add_exam_anywhere"),
        Binding("ctrl+t", "custom_specialty", "Custom specialty", id="profile.custom_specialty"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # A new plan starts in the empty Name box (type your name; ? there opens help). A plan
        # with a name starts on the first list field instead: in the Name box the first ? or
        # letter of someone looking around was added to the name (issue 17, item 13).
        if self.plan.profile.name:
            self.AUTO_FOCUS = "#applicant_type"

    @property
    def plan(self) -> Plan:
        return self.app.plan

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="profile-body"):
            # No Tab stop of its own (it showed nothing focused): focus moving scrolls it.
            with VerticalScroll(id="profile-form", can_focus=False):
                yield Static("Applicant", classes="section-title")
                yield field("Name", Input(id="name", placeholder="your name"))
                yield field("Applicant type", Choice(
                    [(APPLICANT_TYPE_LABELS[t], t) for t in ApplicantType], id="applicant_type"))
                yield field("Graduation year", Input(
                    id="graduation_year", placeholder="e.g. 2025", restrict=r"\d{0,4}",
                    max_length=4), hint_id="graduation_year-hint")
                yield field("Risk profile", Choice(
                    [(f"{p.value}  {RISK_PROFILE_SHORT[p]}", p) for p in RiskProfile],
                    id="risk_profile"), hint_id="risk_profile-hint")
                yield Static("Specialties", classes="section-title")
                yield field("Primary", Choice(self._specialty_options(), id="specialty"),
                            hint_id="specialty-hint")
                yield field("Backup", Choice(self._specialty_options(none=True),
                                             id="backup_specialty"),
                            hint_id="backup_specialty-hint")
                yield Static("ctrl+t: add a specialty, or change a tier or baseline",
                             classes="hint")
                yield field("Advisor's view", Choice(
                    [(ADVISOR_LABELS[v], v) for v in AdvisorView], id="advisor_view"))
                yield Static("", id="application-target", classes="hint-line", markup=False)
                yield LaterSlot()
            yield FindingsPanel(Section.PROFILE, title="Profile findings", id="profile-findings")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_plan()
        self.app.findings_changed.subscribe(self, self.show_findings, immediate=True)
        self.app.plan_replaced.subscribe(self, lambda _plan: self.show_plan(), immediate=True)
        self.show_findings(self.app.findings)

    def show_findings(self, findings: list[Finding]) -> None:
        if self.in_sight:  # a hidden screen catches up when it is shown again
            self.query_one(FindingsPanel).show(findings)
            self._show_target()

    def on_screen_resume(self) -> None:
        if not self.plan_as_left:
            self.redraw()

    def redraw(self) -> None:
        self.query_one(FindingsPanel).show(self.app.findings)
        self._show_target()

    def _show_target(self) -> None:
        """The application target of DESIGN §2.5, one line (it follows exams and profile)."""
        target = application_target(self.plan)
        readout(self.query_one("#application-target", Static),
                f"Applications: {target.line()}")

    def show_plan(self) -> None:
        """Fill every field from the plan (on mount and after a reload); not an edit."""
        with self.prevent(Input.Changed):
            self._fill_fields()
        self._show_hints()
        for later in self.query("LaterPart"):  # the exam table and the story, once mounted
            later.show(self.plan.profile)

    def _fill_fields(self) -> None:
        p = self.plan.profile
        self.query_one("#name", Input).value = visible(p.name)  # control characters as \xNN
        self.query_one("#applicant_type", Choice).value = p.applicant_type
        self.query_one("#graduation_year", Input).value = str(p.graduation_year or "")
        self.query_one("#risk_profile", Choice).value = p.risk_profile
        self.query_one("#advisor_view", Choice).value = p.advisor_view
        self._fill_specialties()

    def _specialty_options(self, none: bool = False,
                           leave_out: str = "") -> list[tuple[str, str]]:
        """Built-in names, then the plan's own; names the plan adds or changes get a ``*``.
        ``leave_out``: the primary specialty, not offered as the backup."""
        options = [("none", "")] if none else []
        for name in known_names(self.plan):
            if name == leave_out:
                continue
            custom = name not in BUILTIN or name in self.plan.specialties
            options.append((f"{name} *" if custom else name, name))
        return options

    def _fill_specialties(self) -> None:
        p = self.plan.profile
        primary = self.query_one("#specialty", Choice)
        primary.set_options(self._specialty_options())
        primary.value = p.specialty
        self._fill_backup()

    def _fill_backup(self) -> None:
        """The backup list without the primary specialty (kept only if a file names it as
        both, so the field shows what the plan holds)."""
        p = self.plan.profile
        backup = self.query_one("#backup_specialty", Choice)
        leave_out = "" if p.backup_specialty == p.specialty else p.specialty
        backup.set_options(self._specialty_options(none=True, leave_out=leave_out))
        backup.value = p.backup_specialty

    def _fill_exams(self, select: int | None = None) -> None:
        self.query_one("LaterPart").show_exams(self.plan.profile, select)

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

    @on(Choice.Changed)
    def _picked(self, event: Choice.Changed) -> None:
        current = getattr(self.plan.profile, event.choice.id)
        self._set(event.choice.id, type(current)(event.value))  # enum fields stay enums
        if event.choice.id == "specialty":
            self._fill_backup()

    def set_story(self, key: str, text: str) -> None:
        """A part of the story, as the user typed it (from ``LaterPart``)."""
        self._set(key, text)

    # -- exam history ------------------------------------------------------------------------

    def _cursor_attempt(self) -> int | None:
        table = self.query_one("#exams")
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
            self.query_one("#exams").focus()

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
            self.query_one("#exams").focus()

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
            self.query_one("#exams").focus()

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
        from rankplan.core.exams import USMLE_ATTEMPT_LIMIT, exams_help

        profiles = "\n".join(f"- **{p.value}**: {t}" for p, t in RISK_PROFILE_TEXT.items())
        return f"""\
# Profile

Who you are as an applicant, in the terms program directors read your file by.
Everything you type is saved a moment later; the findings on the right update as you type.
A field marked ▼ opens its list on **enter**, **space** or a click; **left** and **right**
step through its values without opening it.

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
A score is checked against its exam's scale (a COMLEX Level 2-CE of 450 is a score, a Step 2
CK of 450 is not); leave it empty for a pass/fail result. An attempt still *pending* after
its test date is named under the table: set its result once the score is out.

{exams_help()}

- **PR03**: three failed attempts at one exam. Until it is passed this is a danger, and it
  says how many attempts you have left: the USMLE allows {USMLE_ATTEMPT_LIMIT} per Step, so
  after four failures none is left. Once passed it is a warning: programs ask about each one.
- **PR05**: an international graduate without Step 1 or Step 2 CK passed. The NRMP uses an
  IMG's rank list only if ECFMG certification is in place by the rank deadline, so a test
  planned on the Schedule must report by then (test date plus the score lag).
- **PR06**: a result that disagrees with its score (a fail at or above the pass mark of the
  test date, a pass below it) is most likely a typo, and other findings read both.

## Your story

Interviewers will ask about the failure. A strong answer has three short parts: what
happened, what you changed, and what since then proves the change worked. Keep it brief and
own it; the rest of the interview is about your strengths.

## Findings on this screen

{findings_help(Section.PROFILE)}
"""
