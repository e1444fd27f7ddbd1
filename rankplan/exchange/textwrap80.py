"""Wrapping by display width, in terminal cells: a wide character (CJK) takes two cells, a
combining mark none, an emoji ZWJ sequence (👩‍👩‍👧) the two it is drawn in.

``textwrap`` counts characters, so a line of wide characters would run past the paper's edge;
these helpers count cells as a terminal or a fixed-width printout does (``rich.cells``).
Everything here is linear in the length of the text: a 1 MB word (a pasted blob in a note)
is cut in one pass, never measured again piece by piece.
"""

from __future__ import annotations

from rich.cells import cell_len, split_graphemes

from rankplan.core.text import visible


def text_width(text: str) -> int:
    """``text``'s width in terminal cells (ASCII: its length; no control characters are left
    in text that went through ``clean``)."""
    if text.isascii():
        return len(text)
    return cell_len(text)


def clean(text: str) -> str:
    """Text safe to print: one kind of line break, tabs as spaces, control characters as
    visible escapes (``\\x1b``: an escape sequence in a note must not recolour the reader's
    terminal, and it stays visible on paper)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return visible(text)


def _cut(word: str, first: int, width: int) -> list[str]:
    """``word`` cut into pieces of at most ``first`` cells, then ``width`` cells each, in one
    pass; never inside a character cluster (an emoji sequence, a letter and its accent). A
    piece may hold a single cluster wider than its room (a wide character in a 1-cell room)."""
    first, width = max(1, first), max(1, width)
    if word.isascii():  # one cell per character: slices
        pieces = [word[:first]]
        pieces += [word[i:i + width] for i in range(first, len(word), width)]
        return [p for p in pieces if p]
    spans, _ = split_graphemes(word)
    pieces: list[str] = []
    start, used, room = 0, 0, first
    for begin, end, cells in spans:
        if used and used + cells > room:
            pieces.append(word[start:begin])
            start, used, room = begin, 0, width
        used += cells
    pieces.append(word[start:])
    return [p for p in pieces if p]


def wrap_line(line: str, width: int, first_width: int | None = None) -> list[str]:
    """One line of text (no line breaks) filled into lines of at most ``width`` cells; the
    first of them at most ``first_width`` (for a hanging indent)."""
    width = max(1, width)
    limit = max(1, width if first_width is None else first_width)
    out: list[str] = []
    current: list[str] = []  # the words of the line being filled
    used = 0

    def close() -> None:
        nonlocal current, used, limit
        out.append(" ".join(current))
        current, used, limit = [], 0, width

    for word in line.split():
        w = text_width(word)
        if w > width:  # wider than a whole line (a link): cut it, filling this line first
            room = limit - used - 1 if current else limit
            if current and room < 1:
                close()
                room = limit
            head, *rest = _cut(word, room, width)
            used += text_width(head) + (1 if current else 0)
            current.append(head)
            for piece in rest:
                close()
                current, used = [piece], text_width(piece)
            continue
        if current and used + 1 + w > limit:
            close()
        used += w + (1 if current else 0)
        current.append(word)
    out.append(" ".join(current))
    return out


def wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """``text`` wrapped to ``width`` cells (its first line to ``first_width``); its own line
    breaks are kept, and a line's leading spaces (an indented list in a note) indent its
    wrapped lines too."""
    out: list[str] = []
    for n, line in enumerate(clean(text).split("\n")):
        stripped = line.lstrip(" ")
        indent = min(len(line) - len(stripped), width // 2)
        first = None if n or first_width is None else first_width - indent
        out += [" " * indent + part for part in wrap_line(stripped, width - indent, first)]
    return out


def hanging(first: str, rest: str, text: str, width: int) -> list[str]:
    """``text`` wrapped after the prefix ``first``, its later lines after ``rest``."""
    lines = wrap(text, width - text_width(rest), width - text_width(first))
    return [(first if i == 0 else rest) + line for i, line in enumerate(lines)]


def pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - text_width(text))
    return space + text if right else text + space
