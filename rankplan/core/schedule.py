"""The remediation schedule (DESIGN §2.5): the week grid, study length, readiness and the
back-planned timeline.

Pure functions over the model. "Today" is always a parameter; every date is computed from the
plan or from the default cycle (``core.cycle``), never written into the logic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from rankplan.core.exams import EXAMS, USMLE, passing_score
from rankplan.core.model import (
    DAYS,
    DEFAULT_HOURS,
    EXAM_LABELS,
    SLOTS,
    Activity,
    Aim,
    Cycle,
    ExamResult,
    Plan,
    Schedule,
)

# The application cycle lives in ``core.cycle``; its names stay importable from here.
from rankplan.core.cycle import (  # noqa: E402, F401
    application_year,
    cycle_for,
    default_cycle,
    resolve_aim,
    resolve_cycle,
    resolve_report_by,
    season_ahead,
)

# -- The week grid -----------------------------------------------------------------------------


def week_slots(schedule: Schedule) -> list[tuple[str, str, Activity]]:
    """Every (day, slot, activity) of the week grid; a missing day or slot is empty."""
    cells = []
    for day in DAYS:
        planned = schedule.week.get(day, [])
        for i, slot in enumerate(SLOTS):
            cells.append((day, slot, Activity(planned[i]) if i < len(planned) else Activity.EMPTY))
    return cells


def slot_hours(schedule: Schedule, slot: str) -> int:
    return schedule.hours.get(slot, DEFAULT_HOURS[slot])


def week_activities(schedule: Schedule) -> set[Activity]:
    """The activities planned somewhere in the week (empty slots left out)."""
    return {a for _, _, a in week_slots(schedule) if a is not Activity.EMPTY}


def hours_by_activity(schedule: Schedule) -> dict[Activity, int]:
    """Weekly hours per planned activity, in the order of ``Activity``; empty slots not counted."""
    totals: dict[Activity, int] = {}
    for _, slot, activity in week_slots(schedule):
        if activity is not Activity.EMPTY:
            totals[activity] = totals.get(activity, 0) + slot_hours(schedule, slot)
    return {a: totals[a] for a in Activity if a in totals}


def total_hours(schedule: Schedule) -> int:
    """Planned hours in the week, all activities together."""
    return sum(hours_by_activity(schedule).values())


# -- Practice scores ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeScore:
    date: date | None
    form: str
    score: int

    def describe(self) -> str:
        when = f"on {self.date.isoformat()}" if self.date else "(undated)"
        return f"{self.form or 'practice exam'} {when}: {self.score}"


def practice_scores(schedule: Schedule) -> list[PracticeScore]:
    """The recorded scores (score above 0), oldest first by date.

    An undated score counts as the newest (it is most likely one just added whose date is not
    typed yet); undated scores keep the order of the file.
    """
    scored = [p for p in schedule.practice if p.score > 0]
    scored.sort(key=lambda p: (p.date is None, p.date or date.min))
    return [PracticeScore(p.date, p.form, p.score) for p in scored]


# -- Recommended study weeks -------------------------------------------------------------------

DEFAULT_STUDY_WEEKS = 12  # a 3-4 month intensive


@dataclass(frozen=True)
class Band:
    """A retake band: a first practice score at most ``below`` points under the pass mark."""

    below: int | None  # None = any further below
    weeks: int
    review_course: bool
    meaning: str
    text: str  # the band as the help names it


# A USMLE retake, by how far the first recorded practice score sits below the exam's pass mark
# (seed 004, written when Step 1 passed at 194: 180+ / 170s / 160s or below), nearest first.
RETAKE_BANDS: tuple[Band, ...] = (
    Band(14, 4, False, "the foundations are mostly solid", "within 14 points"),
    Band(24, 6, False, "the foundations are shaky (a tutor can make the weeks count)",
         "15-24 points below"),
    Band(None, 12, True, "gaps in the foundations that a short block will not close",
         "25 or more points below"),
)


def retake_band(score: int, passing: int) -> Band:
    """The band of a first practice score against the pass mark ``passing``."""
    gap = passing - score
    return next(b for b in RETAKE_BANDS if b.below is None or gap <= b.below)


@dataclass(frozen=True)
class Recommendation:
    weeks: int
    reason: str
    review_course: bool = False
    baseline: PracticeScore | None = None  # the score the recommendation rests on, if any
    band: Band | None = None  # the retake band that applied, if one did


def is_usmle_retake(plan: Plan) -> bool:
    """The schedule's exam is a USMLE Step with a failed attempt on record."""
    exam = plan.schedule.exam
    return exam in USMLE and any(a.exam is exam and a.result is ExamResult.FAIL
                                 for a in plan.profile.exams)


