"""How many programs to apply to (DESIGN §2.5, from seed 002 §7.1): the applicant's risk and
the matching target, as one pure function the Profile, the Reapply screen, the findings and
the exports share.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rankplan.core.model import Decision, ExamResult, Plan, RiskProfile, Tier
from rankplan.core.specialties import resolve
from rankplan.core.words import TIER_WORDS


class Risk(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


# At least this many applications, by risk (the seed's low / moderate / high figures).
BY_RISK: dict[Risk, int] = {Risk.LOW: 40, Risk.MODERATE: 70, Risk.HIGH: 110}
# A reapplicant's range by specialty (the seed's "80-120+" and "60-100+"); elsewhere 110.
REAPPLICANT_RANGES: dict[str, tuple[int, int]] = {
    "Family Medicine": (80, 120),
    "Internal Medicine": (80, 120),
    "Pediatrics": (80, 120),
    "Psychiatry": (60, 100),
}
REAPPLICANT_ELSEWHERE = 110


@dataclass(frozen=True)
class ApplicationTarget:
    risk: Risk
    minimum: int
    upper: int | None  # the top of the seed's range, when it gives one
    specialty: str  # the specialty the target is for
    reason: str  # why the risk is what it is, in a few words

    def span(self) -> str:
        """"80-120" or "at least 40"."""
        if self.upper is not None:
            return f"{self.minimum}-{self.upper}"
        return f"at least {self.minimum}"

    def line(self, planned: int | None = None, *, why: bool = True) -> str:
        """One line: "apply to 80-120 programs (high risk: ...)", and "; you plan 60"."""
        text = f"apply to {self.span()} programs"
        if why:
            text += f" ({self.risk} risk: {self.reason})"
        if planned is not None:
            text += f"; you plan {planned}" if planned else "; no number planned yet"
        return text


def target_specialty(plan: Plan) -> str:
    """The specialty the next applications go to: the pivot's, if the reapplicant decided
    to pivot and named one; else the profile's."""
    r = plan.reapply
    if r is not None and r.decision is Decision.PIVOT and r.pivot_specialty:
        return r.pivot_specialty
    return plan.profile.specialty


def application_risk(plan: Plan) -> tuple[Risk, str]:
    """The risk of §2.5 and the reason for it."""
    failures = sum(1 for a in plan.profile.exams if a.result is ExamResult.FAIL)
    if plan.reapply is not None:
        return Risk.HIGH, "a reapplicant"
    if failures >= 2:
        return Risk.HIGH, f"{failures} failed attempts"
    if plan.profile.risk_profile is RiskProfile.P5:
        return Risk.HIGH, "profile P5"
    spec = resolve(plan, plan.profile.specialty)
    if failures == 1 and spec is not None and spec.tier in (Tier.MODERATE, Tier.HIGH):
        return Risk.MODERATE, f"one failed attempt, {TIER_WORDS[spec.tier]} specialty"
    if failures == 1:
        return Risk.LOW, "one failed attempt, less competitive specialty"
    return Risk.LOW, "no failed attempt"


def application_target(plan: Plan) -> ApplicationTarget:
    risk, reason = application_risk(plan)
    specialty = target_specialty(plan)
    if plan.reapply is not None:
        low, high = REAPPLICANT_RANGES.get(specialty, (REAPPLICANT_ELSEWHERE, None))
        return ApplicationTarget(risk, low, high, specialty, reason)
    return ApplicationTarget(risk, BY_RISK[risk], None, specialty, reason)
