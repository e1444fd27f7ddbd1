"""SC01-SC08 through rules.evaluate: each raised and not raised, at their boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import TODAY

from rankplan.core.findings import REGISTRY, Finding, Section, Severity
from rankplan.core.model import (
    DAYS,
    Activity,
    Aim,
    Cycle,
    Exam,
    ExamAttempt,
    ExamResult,
    Plan,
    Practice,
    Schedule,
)
from rankplan.core.rules import evaluate

A = Activity
OPENS = date(2027, 9, 3)
READY = [Practice(date(2026, 11, 1), "NBME 13", 230), Practice(date(2026, 11, 15), "NBME 14", 232)]


def plan(**schedule: object) -> Plan:
    """A plan whose schedule raises nothing unless ``schedule`` says otherwise."""
    return Plan(schedule=Schedule(**schedule), cycle=Cycle(applications_open=OPENS))


def found(p: Plan) -> list[Finding]:
    return evaluate(p, TODAY, Section.SCHEDULE)


def codes(p: Plan) -> list[str]:
    return [f.code for f in found(p)]


def one(p: Plan, code: str) -> Finding:
    hits = [f for f in found(p) if f.code == code]
    assert len(hits) == 1, hits
    return hits[0]


def week_with(*activities: Activity) -> dict[str, list[Activity]]:
    """A week of study with ``activities`` placed in the Monday slots."""
    week = {day: [A.STUDY, A.QBANK, A.EMPTY] for day in DAYS}
    week["mon"] = [*activities, *[A.EMPTY] * (3 - len(activities))]
    return week


def test_the_schedule_rules_are_registered_in_the_schedule_section() -> None:
    severities = {code: REGISTRY[code].severity for code in REGISTRY if code.startswith("SC")}
    assert severities == {
        "SC01": Severity.DANGER, "SC02": Severity.WARNING, "SC03": Severity.DANGER,
        "SC04": Severity.WARNING, "SC05": Severity.WARNING, "SC06": Severity.INFO,
        "SC07": Severity.INFO, "SC08": Severity.INFO,
    }
    assert all(REGISTRY[f"SC0{i}"].section is Section.SCHEDULE for i in range(1, 9))


def test_a_plan_with_no_schedule_dates_and_the_default_week_raises_nothing() -> None:
    assert codes(Plan()) == []


def test_a_well_planned_schedule_raises_nothing() -> None:
    p = plan(target_date=date(2027, 7, 20), study_start=date(2027, 4, 26),
             report_by=date(2027, 9, 24), practice=READY)
    assert codes(p) == []


# -- SC01: the score reports after report_by ---------------------------------------------------


def test_sc01_report_exactly_on_report_by_is_safe() -> None:
    # 2027-07-20 + 4 weeks = 2027-08-17
    p = plan(target_date=date(2027, 7, 20), report_by=date(2027, 8, 17), score_lag_weeks=4,
             practice=READY)
    assert "SC01" not in codes(p)


def test_sc01_report_one_day_after_report_by() -> None:
    p = plan(target_date=date(2027, 7, 21), report_by=date(2027, 8, 17), score_lag_weeks=4,
             practice=READY)
    finding = one(p, "SC01")
    assert finding.severity is Severity.DANGER
    for named in ("2027-07-21", "2027-08-18", "2027-08-17", "2027-07-20"):
        assert named in finding.message  # test, report, report-by, latest safe test date


def test_sc01_follows_the_score_lag() -> None:
    base = {"target_date": date(2027, 7, 20), "report_by": date(2027, 8, 17), "practice": READY}
    assert "SC01" in codes(plan(score_lag_weeks=5, **base))
    assert "SC01" not in codes(plan(score_lag_weeks=3, **base))


def test_sc01_needs_a_target_date() -> None:
    assert "SC01" not in codes(plan(report_by=date(2026, 12, 1)))


def test_sc01_without_report_by_reads_the_date_the_aim_gives() -> None:
    # no programs: the aim is the season ahead (opening 2027-09-03), reviewed from 2027-09-24
    assert "SC01" not in codes(plan(target_date=date(2027, 8, 27), practice=READY))
    finding = one(plan(target_date=date(2027, 8, 28), practice=READY), "SC01")
    assert "2027-09-24" in finding.message


# -- SC02: the score reports after September of the application year ---------------------------


@pytest.mark.parametrize(("target", "chance"), [
    (date(2027, 8, 31), None),    # reports 2027-09-28
    (date(2027, 9, 7), "70%"),    # reports 2027-10-05
    (date(2027, 10, 12), "40%"),  # reports 2027-11-09
    (date(2027, 11, 16), "15%"),  # reports 2027-12-14
    (date(2027, 12, 14), "15%"),  # reports 2028-01-11
])
def test_sc02_by_report_month(target: date, chance: str | None) -> None:
    p = plan(target_date=target, score_lag_weeks=4, practice=READY)
    if chance is None:
        assert "SC02" not in codes(p)
        return
    finding = one(p, "SC02")
    assert finding.severity is Severity.WARNING
    assert chance in finding.message
    report = target + timedelta(weeks=4)
    assert report.isoformat() in finding.message and "2027-09-03" in finding.message


def test_sc02_uses_the_default_cycle_when_the_plan_has_none() -> None:
    # today 2026-11-21: the default cycle opens 2027-09-03
    p = Plan(schedule=Schedule(target_date=date(2027, 9, 7), practice=READY))
    assert "70%" in one(p, "SC02").message
    early = Plan(schedule=Schedule(target_date=date(2027, 7, 20), practice=READY))
    assert "SC02" not in codes(early)


def test_sc02_reads_the_application_year_from_the_plans_cycle() -> None:
    p = plan(target_date=date(2027, 9, 7), practice=READY)
    p.cycle = Cycle(applications_open=date(2028, 9, 3))
    assert "SC02" not in codes(p)


def test_sc02_needs_a_target_date() -> None:
    assert "SC02" not in codes(plan(report_by=date(2027, 12, 30)))


# -- SC03: test within 14 days and not ready ---------------------------------------------------

ONE_SCORE = [Practice(date(2026, 11, 10), "NBME 12", 240)]
SHORT = [Practice(date(2026, 11, 1), "NBME 13", 230), Practice(date(2026, 11, 15), "NBME 14", 223)]


def soon(days: int, practice: list[Practice]) -> Plan:
    return plan(target_date=TODAY + timedelta(days=days), passing_score=214,
                study_start=TODAY - timedelta(weeks=12), practice=practice)


def test_sc03_at_14_days_with_one_score() -> None:
    finding = one(soon(14, ONE_SCORE), "SC03")
    assert finding.severity is Severity.DANGER
    assert "2026-12-05" in finding.message and "14 days" in finding.message
    assert "only one" in finding.message and "240" in finding.message


def test_sc03_not_at_15_days() -> None:
    assert "SC03" not in codes(soon(15, ONE_SCORE))
    assert "SC03" not in codes(soon(15, SHORT))


def test_sc03_last_two_scores_not_both_at_target() -> None:
    finding = one(soon(10, SHORT), "SC03")
    assert "223" in finding.message and "224" in finding.message


def test_sc03_not_when_ready_at_exactly_passing_plus_margin() -> None:
    exact = [Practice(date(2026, 11, 1), "A", 224), Practice(date(2026, 11, 15), "B", 224)]
    assert "SC03" not in codes(soon(5, exact))


def test_sc03_on_test_day_and_not_after_it() -> None:
    assert "today" in one(soon(0, SHORT), "SC03").message
    assert "SC03" not in codes(soon(-1, SHORT))


def test_sc03_with_no_score_at_all() -> None:
    assert "no practice score" in one(soon(7, []), "SC03").message


# -- SC04: fewer study weeks than recommended --------------------------------------------------


def test_sc04_exactly_the_recommended_weeks_is_enough() -> None:
    p = plan(target_date=date(2027, 7, 20), study_start=date(2027, 4, 27), practice=READY)
    assert "SC04" not in codes(p)  # 12 weeks exactly


def test_sc04_one_day_short() -> None:
    p = plan(target_date=date(2027, 7, 20), study_start=date(2027, 4, 28), practice=READY)
    finding = one(p, "SC04")
    assert finding.severity is Severity.WARNING
    assert "2027-04-28" in finding.message and "2027-07-20" in finding.message
    assert "11 weeks and 6 days" in finding.message and "12 weeks" in finding.message


def test_sc04_uses_the_step1_recommendation() -> None:
    baseline = [Practice(date(2027, 1, 2), "NBME 25", 172)]  # 6 weeks
    start = date(2027, 1, 4)
    enough = plan(exam=Exam.STEP1, target_date=start + timedelta(weeks=6), study_start=start,
                  practice=baseline)
    short = plan(exam=Exam.STEP1, target_date=start + timedelta(weeks=6, days=-1),
                 study_start=start, practice=baseline)
    for p in (enough, short):  # a retake: the failure is on record
        p.profile.exams = [ExamAttempt(Exam.STEP1, date(2026, 6, 1), ExamResult.FAIL)]
    assert "SC04" not in codes(enough)
    assert "6 weeks" in one(short, "SC04").message


def test_sc04_without_a_study_start_counts_from_today() -> None:
    assert "SC04" not in codes(plan(target_date=TODAY + timedelta(weeks=12), practice=READY))
    finding = one(plan(target_date=TODAY + timedelta(weeks=12, days=-1), practice=READY), "SC04")
    assert "today" in finding.message and TODAY.isoformat() in finding.message


def test_sc04_needs_a_target_date_and_a_past_test_without_start_is_left_alone() -> None:
    assert "SC04" not in codes(plan(study_start=date(2027, 1, 1)))
    assert "SC04" not in codes(plan(target_date=TODAY - timedelta(days=3), practice=READY))


# -- SC05-SC07: the week grid ------------------------------------------------------------------


def test_sc05_no_rest_or_off_block() -> None:
    finding = one(plan(week=week_with(A.MENTOR, A.CLINICAL)), "SC05")
    assert finding.severity is Severity.WARNING and "rest" in finding.message


@pytest.mark.parametrize("block", [A.REST, A.OFF])
def test_sc05_not_with_a_rest_or_an_off_block(block: Activity) -> None:
    assert "SC05" not in codes(plan(week=week_with(A.MENTOR, A.CLINICAL, block)))


def test_sc06_no_mentor_block() -> None:
    p = plan(week=week_with(A.CLINICAL, A.REST))
    assert one(p, "SC06").severity is Severity.INFO
    assert codes(p) == ["SC06"]
    assert "SC06" not in codes(plan(week=week_with(A.CLINICAL, A.REST, A.MENTOR)))


def test_sc07_no_clinical_block() -> None:
    p = plan(week=week_with(A.MENTOR, A.OFF))
    assert one(p, "SC07").severity is Severity.INFO
    assert codes(p) == ["SC07"]
    assert "SC07" not in codes(plan(week=week_with(A.MENTOR, A.OFF, A.CLINICAL)))


def test_an_empty_week_raises_all_three_week_findings() -> None:
    empty = {day: [A.EMPTY] * 3 for day in DAYS}
    assert codes(plan(week=empty)) == ["SC05", "SC06", "SC07"]


# -- SC08: a test date and no practice score ---------------------------------------------------


def test_sc08_test_date_and_no_practice_score() -> None:
    finding = one(plan(target_date=date(2027, 7, 20), study_start=date(2027, 4, 1)), "SC08")
    assert finding.severity is Severity.INFO
    assert "2027-07-20" in finding.message and "USMLE Step 2 CK" in finding.message


def test_sc08_a_zero_score_is_no_score() -> None:
    p = plan(target_date=date(2027, 7, 20), study_start=date(2027, 4, 1),
             practice=[Practice(date(2027, 5, 1), "NBME 13", 0)])
    assert "SC08" in codes(p)


def test_sc08_not_with_a_score_or_without_a_test_date() -> None:
    assert "SC08" not in codes(plan(target_date=date(2027, 7, 20), study_start=date(2027, 4, 1),
                                    practice=[Practice(date(2027, 5, 1), "NBME 13", 190)]))
    assert "SC08" not in codes(plan())


def test_schedule_findings_are_ordered_most_severe_first() -> None:
    p = plan(target_date=TODAY + timedelta(days=3), report_by=TODAY + timedelta(days=10),
             week={day: [A.EMPTY] * 3 for day in DAYS})
    assert codes(p) == ["SC01", "SC03", "SC04", "SC05", "SC06", "SC07", "SC08"]


def test_sc01_says_when_the_latest_safe_test_date_has_passed() -> None:
    p = plan(target_date=TODAY + timedelta(days=30), report_by=TODAY + timedelta(days=20),
             practice=READY)
    message = one(p, "SC01").message
    assert "has passed" in message and (TODAY - timedelta(days=8)).isoformat() in message


def test_sc02_only_when_aiming_at_the_next_season() -> None:
    """In the 2027 Match (opened 2026-09-03), the season ahead opens 2027-09-03."""
    cycle = Cycle(applications_open=date(2026, 9, 3), programs_review=date(2026, 9, 24),
                  rank_deadline=date(2027, 3, 3), match_day=date(2027, 3, 19))
    october = Schedule(exam=Exam.STEP3, target_date=date(2027, 9, 20), practice=READY)
    p = Plan(cycle=cycle, schedule=october)
    assert "70%" in one(p, "SC02").message and "2027 application year" in one(p, "SC02").message
    october.aim = Aim.RANK_DEADLINE
    assert "SC02" not in codes(p)


def test_sc02_is_silent_for_a_report_after_the_season_is_over() -> None:
    cycle = Cycle(applications_open=date(2026, 9, 3))
    late = Plan(cycle=cycle, schedule=Schedule(target_date=date(2028, 3, 10), practice=READY))
    assert "SC02" not in codes(late)


def test_only_schedule_findings_and_no_odds_depend_on_the_schedule_and_goals() -> None:
    """The Schedule screen re-runs only the schedule rules after an edit and keeps the odds;
    that is right only if nothing else reads the schedule or the goals."""
    import sys
    from pathlib import Path

    from rankplan.core.model import Goal
    from rankplan.core.odds import match_odds
    from rankplan.storage.read import parse_text

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "perf"))
    from genplan import generate_plan

    p, _ = parse_text(generate_plan(40, seed=5))
    others = [f for f in evaluate(p, TODAY) if f.section != Section.SCHEDULE]
    odds = match_odds(p)
    s = p.schedule
    s.exam = Exam.COMLEX2
    s.target_date, s.study_start, s.report_by = TODAY, None, TODAY + timedelta(days=3)
    s.score_lag_weeks, s.passing_score, s.margin = 9, 250, 30
    s.week = {day: [Activity.OFF] * 3 for day in DAYS}
    s.practice = [Practice(date=TODAY, form="NBME 1", score=120)]
    p.goals = [Goal(title="overdue", due=TODAY - timedelta(days=30))]
    assert [f for f in evaluate(p, TODAY) if f.section != Section.SCHEDULE] == others
    assert match_odds(p) == odds
    assert evaluate(p, TODAY, Section.SCHEDULE)  # the schedule did change its own findings
