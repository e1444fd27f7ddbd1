"""Where a schema error's key sits in the file, found by a small text scan (no tomlkit parse
on the error path), and the key path said as people count: ``programs #1 (univ-a).foo``
rather than ``programs[0].foo``.

The scan reads table headers (``[a.b]``, ``[[a]]``: the n-th ``[[a]]`` is item n) and key
lines (``key =``, ``key.sub =``). It is a best effort: a key it cannot find is placed at the
deepest table or key it did find, or not at all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rankplan.storage.errors import PlanError

_PART = re.compile(r'("(?:[^"\\]|\\.)*"|[A-Za-z0-9_-]+)((?:\[\d+\])*)\.?')
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]#]+?)\s*\]\]?\s*(?:#.*)?$")
_ID = re.compile(r'^\s*id\s*=\s*"([^"\n]*)"')
MAX_LOCATED = 200  # errors placed by line; the rest keep their key path only


def _parts(key_path: str) -> list[tuple[str, list[int]]]:
    out, pos = [], 0
    while pos < len(key_path):
        match = _PART.match(key_path, pos)
        if match is None or match.end() == pos:
            break
        indexes = [int(i) for i in re.findall(r"\[(\d+)\]", match.group(2))]
        out.append((match.group(1).strip('"'), indexes))
        pos = match.end()
    return out


def _header_name(raw: str) -> tuple[str, ...]:
    return tuple(p.strip().strip("\"'") for p in raw.split("."))


class _Scan:
    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[tuple[int, bool, tuple[str, ...]]] = []  # line, is [[..]], name
        for number, line in enumerate(self.lines):
            if line.lstrip().startswith("[") and (match := _HEADER.match(line)):
                self.headers.append((number, match.group(1) == "[[", _header_name(match.group(2))))

    def _body_end(self, start: int, end: int) -> int:
        """The first header line at or after ``start`` (before ``end``), else ``end``."""
        for number, _aot, _name in self.headers:
            if start <= number < end:
                return number
        return end

    def _scope_end(self, after: int, end: int, name: tuple[str, ...], aot: bool) -> int:
        """Where the table opened at line ``after`` ends: the next header that is not one of
        its own sub-tables."""
        for number, is_aot, other in self.headers:
            if after < number < end:
                inside = other[: len(name)] == name and len(other) > len(name)
                if not inside:
                    return number
        return end

    def locate(self, key_path: str) -> tuple[int, int, str] | None:
        """(line, column, program id or "") of ``key_path``, from 1; None if not found."""
        start, end = 0, len(self.lines)
        prefix: tuple[str, ...] = ()
        best: tuple[int, int] | None = None
        program_id = ""
        parts = _parts(key_path)
        for depth, (name, indexes) in enumerate(parts):
            full = (*prefix, name)
            header = self._find_header(start, end, full, indexes[0] if indexes else None)
            if header is not None:
                number = header
                best = (number + 1, self.lines[number].find("[") + 1)
                if full == ("programs",):
                    program_id = self._program_id(number + 1, self._scope_end(
                        number, end, full, True))
                start, end = number + 1, self._scope_end(number, end, full, bool(indexes))
                prefix = full
                continue
            if not indexes and self._opens_under(start, end, full):
                prefix = full  # [a.b] with no [a]: go on inside a
                continue
            key_line = self._find_key(start, self._body_end(start, end), name)
            if key_line is None:
                break
            line = self.lines[key_line]
            best = (key_line + 1, line.find(name) + 1)
            col = best[1]
            for later, _ in parts[depth + 1:]:  # a key inside an inline table or array
                found = line.find(later, col)
                if found < 0:
                    break
                col = found + 1
            best = (key_line + 1, col)
            break
        if best is None:
            return None
        return best[0], best[1], program_id

    def _find_header(self, start: int, end: int, name: tuple[str, ...],
                     index: int | None) -> int | None:
        seen = 0
        for number, is_aot, other in self.headers:
            if not start - 1 <= number < end or other != name:
                continue
            if index is None and not is_aot:
                return number
            if index is not None and is_aot:
                if seen == index:
                    return number
                seen += 1
        return None

    def _opens_under(self, start: int, end: int, name: tuple[str, ...]) -> bool:
        return any(start - 1 <= number < end and other[: len(name)] == name
                   and len(other) > len(name) for number, _aot, other in self.headers)

    def _find_key(self, start: int, end: int, name: str) -> int | None:
        pattern = re.compile(r"^\s*[\"']?" + re.escape(name) + r"[\"']?\s*[.=]")
        for number in range(start, end):
            if pattern.match(self.lines[number]):
                return number
        return None

    def _program_id(self, start: int, end: int) -> str:
        for number in range(start, self._body_end(start, end)):
            if match := _ID.match(self.lines[number]):
                return match.group(1)
        return ""


def said(key_path: str, program_id: str = "") -> str:
    """``programs[0].foo`` as ``programs #1 (id).foo``: items counted from 1."""
    def one(match: re.Match) -> str:
        number = f" #{int(match.group(2)) + 1}"
        head = match.group(1)
        named = f" ({program_id})" if head == "programs" and program_id else ""
        return f"{head}{number}{named}"

    first = re.sub(r"^(programs)\[(\d+)\]", one, key_path)
    return re.sub(r"(\w+)\[(\d+)\]",
                  lambda m: f"{m.group(1)} #{int(m.group(2)) + 1}", first)


def place(text: str, errors: list[PlanError]) -> list[PlanError]:
    """Schema errors with the line and column of their key where the scan finds it, and
    their key path said as people count; errors already placed are left as they are."""
    if not any(e.key_path and e.line is None for e in errors):
        return errors
    scan = _Scan(text)
    out = []
    for number, error in enumerate(errors):
        if not error.key_path or error.line is not None or number >= MAX_LOCATED:
            out.append(error)
            continue
        try:
            found = scan.locate(error.key_path)
        except (ValueError, IndexError):  # a text the rough scan misreads: no place, no crash
            found = None
        if found is None:
            out.append(replace(error, said_path=said(error.key_path)))
            continue
        line, col, program_id = found
        out.append(replace(error, said_path=said(error.key_path, program_id), line=line,
                           col=col))
    return out
