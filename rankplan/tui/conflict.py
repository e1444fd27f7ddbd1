"""What the app does when a save finds the plan file changed outside rankplan (DESIGN §5):
ask at once (reload / keep ours / differences) instead of saving to conflict copies until
the user finds "Reload" in the command palette."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rankplan.tui.app import RankPlanApp


class ConflictFlow:
    """One question at a time per app; ``found`` is called at every conflicting save."""

    def __init__(self, app: RankPlanApp) -> None:
        self.app = app
        self.asking = False
        self.asked_for: Path | None = None  # the conflict copy already asked about

    def found(self, conflict_path: Path) -> None:
        """A save went to ``conflict_path``: ask, once per conflict (a later save to the
        same copy while the user decides, or after "decide later", asks nothing)."""
        if self.asking or self.asked_for == conflict_path:
            return
        self.asked_for = conflict_path
        self._ask()

    def _ask(self) -> None:
        from rankplan.tui.screens.dialogs import ConflictDialog

        store = self.app.store
        if store.conflict_file is None:  # settled meanwhile (reloaded)
            return
        self.asking = True
        self.app.push_screen(ConflictDialog(store.path, store.conflict_file), self._answered)

    def _answered(self, answer: str | None) -> None:
        self.asking = False
        if answer == "reload":
            if not self.app.reload_plan(keep_valid=True):  # the file cannot be read: ask again
                self._ask()
        elif answer == "keep":
            self._confirm_keep()
        elif answer == "diff":
            self._show_differences()
        else:
            store = self.app.store
            if store.conflict_file is not None:
                self.app.notify(
                    f"Saves go to {store.conflict_file.name} until you choose: 'Reload plan "
                    "from disk' or 'Resolve the conflict' in the command palette (ctrl+p).",
                    title="Changed on disk", severity="warning", timeout=12)

    def ask_again(self) -> None:
        """From the command palette: the same question, if a conflict is open."""
        if self.app.store.conflict_file is None:
            self.app.notify("No conflict: the plan file holds rankplan's version.")
            return
        if not self.asking:
            self._ask()

    def _show_differences(self) -> None:
        from rankplan.storage.diff import differences_with_file
        from rankplan.tui.screens.dialogs import DiffScreen

        store = self.app.store
        rows, errors = differences_with_file(self.app.plan, store.path)
        self.asking = True

        def back(answer: str | None) -> None:
            self.asking = False
            if answer in ("reload", "keep"):
                self._answered(answer)
            else:
                self._ask()

        self.app.push_screen(DiffScreen(store.path, rows, errors), back)

    def _confirm_keep(self) -> None:
        from rankplan.tui.screens.dialogs import ConfirmDialog

        name = self.app.store.path.name
        question = (f"Write rankplan's version over {name}?\n\nThe changes made outside "
                    f"rankplan are kept beside it as {Path(name).stem}.theirs-<date>-<time>"
                    ".toml, and saves go to the file again.")
        self.asking = True

        def answered(yes: bool | None) -> None:
            self.asking = False
            if yes:
                self._keep_ours()
            else:
                self._ask()

        self.app.push_screen(ConfirmDialog(question, ok_label="Keep ours"), answered)

    def _keep_ours(self) -> None:
        app = self.app
        try:
            _result, theirs = app.store.keep_ours(app.plan)
        except Exception as exc:  # noqa: BLE001 - the plan stays in memory; say why
            reason = getattr(exc, "strerror", None) or str(exc)
            app.notify(f"Could not write {app.store.path}: {reason}", title="Not saved",
                       severity="error", timeout=10)
            return
        self.asked_for = None
        app.saved_over_conflict()
        kept = f" The outside version is kept as {theirs.name}." if theirs else ""
        app.notify(f"Wrote your version to {app.store.path.name}; saves go there again.{kept}",
                   title="Kept ours", timeout=12)
