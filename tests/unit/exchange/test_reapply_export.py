"""The reapplication year in the exports: a REAPPLY section after GOALS in text and Markdown,
the letters' dates and the planned ERAS day in the .ics (DESIGN §4, §2.6)."""

from __future__ import annotations

from datetime import date

import icalendar
from helpers import ROOT, TODAY

from rankplan.core.model import Advocate, Letter, Plan, Reapply
from rankplan.exchange.blocks import HEADINGS
from rankplan.exchange.ics import export_ics
from rankplan.exchange.markdown import export_markdown
from rankplan.exchange.text import export_text
from rankplan.exchange.textwrap80 import text_width

REAPPLY_DEMO = ROOT / "rankplan" / "data" / "demo_reapply.toml"


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line in (*HEADINGS, "REAPPLY")]


def test_text_has_reapply_after_goals_only_with_reapply(parse_plan, demo_plan: Plan) -> None:
    plan = parse_plan(REAPPLY_DEMO.read_text(encoding="utf-8"))
    text = export_text(plan, TODAY)
    assert headings(text) == [*HEADINGS, "REAPPLY"]
    body = text[text.index("\nREAPPLY\n"):]
    assert "Interviews:     3 offered (7% of applications), 3 attended, 3 ranked" in body
    assert "after programs began reviewing on 2025-09-24" in body
    assert "target: apply to 80-120 programs" in body
    assert "Dr. Lena Lee" in body and "Lakeside Community Hospital" in body
    assert all(text_width(line) <= 80 for line in text.splitlines())
    assert "REAPPLY" not in headings(export_text(demo_plan, TODAY))


def test_markdown_has_reapply_after_goals(parse_plan, demo_plan: Plan) -> None:
    plan = parse_plan(REAPPLY_DEMO.read_text(encoding="utf-8"))
    md = export_markdown(plan, TODAY)
    assert md.index("## Goals") < md.index("## Reapply")
    assert "| Dr. Ade Okafor | Internal Medicine | 2027-08-15 | asked |" in md
    assert "## Reapply" not in export_markdown(demo_plan, TODAY)


def test_an_empty_reapply_table_exports_without_gaps() -> None:
    text = export_text(Plan(reapply=Reapply()), TODAY)
    body = text[text.index("\nREAPPLY\n"):]
    assert "No letters planned yet." in body and "No advocates yet." in body
    assert "year not given" in body


def test_advocates_show_program_names_for_ids(parse_plan) -> None:
    plan = parse_plan('schema = 1\n[[programs]]\nid = "univ-a"\nname = "University A"\n')
    plan.reapply = Reapply(advocates=[Advocate("Dr. P", ["univ-a", "Mercy Hospital"])])
    assert "University A, Mercy Hospital" in export_text(plan, TODAY)


def test_ics_holds_the_letters_and_the_planned_submission() -> None:
    plan = Plan(plan_id="p1", reapply=Reapply(submit_on=date(2027, 9, 3), letters=[
        Letter("Dr. Lee", "Internal Medicine", date(2027, 7, 1)),
        Letter("Dr. Lee", "Internal Medicine", date(2027, 8, 1)),  # a second letter, same author
        Letter("Dr. Undated"),
    ]))
    calendar = icalendar.Calendar.from_ical(export_ics(plan, TODAY))
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    submit = found["reapply-submit-p1@rankplan"]
    assert submit.decoded("DTSTART") == date(2027, 9, 3)
    letters = sorted((e.decoded("DTSTART"), str(e["SUMMARY"])) for uid, e in found.items()
                     if uid.startswith("letter-"))
    assert letters == [(date(2027, 7, 1), "Letter: Dr. Lee"), (date(2027, 8, 1), "Letter: Dr. Lee")]
    assert len([u for u in found if u.startswith("letter-")]) == 2  # unique UIDs


def test_ics_without_reapply_has_no_such_events(demo_plan: Plan) -> None:
    text = export_ics(demo_plan, TODAY)
    assert "reapply-submit" not in text and "UID:letter-" not in text
