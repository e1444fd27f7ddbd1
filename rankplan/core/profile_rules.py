"""Findings about the applicant's profile: PR01-PR04 (DESIGN §2.2)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date

from rankplan.core.findings import Hit, Section, Severity, rule
from rankplan.core.model import EXAM_LABELS, Exam, ExamResult, Plan, Tier
from rankplan.core.specialties import primary

USMLE_ATTEMPT_LIMIT = 4
USMLE_EXAMS = frozenset({Exam.STEP1, Exam.STEP2CK, Exam.STEP3})


def failures_by_exam(plan: Plan) -> Counter[Exam]:
    return Counter(a.exam for a in plan.profile.exams if a.result is ExamResult.FAIL)


@rule("PR01", Severity.WARNING, Section.PROFILE,
      "A failed attempt is on record but the three-part story is not written out.")
def missing_story(plan: Plan, today: date) -> Iterator[Hit]:
    if not failures_by_exam(plan):
        return
    p = plan.profile
    parts = {"context": p.story_context, "changes": p.story_changes, "evidence": p.story_evidence}
    missing = [name for name, text in parts.items() if not text.strip()]
    if missing:
        yield Hit(
            f"Your failure story has no {', '.join(missing)}: interviewers will ask what "
            "happened, what you changed and what proves it."
        )


@rule("PR02", Severity.WARNING, Section.PROFILE,
      "The primary specialty is highly competitive and no backup specialty is chosen.")
def no_backup(plan: Plan, today: date) -> Iterator[Hit]:
    spec = primary(plan)
    if spec and spec.tier is Tier.HIGH and not plan.profile.backup_specialty:
        yield Hit(
            f"{spec.name} is highly competitive and you have no backup specialty: "
            "many applicants with a failure do not match in it the first time."
        )


@rule("PR03", Severity.DANGER, Section.PROFILE,
      f"Three failed attempts at one exam (the USMLE allows {USMLE_ATTEMPT_LIMIT} in all).")
def third_failure(plan: Plan, today: date) -> Iterator[Hit]:
    for exam, count in sorted(failures_by_exam(plan).items()):
        if count >= 3:
            limit = (
                f"the USMLE allows {USMLE_ATTEMPT_LIMIT} attempts in all"
                if exam in USMLE_EXAMS
                else "check the NBOME's limit on attempts"
            )
            yield Hit(
                f"{count} failed attempts at {EXAM_LABELS[exam]}: {limit}, "
                "so the next one must be ready."
            )


@rule("PR04", Severity.INFO, Section.PROFILE,
      "Failed attempts at two different exams read to committees as a pattern.")
def failure_pattern(plan: Plan, today: date) -> Iterator[Hit]:
    failed = sorted(failures_by_exam(plan))
    if len(failed) >= 2:
        names = " and ".join(EXAM_LABELS[e] for e in failed)
        yield Hit(
            f"Failed attempts at {names}: committees read this as a pattern, so your story "
            "needs evidence that the cause is fixed."
        )
