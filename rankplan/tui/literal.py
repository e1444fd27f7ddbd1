"""Plan text on the screen: shown as typed, never read as markup or terminal control.

Names, notes, criteria, specialties, form names, goal titles, paths and every message that
quotes them come from the plan file (or the user's typing) and are data (DESIGN §4): a name
such as ``[@click=app.quit]x[/]`` must appear as those characters, not quit the app; ``a[/]b``
must not crash a screen; an escape sequence must not reach the terminal. Every widget that
shows plan text gets it from here, already a renderable, so Textual never parses it.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from rankplan.core.text import visible


def literal(text: str, style: str = "") -> Content:
    """``text`` as Content shown literally: no markup, control characters as ``\\xNN``."""
    shown = visible(text)
    return Content.styled(shown, style) if style else Content(shown)


def literal_text(text: str, style: str = "") -> Text:
    """The same as a Rich ``Text``, for widgets that take Rich renderables (DataTable
    cells)."""
    return Text(visible(text), style=style, end="")


def escaped(text: str) -> str:
    """``text`` for the few places that take only a markup string (the command palette's help
    line): brackets escaped, control characters as ``\\xNN``."""
    from textual.markup import escape

    return escape(visible(text))
