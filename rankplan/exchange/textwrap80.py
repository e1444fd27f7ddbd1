"""Wrapping by display width: a wide character (CJK) takes two columns, a combining mark none.

``textwrap`` counts characters, so a line of wide characters would run past the paper's edge;
these helpers count columns the way a terminal or a fixed-width printout does.
"""

from __future__ import annotations

import unicodedata


def char_width(c: str) -> int:
    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(map(char_width, text))


def clean(text: str) -> str:
    """Text safe to print: one kind of line break, tabs as spaces, no control characters
    (an escape sequence in a note must not recolour the reader's terminal)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc")


def _split_long(word: str, width: int) -> list[str]:
    """A word wider than ``width`` cut into pieces that fit (a long link, say)."""
    pieces, current, used = [], "", 0
    for c in word:
        w = char_width(c)
        if current and used + w > width:
            pieces.append(current)
            current, used = "", 0
        current += c
        used += w
    return pieces + [current] if current else pieces


def wrap_line(line: str, width: int, first_width: int | None = None) -> list[str]:
    """One line of text (no line breaks) filled into lines of at most ``width`` columns; the
    first of them at most ``first_width`` (for a hanging indent)."""
    limit = max(1, width if first_width is None else first_width)
    out: list[str] = []
    current, used = "", 0

    def close() -> None:
        nonlocal current, used, limit
        out.append(current)
        current, used, limit = "", 0, max(1, width)

    for word in line.split():
        w = text_width(word)
        if w > max(1, width):  # wider than a whole line (a link): cut it, filling this line
            rest = word
            if current and limit - used - 1 > 0:
                head, *_ = _split_long(rest, limit - used - 1)
                current, rest = f"{current} {head}", rest[len(head):]
            if current:
                close()
            while text_width(rest) > limit:
                head, *_ = _split_long(rest, limit)
                current, rest = head, rest[len(head):]
                close()
            current, used = rest, text_width(rest)
            continue
        if current and used + 1 + w > limit:
            close()
        current = f"{current} {word}" if current else word
        used += w + (1 if used else 0)
    out.append(current)
    return out


def wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """``text`` wrapped to ``width`` columns (its first line to ``first_width``); its own line
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
