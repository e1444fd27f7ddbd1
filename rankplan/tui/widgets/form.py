"""Small pieces the screens' forms share: a labelled row, its hint line, a read-out."""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Static

from rankplan.tui.literal import literal


def field(label: str, widget: Widget, hint_id: str | None = None) -> Widget:
    """``label`` beside ``widget`` (made compact); with ``hint_id``, a line for a hint below
    it, hidden while it has nothing to say. (A row without a hint gets no wrapper: every
    widget costs start-up time.)"""
    if hasattr(widget, "compact"):
        widget.compact = True
    row = Horizontal(Label(literal(label), classes="field-label"), widget, classes="field")
    if not hint_id:
        return row
    hint = Static("", id=hint_id, classes="hint", markup=False)
    hint.display = False
    return Vertical(row, hint, classes="field-block")


def show_hint(hint: Static, text: str) -> None:
    """Say ``text`` under a field, or hide the line when there is nothing to say. The text
    often quotes what was typed: it is shown literally."""
    hint.update(literal(text))
    hint.display = bool(text)


def readout(widget: Static, content: Content | str, *, wraps: bool = True) -> None:
    """Show ``content`` unless it is shown already. A text whose lines never wrap keeps its
    height while its line count does, and then needs no new layout of the screen (tens of
    milliseconds on a busy screen, after every key)."""
    content = literal(content) if isinstance(content, str) else content
    shown = getattr(widget, "shown", None)
    if shown is not None and shown.plain == content.plain and shown.spans == content.spans:
        return
    same_height = (not wraps and shown is not None
                   and shown.plain.count("\n") == content.plain.count("\n"))
    widget.shown = content  # type: ignore[attr-defined]
    widget.update(content, layout=not same_height)
