"""The view shown instead of the plan when its file cannot be used.

It lists every problem with its place, and offers a way forward that never writes to the
broken file: read it again after fixing it, open the backup copy, start a new plan elsewhere,
or quit.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from rankplan.storage.errors import PlanBusyError
from rankplan.storage.files import backup_path
from rankplan.storage.read import read_plan
from rankplan.tui.literal import literal
from rankplan.tui.quitting import QuietAtQuit
from rankplan.tui.widgets.title_bar import TitleBar
from rankplan.tui.widgets.footer import KeyFooter


def _free_name(folder: Path, stem: str) -> Path:
    candidate = folder / f"{stem}.toml"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}.toml"
        n += 1
    return candidate


class PlanErrorScreen(QuietAtQuit, Screen):
    BINDINGS = [
        Binding("r", "reload", "Read again", id="error.reload"),
        Binding("b", "open_backup", "Restore backup", id="error.backup"),
        Binding("n", "focus_new", "New plan", id="error.new"),
        Binding("q", "app.quit", "Quit", id="error.quit"),
    ]
    DEFAULT_CSS = """
    PlanErrorScreen #error-box { padding: 0 2; }
    PlanErrorScreen #error-title { text-style: bold; color: $text-error; margin: 1 0; }
    PlanErrorScreen #error-list { height: auto; max-height: 12; border: round $error;
                                  padding: 0 1; }
    PlanErrorScreen .row { height: auto; margin-top: 1; }
    PlanErrorScreen .row > Button { margin-right: 2; }
    PlanErrorScreen #new-path { width: 1fr; }
    PlanErrorScreen .note { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        store = self.app.store
        bak = backup_path(store.path)
        self._backup_ok = bak.exists() and read_plan(bak).ok
        yield TitleBar()
        with VerticalScroll(id="error-box", can_focus=False):  # Tab: its buttons and list
            # The path and the errors quote the file and its folder: shown literally.
            yield Static(literal(f"rankplan cannot open {store.path}"), id="error-title")
            with VerticalScroll(id="error-list"):
                yield Static(literal("\n".join(e.render(store.path) for e in store.errors)),
                             id="error-lines")
            yield Static(
                "The file is left exactly as it is: rankplan never writes to a plan it "
                "cannot read. Fix it in a text editor and press r, or choose below.",
                classes="note",
            )
            with Horizontal(classes="row"):
                yield Button("Read again (r)", id="reload")
                yield Button(
                    "Restore backup (b)" if self._backup_ok else "No valid backup",
                    id="backup", disabled=not self._backup_ok,
                )
                yield Button("Quit (q)", id="quit")
            yield Label("Or start a new plan at (n):")
            with Horizontal(classes="row"):
                yield Input(str(_free_name(store.path.parent, "plan-new")), id="new-path")
                yield Button("Start new plan", id="new", variant="primary")
            if self._backup_ok:
                yield Static(literal(f"The backup is {bak}. Opening it makes it your plan "
                                     f"again: {store.path.name} is renamed aside, kept as it "
                                     "is, and the backup copied in its place."),
                             classes="note")
        yield KeyFooter(lead=("error.reload", "error.backup", "error.new", "error.quit"),
                        screen_keys=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_backup":
            return self._backup_ok  # no key on the footer for a backup that is not there
        return True

    def help_markdown(self) -> str:
        name = self.app.store.path.name
        return f"""\
# rankplan cannot open {name}

Each problem above names the place in the file: `PATH:LINE:COLUMN` (counted from 1, as
editors count), or the key with the program it belongs to. rankplan never writes to a file
it cannot read, so nothing is lost while you decide.

- **r** Read again: after you fixed the file in a text editor.
- **b** Restore backup: make `{name}.bak` (the plan as it was before rankplan's last
  session changed it) your plan again; {name} is renamed aside, kept as it is. Shown only when the backup
  can be read.
- **n** New plan: an empty plan at the path in the box (edit it first); {name} stays.
- **q** Quit."""

    def action_reload(self) -> None:
        self.app.reload_plan()

    def action_open_backup(self) -> None:
        """Ask, then restore the backup as the plan (storage renames the broken file aside
        and copies the backup in its place: the next launch opens the restored plan)."""
        if not self._backup_ok:
            return
        from rankplan.tui.screens.dialogs import ConfirmDialog

        path = self.app.store.path
        question = (f"Restore the backup as your plan?\n\n{path.name} is renamed to "
                    f"{path.stem}.broken-<date>-<time>.toml (unchanged), and "
                    f"{backup_path(path).name} is copied to {path.name}.")
        self.app.push_screen(ConfirmDialog(question, ok_label="Restore"), self._restore)

    def _restore(self, yes: bool | None) -> None:
        if not yes:
            return
        try:
            aside = self.app.store.restore_backup()
        except (OSError, ValueError) as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.app.plan_restored(aside)

    def action_focus_new(self) -> None:
        self.query_one("#new-path", Input).focus()

    @on(Button.Pressed, "#reload")
    def _reload(self) -> None:
        self.action_reload()

    @on(Button.Pressed, "#backup")
    def _backup(self) -> None:
        self.action_open_backup()

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.app.exit()

    @on(Button.Pressed, "#new")
    @on(Input.Submitted, "#new-path")
    def _new(self) -> None:
        text = self.query_one("#new-path", Input).value.strip()
        if not text:
            self.notify("Type a path for the new plan.", severity="warning")
            return
        path = Path(text).expanduser()
        if path.exists():
            self.notify(f"{path} already exists; choose a new name.", severity="warning")
            return
        self._open(path)

    def _open(self, path: Path) -> None:
        try:
            self.app.open_plan(path)
        except (PlanBusyError, OSError) as exc:
            self.notify(str(exc), severity="error", timeout=10)
