"""A neutral document: sections of blocks, built once from the plan and rendered twice.

``content.build_document`` fills these from the plan; ``text`` and ``markdown`` render them.
The builders write plain words only (no markup, no layout); the renderers own all layout,
wrapping and escaping.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Align(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Column:
    title: str
    align: Align = Align.LEFT
    wrap: bool = False  # the column that gives way first when the table is too wide


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Paragraph:
    """Running text; line breaks in it (from the user's notes) are kept."""

    text: str


@dataclass(frozen=True)
class Fields:
    """Label and value pairs ("Name: Jordan Avery")."""

    rows: tuple[tuple[str, str], ...]


class Marker(StrEnum):
    BULLET = "bullet"
    NUMBER = "number"  # 1., 2., ...
    NONE = "none"  # the item as it is (findings keep their ``CODE severity message`` form)


@dataclass(frozen=True)
class Lines:
    """Items shown one per line, as a list. In text, a wrapped item goes on with a hanging
    indent: past the marker, or ``hang`` characters for items without one."""

    items: tuple[str, ...]
    marker: Marker = Marker.BULLET
    hang: int = 4


@dataclass(frozen=True)
class Checklist:
    items: tuple[tuple[bool, str], ...]


@dataclass(frozen=True)
class Bars:
    """A bar chart: (label, fraction from 0 to 1, figure shown after the bar)."""

    rows: tuple[tuple[str, float, str], ...]


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Entry:
    """One program in detail: a title line, detail lines, and the user's notes."""

    title: str
    details: tuple[str, ...]
    notes: str = ""


Block = Table | Paragraph | Fields | Lines | Checklist | Bars | Subheading | Entry


@dataclass(frozen=True)
class Section:
    heading: str  # the text export's heading, in capitals (DESIGN §4)
    title: str  # the same in ordinary case, for Markdown
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    title: str
    intro: tuple[str, ...]
    sections: tuple[Section, ...]


HEADINGS: tuple[str, ...] = (
    "PROFILE",
    "RANK LIST",
    "FINDINGS",
    "MATCH ODDS",
    "SOAP PLAN",
    "WEEKLY SCHEDULE",
    "TIMELINE",
    "PRACTICE EXAMS",
    "GOALS",
)
