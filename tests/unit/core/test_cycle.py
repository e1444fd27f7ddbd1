"""The Match cycle, the season ahead, the schedule's aim and the report-by date it gives."""

from __future__ import annotations

from datetime import date

from rankplan.core.cycle import (
    default_aim,
    default_cycle,
    resolve_aim,
    resolve_cycle,
    resolve_report_by,
    season_ahead,
)
from rankplan.core.model import Aim, Cycle, Plan, Program, Schedule

NOV_30 = date(2026, 11, 30)


def with_programs(**kwargs: object) -> Plan:
    return Plan(programs=[Program("univ-a")], **kwargs)


def test_on_2026_11_30_the_default_cycle_is_the_2027_match() -> None:
    assert default_cycle(NOV_30) == Cycle(date(2026, 9, 3), date(2026, 9, 24),
                                          date(2027, 3, 1), date(2027, 3, 19))


def test_the_day_after_match_day_the_default_is_the_2028_match() -> None:
    cycle = default_cycle(date(2027, 3, 20))
    assert cycle.applications_open == date(2027, 9, 3)
    assert cycle.match_day == date(2028, 3, 17)


def test_the_season_ahead_is_the_cycle_itself_before_it_opens() -> None:
    cycle = default_cycle(date(2027, 3, 20))
    assert season_ahead(cycle, date(2027, 3, 20)) == cycle


def test_the_season_ahead_in_interview_season_is_next_years() -> None:
    ahead = season_ahead(default_cycle(NOV_30), NOV_30)
    assert ahead == Cycle(date(2027, 9, 3), date(2027, 9, 24), date(2028, 3, 1),
                          date(2028, 3, 17))  # the third Friday again, not March 19


def test_the_season_ahead_keeps_a_written_date_one_year_on() -> None:
    plan = Plan(cycle=Cycle(applications_open=date(2026, 9, 2)))
    ahead = season_ahead(resolve_cycle(plan, NOV_30), NOV_30)
    assert ahead.applications_open == date(2027, 9, 2)
    assert ahead.programs_review == date(2027, 9, 24)


def test_aim_default_is_the_rank_deadline_mid_season_with_programs() -> None:
    plan = with_programs()
    assert default_aim(plan, resolve_cycle(plan, NOV_30), NOV_30) is Aim.RANK_DEADLINE
    assert resolve_report_by(plan, NOV_30) == date(2027, 3, 1)


def test_aim_default_is_the_next_season_without_programs_or_outside_the_season() -> None:
    assert resolve_aim(Plan(), NOV_30) is Aim.NEXT_SEASON
    assert resolve_report_by(Plan(), NOV_30) == date(2027, 9, 24)
    # after the rank deadline (2027-03-02, before Match Day) the season ahead is next
    assert resolve_aim(with_programs(), date(2027, 3, 2)) is Aim.NEXT_SEASON
    assert resolve_report_by(with_programs(), date(2027, 3, 2)) == date(2027, 9, 24)
    # before this cycle opens (a written cycle still ahead)
    ahead = with_programs(cycle=Cycle(applications_open=date(2027, 9, 3)))
    assert resolve_aim(ahead, NOV_30) is Aim.NEXT_SEASON


def test_the_aim_on_its_edges() -> None:
    plan = with_programs(cycle=Cycle(applications_open=date(2026, 9, 3)))
    assert resolve_aim(plan, date(2026, 9, 3)) is Aim.RANK_DEADLINE
    assert resolve_aim(plan, date(2027, 3, 1)) is Aim.RANK_DEADLINE
    assert resolve_aim(plan, date(2026, 9, 2)) is Aim.NEXT_SEASON


def test_a_written_aim_and_report_by_win() -> None:
    plan = Plan(schedule=Schedule(aim=Aim.RANK_DEADLINE))
    assert resolve_aim(plan, NOV_30) is Aim.RANK_DEADLINE
    assert resolve_report_by(plan, NOV_30) == date(2027, 3, 1)
    plan.schedule.report_by = date(2027, 2, 1)
    assert resolve_report_by(plan, NOV_30) == date(2027, 2, 1)


def test_report_by_follows_a_partial_cycle() -> None:
    plan = with_programs(cycle=Cycle(rank_deadline=date(2027, 3, 4)))
    assert resolve_report_by(plan, NOV_30) == date(2027, 3, 4)
