"""The week as a 7 x 3 grid (days across, morning / afternoon / evening down), with a cursor.

The widget draws and reports; the screen changes the model. Each block shows a letter and a
short name on the activity's colour, so it reads without colour as well.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from rankplan.core.model import DAYS, SLOTS, Activity
from rankplan.tui.contrast import ratio
from rankplan.tui.labels import ACTIVITY_KEYS
from rankplan.tui.widgets.own_keys import OwnKeysFirst

SHORT_SLOTS = ("morn", "aftn", "eve")


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (white on the study blue was
    3.7:1, on the exercise green 2:1)."""
    rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if ratio((0, 0, 0), rgb) >= ratio((255, 255, 255), rgb) else "#ffffff"


def geometry(width: int) -> tuple[int, int]:
    """(label column, block width) that fit ``width``: roomy when wide, compact when narrow."""
    if width >= 10 + 7 * 8:
        return 10, 8
    label = 5
    return label, max(4, min(8, (width - label) // 7))


class WeekGrid(OwnKeysFirst, Widget, can_focus=True):
    DEFAULT_CSS = """
    WeekGrid { height: 4; width: 1fr; max-width: 66; }
    WeekGrid:focus { text-style: none; }
    """
    BINDINGS = [
        Binding("left", "cursor(-1, 0)", "Left", show=False, id="week.left"),
        Binding("right", "cursor(1, 0)", "Right", show=False, id="week.right"),
        Binding("up", "cursor(0, -1)", "Up", show=False, id="week.up"),
        Binding("down", "cursor(0, 1)", "Down", show=False, id="week.down"),
        Binding("y", "copy_day", "Copy day", show=False, id="week.copy"),
        Binding("v", "paste_day", "Paste day", show=False, id="week.paste"),
        *(
            Binding(key, f"set_block('{activity.value}')", name or "clear", show=False,
                    id=f"week.{activity.value or 'empty'}")
            for activity, (key, _, name, _) in ACTIVITY_KEYS.items()
        ),
        Binding("backspace,space", "set_block('')", "Clear", show=False, id="week.clear"),
    ]

    cursor: reactive[tuple[int, int]] = reactive((0, 0))  # (day, slot)

    class BlockSet(Message):
        def __init__(self, day: str, slot: int, activity: Activity) -> None:
            super().__init__()
            self.day, self.slot, self.activity = day, slot, activity

    class DayCopied(Message):
        def __init__(self, source: str, target: str) -> None:
            super().__init__()
            self.source, self.target = source, target

    class BlockClicked(Message):
        """A click on a block; ``at`` is where on the screen (for a menu beside it)."""

        def __init__(self, day: str, slot: int, at: tuple[int, int] | None = None) -> None:
            super().__init__()
            self.day, self.slot, self.at = day, slot, at

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.week: dict[str, list[Activity]] = {}
        self.copied: str | None = None

    def show(self, week: dict[str, list[Activity]]) -> None:
        self.week = {day: list(slots) for day, slots in week.items()}
        self.refresh()

    def render(self) -> Content:
        day_c, slot_c = self.cursor
        label_width, cell = self._geometry = geometry(self.size.width)
        names = SLOTS if label_width >= 10 else SHORT_SLOTS
        parts: list[Content | tuple[str, str] | str] = [" " * label_width]
        for i, day in enumerate(DAYS):
            label = day.capitalize() + ("*" if day == self.copied else "")
            parts.append((label.ljust(cell), "bold" if i == day_c else "$text-muted"))
        for s, slot in enumerate(names):
            parts.append("\n")
            parts.append((slot.ljust(label_width), "bold" if s == slot_c else "$text-muted"))
            for d, day in enumerate(DAYS):
                activity = self.week.get(day, [Activity.EMPTY] * 3)[s]
                _, letter, name, colour = ACTIVITY_KEYS[activity]
                text = f"{letter} {name}"[: cell - 1].ljust(cell - 1)
                style = f"{text_on(colour)} on {colour}" if colour else "$text-muted"
                if (d, s) == (day_c, slot_c) and self.has_focus:
                    style = "reverse bold " + ("" if colour else "$text")
                elif (d, s) == (day_c, slot_c):
                    style += " underline"
                parts.append((text, style))
                parts.append(" ")
        return Content.assemble(*parts)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_cursor(self) -> None:
        self.refresh()

    def action_cursor(self, dx: int, dy: int) -> None:
        d, s = self.cursor
        self.cursor = ((d + dx) % len(DAYS), max(0, min(s + dy, len(SLOTS) - 1)))

    def action_set_block(self, value: str) -> None:
        d, s = self.cursor
        self.post_message(self.BlockSet(DAYS[d], s, Activity(value)))

    def action_copy_day(self) -> None:
        self.copied = DAYS[self.cursor[0]]
        self.refresh()
        self.notify(f"Copied {self.copied.capitalize()}: move to another day and press v.",
                    timeout=3)

    def action_paste_day(self) -> None:
        target = DAYS[self.cursor[0]]
        if self.copied is None:
            self.notify("Copy a day first with y.", timeout=3)
            return
        if target != self.copied:
            self.post_message(self.DayCopied(self.copied, target))

    def on_click(self, event: events.Click) -> None:
        label_width, cell = geometry(self.size.width)
        x, y = event.x - label_width, event.y - 1
        if x < 0 or not 0 <= y < len(SLOTS):
            return
        d = x // cell
        if d < len(DAYS):
            self.cursor = (d, y)
            self.focus()
            left = self.region.x + label_width + d * cell  # the cell's own left edge
            self.post_message(self.BlockClicked(DAYS[d], y, (left, event.screen_y)))
