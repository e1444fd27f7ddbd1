"""The plan as a neutral document: the sections of DESIGN §4, in their order."""

from __future__ import annotations

from datetime import date

from rankplan.core.derived import derive
from rankplan.core.model import Plan
from rankplan.exchange.blocks import Document
from rankplan.exchange.content_profile import profile_section, soap_section
from rankplan.exchange.content_reapply import reapply_sections
from rankplan.exchange.content_rank import findings_section, odds_section, rank_section
from rankplan.exchange.content_schedule import (
    goals_section,
    practice_section,
    timeline_section,
    week_section,
)
from rankplan.exchange.words import DAY_NAMES

WEEKDAYS = tuple(DAY_NAMES.values())  # Monday first, as date.weekday() counts


def build_document(plan: Plan, today: date) -> Document:
    """Everything the text and Markdown exports show, computed once."""
    derived = derive(plan, today)
    odds = derived.odds
    name = plan.profile.name.strip()
    title = f"Residency Match plan: {name}" if name else "Residency Match plan"
    intro = (
        f"Exported from rankplan on {WEEKDAYS[today.weekday()]}, {today.isoformat()}. The "
        "chances are estimates from a simple model; its assumptions are listed under MATCH ODDS.",
    )
    return Document(title, intro, (
        profile_section(plan),
        rank_section(plan, odds, today),
        findings_section(derived.findings),
        odds_section(plan, odds),
        soap_section(plan),
        week_section(plan),
        timeline_section(plan, today),
        practice_section(plan),
        goals_section(plan, today),
        *reapply_sections(plan, today),
    ))
