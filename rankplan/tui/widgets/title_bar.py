"""``TitleBar``: the top line of every screen, the plan's name and its save state.

It shows ``App.title`` and ``App.sub_title`` as Textual's ``Header`` does, with the palette
icon on the left. ``Header`` is four widgets and, at every change of its text, lays out the
whole screen again; the save state changes two or three times per save, which on a
300-program Rank list cost tens of milliseconds a time. This one is a single widget whose
line is redrawn in place, when the app's ``heading`` changes.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

from rankplan.tui.widgets.still import Still

ICON = "⭘"
LEFT, RIGHT = 8, 10  # the columns Header gives its icon and its clock space


class TitleBar(Still, Widget):
    DEFAULT_CSS = """
    TitleBar { dock: top; width: 100%; height: 1; background: $panel; color: $foreground; }
    """

    def on_mount(self) -> None:
        # The app keeps title and sub_title without their own (whole-screen) repaint and
        # announces them through its ``heading`` var.
        self.watch(self.app, "heading", lambda _: self.refresh(), init=False)

    def render(self) -> Content:
        width = self.size.width
        middle = max(0, width - LEFT - RIGHT)
        title = self.app.format_title(self.app.title, self.app.sub_title)
        if title.cell_length > middle:
            title = title.truncate(middle, ellipsis=True)
        return Content.assemble(f" {ICON}".ljust(LEFT), title.center(middle), " " * RIGHT)

    async def on_click(self, event: events.Click) -> None:
        if event.x < LEFT:  # the icon opens the command palette, as Header's does
            event.stop()
            await self.run_action("app.command_palette")
