"""Words and number formats shared by the exports (plain ASCII; the user's text is not here)."""

from __future__ import annotations

from datetime import date

from rankplan.core.model import Activity
from rankplan.core.words import SOAP_WORDS, TIER_WORDS  # noqa: F401  (shared with the screens)

DAY_NAMES: dict[str, str] = {
    "mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
    "fri": "Friday", "sat": "Saturday", "sun": "Sunday",
}

ACTIVITY_WORDS: dict[Activity, str] = {
    Activity.EMPTY: "",
    Activity.STUDY: "study",
    Activity.QBANK: "question bank",
    Activity.PRACTICE_EXAM: "practice exam",
    Activity.CLINICAL: "clinical",
    Activity.RESEARCH: "research",
    Activity.WORK: "work",
    Activity.MENTOR: "mentor",
    Activity.EXERCISE: "exercise",
    Activity.REST: "rest",
    Activity.OFF: "off",
}

def percent(x: float) -> str:
    """A chance as a whole percent that never rounds a risk away: "<1%", ">99%"."""
    if x <= 0.0:
        return "0%"
    if x >= 1.0:
        return "100%"
    if x < 0.005:
        return "<1%"
    if x >= 0.995:
        return ">99%"
    return f"{x:.0%}"


def number(x: float) -> str:
    """A weight or multiplier without a needless ".0": 3, 0.25, 2.5."""
    return f"{x:g}"


def day(d: date | None) -> str:
    return d.isoformat() if d else "-"


def days_from(today: date, when: date) -> str:
    """ "today", "tomorrow", "in 12 days", "yesterday", "30 days ago"."""
    n = (when - today).days
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    if n == -1:
        return "yesterday"
    return f"in {n} days" if n > 0 else f"{-n} days ago"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"
