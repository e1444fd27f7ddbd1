"""The Debrief screen: one record per interview, with the suggested likelihood kept live.

The list on the left shows every interview; the form on the right edits the selected one.
Each change goes to the model at once, the suggestion and its reasons are recomputed from the
points table in ``core.likelihood``, and the app saves a moment later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from rankplan.core.criteria import program_fit, reshape_criteria
from rankplan.core.dates import FORMS, parse_date
from rankplan.core.findings import Section
from rankplan.core.likelihood import GREEN_AT, RED_AT, SIGNALS, effective, suggestion_for
from rankplan.core.model import (
    BoardPolicy,
    FailureDiscussion,
    Likelihood,
    MyAnswer,
    Plan,
    PostInterview,
    Preference,
    Program,
    Setting,
    TakesChances,
    Track,
)
from rankplan.core.programs import add_program, delete_program, duplicate_program, set_would_not_attend
from rankplan.core.ranklist import move
from rankplan.core.specialties import known_names
from rankplan.core.text import visible
from rankplan.tui import labels
from rankplan.tui.help_text import findings_help
from rankplan.tui.literal import literal
from rankplan.tui.screens.base import PlanScreen
from rankplan.tui.widgets.checkbox import Checkbox
from rankplan.tui.widgets.choice import Choice
from rankplan.tui.widgets.findings import findings_content
from rankplan.tui.widgets.form import (FormInput, Heading, HintLine, Readout, field, readout,
                                       show_hint, text_height)
from rankplan.tui.widgets.gathered import gather_repaints
from rankplan.tui.widgets.interview_list import InterviewList, InterviewRow, SortKey
from rankplan.tui.widgets.still import StillHorizontal, StillScroll, StillVertical
from rankplan.tui.widgets.text_box import TextBox
from rankplan.tui.widgets.title_bar import TitleBar
from rankplan.tui.widgets.footer import KeyFooter
from rankplan.tui.widgets.wrap_checkbox import WrapCheckbox

DEBRIEF_SELECTS = {
    "failure_discussion": ("Failure talk", labels.FAILURE_DISCUSSION, FailureDiscussion),
    "board_policy": ("Board policy", labels.BOARD_POLICY, BoardPolicy),
    "post_interview": ("Afterwards", labels.POST_INTERVIEW, PostInterview),
    "my_answer": ("Your answer", labels.MY_ANSWER, MyAnswer),
}
PROGRAM_SELECTS = {
    "setting": ("Setting", labels.SETTING, Setting),
    "track": ("Track", labels.TRACK, Track),
    "preference": ("Preference", {p: p.value for p in Preference}, Preference),
    "likelihood": ("Likelihood", labels.LIKELIHOOD, Likelihood),
}
SCORE_OPTIONS = [("not scored", 0), *((str(n), n) for n in range(1, 6))]
FELT_OPTIONS = [(f"{n} of 5", n) for n in range(1, 6)]


W = TypeVar("W", bound=Widget)

SUGGESTION_LINES = 6  # the suggestion block's usual height: a headline and a few reasons


def _choice(id_: str, names: dict) -> Choice:
    return Choice([(text, value) for value, text in names.items()], id=id_)


class DebriefScreen(PlanScreen):
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", show=False, id="debrief.help"),
        Binding("ctrl+n", "add_program", "Add interview", show=False, id="debrief.add_anywhere"),
        Binding("ctrl+r", "edit_criteria", "Criteria", id="debrief.criteria"),
        Binding("escape", "focus_list", "List", show=False, id="debrief.list"),
        # Criteria scores sit 18 fields below Name: one key goes there (issue 17, item 17).
        Binding("ctrl+g", "focus_scores", "Scores", show=False, id="debrief.scores"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.current: str | None = None
        self._criteria: list[str] = []
        self._left = False  # set when another screen took over (see on_screen_suspend)
        self._suggestion_lines = SUGGESTION_LINES  # the suggestion's height: the tallest yet
        self._filling = False  # _fill_form is setting the fields (see _follow)
        self._unseen: set[Widget] = set()  # fields _fill_unseen is to fill (see _can_wait)
        # Where each program marked "would not attend" in this session stood on the rank
        # list, so unmarking puts it back there rather than last.
        self._rank_before_mark: dict[str, int] = {}

    @property
    def plan(self) -> Plan:
        return self.app.plan

    def program(self) -> Program | None:
        return self.plan.program(self.current) if self.current else None

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with StillHorizontal(id="debrief-body"):
            with StillVertical(id="debrief-left"):
                yield InterviewList(id="interviews")
                yield Static("", id="list-hint", classes="hint-line")
            # No Tab stop of its own (it showed nothing focused): focus moving scrolls it.
            with StillScroll(id="debrief-form", can_focus=False):
                yield Readout("", id="record-title")
                yield Heading("Program", classes="section-title")
                yield field("Name", FormInput(id="p-name"))
                yield field("Specialty", Choice([("same as profile", "")], id="p-specialty"))
                for key in ("setting", "track"):
                    label, names, _ = PROGRAM_SELECTS[key]
                    yield field(label, _choice(f"p-{key}", names))
                yield field("Location", FormInput(id="p-location", placeholder="city, state"))
                yield field("Interviewed", FormInput(id="p-interview_date", placeholder=FORMS))
                yield HintLine("", id="date-hint", classes="hint")
                yield field("Preference", _choice("p-preference", PROGRAM_SELECTS["preference"][1]))
                yield field("", WrapCheckbox("I would not attend", id="p-would_not_attend"))
                yield Heading("Debrief", classes="section-title")
                for key in ("failure_discussion", "board_policy"):
                    label, names, _ = DEBRIEF_SELECTS[key]
                    yield field(label, _choice(f"d-{key}", names))
                yield Label("Signs they take chances", classes="story-label")
                for value, text in labels.TAKES_CHANCES.items():
                    yield field("", WrapCheckbox(text, id=f"tc-{value.value}"))
                for key in ("post_interview", "my_answer"):
                    label, names, _ = DEBRIEF_SELECTS[key]
                    yield field(label, _choice(f"d-{key}", names))
                yield field("", WrapCheckbox("my home program", id="d-home_program"))
                yield field("How it felt", Choice(FELT_OPTIONS, id="d-felt"))
                # Below every field that changes it: a suggestion that grows (a new reason, a
                # finding) moves only what is under it, never the field just edited (a second
                # click on the next sign landed on the one before).
                yield Heading("Likelihood", classes="section-title")
                yield field("Yours", _choice("p-likelihood", labels.LIKELIHOOD))
                yield Readout("", id="suggestion")
                yield Heading("Criteria", classes="section-title")
                self._criteria = list(self.plan.criteria)
                yield StillVertical(*self._criteria_rows(), id="criteria-fields")
                yield Heading("ctrl+r: add, rename, weigh or remove criteria", classes="hint")
                yield Heading("Notes", classes="section-title")
                yield TextBox(id="p-notes", soft_wrap=True, tab_behavior="focus")
            yield Static("No interviews yet. Press a (or ctrl+n) to add one.", id="empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.app.plan_replaced.subscribe(self, lambda _plan: self.show_plan(), immediate=True)
        self.app.findings_changed.subscribe(self, lambda _f: self._show_suggestion(),
                                            immediate=True)
        self.show_plan()
        table = self.query_one(InterviewList)
        self.watch(table, "cursor_coordinate", self._cursor_moved, init=False)
        form = self.query_one("#debrief-form")
        for box in form.query(Checkbox):
            self._follow(box, self._checkbox)
        for choice in form.query(Choice):  # the criteria's too (later ones: _criteria_rows)
            self._follow(choice, self._picked)
        table.focus()

    def on_resize(self) -> None:
        self._suggestion_lines = SUGGESTION_LINES  # another width, other heights

    def on_screen_suspend(self) -> None:
        # Left for another screen (F2-F5), or covered by a dialog of its own?
        self._left = self not in self.app.screen_stack

    def on_screen_resume(self) -> None:
        """Coming back from another screen: names, exams or the profile specialty may have
        changed what the list and the suggestion show. Focus goes back to the list (as on
        the Rank list), not to a form field left focused, where a key meant for the list
        would edit the record; after a dialog of this screen it stays where it was."""
        if not self.plan_as_left:
            self.redraw()
        if self._left:
            self._left = False
            table = self.query_one(InterviewList)
            if self.focused is not table:  # a focus() repaints, even where it already is
                table.focus()

    # -- showing the plan ------------------------------------------------------------------------

    def redraw(self) -> None:
        self.show_plan(select=self.current)

    def row_for(self, program: Program) -> InterviewRow:
        return InterviewRow(
            id=program.id,
            name=program.name or program.id,
            setting=program.setting.value,
            date=program.interview_date.isoformat() if program.interview_date else "",
            preference=program.preference,
            likelihood=effective(self.plan, program),
            overridden=program.likelihood is not Likelihood.UNSET,
            fit=program_fit(self.plan, program),
            would_not_attend=program.would_not_attend,
        )

    def show_plan(self, select: str | None = None) -> None:
        """Redraw the list and the form (on mount, after add or delete, undo or reload)."""
        table = self.query_one(InterviewList)
        if select is None and self.current and self.plan.program(self.current):
            select = self.current
        table.show([self.row_for(p) for p in self.plan.programs], select=select)
        self._fill_specialties()
        self.current = table.current_id()
        self._build_criteria()
        has = self.current is not None
        self.query_one("#debrief-form").display = has
        self.query_one("#empty").display = not has
        self._show_list_hint()
        self._fill_form()

    def _show_list_hint(self) -> None:
        n = len(self.plan.programs)
        self.query_one("#list-hint", Static).update(
            f"{n} interview{'s' * (n != 1)} · sorted by {self.query_one(InterviewList).sort_key}"
            " · × won't attend · enter edit · c copy · ctrl+g scores"
        )

    def _fill_specialties(self) -> None:
        choice = self.query_one("#p-specialty", Choice)
        profile = self.plan.profile.specialty
        choice.set_options([("same as profile", ""),
                            *((n, n) for n in known_names(self.plan) if n != profile)])

    def _build_criteria(self) -> None:
        names = list(self.plan.criteria)
        if names == self._criteria:
            return
        self._criteria = names
        box = self.query_one("#criteria-fields", Vertical)
        box.remove_children()
        box.mount_all(self._criteria_rows())
        self.call_after_refresh(self._fill_form)

    def _criteria_rows(self) -> list:
        # Each row starts on the selected program's score (shown before _fill_form runs).
        program = self.program()
        scores = program.criteria if program else {}
        choices = [Choice(SCORE_OPTIONS, value=scores.get(name, 0), id=f"c-{i}")
                   for i, name in enumerate(self.plan.criteria)]
        if self.is_mounted:  # rows built again (on_mount follows the first ones)
            for choice in choices:
                self._follow(choice, self._picked)
        rows = [field(f"{name} ×{weight:g}", choice)
                for choice, (name, weight) in zip(choices, self.plan.criteria.items())]
        return rows or [Static("No criteria yet.", classes="hint")]

    def _fill_form(self) -> None:
        program = self.program()
        if program is None:
            return
        # One frame shows the whole record, and it starts as soon as this returns (see
        # gather_repaints).
        with gather_repaints():
            self._fill_fields(program, defer=self._can_wait)
            show_hint(self.query_one("#date-hint", Static), "")
            self._show_suggestion()

    def _can_wait(self, widget: Widget) -> bool:
        """A field scrolled out of view can wait until the frame that shows the record has
        been drawn (at 120x40 the criteria and the notes, below the suggestion): it
        changes nothing on the screen, and setting it meanwhile (the notes' text area above
        all) delays that frame by some 2 ms. The focused field never waits: a key goes
        there next."""
        return widget is not self.focused and self.out_of_sight(widget)

    def _fill_fields(self, program: Program, *, defer: Callable[[Widget], bool] | None = None,
                     only: set[Widget] | None = None) -> list[Widget]:
        """Put the record's values in the form (in the fields of ``only``, if given), except
        the fields ``defer`` names: _fill_unseen fills those after the next frame, or when
        focus moves. Returns the fields it set (or left as they were)."""
        self._filling = True
        try:
            shown, deferred = self._set_fields(program, defer, only)
        finally:
            self._filling = False
        self._unseen.difference_update(shown)
        if deferred:
            self._unseen.update(deferred)
            self.call_after_refresh(self._fill_unseen)
        return shown

    def _fill_unseen(self) -> None:
        """The fields the last record changes left take the values of the record selected
        now (whichever it was then). Scheduled once per such change: a callback lost with a
        dialog closed before its first frame leaves them for the next one or a focus."""
        if not self._unseen:
            return
        unseen, self._unseen = self._unseen, set()
        if (program := self.program()) is not None:
            with gather_repaints():
                self._fill_fields(program, only=unseen)

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True,
                  from_app_focus: bool = False) -> None:
        self._fill_unseen()  # a field is filled before it can take a key
        super().set_focus(widget, scroll_visible, from_app_focus)

    def _set_fields(self, program: Program, defer: Callable[[Widget], bool] | None,
                    only: set[Widget] | None) -> tuple[list[Widget], list[Widget]]:
        """Set each field of ``only`` (or all) to the record's value, except those ``defer``
        names: the fields set (or found set), and those deferred."""
        shown: list[Widget] = []
        deferred: list[Widget] = []

        def form_field(selector: str, kind: type[W]) -> W | None:
            widget = self.query_one(selector, kind)
            if only is not None and widget not in only:
                return None
            if defer is not None and defer(widget):
                deferred.append(widget)
                return None
            shown.append(widget)
            return widget

        with self.prevent(Input.Changed, Checkbox.Changed, TextArea.Changed):
            readout(self.query_one("#record-title", Static), program.name or program.id,
                    wraps=False)
            for key in ("name", "location"):
                if (text := form_field(f"#p-{key}", Input)) is not None:
                    text.value = visible(getattr(program, key))  # an edit keeps what it shows
                    text.cursor_position = 0  # show the start of a long name, not its end
            if (date := form_field("#p-interview_date", Input)) is not None:
                date.value = program.interview_date.isoformat() if program.interview_date else ""
            if (specialty := form_field("#p-specialty", Choice)) is not None:
                specialty.value = ("" if program.specialty == self.plan.profile.specialty
                                   else program.specialty)
            for key in PROGRAM_SELECTS:
                if (choice := form_field(f"#p-{key}", Choice)) is not None:
                    choice.value = getattr(program, key)
            if (box := form_field("#p-would_not_attend", Checkbox)) is not None:
                box.value = program.would_not_attend
            d = program.debrief
            for key in DEBRIEF_SELECTS:
                if (choice := form_field(f"#d-{key}", Choice)) is not None:
                    choice.value = getattr(d, key)
            for value in TakesChances:
                if (box := form_field(f"#tc-{value.value}", Checkbox)) is not None:
                    box.value = value in d.takes_chances
            if (box := form_field("#d-home_program", Checkbox)) is not None:
                box.value = d.home_program
            if (choice := form_field("#d-felt", Choice)) is not None:
                choice.value = d.felt
            for i, name in enumerate(self._criteria):
                try:  # query_one is cached; a query walks the form for each criterion
                    choice = form_field(f"#c-{i}", Choice)
                except NoMatches:  # its row is being mounted (_build_criteria fills it)
                    continue
                if choice is not None:
                    choice.value = program.criteria.get(name, 0)
            notes = form_field("#p-notes", TextArea)
            if notes is not None and notes.text != visible(program.notes):
                notes.text = visible(program.notes)
        return shown, deferred

    def _show_suggestion(self) -> None:
        program = self.program()
        if program is None or not self.is_mounted or not self.in_sight:
            return
        s = suggestion_for(self.plan, program)
        lines = [f"Suggested: {s.likelihood.value.upper()}, total {s.total:+d}"]
        lines += [f"  {r.label()}" for r in s.reasons] or ["  no signal counts either way"]
        if program.likelihood is not Likelihood.UNSET:
            lines.append(f"You set {program.likelihood.value}: the rank list uses yours.")
        mine = [f for f in self.app.findings
                if f.section is Section.DEBRIEF and program.id in f.subjects]
        content = literal("\n".join(lines))
        if mine:
            content = Content.assemble(content, "\n\n", findings_content(mine, ""))
        # Padded to one height from record to record (the tallest shown yet), so choosing
        # another interview repaints the form instead of laying out the screen again.
        box = self.query_one("#suggestion", Readout)
        width = box.content_size.width
        if width > 0:
            self._suggestion_lines = max(self._suggestion_lines,
                                         text_height(box, content, width))
        readout(box, content, min_height=self._suggestion_lines)

    # -- edits -------------------------------------------------------------------------------

    def _changed(self, program: Program, *, row: bool = True) -> None:
        """The record changed (a field, or a structural edit: add, copy, delete,
        criteria): the list row, the findings and the suggestion follow now, in the frame
        that shows the change, and a settle() that follows closes a structural edit as an
        undo step of its own. (Through PlanChanged, a message to the app, they came a frame
        later, after that settle: the next field edit joined the structural edit's step.)"""
        if row:
            self.query_one(InterviewList).update_row(self.row_for(program))
        self.app.plan_changed()

    def _cursor_moved(self) -> None:
        """Another row under the list's cursor (a key, a click): its record goes into the
        form at once, in the same frame as the cursor. Through RowHighlighted, a message
        that reaches the screen after the list has been redrawn, the form came a frame
        later (a second display 17-33 ms after the first, which the user waits for); the
        list now stops that message. While the list redraws its rows (show_plan, a new
        width's columns) its cursor passes over other rows: show_plan selects its record
        itself after, and a redraw for a width keeps the record under the cursor."""
        table = self.query_one(InterviewList)
        if not table.showing:
            self._select(table.current_id())

    def _select(self, key: str | None) -> None:
        if key != self.current:
            self.current = key
            self._fill_form()

    @on(Input.Changed, "#p-name, #p-location")
    def _text(self, event: Input.Changed) -> None:
        program = self.program()
        key = event.input.id.removeprefix("p-")
        if program and getattr(program, key) != event.value:
            setattr(program, key, event.value)
            if key == "name":
                readout(self.query_one("#record-title", Static), event.value or program.id,
                        wraps=False)
            self._changed(program)

    @on(Input.Changed, "#p-interview_date")
    def _date(self, event: Input.Changed) -> None:
        program = self.program()
        if program is None:
            return
        text = event.value.strip()
        try:
            when = parse_date(text, self.app.today) if text else None
        except ValueError as exc:
            show_hint(self.query_one("#date-hint", Static), f"{exc} (not saved until it reads as a date)")
            return
        show_hint(self.query_one("#date-hint", Static), f"reads as {when:%a %d %b %Y}" if when and text != when.isoformat() else "")
        if program.interview_date != when:
            program.interview_date = when
            self._changed(program)

    @on(Input.Submitted, "#p-interview_date")
    @on(Input.Blurred, "#p-interview_date")
    def _normalise_date(self, event) -> None:
        program = self.program()
        field = self.query_one("#p-interview_date", Input)
        if program and program.interview_date and field.value != program.interview_date.isoformat():
            with self.prevent(Input.Changed):
                field.value = program.interview_date.isoformat()
            show_hint(self.query_one("#date-hint", Static), "")

    def _follow(self, widget: Checkbox | Choice, handler) -> None:
        """Call ``handler(widget id, value)`` as the value of ``widget`` changes (space, a
        pick, left or right, a click), except while _fill_form sets it: the record and all
        that follows from it change in the same frame as the field. (Checkbox.Changed and
        Choice.Changed reached the screen after the field had been drawn: a second frame;
        with keys coming fast, a late message could also carry a value already replaced.)"""

        def changed(value) -> None:
            if not self._filling:
                handler(widget.id or "", value)

        self.watch(widget, "value", changed, init=False)

    def _picked(self, sid: str, picked) -> None:
        program = self.program()
        if program is None:
            return
        if sid.startswith("c-"):
            name = self._criteria[int(sid[2:])]
            if program.criteria.get(name, 0) != picked:
                if picked:
                    program.criteria[name] = picked
                else:
                    program.criteria.pop(name, None)
                self._changed(program)
            return
        if sid == "p-specialty":
            profile = self.plan.profile.specialty
            if (picked or profile) == (program.specialty or profile):
                return  # "same as profile" and the profile's own name are one choice
            value = picked
        elif sid.startswith("p-"):
            value = PROGRAM_SELECTS[sid[2:]][2](picked)
        elif sid == "d-felt":
            value = int(picked)
        elif sid.startswith("d-"):
            value = DEBRIEF_SELECTS[sid[2:]][2](picked)
        else:
            return
        target = program.debrief if sid.startswith("d-") else program
        key = sid[2:]
        if getattr(target, key) != value:
            setattr(target, key, value)
            self._changed(program)

    def _checkbox(self, cid: str, value: bool) -> None:
        program = self.program()
        if program is None:
            return
        if cid == "p-would_not_attend":
            if program.would_not_attend != value:
                self._mark_would_not_attend(program, value)
                self._changed(program)
        elif cid == "d-home_program":
            if program.debrief.home_program != value:
                program.debrief.home_program = value
                self._changed(program)
        elif cid.startswith("tc-"):
            chance = TakesChances(cid[3:])
            chances = program.debrief.takes_chances
            if value and chance not in chances:
                chances.append(chance)
                chances.sort(key=list(TakesChances).index)
                self._changed(program)
            elif not value and chance in chances:
                chances.remove(chance)
                self._changed(program)

    def _mark_would_not_attend(self, program: Program, value: bool) -> None:
        """Mark or unmark, and say what it did to the rank list: a mark takes the program
        off, and unmarking puts it back where it stood if it was marked in this session
        (else at the bottom)."""
        order = self.plan.rank_list.order
        if value:
            was_ranked = program.id in order
            if was_ranked:
                self._rank_before_mark[program.id] = order.index(program.id)
            set_would_not_attend(self.plan, program, True)
            if was_ranked:
                self.notify(f"{program.name or program.id} is off the rank list: you rank only "
                            "places you would attend. Untick to put it back.", timeout=5,
                            markup=False)  # the name is plan text: shown as it is
            return
        set_would_not_attend(self.plan, program, False)
        if program.id not in order:
            return
        at = self._rank_before_mark.pop(program.id, None)
        if at is not None:
            move(order, order.index(program.id), min(at, len(order) - 1))
            where = f"back at rank {order.index(program.id) + 1} of {len(order)}"
        else:
            where = f"at the bottom (rank {len(order)}); move it on the Rank list (F4)"
        self.notify(f"{program.name or program.id} is on the rank list again, {where}.",
                    timeout=5, markup=False)

    @on(TextArea.Changed, "#p-notes")
    def _notes(self, event: TextArea.Changed) -> None:
        program = self.program()
        if program and program.notes != event.text_area.text:
            program.notes = event.text_area.text
            self._changed(program, row=False)

    # -- actions -----------------------------------------------------------------------------

    def action_focus_list(self) -> None:
        self.query_one(InterviewList).focus()

    def action_focus_scores(self) -> None:
        """To the first criterion's score of the open record (ctrl+g)."""
        if self.program() is None:
            return
        scores = self.query_one("#criteria-fields").query(Choice)
        if scores:
            scores.first().focus()
        else:
            self.notify("No criteria yet: ctrl+r adds them.", timeout=4)

    def action_edit_program(self) -> None:
        if self.program() is not None:
            self.query_one("#p-name", Input).focus()

    def action_cycle_sort(self) -> None:
        table = self.query_one(InterviewList)
        keys = list(SortKey)
        table.sort_key = keys[(keys.index(table.sort_key) + 1) % len(keys)]
        self.show_plan(select=self.current)

    def action_add_program(self) -> None:
        from rankplan.tui.screens.dialogs import NameDialog

        def named(name: str | None) -> None:
            if not name:
                return
            self.app.settle()
            program = add_program(self.plan, name, setting=Setting.UNSET)  # "not set" till chosen
            self.current = program.id
            self.show_plan(select=program.id)
            self._changed(program, row=False)
            self.app.settle()
            self.query_one("#p-interview_date", Input).focus()

        self.app.push_screen(NameDialog("Add an interview", "Program name"), named)

    def action_duplicate_program(self) -> None:
        program = self.program()
        if program is None:
            return
        self.app.settle()
        twin = duplicate_program(self.plan, program)
        self.show_plan(select=twin.id)
        self._changed(twin, row=False)
        self.app.settle()
        self.notify(f"Copied as {twin.name}. ctrl+z undoes.", timeout=3)

    def action_delete_program(self) -> None:
        from rankplan.tui.screens.dialogs import ConfirmDialog

        program = self.program()
        if program is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.app.settle()
            delete_program(self.plan, program)
            self.current = None
            self.show_plan()
            self._changed(program, row=False)
            self.app.settle()
            self.notify(f"Deleted {program.name or program.id}. ctrl+z brings it back.",
                        timeout=4)

        self.app.push_screen(ConfirmDialog(
            f"Delete the interview at {program.name or program.id}, with its debrief and "
            "notes? (ctrl+z undoes it.)"), answered)

    def action_edit_criteria(self) -> None:
        from rankplan.tui.screens.dialogs import CriteriaDialog

        def edited(rows: list[tuple[str | None, str, float]] | None) -> None:
            if rows is None:
                return
            self.app.settle()
            reshape_criteria(self.plan, rows)
            self.show_plan(select=self.current)
            program = self.program()
            if program:
                self._changed(program)
            else:
                self.app.plan_changed()
            self.app.settle()

        self.app.push_screen(CriteriaDialog(self.plan.criteria), edited)

    # -- palette and help --------------------------------------------------------------------

    def commands(self) -> Iterable:
        from textual.app import SystemCommand

        yield SystemCommand("Add interview", "A new program to debrief (ctrl+n)",
                            self.action_add_program)
        yield SystemCommand("Duplicate interview", "Copy the selected one (c in the list)",
                            self.action_duplicate_program)
        yield SystemCommand("Delete interview", "Delete the selected one (d; ctrl+z undoes)",
                            self.action_delete_program)
        yield SystemCommand("Edit criteria", "Add, rename, weigh or remove criteria (ctrl+r)",
                            self.action_edit_criteria)
        yield SystemCommand("Sort interviews", "By date, name, preference or fit (s)",
                            self.action_cycle_sort)

    def help_markdown(self) -> str:
        rows = "\n".join(
            f"| `{s.key} = {s.value.value if hasattr(s.value, 'value') else str(s.value).lower()}` "
            f"| {s.points:+d} | {s.reason} |" for s in SIGNALS
        )
        return f"""\
# Debrief

One record per interview. Pick an interview in the list (arrow keys), press **enter** to edit
it, **escape** to go back to the list. In the list: **a** adds, **c** copies, **d** deletes
(ctrl+z undoes), **s** changes the sort (date, name, preference, fit). In the form, a field
marked ▼ opens its list on **enter** or a click; **left** and **right** step through it.

## Likelihood

How likely the program is to rank you high enough. rankplan suggests it from what you noted;
you may set your own, and the suggestion stays visible beside it. Points:

| signal | points | why |
|---|---|---|
{rows}

The signs that a program takes chances add at most +2 together. With two or more failed
attempts on record, "at most one failure" makes the suggestion red outright. A total of
{GREEN_AT:+d} or more is green, {RED_AT:+d} or less is red, anything between is yellow.

## Fit score

Score each criterion from 1 to 5; the fit score is the mean weighted by the criteria's
weights (ctrl+r edits them). A criterion you have not scored is left out of the mean.

## Findings on this screen

{findings_help(Section.DEBRIEF)}
"""
