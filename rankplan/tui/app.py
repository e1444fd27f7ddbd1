"""``RankPlanApp``: the shell around the screens: plan, findings, autosave, help, palette."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
from collections.abc import Awaitable, Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.signal import Signal

from rankplan import clock
from rankplan.core.findings import Finding, Section, finding_order
from rankplan.core.model import Plan
from rankplan.storage.store import PlanStore
from rankplan.tui import settings
from rankplan.tui.history import History
from rankplan.tui.key_order import KeyOrder, KeysInOrder
from rankplan.tui.messages import PlanChanged
from rankplan.tui.saving import Saving
from rankplan.tui.screens.profile import ProfileScreen
from rankplan.tui.stylesheet import KeptStylesheet
from rankplan.tui.theme_at_hand import ThemeAtHand

if TYPE_CHECKING:
    from rankplan.core.odds import MatchOdds
    from rankplan.tui.palette import CommandPalette


PALETTE = "command-palette"  # the installed palette's name (action_command_palette)
PRELOAD_DELAY = 0.2  # s of idle before the next module or screen is made ready
# What an edit needs and start-up does not (the reading child worked out the first findings):
# imported first while idle, before the other screens are built.
EDIT_MODULES = ("rankplan.core.rules",)
LATER_MODULES = (  # what the screens after the first need, in the order users go
    "rankplan.tui.screens.debrief", "rankplan.tui.screens.rank",
    "rankplan.tui.screens.schedule", "rankplan.tui.screens.reapply",
    "rankplan.tui.screens.help", "rankplan.tui.screens.dialogs",
)
BUILD_WAIT = 1.0  # seconds an exit waits for a screen being built while idle


def _debrief() -> Screen:
    from rankplan.tui.screens.debrief import DebriefScreen

    return DebriefScreen()


def _rank() -> Screen:
    from rankplan.tui.screens.rank import RankScreen

    return RankScreen()


def _schedule() -> Screen:
    from rankplan.tui.screens.schedule import ScheduleScreen

    return ScheduleScreen()


def _reapply() -> Screen:
    from rankplan.tui.screens.reapply import ReapplyScreen

    return ReapplyScreen()


class RankPlanApp(KeysInOrder, Saving, ThemeAtHand, App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "rankplan"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    # The first screen is imported with the app; the others on first use (start-up time).
    MODES = {
        "profile": ProfileScreen,
        "debrief": _debrief,
        "rank": _rank,
        "schedule": _schedule,
        "reapply": _reapply,
    }
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help"),
        # priority: a switch takes effect as the key is read, so the keys typed after it go
        # to the new screen, not to the field focused before (see check_action)
        Binding("f2", "switch_mode('profile')", "Profile", priority=True, id="app.profile"),
        Binding("f3", "switch_mode('debrief')", "Debrief", priority=True, id="app.debrief"),
        Binding("f4", "switch_mode('rank')", "Rank list", priority=True, id="app.rank"),
        Binding("f5", "switch_mode('schedule')", "Schedule", priority=True, id="app.schedule"),
        Binding("f6", "switch_mode('reapply')", "Reapply", priority=True, id="app.reapply"),
        # priority, for the same reason: a name typed just after a Tab lands in the next
        # field even while the app is busy (Textual's own Tab is the screen's, acted on only
        # once the key has passed the focused field, after the keys that came behind it)
        Binding("tab", "focus_next", "Next field", show=False, priority=True,
                id="app.focus_next"),
        Binding("shift+tab", "focus_previous", "Previous field", show=False, priority=True,
                id="app.focus_previous"),
        Binding("ctrl+s", "save_now", "Save", show=False, id="app.save"),
        # priority: a text box's own ctrl+e (end of line) must not swallow the export
        Binding("ctrl+e", "export", "Export", show=False, priority=True, id="app.export"),
        Binding("ctrl+z", "undo", "Undo", show=False, id="app.undo"),
        Binding("ctrl+y", "redo", "Redo", show=False, id="app.redo"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
    ]

    # Plain vars: a change of App.title or App.sub_title (reactives) repaints the whole
    # screen, 60-90 ms on a 300-program Rank list; TitleBar watches ``heading`` and redraws
    # its one line.
    save_state: var[str] = var("saved", init=False)
    # Set by the command line, which owns the process (cli.run_tui): garbage collection is
    # off during start-up, and once the app is ready what exists is frozen out of the
    # collector's sight. Tests run many apps in one process and leave it unset: garbage
    # frozen there would never be freed.
    owns_process = False
    # Set by the command line too: while idle after start-up the app builds the other
    # screens (hidden), so that their first visit is as quick as a later one. Tests leave it
    # unset, as each would build four screens it does not use (test_prebuild turns it on).
    prebuild_screens = False
    heading: var[tuple[str, str]] = var(("", ""), init=False)

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        store: PlanStore | None = None,
        today: date | None = None,
        findings: list[Finding] | None = None,
    ) -> None:
        """``findings``: the plan's findings worked out already for ``today`` (the command
        line has them from the child that read the plan): the rules are imported and run
        only once the first frame is out."""
        self._owns_store = store is None
        self.store = store or PlanStore.open(Path(path), read_only=read_only)
        # Start straight on the Profile screen (one screen to build and style before the
        # first frame); an invalid plan starts on the default screen with the error view.
        self.DEFAULT_MODE = "profile" if self.store.plan is not None else "_default"
        super().__init__()
        self.today = today or clock.today()
        self.findings: list[Finding] = []
        self._odds: MatchOdds | None = None  # see the odds property
        self._odds_due = False  # the plan changed since _odds was worked out
        self.findings_changed: Signal[list[Finding]] = Signal(self, "findings-changed")
        self.plan_replaced: Signal[Plan] = Signal(self, "plan-replaced")
        self.plan_version = 0  # one more at every change of the plan (_recompute)
        self._edits = 0  # count of changes made in this session
        self._saved_edits = 0  # the count the file on disk reflects
        self._saving = False
        self._save_timer = None
        self._signalled = False  # SIGHUP or SIGTERM came: saving and exiting
        self._keys = KeyOrder()  # keys typed while the one before is on its way
        self._for_edits: list[str] = []  # modules to import while idle before the builds
        self._unloaded: list[str] = []  # modules still to import while idle (on_ready)
        self._unbuilt: list[str] = []  # screens still to build while idle (on_ready)
        self._building: asyncio.Task | None = None  # a screen being built while idle
        self._quitting = False  # ctrl+q waits for the keys typed before it
        self._quick_switch = False  # switching to a screen built before (switch_mode)
        self._held = False  # the display is held for that switch (delay_update)
        # The last export's format, for the next ctrl+e (this session only: DESIGN names no
        # setting for it; the folder is in settings.toml).
        self.export_format = "text"
        self._first_frame_out = False  # see post_display_hook
        self._after_frame: list[Callable[[], object]] = []  # to call once it is out
        # Undo history: one step per burst of edits (a burst ends after SAVE_DELAY of quiet
        # or at a structural change such as a delete); _unsnapped: edits since the last step.
        self._history = History()
        self._unsnapped = False
        from rankplan.tui.conflict import ConflictFlow

        self.conflict = ConflictFlow(self)  # a hand edit found while open: ask at once
        self._recompute(findings=findings)
        self._apply_title()
        if theme := settings.load_theme():
            if theme in self.available_themes:
                self.theme = theme
        # Made now, with the theme's variables: Textual's, made in App.__init__ with the
        # default theme's, parsed every source again at the first re-read (tui/stylesheet).
        self.stylesheet = KeptStylesheet(variables=self.get_css_variables())
        self._keymap_text, self._keymap_problems = self._load_keymap()
        self.save_state = self._idle_state()
        self._set_heading(sub_title=self.save_state)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # F2-F5 are priority bindings: over a dialog (modal) they stay inactive, as the
        # app's other keys are, and the key goes to the dialog.
        if action == "switch_mode" and self.screen.is_modal:
            return False
        return super().check_action(action, parameters)

    # -- the plan ----------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        assert self.store.plan is not None, "no valid plan is open"
        return self.store.plan

    def _idle_state(self) -> str:
        if self.store.plan is None:
            return "not valid: never written"
        return "read-only" if self.store.read_only else "saved"

    def _recompute(self, only: Section | None = None, *,
                   findings: list[Finding] | None = None) -> None:
        """Findings and odds from the model; screens read them when findings_changed fires.

        ``only``: the edit can change only that section's findings (a move in the rank list
        changes no profile, debrief or schedule finding), so only its rules run again. The
        odds do not depend on the schedule.

        The odds are worked out again when next asked for (the Rank list asks as it shows
        them), or once the frame after the edit is out: only the Rank list shows them, and
        an edit elsewhere (a Debrief tick) need not wait for them (5-10 ms at 300 programs).

        ``findings``: this plan's findings, worked out already (start-up, see __init__).
        """
        self.plan_version += 1
        plan = self.store.plan
        if plan is None:
            self.findings, self._odds = [], None
            return
        if findings is not None:
            self.findings = findings
            return
        from rankplan.core.rules import ALSO_RERUN, evaluate  # imported after the first frame

        if only is None:
            self.findings = evaluate(plan, self.today)
        else:
            rerun = (only, *ALSO_RERUN.get(only, ()))
            kept = [f for f in self.findings if f.section not in rerun]
            fresh = [f for section in rerun for f in evaluate(plan, self.today, section)]
            self.findings = sorted([*kept, *fresh], key=finding_order)
        if self._odds is not None and only is not Section.SCHEDULE and not self._odds_due:
            self._odds_due = True
            self.call_after_refresh(self._refresh_odds)

    def _refresh_odds(self) -> None:
        _ = self.odds

    @property
    def odds(self) -> MatchOdds | None:
        """The match odds (only the Rank list shows them): worked out when first asked for,
        which start-up does once the first frame is out (8-15 ms, not before it), and worked
        out again after each edit when next asked for (``_recompute``)."""
        if (self._odds is None or self._odds_due) and self.store.plan is not None:
            from rankplan.core.odds import match_odds  # imported after the first frame

            self._odds = match_odds(self.store.plan, self._odds)
        self._odds_due = False
        return self._odds

    def _apply_title(self) -> None:
        from rankplan.core.text import visible

        name = self.store.plan.profile.name if self.store.plan else ""
        self._set_heading(title=visible(f"rankplan · {name}" if name else
                                        f"rankplan · {self.store.path.name}"))

    def _set_heading(self, *, title: str | None = None, sub_title: str | None = None) -> None:
        """The title and the save state, kept in App.title and App.sub_title (without their
        full repaint) and shown by TitleBar through ``heading``."""
        if title is not None:
            self.set_reactive(App.title, title)
        if sub_title is not None:
            self.set_reactive(App.sub_title, sub_title)
        self.heading = (self.title, self.sub_title)

    def get_css_variables(self) -> dict[str, str]:
        """Textual's CSS variables and ``$text-on-primary``: white or black, whichever reads
        on the theme's primary colour (DESIGN §6: 4.5:1); in the ANSI themes the terminal's
        own text colour (their buttons are drawn on the terminal's background)."""
        from textual.color import Color

        from rankplan.tui.contrast import BLACK, WHITE, text_on

        variables = super().get_css_variables()
        if self.current_theme.ansi:
            variables["text-on-primary"] = "ansi_default"
        else:
            primary = Color.parse(variables["primary"])
            preferred = WHITE if primary.brightness < 0.5 else BLACK  # as Textual's "auto"
            variables["text-on-primary"] = "#%02x%02x%02x" % text_on(primary.rgb, preferred)
        return variables

    def format_title(self, title: str, sub_title: str) -> Content:
        """Textual's title line, with the save state not dimmed: dim text on the title bar
        was 4.4:1 in textual-light (DESIGN §6 asks 4.5:1)."""
        if not sub_title:
            return Content(title)
        return Content.assemble(title, " — ", sub_title)

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Textual's notify, with every message plain text (``markup`` is ignored: a widget's
        notify passes True): messages quote names and paths from the plan, which are data
        (DESIGN §4), and control characters in them show as ``\\xNN``."""
        from rankplan.core.text import visible

        super().notify(visible(message), title=visible(title), severity=severity,
                       timeout=timeout, markup=False)

    def switch_mode(self, mode: str):  # noqa: ANN201 - Textual's AwaitMount
        """No plan screen while no plan is open (the "cannot open this plan" view): they all
        show the plan. F2-F5 and the palette say so instead."""
        if self.store.plan is None and mode in self.MODES:
            from textual.widget import AwaitMount

            self.notify("No plan is open: fix the file and press r, or choose a way out below.",
                        severity="warning", timeout=4)
            return AwaitMount(self.screen, [])
        if mode not in self._screen_stacks:  # a first visit: Textual's way, see delay_update
            return super().switch_mode(mode)
        self._quick_switch, self._held = True, False
        try:
            result = super().switch_mode(mode)
        finally:
            self._quick_switch = False
        if not self._held:  # the mode shown already: Textual did nothing
            return result
        self._held = False
        screen = self.screen

        def shown() -> None:  # the screen has handled its ScreenResume: show it
            self._end_batch()
            if not self._batch_count:
                screen.refresh()

        screen.call_later(shown)
        return result

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual holds the display for 50 ms at every switch of mode, to hide a screen
        still being built. A screen built before needs no such wait: the display is held
        only until it has handled its ScreenResume (switch_mode), about 50 ms sooner."""
        if self._quick_switch:
            self._begin_batch()
            self._held = True
            return
        super().delay_update(delay)

    def on_plan_changed(self, message: PlanChanged) -> None:
        message.stop()
        self.plan_changed()

    def plan_changed(self, only: Section | None = None) -> None:
        """The plan was edited: findings now, the file soon (``only``: see _recompute)."""
        self._identify()  # a new goal gets its id with the edit that added it
        self._unsnapped = True
        self._after_edit(only)

    def _after_edit(self, only: Section | None = None) -> None:
        self._recompute(only)
        self.findings_changed.publish(self.findings)
        self._apply_title()
        if not self.store.writable:
            self._edits_not_saved()
            return
        self._edits += 1
        self.save_state = "unsaved"
        self.save_soon()

    # -- saving ------------------------------------------------------------------------------

    def watch_save_state(self, state: str) -> None:
        self._set_heading(sub_title=state)

    # -- undo history ------------------------------------------------------------------------

    def settle(self) -> None:
        """Close the current burst of edits as one undo step (call around structural edits)."""
        if self.store.plan is None:
            return
        if self._unsnapped or not self._history:
            self._history.record(self.store.plan)
            self._unsnapped = False

    def order_changed(self) -> None:
        """The rank order changed (a move): findings now, the file soon, and the move its own
        undo step. When nothing else changed since the last step, the step keeps only the
        order: no 2.5 ms pickle of a 300-program plan between the key and the screen."""
        settled = bool(self._history) and not self._unsnapped
        self.plan_changed(only=Section.RANK)  # order moves no other section's findings
        if settled:
            self._history.record_order(self.plan.rank_list.order)
            self._unsnapped = False
        else:
            self.call_after_refresh(self.settle)

    def action_undo(self) -> None:
        self._step(-1, "Nothing to undo.")

    def action_redo(self) -> None:
        self._step(+1, "Nothing to redo.")

    def _step(self, delta: int, nothing: str) -> None:
        if self.store.plan is None:
            return
        self.settle()
        target = self._history.pos + delta
        if not 0 <= target < len(self._history):
            self.notify(nothing, timeout=2)
            return
        self._history.pos = target
        self.store.plan = self._history.plan(target)
        self._after_edit()  # findings and odds first: the screens redraw from them
        self.plan_replaced.publish(self.store.plan)

    # -- start-up ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.owns_process:
            self._catch_signals()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.store.plan is None:
            from rankplan.tui.screens.plan_error import PlanErrorScreen

            self.push_screen(PlanErrorScreen())

    def _load_keymap(self) -> tuple[str, list[str]]:
        """Apply keymap.toml (DESIGN §6) before the first frame; its problems, one message a
        bad line, are shown once the app runs (``_report_keymap``)."""
        from rankplan.tui.keymap import read_keymap, read_keymap_file

        path = settings.keymap_path()
        text, problems = read_keymap_file(path)
        if not text:
            return "", problems
        keymap, bad = read_keymap(text)
        if keymap:
            self.set_keymap(keymap)
        return text, problems + [p.render(path) for p in bad]

    def _report_keymap(self, problems: list[str]) -> None:
        if problems:
            self.notify("\n".join(problems), title="keymap.toml: lines ignored",
                        severity="warning", timeout=20)

    @work(thread=True, group="keymap", exit_on_error=False)
    def _check_keymap_ids(self, text: str) -> None:
        """The keymap's ids that no binding has: knowing every id imports every screen, so it
        waits until after the first frame, off the app's thread."""
        from rankplan.tui.keymap import binding_ids, unknown_ids

        path = settings.keymap_path()
        problems = [p.render(path) for p in unknown_ids(text, binding_ids())]
        self.call_from_thread(self._report_keymap, problems)

    def on_ready(self) -> None:
        """The screen is laid out (its frame is not yet written: Textual's Ready comes inside
        its start-up batch): take the first undo snapshot. What start-up made lives as long
        as the app: frozen out of the collector's sight, which the command line kept off
        until now (cli.run_tui)."""
        if self.owns_process:
            gc.freeze()
            gc.enable()
        self.settle()

    def post_display_hook(self) -> None:
        """After every display Textual does, also those it skips inside its start-up batch;
        the first one outside the batch is the first frame the terminal receives."""
        if not self._first_frame_out and not self._batch_count:
            self._first_frame_out = True
            self.call_later(self._after_first_frame)

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the terminal has the first frame (now, if it has)."""
        if self._first_frame_out:
            self.call_later(callback)
        else:
            self._after_frame.append(callback)

    def _after_first_frame(self) -> None:
        """Start-up's deferred work, none of it before the first frame is out: the helper
        process that parses the layout-keeping document and renders every save (it would
        share the CPU with the first frame), the keymap's reports, the lower half of the
        Profile screen (``after_first_frame``) and the idle imports of the other screens."""
        if not self.is_running or self._exit:  # quit at once: none of it is needed
            return
        for callback in self._after_frame:
            callback()
        self._after_frame.clear()
        _ = self.odds  # for the Rank list, not needed before
        if self.store.writable:
            self._prepare_document()
        self._report_keymap(self._keymap_problems)
        if self._keymap_text:
            self._check_keymap_ids(self._keymap_text)
        if self.store.plan is not None:
            self._for_edits = list(EDIT_MODULES)
            self._unloaded = list(LATER_MODULES)
            if self.prebuild_screens:
                self._unbuilt = [mode for mode in self.MODES if mode != self.current_mode]
                self._unbuilt.append(PALETTE)
            self.set_timer(PRELOAD_DELAY, self._load_next_module, name="preload")

    def _load_next_module(self) -> None:
        """Import one of the modules the other screens need, or build one of the screens,
        while the app is idle after start-up (the next after PRELOAD_DELAY, so keys typed
        meanwhile go first): a first visit then shows a screen built already, or builds it
        from code loaded already."""
        if not self.is_running or self._exit or self._quitting or self.store.plan is None:
            return
        if self._for_edits:  # an edit would import it between its key and its frame
            importlib.import_module(self._for_edits.pop(0))
            self.set_timer(PRELOAD_DELAY, self._load_next_module, name="preload")
            return
        while self._unbuilt:
            mode = self._unbuilt.pop(0)
            if mode == PALETTE:
                if not self.is_screen_installed(PALETTE):  # not opened yet
                    self._building = asyncio.ensure_future(
                        self._build_hidden(self._build_palette))
                    return
            elif mode not in self._screen_stacks:  # not visited yet
                self._building = asyncio.ensure_future(
                    self._build_hidden(lambda mode=mode: self._build_screen(mode)))
                return  # the next comes when this one is mounted
        if self._unloaded:
            importlib.import_module(self._unloaded.pop(0))
        if self._unloaded:
            self.set_timer(PRELOAD_DELAY, self._load_next_module, name="preload")

    async def _build_hidden(self, build: Callable[[], Awaitable[None]]) -> None:
        """Run one build of _load_next_module (a screen, the palette), then ask for the next
        one. An error is shown as in any handler, and the app ends; the exit waits for a
        build under way (_shutdown): a screen left half-mounted would be closed while it
        composes."""
        try:
            await build()
        except Exception as error:  # noqa: BLE001 - as in any handler: shown, and the app ends
            self._handle_exception(error)
            return
        finally:
            self._building = None
        if self.is_running and not self._exit:
            self.set_timer(PRELOAD_DELAY, self._load_next_module, name="preload")

    async def _build_screen(self, mode: str) -> None:
        """Build the screen of ``mode`` and mount it, hidden: it joins the mode's stack as
        Textual's own first switch would put it there, without being shown (switch_mode
        then takes it as a screen visited before)."""
        make = self.MODES[mode]
        screen, mounted = self._get_screen(make() if callable(make) else make)
        self._screen_stacks[mode] = [screen]
        self._load_screen_css(screen)
        await mounted
        # Styled at mount from the stylesheet as it is now (new widgets' CSS is parsed
        # when first needed). Textual's first switch to a screen re-reads all the CSS
        # and restyles the app (over 300 ms) unless it knows the screen is up to date;
        # a theme changed later makes it out of date again (App._invalidate_css).
        screen._css_update_count = self._css_update_count
        screen.draw_hidden()
        await self._lay_out_hidden(screen)

    async def _build_palette(self) -> None:
        """Build the command palette, install it and lay it out hidden, with the commands of
        the screen shown now listed (palette.py): its first ctrl+p shows it as a later one
        does."""
        palette = self._kept_palette()
        _, mounted = self._get_screen(PALETTE)
        self._load_screen_css(palette)
        await mounted
        if not palette.is_current:  # a ctrl+p during the build has shown it already
            await palette.open_over(self.screen)
            await self._lay_out_hidden(palette)

    async def _lay_out_hidden(self, screen: Screen) -> None:
        """Lay the hidden screen out at the app's size and render it once, discarding the
        result: its widgets get their sizes (and act on them, as the interview list picks
        its columns) and keep their rendered lines, so its first showing draws from them."""
        for _ in range(3):  # widgets answer their first size with changes of their own
            screen._refresh_layout(self.size)
            await asyncio.sleep(0.05)  # their Resize events, and what those ask for
            if not (self.is_running and not self._exit and screen.is_attached):
                return
            if not (screen._layout_required or screen._dirty_widgets):
                break
        screen._compositor.render_update(full=True)

    def exit(self, *args, **kwargs) -> None:
        """Textual's exit, once a screen being built while idle is mounted: the app's
        message loop ends at the exit, and a screen still composing then would find its
        children gone. No more screens are built after an exit is asked for."""
        self._unbuilt.clear()
        building = self._building
        if building is None or building.done():
            super().exit(*args, **kwargs)
            return
        gone = False

        def go(*_ignored) -> None:
            nonlocal gone
            if not gone:
                gone = True
                App.exit(self, *args, **kwargs)

        building.add_done_callback(go)
        # At most BUILD_WAIT: a quit must not wait on a screen nobody asked to see (the plan
        # is saved before exit is asked).
        asyncio.get_running_loop().call_later(BUILD_WAIT, go)

    async def _shutdown(self) -> None:
        # Pilot's teardown shuts the app down without exit(): wait for a build there too.
        if self._building is not None:  # errors are the build's own to report
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(self._building), BUILD_WAIT)
        await super()._shutdown()

    @work(thread=True, group="prepare", exit_on_error=False)
    def _prepare_document(self) -> None:
        self.store.prepare(helper=True)

    def _remember_theme(self, theme) -> None:
        try:
            settings.save_theme(theme.name)
        except OSError as exc:
            self.notify(f"Could not remember the theme: {exc.strerror or exc}", severity="warning")

    def open_plan(self, path: Path) -> None:
        """Leave the current file and work on ``path`` (from the error view)."""
        new_store = PlanStore.open(path)
        if self._owns_store:
            self.store.close()
        self.store = new_store
        self._owns_store = True
        self._forget_edits()
        self._history, self._unsnapped = History(), False
        self.save_state = self._idle_state()
        self.reset_views()
        self.settle()

    def _forget_edits(self) -> None:
        """A new reading of a file: no edits yet, none saving, no autosave due."""
        self._edits = self._saved_edits = 0
        self._saving = False
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def reload_plan(self, keep_valid: bool = False) -> bool:
        """Read the file again (after an edit by hand or a conflict). ``keep_valid`` (the
        conflict's Reload): while a valid plan is open, a file that cannot be read now is not
        taken; the plan stays (its latest version is only in the conflict copy) and the
        message says what is wrong with the file. Returns whether the file was read."""
        if keep_valid and self.store.plan is not None:
            from rankplan.storage.read import read_plan

            loaded = read_plan(self.store.path)
            if not loaded.ok or loaded.errors:
                first = loaded.errors[0].render(self.store.path) if loaded.errors else ""
                more = len(loaded.errors) - 1
                self.notify(f"{self.store.path.name} cannot be read now, so rankplan keeps "
                            f"your version open:\n{first}"
                            + (f"\n(and {more} more)" if more > 0 else "")
                            + "\nFix the file and reload again, or keep ours.",
                            title="Not reloaded", severity="error", timeout=15, markup=False)
                return False
        self.store.reload()  # a save still running for the old reading now writes nothing
        self._forget_edits()
        self._history, self._unsnapped = History(), False
        self.save_state = self._idle_state()
        self.reset_views()
        self.settle()
        self.notify(f"Read {self.store.path} again.")
        return True

    def plan_restored(self, aside: Path) -> None:
        """The backup was made the plan again (from the error view): show it, and say so."""
        self._forget_edits()
        self._history, self._unsnapped = History(), False
        self.save_state = self._idle_state()
        self.reset_views()
        self.settle()
        self.notify(f"Restored {self.store.path.name} from its backup. The file that could "
                    f"not be read is kept as {aside.name}.", title="Backup restored",
                    timeout=15)

    def _identify(self) -> None:
        """Give the plan and its goals their export ids where they have none (core.identity);
        they are written with the save of the edit that needed them. Opening a plan gives
        none: a plan only looked at is never written."""
        plan = self.store.plan
        if plan is not None and not (plan.plan_id and all(g.id for g in plan.goals)):
            from rankplan.core.identity import ensure_identity

            ensure_identity(plan, str(self.store.path.resolve()))

    def reset_views(self) -> None:
        """Show the plan the store now holds: close what sits on top, refill the screens."""
        from textual.screen import ModalScreen


        from rankplan.tui.screens.plan_error import PlanErrorScreen

        self._recompute()
        self._apply_title()
        over = (ModalScreen, PlanErrorScreen)
        if self.store.plan is None:
            # The error view takes the place of what is on top: popping down to a screen of
            # the plan would have it redraw a plan that is gone (a crash).
            while len(self.screen_stack) > 2 and isinstance(self.screen_stack[-2], over):
                self.pop_screen()
            if isinstance(self.screen, over):
                self.switch_screen(PlanErrorScreen())
            else:
                self.push_screen(PlanErrorScreen())
            return
        while isinstance(self.screen, over):
            self.pop_screen()
        if self.current_mode not in self.MODES:
            self.switch_mode("profile")
        self.plan_replaced.publish(self.store.plan)
        self.findings_changed.publish(self.findings)
        if self.store.writable:
            self._prepare_document()

    # -- export and import ---------------------------------------------------------------------

    def action_export(self) -> None:
        from rankplan.tui.screens.exchange_dialogs import ExportDialog

        if self.store.plan is None or isinstance(self.screen, ExportDialog):
            return

        def chosen(answer: tuple[str, Path] | None) -> None:
            if answer is None:
                return
            fmt, path = answer
            from rankplan.exchange.render import render
            from rankplan.storage.files import atomic_write

            import copy

            from rankplan.core.identity import ensure_identity

            plan = self.plan  # ids for the calendar without touching the plan (or its file)
            if not (plan.plan_id and all(g.id for g in plan.goals)):
                plan = copy.deepcopy(plan)
                ensure_identity(plan, str(self.store.path.resolve()))
            try:
                atomic_write(path, render(fmt, plan, self.today).encode("utf-8"))
            except OSError as exc:
                self.notify(f"Could not write {path}: {exc.strerror or exc}", severity="error",
                            title="Not exported", timeout=10)
                return
            self.notify(f"Wrote the plan ({fmt}) to {path}", title="Exported", timeout=8)
            self.export_format = fmt
            _remember_folder("export", path.parent)

        self.push_screen(ExportDialog(self.today, settings.load_folder("export"),
                                      fmt=self.export_format), chosen)

    def action_import(self) -> None:
        from rankplan.tui.screens.exchange_dialogs import ImportDialog

        if not self.store.writable:
            self.notify("This plan is open read-only; nothing can be imported into it.",
                        severity="warning")
            return
        dialog = ImportDialog(settings.load_folder("import"))

        def check(path: Path) -> Path:
            from rankplan.exchange.csv_import import apply_import, decode_csv, import_csv

            try:
                text = decode_csv(path.read_bytes())
            except OSError as exc:
                raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
            if not isinstance(text, str):
                raise ValueError(text.render(path))
            result = import_csv(self.plan, text, today=self.today,
                                date_order=dialog.date_order)
            if isinstance(result, list):
                dialog.show_problems([e.render(path) for e in result])
                raise ValueError("")
            self.settle()
            apply_import(self.plan, result)
            self.plan_changed()
            self.settle()
            self.plan_replaced.publish(self.plan)
            added = len(result.added)
            notes = "".join(f"\n{note}" for note in result.notes)
            self.notify(f"Added {added} program{'s' * (added != 1)} from {path.name}; "
                        f"ctrl+z undoes it.{notes}", title="Imported", timeout=8,
                        markup=False)
            _remember_folder("import", path.parent)
            return path

        dialog.last_check = check  # runs inside the dialog, so problems show there
        self.push_screen(dialog)

    # -- help and the command palette ---------------------------------------------------------

    def action_help(self) -> None:
        from rankplan.tui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        # A screen's own help, then the keys of every screen (once: a screen without help of
        # its own, the cannot-open view, showed these twice).
        text = (screen.help_markdown() + "\n\n" + GENERAL_HELP
                if hasattr(screen, "help_markdown") else GENERAL_HELP)
        # One installed help screen per screen, rebuilt only when its text changed (a
        # multiplier edited, a study band crossed): opening it again only shows it.
        name = f"help-{type(screen).__name__}"
        kept = self.get_screen(name) if self.is_screen_installed(name) else None
        if not isinstance(kept, HelpScreen) or kept.markdown != text:
            if kept is not None:
                self.uninstall_screen(name)
            self.install_screen(HelpScreen(text), name)
        self.push_screen(name)

    def take_key(self, event) -> bool:
        """? opens help (the screens bind it), but a text box takes it as a character,
        before any binding. An empty box has no text to add it to, so there ? opens help
        too: a new plan starts in the empty Name box, where a new user's first ? typed
        itself (issue 17, item 13). In text being typed, and in dialogs, ? stays a
        character. (Called for each key as typed, in order: key_order.py.)"""
        if event.key == "question_mark" and self._empty_box_focused():
            self.action_help()
            return True
        return False

    def _empty_box_focused(self) -> bool:
        from textual.widgets import Input

        focused = self.focused
        return (not self.screen.is_modal and isinstance(focused, Input)
                and not focused.value)

    def action_command_palette(self) -> None:
        """Textual's, with rankplan's palette, made once and kept (palette.py: less work at
        each opening; built while idle after start-up, or here at the first ctrl+p)."""
        from rankplan.tui.palette import CommandPalette

        if not self.use_command_palette or CommandPalette.is_open(self):
            return
        palette = self._kept_palette()
        if any(palette in stack for stack in self._screen_stacks.values()):
            palette = CommandPalette()  # under a dialog opened from it: a palette of its own
        palette.opening = True
        self.push_screen(palette)

    def _kept_palette(self) -> CommandPalette:
        """The palette the app keeps (installed as PALETTE), made if there is none yet."""
        from rankplan.tui.palette import CommandPalette

        if not self.is_screen_installed(PALETTE):
            self.install_screen(CommandPalette(id="--command-palette"), PALETTE)
        return self.get_screen(PALETTE)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Profile screen", "Exam history, risk profile, specialties, story (F2)",
                            lambda: self.switch_mode("profile"))
        yield SystemCommand("Debrief screen", "One record per interview, suggested "
                            "likelihood, criteria (F3)", lambda: self.switch_mode("debrief"))
        yield SystemCommand("Rank list screen", "Order the programs, bands, findings, odds, "
                            "SOAP plan (F4)", lambda: self.switch_mode("rank"))
        yield SystemCommand("Schedule screen", "Week grid, timeline, practice exams, goals (F5)",
                            lambda: self.switch_mode("schedule"))
        yield SystemCommand("Reapply screen", "The last cycle, stay / rebrand / pivot, the "
                            "year's plan (F6)", lambda: self.switch_mode("reapply"))
        yield SystemCommand("Help", "Help for this screen (F1 or ?)", self.action_help)
        if hasattr(screen, "commands"):
            yield from screen.commands()
        if self.store.plan is not None:
            yield SystemCommand("Export", "Write the plan as text, Markdown, CSV or iCalendar "
                                "(ctrl+e)", self.action_export)
        if self.store.writable:
            yield SystemCommand("Import programs from CSV", "Add interviews from a spreadsheet",
                                self.action_import)
            yield SystemCommand("Save now", "Write the plan file now (ctrl+s)", self.action_save_now)
        from rankplan.tui.literal import escaped

        yield SystemCommand("Reload plan from disk", f"Read {escaped(self.store.path.name)} again, "
                            "dropping changes not yet saved", self.reload_plan)
        if self.store.conflict_file is not None:
            yield SystemCommand("Resolve the conflict", "The file changed outside rankplan: "
                                "reload it, keep ours, or see the differences",
                                self.conflict.ask_again)
        for command in super().get_system_commands(screen):
            if command.title == "Quit":  # Textual's "as soon as possible" left saving in doubt
                command = SystemCommand("Quit", "Save the plan and quit (ctrl+q)",
                                        self.action_quit)
            yield command


def _remember_folder(kind: str, folder: Path) -> None:
    """The next export or import starts in ``folder`` (settings.toml); a settings file that
    cannot be written costs only that."""
    try:
        settings.save_folder(kind, folder.resolve())
    except OSError:
        pass


GENERAL_HELP = """\
## Everywhere

| key | does |
|---|---|
| F1 or ? | this help |
| F2 | Profile screen |
| F3 | Debrief screen |
| F4 | Rank list screen |
| F5 | Schedule screen |
| F6 | Reapply screen |
| ctrl+p | command palette: every action by name |
| ctrl+z / ctrl+y | undo / redo the last change (in a text box, they act on its text) |
| ctrl+e | export the plan (text for an advisor, Markdown, CSV, iCalendar) |
| ctrl+s | save now (rankplan also saves by itself half a second after each change) |
| ctrl+q | save and quit |
| escape | close a dialog or this help |

Keys can be remapped in keymap.toml (`rankplan keys` lists every binding id,
`rankplan path --settings` shows the folder).

The header shows the save state: *saved*, *unsaved* (a save is coming), *saving*,
*read-only*, or a problem. rankplan never sends anything anywhere: the plan stays in one
file on this computer, readable only by you.
"""
