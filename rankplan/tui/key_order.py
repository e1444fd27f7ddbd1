"""Keys acted on in the order they were typed, however busy the app is when they come.

Textual hands a key to the focused widget and reads the next one at once. A key the widget
does not use itself travels up to the app, where the bindings are looked up: the focused
text box's own ``end`` among them. Keys that arrive together (typed while the app was busy
building a screen, or read from the terminal in one go) then overtake each other: after
``end``, a letter reached the text box before the app moved its cursor, and replaced the
name the box had selected (the pty tests saw it on a loaded machine).

``KeyOrder`` keeps the keys behind one still on its way: that key is done when it comes
back to the app (its binding, if any, has run) or when a widget has stopped it; a key lost
on the way (its widget removed) lets the others go after ``LIMIT`` seconds.
"""

from __future__ import annotations

import time
from collections import deque

from textual import events

LIMIT = 0.25  # seconds a key may be on its way before the keys behind it go regardless
LOOK_AGAIN = 0.004  # seconds between looks at a key on its way while others wait


class KeyOrder:
    """The key on its way (the last handed to a widget) and the keys typed behind it."""

    def __init__(self) -> None:
        self.on_its_way: events.Key | None = None
        self.since = 0.0
        self.waiting: deque[events.Key] = deque()

    def sent(self, key: events.Key) -> None:
        """``key`` was handed to a widget (not taken by a priority binding)."""
        self.on_its_way = key
        self.since = time.monotonic()

    def came_back(self, key: events.Key) -> bool:
        """``key`` reached the app after its journey: True if the keys behind may go."""
        if key is not self.on_its_way:
            return False
        self.on_its_way = None
        return True

    def must_wait(self, queued: object) -> bool:
        """Whether a key arriving now must wait for the one on its way. ``queued``: the
        app's own message queue (a stopped key may still be in it, on its way back)."""
        key = self.on_its_way
        if key is None:
            return False
        stopped = key._stop_propagation and key not in getattr(queued, "_queue", ())
        if stopped or time.monotonic() - self.since > LIMIT:
            self.on_its_way = None
            return False
        return True
