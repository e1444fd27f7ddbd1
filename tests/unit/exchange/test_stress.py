"""A plan full of hostile text, exported to every format and read back by real readers
(issue 14's "tests that must exist"; issue 12 items 7 and 8)."""

from __future__ import annotations

import dataclasses
import html.parser
import re
from datetime import date
from pathlib import Path

import icalendar
import pytest
from helpers import TODAY
from markdown_it import MarkdownIt

from rankplan.core.identity import ensure_identity
from rankplan.core.model import Goal, GoalDomain, Plan, Practice, Profile, Program, RankList
from rankplan.core.text import visible
from rankplan.exchange.blocks import Bars, Subheading, Table
from rankplan.exchange.content import build_document
from rankplan.exchange.csv_export import export_csv
from rankplan.exchange.csv_import import ImportResult, import_csv
from rankplan.exchange.ics import export_ics
from rankplan.exchange.markdown import export_markdown
from rankplan.exchange.text import export_text
from rankplan.exchange.textwrap80 import text_width

FAMILY = "👩\u200d👩\u200d👧\u200d👦"
STRINGS = [
    "Comma, semicolon; and a backslash \\ too",
    "東京大学医学部附属病院 総合内科",
    f"Family {FAMILY} and {FAMILY}{FAMILY}",
    "=1+1",
    "~~struck~~ and ~single~",
    "| a | b |",
    "<script>alert(1)</script>",
    "*star* _under_ `tick` [link](http://x) ![img](y) &amp; &#60;",
    "Escape \x1b]0;owned\x07 and \x1b[2J cleared",
    "+41 22 and -5 and @SUM(A1)",
]
NOTES = "\n".join([
    "First line, with a comma; and a semicolon",
    "    four spaces of indent: not code",
    "| a | b |",
    "|---|---|",
    "# not a heading",
    "===",
    "- not a list",
    "1. not a list either",
    "> not a quote",
    "~~s~~ <script>x</script> \x1b[31mred\x1b[0m",
    f"CJK 面接 and {FAMILY}",
])


def stress_plan() -> Plan:
    programs = [
        Program(id=f"p{i}", name=text, location=STRINGS[-1 - i], notes=f"{text}\n{NOTES}",
                interview_date=date(2026, 11, 2 + i), criteria={"fit": 1 + i % 5})
        for i, text in enumerate(STRINGS)
    ]
    plan = Plan(
        profile=Profile(name="Zoë; \\ 林, =1+1 ~~s~~", story_context=NOTES),
        criteria={"fit": 2.0},
        programs=programs,
        rank_list=RankList([p.id for p in programs]),
        goals=[Goal(domain=GoalDomain.APPLICATION, title=t, due=date(2027, 1, 1 + i))
               for i, t in enumerate(STRINGS)],
    )
    plan.schedule.practice = [Practice(date=date(2027, 3, 1), form=STRINGS[5], score=220)]
    ensure_identity(plan, "/home/someone/stress/plan.toml")
    return plan


# -- iCalendar ----------------------------------------------------------------------------------


def test_the_calendar_parses_folds_to_75_octets_and_differs_from_the_demo(
        demo_plan: Plan, demo_path: Path) -> None:
    plan = stress_plan()
    text = export_ics(plan, TODAY)
    lines = text.split("\r\n")
    assert lines[-1] == "" and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert not any(c in text for c in "\x1b\x07"), "no control character reaches the file"
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == len(events)
    summaries = {str(e["SUMMARY"]) for e in events}
    for title in STRINGS:
        assert f"Goal: {visible(title)}" in summaries
        assert f"Interview: {visible(title)}" in summaries
    ensure_identity(demo_plan, str(demo_path.resolve()))
    demo_uids = {str(e["UID"]) for e in
                 icalendar.Calendar.from_ical(export_ics(demo_plan, TODAY)).walk("VEVENT")}
    assert not uids & demo_uids


# -- Markdown -----------------------------------------------------------------------------------


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def rendered(md: str) -> tuple[str, str]:
    """The HTML markdown-it makes of ``md`` (tables, strike and raw HTML on), and its text."""
    page = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(md)
    reader = _Text()
    reader.feed(page)
    return page, _flat("".join(reader.parts))


def test_markdown_renders_every_string_literally() -> None:
    plan = stress_plan()
    md = export_markdown(plan, TODAY)
    for stray in ("\\~", "\\|", "\\<", "\\="):  # not escapes in Python-Markdown
        assert stray not in md, stray
    page, text = rendered(md)
    for value in [*STRINGS, *NOTES.split("\n")]:
        assert _flat(visible(value)) in text, value
    assert "    four spaces of indent" in page.replace("\xa0", " "), "the indent is kept"
    doc = build_document(plan, TODAY)
    blocks = [b for s in doc.sections for b in s.blocks]
    assert page.count("<table>") == sum(isinstance(b, Table) for b in blocks)
    assert page.count("<pre>") == sum(isinstance(b, Bars) for b in blocks)
    assert page.count("<h1>") == 1 and page.count("<h2>") == len(doc.sections)
    assert page.count("<h3>") == sum(isinstance(b, Subheading) for b in blocks)
    for tag in ("<script", "<del>", "<s>", "<h4", "<h5", "<h6", "<img", "<a ", "<em>",
                "<strong>x", "<code>", "<blockquote>\n<blockquote>"):
        assert tag not in page, tag
    assert "\x1b" not in page


def test_markdown_keeps_its_own_markup(demo_plan: Plan) -> None:
    page, _ = rendered(export_markdown(demo_plan, TODAY))
    assert "<table>" in page and "<strong>" in page and "<blockquote>" in page


# -- CSV ----------------------------------------------------------------------------------------


def _visible_program(program: Program) -> Program:
    return dataclasses.replace(program, name=visible(program.name).strip(),
                               location=visible(program.location).strip(),
                               notes=visible(program.notes))


def test_the_csv_reimports_to_the_same_programs() -> None:
    plan = stress_plan()
    text = export_csv(plan, TODAY)
    assert "\x1b" not in text
    assert "\r\n'=1+1" not in text and ",'=1+1," in text, "a formula cell is text"
    result = import_csv(Plan(criteria={"fit": 2.0}), text, today=TODAY)
    assert isinstance(result, ImportResult), [e.render("x.csv") for e in result]
    assert result.plan.programs == [_visible_program(p) for p in plan.programs]
    assert result.plan.rank_list.order == plan.rank_list.order


# -- text ---------------------------------------------------------------------------------------


def test_the_text_fits_80_cells_and_shows_no_control_character() -> None:
    text = export_text(stress_plan(), TODAY)
    for line in text.splitlines():
        assert text_width(line) <= 80, line
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    assert "\\x1b]0;owned\\x07" in text
    assert FAMILY in text and "=1+1" in text


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_megabyte_note_exports(fmt: str) -> None:
    from rankplan.exchange.render import render

    plan = Plan(programs=[Program(id="a", name="n" * 1_000_000, notes="x" * 1_000_000)],
                rank_list=RankList(["a"]))
    out = render(fmt, plan, TODAY)
    assert out.count("x") >= 1_000_000 and out.count("n") >= 2_000_000
