"""Small modal dialogs: confirm, exam attempt, custom specialty. Escape closes each."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from rankplan.core.dates import FORMS, parse_date
from rankplan.core.exams import EXAMS, scale_problem
from rankplan.core.model import (
    EXAM_LABELS,
    Activity,
    Exam,
    ExamAttempt,
    ExamResult,
    Goal,
    GoalDomain,
    Practice,
    SpecialtyEntry,
    Tier,
)
from rankplan.core.specialties import BUILTIN
from rankplan.core.text import visible
from rankplan.tui.literal import literal, literal_text
from rankplan.tui.quitting import QuietAtQuit
from rankplan.tui.widgets.checkbox import Checkbox
from rankplan.tui.widgets.choice import Choice


def dialog_footer(*lead: str):
    """The dialog's own keys at the bottom: the footer of the screen under it listed that
    screen's keys ("x Take off"), which do nothing while the dialog is open."""
    from rankplan.tui.widgets.footer import KeyFooter

    return KeyFooter(lead=lead)


class Dialog(QuietAtQuit, ModalScreen):
    """A modal box with a title, fields, an error line and OK / Cancel buttons."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
                Binding("f1", "app.help", "Help", id="dialog.help")]
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    Dialog .dialog-title { text-style: bold; margin-bottom: 1; width: 1fr; }
    Dialog .row { height: auto; margin-bottom: 1; }
    Dialog .row > Label { width: 12; color: $text-muted; }
    Dialog .row > Input, Dialog .row > Choice { width: 1fr; }
    Dialog .error { color: $text-error; height: auto; }
    Dialog .buttons { height: auto; align-horizontal: right; }
    Dialog Button { margin-left: 1; }
    """
    TITLE_TEXT = ""
    OK_LABEL = "Save"
    # AUTO_FOCUS (Textual's): the field a dialog opens in. Textual focuses it as the dialog
    # is composed; a focus() in on_mount came a turn later, and keys typed right after
    # the key that opened the dialog could reach a field before it (test_key_order).

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.TITLE_TEXT), classes="dialog-title")
            yield from self.fields()
            yield Static("", classes="error", id="dialog-error")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(self.OK_LABEL, variant="primary", id="ok")
        yield dialog_footer("dialog.cancel")

    def fields(self) -> ComposeResult:
        yield from ()

    HELP = ""  # what this dialog asks, for its help (F1)

    def help_markdown(self) -> str:
        title = self.TITLE_TEXT or "Confirm"
        return (f"# {title}\n\n{self.HELP}\n\n**tab** and **shift+tab** move between the "
                f"fields; **enter** in a text box, or on *{self.OK_LABEL}*, confirms; "
                "**escape** or *Cancel* closes the dialog and changes nothing. A field marked "
                "▼ opens its list with **enter** or **space**; **left** and **right** step to "
                "the previous or next value.")

    # Text boxes show plan text with control characters as \xNN (visible()), as every widget
    # does: saving a box keeps what it showed.
    def row(self, label: str, widget: Input | Choice) -> Horizontal:
        widget.compact = True
        return Horizontal(Label(literal(label)), widget, classes="row")

    def show_error(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(literal(message))  # may quote input

    last_check = None  # optional: a last check of the result, run before the dialog closes

    def result(self):
        """The dialog's value, or raise ValueError with a message to show."""
        return True

    @on(Button.Pressed, "#ok")
    @on(Input.Submitted)
    def action_ok(self) -> None:
        try:
            value = self.result()
            if self.last_check is not None:
                value = self.last_check(value)
        except ValueError as exc:
            if str(exc):
                self.show_error(str(exc))
            return
        self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(Dialog):
    """Ask before something that cannot be taken back."""

    AUTO_FOCUS = "#cancel"
    OK_LABEL = "Delete"

    def __init__(self, question: str, ok_label: str = "Delete") -> None:
        super().__init__()
        self.question = question
        self.OK_LABEL = ok_label

    def fields(self) -> ComposeResult:
        yield Static(literal(self.question))  # names the plan's own items


# Pending first and fail last: a step left from "pending" cannot land on "fail" unseen.
RESULT_ORDER = (ExamResult.PENDING, ExamResult.PASS, ExamResult.FAIL)
NO_RESULT = ""  # a new attempt's result until one is chosen (it is required)


class ExamDialog(Dialog):
    """Add or edit one exam attempt.

    A new attempt starts with no result chosen, and saving asks for one: a default of
    "pending" put "fail" one Left away, and it was saved by mistake."""

    AUTO_FOCUS = "#exam"

    def __init__(self, attempt: ExamAttempt | None, today: date) -> None:
        super().__init__()
        self.new = attempt is None
        self.attempt = attempt or ExamAttempt()
        self.today = today
        self.TITLE_TEXT = "Edit exam attempt" if attempt else "Add exam attempt"

    def fields(self) -> ComposeResult:
        a = self.attempt
        yield self.row("Exam", Choice([(EXAM_LABELS[e], e) for e in Exam], value=a.exam,
                                      id="exam"))
        yield self.row("Date", Input(a.date.isoformat() if a.date else "", id="date",
                                     placeholder=FORMS))
        options = [(r.value, r) for r in RESULT_ORDER]
        if self.new:
            options.insert(0, ("choose: pending, pass or fail", NO_RESULT))
        yield self.row("Result", Choice(options, value=NO_RESULT if self.new else a.result,
                                        id="result"))
        yield self.row("Score", Input(str(a.score) if a.score else "", id="score",
                                      placeholder="the score; empty if pass/fail",
                                      restrict=r"\d{0,3}"))

    def result(self) -> ExamAttempt:
        text = self.query_one("#date", Input).value
        when = parse_date(text, self.today) if text.strip() else None
        score_text = self.query_one("#score", Input).value
        score = int(score_text) if score_text else 0
        exam = Exam(self.query_one("#exam", Choice).value)
        if score and (problem := scale_problem(exam, score)):
            raise ValueError(problem)
        result = self.query_one("#result", Choice).value
        if result == NO_RESULT:
            self.query_one("#result", Choice).focus()
            raise ValueError("choose a result: pending, pass or fail")
        return ExamAttempt(
            exam=exam,
            date=when,
            result=ExamResult(result),
            score=score,
        )


class SpecialtyDialog(Dialog):
    """Add a specialty that is not built in, or change the tier or baseline of one."""

    TITLE_TEXT = "Custom specialty"

    def __init__(self, name: str, entry: SpecialtyEntry | None) -> None:
        super().__init__()
        builtin = BUILTIN.get(name)
        self.name_ = name
        self.tier = (entry and entry.tier) or (builtin.tier if builtin else Tier.MODERATE)
        baseline = entry.baseline if entry and entry.baseline is not None else (
            builtin.baseline if builtin else None
        )
        self.baseline = "" if baseline is None else f"{baseline:g}"

    def fields(self) -> ComposeResult:
        yield Static(
            "A name not in the built-in table adds a specialty; a built-in name changes its "
            "tier and baseline (the chance to match with one failure after about ten "
            "interviews, all ranked)."
        )
        yield self.row("Name", Input(visible(self.name_), id="name"))
        yield self.row("Tier", Choice([(t.value, t) for t in Tier], value=self.tier, id="tier"))
        yield self.row("Baseline", Input(self.baseline, id="baseline",
                                         placeholder="0 to 1, e.g. 0.5"))

    def result(self) -> tuple[str, SpecialtyEntry]:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            raise ValueError("give the specialty a name")
        try:
            baseline = float(self.query_one("#baseline", Input).value)
        except ValueError:
            raise ValueError("the baseline is a number from 0 to 1, such as 0.5") from None
        if not 0 <= baseline <= 1:
            raise ValueError("the baseline is a number from 0 to 1, such as 0.5")
        return name, SpecialtyEntry(tier=Tier(self.query_one("#tier", Choice).value), baseline=baseline)


class NameDialog(Dialog):
    """Ask for one name (a new interview)."""

    AUTO_FOCUS = "#value"
    OK_LABEL = "Add"

    def __init__(self, title: str, label: str, value: str = "") -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.label = label
        self.value = value

    def fields(self) -> ComposeResult:
        yield self.row(self.label, Input(visible(self.value), id="value"))

    def result(self) -> str:
        value = self.query_one("#value", Input).value.strip()
        if not value:
            raise ValueError("type a name first")
        return value


class CriteriaDialog(Dialog):
    """Edit the criteria at once: rename (scores follow), re-weight, remove, add."""

    AUTO_FOCUS = "#crit-rows Input"
    TITLE_TEXT = "Criteria and their weights"
    DEFAULT_CSS = """
    CriteriaDialog .crit { height: 1; margin-bottom: 1; }
    CriteriaDialog .crit > Input { width: 1fr; }
    CriteriaDialog .crit > .weight { width: 10; margin-left: 1; }
    CriteriaDialog .crit > Button { min-width: 5; width: 5; margin-left: 1; height: 1; border: none; }
    """

    def __init__(self, criteria: dict[str, float]) -> None:
        super().__init__()
        self.original = list(criteria.items())
        self._rows = 0

    def fields(self) -> ComposeResult:
        yield Static("Weights say how much each criterion counts in the fit score (0 leaves "
                     "it out). Renaming keeps every program's scores.", classes="note")
        rows = [self._row(name, f"{weight:g}", original=name) for name, weight in self.original]
        yield Vertical(*(rows or [self._row("", "1", original=None)]), id="crit-rows")
        yield Button("Add criterion", id="add-crit")

    def _row(self, name: str, weight: str, original: str | None) -> Horizontal:
        n = self._rows
        self._rows += 1
        row = Horizontal(
            Input(visible(name), id=f"crit-name-{n}", placeholder="e.g. location", compact=True),
            Input(weight, id=f"crit-weight-{n}", classes="weight", compact=True,
                  restrict=r"[0-9.]*"),
            Button("×", id=f"crit-del-{n}", compact=True),
            classes="crit",
        )
        row.original = original  # type: ignore[attr-defined]
        return row

    @on(Button.Pressed, "#add-crit")
    async def _add(self) -> None:
        row = self._row("", "1", original=None)
        await self.query_one("#crit-rows", Vertical).mount(row)
        row.query(Input).first().focus()

    @on(Button.Pressed, ".crit Button")
    def _delete(self, event: Button.Pressed) -> None:
        event.button.parent.remove()

    def result(self) -> list[tuple[str | None, str, float]]:
        rows = []
        for row in self.query(".crit").results(Horizontal):
            name_input, weight_input = row.query(Input).results(Input)
            name = name_input.value.strip()
            if not name and row.original is None:  # type: ignore[attr-defined]
                continue  # an added row left empty
            if not name:
                raise ValueError("a criterion needs a name (use × to remove one)")
            try:
                weight = float(weight_input.value or "0")
            except ValueError:
                raise ValueError(f'the weight of "{name}" is not a number') from None
            rows.append((row.original, name, weight))  # type: ignore[attr-defined]
        names = [name for _, name, _ in rows]
        if len(set(names)) != len(names):
            raise ValueError("two criteria have the same name")
        return rows


class PracticeDialog(Dialog):
    """Add or edit one practice exam score."""

    def __init__(self, practice: Practice | None, today: date, exam: Exam = Exam.STEP2CK) -> None:
        super().__init__()
        self.practice = practice or Practice()
        self.today = today
        self.exam = exam  # the schedule's exam: the score is on its scale
        self.AUTO_FOCUS = "#score" if self.practice.date else "#date"
        self.TITLE_TEXT = "Edit practice exam" if practice else "Add practice exam"

    def fields(self) -> ComposeResult:
        p = self.practice
        yield self.row("Date", Input(p.date.isoformat() if p.date else self.today.isoformat(),
                                     id="date", placeholder=FORMS))
        yield self.row("Form", Input(visible(p.form), id="form", placeholder="e.g. NBME 13, UWSA 2"))
        yield self.row("Score", Input(str(p.score) if p.score else "", id="score",
                                      placeholder=f"{EXAMS[self.exam].name} scale "
                                      f"{EXAMS[self.exam].scale}", restrict=r"\d{0,3}"))

    def result(self) -> Practice:
        text = self.query_one("#date", Input).value
        when = parse_date(text, self.today) if text.strip() else None
        score_text = self.query_one("#score", Input).value
        if not score_text:
            raise ValueError("type the score (a practice exam without one tells nothing)")
        if problem := scale_problem(self.exam, int(score_text)):
            raise ValueError(problem)
        return Practice(date=when, form=self.query_one("#form", Input).value.strip(),
                        score=int(score_text))


class GoalDialog(Dialog):
    """Add or edit one goal."""

    AUTO_FOCUS = "#title"

    def __init__(self, goal: Goal | None, today: date) -> None:
        super().__init__()
        self.goal = goal or Goal()
        self.today = today
        self.TITLE_TEXT = "Edit goal" if goal else "Add goal"

    def fields(self) -> ComposeResult:
        g = self.goal
        yield self.row("Domain", Choice([(d.value, d) for d in GoalDomain], value=g.domain,
                                        id="domain"))
        yield self.row("Goal", Input(visible(g.title), id="title", placeholder="e.g. two new letters"))
        yield self.row("Due", Input(g.due.isoformat() if g.due else "", id="due",
                                    placeholder=FORMS))
        yield self.row("", Checkbox("done", g.done, id="done"))

    def result(self) -> Goal:
        title = self.query_one("#title", Input).value.strip()
        if not title:
            raise ValueError("say what the goal is")
        text = self.query_one("#due", Input).value
        return Goal(domain=GoalDomain(self.query_one("#domain", Choice).value), title=title,
                    due=parse_date(text, self.today, ahead=True) if text.strip() else None,
                    done=self.query_one("#done", Checkbox).value, id=self.goal.id)


class ActivityMenu(QuietAtQuit, ModalScreen[Activity | None]):
    """Pick an activity for a block with the mouse (or the keyboard)."""

    BINDINGS = [Binding("escape", "dismiss_menu", "Cancel", id="week.menu_cancel")]
    DEFAULT_CSS = """
    ActivityMenu { align: center middle; }
    ActivityMenu > OptionList { width: 32; height: auto; border: thick $primary;
                                border-title-color: $text; border-title-style: bold; }
    """
    # The title in the border's colour was 3.3:1 on the surface in textual-dark.

    def __init__(self, title: str, at: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.at = at  # the clicked block on the screen: the menu opens beside it

    def on_mount(self) -> None:
        if self.at is None:
            return
        menu = self.query_one(OptionList)
        width, height = 32, menu.option_count + 2
        x, y = self.at
        screen = self.size
        top = y + 1 if y + 1 + height <= screen.height else max(0, y - height)
        self.styles.align = ("left", "top")
        menu.styles.offset = (max(0, min(x, screen.width - width)), top)

    def compose(self) -> ComposeResult:
        from rankplan.tui.labels import ACTIVITY_KEYS

        menu = OptionList(*(
            Option(f"{letter}  {activity.value or 'empty'}  ({key})", id=activity.value or "-")
            for activity, (key, letter, _, _) in ACTIVITY_KEYS.items()
        ))
        menu.border_title = self.title_text
        yield menu

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        value = event.option.id
        self.dismiss(Activity("" if value == "-" else value))

    def action_dismiss_menu(self) -> None:
        self.dismiss(None)


class ConflictDialog(QuietAtQuit, ModalScreen[str | None]):
    """The plan file changed outside rankplan while it was open (DESIGN §5): take the
    file's version, keep ours over it, or look at the differences first."""

    BINDINGS = [
        Binding("r", "answer('reload')", "Reload the file", id="conflict.reload"),
        Binding("k", "answer('keep')", "Keep ours", id="conflict.keep"),
        Binding("d", "answer('diff')", "Differences", id="conflict.diff"),
        Binding("escape", "answer('later')", "Decide later", id="conflict.later"),
        Binding("f1", "app.help", "Help", show=False, id="conflict.help"),
    ]
    DEFAULT_CSS = """
    ConflictDialog { align: center middle; }
    ConflictDialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConflictDialog .dialog-title { text-style: bold; margin-bottom: 1; }
    ConflictDialog Button { width: 100%; margin-top: 1; }
    """

    def __init__(self, plan_path, conflict_path) -> None:
        super().__init__()
        self.plan_path = plan_path
        self.conflict_path = conflict_path

    def compose(self) -> ComposeResult:
        name = self.plan_path.name
        with Vertical():
            yield Static(literal(f"{name} was changed outside rankplan"),
                         classes="dialog-title")
            yield Static(literal(
                f"rankplan did not overwrite it. Your latest version is safe in "
                f"{self.conflict_path.name}; until you choose, saves go there."))
            # compact: the four choices and the text fit at 80x24
            yield Button("Reload: take the file's version (r)", id="reload", compact=True)
            yield Button(f"Keep ours: write it over {name} (k)", id="keep", compact=True)
            yield Button("Show the differences side by side (d)", id="diff",
                         variant="primary", compact=True)
            yield Button("Decide later (esc)", id="later", compact=True)
        yield dialog_footer("conflict.reload", "conflict.keep", "conflict.diff",
                            "conflict.later")

    def help_markdown(self) -> str:
        name = self.plan_path.name
        return f"""\
# {name} was changed outside rankplan

Someone (an editor, a sync tool, you) wrote {name} while rankplan had it open. rankplan
never writes over such a change: your latest version went to {self.conflict_path.name}.

- **r** Reload: take the file's version; the changes in rankplan since then are left in the
  conflict copy. If the file cannot be read now, rankplan keeps your version and says why.
- **k** Keep ours: write rankplan's version over {name} (it asks first); the file's version
  is kept beside it as a *theirs* copy.
- **d** Differences: both versions side by side, one row per key that differs.
- **escape** Decide later: saves keep going to the conflict copy; *Resolve the conflict* in
  the command palette (ctrl+p) asks again."""

    def on_mount(self) -> None:
        self.query_one("#diff", Button).focus()

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)


class DiffScreen(QuietAtQuit, ModalScreen[str | None]):
    """Ours and the file's side by side, one row per key that differs, by section."""

    BINDINGS = [
        Binding("r", "answer('reload')", "Reload the file", id="diff.reload"),
        Binding("k", "answer('keep')", "Keep ours", id="diff.keep"),
        Binding("escape", "answer('back')", "Back", id="diff.back"),
        Binding("f1", "app.help", "Help", show=False, id="diff.help"),
    ]
    DEFAULT_CSS = """
    DiffScreen { align: center middle; }
    DiffScreen > Vertical {
        width: 100%; height: 100%; border: thick $warning; background: $surface;
        padding: 0 1;
    }
    DiffScreen .dialog-title { text-style: bold; }
    DiffScreen DataTable { height: 1fr; }
    DiffScreen .hint { color: $text-muted; }
    """

    def __init__(self, plan_path, rows, errors: list[str]) -> None:
        super().__init__()
        self.plan_path = plan_path
        self.rows = rows
        self.errors = errors

    def compose(self) -> ComposeResult:
        from textual.widgets import DataTable

        with Vertical():
            yield Static(literal(f"Differences: rankplan's version and {self.plan_path.name} "
                                 f"on disk ({len(self.rows)})"), classes="dialog-title")
            if self.errors:
                yield Static(literal(f"{self.plan_path.name} is not a valid plan now:\n"
                                     + "\n".join(self.errors)))
            table = DataTable(id="diff-table", cursor_type="row", zebra_stripes=True)
            yield table
            yield Static("r reload the file's version · k keep ours · esc back", classes="hint")
        yield dialog_footer("diff.reload", "diff.keep", "diff.back")

    def help_markdown(self) -> str:
        return ("# Differences\n\nOne row per key that differs between rankplan's version "
                "(ours) and the file on disk (theirs), by section; *(not there)* marks a key "
                "only one side has. **up** and **down** go through the rows; **r** takes the "
                "file's version, **k** keeps ours, **escape** goes back to the question.")

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#diff-table").focus()

    def on_resize(self) -> None:
        self._fill()

    def _fill(self) -> None:
        """The four columns share the width, each value wrapped in its own column: a long
        value (the rank list's order) pushed "the file (theirs)" out of sight."""
        from textual.widgets import DataTable

        table = self.query_one(DataTable)
        cells = [(row.section or "(top)", row.key or "(all)", row.ours, row.theirs)
                 for row in self.rows]
        if not self.rows and not self.errors:
            cells.append(("", "", "no differences", ""))
        width = self.app.size.width - 4 - 2  # the border and padding; the scrollbar
        section = min(max([7, *(len(c[0]) for c in cells)]), max(7, width // 4))
        key = min(max([3, *(len(c[1]) for c in cells)]), max(3, width // 6))
        value = max(10, (width - section - key - 8) // 2)  # 2 cells of padding a column
        cursor = table.cursor_row
        table.clear(columns=True)
        for label, size in (("Section", section), ("Key", key), ("rankplan (ours)", value),
                            ("the file (theirs)", value)):
            table.add_column(label, width=size)
        for row in cells:
            table.add_row(*(literal_text(v) for v in row), height=None)
        if cells:
            table.move_cursor(row=min(cursor, len(cells) - 1))

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
