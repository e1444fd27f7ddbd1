"""Reading one CSV cell into the value the plan file would hold, forgiving spreadsheet habits.

Each reader takes the cell's text and returns a TOML-shaped value (str, int, float, bool,
date or list), or raises ``ValueError`` with a message that says what would be right.
Whether a word is one of a key's choices, and most ranges, are left to the plan file's own
validation (``storage.validate``), so an import and a file are held to the same rules.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date

from rankplan.core.dates import parse_date

TRUE = frozenset({"true", "yes", "y", "1", "x"})
FALSE = frozenset({"false", "no", "n", "0"})

_TIME = re.compile(r"^(.+?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$")  # "2026-11-02 00:00:00"
_SLASHED_ISO = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")  # 2026/11/02, 2026.11.02


def text(cell: str) -> str:
    return cell.strip()


def note(cell: str) -> str:
    """Notes are kept as written, line breaks and all."""
    return cell


def word(cell: str) -> str:
    """A choice such as "not-mentioned": any case, and spaces or "_" for the hyphens."""
    return re.sub(r"[\s_]+", "-", cell.strip().lower())


def words(cell: str) -> list[str]:
    """A list of choices, separated by ";" or ","."""
    return [word(part) for part in re.split(r"[;,]", cell) if part.strip()]


def boolean(cell: str) -> bool:
    value = cell.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ValueError(f'expected true or false (yes/no, 1/0, or x for yes); got "{cell.strip()}"')


def _number(cell: str) -> float:
    """A number as spreadsheets write it: "0.7", "0,7" (a decimal comma), " 4 "."""
    raw = cell.strip().replace(",", ".")
    value = float(raw)  # raises ValueError
    if not math.isfinite(value):
        raise ValueError(raw)
    return value


def whole(low: int, high: int) -> Callable[[str], int]:
    def read(cell: str) -> int:
        try:
            value = _number(cell)
        except ValueError:
            value = math.nan
        if not value.is_integer():
            raise ValueError(f'expected a whole number from {low} to {high}; got "{cell.strip()}"')
        return int(value)

    return read


def chance(cell: str) -> float:
    """A chance from 0 to 1, or a percent ("70%"); -1 means "use the model"."""
    raw = cell.strip()
    try:
        value = _number(raw[:-1]) / 100 if raw.endswith("%") else _number(raw)
    except ValueError:
        value = math.nan
    if value != -1.0 and not 0.0 <= value <= 1.0:
        raise ValueError(f'expected a chance from 0 to 1 (0.7 or 70%), or empty to use the '
                         f'model; got "{raw}"')
    return value


def rank(cell: str) -> int:
    try:
        value = _number(cell)
    except ValueError:
        value = math.nan
    if not value.is_integer() or value < 1:
        raise ValueError(f'expected a rank: a whole number from 1; got "{cell.strip()}"')
    return int(value)


DATE_ORDERS = ("mdy", "dmy")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")  # 02/11/2026, 2/11
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")  # 02.11.2026: day first
_DASHED_WORDS = re.compile(r"^(\d{1,2})-([a-z]+)\.?-(\d{2}|\d{4})$", re.IGNORECASE)  # 2-Nov-26


def _year(text: str | None, today: date) -> int:
    if not text:
        return today.year
    return int(text) + 2000 if len(text) == 2 else int(text)


# How the command line asks for the order; the app's import dialog says its own way.
DATE_ORDER_ADVICE = (
    "say which with --date-order mdy (month first) or --date-order dmy (day first)")


def _slashed(m: re.Match[str], raw: str, today: date, order: str | None) -> date:
    """A date with slashes: month first or day first as the numbers allow, or as ``order``
    says when both could be right."""
    a, b, year = int(m[1]), int(m[2]), _year(m[3], today)
    if a > 12 >= b:
        order = "dmy"
    elif b > 12 >= a:
        order = "mdy"
    elif a == b:
        order = "mdy"
    elif order not in DATE_ORDERS:
        first, second = date(year, a, b), date(year, b, a)
        raise ValueError(
            f'"{raw}" reads two ways ({first:%B} {first.day} or {second:%B} {second.day}): '
            + DATE_ORDER_ADVICE)
    month, day_ = (a, b) if order == "mdy" else (b, a)
    try:
        return date(year, month, day_)
    except ValueError as exc:
        raise ValueError(f"no such date: {raw} ({exc})") from None


def day(today: date, order: str | None = None) -> Callable[[str], date]:
    """A date in any form ``core.dates.parse_date`` reads, plus what spreadsheets add:
    a time of day after it ("2026-11-02 00:00:00"), "2026/11/02", "2-Nov-2026", "02.11.2026"
    (day first, as Europe writes it) and slashes read by ``order`` ("mdy" or "dmy") where the
    numbers do not decide (02/11/2026; 25/11/2026 can only be day first)."""

    def read(cell: str) -> date:
        raw = cell.strip()
        if m := _TIME.match(raw):
            raw = m[1].strip()
        if m := _SLASHED_ISO.match(raw):
            raw = f"{m[1]}-{m[2]}-{m[3]}"
        try:
            if m := _SLASHED.match(raw):
                return _slashed(m, raw, today, order)
            if m := _DOTTED.match(raw):
                return date(_year(m[3], today), int(m[2]), int(m[1]))
        except ValueError as exc:
            if "reads two ways" in str(exc) or "no such date" in str(exc):
                raise
            raise ValueError(f"no such date: {raw} ({exc})") from None
        if m := _DASHED_WORDS.match(raw):
            raw = f"{m[1]} {m[2]} {_year(m[3], today)}"
        return parse_date(raw, today)

    return read
