"""Forgiving date entry: 2026-11-02, 11/2/2026, 11/2, "nov 2", "2 nov 2026"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june",
         "jul july", "aug august", "sep sept september", "oct october", "nov november",
         "dec december"]
    )
    for name in names.split()
}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")
_WORDS = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$|^(\d{1,2})\s+([a-z]+)\.?(?:,?\s+(\d{4}))?$")

FORMS = "2026-11-02, 11/2/2026 or nov 2"

# Every date in a plan lies between these (inclusive): an exam, an interview or a Match is
# never before 1900 nor after 2199, and with dates this far from date.min and date.max the
# back-planning (a cycle a year on, a score lag of weeks) can never overflow.
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
DATE_RANGE = f"from {EARLIEST.isoformat()} to {LATEST.isoformat()}"


def in_range(when: date) -> bool:
    """Whether ``when`` lies between EARLIEST and LATEST, the dates a plan may hold."""
    return EARLIEST <= when <= LATEST


def parse_date(text: str, today: date, *, ahead: bool = False) -> date:
    """The date ``text`` names; a year left out means ``today``'s year, or with ``ahead``
    (a date still to come, such as a test date) the next such date from today on: "jan 20"
    typed in November is next January, not the one gone by.

    Raises ``ValueError`` with a message fit to show beside the field, also for a date that
    exists but lies outside the range a plan may hold (``in_range``).
    """
    when = _parse(text, today)
    if ahead and when < today and not _has_year(text):
        when = _parse(text, date(today.year + 1, 1, 1))
    if not in_range(when):
        raise ValueError(f"{when.isoformat()} is out of range: expected a date {DATE_RANGE}")
    return when


def _has_year(text: str) -> bool:
    raw = text.strip().lower()
    if _ISO.match(raw):
        return True
    if m := _US.match(raw):
        return bool(m[3])
    if m := _WORDS.match(raw):
        return bool(m[3] or m[6])
    return True


def _parse(text: str, today: date) -> date:
    raw = text.strip().lower()
    try:
        if m := _ISO.match(raw):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _US.match(raw):
            year = int(m[3]) if m[3] else today.year
            if m[3] and len(m[3]) == 2:  # 11/2/27: a two-digit year is this century's
                year += 2000
            return date(year, int(m[1]), int(m[2]))
        if m := _WORDS.match(raw):
            month_name, day, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
            month = MONTHS.get(month_name)
            if month is None:
                raise ValueError(f'"{month_name}" is not a month')
            return date(int(year) if year else today.year, month, int(day))
    except ValueError as exc:  # the form was right, the date does not exist
        raise ValueError(f"no such date: {text.strip()} ({exc})") from None
    raise ValueError(f'cannot read "{text.strip()}" as a date; write it as {FORMS}')
