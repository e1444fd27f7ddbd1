"""Reading CSV text into cells that know where they are (line and column), for messages.

Python's ``csv`` module gives no positions, and a quoted note can span lines, so the record
number is not the line number either. This reader follows RFC 4180 with the habits of
spreadsheets: the separator is ``,``, ``;`` or a tab (whichever the header row uses most),
records end with CRLF, LF or CR, a quoted field may hold separators, line breaks and doubled
quotes, and blank lines are skipped. Line and column count from 1; the column counts
characters, after the byte order mark.
"""

from __future__ import annotations

from dataclasses import dataclass

SEPARATORS = (",", ";", "\t")


@dataclass(frozen=True)
class CsvError:
    """A problem in the CSV file at a line and column, with what would be right."""

    line: int
    col: int
    message: str

    def render(self, path: object) -> str:
        return f"{path}:{self.line}:{self.col}: {self.message}"


@dataclass(frozen=True)
class Cell:
    text: str
    line: int
    col: int
    quoted: bool = False


@dataclass(frozen=True)
class Record:
    """One row: its cells, and its row number as a spreadsheet counts (blank rows too)."""

    row: int
    cells: tuple[Cell, ...]


def sniff_separator(text: str) -> str:
    """The separator the first line uses most (outside quotes); a comma if none."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for c in text:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in "\r\n":
            break
        elif not quoted and c in counts:
            counts[c] += 1
    best = max(SEPARATORS, key=lambda s: counts[s])  # ties go to the first: the comma
    return best if counts[best] else ","


def _position(line_starts: list[int], index: int) -> tuple[int, int]:
    # line_starts is sorted; the last start at or before index is the line.
    lo, hi = 0, len(line_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_starts[mid] <= index:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1, index - line_starts[lo] + 1


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            starts.append(i + 1)
        elif c == "\n":
            starts.append(i + 1)
        i += 1
    return starts


def read_records(text: str, separator: str) -> list[Record] | CsvError:
    """Every non-blank record of ``text`` as positioned cells, or the first syntax error.

    Blank lines are skipped but counted as rows, as a spreadsheet shows them.

    A syntax error (a quote left open, text after a closing quote) stops the reading: what
    follows it cannot be split into cells with any confidence.
    """
    starts = _line_starts(text)

    def where(index: int) -> tuple[int, int]:
        return _position(starts, index)

    records: list[Record] = []
    row: list[Cell] = []
    number = 0
    i, n = 0, len(text)
    while i <= n:
        begin = i
        while i < n and text[i] == " ":  # spaces before an opening quote
            i += 1
        if i < n and text[i] == '"':
            opening = i
            i += 1
            parts: list[str] = []
            while True:
                close = text.find('"', i)
                if close < 0:
                    line, col = where(opening)
                    return CsvError(line, col, "this quoted cell is never closed: a closing "
                                    '" is missing (a quote inside a cell is written twice: "")')
                parts.append(text[i:close])
                if close + 1 < n and text[close + 1] == '"':
                    parts.append('"')
                    i = close + 2
                    continue
                i = close + 1
                break
            while i < n and text[i] == " ":
                i += 1
            if i < n and text[i] not in (separator, "\r", "\n"):
                line, col = where(i)
                return CsvError(line, col, "text after the closing quote of a cell: put the "
                                'whole cell in quotes and write a quote inside it twice ("")')
            value = "".join(parts).replace("\r\n", "\n").replace("\r", "\n")
            line, col = where(opening)
            row.append(Cell(value, line, col, quoted=True))
        else:
            i = begin
            end = i
            while end < n and text[end] not in (separator, "\r", "\n"):
                end += 1
            line, col = where(begin)
            row.append(Cell(text[begin:end], line, col))
            i = end
        if i < n and text[i] == separator:
            i += 1
            continue
        # the end of a record (a line break or the end of the text)
        blank = len(row) == 1 and not row[0].quoted and row[0].text.strip() == ""
        if not (blank and i >= n):  # the end of the text is no row
            number += 1
        if not blank:
            records.append(Record(number, tuple(row)))
        row = []
        if i < n and text[i] == "\r" and i + 1 < n and text[i + 1] == "\n":
            i += 1
        i += 1
    return records
