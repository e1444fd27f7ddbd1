"""The footer: the screen keys (F1-F6) always in sight.

Textual's footer lists the focused widget's keys first and the app's last, so a narrow
terminal cut off the way between screens (F5 was missing at 120 columns, most F-keys at 80).
Here a screen's leading keys (``lead``: binding ids, such as the help's Close) come first,
then the F-keys, then the rest as long as each fits whole (a key that does not fit is left
out, not cut; the command palette lists them all); below 100 columns the footer is compact.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 100
PALETTE_WIDTH = 13  # "▏^p palette" on the right, and a cell to spare


def is_screen_key(key: str) -> bool:
    return key[:1] == "f" and key[1:].isdigit()


class KeyFooter(Footer):
    def __init__(self, *, lead: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.lead = lead

    def on_resize(self, event: events.Resize) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def on_mount(self) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def key_width(self, binding) -> int:
        """Cells one key takes: "key description" and its padding (less when compact)."""
        text = cell_len(self.app.get_key_display(binding)) + 1 + cell_len(binding.description)
        return text + (1 if self.compact else 2)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        shown = [(b, enabled, tip) for (_, b, enabled, tip) in active.values() if b.show]

        def rank(item) -> int:
            binding = item[0]
            if binding.id in self.lead:
                return 0
            return 1 if is_screen_key(binding.key) else 2

        def order(item) -> tuple[int, int]:
            # F-keys by number: a text box has keys of its own on f6 and f7, which put the
            # app's f6 first in the focused widget's place.
            key = item[0].key
            return rank(item), int(key[1:]) if rank(item) == 1 else 0

        seen: set[str] = set()
        keys = []
        room = self.app.size.width - PALETTE_WIDTH
        for binding, enabled, tooltip in sorted(shown, key=order):  # stable: keeps each order
            if binding.action in seen:  # one key per action, as Textual's footer does
                continue
            width = self.key_width(binding)
            if rank((binding,)) == 2 and width > room:
                continue
            seen.add(binding.action)
            room -= width
            keys.append((binding, enabled, tooltip))
        self.styles.grid_size_columns = len(keys)
        for binding, enabled, tooltip in keys:
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            try:
                _node, binding, enabled, tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            except KeyError:
                return
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )
