"""The exams table: scales, pass marks by date, the schedule's passing score, and a COMLEX
plan read from a file and judged on its own scale."""

from __future__ import annotations

from datetime import date

import pytest

from rankplan.core.exams import EXAMS, describe_mark, pass_mark, passing_score, scale_problem
from rankplan.core.findings import Section
from rankplan.core.model import ApplicantType, Exam, Schedule
from rankplan.core.rules import evaluate
from rankplan.core.schedule import Verdict, readiness
from rankplan.storage.read import parse_text

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(("exam", "on", "mark"), [
    (Exam.STEP2CK, date(2025, 6, 30), 214),
    (Exam.STEP2CK, date(2025, 7, 1), 218),
    (Exam.STEP3, date(2023, 12, 31), 198),
    (Exam.STEP3, date(2024, 1, 1), 200),
    (Exam.STEP1, date(2020, 1, 1), 196),
    (Exam.COMLEX1, date(2026, 1, 1), 400),
    (Exam.COMLEX2, None, 400),
    (Exam.COMLEX3, None, 350),
])
def test_pass_marks_by_exam_and_date(exam: Exam, on: date | None, mark: int) -> None:
    assert pass_mark(exam, on).score == mark


def test_without_a_date_the_newest_mark_applies() -> None:
    assert pass_mark(Exam.STEP2CK).score == 218 and pass_mark(Exam.STEP3).score == 200


def test_passing_score_defaults_from_the_exam_and_target_date() -> None:
    assert passing_score(Schedule(exam=Exam.STEP2CK, target_date=date(2025, 6, 30))) == 214
    assert passing_score(Schedule(exam=Exam.STEP2CK, target_date=date(2025, 7, 1))) == 218
    assert passing_score(Schedule(exam=Exam.COMLEX2)) == 400
    assert passing_score(Schedule(exam=Exam.STEP2CK, passing_score=230)) == 230


def test_the_mark_is_described_with_its_date() -> None:
    assert describe_mark(Exam.STEP2CK, date(2026, 8, 1)) == "218, Step 2 CK pass mark since 2025-07-01"
    assert describe_mark(Exam.COMLEX3, None) == "350, COMLEX Level 3 pass mark"


def test_scales() -> None:
    assert scale_problem(Exam.STEP2CK, 450) == "a Step 2 CK score runs 1-300; 450 is outside it"
    assert scale_problem(Exam.COMLEX2, 450) is None
    assert scale_problem(Exam.COMLEX2, 1000) == "a COMLEX Level 2-CE score runs 9-999; 1000 is outside it"
    assert {e: EXAMS[e].scale for e in Exam} == {
        Exam.STEP1: "1-300", Exam.STEP2CK: "1-300", Exam.STEP3: "1-300",
        Exam.COMLEX1: "9-999", Exam.COMLEX2: "9-999", Exam.COMLEX3: "9-999"}


COMLEX_PLAN = """\
schema = 1

[profile]
applicant_type = "us-do"
risk_profile = "P4"
specialty = "Family Medicine"
story_context = "A family illness in second year."
story_changes = "A learning specialist and a fixed weekly plan."
story_evidence = "Passed Level 1 and scored 480 on Level 2-CE."

[[profile.exams]]
exam = "comlex1"
date = 2025-02-10
result = "fail"

[[profile.exams]]
exam = "comlex1"
date = 2025-06-20
result = "pass"

[[profile.exams]]
exam = "comlex2"
date = 2026-07-15
result = "pass"
score = 480

[schedule]
exam = "comlex3"
target_date = 2027-05-20
passing_score = 400

[[schedule.practice]]
date = 2027-03-01
form = "COMSAE 1"
score = 450

[[schedule.practice]]
date = 2027-04-01
form = "COMSAE 2"
score = 470
"""


def test_a_comlex_plan_is_valid_and_judged_on_the_comlex_scale() -> None:
    plan, errors = parse_text(COMLEX_PLAN)
    assert errors == [], errors
    assert plan is not None and plan.profile.applicant_type is ApplicantType.US_DO
    state = readiness(plan.schedule)
    assert state.verdict is Verdict.READY and state.target == 410
    assert state.scores == (450, 470)
    codes = [f.code for f in evaluate(plan, TODAY, Section.PROFILE)]
    assert "PR06" not in codes and "PR05" not in codes and "PR03" not in codes


def test_the_comlex_plan_without_passing_score_takes_level_3s_mark() -> None:
    plan, _ = parse_text(COMLEX_PLAN.replace("passing_score = 400\n", ""))
    assert plan is not None and readiness(plan.schedule).target == 360


def test_a_pending_result_is_overdue_only_after_its_test_date() -> None:
    from rankplan.core.exams import result_overdue
    from rankplan.core.model import ExamAttempt, ExamResult

    def attempt(on, result=ExamResult.PENDING):
        return ExamAttempt(Exam.STEP2CK, on, result)

    assert result_overdue(attempt(date(2026, 10, 1)), TODAY)
    assert not result_overdue(attempt(TODAY), TODAY)  # taken today
    assert not result_overdue(attempt(date(2026, 12, 15)), TODAY)
    assert not result_overdue(attempt(None), TODAY)
    assert not result_overdue(attempt(date(2026, 10, 1), ExamResult.PASS), TODAY)
    assert not result_overdue(attempt(date(2026, 10, 1), ExamResult.FAIL), TODAY)
