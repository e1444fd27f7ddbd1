"""The schedule core: default and partial cycles, the week grid, recommended study weeks,
readiness, interview chance by report month, and the back-planned timeline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import TODAY

from rankplan.core.model import (
    Activity,
    Cycle,
    Exam,
    ExamAttempt,
    ExamResult,
    Plan,
    Practice,
    Profile,
    Schedule,
)
from rankplan.core.schedule import (
    MilestoneKind,
    Trend,
    Verdict,
    cycle_for,
    default_cycle,
    describe_days,
    hours_by_activity,
    interview_chance,
    practice_scores,
    readiness,
    recommended_weeks,
    resolve_cycle,
    timeline,
    total_hours,
)

A = Activity


def practice(*scores: int, start: date = date(2027, 1, 4)) -> list[Practice]:
    """Scores two weeks apart, oldest first."""
    return [Practice(start + timedelta(weeks=2 * i), f"NBME {i + 1}", s)
            for i, s in enumerate(scores)]


def schedule(**kwargs: object) -> Schedule:
    kwargs.setdefault("passing_score", 214)  # the readiness tests were written against 214
    return Schedule(**kwargs)


def plan_with(**kwargs: object) -> Plan:
    return Plan(schedule=Schedule(**kwargs))


# -- Default cycle -----------------------------------------------------------------------------


def test_in_interview_season_the_default_cycle_is_the_match_being_ranked_for() -> None:
    assert default_cycle(TODAY) == Cycle(
        applications_open=date(2026, 9, 3),
        programs_review=date(2026, 9, 24),
        rank_deadline=date(2027, 3, 1),
        match_day=date(2027, 3, 19),
    )


def test_the_default_cycle_turns_the_day_after_match_day() -> None:
    assert default_cycle(date(2027, 3, 19)).match_day == date(2027, 3, 19)
    assert default_cycle(date(2027, 3, 20)).match_day == date(2028, 3, 17)
    assert default_cycle(date(2027, 3, 20)).applications_open == date(2027, 9, 3)


def test_default_cycle_on_december_31_and_january_1() -> None:
    assert default_cycle(date(2026, 12, 31)).match_day == date(2027, 3, 19)
    assert default_cycle(date(2027, 1, 1)).match_day == date(2027, 3, 19)


@pytest.mark.parametrize(("year", "match_day"), [
    (2024, date(2024, 3, 15)),  # March 1 is a Friday
    (2025, date(2025, 3, 21)),  # March 1 is a Saturday
    (2026, date(2026, 3, 20)),  # March 1 is a Sunday
    (2027, date(2027, 3, 19)),
    (2028, date(2028, 3, 17)),  # leap year
    (2029, date(2029, 3, 16)),  # March 1 is a Thursday
    (2030, date(2030, 3, 15)),
])
def test_match_day_is_the_third_friday_of_march_after_applications_open(
        year: int, match_day: date) -> None:
    cycle = cycle_for(year - 1)
    assert cycle.match_day == match_day
    assert match_day.weekday() == 4 and 15 <= match_day.day <= 21
    assert cycle.rank_deadline == date(year, 3, 1)


def test_every_date_of_the_default_cycle_is_set() -> None:
    cycle = default_cycle(TODAY)
    assert None not in (cycle.applications_open, cycle.programs_review,
                        cycle.rank_deadline, cycle.match_day)


# -- Resolving the plan's cycle ----------------------------------------------------------------


def test_a_full_cycle_is_kept_as_written() -> None:
    written = Cycle(date(2026, 9, 1), date(2026, 9, 20), date(2027, 3, 3), date(2027, 3, 19))
    assert resolve_cycle(Plan(cycle=written), TODAY) == written


def test_an_empty_cycle_is_the_default_one() -> None:
    assert resolve_cycle(Plan(), TODAY) == default_cycle(TODAY)


def test_a_partial_cycle_is_filled_from_its_own_application_year() -> None:
    plan = Plan(cycle=Cycle(applications_open=date(2029, 9, 5), match_day=date(2030, 3, 22)))
    assert resolve_cycle(plan, TODAY) == Cycle(
        applications_open=date(2029, 9, 5),  # kept
        programs_review=date(2029, 9, 24),
        rank_deadline=date(2030, 3, 1),
        match_day=date(2030, 3, 22),  # kept
    )


def test_a_partial_cycle_without_applications_open_is_anchored_on_the_dates_it_has() -> None:
    plan = Plan(cycle=Cycle(rank_deadline=date(2026, 3, 4)))
    resolved = resolve_cycle(plan, TODAY)
    assert resolved.applications_open == date(2025, 9, 3)
    assert resolved.programs_review == date(2025, 9, 24)
    assert resolved.rank_deadline == date(2026, 3, 4)
    assert resolved.match_day == date(2026, 3, 20)


def test_resolving_does_not_change_the_plan() -> None:
    plan = Plan(cycle=Cycle(applications_open=date(2027, 9, 1)))
    resolve_cycle(plan, TODAY)
    assert plan.cycle == Cycle(applications_open=date(2027, 9, 1))


# -- Hours by activity -------------------------------------------------------------------------


def test_hours_of_the_default_week() -> None:
    s = schedule()
    assert hours_by_activity(s) == {
        A.STUDY: 20, A.CLINICAL: 8, A.RESEARCH: 4, A.WORK: 8, A.MENTOR: 4, A.REST: 4, A.OFF: 8,
    }
    assert total_hours(s) == 56


def test_hours_follow_the_slot_hours_and_skip_empty_slots() -> None:
    week = {day: [A.EMPTY, A.EMPTY, A.EMPTY] for day in ("mon", "tue", "wed", "thu", "fri",
                                                         "sat", "sun")}
    week["mon"] = [A.QBANK, A.EMPTY, A.QBANK]
    week["sun"] = [A.EMPTY, A.EXERCISE, A.QBANK]
    s = schedule(week=week, hours={"morning": 5, "afternoon": 3, "evening": 1})
    assert hours_by_activity(s) == {A.QBANK: 7, A.EXERCISE: 3}
    assert total_hours(s) == 10


def test_an_empty_week_has_no_hours() -> None:
    s = schedule(week={day: ["", "", ""] for day in ("mon", "sun")})
    assert hours_by_activity(s) == {} and total_hours(s) == 0


def test_missing_slot_hours_take_the_default() -> None:
    s = schedule(week={"mon": [A.STUDY, A.STUDY, A.STUDY]}, hours={"morning": 6})
    assert hours_by_activity(s) == {A.STUDY: 6 + 4 + 2}


# -- Recommended study weeks -------------------------------------------------------------------


def test_the_default_is_twelve_weeks() -> None:
    advice = recommended_weeks(plan_with(exam=Exam.STEP2CK, practice=practice(150)))
    assert advice.weeks == 12 and not advice.review_course
    assert "3-4 month" in advice.reason


def retake(exam: Exam, *scores: int, **kwargs: object) -> Plan:
    """A retake plan: one failed attempt at ``exam`` on record, practice ``scores``."""
    return Plan(profile=Profile(exams=[ExamAttempt(exam, date(2026, 5, 1), ExamResult.FAIL)]),
                schedule=Schedule(exam=exam, practice=practice(*scores), **kwargs))


# Step 1 passes at 196: within 14 points is 182 and up, 15-24 below is 172-181, 25+ is <= 171.
@pytest.mark.parametrize(("baseline", "weeks", "course", "band"), [
    (300, 4, False, "within 14 points"),
    (182, 4, False, "within 14 points"),
    (181, 6, False, "15-24 points below"),
    (172, 6, False, "15-24 points below"),
    (171, 12, True, "25 or more points below"),
    (100, 12, True, "25 or more points below"),
])
def test_step1_retake_by_baseline_against_the_pass_mark(
        baseline: int, weeks: int, course: bool, band: str) -> None:
    advice = recommended_weeks(retake(Exam.STEP1, baseline, 230))
    assert (advice.weeks, advice.review_course) == (weeks, course)
    assert str(baseline) in advice.reason and band in advice.reason and "196" in advice.reason
    assert advice.baseline is not None and advice.baseline.score == baseline
    assert advice.band is not None and advice.band.text == band
    assert ("review course" in advice.reason) == course


@pytest.mark.parametrize(("target", "baseline", "weeks"), [
    (date(2025, 6, 30), 200, 4),  # 214 then: 14 below
    (date(2025, 7, 1), 200, 6),  # 218 since: 18 below
    (date(2025, 7, 1), 194, 6),  # 24 below
    (date(2025, 7, 1), 193, 12),  # 25 below
])
def test_step2ck_retake_bands_follow_the_pass_mark_of_the_test_date(
        target: date, baseline: int, weeks: int) -> None:
    assert recommended_weeks(retake(Exam.STEP2CK, baseline, target_date=target)).weeks == weeks


def test_an_overridden_passing_score_moves_the_bands() -> None:
    assert recommended_weeks(retake(Exam.STEP3, 190, passing_score=204)).weeks == 4
    assert recommended_weeks(retake(Exam.STEP3, 190, passing_score=205)).weeks == 6


def test_step1_baseline_is_the_first_score_by_date_not_by_file_order() -> None:
    later, first = Practice(date(2027, 3, 1), "NBME 30", 160), Practice(date(2027, 1, 5), "", 182)
    plan = retake(Exam.STEP1)
    plan.schedule.practice = [later, first]
    assert recommended_weeks(plan).weeks == 4


def test_a_retake_without_a_score_keeps_twelve_weeks_and_a_zero_is_no_score() -> None:
    assert recommended_weeks(retake(Exam.STEP1)).weeks == 12
    plan = retake(Exam.STEP1)
    plan.schedule.practice = [Practice(date(2027, 1, 1), "NBME", 0),
                              Practice(date(2027, 1, 20), "NBME", 175)]
    assert recommended_weeks(plan).weeks == 6


def test_the_bands_apply_only_to_a_usmle_exam_with_a_failure_on_record() -> None:
    assert recommended_weeks(plan_with(exam=Exam.STEP1, practice=practice(185))).weeks == 12
    for exam in (Exam.COMLEX1, Exam.COMLEX2):
        assert recommended_weeks(retake(exam, 395)).weeks == 12
    other = retake(Exam.STEP1, 190)
    other.schedule.exam = Exam.STEP2CK  # the failure is Step 1's, the test Step 2 CK's
    assert recommended_weeks(other).weeks == 12


# -- Readiness ---------------------------------------------------------------------------------


def test_ready_at_exactly_passing_plus_margin() -> None:
    state = readiness(schedule(passing_score=214, margin=10, practice=practice(200, 224, 224)))
    assert state.verdict is Verdict.READY and state.ready
    assert state.target == 224 and state.scores == (224, 224)
    assert state.trend is Trend.FLAT and state.shortfall == 0


def test_not_ready_one_point_below() -> None:
    state = readiness(schedule(practice=practice(224, 223)))
    assert state.verdict is Verdict.NOT_READY and not state.ready
    assert state.scores == (224, 223) and state.shortfall == 1
    assert state.trend is Trend.FALLING


def test_one_score_is_not_enough_data() -> None:
    state = readiness(schedule(practice=practice(250)))
    assert state.verdict is Verdict.NOT_ENOUGH_DATA and not state.ready
    assert state.scores == (250,) and state.trend is None
    assert "not enough data" in state.summary().lower()


def test_no_score_is_not_enough_data() -> None:
    state = readiness(schedule())
    assert state.verdict is Verdict.NOT_ENOUGH_DATA and state.rests_on == ()


def test_falling_scores_above_target_are_ready_but_falling() -> None:
    state = readiness(schedule(practice=practice(240, 235, 230)))
    assert state.ready and state.trend is Trend.FALLING and state.scores == (235, 230)


def test_rising_scores_below_target() -> None:
    state = readiness(schedule(practice=practice(200, 210, 220)))
    assert state.verdict is Verdict.NOT_READY and state.trend is Trend.RISING
    assert "4 points short" in state.summary()


def test_readiness_orders_scores_by_date() -> None:
    scores = [Practice(date(2027, 3, 1), "late", 230), Practice(date(2027, 1, 1), "early", 200),
              Practice(date(2027, 2, 1), "middle", 226)]
    state = readiness(schedule(practice=scores))
    assert [p.form for p in state.rests_on] == ["middle", "late"] and state.ready


def test_an_undated_score_counts_as_the_newest() -> None:
    scores = [Practice(None, "new", 226), Practice(date(2027, 2, 1), "old", 230)]
    assert [p.form for p in practice_scores(schedule(practice=scores))] == ["old", "new"]


def test_the_target_follows_passing_score_and_margin() -> None:
    state = readiness(schedule(passing_score=196, margin=0, practice=practice(196, 197)))
    assert state.target == 196 and state.ready


# -- Interview chance by the month the score reports -------------------------------------------

OPENS = date(2027, 9, 3)


@pytest.mark.parametrize(("report", "chance"), [
    (date(2027, 8, 17), None),
    (date(2027, 9, 2), None),
    (date(2027, 9, 30), None),  # September: no penalty
    (date(2027, 10, 1), 0.70),
    (date(2027, 10, 31), 0.70),
    (date(2027, 11, 15), 0.40),
    (date(2027, 12, 1), 0.15),
    (date(2027, 12, 31), 0.15),
    (date(2028, 1, 10), 0.15),  # the next January
    (date(2028, 10, 10), 0.15),
    (date(2026, 12, 10), None),  # the year before the application year
])
def test_interview_chance(report: date, chance: float | None) -> None:
    assert interview_chance(report, OPENS) == chance


# -- Timeline ----------------------------------------------------------------------------------


def test_back_planning_across_month_and_year_ends() -> None:
    plan = plan_with(exam=Exam.STEP2CK, target_date=date(2027, 1, 12),
                     report_by=date(2027, 3, 1), score_lag_weeks=4)
    line = timeline(plan, TODAY)
    assert line.study_start == date(2026, 10, 20) and line.study_start_planned
    assert line.practice_exams == (date(2026, 11, 3), date(2026, 11, 17), date(2026, 12, 1),
                                   date(2026, 12, 15), date(2026, 12, 29))
    assert line.score_report == date(2027, 2, 9)
    assert line.latest_safe_test == date(2027, 2, 1)  # four weeks before March 1, in February
    assert line.plan_to == date(2027, 1, 12)


def test_latest_safe_test_date_in_a_leap_year() -> None:
    line = timeline(plan_with(report_by=date(2028, 3, 1), score_lag_weeks=4), TODAY)
    assert line.latest_safe_test == date(2028, 2, 2)


def test_milestones_are_sorted_and_today_falls_among_them() -> None:
    plan = plan_with(exam=Exam.STEP2CK, target_date=date(2027, 1, 12),
                     report_by=date(2027, 3, 1), score_lag_weeks=4)
    line = timeline(plan, TODAY)
    dates = [m.date for m in line.milestones]
    assert dates == sorted(dates)
    kinds = [m.kind for m in line.milestones]
    # the 2027 Match, under way on TODAY: its applications opened 2026-09-03
    assert kinds[:9] == [MilestoneKind.APPLICATIONS_OPEN, MilestoneKind.PROGRAMS_REVIEW,
                         MilestoneKind.STUDY_START] + [MilestoneKind.PRACTICE_EXAM] * 5 + [
        MilestoneKind.TEST]
    assert kinds[-3:] == [MilestoneKind.REPORT_BY, MilestoneKind.RANK_DEADLINE,  # same day
                          MilestoneKind.MATCH_DAY]
    assert line.today_index == 5  # the cycle's opening, study start and two practice exams
    assert [m.label for m in line.past][2:] == ["Start studying (12-week plan)",
                                                "Practice exam 1", "Practice exam 2"]
    assert line.next is not None and line.next.label == "Practice exam 3"
    assert line.next.days_from(TODAY) == 10
    assert line.past[2].days_from(TODAY) == -32


def test_a_milestone_due_today_is_not_past() -> None:
    plan = plan_with(target_date=TODAY, study_start=TODAY - timedelta(weeks=12))
    line = timeline(plan, TODAY)
    assert line.next is not None and line.next.kind is MilestoneKind.TEST
    assert line.next.days_from(TODAY) == 0


def test_the_cycle_dates_come_from_the_plan() -> None:
    plan = Plan(cycle=Cycle(applications_open=date(2027, 9, 1)))
    cycle_kinds = {MilestoneKind.APPLICATIONS_OPEN, MilestoneKind.PROGRAMS_REVIEW,
                   MilestoneKind.RANK_DEADLINE, MilestoneKind.MATCH_DAY}
    by_kind = {m.kind: m.date for m in timeline(plan, TODAY).milestones if m.kind in cycle_kinds}
    assert by_kind == {
        MilestoneKind.APPLICATIONS_OPEN: date(2027, 9, 1),
        MilestoneKind.PROGRAMS_REVIEW: date(2027, 9, 24),
        MilestoneKind.RANK_DEADLINE: date(2028, 3, 1),
        MilestoneKind.MATCH_DAY: date(2028, 3, 17),
    }


def test_the_plans_study_start_is_used_when_set() -> None:
    plan = plan_with(target_date=date(2027, 7, 20), study_start=date(2027, 4, 26))
    line = timeline(plan, TODAY)
    assert line.study_start == date(2027, 4, 26) and not line.study_start_planned
    assert line.practice_exams[0] == date(2027, 5, 10)
    assert line.practice_exams[-1] == date(2027, 7, 19)  # the day before the test, still inside
    starts = [m for m in line.milestones if m.kind is MilestoneKind.STUDY_START]
    assert [m.label for m in starts] == ["Start studying"]


def test_a_step1_retake_back_plans_from_its_recommended_weeks() -> None:
    plan = retake(Exam.STEP1, target_date=date(2027, 3, 2))
    plan.schedule.practice = [Practice(date(2027, 1, 20), "NBME 25", 185)]
    line = timeline(plan, TODAY)
    assert line.recommendation.weeks == 4
    assert line.study_start == date(2027, 2, 2)
    assert line.practice_exams == (date(2027, 2, 16),)


def test_without_a_target_the_plan_runs_to_the_latest_safe_test_date() -> None:
    line = timeline(plan_with(report_by=date(2027, 9, 24), score_lag_weeks=4), TODAY)
    assert line.target_date is None and line.score_report is None
    assert line.plan_to == line.latest_safe_test == date(2027, 8, 27)
    assert line.study_start == date(2027, 6, 4)
    kinds = {m.kind for m in line.milestones}
    assert MilestoneKind.TEST not in kinds and MilestoneKind.SCORE_REPORT not in kinds
    assert MilestoneKind.LATEST_SAFE_TEST in kinds and MilestoneKind.REPORT_BY in kinds


def test_without_schedule_dates_the_timeline_works_back_from_the_aims_date() -> None:
    line = timeline(Plan(), TODAY)  # no programs: the aim is the next season
    assert line.report_by == date(2027, 9, 24)  # the season ahead's programs-review date
    assert line.latest_safe_test == date(2027, 8, 27)
    assert line.study_start == date(2027, 6, 4) and line.study_start_planned
    assert MilestoneKind.TEST not in {m.kind for m in line.milestones}


def test_a_study_start_after_the_test_gives_no_practice_exams() -> None:
    line = timeline(plan_with(target_date=date(2027, 3, 1), study_start=date(2027, 3, 5)), TODAY)
    assert line.practice_exams == ()


def test_same_day_milestones_keep_a_fixed_order() -> None:
    plan = plan_with(target_date=date(2027, 8, 27), report_by=date(2027, 9, 24))
    same = [m.kind for m in timeline(plan, TODAY).milestones if m.date == date(2027, 8, 27)]
    assert same == [MilestoneKind.TEST, MilestoneKind.LATEST_SAFE_TEST]


def test_describe_days() -> None:
    assert describe_days(84) == "12 weeks"
    assert describe_days(66) == "9 weeks and 3 days"
    assert describe_days(7) == "1 week"
    assert describe_days(1) == "1 day"
    assert describe_days(0) == "0 days"
    assert describe_days(-3) == "minus 3 days"


def test_practice_dates_every_two_weeks_strictly_before_the_end() -> None:
    from rankplan.core.schedule import practice_dates

    start = date(2027, 1, 4)
    for days in range(-3, 120):
        end = start + timedelta(days=days)
        walked, when = [], start + timedelta(weeks=2)
        while when < end:
            walked.append(when)
            when += timedelta(weeks=2)
        assert practice_dates(start, end) == tuple(walked), days


def test_a_study_window_of_centuries_lists_the_last_26_practice_exams() -> None:
    from rankplan.core.schedule import MAX_PRACTICE_EXAMS, practice_dates

    dates = practice_dates(date(1900, 1, 1), date(2199, 12, 31))
    assert len(dates) == MAX_PRACTICE_EXAMS == 26
    assert dates[-1] < date(2199, 12, 31) <= dates[-1] + timedelta(weeks=2)
    assert all(b - a == timedelta(weeks=2) for a, b in zip(dates, dates[1:]))
    plan = Plan(schedule=Schedule(study_start=date(1900, 1, 1), target_date=date(2199, 12, 1)))
    assert len(timeline(plan, TODAY).practice_exams) == 26
