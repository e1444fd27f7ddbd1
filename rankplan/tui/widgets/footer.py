"""The footer: the screen keys (F1-F6) always in sight, drawn as one line of text.

Textual's footer lists the focused widget's keys first and the app's last, so a narrow
terminal cut off the way between screens (F5 was missing at 120 columns, most F-keys at 80).
Here a screen's leading keys (``lead``: binding ids, such as the help's Close) come first,
then the F-keys, then the rest as long as each fits whole (a key that does not fit is left
out, not cut; the command palette lists them all); below 100 columns the footer is compact.

It is one widget, not a widget per key: Textual's footer mounts a new widget for every key
each time the bindings change (each focus change, each screen switch), and restyles each,
which measured about 40 ms of every screen switch. This one works out its keys again when
the bindings change and repaints its line only when they differ.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget

from rankplan.tui.widgets.still import Still

COMPACT_BELOW = 100
PALETTE_WIDTH = 13  # "▏^p palette" on the right, and a cell to spare


# The app's help and screen keys, in their place on the line whatever keys keymap.toml gives
# them (help remapped to ? went after the other keys, or out of sight at 80 columns).
SCREEN_IDS = {"app.help": 1, "app.profile": 2, "app.debrief": 3, "app.rank": 4,
              "app.schedule": 5, "app.reapply": 6}


def is_screen_key(key: str) -> bool:
    return key[:1] == "f" and key[1:].isdigit()


def _action(binding: Binding) -> str:
    return binding.action.removeprefix("app.")  # a screen's "app.quit" is the app's "quit"


class FooterItem(NamedTuple):
    key: str  # the key as bindings name it ("f1", "ctrl+p")
    display: str  # the key as shown ("f1", "^p")
    description: str
    enabled: bool
    x: int = 0  # where it starts on the line, in cells
    width: int = 0


class KeyFooter(Still, Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--separator",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--hover {
            background: $block-hover-background;
        }
        .key-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, lead: tuple[str, ...] = (), screen_keys: bool = True,
                 **kwargs) -> None:
        """``screen_keys`` False: F1-F6 only where they fit after the lead (the cannot-open
        view, where F2-F6 have no plan to show and took the room of its own keys)."""
        super().__init__(**kwargs)
        self.lead = lead
        self.screen_keys = screen_keys
        self.items: list[FooterItem] = []  # the keys on the line, the palette's last
        self.palette: FooterItem | None = None
        self._hover: int | None = None
        self._items_width = 0  # the width the items were worked out for

    @property
    def line_width(self) -> int:
        """The footer's own width: less than the terminal's beside Textual's keys panel
        (the palette's "Keys"), where "f6 Reapply" was cut to "f6 Reapp"."""
        return self.size.width or self.app.size.width

    @property
    def compact(self) -> bool:
        return self.line_width < COMPACT_BELOW

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._update_items()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, event: events.Resize) -> None:
        self._update_items()

    def _bindings_changed(self, screen) -> None:
        # Not while a dialog or the palette covers the screen: its keys are then the
        # covering screen's, and redrawing the dimmed line under it (twice: on opening and
        # on closing) took a frame of its own. Closing it changes the bindings again.
        if self.is_attached and screen is self.screen and not self._covered():
            self._update_items()

    def _covered(self) -> bool:
        screen = self.screen
        return screen.is_current and not screen.is_active

    def key_width(self, binding: Binding) -> int:
        """Cells one key takes: "key description" and its padding (less when compact)."""
        text = cell_len(self.app.get_key_display(binding)) + 1 + cell_len(binding.description)
        return text + (1 if self.compact else 2)

    def _update_items(self) -> None:
        self._items_width = self.line_width
        items, palette = self._work_out_items()
        if items != self.items or palette != self.palette:
            self.items, self.palette = items, palette
            self._hover = None
            self.refresh()

    def _shown(self, active: dict) -> list[tuple[Binding, bool]]:
        """The bindings to show, one per key. A key whose binding nearest the focus is a
        hidden one doing what a shown one further out does (the screens' hidden ? for help,
        once keymap.toml gave help the ? key) shows the shown one: the key does what it says."""
        shown: list[tuple[Binding, bool]] = []
        hidden: dict[str, tuple[Binding, bool]] = {}
        for key, (_node, binding, enabled, _tip) in active.items():
            if binding.show:
                shown.append((binding, enabled))
            else:
                hidden[key] = (binding, enabled)
        if hidden:
            for _node, bindings in self.screen._modal_binding_chain:
                for key, binding in bindings:
                    if key in hidden and binding.show and (
                            _action(binding) == _action(hidden[key][0])):
                        shown.append((binding, hidden.pop(key)[1]))
        return shown

    def _work_out_items(self) -> tuple[list[FooterItem], FooterItem | None]:
        active = self.screen.active_bindings
        shown = self._shown(active)

        def rank(binding: Binding) -> int:
            if binding.id in self.lead:
                return 0
            screen_key = binding.id in SCREEN_IDS or is_screen_key(binding.key)
            return 1 if self.screen_keys and screen_key else 2

        def order(item: tuple[Binding, bool]) -> tuple[int, int]:
            # F-keys by number: a text box has keys of its own on f6 and f7, which put the
            # app's f6 first in the focused widget's place. Stable: the rest keep theirs.
            # The app's help and screen keys by their place (F1-F6), whatever their keys.
            binding = item[0]
            if rank(binding) != 1:
                return rank(binding), 0
            number = SCREEN_IDS.get(binding.id or "")
            return 1, number if number is not None else int(binding.key[1:])

        seen: set[str] = set()
        items: list[FooterItem] = []
        x = 0
        room = self.line_width - PALETTE_WIDTH
        for binding, enabled in sorted(shown, key=order):
            action = _action(binding)
            if action in seen:  # one key per action, as Textual's footer does
                continue
            width = self.key_width(binding)
            if rank(binding) == 2 and width > room:
                continue
            seen.add(action)
            room -= width
            items.append(FooterItem(binding.key, self.app.get_key_display(binding),
                                    binding.description, enabled, x, width))
            x += width
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tip = active[self.app.COMMAND_PALETTE_BINDING]
            label = self.app.get_key_display(binding)
            width = 1 + cell_len(label) + 1 + cell_len(binding.description) + 1
            palette = FooterItem(binding.key, label, binding.description, enabled,
                                 max(x, self.line_width - width), width)
        return items, palette

    def render(self) -> Text:
        if self.line_width != self._items_width:  # resized without a Resize of its own
            self._items_width = self.line_width
            self.items, self.palette = self._work_out_items()
        from rankplan.tui.contrast import readable_in

        # The key letters read in every theme (textual-light's accent on its footer: 2.9:1),
        # and so do their descriptions (atom-one-dark's footer text 3.45:1, tokyo-night's 4.2:1).
        key_style = readable_in(self.app,
                                self.rich_style + self.get_component_rich_style("key-footer--key"))
        text_style = readable_in(
            self.app, self.rich_style + self.get_component_rich_style("key-footer--description"))
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int]] = []  # where each key is on the line, for the hover
        for item in self.items:
            if self.compact:
                key, text = item.display, f" {item.description} "
            else:
                key, text = f" {item.display} ", f"{item.description} "
            start = len(line)
            line.append(key, key_style)
            line.append(text, text_style)
            spans.append((start, len(line)))
            if not item.enabled:
                line.stylize("dim", start)
        if self.palette is not None:
            item = self.palette
            line.append(" " * max(0, item.x - line.cell_len))
            start = len(line)
            line.append("▏", self.get_component_rich_style("key-footer--separator"))
            line.append(item.display, key_style)
            line.append(f" {item.description} ", text_style)
            spans.append((start, len(line)))
        if self._hover is not None and self._hover < len(spans):
            hover = self.get_component_rich_style("key-footer--hover", partial=True)
            line.stylize(hover, *spans[self._hover])
        return line

    def _item_at(self, x: int) -> int | None:
        everything = [*self.items, *([self.palette] if self.palette else [])]
        for index, item in enumerate(everything):
            if item.x <= x < item.x + item.width:
                return index
        return None

    def _item(self, index: int | None) -> FooterItem | None:
        if index is None:
            return None
        return self.items[index] if index < len(self.items) else self.palette

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._item_at(event.x)
        if index != self._hover:
            self._hover = index
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        item = self._item(self._item_at(event.x))
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()
