"""The SOAP plan: the fallback options in order; space adds or removes, moves like the rank list."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from rankplan.core.model import SoapOption
from rankplan.tui.labels import SOAP_OPTIONS


class SoapList(OptionList):
    BINDINGS = [
        Binding("space", "toggle", "Add/remove", id="soap.toggle"),
        Binding("shift+up,alt+up,K", "move(-1)", "Move up", show=False, id="soap.move_up"),
        Binding("shift+down,alt+down,J", "move(1)", "Move down", show=False, id="soap.move_down"),
    ]
    DEFAULT_CSS = """
    SoapList { height: auto; border: round $primary 60%; background: $surface;
               border-title-color: $text; }
    SoapList:focus { border: round $accent; }
    SoapList:focus > .option-list--option-highlighted { color: auto 100%; }
    """

    class Changed(Message):
        """The user asked for this order of options."""

        def __init__(self, order: list[SoapOption]) -> None:
            super().__init__()
            self.order = order

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.order: list[SoapOption] = []
        self.border_title = "SOAP plan, if you do not match"

    def show(self, order: list[SoapOption], highlight: SoapOption | None = None) -> None:
        """Show ``order``; the highlight stays on ``highlight``, else on the option it was on
        (a redraw after ctrl+z cleared it, and space then did nothing until an arrow key)."""
        if highlight is None:
            highlight = self._current()
        self.order = list(order)
        rest = [o for o in SoapOption if o not in self.order]
        self.clear_options()
        for i, option in enumerate(self.order):
            self.add_option(Option(f"{i + 1}. {SOAP_OPTIONS[option]}", id=option.value))
        for option in rest:
            self.add_option(Option(f" ·  {SOAP_OPTIONS[option]} (not in plan)", id=option.value))
        if highlight is not None:
            self.highlighted = self.get_option_index(highlight.value)

    def on_focus(self) -> None:
        """Highlight the first option on focus, so space works before any arrow key."""
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def _current(self) -> SoapOption | None:
        if self.highlighted is None:
            return None
        return SoapOption(self.get_option_at_index(self.highlighted).id)

    def action_toggle(self) -> None:
        option = self._current()
        if option is None:
            return
        order = [o for o in self.order if o != option] if option in self.order else [*self.order, option]
        self.post_message(self.Changed(order))
        self.show(order, highlight=option)

    def action_move(self, delta: int) -> None:
        option = self._current()
        if option not in self.order:
            return
        i = self.order.index(option)
        j = max(0, min(i + delta, len(self.order) - 1))
        if i == j:
            return
        order = list(self.order)
        order.insert(j, order.pop(i))
        self.post_message(self.Changed(order))
        self.show(order, highlight=option)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle()
