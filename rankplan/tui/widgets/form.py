"""Small pieces the screens' forms share: a labelled row, its hint line, a read-out."""

from __future__ import annotations

from typing import Self

from rich.cells import cell_len
from rich.segment import Segment
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.scalar import Scalar
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from rankplan.tui.literal import literal
from rankplan.tui.widgets.gathered import Gathered
from rankplan.tui.widgets.still import Still


class FieldRow(Still, Horizontal):
    """A form's row: a label beside a field."""


class FieldLabel(Still, Label):
    """A field's label."""


class Heading(Still, Static):
    """A form's section title or a fixed hint."""


class HintLine(Gathered, Static):
    """A line under a field for what is wrong with its value, hidden while nothing is."""


def field(label: str, widget: Widget, hint_id: str | None = None) -> Widget:
    """``label`` beside ``widget`` (made compact); with ``hint_id``, a line for a hint below
    it, hidden while it has nothing to say. (A row without a hint gets no wrapper: every
    widget costs start-up time.)"""
    if hasattr(widget, "compact"):
        if isinstance(widget, Input):
            # Textual restyles a widget (and all under it) as soon as one of its classes
            # changes, mounted or not: an Input set compact here, then found valid as it
            # mounts, was styled twice before its first styling (1-2 ms each before the
            # first frame). Its classes go in first, unstyled; they change nothing after.
            widget.add_class("-textual-compact", "-valid", update=False)
        widget.compact = True
    row = FieldRow(FieldLabel(literal(label), classes="field-label"), widget, classes="field")
    if not hint_id:
        return row
    hint = HintLine("", id=hint_id, classes="hint", markup=False)
    hint.display = False
    return Vertical(row, hint, classes="field-block")


def show_hint(hint: Static, text: str) -> None:
    """Say ``text`` under a field, or hide the line when there is nothing to say. The text
    often quotes what was typed: it is shown literally. The same text again changes
    nothing (and costs no layout)."""
    if getattr(hint, "hint_text", None) == text:
        return
    hint.hint_text = text  # type: ignore[attr-defined]
    hint.update(literal(text))
    hint.display = bool(text)


def readout(widget: Static, content: Content | str, *, wraps: bool = True,
            min_height: int = 0) -> None:
    """Show ``content`` unless it is shown already. A text that keeps its height on screen
    (measured at the widget's width once it has one) needs no new layout of the screen
    (tens of milliseconds on a busy screen, after every key). ``min_height``: keep at least
    that many lines on screen, so that texts of a usual length all keep one height (a
    minimum height, not blank lines in the text: each line of text costs its drawing). It
    holds before the widget has a width too (a screen built out of sight): its first frame
    has that height, and the first edit moves nothing below it."""
    content = literal(content) if isinstance(content, str) else content
    width = widget.content_size.width
    if min_height and widget.styles.min_height != Scalar.from_number(min_height):
        widget.styles.min_height = min_height  # the tallest yet: a layout, now and then
    shown = getattr(widget, "shown", None)
    if shown is not None and shown.plain == content.plain and shown.spans == content.spans:
        return
    text_lines = 0  # the lines the old text and the new take, where both are measured
    if shown is None:
        same_height = False
    elif width > 0:
        old, new = (text_height(widget, text, width) for text in (shown, content))
        same_height = max(min_height, old) == max(min_height, new)
        text_lines = max(old, new)
    else:
        same_height = not wraps and shown.plain.count("\n") == content.plain.count("\n")
    widget.shown = content  # type: ignore[attr-defined]
    if same_height and text_lines and isinstance(widget, Readout):
        widget.show_lines(content, text_lines)
    else:
        widget.update(content, layout=not same_height)


def text_height(widget: Widget, content: Content, width: int) -> int:
    """The lines ``content`` takes in ``widget`` at ``width``. Measuring wraps the whole
    text: the last few texts measured in a widget are measured once (a Debrief record
    change asked three times for the suggestion's height). Styles change no text's width:
    the plain text and the width decide."""
    key = (content.plain, width)
    kept: dict = widget.__dict__.setdefault("_text_heights", {})
    height = kept.get(key)
    if height is None:
        height = kept[key] = content.get_height(widget.styles, width)
        if len(kept) > 4:
            del kept[next(iter(kept))]  # the oldest
    return height


class Readout(Gathered, Static):
    """A read-out kept at one height (``readout``'s ``min_height``) whose new text redraws
    only its lines of text, the old ones and the new: the blank lines below them stay as
    drawn. Textual redraws every line of a Static on a new text, at some 0.1-0.3 ms a
    line; the Debrief suggestion keeps the height of the longest yet (15 lines on a large
    plan) for texts of 2 to 6. The text must sit at the top (no vertical ``content-align``):
    the lines below both texts are then blank before and after."""

    _lines: int | None = None  # while show_lines runs: the lines it redraws

    def show_lines(self, content: Content, lines: int) -> None:
        """Show ``content`` at the same height, redrawing only its first ``lines``."""
        self._lines = lines
        try:
            self.update(content, layout=False)
        finally:
            self._lines = None

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        if self._lines is not None and not regions and repaint and not layout:
            regions = (Region(0, 0, self.content_size.width, self._lines),)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class FormInput(Gathered, Input):
    """A one-line text field of a fixed size. Textual's Input asks for a new layout of the
    whole screen whenever its text changes length (its virtual size); a field whose size
    the form fixes only needs a repaint, which keeps a record change on Debrief to one
    frame."""

    # Textual's Input has a horizontal scrollbar of no size, shown whenever the text is wider
    # than the field: each time a long text follows a short one (another interview's name),
    # showing or hiding it laid out the whole screen again and drew the field a second time.
    # Hidden overflow keeps it hidden; the field still scrolls to its cursor (Textual forces
    # that scroll), and a mouse wheel still scrolls a long text (allow_horizontal_scroll).
    DEFAULT_CSS = "FormInput { overflow-x: hidden; }"

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    @property
    def allow_horizontal_scroll(self) -> bool:
        return not self._check_disabled() and self.max_scroll_x > 0

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        # A shorter text keeps no scroll past its end (the layout that came with the
        # scrollbar's hiding did that; the cursor's own scroll runs only when it moves).
        self.scroll_x = self.validate_scroll_x(self.scroll_x)

    def render_line(self, y: int) -> Strip:
        # A field without focus shows its value in one style, cut at the field's edge: one
        # segment. Textual draws it through a Rich Text and the console (about 0.3 ms; a
        # Debrief record change redraws two or three fields), which is kept for every other
        # case: focus (cursor, selection, suggestion), a placeholder, a password, a
        # highlighter, a tab or a line break to lay out.
        value = self.value
        if (y or self.has_focus or not value or self.password or self.highlighter is not None
                or "\t" in value or "\n" in value):
            return super().render_line(y)
        width = self.scrollable_content_region.width + 1
        scroll_x = self.scroll_offset.x
        strip = Strip([Segment(value)], cell_len(value))
        return (strip.crop(scroll_x, scroll_x + width).extend_cell_length(width)
                .apply_style(self.rich_style))
