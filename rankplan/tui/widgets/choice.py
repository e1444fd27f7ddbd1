"""``Choice``: a one-line field that holds one of a few values, with a list to pick from.

Textual's ``Select`` builds five widgets and a hidden list for every field, all styled and
laid out before the first frame; the Profile form has five of them. ``Choice`` is a single
widget that draws ``value ▼`` and mounts its list (``ChoicePicker``, laid over the screen
under the field) only when asked: enter, space, up or down, or a click. Left and right step
to the previous or next value without opening the list.

Setting ``value`` from code announces nothing; a user's pick posts ``Choice.Changed``.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import OptionList

from rankplan.tui.literal import literal
from rankplan.tui.widgets.gathered import Gathered
from rankplan.tui.widgets.kept_lines import KeptLines
from rankplan.tui.widgets.own_keys import OwnKeysFirst


class ChoicePicker(OptionList):
    """The open list of a ``Choice``: mounted on the screen just under the field (or above it
    when there is no room), on top of everything; removed when a value is picked, on escape,
    or when focus goes elsewhere."""

    DEFAULT_CSS = """
    ChoicePicker {
        overlay: screen; position: absolute; border: tall $border; background: $surface;
        padding: 0;
    }
    ChoicePicker > .option-list--option { padding: 0 1; }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="choice.close")]

    def __init__(self, owner: Choice, labels: list[str], index: int) -> None:
        super().__init__(*map(literal, labels))  # labels can be plan text: never markup
        self.owner = owner
        anchor, screen = owner.region, owner.screen.size
        # border 2, padding 2, and 2 for a scrollbar when the list is longer than 12
        longest = max(map(cell_len, labels), default=1) + 4 + 2 * (len(labels) > 12)
        width = min(screen.width, max(anchor.width, longest))
        height = min(len(labels), 12) + 2
        below, above = screen.height - anchor.bottom, anchor.y  # rows free on either side
        if height <= below or below >= above:
            height, top = max(3, min(height, below)), anchor.bottom
        else:
            height = min(height, above)
            top = anchor.y - height
        self.styles.width = width
        self.styles.height = height
        self.styles.offset = (min(anchor.x, max(0, screen.width - width)), top)
        self.highlighted = index

    def on_mount(self) -> None:
        self.focus(scroll_visible=False)  # it lies over the screen: nothing to scroll to

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._close(event.option_index)

    def on_blur(self) -> None:
        if self.is_attached:  # focus went elsewhere (a click, tab): close, pick nothing
            self.remove()

    def action_close(self) -> None:
        self._close(None)

    def _close(self, index: int | None) -> None:
        owner = self.owner
        # Focus goes back to the field now, not later (``focus()`` waits a turn): the list's
        # removal would otherwise hand focus to the screen's next widget (the Debrief notes),
        # which scrolled the form there, under the mouse. The blur that follows finds the
        # list gone; the field is where it was, so nothing scrolls.
        owner.screen.set_focus(owner, scroll_visible=False)
        self.remove()
        if index is not None:
            owner.pick(index)


