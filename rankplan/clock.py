"""The one clock: what "today" is. ``RANKPLAN_TODAY=2026-11-21`` fixes it for screenshots."""

from __future__ import annotations

import os
from datetime import date

ENV_TODAY = "RANKPLAN_TODAY"


def today() -> date:
    if fixed := os.environ.get(ENV_TODAY):
        return date.fromisoformat(fixed)
    return date.today()
