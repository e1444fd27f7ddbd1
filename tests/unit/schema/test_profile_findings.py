"""PR01-PR06 through rules.evaluate: each raised when it should be, and not on a near miss."""

from __future__ import annotations

from datetime import date

from rankplan.core.findings import Section, Severity
from rankplan.core.model import (
    ApplicantType,
    Exam,
    ExamAttempt,
    ExamResult,
    Plan,
    Profile,
    Schedule,
    SpecialtyEntry,
    Tier,
)
from rankplan.core.rules import evaluate

TODAY = date(2026, 11, 21)
STORY = {"story_context": "why", "story_changes": "what changed", "story_evidence": "proof"}


def attempt(exam: Exam, result: ExamResult = ExamResult.FAIL) -> ExamAttempt:
    return ExamAttempt(exam=exam, date=date(2025, 3, 14), result=result)


def plan(*attempts: ExamAttempt, **profile: object) -> Plan:
    fields = {"backup_specialty": "Family Medicine", **STORY, **profile}
    return Plan(profile=Profile(exams=list(attempts), **fields))


def profile_findings(p: Plan):
    return evaluate(p, TODAY, Section.PROFILE)


def codes(p: Plan) -> list[str]:
    return [f.code for f in profile_findings(p)]


def found(p: Plan, code: str):
    hits = [f for f in profile_findings(p) if f.code == code]
    assert len(hits) == 1, hits
    return hits[0]


def test_a_complete_profile_has_no_profile_findings() -> None:
    p = plan(attempt(Exam.STEP1), attempt(Exam.STEP1, ExamResult.PASS))
    assert codes(p) == []


# -- PR01: failed attempt, story incomplete ----------------------------------------------------


def test_pr01_failed_attempt_with_an_empty_story_part() -> None:
    finding = found(plan(attempt(Exam.STEP1), story_evidence=""), "PR01")
    assert finding.severity is Severity.WARNING
    assert finding.section is Section.PROFILE
    assert "evidence" in finding.message
    assert "context" not in finding.message and "changes" not in finding.message


def test_pr01_blank_story_part_counts_as_empty() -> None:
    finding = found(plan(attempt(Exam.STEP2CK), story_context="   \n"), "PR01")
    assert "context" in finding.message


def test_pr01_names_every_missing_part() -> None:
    p = plan(attempt(Exam.STEP1), story_context="", story_changes="", story_evidence="")
    message = found(p, "PR01").message
    assert all(part in message for part in ("context", "changes", "evidence"))


def test_pr01_not_raised_without_a_failure_even_with_no_story() -> None:
    p = plan(attempt(Exam.STEP1, ExamResult.PASS), attempt(Exam.STEP2CK, ExamResult.PENDING),
             story_context="", story_changes="", story_evidence="")
    assert "PR01" not in codes(p)


def test_pr01_not_raised_when_all_three_parts_are_written() -> None:
    assert "PR01" not in codes(plan(attempt(Exam.STEP1)))


# -- PR02: high-tier primary, no backup --------------------------------------------------------


def test_pr02_high_tier_primary_without_backup() -> None:
    finding = found(plan(specialty="Dermatology", backup_specialty=""), "PR02")
    assert finding.severity is Severity.WARNING
    assert "Dermatology" in finding.message


def test_pr02_tier_override_in_the_plan_counts() -> None:
    p = plan(specialty="Internal Medicine", backup_specialty="")
    p.specialties["Internal Medicine"] = SpecialtyEntry(tier=Tier.HIGH)
    assert "PR02" in codes(p)


def test_pr02_not_raised_with_a_backup() -> None:
    assert "PR02" not in codes(plan(specialty="Dermatology", backup_specialty="Internal Medicine"))


def test_pr02_not_raised_for_a_moderate_primary_without_backup() -> None:
    assert "PR02" not in codes(plan(specialty="General Surgery", backup_specialty=""))


# -- PR03: three failures at one exam ----------------------------------------------------------