class Choice(KeptLines, OwnKeysFirst, Gathered, Widget, can_focus=True):
    DEFAULT_CSS = """
    Choice {
        height: 1; width: 1fr; background: $surface; color: $foreground;
        padding: 0 1 0 0; pointer: pointer;
    }
    Choice:focus { background-tint: $foreground 8%; text-style: bold; }
    Choice > .choice--arrow { color: $foreground 50%; }
    Choice:focus > .choice--arrow { color: $accent; }
    """
    COMPONENT_CLASSES = {"choice--arrow"}
    BINDINGS = [
        Binding("enter,space,down,up", "open", "Choose", show=False, id="choice.open"),
        Binding("left", "step(-1)", "Previous", show=False, id="choice.previous"),
        Binding("right", "step(1)", "Next", show=False, id="choice.next"),
    ]

    value: reactive[Any] = reactive(None, init=False, always_update=False)

    class Changed(Message):
        """The user picked a value (``value``) in ``choice``."""

        def __init__(self, choice: Choice, value: Any) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, options: list[tuple[str, Any]], *, value: Any = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._options: list[tuple[str, Any]] = list(options)
        self._drawn: tuple[Style, RichStyle, RichStyle] | None = None
        self._options_set = 0  # how many times the options were replaced (see kept_key)
        self.set_reactive(Choice.value, value if value is not None else self._first())

    @property
    def options(self) -> list[tuple[str, Any]]:
        return list(self._options)

    def _first(self) -> Any:
        return self._options[0][1] if self._options else None

    def set_options(self, options: list[tuple[str, Any]]) -> None:
        """New options; the value stays if it is still one of them."""
        self._options = list(options)
        self._options_set += 1
        if self._index() is None:
            self.set_reactive(Choice.value, self._first())
        self.refresh()

    def kept_key(self) -> tuple[Any, int]:
        return self.value, self._options_set  # new options may give the value another label

    def _index(self) -> int | None:
        for i, (_, value) in enumerate(self._options):
            if value == self.value:
                return i
        return None

    @property
    def label(self) -> str:
        index = self._index()
        return self._options[index][0] if index is not None else ""

    def render(self) -> Content:
        """The field as text (what a selection copies); it is drawn by ``render_line``."""
        return Content.assemble(self._shown_label(self.content_size.width), " ",
                                ("▼", Style.from_rich_style(self._styles()[1])))

    def render_line(self, y: int) -> Strip:
        # Drawn as one strip of three segments: a Choice drew in 0.66 ms through a Rich Text
        # and Textual's general path (0.39 ms through Content), and a Debrief record change
        # draws eleven of them.
        if self.text_selection is not None:  # Textual's way draws the selection
            return super().render_line(y)
        width = self.content_size.width
        base, arrow = self._styles()
        if y:
            return Strip.blank(width, base)
        label = self._shown_label(width).plain
        strip = Strip([Segment(label + " ", base), Segment("▼", arrow)], cell_len(label) + 2)
        return strip if strip.cell_length == width else strip.crop_extend(0, width, base)

    def _shown_label(self, width: int) -> Content:
        """The value's label in a field ``width`` cells wide: cut with an ellipsis or padded
        to leave two cells for " ▼"."""
        return literal(self.label).truncate(max(0, width - 2), ellipsis=True, pad=True)

    def _styles(self) -> tuple[RichStyle, RichStyle]:
        """The field's style and the ▼'s. The ▼ marks a field of a few values: readable in
        every theme (the focused one's accent on the tinted surface was 1.2:1 in
        textual-light). Worked out again only when the widget's styles change (focus, a
        theme): Textual keeps ``visual_style`` until then."""
        from rankplan.tui.contrast import readable_in

        visual = self.visual_style
        if self._drawn is None or self._drawn[0] is not visual:
            base = visual.rich_style
            arrow = readable_in(self.app, base + self.get_component_rich_style("choice--arrow"))
            self._drawn = (visual, base, arrow)
        return self._drawn[1], self._drawn[2]

    def pick(self, index: int) -> None:
        """Take option ``index`` as the user's choice."""
        value = self._options[index][1]
        if value != self.value:
            self.value = value
            self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        if not self._options:
            return
        index = self._index()
        if index is None:  # a value not among the options: step onto the first or the last
            self.pick(0 if delta > 0 else len(self._options) - 1)
        else:
            self.pick(max(0, min(len(self._options) - 1, index + delta)))

    def action_open(self) -> None:
        if not self._options:
            return
        for other in self.screen.query(ChoicePicker):  # one list open at a time
            other.remove()
        labels = [label for label, _ in self._options]
        self.screen.mount(ChoicePicker(self, labels, self._index() or 0))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open()
