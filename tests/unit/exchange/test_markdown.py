"""The Markdown export: the text export's content, marked up, with the user's text escaped."""

from __future__ import annotations

import re

from helpers import TODAY

from rankplan.core.model import Plan
from rankplan.core.rules import evaluate
from rankplan.exchange import content
from rankplan.exchange.blocks import HEADINGS
from rankplan.exchange.markdown import escape, escape_inline, export_markdown
from rankplan.exchange.text import export_text


def test_sections_follow_the_text_exports_order(demo_plan: Plan) -> None:
    md = export_markdown(demo_plan, TODAY)
    titles = re.findall(r"^## (.+)$", md, flags=re.MULTILINE)
    assert [t.upper() for t in titles] == list(HEADINGS)
    assert md.startswith("# Residency Match plan: Jordan Avery\n")


def test_both_renderings_come_from_one_document(demo_plan: Plan, monkeypatch) -> None:
    calls = []
    build = content.build_document

    def counting(plan, today):
        calls.append(today)
        return build(plan, today)

    monkeypatch.setattr("rankplan.exchange.text.build_document", counting)
    monkeypatch.setattr("rankplan.exchange.markdown.build_document", counting)
    export_text(demo_plan, TODAY)
    export_markdown(demo_plan, TODAY)
    assert calls == [TODAY, TODAY]


def test_findings_are_listed_as_check_prints_them(demo_plan: Plan) -> None:
    md = export_markdown(demo_plan, TODAY)
    for finding in evaluate(demo_plan, TODAY):
        assert f"- {escape_inline(finding.line())}\n" in md


def test_the_rank_list_and_the_week_are_tables(demo_plan: Plan) -> None:
    md = export_markdown(demo_plan, TODAY)
    assert ("| Rank | Band | Program | Pref | Likelihood | Here | Value |\n"
            "|---:|---|---|---|---|---:|---:|") in md
    assert ("| 1 | top | Alder Street Hospital (Wexford School of Medicine) | high | green "
            "| 70% | 10.7 |") in md
    assert "| Monday | study | research | question bank |" in md


def test_user_text_cannot_become_markup(awkward_plan: Plan) -> None:
    md = export_markdown(awkward_plan, TODAY)
    assert "Program &#124; with \\* markdown \\_chars\\_ \\[x\\](y) &lt;b>" in md
    assert "> \\# not a heading  \n> \\- not a list  \n> 1\\. not a list either\n" in md
    assert "\x1b" not in md


def test_escape_neutralises_line_start_markers() -> None:
    assert escape("# a\n- b\n+ c\n> d\n12. e\n3) f\n===") == (
        "\\# a\n\\- b\n\\+ c\n\\> d\n12\\. e\n3\\) f\n&#61;==")
    assert escape("plain 3-4 and a < b") == "plain 3-4 and a < b"
    assert escape_inline("a *b* `c` [d] <e> \\") == "a \\*b\\* \\`c\\` \\[d\\] &lt;e> \\\\"


def test_multi_line_notes_become_a_quote(demo_plan: Plan) -> None:
    md = export_markdown(demo_plan, TODAY)
    assert ("> PD emailed me two days later and mentioned my answer about the retake by name.  \n"
            "> Small program (10 per year)") in md


def test_an_empty_plan_exports(demo_plan: Plan) -> None:
    md = export_markdown(Plan(), TODAY)
    assert md.startswith("# Residency Match plan\n")
    assert [t.upper() for t in re.findall(r"^## (.+)$", md, flags=re.MULTILINE)] == list(HEADINGS)
