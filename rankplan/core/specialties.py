"""The built-in specialty table (DESIGN §2.4) and its merge with the plan's overrides.

The baseline B is a rough chance to match with one failed attempt on record after about ten
interviews, all ranked. The advisors' figures are ballpark, not data, and the help says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from rankplan.core.model import Plan, Tier


# Where a B comes from (DESIGN §2.4): seed 000's ballpark figures, or this project's
# interpolation by tier, or the plan's own [specialties] entry.
BALLPARK = "advisors' ballpark"
ESTIMATE = "estimate"
OWN = "your figure"


@dataclass(frozen=True)
class Specialty:
    name: str
    tier: Tier
    baseline: float
    source: str = ESTIMATE


def _rows(names: tuple[str, ...], tier: Tier, baseline: float,
          source: str = ESTIMATE) -> dict[str, Specialty]:
    return {name: Specialty(name, tier, baseline, source) for name in names}


BUILTIN: dict[str, Specialty] = {
    **_rows(("Family Medicine",), Tier.LESS, 0.80, BALLPARK),
    **_rows(("Pediatrics",), Tier.LESS, 0.70, BALLPARK),
    **_rows(("Psychiatry",), Tier.LESS, 0.65, BALLPARK),
    **_rows(("Pathology", "Neurology"), Tier.LESS, 0.65),
    **_rows(("Internal Medicine",), Tier.MODERATE, 0.55, BALLPARK),
    **_rows(
        (
            "Anesthesiology",
            "Emergency Medicine",
            "Obstetrics and Gynecology",
            "Physical Medicine and Rehabilitation",
        ),
        Tier.MODERATE,
        0.50,
    ),
    **_rows(("General Surgery",), Tier.MODERATE, 0.40, BALLPARK),
    **_rows(
        (
            "Diagnostic Radiology",
            "Orthopaedic Surgery",
            "Dermatology",
            "Neurological Surgery",
            "Otolaryngology",
            "Plastic Surgery",
        ),
        Tier.HIGH,
        0.20,
        BALLPARK,
    ),
    **_rows(
        ("Transitional Year", "Preliminary Medicine", "Preliminary Surgery"), Tier.LESS, 0.65
    ),
}


def known_names(plan: Plan) -> list[str]:
    """Every specialty the plan can use: the built-in ones, then the plan's own additions."""
    extra = sorted(name for name in plan.specialties if name not in BUILTIN)
    return [*BUILTIN, *extra]


def resolve(plan: Plan, name: str) -> Specialty | None:
    """The specialty called ``name`` with the plan's overrides applied, or None if unknown."""
    builtin = BUILTIN.get(name)
    entry = plan.specialties.get(name)
    if entry is None:
        return builtin
    tier = entry.tier or (builtin.tier if builtin else None)
    baseline = entry.baseline if entry.baseline is not None else (
        builtin.baseline if builtin else None
    )
    if tier is None or baseline is None:
        return None
    if entry.baseline is None and builtin is not None:
        return Specialty(name, tier, baseline, builtin.source)
    return Specialty(name, tier, baseline, OWN)


def primary(plan: Plan) -> Specialty | None:
    return resolve(plan, plan.profile.specialty)
