"""Every finding rankplan reports, evaluated through one registry.

Importing this module registers all rules; each section's rules live in their own module and
join the registry by importing it. ``evaluate`` is the one entry point the app and the CLI use.
"""

from __future__ import annotations

from datetime import date

from rankplan.core import debrief_rules, profile_rules, schedule_rules  # noqa: F401  (register)
from rankplan.core import rank_rules  # noqa: F401  (registers RL01-RL11)
from rankplan.core import reapply_rules  # noqa: F401  (registers RA01-RA09)
from rankplan.core.findings import REGISTRY, Finding, Section, run_rules
from rankplan.core.model import Plan


# Sections whose findings also read another section's data: an edit limited to the key's
# section must re-run these too (RA07 reads the schedule's test date).
ALSO_RERUN: dict[Section, tuple[Section, ...]] = {Section.SCHEDULE: (Section.REAPPLY,)}


def evaluate(plan: Plan, today: date, section: Section | None = None) -> list[Finding]:
    """All findings for ``plan`` (or one section's), most severe first."""
    rules = [r for r in REGISTRY.values() if section is None or r.section == section]
    return run_rules(plan, today, rules)
