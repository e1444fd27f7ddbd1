"""The JSON export (DESIGN §4, a contract read by scripts and other tools).

One object: ``schema``, ``rankplan`` (the version), ``today``, ``plan`` (the plan as plain
data, every key present), ``findings`` (in ``check`` order) and ``odds``. Chances are numbers
from 0 to 1; a ``more_needed`` of null means "more than 20" (or, for ``backup``, that the
plan names no backup specialty). Keys keep a fixed order; UTF-8 with a two-space indent.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from rankplan import __version__
from rankplan.core.derived import Derived, derive
from rankplan.core.model import SCHEMA_VERSION, Plan
from rankplan.core.plain import plain_data

OUTCOMES = ("primary", "backup", "preliminary")


def odds_data(derived: Derived) -> dict[str, Any]:
    odds = derived.odds
    return {
        "spread": odds.spread,
        "p_matched": odds.p_matched,
        "p_unmatched": odds.p_unmatched,
        "p_top3": odds.p_top3,
        "expected_rank": odds.expected_rank,
        "by_outcome": {k: odds.by_outcome[k] for k in OUTCOMES},
        "more_needed": {k: odds.more_needed[k] for k in OUTCOMES},
        "programs": [
            {"id": pid, "rank": rank, "chance": chance, "at_rank": at, "value": value}
            for rank, (pid, chance, at, value)
            in enumerate(zip(odds.ids, odds.chances, odds.at_rank, odds.values), 1)
        ],
    }


def plan_data(plan: Plan, derived: Derived) -> dict[str, Any]:
    """The plan with every default filled in: the cycle's dates, the schedule's aim, report-by
    date and passing score as rankplan uses them when the file leaves them out."""
    data = plain_data(plan)
    data["cycle"] = plain_data(derived.cycle)
    schedule = data["schedule"]
    schedule["aim"] = derived.aim.value
    schedule["report_by"] = derived.report_by.isoformat()
    schedule["passing_score"] = derived.passing_score
    return data


def export_data(plan: Plan, derived: Derived) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "rankplan": __version__,
        "today": derived.today.isoformat(),
        "plan": plan_data(plan, derived),
        "findings": [
            {"code": f.code, "severity": f.severity.value, "section": f.section.value,
             "message": f.message, "subjects": list(f.subjects)}
            for f in derived.findings
        ],
        "odds": odds_data(derived),
    }


def export_json(plan: Plan, today: date) -> str:
    return json.dumps(export_data(plan, derive(plan, today)), indent=2, ensure_ascii=False) + "\n"
