"""Help tables written from the code's own registries (no widgets here)."""

from __future__ import annotations

from rankplan.core.findings import REGISTRY, Section
from rankplan.core.specialties import BUILTIN


def findings_help(section: Section) -> str:
    # The rules fill REGISTRY as they are imported, which the app does only after its first
    # frame (the first findings come from the child that read the plan): help may be sooner.
    import rankplan.core.rules  # noqa: F401

    rows = [
        f"| {r.code} | {r.severity} | {r.summary} |"
        for r in REGISTRY.values()
        if r.section == section
    ]
    return "| code | severity | when |\n|---|---|---|\n" + "\n".join(rows)


def specialties_help() -> str:
    rows = [f"| {s.name} | {s.tier} | {s.baseline:.2f} |" for s in BUILTIN.values()]
    return "| specialty | tier | baseline |\n|---|---|---|\n" + "\n".join(rows)
