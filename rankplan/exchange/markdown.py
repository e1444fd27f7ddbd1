"""The plan as Markdown (CommonMark with GitHub tables): the text export's content, marked up.

Every piece of text is escaped, so a name or a note can never turn into markup by accident,
in any common renderer (markdown-it, Python-Markdown, mistune, pandoc):

- inside a line: ``\\`` before backslash, backtick, ``*``, ``_`` and brackets; ``~``
  (strike) and ``|`` (tables) as ``&#126;`` and ``&#124;``, which Python-Markdown, unlike
  CommonMark, cannot backslash-escape; a ``<`` that could open a tag as ``&lt;`` and an
  ``&`` that would start an entity as ``&amp;`` (``\\<`` shows a stray backslash in
  Python-Markdown, which passes HTML through);
- at the start of a line: a heading, quote, list, rule or setext underline marker loses its
  meaning, and leading spaces (which would start a code block) become no-break spaces
  (``&nbsp;``), so an indented line keeps its indent and stays text.
"""

from __future__ import annotations

import re
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
from rankplan.exchange.text import bar_lines
from rankplan.exchange.textwrap80 import clean

_INLINE = re.compile(r"[\\`*_\[\]]")
# Characters that Python-Markdown cannot backslash-escape: as numeric entities, which every
# renderer reads as the character (a "|" as &#124; never splits a table cell).
_ENTITIES = {"~": "&#126;", "|": "&#124;"}
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # what could open HTML or an autolink
# What would start a heading, quote, list or rule at the beginning of a line.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def export_markdown(plan: Plan, today: date) -> str:
    """The plan as a Markdown document, with the same sections as the text export."""
    return render(build_document(plan, today))


def escape_inline(text: str) -> str:
    """One line of text inside a line (a cell, a heading, after a label): emphasis, code,
    links and HTML escaped; line breaks become spaces."""
    text = _INLINE.sub(r"\\\g<0>", clean(text).replace("\n", " "))
    text = _TAG.sub("&lt;", _ENTITY.sub("&amp;", text))
    return re.sub("[~|]", lambda m: _ENTITIES[m[0]], text)


def _line_start(line: str) -> str:
    """An escaped line that begins a Markdown line: a leading marker loses its meaning."""
    match = _LINE_START.match(line)
    if not match:
        return line
    indent, marker = match.groups()
    if marker[0].isdigit():  # "1." or "1)": escape what follows the number
        return line[: match.end()] + "\\" + line[match.end():]
    if marker == "=":  # a setext underline; "=" has no backslash escape in Python-Markdown
        return f"{indent}&#61;{line[len(indent) + 1:]}"
    return f"{indent}\\{line[len(indent):]}"


def _indent(line: str) -> str:
    """Leading spaces as no-break spaces: kept, and never the start of a code block."""
    body = line.lstrip(" ")
    return "&nbsp;" * (len(line) - len(body)) + body


def escape(text: str) -> str:
    """Text whose lines each begin a Markdown line (a paragraph, a quote)."""
    return "\n".join(_indent(_line_start(escape_inline(line)))
                     for line in clean(text).split("\n"))


def _multiline(text: str, indent: str) -> str:
    """Text after a list marker or label: its later lines keep their breaks (hard breaks)
    and are indented to stay in the list item."""
    first, *rest = clean(text).split("\n")
    lines = [escape_inline(first), *(indent + escape(line) for line in rest)]
    return "  \n".join(lines)


def _cell(text: str) -> str:
    return escape_inline(text)


def render(doc: Document) -> str:
    parts = [f"# {_cell(doc.title)}", *(escape(p) for p in doc.intro)]
    for section in doc.sections:
        parts += _section(section)
    return "\n\n".join(parts) + "\n"


def _section(section: Section) -> list[str]:
    return [f"## {_cell(section.title)}", *(_block(b) for b in section.blocks)]


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return "  \n".join(escape(block.text).split("\n"))
    if isinstance(block, Subheading):
        return f"### {_cell(block.text)}"
    if isinstance(block, Fields):
        return "\n".join(f"- **{_cell(label)}:** {_multiline(value, '  ')}"
                         for label, value in block.rows)
    if isinstance(block, Lines):
        if block.marker is Marker.NUMBER:
            return "\n".join(f"{i}. {_multiline(item, '   ')}"
                             for i, item in enumerate(block.items, 1))
        return "\n".join(f"- {_multiline(item, '  ')}" for item in block.items)
    if isinstance(block, Checklist):
        return "\n".join(f"- [{'x' if done else ' '}] {_cell(item)}" for done, item in block.items)
    if isinstance(block, Bars):
        return "\n".join(["```text", *(line.rstrip() for line in bar_lines(block)), "```"])
    if isinstance(block, Entry):
        return _entry(block)
    if isinstance(block, Table):
        return _table(block)
    raise TypeError(f"no Markdown layout for {type(block).__name__}")


def _entry(block: Entry) -> str:
    parts = [f"**{escape_inline(block.title)}**",
             "\n".join(f"- {escape_inline(d)}" for d in block.details)]
    notes = block.notes.strip("\n")
    if notes.strip():
        lines = [line.rstrip() for line in escape(notes).split("\n")]
        quoted = [  # a line followed by another in the same paragraph ends in a hard break
            f"> {line}" + ("  " if line and i + 1 < len(lines) and lines[i + 1] else "")
            if line else ">"
            for i, line in enumerate(lines)
        ]
        parts.append("\n".join(quoted))
    return "\n\n".join(parts)


def _table(table: Table) -> str:
    head = "| " + " | ".join(_cell(c.title) for c in table.columns) + " |"
    rule = "|" + "|".join("---:" if c.align is Align.RIGHT else "---" for c in table.columns) + "|"
    rows = ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows]
    return "\n".join([head, rule, *rows])
