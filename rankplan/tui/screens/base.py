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


def breakpoint_class(width: int, breakpoints: list[tuple[int, str]]) -> str | None:
    """The class Textual gives a screen this wide (the widest breakpoint it reaches)."""
    for threshold, name in sorted(breakpoints, reverse=True):
        if width >= threshold:
            return name
    return None


class PlanScreen(Screen):
    def __init__(self) -> None:
        super().__init__()
        self._shown = False
        breakpoints = self.HORIZONTAL_BREAKPOINTS
        if breakpoints is None:
            breakpoints = self.app.HORIZONTAL_BREAKPOINTS or []
        if name := breakpoint_class(self.app.size.width, breakpoints):
            self.add_class(name)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. On the first showing the styles are fresh from
        # mount, so the full restyle is skipped; later showings restyle as usual.
        if not self._shown:
            self._shown = True
            event.refresh_styles = False
            if getattr(self.app, "owns_process", False):
                self.call_after_refresh(gc.freeze)