def test_pr03_three_failures_at_one_exam_is_danger() -> None:
    p = plan(attempt(Exam.STEP1), attempt(Exam.STEP1), attempt(Exam.STEP1))
    finding = found(p, "PR03")
    assert finding.severity is Severity.DANGER
    assert "3 failed attempts at USMLE Step 1" in finding.message
    assert "4 per Step" in finding.message and "1 is left" in finding.message
    assert codes(p) == ["PR03"]


def test_pr03_three_failures_then_a_pass_is_a_warning_not_ready_talk() -> None:
    p = plan(*[attempt(Exam.STEP2CK)] * 3, attempt(Exam.STEP2CK, ExamResult.PASS))
    finding = found(p, "PR03")
    assert finding.severity is Severity.WARNING
    assert "3 failed attempts at USMLE Step 2 CK" in finding.message
    assert "must be ready" not in finding.message and "left" not in finding.message


def test_pr03_four_failures_leave_no_usmle_attempt() -> None:
    finding = found(plan(*[attempt(Exam.STEP1)] * 4), "PR03")
    assert finding.severity is Severity.DANGER
    assert "none is left" in finding.message and "must be ready" not in finding.message


def test_pr03_a_pending_fourth_attempt_counts_against_the_limit() -> None:
    p = plan(*[attempt(Exam.STEP3)] * 3, attempt(Exam.STEP3, ExamResult.PENDING))
    assert "none is left" in found(p, "PR03").message


def test_pr03_for_comlex_does_not_quote_the_usmle_limit() -> None:
    p = plan(attempt(Exam.COMLEX1), attempt(Exam.COMLEX1), attempt(Exam.COMLEX1))
    message = found(p, "PR03").message
    assert "COMLEX Level 1" in message
    assert "USMLE" not in message


def test_pr03_not_raised_for_two_failures_at_one_exam_and_one_at_another() -> None:
    p = plan(attempt(Exam.STEP1), attempt(Exam.STEP1), attempt(Exam.STEP2CK))
    assert "PR03" not in codes(p)


def test_pr03_not_raised_when_the_third_attempt_passed() -> None:
    p = plan(attempt(Exam.STEP1), attempt(Exam.STEP1), attempt(Exam.STEP1, ExamResult.PASS))
    assert "PR03" not in codes(p)


# -- PR05: an IMG without ECFMG certification by the rank deadline ----------------------------
# TODAY 2026-11-21 is in the 2027 Match: rank deadline 2027-03-01 (no [cycle] in the plan).


def img(*attempts: ExamAttempt, target: date | None = None, exam: Exam = Exam.STEP2CK) -> Plan:
    p = plan(*attempts, applicant_type=ApplicantType.IMG)
    p.schedule = Schedule(exam=exam, target_date=target, score_lag_weeks=4)
    return p


def test_pr05_img_with_step2ck_not_passed_and_nothing_planned() -> None:
    finding = found(img(attempt(Exam.STEP1, ExamResult.PASS), attempt(Exam.STEP2CK)), "PR05")
    assert finding.severity is Severity.DANGER
    assert "USMLE Step 2 CK" in finding.message and "2027-03-01" in finding.message
    assert "ECFMG" in finding.message


def test_pr05_a_test_reporting_the_day_before_the_rank_deadline_is_in_time() -> None:
    passed1 = attempt(Exam.STEP1, ExamResult.PASS)
    # reports 4 weeks after the test: 2027-02-28, the day before the deadline
    assert "PR05" not in codes(img(passed1, target=date(2027, 1, 31)))
    # reports 2027-03-02, the day after
    assert "2027-03-01" in found(img(passed1, target=date(2027, 2, 2)), "PR05").message


def test_pr05_one_planned_test_does_not_cover_two_missing_exams() -> None:
    assert "USMLE Step 1" in found(img(target=date(2027, 1, 10)), "PR05").message


