"""The application target of DESIGN §2.5: risk from the profile and from ``[reapply]``."""

from __future__ import annotations

from datetime import date

import pytest

from rankplan.core import model as m
from rankplan.core.targets import Risk, application_target


def plan_with(fails: int = 0, specialty: str = "Internal Medicine",
              risk: m.RiskProfile = m.RiskProfile.P1, reapply: m.Reapply | None = None) -> m.Plan:
    exams = [m.ExamAttempt(m.Exam.STEP1, date(2024, 3, 1), m.ExamResult.FAIL) for _ in range(fails)]
    profile = m.Profile(specialty=specialty, risk_profile=risk, exams=exams)
    return m.Plan(profile=profile, reapply=reapply)


@pytest.mark.parametrize(
    ("plan", "risk", "span"),
    [
        (plan_with(0), Risk.LOW, "at least 40"),
        (plan_with(1, "Family Medicine"), Risk.LOW, "at least 40"),
        (plan_with(1, "Internal Medicine"), Risk.MODERATE, "at least 70"),
        (plan_with(1, "Dermatology"), Risk.MODERATE, "at least 70"),
        (plan_with(2, "Family Medicine"), Risk.HIGH, "at least 110"),
        (plan_with(0, risk=m.RiskProfile.P5), Risk.HIGH, "at least 110"),
        (plan_with(0, "Internal Medicine", reapply=m.Reapply()), Risk.HIGH, "80-120"),
        (plan_with(1, "Family Medicine", reapply=m.Reapply()), Risk.HIGH, "80-120"),
        (plan_with(1, "Pediatrics", reapply=m.Reapply()), Risk.HIGH, "80-120"),
        (plan_with(1, "Psychiatry", reapply=m.Reapply()), Risk.HIGH, "60-100"),
        (plan_with(1, "General Surgery", reapply=m.Reapply()), Risk.HIGH, "at least 110"),
    ],
)
def test_risk_and_target(plan: m.Plan, risk: Risk, span: str) -> None:
    target = application_target(plan)
    assert target.risk is risk
    assert target.span() == span


def test_a_pivot_takes_the_target_of_the_new_specialty() -> None:
    reapply = m.Reapply(decision=m.Decision.PIVOT, pivot_specialty="Psychiatry")
    target = application_target(plan_with(1, "General Surgery", reapply=reapply))
    assert (target.specialty, target.span()) == ("Psychiatry", "60-100")
    reapply.decision = m.Decision.REBRAND  # the pivot's name alone changes nothing
    assert application_target(plan_with(1, "General Surgery", reapply=reapply)).span() == "at least 110"


def test_the_line_says_what_is_planned() -> None:
    target = application_target(plan_with(1, reapply=m.Reapply()))
    assert target.line(60) == "apply to 80-120 programs (high risk: a reapplicant); you plan 60"
    assert target.line(0).endswith("; no number planned yet")
    assert target.line() == "apply to 80-120 programs (high risk: a reapplicant)"
