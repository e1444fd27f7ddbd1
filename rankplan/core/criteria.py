"""Criteria scores and the weighted fit score; renaming and removing criteria."""

from __future__ import annotations

from rankplan.core.model import Plan, Program


def fit_score(weights: dict[str, float], scores: dict[str, int]) -> float | None:
    """The weighted mean of the scores given (1-5); None if nothing with weight is scored.

    A criterion the program has no score for is left out, not counted as zero.
    """
    total = weight_sum = 0.0
    for name, score in scores.items():
        weight = weights.get(name, 0.0)
        if weight > 0:
            total += weight * score
            weight_sum += weight
    return total / weight_sum if weight_sum else None


def program_fit(plan: Plan, program: Program) -> float | None:
    return fit_score(plan.criteria, program.criteria)


def rename_criterion(plan: Plan, old: str, new: str) -> None:
    """Rename a criterion everywhere; each program keeps its score under the new name."""
    if old == new:
        return
    if new in plan.criteria:
        raise ValueError(f'there is already a criterion called "{new}"')
    plan.criteria = {(new if k == old else k): v for k, v in plan.criteria.items()}
    for program in plan.programs:
        if old in program.criteria:
            program.criteria = {(new if k == old else k): v for k, v in program.criteria.items()}


def remove_criterion(plan: Plan, name: str) -> None:
    """Remove a criterion and every program's score for it."""
    plan.criteria.pop(name, None)
    for program in plan.programs:
        program.criteria.pop(name, None)


def reshape_criteria(plan: Plan, rows: list[tuple[str | None, str, float]]) -> None:
    """Apply an edited criteria list at once: each row is (old name or None, name, weight).

    A row with an old name keeps every program's score under its (possibly new) name; old
    names without a row are removed with their scores. Names must be unique and non-empty.
    """
    names = [name for _, name, _ in rows]
    if any(not name.strip() for name in names):
        raise ValueError("every criterion needs a name")
    if len(set(names)) != len(names):
        raise ValueError("two criteria have the same name")
    if any(weight < 0 for _, _, weight in rows):
        raise ValueError("weights are 0 or more")
    plan.criteria = {name: weight for _, name, weight in rows}
    renames = {old: name for old, name, _ in rows if old is not None}
    for program in plan.programs:
        program.criteria = {
            renames[old]: score for old, score in program.criteria.items() if old in renames
        }
