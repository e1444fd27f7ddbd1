"""Screens opened as the app quits.

A key just before the quit (ctrl+q, or the end of a test) may ask for a screen or a dialog.
Textual mounts no widget once the app is quitting, and takes the screens' parts away as it
closes; the screen still gets its ``Mount`` and its ``ScreenResume``. Their handlers, which
look for its parts, then raised, and the app ended with a traceback instead of quietly.
"""

from __future__ import annotations

from textual import events
from textual.dom import DOMNode


def running(node: DOMNode) -> bool:
    """Whether ``node`` belongs to an app that is running (not quitting)."""
    return node.is_attached and node.app.is_running


class QuietAtQuit:
    """Mixed into a screen, before Textual's class: while the app quits, the screen's
    mount and resume handlers (its base classes' too) do not run."""

    async def on_event(self, event: events.Event) -> None:
        if (isinstance(event, (events.Mount, events.ScreenResume))
                and not running(self)):  # type: ignore[arg-type]
            return
        await super().on_event(event)  # type: ignore[misc]
