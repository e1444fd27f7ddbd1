"""Findings about the reapplication year: RA01-RA09 (DESIGN §2.6).

A plan without ``[reapply]`` raises none of them. "The season ahead" comes from
``core.reapply.season_ahead``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rankplan.core.findings import Hit, Section, Severity, rule
from rankplan.core.model import AdvocateStatus, Decision, Exam, ExamResult, Plan, Tier
from rankplan.core.reapply import one_year_on, season_ahead
from rankplan.core.schedule import projected_report
from rankplan.core.specialties import resolve
from rankplan.core.targets import application_target, target_specialty

STALE_AFTER_YEARS = 1  # RA03, RA06: clinical work and letters older than this are stale
GRADUATION_WARNING_YEARS = 3  # RA04
GRADUATION_DANGER_YEARS = 5  # RA04
ALTERNATIVES_YEARS = 4  # RA09
ALTERNATIVES_CYCLES = 2  # RA09
LETTERS_NEEDED = 2  # RA06
STEP2_EXAMS = (Exam.STEP2CK, Exam.COMLEX2)


def _opens(plan: Plan, today: date) -> date:
    opens = season_ahead(plan, today).applications_open
    assert opens is not None
    return opens


def _years_out(plan: Plan, today: date) -> int | None:
    """How many calendar years after graduation the season ahead opens."""
    grad = plan.profile.graduation_year
    return _opens(plan, today).year - grad if grad else None


@rule("RA01", Severity.WARNING, Section.REAPPLY,
      "Reapplying to a highly competitive specialty with no backup specialty.")
def competitive_without_backup(plan: Plan, today: date) -> Iterator[Hit]:
    if plan.reapply is None or plan.profile.backup_specialty:
        return
    name = target_specialty(plan)
    spec = resolve(plan, name)
    if spec is not None and spec.tier is Tier.HIGH:
        yield Hit(
            f"You are reapplying to {name}, which is highly competitive, with no backup "
            "specialty: after a failure and an unmatched year most applicants find it closed, "
            "so choose a second specialty to apply to as well."
        )


@rule("RA02", Severity.WARNING, Section.REAPPLY,
      "Fewer applications planned than the target (§2.5), or no more than last cycle.")
def too_few_applications(plan: Plan, today: date) -> Iterator[Hit]:
    r = plan.reapply
    if r is None:
        return
    target = application_target(plan)
    planned = r.applications_planned
    if planned < target.minimum:
        said = f"You plan {planned} applications" if planned else "No number of applications is planned"
        yield Hit(f"{said}; a reapplicant in {target.specialty} should send "
                  f"{target.span()}.")
    elif planned <= r.applications:
        yield Hit(f"You plan {planned} applications, no more than the {r.applications} that "
                  "went unmatched last time: send more, and to a broader list.")


@rule("RA03", Severity.WARNING, Section.REAPPLY,
      "The last US clinical work ends more than 12 months before the season ahead opens.")
def stale_clinical_work(plan: Plan, today: date) -> Iterator[Hit]:
    r = plan.reapply
    if r is None:
        return
    opens = _opens(plan, today)
    if r.last_clinical is None:
        yield Hit(f"No US clinical work is recorded: programs want some within the year "
                  f"before applications open on {opens.isoformat()}.")
    elif r.last_clinical < one_year_on(opens, -STALE_AFTER_YEARS):
        yield Hit(f"Your last US clinical work ({r.last_clinical.isoformat()}) is more than 12 "
                  f"months before applications open on {opens.isoformat()}: find recent "
                  "clinical work in your specialty.")


@rule("RA04", Severity.WARNING, Section.REAPPLY,
      "The season ahead opens more than 3 years after graduation (more than 5: danger).")
def years_since_graduation(plan: Plan, today: date) -> Iterator[Hit]:
    years = _years_out(plan, today) if plan.reapply is not None else None
    if years is None or years <= GRADUATION_WARNING_YEARS:
        return
    opens = _opens(plan, today)
    if years > GRADUATION_DANGER_YEARS:
        yield Hit(f"Applications open on {opens.isoformat()}, {years} years after you "
                  "graduated: programs will expect recent US clinical work, new letters and "
                  "a passed Step 3.", severity=Severity.DANGER)
    else:
        yield Hit(f"Applications open on {opens.isoformat()}, {years} years after you "
                  "graduated: many programs grow cautious past 3 years, so keep your clinical "
                  "work and letters recent.")


@rule("RA05", Severity.INFO, Section.REAPPLY,
      "A failed Step 2 CK or COMLEX Level 2 is on record and the decision is to stay.")
def stay_after_step2_failure(plan: Plan, today: date) -> Iterator[Hit]:
    r = plan.reapply
    if r is None or r.decision is not Decision.STAY:
        return
    failed = sum(1 for a in plan.profile.exams
                 if a.exam in STEP2_EXAMS and a.result is ExamResult.FAIL)
    if failed:
        times = "a failed attempt" if failed == 1 else f"{failed} failed attempts"
        yield Hit(f"You decided to stay in your specialty with {times} at Step 2 CK or "
                  "COMLEX Level 2 on record: talk the pivot through with an advisor first.")


@rule("RA06", Severity.WARNING, Section.REAPPLY,
      "Fewer than 2 letters in the profile's specialty dated within 12 months before the "
      "season ahead opens.")
def too_few_fresh_letters(plan: Plan, today: date) -> Iterator[Hit]:
    r = plan.reapply
    if r is None:
        return
    opens = _opens(plan, today)
    since = one_year_on(opens, -STALE_AFTER_YEARS)
    specialty = plan.profile.specialty
    wanted = specialty.strip().casefold()  # a letter's specialty is typed freely
    fresh = [x for x in r.letters if x.specialty.strip().casefold() == wanted
             and x.date is not None and since <= x.date <= opens]
    if len(fresh) < LETTERS_NEEDED:
        count = f"{len(fresh)} letter" + ("" if len(fresh) == 1 else "s")
        yield Hit(f"{count} in {specialty} dated between {since.isoformat()} and "
                  f"{opens.isoformat()}; you need at least {LETTERS_NEEDED}: ask people who saw "
                  "your recent work.")


@rule("RA07", Severity.WARNING, Section.REAPPLY,
      "ERAS goes in after applications open, or the planned score reports after programs "
      "start reviewing.")
def late_submission(plan: Plan, today: date) -> Iterator[Hit]:
    r = plan.reapply
    if r is None:
        return
    season = season_ahead(plan, today)
    opens, review = season.applications_open, season.programs_review
    assert opens is not None and review is not None
    if r.submit_on is not None and r.submit_on > opens:
        yield Hit(f"You plan to submit on {r.submit_on.isoformat()}, after applications open "
                  f"on {opens.isoformat()}: a reapplicant should submit on the first day.")
    report = projected_report(plan.schedule)
    if report is not None and report > review:
        yield Hit(f"Your planned exam score reports about {report.isoformat()}, after programs "
                  f"start reviewing on {review.isoformat()}: test earlier.")


@rule("RA08", Severity.INFO, Section.REAPPLY,
      "No advocate has agreed to contact programs, or contacted them.")
def no_advocate(plan: Plan, today: date) -> Iterator[Hit]:
    r = plan.reapply
    if r is None:
        return
    if not any(a.status in (AdvocateStatus.AGREED, AdvocateStatus.CONTACTED) for a in r.advocates):
        yield Hit("No advocate has agreed to call or write to programs for you: ask faculty "
                  "who know your work to vouch for you with program directors.")


@rule("RA09", Severity.INFO, Section.REAPPLY,
      "More than 4 years after graduation with 2 or more unmatched cycles.")
def weigh_alternatives(plan: Plan, today: date) -> Iterator[Hit]:
    r = plan.reapply
    years = _years_out(plan, today) if r is not None else None
    if r is None or years is None:
        return
    if years > ALTERNATIVES_YEARS and r.cycles_unmatched >= ALTERNATIVES_CYCLES:
        yield Hit(f"{r.cycles_unmatched} Matches have gone unmatched and the next opens {years} "
                  "years after you graduated. Residency is still possible, and it is also worth "
                  "weighing, with an advisor, the careers your training opens outside it.")
