"""The help screen (F1 or ?): the current screen's help, written from the code's own tables.

The help is one Rich Markdown renderable in one widget (Textual's Markdown widget builds a
widget per block: over a hundred for the Rank list's help, half a second to open). The app
keeps the screen installed per help text, so opening the same help again only shows it.
"""

from __future__ import annotations

from rich.markdown import Markdown
from rich.theme import Theme
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from rankplan.tui.quitting import QuietAtQuit
from rankplan.tui.widgets.footer import KeyFooter


# Rich draws headings in ANSI magenta, 4.0:1 on textual-dark's surface, and table headings
# (with numbered items, links and keys) in ANSI cyan or blue or yellow, 3.0:1 on
# textual-light's: here they keep the text's own colour and stand out by weight and underline.
HEADINGS = Theme({"markdown.h1": "bold underline", "markdown.h2": "bold underline",
                  "markdown.h3": "bold", "markdown.h4": "bold italic",
                  "markdown.table.header": "bold", "markdown.item.number": "bold",
                  "markdown.link": "underline", "markdown.kbd": "bold"})


class PlainHeadings:
    """A Markdown renderable drawn with ``HEADINGS``."""

    def __init__(self, markdown: Markdown) -> None:
        self.markdown = markdown

    def __rich_console__(self, console, options):
        with console.use_theme(HEADINGS):
            yield from console.render(self.markdown, options)

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, self.markdown)


class HelpScreen(QuietAtQuit, ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q", "dismiss_help", "Close", id="help.close"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 100; max-width: 100%; height: 1fr;
        border: thick $primary; background: $surface;
    }
    HelpScreen #help-text { padding: 0 1; }
    """

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(can_focus=True):
            yield Static(PlainHeadings(Markdown(self.markdown, hyperlinks=False)),
                         id="help-text")
        yield KeyFooter(lead=("help.close",))  # esc Close first, whatever the width

    def on_screen_resume(self) -> None:
        # Each of these repaints (a second frame after the first), even when nothing moves.
        scroll = self.query_one(VerticalScroll)
        if scroll.scroll_y:
            scroll.scroll_home(animate=False, immediate=True)
        if self.focused is not scroll:
            scroll.focus()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
