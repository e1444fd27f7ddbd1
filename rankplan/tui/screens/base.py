"""What the four plan screens share: they start with their styles right the first time.

Textual restyles every widget of a screen when the screen is first shown (``ScreenResume``)
and again when its first size arrives, if that size changes a breakpoint class. A screen
styled at mount with the breakpoint class it is about to get needs neither; skipping them
takes about a third off the Profile screen's time to its first frame.

A screen's widgets, like the plan read at start, live as long as the app. Once a screen is
first shown, ``gc.freeze()`` moves every object made so far out of the garbage collector's
sight (when the app owns its process: ``RankPlanApp.owns_process``); otherwise each full
collection walks them all again (50-70 ms with a 300-program plan), a stutter on whatever
key it lands on.
"""

from __future__ import annotations

import gc

from textual import events
from textual.screen import Screen

from rankplan.tui.compositor import PlanCompositor
from rankplan.tui.quitting import QuietAtQuit


def breakpoint_class(width: int, breakpoints: list[tuple[int, str]]) -> str | None:
    """The class Textual gives a screen this wide (the widest breakpoint it reaches)."""
    for threshold, name in sorted(breakpoints, reverse=True):
        if width >= threshold:
            return name
    return None


class PlanScreen(QuietAtQuit, Screen):
    def __init__(self) -> None:
        super().__init__()
        self._compositor = PlanCompositor()
        self._shown = False
        self._left_at: int | None = None  # the plan's version when last left
        self._drawing_hidden = False
        breakpoints = self.HORIZONTAL_BREAKPOINTS
        if breakpoints is None:
            breakpoints = self.app.HORIZONTAL_BREAKPOINTS or []
        if name := breakpoint_class(self.app.size.width, breakpoints):
            self.add_class(name, update=False)  # styled as it mounts, with the rest

    @property
    def in_sight(self) -> bool:
        """Shown, or being drawn while hidden (draw_hidden). A hidden screen skips the
        redraws that follow each edit and catches up when it is shown again."""
        return self.is_current or self._drawing_hidden

    def out_of_sight(self, widget) -> bool:
        """True when this screen is shown and ``widget`` was not in view in its last frame
        (scrolled out of it, or not yet laid out)."""
        return self.is_current and self._compositor.out_of_sight(widget)

    def redraw(self) -> None:
        """Show the plan as it is now: what a screen does when it is shown again after the
        plan changed (each screen says what that takes)."""

    def draw_hidden(self) -> None:
        """Draw everything while hidden (a screen built ahead of its first visit, see
        RankPlanApp._build_screen): its first showing then needs no redraw."""
        self._drawing_hidden = True
        try:
            self.redraw()
        finally:
            self._drawing_hidden = False
        self._left_at = self.app.plan_version

    def on_screen_suspend(self) -> None:
        self._left_at = getattr(self.app, "plan_version", None)

    @property
    def plan_as_left(self) -> bool:
        """True while the plan is as it was when this screen was last left for another
        screen or a dialog: what the screen shows is still right, and resuming it needs no
        redraw."""
        return self._left_at is not None and self._left_at == self.app.plan_version

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. Textual restyles every widget of a screen each
        # time it is shown; ours need it only when the CSS changed meanwhile (a theme), and
        # Textual's switch then refreshes the CSS itself (App._css_update_count). Skipping
        # it takes some 40 ms off a switch to the Debrief screen.
        event.refresh_styles = False
        if not self._shown:
            self._shown = True
            if getattr(self.app, "owns_process", False):
                self.call_after_refresh(gc.freeze)

