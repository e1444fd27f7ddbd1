"""Everything derived from a plan, worked out once for whoever reads it (CLI, exports).

The screens keep their own running copy (the app recomputes only what an edit can change);
the command line and every exporter read one ``Derived`` and only format it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rankplan.core.findings import Finding
from rankplan.core.model import Plan
from rankplan.core.odds import MatchOdds, match_odds
from rankplan.core.rules import evaluate


@dataclass(frozen=True)
class Derived:
    today: date
    findings: list[Finding]  # in check order: most severe first
    odds: MatchOdds


def derive(plan: Plan, today: date) -> Derived:
    return Derived(today=today, findings=evaluate(plan, today), odds=match_odds(plan))
