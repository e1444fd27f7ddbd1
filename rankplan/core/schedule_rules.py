"""Findings about the remediation schedule: SC01-SC08 (DESIGN §2.2, §2.5).

A rule that needs a date the plan does not set does not fire.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rankplan.core.cycle import resolve_aim, resolve_report_by, season_ahead
from rankplan.core.exams import passing_score
from rankplan.core.findings import Hit, Section, Severity, rule
from rankplan.core.model import EXAM_LABELS, Activity, Aim, Plan
from rankplan.core.schedule import (
    Verdict,
    describe_days,
    interview_chance,
    latest_safe_test,
    practice_scores,
    projected_report,
    readiness,
    recommended_weeks,
    resolve_cycle,
    study_days,
    week_activities,
)

TEST_SOON_DAYS = 14  # SC03: a test this many days away or fewer is "soon"


@rule("SC01", Severity.DANGER, Section.SCHEDULE,
      "The test date plus the score lag is after the date the score must be reported by.")
def report_too_late(plan: Plan, today: date) -> Iterator[Hit]:
    s = plan.schedule
    report_by = resolve_report_by(plan, today)
    report, safe = projected_report(s), latest_safe_test(s, report_by)
    if report is None or safe is None or report <= report_by:
        return
    advice = (f"test on {safe.isoformat()} at the latest" if safe >= today else
              f"the latest safe test date ({safe.isoformat()}) has passed, so move the "
              "report-by date or plan for a later cycle")
    yield Hit(
        f"Testing on {s.target_date.isoformat()} puts your score report at about "
        f"{report.isoformat()} ({s.score_lag_weeks} weeks later), after your report-by date "
        f"{report_by.isoformat()}: {advice}."
    )


@rule("SC02", Severity.WARNING, Section.SCHEDULE,
      "Aiming at the next season, the score reports after September of the application year, "
      "when most interview offers are already out.")
def report_after_september(plan: Plan, today: date) -> Iterator[Hit]:
    report = projected_report(plan.schedule)
    if report is None or resolve_aim(plan, today) is not Aim.NEXT_SEASON:
        return
    cycle = season_ahead(resolve_cycle(plan, today), today)
    opens = cycle.applications_open
    chance = interview_chance(report, opens)
    if chance is None or (cycle.rank_deadline and report > cycle.rank_deadline):
        return  # a report after the rank deadline comes when this cycle's interviews are over
    yield Hit(
        f"Your score should report about {report.isoformat()}, after September of the "
        f"{opens.year} application year (applications open {opens.isoformat()}): expect "
        f"about {chance:.0%} of the interviews you would get by reporting before then."
    )


@rule("SC03", Severity.DANGER, Section.SCHEDULE,
      f"The test is {TEST_SOON_DAYS} days away or less and the last two practice scores are "
      "not both at passing plus margin.")
def test_soon_not_ready(plan: Plan, today: date) -> Iterator[Hit]:
    s = plan.schedule
    if s.target_date is None:
        return
    days = (s.target_date - today).days
    if not 0 <= days <= TEST_SOON_DAYS:
        return
    state = readiness(s)
    if state.ready:
        return
    when = "today" if days == 0 else f"in {days} day{'s' * (days != 1)}"
    need = f"{state.target} or more (passing {passing_score(s)} + margin {s.margin})"
    if state.verdict is Verdict.NOT_ENOUGH_DATA:
        have = (f"only one practice score is recorded ({state.rests_on[0].describe()})"
                if state.rests_on else "no practice score is recorded")
        detail = f"{have}; readiness needs two scores of {need}"
    else:
        scores = " and ".join(p.describe() for p in state.rests_on)
        detail = f"your last two practice scores ({scores}) are not both {need}"
    yield Hit(
        f"Your test on {s.target_date.isoformat()} is {when} and {detail}: "
        "consider moving the date."
    )


@rule("SC04", Severity.WARNING, Section.SCHEDULE,
      "Fewer weeks of study before the test than recommended.")
def short_study(plan: Plan, today: date) -> Iterator[Hit]:
    s = plan.schedule
    days = study_days(s, today)
    if days is None:
        return
    advice = recommended_weeks(plan)
    if days >= advice.weeks * 7:
        return
    start = s.study_start or today
    source = "your study start" if s.study_start else "today"
    yield Hit(
        f"From {source} ({start.isoformat()}) to your test on {s.target_date.isoformat()} is "
        f"{describe_days(days)}; the advice is {advice.reason}"
    )


@rule("SC05", Severity.WARNING, Section.SCHEDULE, "No rest or off block in the week.")
def no_rest(plan: Plan, today: date) -> Iterator[Hit]:
    if not week_activities(plan.schedule) & {Activity.REST, Activity.OFF}:
        yield Hit("Your week has no rest or off block: plan at least one half-day away from "
                  "study, or the weeks before the test will wear you down.")


@rule("SC06", Severity.INFO, Section.SCHEDULE, "No mentor block in the week.")
def no_mentor(plan: Plan, today: date) -> Iterator[Hit]:
    if Activity.MENTOR not in week_activities(plan.schedule):
        yield Hit("Your week has no mentor block: a regular meeting with a mentor or learning "
                  "specialist keeps the plan honest, and gives you someone to vouch for it.")


@rule("SC07", Severity.INFO, Section.SCHEDULE, "No clinical block in the week.")
def no_clinical(plan: Plan, today: date) -> Iterator[Hit]:
    if Activity.CLINICAL not in week_activities(plan.schedule):
        yield Hit("Your week has no clinical block: programs want recent US clinical work and "
                  "fresh letters when you reapply.")


@rule("SC08", Severity.INFO, Section.SCHEDULE,
      "A test date is set and no practice score is recorded.")
def no_practice_score(plan: Plan, today: date) -> Iterator[Hit]:
    s = plan.schedule
    if s.target_date is not None and not practice_scores(s):
        yield Hit(
            f"Your {EXAM_LABELS[s.exam]} is set for {s.target_date.isoformat()} but no practice "
            "score is recorded: take a practice exam for a baseline, then one every two weeks."
        )
