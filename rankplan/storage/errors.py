"""Errors found in a plan file, each naming where it is and what would be right."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from rankplan.core.text import one_line


@dataclass(frozen=True)
class PlanError:
    """One problem in a plan file: at a line and column (syntax) or at a key path (schema)."""

    message: str
    key_path: str = ""
    line: int | None = None
    col: int | None = None
    said_path: str = ""  # key_path as people count (``programs #1 (id).foo``): storage.locate

    def render(self, path: Path | str) -> str:
        """One line, control characters from the file (in a key or a value) made visible."""
        return one_line(self._place(path))

    def _place(self, path: Path | str) -> str:
        if self.line is not None:
            where = f"{self.said_path}: " if self.said_path else ""
            return f"{path}:{self.line}:{self.col or 1}: {where}{self.message}"
        if self.key_path:
            return f"{path}: {self.said_path or self.key_path}: {self.message}"
        return f"{path}: {self.message}"


class PlanFileError(Exception):
    """The plan file cannot be used; ``errors`` says why, each with its place."""

    def __init__(self, path: Path, errors: list[PlanError]) -> None:
        self.path = path
        self.errors = errors
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [e.render(self.path) for e in self.errors]


class PlanBusyError(Exception):
    """Another rankplan holds the lock on this plan."""

    def __init__(self, path: Path, lock_path: Path) -> None:
        self.path = path
        self.lock_path = lock_path
        super().__init__(
            f"{path} is open in another rankplan window (lock: {lock_path}). Close it there, "
            "or open this one with --read-only."
        )


_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


def from_toml_error(exc: tomllib.TOMLDecodeError, text: str) -> PlanError:
    """tomllib's error with its position moved out of the message into line and column."""
    message = str(exc)
    if match := _POSITION.search(message):
        line, col = int(match.group(1)), int(match.group(2))
        message = message[: match.start()]
    elif match := _AT_END.search(message):
        lines = text.splitlines() or [""]
        line, col = len(lines), len(lines[-1]) + 1
        message = message[: match.start()] + " at the end of the file"
    else:
        line, col = 1, 1
    if found := _bad_date(text, line):
        return PlanError(found[1], line=line, col=found[0])
    return PlanError(f"TOML syntax: {message}", line=line, col=col)


_DATE_LIKE = re.compile(
    r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?")
_MONTHS = ("January February March April May June July August September October November "
           "December").split()


def _bad_date(text: str, line: int) -> tuple[int, str] | None:
    """The column and a plain message for a date on ``line`` that is not a real date (tomllib
    says only "Expected newline..." for 2026-13-02), or None."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    code = lines[line - 1]
    for match in _DATE_LIKE.finditer(code):
        if code.count('"', 0, match.start()) % 2 or code.count("'", 0, match.start()) % 2:
            continue  # inside a string: text, not a date
        if problem := _date_problem(*match.groups()):
            return match.start() + 1, f"{match.group(0).strip()}: {problem}"
    return None


def _date_problem(year: str, month: str, day: str, hour: str | None = None,
                  minute: str | None = None, second: str | None = None) -> str:
    import calendar

    if not 1 <= int(month) <= 12:
        return f"{int(month)} is not a month (a date is YEAR-MONTH-DAY, like 2026-11-02)"
    last = calendar.monthrange(int(year), int(month))[1]
    if not 1 <= int(day) <= last:
        return f"{_MONTHS[int(month) - 1]} {year} has no day {int(day)} (it has {last} days)"
    if len(month) < 2 or len(day) < 2:
        return f"write the month and the day with two digits: {year}-{int(month):02d}-{int(day):02d}"
    if hour is not None and (int(hour) > 23 or int(minute) > 59 or int(second or 0) > 60):
        return f"{hour}:{minute} is not a time of day (00:00 to 23:59)"
    return ""


def from_decode_error(exc: UnicodeDecodeError, data: bytes) -> PlanError:
    """Where an undecodable byte sits, as a line and a column (in characters, from 1).

    ``exc`` must come from decoding ``data`` itself (without a BOM), so that its offsets
    point into ``data``. Everything before the bad byte is valid UTF-8.
    """
    before = data[: exc.start]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return PlanError(
        f"not valid UTF-8 (byte 0x{data[exc.start]:02x}): save the file as UTF-8",
        line=line,
        col=col,
    )


MAX_NESTING = 32  # arrays and inline tables inside each other; a plan needs two
MAX_DIGITS = 4300  # Python's limit for reading an integer (sys.get_int_max_str_digits)


def _code_positions(text: str):
    """(index, char) of each character of ``text`` outside strings and comments: a rough TOML
    tokenizer, used only to point at a problem tomllib cannot name (it is slow for big files)."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                if c == '"' and text[j] == "\\":
                    j += 1
                elif len(quote) == 1 and text[j] == "\n":
                    break
                j += 1
            i = j + len(quote)
            continue
        yield i, c
        i += 1


def _at(text: str, index: int, message: str) -> PlanError:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return PlanError(message, line=line, col=col)


def from_deep_nesting(text: str) -> PlanError:
    """Where arrays or inline tables first nest deeper than MAX_NESTING (tomllib gave up with
    a RecursionError and no position)."""
    depth = 0
    for i, c in _code_positions(text):
        if c in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return _at(text, i, f"arrays or inline tables nested more than {MAX_NESTING} "
                                    "deep; a plan file needs no more than 2")
        elif c in "]}":
            depth = max(0, depth - 1)
    return PlanError("nested too deeply to read (arrays or inline tables inside each other)",
                     line=1, col=1)


def from_huge_number(text: str) -> PlanError:
    """Where a number too long to read sits (tomllib raised a ValueError without a position)."""
    run_start, run, previous = 0, 0, -2
    for i, c in _code_positions(text):
        if c.isdigit() or (c == "_" and run):
            if run == 0 or i != previous + 1:
                run_start, run = i, 0
            run += 1
            if run > MAX_DIGITS:
                return _at(text, run_start, f"a number of more than {MAX_DIGITS} digits; "
                                            "no value in a plan needs more than a few")
        else:
            run = 0
        previous = i
    return PlanError("a value tomllib cannot read (a number too long?)", line=1, col=1)
