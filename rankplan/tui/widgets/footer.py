"""The footer: the screen keys (F1-F6) always in sight.

Textual's footer lists the focused widget's keys first and the app's last, so a narrow
terminal cut off the way between screens (F5 was missing at 120 columns, most F-keys at 80).
Here a screen's leading keys (``lead``: binding ids, such as the help's Close) come first,
then the F-keys, then the rest as long as each fits whole (a key that does not fit is left
out, not cut; the command palette lists them all); below 100 columns the footer is compact.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 100
PALETTE_WIDTH = 13  # "▏^p palette" on the right, and a cell to spare


def is_screen_key(key: str) -> bool:
    return key[:1] == "f" and key[1:].isdigit()


class ReadableKey(FooterKey):
    """A footer key whose key letters read in every theme (textual-light's accent on its
    footer was 2.9:1). Textual's ``FooterKey.render`` with the key's style made readable."""

    def render(self) -> Text:
        from rankplan.tui.contrast import readable

        dark = self.app.current_theme.dark
        palette = self.app.ansi_theme_dark if dark else self.app.ansi_theme_light
        key_style = readable(self.rich_style + self.get_component_rich_style("footer-key--key"),
                             dark=dark, palette=palette)
        description_style = self.get_component_rich_style("footer-key--description")
        key_padding = self.get_component_styles("footer-key--key").padding
        description_padding = self.get_component_styles("footer-key--description").padding
        key = " " * key_padding.left + self.key_display + " " * key_padding.right
        if self.description:
            label_text = Text.assemble(
                (key, key_style),
                (" " * description_padding.left + self.description
                 + " " * description_padding.right, description_style),
            )
        else:
            label_text = Text.assemble((self.key_display, key_style))
        label_text.stylize_before(self.rich_style)
        return label_text


class KeyFooter(Footer):
    def __init__(self, *, lead: tuple[str, ...] = (), screen_keys: bool = True,
                 **kwargs) -> None:
        """``screen_keys`` False: F1-F6 only where they fit after the lead (the cannot-open
        view, where F2-F6 have no plan to show and took the room of its own keys)."""
        super().__init__(**kwargs)
        self.lead = lead
        self.screen_keys = screen_keys
        self._composed_width = -1  # the width the keys were chosen for

    def _width(self) -> int:
        """The footer's own width: less than the terminal's beside Textual's keys panel
        (the palette's "Keys"), where "f6 Reapply" was cut to "f6 Reapp"."""
        return self.size.width or self.app.size.width

    def on_resize(self, event: events.Resize) -> None:
        self.compact = self._width() < COMPACT_BELOW
        # Which keys fit depends on the width: a footer laid out at 120 columns and shrunk
        # to 80 cut its last key ("x" with no word beside it) until the next recompose.
        if self._bindings_ready and event.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)

    def on_mount(self) -> None:
        self.compact = self._width() < COMPACT_BELOW

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
            return 1 if self.screen_keys and is_screen_key(binding.key) else 2

        seen: set[str] = set()
        keys = []
        self._composed_width = self.size.width
        self.compact = self._width() < COMPACT_BELOW
        room = self._width() - PALETTE_WIDTH
        for binding, enabled, tooltip in sorted(shown, key=rank):  # stable: keeps each order
            action = binding.action.removeprefix("app.")  # a screen's "app.quit" is "quit"
            if action in seen:  # one key per action, as Textual's footer does
                continue
            width = self.key_width(binding)
            if rank((binding,)) == 2 and width > room:
                continue
            seen.add(action)
            room -= width
            keys.append((binding, enabled, tooltip))
        self.styles.grid_size_columns = len(keys)
        for binding, enabled, tooltip in keys:
            yield ReadableKey(
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
            yield ReadableKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )
