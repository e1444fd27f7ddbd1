"""Saving, quitting and the end of the process: the part of ``RankPlanApp`` that owns the
way edits reach the plan file (DESIGN §5: autosave after a moment of quiet, in a thread;
a failed save kept in memory and tried again; ctrl+q once every typed key is applied; the
last save on unmount, after SIGHUP or SIGTERM included)."""

from __future__ import annotations

import asyncio

from textual import work

from rankplan.storage.store import PlanStore, SaveOutcome, SaveResult
from rankplan.tui.hangup import guard_output, last_resort, unblock_output

SAVE_DELAY = 0.5  # seconds of quiet before an autosave
RETRY_DELAY = 5.0  # seconds before a failed save is tried again
SIGNAL_EXIT_GRACE = 2.0  # seconds for the exit after a signal, once the plan is saved
SIGNAL_EXIT_LIMIT = 5.0  # seconds from a signal to the end of the process, whatever happens
READ_ONLY_EDITED = "READ-ONLY: changes are not saved"


class Saving:
    """Mixed into ``RankPlanApp`` (an App): its store, plan, edit counters and save state."""

    # -- saving ------------------------------------------------------------------------------

    def save_soon(self) -> None:
        """An edit came: save after SAVE_DELAY of quiet (each edit starts the wait again)."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._autosave, name="autosave")

    def _autosave(self) -> None:
        self._save_timer = None
        self.settle()
        if self._saving or self._edits == self._saved_edits or not self.store.writable:
            return
        self._saving = True
        self.save_state = "saving"
        # The history's pickle goes to the store as it is: the helper process that renders it
        # unpickles it there, so this process does no work for it but the write.
        snapshot = self._history.data(self._history.pos)
        self._save_in_background(snapshot, self._edits, self.store, self.store.generation)

    @work(thread=True, group="save", exit_on_error=False)
    def _save_in_background(self, snapshot: bytes, edits: int, store: PlanStore,
                            generation: int) -> None:
        try:
            result = store.save(snapshot, generation=generation)
        except Exception as exc:  # noqa: BLE001 - any failure keeps the plan in memory
            self.call_from_thread(self._save_failed, exc, store, generation)
        else:
            self.call_from_thread(self._save_done, result, edits, store, generation)

    def _current(self, store: PlanStore, generation: int) -> bool:
        """Whether a save's answer is about the file and reading still open now."""
        return store is self.store and generation == store.generation

    def _save_done(self, result: SaveResult, edits: int, store: PlanStore | None = None,
                   generation: int | None = None) -> None:
        if store is not None and not self._current(store, generation):
            return  # the plan was read again or another opened: this answer is old news
        self._saving = False
        self._saved_edits = edits
        if result.outcome is SaveOutcome.CONFLICT:
            self.save_state = f"conflict: saved to {result.path.name}"
            self.conflict.found(result.path)
        else:
            self.save_state = "saved" if edits == self._edits else "unsaved"
        if self._edits != edits and self._save_timer is None:
            # Edits came in while saving and their autosave already found us busy: save them
            # after the same moment of quiet as any edit, not at once between two keys.
            self._save_timer = self.set_timer(SAVE_DELAY, self._autosave, name="autosave")

    def _save_failed(self, exc: Exception, store: PlanStore | None = None,
                     generation: int | None = None) -> None:
        if store is not None and not self._current(store, generation):
            return
        self._saving = False
        reason = getattr(exc, "strerror", None) or str(exc)
        self.save_state = "not saved: retrying"
        self.notify(
            f"Could not save {self.store.path}: {reason}. Your changes are kept in memory; "
            f"rankplan tries again every {RETRY_DELAY:g} s.",
            title="Not saved",
            severity="error",
            timeout=10,
        )
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(RETRY_DELAY, self._autosave, name="autosave-retry")

    def flush(self) -> Exception | None:
        """Save now, in this thread (used on quit); the error, if saving failed (the retries
        then go on until a save succeeds or the app exits, even if the quit is cancelled)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if not self.store.writable or self._edits == self._saved_edits:
            return None
        try:
            result = self.store.save(self.plan)
        except Exception as exc:  # noqa: BLE001
            self.save_state = "not saved: retrying"
            self._save_timer = self.set_timer(RETRY_DELAY, self._autosave, name="autosave-retry")
            return exc
        self._saved_edits = self._edits
        self.save_state = "saved"
        if result.outcome is SaveOutcome.CONFLICT:
            self.save_state = f"conflict: saved to {result.path.name}"
            if not self._exiting():
                self.conflict.found(result.path)
        return None

    def _exiting(self) -> bool:
        return self._exit or self._signalled

    def saved_over_conflict(self) -> None:
        """Our version was written over the file after a conflict (``ConflictFlow``)."""
        self._saved_edits = self._edits
        self.save_state = "saved"

    def action_save_now(self) -> None:
        if error := self.flush():
            self._save_failed(error)

    def action_quit(self) -> None:
        """ctrl+q: save and quit, once every key typed before it has been applied (DESIGN §5).

        ctrl+q is a priority binding, handled as the app reads it, while the keys typed just
        before it may still be on their way to a text box and from there, as a Changed
        message, to the screen that puts them in the model. So the quit first waits for
        that, in a task of its own: the app's own queue must keep running meanwhile."""
        if self._quitting:
            return
        self._quitting = True
        self._quit_when_keys_applied()

    @work(group="quit", exit_on_error=True)
    async def _quit_when_keys_applied(self) -> None:
        try:
            await self.typed_keys_applied()
            await self._save_and_quit()
        finally:
            self._quitting = False

    async def typed_keys_applied(self, rounds: int = 50, wait: float = 2.0) -> None:
        """Return once the app and every widget of every screen have handled the
        messages queued now, and the messages those posted in turn (a key, the Changed it
        makes, the PlanChanged after it)."""
        for _ in range(rounds):
            # Every mode's screens: keys typed just before F2-F5 are still on the old one.
            stacks = getattr(self, "_screen_stacks", None) or {"": self.screen_stack}
            nodes = [self, *(node for stack in stacks.values() for screen in stack
                             for node in screen.walk_children(with_self=True))]
            handled = []
            for node in nodes:
                done = asyncio.Event()
                if node.call_later(done.set):
                    handled.append(asyncio.create_task(done.wait()))
            if handled:
                _, waiting = await asyncio.wait(handled, timeout=wait)
                for task in waiting:  # a widget busy for long (a dialog awaited): go on
                    task.cancel()
                if waiting:
                    return
            # keys typed just after ctrl+q wait their turn behind it (key_order.py)
            if not self._keys.waiting and not any(node.message_queue_size for node in nodes):
                return

    async def _save_and_quit(self) -> None:
        error = self.flush()
        if error is None:
            self.exit()
            return
        from rankplan.tui.screens.dialogs import ConfirmDialog

        reason = getattr(error, "strerror", None) or str(error)

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        self.push_screen(
            ConfirmDialog(
                f"Your latest changes could not be saved ({reason}). Quit and lose them?",
                ok_label="Quit anyway",
            ),
            answered,
        )

    def on_unmount(self) -> None:
        # However the app ends (quit, a signal, the terminal gone, a crash): save what is due,
        # edits whose news the closing screens had no time to pass on included (a save of an
        # unchanged plan writes nothing).
        if self.store.writable:
            try:
                self.store.save(self.plan)
            except Exception:  # noqa: BLE001 - nowhere left to say it; the quit asked first
                pass
        if self._owns_store:
            self.store.close()
        if self._signalled:
            # The plan is safe: whatever Textual still does on its way out (writing to a
            # terminal that is gone), do not leave a process behind for it.
            last_resort(SIGNAL_EXIT_GRACE)

    # -- read-only ---------------------------------------------------------------------------

    def _edits_not_saved(self) -> None:
        """An edit in a plan opened read-only: it stays on screen but is never written; say
        so at the first one, and keep saying it in the header."""
        if self.store.plan is None:
            return
        self._edits += 1
        if self._edits == 1:
            self.save_state = READ_ONLY_EDITED
            self.notify(
                f"{self.store.path} is open read-only: this change and any others are shown "
                "but never saved. To keep them, quit and open the plan without --read-only.",
                title="Read-only", severity="warning", timeout=15,
            )

    @property
    def unsaved_read_only_edits(self) -> int:
        """Edits made in a read-only session (all of them lost at exit)."""
        return self._edits if self.store.read_only else 0

    # -- signals -------------------------------------------------------------------------------

    def _catch_signals(self) -> None:
        """SIGHUP (the terminal closed), SIGTERM and SIGINT (a ``kill -INT``: Ctrl+C is a
        key while the app runs): save what is pending, then exit. A SIGINT otherwise raised
        KeyboardInterrupt wherever the event loop was, and the app could end without its
        last save and leave the terminal raw."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, self._on_signal)
        guard_output(self._driver)  # the terminal may be gone before its SIGHUP is handled

    def _on_signal(self) -> None:
        self._signalled = True
        self.flush()  # now, before anything else: the terminal may be gone already
        # With the terminal gone, Textual's writes would soon block for ever (hangup.py).
        unblock_output(self._driver)
        # The plan is saved. Should the exit still wait for something, the process does not
        # outlive its terminal: on_unmount's own last resort may never be reached.
        last_resort(SIGNAL_EXIT_LIMIT)
        self.exit()
