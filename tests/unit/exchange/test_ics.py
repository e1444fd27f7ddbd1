"""The iCalendar export, read back by a real parser (icalendar, a test dependency)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import icalendar
from dateutil.rrule import rrulestr
from helpers import TODAY

from rankplan.core.model import Goal, Plan
from rankplan.core.schedule import timeline, week_slots
from rankplan.exchange.ics import escape, export_ics, fold


def events(text: str) -> dict[str, icalendar.Event]:
    """The events by UID, the plan id left out: ``week-mon-morning@rankplan``."""
    calendar = icalendar.Calendar.from_ical(text)
    found = {re.sub(r"-[0-9a-z]+@rankplan$", "@rankplan", str(e["UID"])): e
             for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT")), "UIDs are unique"
    return found


def test_the_file_parses_and_holds_every_event(demo_plan: Plan) -> None:
    found = events(export_ics(demo_plan, TODAY))
    planned = [cell for cell in week_slots(demo_plan.schedule) if cell[2]]
    milestones = timeline(demo_plan, TODAY).milestones
    goals = [g for g in demo_plan.goals if g.due]
    interviews = [p for p in demo_plan.programs if p.interview_date]
    assert len(planned) == 19 and len(milestones) == 14 and len(goals) == 6
    assert len(interviews) >= 1
    assert len(found) == len(planned) + len(milestones) + len(goals) + len(interviews)


def test_week_blocks_recur_weekly_until_the_day_before_the_test(demo_plan: Plan) -> None:
    found = events(export_ics(demo_plan, TODAY))
    monday = found["week-mon-morning@rankplan"]
    assert monday.decoded("DTSTART") == datetime(2027, 2, 1, 8, 0)  # floating: no tzinfo
    assert monday.decoded("DTSTART").tzinfo is None
    assert monday.decoded("DURATION") == timedelta(hours=4)
    rule = monday["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"] == [datetime(2027, 4, 19, 23, 59, 59)]
    assert str(monday["SUMMARY"]) == "Study"
    afternoon = found["week-wed-afternoon@rankplan"].decoded("DTSTART")
    evening = found["week-sat-evening@rankplan"]
    assert afternoon == datetime(2027, 2, 3, 13, 0)
    assert evening.decoded("DTSTART") == datetime(2027, 2, 6, 18, 0)
    assert evening.decoded("DURATION") == timedelta(hours=2)
    assert str(evening["TRANSP"]) == "TRANSPARENT", "rest leaves the time free"
    assert "week-fri-evening@rankplan" not in found, "an empty slot is no event"


def test_the_recurrences_cover_the_study_window(demo_plan: Plan) -> None:
    found = events(export_ics(demo_plan, TODAY))
    monday = found["week-mon-morning@rankplan"]
    rule = rrulestr(monday["RRULE"].to_ical().decode(), dtstart=monday.decoded("DTSTART"))
    dates = [d.date() for d in rule]
    assert dates[0] == date(2027, 2, 1) and dates[-1] == date(2027, 4, 19)
    assert len(dates) == 12  # Mondays from Feb 1 to Apr 19
    sunday = found["week-sun-morning@rankplan"]
    rule = rrulestr(sunday["RRULE"].to_ical().decode(), dtstart=sunday.decoded("DTSTART"))
    assert [d.date() for d in rule][-1] == date(2027, 4, 18)


def test_milestones_and_goals_are_all_day_events(demo_plan: Plan) -> None:
    found = events(export_ics(demo_plan, TODAY))
    test_day = found["milestone-test@rankplan"]
    assert test_day.decoded("DTSTART") == date(2027, 4, 20)
    assert test_day.decoded("DTEND") == date(2027, 4, 21)
    assert str(test_day["SUMMARY"]) == "Test day: USMLE Step 3"
    assert found["milestone-match-day@rankplan"].decoded("DTSTART") == date(2027, 3, 19)
    assert found["milestone-practice-exam-3@rankplan"].decoded("DTSTART") == date(2027, 3, 15)
    goals = [e for uid, e in found.items() if uid.startswith("goal-")]
    assert sorted(e.decoded("DTSTART") for e in goals) == sorted(g.due for g in demo_plan.goals)
    assert all(type(e.decoded("DTSTART")) is date for e in goals)
    done = [str(e["SUMMARY"]) for e in goals if str(e["SUMMARY"]).startswith("Goal (done):")]
    assert len(done) == 3


def test_uids_are_stable_across_exports_and_follow_what_an_event_is(demo_plan: Plan) -> None:
    first = events(export_ics(demo_plan, TODAY))
    assert set(first) == set(events(export_ics(demo_plan, TODAY + timedelta(days=30))))
    demo_plan.schedule.target_date = date(2027, 4, 27)  # the test moves a week
    moved = events(export_ics(demo_plan, TODAY))
    assert moved["milestone-test@rankplan"].decoded("DTSTART") == date(2027, 4, 27)
    assert moved["week-mon-morning@rankplan"]["RRULE"]["UNTIL"] == [
        datetime(2027, 4, 26, 23, 59, 59)]
    demo_plan.goals[0].done = not demo_plan.goals[0].done
    assert set(events(export_ics(demo_plan, TODAY))) == set(moved), "ticking a goal keeps it"


def test_two_goals_with_one_title_get_two_uids() -> None:
    plan = Plan(goals=[Goal(title="Call Dr. Lee", due=date(2027, 1, 5)),
                       Goal(title="Call Dr. Lee", due=date(2027, 2, 5))])
    goals = [uid for uid in events(export_ics(plan, TODAY)) if uid.startswith("goal-")]
    assert len(goals) == 2


def test_crlf_line_endings_and_lines_of_at_most_75_octets(demo_plan: Plan) -> None:
    demo_plan.profile.name = "Zoë 林 " * 30
    demo_plan.goals[0].title = "Écrire à l'hôpital, puis; appeler\\ 東京 " * 10
    text = export_ics(demo_plan, TODAY)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines), "long lines are folded"
    found = events(text)
    titles = [str(e["SUMMARY"]) for e in found.values()]
    assert "Goal (done): " + demo_plan.goals[0].title in titles


def test_text_is_escaped_and_reads_back_exactly() -> None:
    title = 'Comma, semicolon; backslash\\ and\nnew line "quoted"'
    plan = Plan(goals=[Goal(title=title, due=date(2027, 1, 5))])
    (goal,) = [e for uid, e in events(export_ics(plan, TODAY)).items() if uid.startswith("goal")]
    assert str(goal["SUMMARY"]) == "Goal: " + title
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_folding_never_splits_a_character_or_an_escape() -> None:
    line = "SUMMARY:" + "é" * 40 + "\\," * 40
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(p.encode()) <= (75 if i == 0 else 74) for i, p in enumerate(parts))
    for part in parts[:-1]:  # an odd run of backslashes at the end would cut an escape
        assert (len(part) - len(part.rstrip("\\"))) % 2 == 0, part


def test_a_plan_without_dates_still_exports_the_cycle() -> None:
    text = export_ics(Plan(), TODAY)
    found = events(text)
    # no date in the plan, yet the aim gives a report-by date and the study window runs to it
    assert any(uid.startswith("week-") for uid in found)
    assert "milestone-report-by@rankplan" in found
    assert "milestone-match-day@rankplan" in found
    assert "PRODID:-//rankplan//" in text and "VERSION:2.0" in text
