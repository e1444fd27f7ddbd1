"""Everything derived from a plan, worked out once for whoever reads it (CLI, exports).

The screens keep their own running copy (the app recomputes only what an edit can change);
the command line and every exporter read one ``Derived`` and only format it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rankplan.core.cycle import resolve_aim, resolve_cycle, resolve_report_by
from rankplan.core.exams import passing_score
from rankplan.core.findings import Finding
from rankplan.core.model import Aim, Cycle, Plan
from rankplan.core.odds import MatchOdds, match_odds
from rankplan.core.rules import evaluate


@dataclass(frozen=True)
class Derived:
    today: date
    findings: list[Finding]  # in check order: most severe first
    odds: MatchOdds
    cycle: Cycle  # [cycle] with every date filled in (2.5)
    aim: Aim  # schedule.aim, or its default
    report_by: date  # schedule.report_by, or what the aim gives
    passing_score: int  # schedule.passing_score, or the exam's pass mark on the test date


def derive(plan: Plan, today: date) -> Derived:
    return Derived(
        today=today, findings=evaluate(plan, today), odds=match_odds(plan),
        cycle=resolve_cycle(plan, today), aim=resolve_aim(plan, today),
        report_by=resolve_report_by(plan, today), passing_score=passing_score(plan.schedule),
    )
