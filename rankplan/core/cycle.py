"""The Match cycle and what the schedule aims at (DESIGN §2.5). Pure date logic.

``[cycle]`` is the Match the user is in or enters next. When the file leaves it out, it is the
first cycle whose Match Day is on or after today; a partial ``[cycle]`` is completed from the
cycle its own dates belong to. "Today" is always a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta

from rankplan.core.model import Aim, Cycle, Plan


@dataclass(frozen=True)
class MonthDay:
    """A fixed day of the year, ``years_after`` the year applications open."""

    month: int
    day: int
    years_after: int = 0

    def on(self, application_year: int) -> date:
        return date(application_year + self.years_after, self.month, self.day)


@dataclass(frozen=True)
class NthWeekday:
    """The ``n``-th ``weekday`` (Monday = 0) of a month, ``years_after`` applications open."""

    month: int
    weekday: int
    n: int
    years_after: int = 0

    def on(self, application_year: int) -> date:
        first = date(application_year + self.years_after, self.month, 1)
        first_match = first + timedelta(days=(self.weekday - first.weekday()) % 7)
        return first_match + timedelta(weeks=self.n - 1)


FRIDAY = 4

# The default cycle, by the name of each ``Cycle`` field. Applications open September 3,
# programs review from September 24, the rank list is due March 1 and Match Day is the third
# Friday of March, both in the year after applications open.
DEFAULT_CYCLE: dict[str, MonthDay | NthWeekday] = {
    "applications_open": MonthDay(9, 3),
    "programs_review": MonthDay(9, 24),
    "rank_deadline": MonthDay(3, 1, years_after=1),
    "match_day": NthWeekday(3, FRIDAY, 3, years_after=1),
}


def cycle_for(application_year: int) -> Cycle:
    """The default cycle whose applications open in ``application_year``."""
    return Cycle(**{name: when.on(application_year) for name, when in DEFAULT_CYCLE.items()})


def default_cycle(today: date) -> Cycle:
    """The first default cycle whose Match Day is on or after ``today``: in interview season
    that is the Match being ranked for, not the one whose applications open next."""
    year = today.year - 1
    if DEFAULT_CYCLE["match_day"].on(year) < today:
        year += 1
    return cycle_for(year)


def application_year(cycle: Cycle) -> int | None:
    """The year applications open, read from the first date ``cycle`` sets; None if none."""
    for f in fields(Cycle):
        when = getattr(cycle, f.name)
        if when is not None:
            return when.year - DEFAULT_CYCLE[f.name].years_after
    return None


def resolve_cycle(plan: Plan, today: date) -> Cycle:
    """The plan's ``[cycle]`` with every missing date filled in from the cycle its own dates
    belong to (the year of ``applications_open``, or else of the first date set); with no
    date set at all, from ``default_cycle(today)``."""
    year = application_year(plan.cycle)
    defaults = cycle_for(year) if year is not None else default_cycle(today)
    return Cycle(**{
        f.name: getattr(plan.cycle, f.name) or getattr(defaults, f.name) for f in fields(Cycle)
    })


def _year_on(when: date) -> date:
    try:
        return when.replace(year=when.year + 1)
    except ValueError:  # February 29
        return when.replace(year=when.year + 1, day=28)


def season_ahead(cycle: Cycle, today: date) -> Cycle:
    """The cycle whose applications are still to open: ``cycle`` itself if they open after
    today, else the same dates one year on (a default date moves to next year's default, so
    Match Day stays the third Friday of March)."""
    if cycle.applications_open > today:
        return cycle
    year = application_year(cycle)
    this, following = cycle_for(year), cycle_for(year + 1)
    return Cycle(**{
        f.name: getattr(following, f.name) if getattr(cycle, f.name) == getattr(this, f.name)
        else _year_on(getattr(cycle, f.name))
        for f in fields(Cycle)
    })


def default_aim(plan: Plan, cycle: Cycle, today: date) -> Aim:
    """``rank-deadline`` while the Match in ``cycle`` is under way (applications open, rank
    list not yet due) and the plan has programs; else ``next-season``."""
    if plan.programs and cycle.applications_open <= today <= cycle.rank_deadline:
        return Aim.RANK_DEADLINE
    return Aim.NEXT_SEASON


def resolve_aim(plan: Plan, today: date) -> Aim:
    return plan.schedule.aim or default_aim(plan, resolve_cycle(plan, today), today)


def aim_report_by(plan: Plan, aim: Aim, today: date) -> date:
    """The date the score must be in by for ``aim``: this Match's rank deadline, or the
    season ahead's programs-review date."""
    cycle = resolve_cycle(plan, today)
    if aim is Aim.RANK_DEADLINE:
        return cycle.rank_deadline
    return season_ahead(cycle, today).programs_review


def resolve_report_by(plan: Plan, today: date) -> date:
    """``schedule.report_by``, or when absent the date the aim gives."""
    return plan.schedule.report_by or aim_report_by(plan, resolve_aim(plan, today), today)
