"""Calendar identity and revisions (issue 14 item 1): UIDs per plan, goals by id, SEQUENCE,
LAST-MODIFIED and DTSTAMP, interviews as all-day events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
from helpers import TODAY

from rankplan.cli import main
from rankplan.core.identity import derived_plan_id, ensure_identity
from rankplan.core.model import Goal, GoalDomain, Plan, Program
from rankplan.exchange.ics import export_ics
from rankplan.storage.read import parse_text, read_plan
from rankplan.storage.store import PlanStore

NOW = datetime(2026, 11, 21, 15, 4, 5, tzinfo=UTC)


def vevents(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def uids(text: str) -> set[str]:
    return {str(e["UID"]) for e in vevents(text)}


def by_summary(text: str, start: str) -> icalendar.Event:
    (event,) = [e for e in vevents(text) if str(e["SUMMARY"]).startswith(start)]
    return event


def test_every_uid_names_its_kind_its_key_and_the_plan(demo_plan: Plan) -> None:
    demo_plan.plan_id = "k3f9a0"
    ensure_identity(demo_plan, "/x")
    found = uids(export_ics(demo_plan, TODAY))
    assert all(uid.endswith("-k3f9a0@rankplan") for uid in found)
    assert "week-mon-morning-k3f9a0@rankplan" in found
    assert "milestone-test-k3f9a0@rankplan" in found
    assert "goal-g1-k3f9a0@rankplan" in found
    program = next(p for p in demo_plan.programs if p.interview_date)
    assert f"interview-{program.id}-k3f9a0@rankplan" in found


def test_two_plans_never_share_a_uid(demo_plan: Plan) -> None:
    other = Plan(schedule=demo_plan.schedule, goals=demo_plan.goals)
    ensure_identity(demo_plan, "/home/a/plan.toml")
    ensure_identity(other, "/home/a/other.toml")
    assert not uids(export_ics(demo_plan, TODAY)) & uids(export_ics(other, TODAY))


def test_a_renamed_goal_keeps_its_event() -> None:
    plan = Plan(plan_id="p1", goals=[Goal(title="Call Dr. Lee", due=date(2027, 1, 5), id="g7")])
    before = uids(export_ics(plan, TODAY))
    plan.goals[0].title = "Call Dr. Lee and Dr. Ray"
    plan.goals.insert(0, Goal(title="Another", due=date(2027, 1, 9)))
    ensure_identity(plan, "/x")
    after = uids(export_ics(plan, TODAY))
    assert before < after
    assert plan.goals[0].id == "g8", "a new goal gets the number after the highest"


def test_goals_without_ids_get_them_in_file_order_and_keep_them() -> None:
    plan = Plan(goals=[Goal(title="a"), Goal(title="b", id="g2"), Goal(title="c")])
    assert ensure_identity(plan, "/home/u/plan.toml")
    assert [g.id for g in plan.goals] == ["g3", "g2", "g4"]
    assert plan.plan_id == derived_plan_id("/home/u/plan.toml")
    assert not ensure_identity(plan, "/elsewhere"), "ids once given stay"
    assert plan.plan_id == derived_plan_id("/home/u/plan.toml")


def test_the_goal_article_is_right() -> None:
    plan = Plan(plan_id="p", goals=[Goal(domain=GoalDomain.APPLICATION, title="ERAS",
                                         due=date(2027, 1, 5))])
    text = str(by_summary(export_ics(plan, TODAY), "Goal")["DESCRIPTION"])
    assert text.startswith("An application goal, due 2027-01-05")


def test_interview_dates_are_all_day_events() -> None:
    plan = Plan(plan_id="p", programs=[
        Program(id="univ-a", name="University A, Dept. of Medicine",
                interview_date=date(2026, 11, 2), location="Boston"),
        Program(id="univ-b", name="University B"),
    ])
    event = by_summary(export_ics(plan, TODAY), "Interview")
    assert str(event["UID"]) == "interview-univ-a-p@rankplan"
    assert str(event["SUMMARY"]) == "Interview: University A, Dept. of Medicine"
    assert event.decoded("DTSTART") == date(2026, 11, 2)
    assert event.decoded("DTEND") == date(2026, 11, 3)
    assert "Boston" in str(event["DESCRIPTION"])


def test_dtstamp_is_the_moment_of_the_export() -> None:
    event = vevents(export_ics(Plan(plan_id="p"), TODAY, now=NOW))[0]
    assert event.decoded("DTSTAMP") == NOW


def test_sequence_and_last_modified_grow_with_each_revision_of_the_plan() -> None:
    plan = Plan(plan_id="p", goals=[Goal(title="a", due=date(2027, 1, 5), id="g1")])
    saved = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
    first = by_summary(export_ics(plan, TODAY, revised=saved, now=NOW), "Goal")
    again = by_summary(export_ics(plan, TODAY, revised=saved, now=NOW + timedelta(hours=5)),
                       "Goal")
    assert first["SEQUENCE"] == again["SEQUENCE"], "the same file, the same revision"
    assert first.decoded("LAST-MODIFIED") == saved
    plan.goals[0].title = "a, renamed"
    later = saved + timedelta(minutes=3)
    edited = by_summary(export_ics(plan, TODAY, revised=later, now=NOW), "Goal")
    assert edited["SEQUENCE"] > first["SEQUENCE"]
    assert edited.decoded("LAST-MODIFIED") == later
    assert 0 <= edited["SEQUENCE"] < 2**31, "fits the 32-bit integers calendars use"


def test_a_plan_id_is_optional_validated_and_kept_by_a_save(tmp_path: Path) -> None:
    plan, errors = parse_text('schema = 1\nplan_id = "Not ok"\n')
    assert plan is None and "plan_id" in errors[0].render("f")
    plan, errors = parse_text('schema = 1\n[[goals]]\nid = "g1"\n[[goals]]\nid = "g1"\n')
    assert plan is None and "goals[1].id" in errors[0].render("f")
    path = tmp_path / "plan.toml"
    path.write_text('schema = 1\n\n[[goals]]\ntitle = "a"\n', encoding="utf-8")
    store = PlanStore.open(path)
    try:
        assert ensure_identity(store.plan, str(path.resolve()))
        store.save(store.plan)
    finally:
        store.close()
    text = path.read_text(encoding="utf-8")
    assert f'plan_id = "{derived_plan_id(str(path.resolve()))}"' in text
    assert 'id = "g1"' in text
    assert read_plan(path).plan.goals[0].id == "g1"


def test_the_command_line_export_is_stable_and_differs_per_plan(capsys, demo_path: Path,
                                                                tmp_path: Path) -> None:
    def exported(path: Path) -> set[str]:
        assert main(["--file", str(path), "export", "--format", "ics"]) == 0
        return uids(capsys.readouterr().out)

    copy = tmp_path / "copy.toml"
    copy.write_bytes(demo_path.read_bytes())
    first = exported(demo_path)
    assert exported(demo_path) == first
    assert not exported(copy) & first
