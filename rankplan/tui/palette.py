"""The command palette: Textual's, without the work it does at every ctrl+p that rankplan's
screens do not need (issue 16: the palette within 1.2x a bare Textual app's)."""

from __future__ import annotations

from textual import events, on
from textual.widgets import Input
from textual.command import CommandPalette as TextualPalette


class CommandPalette(TextualPalette):
    """Textual's palette with three costs of each opening taken out:

    - the app's width breakpoints: a new screen gets them at its first Resize, and the class
      change restyled the whole palette a second time; nothing in it depends on the width;
    - a full layout of the screen underneath at that Resize: Textual lays out the screens
      below the top one at every Resize, and pushing a screen sends one at the same size
      (the palette covers the screen: app.tcss); a real resize still lays them out;
    - the list's scrollbar mounted only once the commands have come (about 20 of them, two
      lines each, overflow the list at 40 lines): its mount took one more layout and frame
      after the list was drawn. The list scrolls (``overflow-y: scroll``) until the first
      key typed in the search box, so the scrollbar is there before the commands; from that
      key on it shows only while the list overflows, as Textual's does. (A terminal tall
      enough for every command shows an empty scrollbar track beside the list until then.)
    """

    DEFAULT_CSS = """
    CommandPalette CommandList { overflow-y: scroll; }
    CommandPalette.-searched CommandList { overflow-y: auto; }
    """
    HORIZONTAL_BREAKPOINTS = []  # noqa: RUF012 - Textual's class attribute
    VERTICAL_BREAKPOINTS = []  # noqa: RUF012

    async def _on_resize(self, event: events.Resize) -> None:
        event.prevent_default()  # Textual's Screen._on_resize, without the screens below
        event.stop()
        self._screen_resized(event.size)
        for screen in self.app._background_screens:
            if screen._size != event.size:
                screen._screen_resized(event.size)

    @on(Input.Changed)
    def _searched(self) -> None:
        self.add_class("-searched")  # overflow-y back to auto (DEFAULT_CSS)
