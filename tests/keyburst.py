"""Keys typed faster than the app reads them (key repeat, a paste of keys, a fast typist).

``pilot.press`` waits for the app to go idle after every key, so it never shows what happens
when keys queue up. ``burst`` puts every key in the app's queue before the app handles the
first, as a terminal's input thread does when it parses several keys from one read.
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.app import _character_to_key, _get_unicode_name_from_key
from textual.keys import REPLACED_KEYS


def key_event(key: str) -> events.Key:
    """The event ``pilot.press`` would make for ``key``."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def burst(pilot, *keys: str) -> None:
    """Queue every key at once, then wait until the app has handled them all."""
    app = pilot.app
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()
    if app.is_running:
        await pilot._wait_for_screen()
        await pilot.pause()
