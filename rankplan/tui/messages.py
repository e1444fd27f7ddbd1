"""Messages the screens post to the app: screens import this module, never the app."""

from __future__ import annotations

from textual.message import Message


class PlanChanged(Message):
    """Posted by a screen after it changed the plan; the app recomputes and saves."""