def recommended_weeks(plan: Plan) -> Recommendation:
    """How many weeks of dedicated study the advisors' guidance suggests for this plan.

    12 weeks by default. A USMLE retake is sized by its baseline, the first practice score
    recorded (by date), against the exam's pass mark.
    """
    schedule = plan.schedule
    name = EXAMS[schedule.exam].name
    standard = f"{DEFAULT_STUDY_WEEKS} weeks, the advisors' standard 3-4 month intensive"
    if not is_usmle_retake(plan):
        return Recommendation(DEFAULT_STUDY_WEEKS, f"{standard}.")
    scores = practice_scores(schedule)
    if not scores:
        return Recommendation(
            DEFAULT_STUDY_WEEKS,
            f"{standard} before a retake; a first practice score will size your {name} retake "
            "more closely.",
        )
    baseline = scores[0]
    passing = passing_score(schedule)
    band = retake_band(baseline.score, passing)
    gap = passing - baseline.score
    where = (f"{gap} points below the passing score of {passing}" if gap > 0 else
             f"at or above the passing score of {passing}")
    course = " and a review course" if band.review_course else ""
    return Recommendation(
        band.weeks,
        f"{band.weeks} weeks{course}, since your first practice score, {baseline.score}, is "
        f"{where} ({band.text}), which means {band.meaning}.",
        band.review_course,
        baseline,
        band,
    )


# -- Readiness ---------------------------------------------------------------------------------


class Verdict(StrEnum):
    READY = "ready"
    NOT_READY = "not ready"
    NOT_ENOUGH_DATA = "not enough data"


class Trend(StrEnum):
    RISING = "rising"
    FALLING = "falling"
    FLAT = "flat"


@dataclass(frozen=True)
class Readiness:
    verdict: Verdict
    target: int  # passing_score + margin
    rests_on: tuple[PracticeScore, ...]  # the last two scores by date, older first (or fewer)
    trend: Trend | None  # from the last two scores; None with fewer than two

    @property
    def ready(self) -> bool:
        return self.verdict is Verdict.READY

    @property
    def scores(self) -> tuple[int, ...]:
        return tuple(s.score for s in self.rests_on)

    @property
    def shortfall(self) -> int:
        """Points the lower of the scores is below the target (0 when it is not)."""
        return max(0, self.target - min(self.scores)) if self.scores else 0

    def summary(self) -> str:
        """The verdict and why, in one sentence ("Ready: the last two scores ...")."""
        return f"{self.verdict.value.capitalize()}: {self.detail()}"

    def detail(self) -> str:
        """Why, without the verdict (for a screen that shows the verdict beside it)."""
        if self.verdict is Verdict.NOT_ENOUGH_DATA:
            have = f"only {self.rests_on[0].describe()}" if self.rests_on else "no practice score"
            return f"{have}; readiness needs two scores of {self.target} or more."
        scores = " and ".join(s.describe() for s in self.rests_on)
        if self.ready:
            return f"the last two scores ({scores}) are both {self.target} or more."
        return (f"the last two scores ({scores}) are not both {self.target} or more "
                f"({self.shortfall} points short), trend {self.trend}.")


def readiness(schedule: Schedule) -> Readiness:
    """Ready when the last two practice scores are both at least passing + margin."""
    target = passing_score(schedule) + schedule.margin
    last = tuple(practice_scores(schedule)[-2:])
    if len(last) < 2:
        return Readiness(Verdict.NOT_ENOUGH_DATA, target, last, None)
    before, latest = last[0].score, last[1].score
    trend = Trend.RISING if latest > before else Trend.FALLING if latest < before else Trend.FLAT
    verdict = Verdict.READY if min(before, latest) >= target else Verdict.NOT_READY
    return Readiness(verdict, target, last, trend)


# -- Interview chance by score-report month (SC02) ---------------------------------------------

