"""RA01-RA09 (DESIGN §2.6), each with a plan that raises it and a near miss at its boundary.

Today is fixed; the plan's ``[cycle]`` opens applications on 2027-09-03 and programs review
from 2027-09-24, so that is the season ahead.
"""

from __future__ import annotations

from datetime import date

import pytest

from rankplan.core import model as m
from rankplan.core.findings import Section, Severity
from rankplan.core.reapply import one_year_on, season_ahead
from rankplan.core.rules import evaluate

TODAY = date(2026, 11, 21)
OPENS = date(2027, 9, 3)
REVIEW = date(2027, 9, 24)
IM = "Internal Medicine"


def good_plan() -> m.Plan:
    """A reapplicant plan that raises no RA finding."""
    reapply = m.Reapply(
        last_cycle=2026, cycles_unmatched=1, applications=45, applications_planned=90,
        decision=m.Decision.REBRAND, last_clinical=date(2027, 6, 1), submit_on=OPENS,
        letters=[m.Letter("A", IM, date(2027, 7, 1)), m.Letter("B", IM, date(2027, 8, 1))],
        advocates=[m.Advocate("C", ["univ-a"], m.AdvocateStatus.AGREED)],
    )
    profile = m.Profile(specialty=IM, graduation_year=2025, exams=[
        m.ExamAttempt(m.Exam.STEP1, date(2023, 3, 1), m.ExamResult.FAIL),
        m.ExamAttempt(m.Exam.STEP1, date(2023, 7, 1), m.ExamResult.PASS),
    ])
    cycle = m.Cycle(applications_open=OPENS, programs_review=REVIEW,
                    rank_deadline=date(2028, 3, 1), match_day=date(2028, 3, 17))
    schedule = m.Schedule(target_date=date(2027, 8, 27), score_lag_weeks=4)
    return m.Plan(profile=profile, reapply=reapply, cycle=cycle, schedule=schedule)


def codes(plan: m.Plan) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in evaluate(plan, TODAY, Section.REAPPLY):
        found.setdefault(f.code, []).append(f)
    return found


def test_the_good_plan_raises_nothing() -> None:
    assert codes(good_plan()) == {}


def test_a_plan_without_reapply_raises_nothing() -> None:
    plan = good_plan()
    plan.reapply = None
    plan.profile.graduation_year = 2010
    plan.profile.specialty = "Dermatology"
    assert codes(plan) == {}


def raised(code: str, change) -> list:
    plan = good_plan()
    change(plan)
    return codes(plan).get(code, [])


# -- RA01 ---------------------------------------------------------------------------------------

def test_ra01_highly_competitive_without_backup() -> None:
    def derm(plan):
        plan.profile.specialty = "Dermatology"
    assert raised("RA01", derm)
    assert not raised("RA01", lambda p: (derm(p), setattr(p.profile, "backup_specialty", IM)))
    assert not raised("RA01", lambda p: setattr(p.profile, "specialty", "General Surgery"))


def test_ra01_follows_a_pivot() -> None:
    def pivot(plan):
        plan.reapply.decision = m.Decision.PIVOT
        plan.reapply.pivot_specialty = "Orthopaedic Surgery"
    (hit,) = raised("RA01", pivot)
    assert "Orthopaedic Surgery" in hit.message


# -- RA02 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("specialty", "minimum"), [(IM, 80), ("Psychiatry", 60),
                                                    ("General Surgery", 110)])
def test_ra02_target_counts(specialty: str, minimum: int) -> None:
    def planned(n):
        def change(plan):
            plan.profile.specialty = specialty
            plan.reapply.applications_planned = n
        return change
    (hit,) = raised("RA02", planned(minimum - 1))
    assert f"You plan {minimum - 1} applications" in hit.message
    assert not raised("RA02", planned(minimum))


