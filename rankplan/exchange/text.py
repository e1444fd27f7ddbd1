"""The plan as plain text for an advisor: 80 columns, ASCII rules and tables, fit for paper.

Only the layout is ASCII; the user's own words (names, notes) are kept as they are, their
widths counted in terminal cells (``textwrap80``).

Paper (DESIGN §4): pages of 60 lines. A heading (a section's or a subheading) never stands
in the last lines of a page: it starts the next page unless it, its rule, the blank line
after it and two lines of what it heads fit. A table that runs onto a new page repeats its
header there, and a row is not split across pages. Pages are filled with blank lines, not
form feeds, so the file holds no control character and reads the same on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rankplan.core.model import Plan
from rankplan.exchange.blocks import (
    Align,
    Bars,
    Block,
    Checklist,
    Document,
    Entry,
    Fields,
    Lines,
    Marker,
    Paragraph,
    Section,
    Subheading,
    Table,
)
from rankplan.exchange.content import build_document
from rankplan.exchange.textwrap80 import clean, hanging, pad, text_width, wrap

WIDTH = 80
GAP = "  "  # between table columns
BAR_WIDTH = 50  # columns for a 100% bar
MIN_WRAP_COLUMN = 12  # a wrapping column is not squeezed below this while others can give
MIN_COLUMN = 4
ENTRY_INDENT = "   "


def export_text(plan: Plan, today: date) -> str:
    """The plan as a plain-text document with the headings of DESIGN §4, in order."""
    return render(build_document(plan, today))


PAGE_LINES = 60
AFTER_HEADING = 3  # lines that must follow a heading on its page: a blank and two of text


@dataclass(frozen=True)
class _Heading:
    lines: tuple[str, ...]  # the heading and its rule


@dataclass(frozen=True)
class _Table:
    head: tuple[str, ...]  # the header row(s) and the rule under them
    rows: tuple[tuple[str, ...], ...]  # each row's lines


_Piece = list[str] | _Heading | _Table


def render(doc: Document, width: int = WIDTH) -> str:
    pieces: list[_Piece] = [wrap(doc.title, width)]
    for paragraph in doc.intro:
        pieces.append(wrap(paragraph, width))
    for section in doc.sections:
        pieces += [[""], *_section(section, width)]
    return "\n".join(line.rstrip() for line in paginate(pieces)) + "\n"


def _opening(piece: _Piece) -> int:
    """The lines of ``piece`` that must share a page with what comes before it (a heading,
    a table's header): its first two lines, or for a table its header and two rows."""
    if isinstance(piece, _Heading):
        return len(piece.lines) + AFTER_HEADING
    if isinstance(piece, _Table):
        return len(piece.head) + sum(len(row) for row in piece.rows[:2])
    return min(2, len(piece))


def paginate(pieces: list[_Piece], page: int = PAGE_LINES) -> list[str]:
    """The pieces as lines on pages of ``page`` lines (see the module's notes)."""
    out: list[str] = []

    def room() -> int:
        return page - len(out) % page

    def next_page() -> None:
        if len(out) % page:
            out.extend([""] * room())

    for n, piece in enumerate(pieces):
        if isinstance(piece, _Heading):
            # the heading, the blank line after it and the opening of what it heads
            after = pieces[n + 1:n + 3]
            need = len(piece.lines) + sum(len(p) if isinstance(p, list) and not any(p)
                                          else min(_opening(p), page // 2) for p in after)
            if room() < max(need, len(piece.lines) + AFTER_HEADING):
                next_page()
            out.extend(piece.lines)
        elif isinstance(piece, _Table):
            head = list(piece.head)
            if room() < min(_opening(piece), page // 2) and len(out) % page:
                next_page()
            out.extend(head)
            for row in piece.rows:
                if len(row) > room() and len(head) + len(row) <= page:
                    next_page()  # the row does not fit: it starts the next page
                if len(out) % page == 0:  # at the top of a page: the header again
                    out.extend(head)
                out.extend(row)
        else:
            out.extend(piece)
    return out


def _section(section: Section, width: int) -> list[_Piece]:
    pieces: list[_Piece] = [_Heading((section.heading, "=" * len(section.heading)))]
    for block in section.blocks:
        pieces += [[""], _block(block, width)]
    return pieces


def _block(block: Block, width: int) -> _Piece:
    if isinstance(block, Paragraph):
        return wrap(block.text, width)
    if isinstance(block, Subheading):
        text = clean(block.text).replace("\n", " ")
        return _Heading((text, "-" * text_width(text)))
    if isinstance(block, Fields):
        return _fields(block, width)
    if isinstance(block, Lines):
        return _lines(block, width)
    if isinstance(block, Checklist):
        return [line for done, item in block.items
                for line in hanging(f"[{'x' if done else ' '}] ", "    ", item, width)]
    if isinstance(block, Bars):
        return bar_lines(block)
    if isinstance(block, Entry):
        return _entry(block, width)
    if isinstance(block, Table):
        return _table(block, width)
    raise TypeError(f"no text layout for {type(block).__name__}")


def _fields(block: Fields, width: int) -> list[str]:
    label_width = max(text_width(label) for label, _ in block.rows) + 2  # "Label: "
    lines: list[str] = []
    for label, value in block.rows:
        lines += hanging(pad(f"{label}:", label_width), " " * label_width, value, width)
    return lines


def _lines(block: Lines, width: int) -> list[str]:
    lines: list[str] = []
    number_width = len(str(len(block.items)))
    for i, item in enumerate(block.items, 1):
        if block.marker is Marker.NUMBER:
            first = f"{i:>{number_width}}. "
        elif block.marker is Marker.BULLET:
            first = "- "
        else:
            first = ""
        rest = " " * (len(first) or block.hang)
        lines += hanging(first, rest, item, width)
    return lines


def bar_lines(block: Bars) -> list[str]:
    """The chart in ASCII: one row per label, a bar of "#" scaled to BAR_WIDTH for 100%."""
    label_width = max(len(label) for label, _, _ in block.rows)
    figure_width = max(len(figure) for _, _, figure in block.rows)
    return [
        f"{label:>{label_width}}  {'#' * round(min(1.0, max(0.0, f)) * BAR_WIDTH):<{BAR_WIDTH}}"
        f"  {figure:>{figure_width}}"
        for label, f, figure in block.rows
    ]


def _entry(block: Entry, width: int) -> list[str]:
    lines = hanging("", ENTRY_INDENT, block.title, width)
    for detail in block.details:
        lines += hanging(ENTRY_INDENT, ENTRY_INDENT, detail, width)
    if block.notes.strip():
        label = ENTRY_INDENT + "Notes: "
        lines += hanging(label, " " * len(label), block.notes.strip("\n"), width)
    return lines


# -- tables -------------------------------------------------------------------------------------


def _fit(natural: list[int], wraps: list[bool], room: int) -> list[int]:
    """Column widths that fit ``room``: the wrapping columns give way first (down to
    MIN_WRAP_COLUMN), then every column (down to MIN_COLUMN); each time the widest column
    gives one cell, the first of equals first. Worked out level by level, not cell by cell,
    so a cell of a million characters costs no more than a short one."""
    widths = list(natural)
    for floor, which in ((MIN_WRAP_COLUMN, wraps), (MIN_COLUMN, [True] * len(widths))):
        excess = sum(widths) - room
        if excess <= 0:
            break
        widths = _lower(widths, [i for i, w in enumerate(which) if w], floor, excess)
    return widths


def _lower(widths: list[int], eligible: list[int], floor: int, excess: int) -> list[int]:
    """``widths`` with the ``eligible`` columns above ``floor`` lowered by ``excess`` cells
    in all (or as far as ``floor`` allows), the widest first."""
    def cut(level: int) -> int:  # the cells given when every eligible column stops at level
        return sum(max(0, widths[i] - level) for i in eligible)

    top = max((widths[i] for i in eligible), default=floor)
    if top <= floor:
        return widths
    lo, hi = floor, top  # the lowest level whose cut is no more than the excess
    while lo < hi:
        mid = (lo + hi) // 2
        if cut(mid) <= excess:
            hi = mid
        else:
            lo = mid + 1
    level = lo
    out = list(widths)
    for i in eligible:
        out[i] = min(out[i], level)
    left = excess - cut(level)
    if level > floor:  # the rest: one cell each from the first columns at that level
        for i in eligible:
            if left <= 0:
                break
            if out[i] == level:
                out[i] -= 1
                left -= 1
    return out


def _row(cells: list[str], widths: list[int], right: list[bool]) -> list[str]:
    """One table row, its cells wrapped to their columns, as one or more lines."""
    wrapped = [wrap(cell, w) for cell, w in zip(cells, widths)]
    height = max(len(w) for w in wrapped)
    return [
        GAP.join(pad(w[k] if k < len(w) else "", width, r)
                 for w, width, r in zip(wrapped, widths, right))
        for k in range(height)
    ]


def _table(table: Table, width: int) -> _Table:
    columns = table.columns
    rows = [[clean(cell).replace("\n", " ") for cell in row] for row in table.rows]
    natural = [
        max([text_width(c.title)] + [text_width(row[i]) for row in rows])
        for i, c in enumerate(columns)
    ]
    room = width - len(GAP) * (len(columns) - 1)
    widths = _fit(natural, [c.wrap for c in columns], room)
    right = [c.align is Align.RIGHT for c in columns]
    head = _row([c.title for c in columns], widths, right)
    head.append(GAP.join("-" * w for w in widths))
    return _Table(tuple(head), tuple(tuple(_row(row, widths, right)) for row in rows))