# Share of the interviews you would get by reporting before applications open, by the month of
# the application year the score reports in; the last row holds for every later month too.
# Through September there is no penalty.
LAST_MONTH_WITHOUT_PENALTY = 9
INTERVIEW_CHANCE_BY_MONTH: tuple[tuple[int, float], ...] = (
    (10, 0.70),
    (11, 0.40),
    (12, 0.15),
)


def interview_chance(report: date, applications_open: date) -> float | None:
    """The relative interview chance for a score reported on ``report``; None (no penalty)
    when it reports in September of the application year or before."""
    month = (report.year - applications_open.year) * 12 + report.month
    if month <= LAST_MONTH_WITHOUT_PENALTY:
        return None
    for last_month, chance in INTERVIEW_CHANCE_BY_MONTH:
        if month <= last_month:
            return chance
    return INTERVIEW_CHANCE_BY_MONTH[-1][1]


def report_timing(t: Timeline) -> str | None:
    """What the projected score report means for the aim, one clause (None without a test
    date). Aiming at this Match's rank deadline, it is in time or late for the report-by
    date; aiming at the season ahead, its cost in interviews (as SC02 counts it)."""
    report = t.score_report
    if report is None:
        return None
    if report > t.report_by:
        late = (report - t.report_by).days
        return f"{late} day{'s' * (late != 1)} after your report-by date {t.report_by.isoformat()}"
    if t.aim is Aim.RANK_DEADLINE:
        return f"in time for your report-by date {t.report_by.isoformat()}"
    opens = season_ahead(t.cycle, t.today).applications_open
    chance = interview_chance(report, opens)
    if chance is None:
        return f"before the {opens.year} season's interview offers, no cost to interviews"
    return (f"after September {opens.year}: about {chance:.0%} of the interviews you would "
            "get reporting by then")


# -- Back-planning -----------------------------------------------------------------------------

PRACTICE_EVERY = timedelta(weeks=2)


def score_lag(schedule: Schedule) -> timedelta:
    return timedelta(weeks=schedule.score_lag_weeks)


def latest_safe_test(schedule: Schedule, report_by: date | None) -> date | None:
    """The last test date whose score still reports by ``report_by`` (the resolved date:
    see ``core.cycle.resolve_report_by``)."""
    return report_by - score_lag(schedule) if report_by else None


def projected_report(schedule: Schedule) -> date | None:
    """When the score should report: the target date plus the score lag."""
    return schedule.target_date + score_lag(schedule) if schedule.target_date else None


def study_days(schedule: Schedule, today: date) -> int | None:
    """Days of study available before the target date.

    Counted from ``study_start``; when that is not set, from today (studying cannot start in
    the past), and then only while the test is still ahead. None when it cannot be counted.
    """
    if schedule.target_date is None:
        return None
    if schedule.study_start is not None:
        return (schedule.target_date - schedule.study_start).days
    if schedule.target_date < today:
        return None
    return (schedule.target_date - today).days


def describe_days(days: int) -> str:
    """``days`` as weeks and days: "12 weeks", "9 weeks and 3 days", "5 days"."""
    weeks, rest = divmod(abs(days), 7)
    parts = [f"{weeks} week{'s' * (weeks != 1)}"] if weeks else []
    if rest or not weeks:
        parts.append(f"{rest} day{'s' * (rest != 1)}")
    return ("minus " if days < 0 else "") + " and ".join(parts)


class MilestoneKind(StrEnum):
    STUDY_START = "study-start"
    PRACTICE_EXAM = "practice-exam"
    TEST = "test"
    LATEST_SAFE_TEST = "latest-safe-test"
    SCORE_REPORT = "score-report"
    REPORT_BY = "report-by"
    APPLICATIONS_OPEN = "applications-open"
    PROGRAMS_REVIEW = "programs-review"
    RANK_DEADLINE = "rank-deadline"
    MATCH_DAY = "match-day"


KIND_ORDER = {kind: i for i, kind in enumerate(MilestoneKind)}  # ties on one date

CYCLE_LABELS: dict[str, tuple[str, MilestoneKind]] = {
    "applications_open": ("Applications open", MilestoneKind.APPLICATIONS_OPEN),
    "programs_review": ("Programs start reviewing", MilestoneKind.PROGRAMS_REVIEW),
    "rank_deadline": ("Rank list deadline", MilestoneKind.RANK_DEADLINE),
    "match_day": ("Match Day", MilestoneKind.MATCH_DAY),
}


