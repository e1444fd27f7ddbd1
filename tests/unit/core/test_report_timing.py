"""core.schedule.report_timing: what the projected score report means for the aim. The
Schedule said "about 15% of the interviews you would get" for a retake aimed at this Match's
rank deadline (interviews over, only the report-by date counts), and measured the season
ahead from this cycle's September."""

from __future__ import annotations

from datetime import date

from helpers import TODAY

from rankplan.core.model import Aim, Exam, Plan, Schedule
from rankplan.core.schedule import report_timing, timeline

# TODAY is 2026-11-21: the 2027 Match is being ranked (rank deadline 2027-03-01); the season
# ahead opens 2027-09-03.


def timing(**kwargs: object) -> str | None:
    plan = Plan(schedule=Schedule(exam=Exam.STEP3, score_lag_weeks=4, **kwargs))
    return report_timing(timeline(plan, TODAY))


def test_no_test_date_no_timing() -> None:
    assert timing() is None


def test_rank_deadline_in_time_or_late() -> None:
    assert timing(aim=Aim.RANK_DEADLINE, target_date=date(2027, 1, 20)) == (
        "in time for your report-by date 2027-03-01")
    late = timing(aim=Aim.RANK_DEADLINE, target_date=date(2027, 2, 15))  # reports 03-15
    assert late == "14 days after your report-by date 2027-03-01"
    assert "interview" not in (late or "")


def test_next_season_counts_from_the_season_ahead() -> None:
    # Reports 2027-02-17, long before the 2027 season opens: no cost (this cycle's
    # September, 2026, gave "15%").
    early = timing(aim=Aim.NEXT_SEASON, target_date=date(2027, 1, 20))
    assert early == "before the 2027 season's interview offers, no cost to interviews"
    # Reports 2027-10-29, report-by moved past it: October of the application year.
    late = timing(aim=Aim.NEXT_SEASON, target_date=date(2027, 10, 1), report_by=date(2027, 12, 1))
    assert late == "after September 2027: about 70% of the interviews you would get reporting by then"
