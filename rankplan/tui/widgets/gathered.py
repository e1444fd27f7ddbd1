"""Repaints gathered over a screen's synchronous update of many fields, so that its frame
comes sooner.

Textual tells the screen about a widget's repaint in two hops. ``refresh()`` wakes the
widget's own message loop (a ``Prompt`` message); once that loop goes idle it posts an
``Update`` message to the screen; the screen's loop adds the widget to the frame's widgets
and, once idle, starts the frame. A Debrief record change repaints a dozen fields: 25 loops
woken and 22 messages passed before the frame could start, some 2 ms in a busy hour.

Inside ``gather_repaints()`` a ``Gathered`` widget's wake-up is held back instead. At the
end of the block each widget that asked only for a repaint, with nothing else in its queue,
goes straight into its screen's frame (what its ``Update`` message would have done), with
one wake-up for the screen. A widget that asked for anything else (a layout, a scroll, new
styles, a callback) or has messages waiting is woken then as Textual would have woken it.

No other message loop can run before a synchronous block ends, so none of them could have
seen a wake-up held back to its end. The block must not ``await``. (The gathering is a
plain module variable, not a context variable: a task started inside the block, such as a
widget mounted there, would keep a context variable's value for good.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.dom import NoScreen
from textual.widget import Widget

# The widgets whose wake-up is held back, in the order they asked; None outside a block.
_gathered: dict[Widget, None] | None = None


class Gathered:
    """Mixed in before a Textual widget class with no idle work of its own: Widget's
    ``_on_idle`` (which passes a repaint on) is all that a held-back wake-up skips."""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        for base in cls.__mro__:
            if base is Widget:
                break
            if "_on_idle" in vars(base) or "on_idle" in vars(base):
                raise TypeError(f"{cls.__name__}: {base.__name__} has idle work of its own")

    def check_idle(self) -> None:
        if _gathered is None:
            super().check_idle()  # type: ignore[misc]
        else:
            _gathered[self] = None  # type: ignore[index]


@contextmanager
def gather_repaints() -> Iterator[None]:
    """Hold back the wake-ups of ``Gathered`` widgets until the block ends (see the module's
    docstring). Blocks may nest: the outermost one ends the gathering."""
    global _gathered
    if _gathered is not None:
        yield
        return
    widgets: dict[Widget, None] = {}
    _gathered = widgets
    try:
        yield
    finally:
        _gathered = None
        announce(widgets)


def announce(widgets) -> None:
    """Tell each widget's screen of its repaint, or wake the widget as Textual would have."""
    screens = {}
    for widget in widgets:
        screen = only_repaint(widget)
        if screen is None:
            super(Gathered, widget).check_idle()
            continue
        widget._repaint_required = False
        if widget.display and screen in screen._compositor:  # as Screen._on_update
            screen._dirty_widgets.add(widget)
            screens[screen] = None
    for screen in screens:
        screen.check_idle()


def only_repaint(widget: Widget):
    """The screen of ``widget`` if all it waits for is a repaint, else None."""
    if (not widget._repaint_required or widget._layout_required or widget._scroll_required
            or widget._refresh_styles_required or widget._recompose_required
            or widget._next_callbacks or not widget._message_queue.empty()
            or widget._closing):
        return None
    try:
        return widget.screen
    except NoScreen:
        return None
