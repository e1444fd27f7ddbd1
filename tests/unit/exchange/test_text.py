"""The text export: the headings of DESIGN §4 in order, 80 columns, ASCII layout, the content."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from helpers import TODAY

from rankplan.core.model import Goal, Plan
from rankplan.core.odds import match_odds
from rankplan.core.rules import evaluate
from rankplan.exchange.blocks import HEADINGS
from rankplan.exchange.text import export_text
from rankplan.exchange.textwrap80 import text_width, wrap

def heading_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line in HEADINGS]


def section(text: str, heading: str) -> str:
    """The body of one section (up to the next heading)."""
    lines = text.splitlines()
    start = lines.index(heading) + 2
    end = next((i for i in range(start, len(lines)) if lines[i] in HEADINGS), len(lines))
    return "\n".join(lines[start:end])


def unwrap_findings(body: str) -> list[str]:
    """The findings of the FINDINGS section with their wrapped lines joined again."""
    findings: list[str] = []
    for line in body.splitlines():
        if re.match(r"^[A-Z]{2}\d{2} ", line):
            findings.append(line)
        elif line.startswith("     ") and findings:
            findings[-1] += " " + line.strip()
    return findings


def test_the_headings_appear_once_each_in_the_order_of_the_design(demo_plan: Plan) -> None:
    assert heading_lines(export_text(demo_plan, TODAY)) == list(HEADINGS)


def test_each_heading_is_underlined(demo_plan: Plan) -> None:
    lines = export_text(demo_plan, TODAY).splitlines()
    for heading in HEADINGS:
        i = lines.index(heading)
        assert lines[i + 1] == "=" * len(heading)
        assert lines[i - 1] == "", "a blank line before each section"


@pytest.mark.parametrize("which", ["awkward_plan", "empty"])
def test_every_line_fits_80_columns(which: str, request: pytest.FixtureRequest) -> None:
    plan = Plan() if which == "empty" else request.getfixturevalue(which)
    text = export_text(plan, TODAY)
    for line in text.splitlines():
        assert text_width(line) <= 80, line
        assert len(line) <= 80, line
    assert heading_lines(text) == list(HEADINGS)


def test_the_demo_fits_80_columns(demo_plan: Plan) -> None:
    for line in export_text(demo_plan, TODAY).splitlines():
        assert len(line) <= 80, line
        assert line == line.rstrip(), "no trailing spaces"


def test_a_300_program_plan_fits_and_keeps_its_headings(generate_plan, parse_plan) -> None:
    plan = parse_plan(generate_plan(300, seed=3))
    text = export_text(plan, TODAY)
    assert all(text_width(line) <= 80 for line in text.splitlines())
    assert heading_lines(text) == list(HEADINGS)
    assert f"{len(plan.rank_list.order)} of 300 programs ranked" in text


def test_layout_is_ascii_and_the_users_words_are_kept(awkward_plan: Plan) -> None:
    plan = awkward_plan
    text = export_text(plan, TODAY)
    users_text = "".join([plan.profile.name, *(p.name + p.location + p.notes
                                               for p in plan.programs)])
    non_ascii = {c for c in text if not c.isascii()}
    assert non_ascii, "the plan's accented and CJK names are in the export"
    assert non_ascii <= set(users_text), "every non-ASCII character is the user's own"
    assert "Hôpital Saint-Éloi" in text and "Zoë 林 O'Brien-Ñúñez" in text
    assert not re.search("[\u2500-\u257f]", text), "no box-drawing characters"
    assert "\x1b" not in text, "no colour codes"


def test_no_control_characters_reach_the_page(awkward_plan: Plan) -> None:
    text = export_text(awkward_plan, TODAY)
    assert "\x1b" not in text and "\t" not in text
    assert "Not red" in text


def test_wide_characters_wrap_by_columns_not_characters() -> None:
    lines = wrap("面接" * 50, 20)
    assert all(text_width(line) <= 20 for line in lines)
    assert [text_width(line) for line in lines[:-1]] == [20] * (len(lines) - 1)


def test_a_long_unbroken_name_is_cut_to_fit(awkward_plan: Plan) -> None:
    text = export_text(awkward_plan, TODAY)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Superlongname" in text


def test_findings_are_exactly_the_check_lines(demo_plan: Plan) -> None:
    text = export_text(demo_plan, TODAY)
    expected = [f.line() for f in evaluate(demo_plan, TODAY)]
    assert expected, "the demo has findings"
    assert unwrap_findings(section(text, "FINDINGS")) == expected


def test_a_plan_without_findings_says_so() -> None:
    plan = Plan()
    plan.schedule.week = {day: ["rest", "mentor", "clinical"] for day in plan.schedule.week}
    if evaluate(plan, TODAY):
        pytest.skip("an empty plan has findings under the current rules")
    assert "No findings" in section(export_text(plan, TODAY), "FINDINGS")


def test_the_rank_list_shows_rank_band_preference_likelihood_and_chance(demo_plan: Plan) -> None:
    body = section(export_text(demo_plan, TODAY), "RANK LIST")
    odds = match_odds(demo_plan)
    row = next(line for line in body.splitlines() if line.startswith("   1  "))
    assert row.split()[:2] == ["1", "top"]
    assert row.split()[-4:] == ["high", "green", "70%", f"{odds.values[0] * 100:.1f}"]
    assert odds.at_rank[0] == pytest.approx(0.7)
    last = next(line for line in body.splitlines() if line.startswith("   8  "))
    assert last.split()[1] == "bottom" and last.split()[-3] == "green*"
    assert "Eastbrook University Hospitals: you would not attend." in body


def test_match_odds_give_the_figures_and_the_assumptions(demo_plan: Plan) -> None:
    body = section(export_text(demo_plan, TODAY), "MATCH ODDS")
    odds = match_odds(demo_plan)
    assert f"P(matched):    {odds.p_matched:.0%}" in body
    assert f"P(unmatched):  {odds.p_unmatched:.0%}" in body
    assert f"P(top 3):      {odds.p_top3:.0%}" in body
    assert f"Expected rank: {odds.expected_rank:.1f}" in body
    assert "Assumptions:" in body and "green x3" in body and "independent" in body


def test_an_empty_plan_exports_every_section() -> None:
    text = export_text(Plan(), TODAY)
    assert heading_lines(text) == list(HEADINGS)
    assert "No programs ranked yet" in text
    assert "no odds to show" in text
    assert "No goals yet." in text
    assert "Residency Match plan\n" in text


def test_goals_are_done_overdue_or_open() -> None:
    plan = Plan(goals=[
        Goal(title="Finished", due=TODAY - timedelta(days=3), done=True),
        Goal(title="Late", due=TODAY - timedelta(days=1)),
        Goal(title="Ahead", due=TODAY + timedelta(days=9)),
        Goal(title="Undated"),
    ])
    body = section(export_text(plan, TODAY), "GOALS").splitlines()
    table = body[body.index(next(line for line in body if line.startswith("---"))) + 1:]
    rows = {line.split()[-1]: line.split()[2] for line in table if line.strip()}
    assert rows == {"Finished": "done", "Late": "overdue", "Ahead": "open", "Undated": "open"}
    assert "1 of 4 goals done; 1 overdue." in export_text(plan, TODAY)


def test_the_timeline_shows_dates_and_days_from_today(demo_plan: Plan) -> None:
    body = section(export_text(demo_plan, TODAY), "TIMELINE")
    assert "2027-04-20  in 150 days  Test day: USMLE Step 3" in body
    assert "2026-09-03  79 days ago  Applications open" in body
    assert f"{TODAY.isoformat()}  today" in body


def test_practice_exams_give_the_readiness_verdict(demo_plan: Plan) -> None:
    body = section(export_text(demo_plan, TODAY), "PRACTICE EXAMS")
    assert "2027-03-13  NBME 2    219" in body
    assert "Ready: the last two scores" in body


def test_the_week_is_a_plain_table(demo_plan: Plan) -> None:
    body = section(export_text(demo_plan, TODAY), "WEEKLY SCHEDULE")
    assert "Monday     study          research         question bank" in body
    assert "Sunday     off            off              -" in body


def test_the_export_does_not_change_the_plan(demo_plan: Plan) -> None:
    before = repr(demo_plan)
    export_text(demo_plan, TODAY)
    assert repr(demo_plan) == before


def test_today_moves_the_day_counts(demo_plan: Plan) -> None:
    later = export_text(demo_plan, date(2027, 4, 10))
    assert re.search(r"2027-04-20  in 10 days +Test day", later)


def test_time_to_the_test_is_not_called_study_time(demo_plan: Plan) -> None:
    """Issue 17 item 10: with a back-planned start, today to the test is the time left, not
    study time ("Study time: 19 weeks and 3 days" beside a 12-week plan)."""
    demo_plan.schedule.study_start = None
    demo_plan.schedule.target_date = TODAY + timedelta(days=136)
    body = section(export_text(demo_plan, TODAY), "TIMELINE")
    assert "Study time" not in body
    assert "Until the test:" in body and "19 weeks and 3 days" in body