def test_pr05_not_for_an_img_with_both_passed_nor_for_a_us_graduate() -> None:
    both = (attempt(Exam.STEP1, ExamResult.PASS), attempt(Exam.STEP2CK, ExamResult.PASS))
    assert "PR05" not in codes(img(*both))
    assert "PR05" not in codes(plan(attempt(Exam.STEP2CK)))


# -- PR06: the result and the score disagree ---------------------------------------------------


def scored(exam: Exam, result: ExamResult, score: int, when: date) -> ExamAttempt:
    return ExamAttempt(exam=exam, date=when, result=result, score=score)


def test_pr06_a_fail_at_the_pass_mark() -> None:
    p = plan(scored(Exam.STEP2CK, ExamResult.FAIL, 218, date(2025, 8, 1)))
    finding = found(p, "PR06")
    assert finding.severity is Severity.WARNING
    assert "218" in finding.message and "fail" in finding.message


def test_pr06_not_for_a_fail_one_point_below_the_pass_mark() -> None:
    assert "PR06" not in codes(plan(scored(Exam.STEP2CK, ExamResult.FAIL, 217, date(2025, 8, 1))))


def test_pr06_reads_the_pass_mark_of_the_test_date() -> None:
    # 216 failed in 2025-08 (mark 218) but would have passed in 2025-06 (mark 214)
    assert "PR06" in codes(plan(scored(Exam.STEP2CK, ExamResult.FAIL, 216, date(2025, 6, 30))))
    assert "PR06" not in codes(plan(scored(Exam.STEP2CK, ExamResult.FAIL, 216, date(2025, 7, 1))))


def test_pr06_a_pass_below_the_mark_on_the_comlex_scale() -> None:
    p = plan(scored(Exam.COMLEX2, ExamResult.PASS, 399, date(2026, 1, 5)), story_context="")
    assert "399" in found(p, "PR06").message
    assert "PR06" not in codes(plan(scored(Exam.COMLEX2, ExamResult.PASS, 400, date(2026, 1, 5))))


# -- PR04: failures at two different exams -----------------------------------------------------


def test_pr04_failures_at_two_different_exams() -> None:
    finding = found(plan(attempt(Exam.STEP1), attempt(Exam.STEP2CK)), "PR04")
    assert finding.severity is Severity.INFO
    assert "USMLE Step 1" in finding.message and "USMLE Step 2 CK" in finding.message


def test_pr04_not_raised_for_repeated_failures_at_the_same_exam() -> None:
    assert "PR04" not in codes(plan(attempt(Exam.STEP1), attempt(Exam.STEP1)))


def test_pr04_not_raised_when_the_other_exam_was_passed() -> None:
    p = plan(attempt(Exam.STEP1), attempt(Exam.STEP2CK, ExamResult.PASS))
    assert "PR04" not in codes(p)


def test_profile_findings_are_ordered_most_severe_first() -> None:
    p = plan(attempt(Exam.STEP1), attempt(Exam.STEP1), attempt(Exam.STEP1),
             attempt(Exam.STEP2CK), story_changes="")
    assert codes(p) == ["PR03", "PR01", "PR04"]


def test_profile_findings_come_from_the_full_evaluation_too() -> None:
    p = plan(attempt(Exam.STEP1), attempt(Exam.STEP2CK))
    assert "PR04" in [f.code for f in evaluate(p, TODAY)]


def test_findings_render_as_code_severity_message() -> None:
    finding = found(plan(attempt(Exam.STEP1), attempt(Exam.STEP2CK)), "PR04")
    assert finding.line() == f"PR04 info {finding.message}"


def test_pr01_reads_as_a_sentence() -> None:
    """It said "has no context, changes, evidence"."""
    p = plan(attempt(Exam.STEP1), story_context="", story_changes="", story_evidence="")
    assert "has no context, changes or evidence:" in found(p, "PR01").message
    p = plan(attempt(Exam.STEP1), story_context="", story_changes="")
    assert "has no context or changes:" in found(p, "PR01").message
