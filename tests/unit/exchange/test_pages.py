"""The text export on paper: pages of 60 lines, no heading at the foot of a page, tables that
break repeat their header (issue 14 item 4, DESIGN §4)."""

from __future__ import annotations

import re

import pytest
from helpers import TODAY

from rankplan.core.model import Plan
from rankplan.exchange.blocks import (
    Align,
    Column,
    Document,
    Lines,
    Paragraph,
    Section,
    Subheading,
    Table,
)
from rankplan.exchange.text import PAGE_LINES, export_text, render
from rankplan.exchange.textwrap80 import text_width

HEAD = "Program  Score"
ROW = re.compile(r"^Program \d{3} ")


def document(lead: int, rows: int = 150) -> Document:
    """A title, ``lead`` lines of text, then sections with subheadings and a long table."""
    table = Table((Column("Program"), Column("Score", Align.RIGHT)),
                  tuple((f"Program {i:03}", str(i)) for i in range(rows)))
    return Document("Title", ("\n".join(f"line {i}" for i in range(lead)),) if lead else (), (
        Section("FIRST", "First", (Paragraph("one"), Subheading("Sub one"), Lines(("a", "b")))),
        Section("SECOND", "Second", (Subheading("The table"), table, Paragraph("after"))),
        Section("THIRD", "Third", (Paragraph("x\ny\nz"), Subheading("Sub three"),
                                   Paragraph("end"))),
    ))


def headings(lines: list[str]) -> list[int]:
    """Where each heading is: a line underlined by = or - (the rule as long as the line)."""
    return [i for i in range(len(lines) - 1)
            if lines[i] and set(lines[i + 1]) in ({"="}, {"-"})
            and len(lines[i + 1]) == text_width(lines[i])]


@pytest.mark.parametrize("lead", range(0, 62))
def test_no_heading_sits_at_the_foot_of_a_page(lead: int) -> None:
    lines = render(document(lead)).splitlines()
    found = headings(lines)
    assert len(found) == 6
    for i in found:
        # the heading, its rule, a blank line and two lines of what it heads: one page
        assert i % PAGE_LINES <= PAGE_LINES - 5, (lead, i, lines[i])


@pytest.mark.parametrize("lead", [0, 17, 40, 55, 58])
def test_a_table_that_breaks_repeats_its_header_on_each_page(lead: int) -> None:
    lines = render(document(lead)).splitlines()
    pages = [lines[k:k + PAGE_LINES] for k in range(0, len(lines), PAGE_LINES)]
    with_rows = [p for p in pages if any(ROW.match(line) for line in p)]
    assert len(with_rows) >= 3, "the table spans pages"
    for page in with_rows:
        first_row = next(k for k, line in enumerate(page) if ROW.match(line))
        assert first_row >= 2, "a page never starts with a row"
        assert page[first_row - 2].split() == HEAD.split()
        assert set(page[first_row - 1]) == {"-", " "}
    rows = [line for line in lines if ROW.match(line)]
    assert len(rows) == 150, "every row once"


def test_real_plans_keep_the_rules(demo_plan: Plan, awkward_plan: Plan) -> None:
    for plan in (demo_plan, awkward_plan, Plan()):
        lines = export_text(plan, TODAY).splitlines()
        for i in headings(lines):
            assert i % PAGE_LINES <= PAGE_LINES - 5, (i, lines[i])
        assert all(text_width(line) <= 80 for line in lines)


@pytest.mark.parametrize("programs", [40, 300])
def test_a_big_plan_reads_cleanly_page_by_page(programs: int, generate_plan, parse_plan) -> None:
    lines = export_text(parse_plan(generate_plan(programs, 7)), TODAY).splitlines()
    for i in headings(lines):
        assert i % PAGE_LINES <= PAGE_LINES - 5, (i, lines[i])
    pages = [lines[k:k + PAGE_LINES] for k in range(0, len(lines), PAGE_LINES)]
    rank_head = next(line for line in lines if line.startswith("Rank "))
    for page in pages[1:]:
        body = [line for line in page if line.strip()]
        if body and re.match(r"^\s*\d+\s+(top|core|reach|safety|backup|-)", body[0]):
            pytest.fail(f"a page starts with a table row without its header: {body[0]!r}")
    assert sum(line == rank_head for line in lines) >= 2, "the rank list's header repeats"
    assert all(text_width(line) <= 80 for line in lines)
