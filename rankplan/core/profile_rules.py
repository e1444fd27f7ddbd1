"""Findings about the applicant's profile: PR01-PR06 (DESIGN §2.2)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date

from rankplan.core.cycle import resolve_cycle
from rankplan.core.exams import USMLE, USMLE_ATTEMPT_LIMIT, pass_mark
from rankplan.core.findings import Hit, Section, Severity, rule
from rankplan.core.model import EXAM_LABELS, ApplicantType, Exam, ExamResult, Plan, Tier
from rankplan.core.schedule import projected_report
from rankplan.core.specialties import primary



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
        named = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} or {missing[-1]}"
        yield Hit(
            f"Your failure story has no {named}: interviewers will ask what "
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


def passed(plan: Plan, exam: Exam) -> bool:
    return any(a.exam is exam and a.result is ExamResult.PASS for a in plan.profile.exams)


def attempts_left(plan: Plan, exam: Exam) -> int:
    """USMLE attempts still allowed at ``exam``: every recorded attempt but a pass counts."""
    used = sum(1 for a in plan.profile.exams if a.exam is exam and a.result is not ExamResult.PASS)
    return max(0, USMLE_ATTEMPT_LIMIT - used)


@rule("PR03", Severity.DANGER, Section.PROFILE,
      f"Three or more failed attempts at one exam: danger while it is not passed (the USMLE "
      f"allows {USMLE_ATTEMPT_LIMIT} per Step), a warning once it is.")
def third_failure(plan: Plan, today: date) -> Iterator[Hit]:
    for exam, count in sorted(failures_by_exam(plan).items()):
        if count < 3:
            continue
        name = EXAM_LABELS[exam]
        if passed(plan, exam):
            yield Hit(f"{count} failed attempts at {name} before the pass: programs will ask "
                      "about each one, so your story must cover them all.", severity=Severity.WARNING)
        elif exam not in USMLE:
            yield Hit(f"{count} failed attempts at {name} and no pass yet: check how many "
                      "attempts the NBOME still allows you, and make the next one ready.")
        elif (left := attempts_left(plan, exam)) == 0:
            yield Hit(f"{count} failed attempts at {name} and no pass: the USMLE allows "
                      f"{USMLE_ATTEMPT_LIMIT} per Step and none is left, so talk to your "
                      "advisor about what remains open to you.")
        else:
            yield Hit(f"{count} failed attempts at {name} and no pass yet: the USMLE allows "
                      f"{USMLE_ATTEMPT_LIMIT} per Step, so {left} "
                      f"{'is' if left == 1 else 'are'} left and the next must be ready.")


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


ECFMG_EXAMS = (Exam.STEP1, Exam.STEP2CK)


@rule("PR05", Severity.DANGER, Section.PROFILE,
      "An IMG without Step 1 or Step 2 CK passed, and no test planned to report before the "
      "rank deadline: the NRMP uses the list only with ECFMG certification by then.")
def ecfmg_by_rank_deadline(plan: Plan, today: date) -> Iterator[Hit]:
    if plan.profile.applicant_type is not ApplicantType.IMG:
        return
    missing = [e for e in ECFMG_EXAMS if not passed(plan, e)]
    if not missing:
        return
    deadline = resolve_cycle(plan, today).rank_deadline
    report = projected_report(plan.schedule)
    if report is not None and report <= deadline and missing == [plan.schedule.exam]:
        return  # the one exam missing is planned and reports in time
    names = " and ".join(EXAM_LABELS[e] for e in missing)
    yield Hit(
        f"No pass in {names} is on record and no test is planned to report by the rank "
        f"deadline ({deadline.isoformat()}): the NRMP uses an IMG's rank list only if ECFMG "
        "certification is in place by then."
    )


@rule("PR06", Severity.WARNING, Section.PROFILE,
      "An exam recorded as failed with a score at or above its pass mark, or passed with a "
      "score below it: likely a typo.")
def result_against_score(plan: Plan, today: date) -> Iterator[Hit]:
    for a in plan.profile.exams:
        if a.score <= 0 or a.result is ExamResult.PENDING:
            continue
        mark = pass_mark(a.exam, a.date).score
        failed_high = a.result is ExamResult.FAIL and a.score >= mark
        passed_low = a.result is ExamResult.PASS and a.score < mark
        if failed_high or passed_low:
            when = f" on {a.date.isoformat()}" if a.date else ""
            side = "at or above" if failed_high else "below"
            yield Hit(
                f"{EXAM_LABELS[a.exam]}{when} is recorded as {a.result.value} with a score of "
                f"{a.score}, {side} the pass mark of {mark}: check the result or the score "
                "(other findings read them)."
            )
