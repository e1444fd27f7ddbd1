"""PR01-PR04 through rules.evaluate: each raised when it should be, and not on a near miss."""

from __future__ import annotations

from datetime import date

from rankplan.core.findings import Section, Severity
from rankplan.core.model import Exam, ExamAttempt, ExamResult, Plan, Profile, SpecialtyEntry, Tier
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
    assert "4 attempts" in finding.message
    assert codes(p) == ["PR03"]


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