def test_ra02_not_above_last_cycle() -> None:
    def last(n):
        return lambda plan: setattr(plan.reapply, "applications", n)
    (hit,) = raised("RA02", last(90))  # 90 planned, 90 last time
    assert "no more than the 90" in hit.message
    assert not raised("RA02", last(89))


def test_ra02_nothing_planned() -> None:
    (hit,) = raised("RA02", lambda p: setattr(p.reapply, "applications_planned", 0))
    assert hit.message.startswith("No number of applications is planned")


# -- RA03 ---------------------------------------------------------------------------------------

def test_ra03_twelve_months() -> None:
    twelve = date(2026, 9, 3)
    assert not raised("RA03", lambda p: setattr(p.reapply, "last_clinical", twelve))
    (hit,) = raised("RA03", lambda p: setattr(p.reapply, "last_clinical", date(2026, 9, 2)))
    assert "2026-09-02" in hit.message and "2027-09-03" in hit.message
    assert raised("RA03", lambda p: setattr(p.reapply, "last_clinical", None))


# -- RA04 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("graduated", "severity"), [
    (2024, None), (2023, Severity.WARNING), (2022, Severity.WARNING), (2021, Severity.DANGER),
])
def test_ra04_three_and_five_years(graduated: int, severity: Severity | None) -> None:
    hits = raised("RA04", lambda p: setattr(p.profile, "graduation_year", graduated))
    assert [h.severity for h in hits] == ([severity] if severity else [])


def test_ra04_without_a_graduation_year() -> None:
    assert not raised("RA04", lambda p: setattr(p.profile, "graduation_year", 0))


# -- RA05 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("exam", [m.Exam.STEP2CK, m.Exam.COMLEX2])
def test_ra05_step2_failure_and_stay(exam: m.Exam) -> None:
    def fail_and(decision):
        def change(plan):
            plan.profile.exams.append(m.ExamAttempt(exam, date(2024, 5, 1), m.ExamResult.FAIL))
            plan.reapply.decision = decision
        return change
    assert raised("RA05", fail_and(m.Decision.STAY))
    assert not raised("RA05", fail_and(m.Decision.REBRAND))
    assert not raised("RA05", lambda p: setattr(p.reapply, "decision", m.Decision.STAY))


# -- RA06 ---------------------------------------------------------------------------------------

def test_ra06_two_letters_within_twelve_months() -> None:
    def letters(*dates, specialty=IM):
        return lambda plan: setattr(plan.reapply, "letters",
                                    [m.Letter("X", specialty, d) for d in dates])
    assert not raised("RA06", letters(date(2026, 9, 3), OPENS))  # both edges count
    (hit,) = raised("RA06", letters(date(2026, 9, 2), OPENS))
    assert hit.message.startswith("1 letter in Internal Medicine dated between 2026-09-03")
    assert raised("RA06", letters(date(2027, 7, 1), date(2027, 9, 4)))  # after opening
    assert raised("RA06", letters(date(2027, 7, 1)))  # only one
    assert raised("RA06", letters(date(2027, 7, 1), date(2027, 8, 1), specialty="Surgery"))
    assert raised("RA06", lambda p: p.reapply.letters.__setitem__(1, m.Letter("B", IM)))
    assert not raised("RA06", letters(date(2027, 7, 1), OPENS, specialty=" internal medicine"))


# -- RA07 ---------------------------------------------------------------------------------------

def test_ra07_submission_after_opening() -> None:
    assert not raised("RA07", lambda p: setattr(p.reapply, "submit_on", OPENS))
    (hit,) = raised("RA07", lambda p: setattr(p.reapply, "submit_on", date(2027, 9, 4)))
    assert "2027-09-04" in hit.message


def test_ra07_score_after_programs_review() -> None:
    on_time = date(2027, 8, 27)  # + 4 weeks = 2027-09-24, the review date itself
    assert not raised("RA07", lambda p: setattr(p.schedule, "target_date", on_time))
    (hit,) = raised("RA07", lambda p: setattr(p.schedule, "target_date", date(2027, 8, 28)))
    assert "2027-09-25" in hit.message and "2027-09-24" in hit.message
    assert not raised("RA07", lambda p: setattr(p.schedule, "target_date", None))


