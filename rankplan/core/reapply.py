"""The reapplication year (DESIGN §2.6): the season ahead and what the autopsy derives.

``season_ahead`` is the cycle a reapplicant is preparing for: the plan's resolved ``[cycle]``
through ``core.cycle.season_ahead``, the one rule for "the season ahead" (§2.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rankplan.core import cycle as cycles
from rankplan.core.model import Aim, Cycle, Exam, ExamResult, Plan, Reapply, Tier
from rankplan.core.specialties import resolve


def one_year_on(day: date, years: int = 1) -> date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def season_ahead(plan: Plan, today: date) -> Cycle:
    """"The season ahead" (§2.5): ``[cycle]`` if its applications open after today, else
    the same dates one year on."""
    return cycles.season_ahead(cycles.resolve_cycle(plan, today), today)


@dataclass(frozen=True)
class Autopsy:
    """What the screen derives from the last cycle's figures."""

    interview_rate: float | None  # offers per application; None without applications
    score_late: bool | None  # the score reported after programs began reviewing; None = unknown
    review_began: date  # the last cycle's programs-review date


def last_review_date(plan: Plan, reapply: Reapply, today: date) -> date:
    """When programs began reviewing in the cycle that went unmatched: the season ahead's
    review date moved back to the year that cycle opened (the Match year less one)."""
    review = season_ahead(plan, today).programs_review
    assert review is not None
    if reapply.last_cycle:
        return review.replace(year=reapply.last_cycle - 1)
    if reapply.submitted is not None:
        return review.replace(year=reapply.submitted.year)
    return one_year_on(review, -1)


def autopsy(plan: Plan, reapply: Reapply, today: date) -> Autopsy:
    rate = reapply.interviews_offered / reapply.applications if reapply.applications else None
    review = last_review_date(plan, reapply, today)
    late = None if reapply.score_reported is None else reapply.score_reported > review
    return Autopsy(rate, late, review)


# -- the decision (seed 002 §3), as rules of thumb shown beside the choice ----------------------

DECISION_RULES: tuple[tuple[str, str], ...] = (
    ("step1",
     "A failed Step 1 (or COMLEX Level 1) followed by a strong Step 2 CK (or Level 2-CE) "
     "often lets you stay in a field that is not highly competitive, if the remediation "
     "shows."),
    ("step2",
     "A failed Step 2 CK or COMLEX Level 2, and above all more than one, calls for a frank "
     "talk about pivoting to another specialty."),
    ("high",
     "After a failure and an unmatched year, a highly competitive specialty is in practice "
     "closed to most applicants: pivot, or apply with a real backup."),
)


def decision_rules(plan: Plan) -> list[tuple[bool, str]]:
    """Each rule of thumb, and whether the plan's record is the case it speaks of."""
    failed = {a.exam for a in plan.profile.exams if a.result is ExamResult.FAIL}
    passed = {a.exam for a in plan.profile.exams if a.result is ExamResult.PASS}
    spec = resolve(plan, plan.profile.specialty)
    applies = {
        "step1": bool(failed & {Exam.STEP1, Exam.COMLEX1}) and bool(passed & {Exam.STEP2CK, Exam.COMLEX2})
        and not failed & {Exam.STEP2CK, Exam.COMLEX2},
        "step2": bool(failed & {Exam.STEP2CK, Exam.COMLEX2}),
        "high": spec is not None and spec.tier is Tier.HIGH,
    }
    return [(applies[key], text) for key, text in DECISION_RULES]


# -- the year's dates on the Schedule's timeline ------------------------------------------------


@dataclass(frozen=True)
class YearDate:
    """A date of the reapplication year, shown among the Schedule's milestones."""

    label: str
    date: date

    def days_from(self, today: date) -> int:
        return (self.date - today).days


def shows_year_dates(plan: Plan, today: date) -> bool:
    """Whether the Schedule's timeline shows the reapplication year's dates: with
    ``[reapply]``, while the schedule aims at the season ahead (§2.6)."""
    return plan.reapply is not None and cycles.resolve_aim(plan, today) is Aim.NEXT_SEASON


def year_dates(plan: Plan, today: date) -> list[YearDate]:
    """The planned ERAS submission and each dated letter, by date."""
    r = plan.reapply
    if r is None or not shows_year_dates(plan, today):
        return []
    found = [YearDate("Submit ERAS (planned)", r.submit_on)] if r.submit_on else []
    found += [YearDate(f"Letter: {x.author or 'a writer'} ({x.status.value})", x.date)
              for x in r.letters if x.date is not None]
    return sorted(found, key=lambda d: d.date)