@dataclass(frozen=True)
class Milestone:
    label: str
    date: date
    kind: MilestoneKind

    def days_from(self, today: date) -> int:
        """Days from ``today`` to the milestone: negative once it has passed."""
        return (self.date - today).days


@dataclass(frozen=True)
class Timeline:
    today: date
    milestones: tuple[Milestone, ...]  # sorted by date
    cycle: Cycle  # the resolved cycle (every date set)
    aim: Aim  # the schedule's aim, resolved
    report_by: date  # the plan's, else the one the aim gives
    recommendation: Recommendation
    target_date: date | None  # the plan's test date
    latest_safe_test: date | None  # report_by - score lag
    plan_to: date | None  # what the study window runs to: target date, else latest safe date
    study_start: date | None
    study_start_planned: bool  # True when back-planned from the recommended weeks
    score_report: date | None  # target date + score lag
    practice_exams: tuple[date, ...]

    @property
    def today_index(self) -> int:
        """Where today falls: milestones[:today_index] are past; one due today is not."""
        return sum(1 for m in self.milestones if m.date < self.today)

    @property
    def past(self) -> tuple[Milestone, ...]:
        return self.milestones[: self.today_index]

    @property
    def upcoming(self) -> tuple[Milestone, ...]:
        return self.milestones[self.today_index:]

    @property
    def next(self) -> Milestone | None:
        return self.upcoming[0] if self.upcoming else None


MAX_PRACTICE_EXAMS = 26  # a year of them: a longer study window lists the last 26


def practice_dates(start: date, end: date) -> tuple[date, ...]:
    """A practice exam every two weeks after ``start``, each before ``end``: the last
    MAX_PRACTICE_EXAMS of them (those nearest the test), counted without a walk week by week."""
    last = ((end - start).days - 1) // PRACTICE_EVERY.days  # start + last * 2 weeks < end
    first = max(1, last - MAX_PRACTICE_EXAMS + 1)
    return tuple(start + k * PRACTICE_EVERY for k in range(first, last + 1))


def timeline(plan: Plan, today: date) -> Timeline:
    """The back-planned dates of the plan and its cycle, sorted, with today's place among them."""
    schedule = plan.schedule
    cycle = resolve_cycle(plan, today)
    advice = recommended_weeks(plan)
    report_by = resolve_report_by(plan, today)
    safe = latest_safe_test(schedule, report_by)
    plan_to = schedule.target_date or safe
    report = projected_report(schedule)
    planned = schedule.study_start is None
    start = schedule.study_start
    if planned and plan_to is not None:
        start = plan_to - timedelta(weeks=advice.weeks)
    practice = practice_dates(start, plan_to) if start and plan_to else ()

    m: list[Milestone] = []
    if start:
        m.append(Milestone(f"Start studying ({advice.weeks}-week plan)" if planned
                           else "Start studying", start, MilestoneKind.STUDY_START))
    m += [Milestone(f"Practice exam {i}", d, MilestoneKind.PRACTICE_EXAM)
          for i, d in enumerate(practice, 1)]
    if schedule.target_date:
        m.append(Milestone(f"Test day: {EXAM_LABELS[schedule.exam]}", schedule.target_date,
                           MilestoneKind.TEST))
    if safe:
        m.append(Milestone("Latest safe test date", safe, MilestoneKind.LATEST_SAFE_TEST))
    if report:
        m.append(Milestone("Score report expected", report, MilestoneKind.SCORE_REPORT))
    m.append(Milestone("Score must be reported by", report_by, MilestoneKind.REPORT_BY))
    for name, (label, kind) in CYCLE_LABELS.items():
        m.append(Milestone(label, getattr(cycle, name), kind))
    m.sort(key=lambda x: (x.date, KIND_ORDER[x.kind]))

    return Timeline(
        today=today, milestones=tuple(m), cycle=cycle, aim=resolve_aim(plan, today),
        report_by=report_by, recommendation=advice,
        target_date=schedule.target_date, latest_safe_test=safe, plan_to=plan_to,
        study_start=start, study_start_planned=planned and start is not None,
        score_report=report, practice_exams=practice,
    )