# -- RA08 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "raises"), [
    (m.AdvocateStatus.ASKED, True), (m.AdvocateStatus.AGREED, False),
    (m.AdvocateStatus.CONTACTED, False),
])
def test_ra08_advocate_status(status: m.AdvocateStatus, raises: bool) -> None:
    assert bool(raised("RA08", lambda p: setattr(p.reapply.advocates[0], "status", status))) is raises
    assert raised("RA08", lambda p: p.reapply.advocates.clear())


# -- RA09 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("graduated", "cycles", "raises"), [
    (2022, 2, True), (2023, 2, False), (2022, 1, False), (2020, 3, True),
])
def test_ra09_four_years_and_two_cycles(graduated: int, cycles: int, raises: bool) -> None:
    def change(plan):
        plan.profile.graduation_year = graduated
        plan.reapply.cycles_unmatched = cycles
    assert bool(raised("RA09", change)) is raises


# -- the season ahead ---------------------------------------------------------------------------

def test_season_ahead_is_the_cycle_when_it_opens_after_today() -> None:
    plan = good_plan()
    assert season_ahead(plan, TODAY).applications_open == OPENS


def test_season_ahead_moves_one_year_on_once_the_cycle_has_opened() -> None:
    plan = good_plan()
    plan.cycle = m.Cycle(applications_open=date(2026, 9, 3))
    season = season_ahead(plan, TODAY)
    assert (season.applications_open, season.programs_review) == (OPENS, REVIEW)
    assert season.rank_deadline == date(2028, 3, 1)
    # ... and the findings follow it: a letter from 2026-09-02 is stale either way
    assert season_ahead(plan, date(2026, 9, 2)).applications_open == date(2026, 9, 3)


def test_one_year_on_from_leap_day() -> None:
    assert one_year_on(date(2028, 2, 29)) == date(2029, 2, 28)
    assert one_year_on(date(2028, 2, 29), -1) == date(2027, 2, 28)


# -- what the screen derives --------------------------------------------------------------------

def test_autopsy_rate_and_score_timing() -> None:
    from rankplan.core.reapply import autopsy

    plan = good_plan()
    r = plan.reapply
    r.interviews_offered, r.score_reported = 3, date(2025, 9, 24)  # the review day itself
    a = autopsy(plan, r, TODAY)
    assert a.interview_rate == pytest.approx(3 / 45)
    assert a.review_began == date(2025, 9, 24) and a.score_late is False
    r.score_reported = date(2025, 9, 25)
    assert autopsy(plan, r, TODAY).score_late is True
    r.applications, r.score_reported = 0, None
    a = autopsy(plan, r, TODAY)
    assert a.interview_rate is None and a.score_late is None
    r.last_cycle, r.submitted = 0, date(2024, 9, 10)  # no Match year: the submission's year
    assert autopsy(plan, r, TODAY).review_began == date(2024, 9, 24)


def test_year_dates_for_the_schedule() -> None:
    from rankplan.core.reapply import year_dates

    plan = good_plan()
    plan.schedule.aim = m.Aim.NEXT_SEASON
    plan.reapply.letters.append(m.Letter("Undated"))
    labels = [(d.date, d.label) for d in year_dates(plan, TODAY)]
    assert labels == [(date(2027, 7, 1), "Letter: A (asked)"), (date(2027, 8, 1), "Letter: B (asked)"),
                      (OPENS, "Submit ERAS (planned)")]
    plan.schedule.aim = m.Aim.RANK_DEADLINE  # a retake for this Match: not the year's dates
    assert year_dates(plan, TODAY) == []
    plan.schedule.aim = m.Aim.NEXT_SEASON
    plan.reapply = None
    assert year_dates(plan, TODAY) == []
