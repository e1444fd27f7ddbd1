"""Keys acted on in the order they were typed, however busy the app is when they come.

Textual hands a key to the focused widget and reads the next one at once. A key the widget
does not use itself travels up to the app, where the bindings are looked up: the focused
text box's own ``end`` among them. Keys that arrive together (typed while the app was busy
building a screen, or read from the terminal in one go) then overtake each other: after
``end``, a letter reached the text box before the app moved its cursor, and replaced the
name the box had selected (the pty tests saw it on a loaded machine). And a key that opens
a screen (ctrl+e, F2-F6, a dialog) left the keys behind it to a screen with no focus yet,
which dropped them.

``KeysInOrder`` (mixed into the app) keeps the keys and pastes behind one still on its way:
that key is done when it comes back to the app (its binding, if any, has run) or when a
widget has stopped it (one that ran its own binding says so: ``key_handled``); after a
change of screen, the keys wait until the new screen has been drawn (its focus set).
Nothing waits longer than ``LIMIT`` seconds (a key lost on the way with its widget, a
screen that never draws).
"""

from __future__ import annotations

import time
from collections import deque

from textual import events

LIMIT = 0.25  # seconds the keys behind may wait for one key or one new screen
LOOK_AGAIN = 0.004  # seconds between looks at a key on its way while others wait


class KeyOrder:
    """The key on its way (the last handed to a widget), the screen the keys went to, and
    the keys (and pastes) typed behind."""

    def __init__(self) -> None:
        self.on_its_way: events.Key | None = None
        self.screen: object | None = None  # the screen the last key was handed to
        self.settling = False  # a new screen is on its way to its first drawing
        self.since = 0.0
        self.waiting: deque[events.Key | events.Paste] = deque()

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

    def settle(self, screen: object) -> None:
        """The keys now go to ``screen``, once it has been drawn."""
        self.screen, self.settling, self.since = screen, True, time.monotonic()

    def must_wait(self, queued: object, pending: object) -> bool:
        """Whether the next key must wait. ``queued``: the app's own message queue, and
        ``pending``: the message it has taken out to look at (a stopped key may still be
        in either, on its way back)."""
        overdue = time.monotonic() - self.since > LIMIT
        if self.settling:
            if not overdue:
                return True
            self.settling = False
        key = self.on_its_way
        if key is None:
            return False
        back_soon = key is pending or key in getattr(queued, "_queue", ())
        if (key._stop_propagation and not back_soon) or overdue:
            self.on_its_way = None
            return False
        return True


class KeysInOrder:
    """Mixed into ``RankPlanApp`` (an App), before Textual's App: keys and pastes go to
    Textual one at a time, in the order typed. ``take_key`` lets the app act on a key
    itself before Textual sees it."""

    _keys: KeyOrder
    _keys_look: object | None = None  # the pending look again, if any

    def take_key(self, event: events.Key) -> bool:
        """Whether the app acted on ``event`` itself (Textual does not see it then)."""
        return False

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and self._keys_go_nowhere():
            self._keys.waiting.clear()  # its screens are going or gone
            return
        if isinstance(event, events.Key) and event.is_forwarded:
            # Back from its journey: its binding, if any, runs here.
            screen = self.screen
            await super().on_event(event)
            self._screen_after(screen)
            if self._keys.came_back(event):
                await self._keys_waiting()
        elif isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._keys.waiting or self._must_wait():
                self._keys.waiting.append(event)
                self._look_again()
            else:
                await self._hand_on(event)
        else:
            await super().on_event(event)

    def key_handled(self, event: events.Key) -> None:
        """A widget acted on ``event`` itself and stopped it (OwnKeysFirst): it will not come
        back, and the keys typed behind it may go now rather than at the next look."""
        if self._keys.came_back(event) and self._keys.waiting:
            self.call_next(self._keys_waiting)

    async def _hand_on(self, event: events.Key | events.Paste) -> None:
        """One key or paste, as typed."""
        screen = self.screen
        if isinstance(event, events.Key) and self.take_key(event):
            event.stop()
        else:
            await super().on_event(event)
            if isinstance(event, events.Key) and event.is_forwarded:
                self._keys.sent(event)  # not taken by a priority binding: on its way
        self._screen_after(screen)

    def _keys_go_nowhere(self) -> bool:
        """The app is shutting down: it closes its screens one by one (Textual's
        ``_close_all``), and a key that opened one meanwhile ("f5") ended the app with a
        RuntimeError, the table of screens changed under that loop. Keys go nowhere then."""
        return not self._screen_stack or not self._running  # type: ignore[attr-defined]

    def _must_wait(self) -> bool:
        if self._keys.screen is not self.screen and not self._keys.settling:
            self._screen_after(self._keys.screen)  # changed meanwhile (a widget's doing)
        return self._keys.must_wait(self._message_queue, self._pending_message)

    def _screen_after(self, before: object) -> None:
        """If the screen is not ``before`` any more, the next keys wait for its drawing."""
        if not self._screen_stack:  # the app is quitting
            return
        screen = self.screen
        if screen is before:
            return
        if before is None and self._keys.screen is None:  # the first key of the session
            self._keys.screen = screen
            return
        self._keys.settle(screen)

        def drawn() -> None:
            if self._keys.screen is screen:
                self._keys.settling = False
            self.call_next(self._keys_waiting)

        screen.call_after_refresh(drawn)

    async def _keys_waiting(self) -> None:
        """Hand on the keys that waited, up to one that must be waited for in turn."""
        keys = self._keys
        while keys.waiting and not self._keys_go_nowhere() and not self._must_wait():
            await self._hand_on(keys.waiting.popleft())  # may await a screen's mounting
        if self._keys_go_nowhere():  # the app quit while they waited
            keys.waiting.clear()
        elif keys.waiting:
            self._look_again()

    def _look_again(self) -> None:
        """Look again shortly (one look pending at a time): the key on its way may be
        stopped by a widget, never to come back."""
        if self._keys_look is None:
            async def look() -> None:
                self._keys_look = None
                await self._keys_waiting()

            self._keys_look = self.set_timer(LOOK_AGAIN, look)
