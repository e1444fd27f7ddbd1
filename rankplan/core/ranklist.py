"""The rank list as data: ranked and unranked programs, bands, moves (DESIGN §2.2).

``plan.rank_list.order`` holds program ids, rank 1 first; everything here reads or edits that
list. The bands are drawn as dividers on the screen and used by the findings:

- **top**: the first min(4, max(2, round(r/4))) ranks, never more than r;
- **bottom**: the last floor(r/3) ranks, never overlapping the top;
- **core**: the rest.

``round`` here rounds halves up (r = 10 gives a top of 3), as arithmetic does, not to even as
Python's ``round`` does. For tiny lists the formulas give: r = 1 all top; r = 2 both top;
r = 3 two top and one bottom, no core. floor(r/3) never reaches into the top, so the guard
that keeps them apart is only a guarantee, not a rule that changes any size.
"""

from __future__ import annotations

from enum import StrEnum
from operator import attrgetter

from rankplan.core.likelihood import failed_attempts, suggested_likelihoods
from rankplan.core.model import Likelihood, Plan, Program

TOP_MIN = 2
TOP_MAX = 4

# Getters run their loops in C: these helpers run for 300 programs after every keypress.
_id = attrgetter("id")
_likelihood = attrgetter("likelihood")
_debrief = attrgetter("debrief")


class Band(StrEnum):
    TOP = "top"
    CORE = "core"
    BOTTOM = "bottom"


def band_sizes(r: int) -> tuple[int, int]:
    """(top, bottom): how many ranks the top and bottom bands hold in a list of ``r``."""
    if r <= 0:
        return 0, 0
    top = min(TOP_MAX, max(TOP_MIN, (r + 2) // 4), r)  # (r + 2) // 4 is r/4 rounded half up
    bottom = min(r // 3, r - top)
    return top, bottom


def band_of(index: int, r: int) -> Band:
    """The band of the rank at ``index`` (0 = rank 1) in a list of ``r``."""
    if not 0 <= index < r:
        raise IndexError(f"rank index {index} is outside a list of {r}")
    top, bottom = band_sizes(r)
    if index < top:
        return Band.TOP
    if index >= r - bottom:
        return Band.BOTTOM
    return Band.CORE


def ranked(plan: Plan) -> list[Program]:
    """The ranked programs, rank 1 first. An id no program has is skipped (a valid plan has
    none: the file check refuses it)."""
    by_id = dict(zip(map(_id, plan.programs), plan.programs))
    try:
        return list(map(by_id.__getitem__, plan.rank_list.order))
    except KeyError:
        return [by_id[i] for i in plan.rank_list.order if i in by_id]


def unranked(plan: Plan) -> list[Program]:
    """The programs not on the rank list, in plan order (including "would not attend")."""
    on_list = set(plan.rank_list.order)
    return [p for p in plan.programs if p.id not in on_list]


def move(order: list[str], src: int, dst: int) -> None:
    """Move the entry at ``src`` so that it ends at index ``dst``; the others keep their
    order. Both must be valid indices of ``order`` (no negative ones)."""
    n = len(order)
    if not (0 <= src < n and 0 <= dst < n):
        raise IndexError(f"cannot move {src} to {dst} in a list of {n}")
    if src != dst:
        order.insert(dst, order.pop(src))


def rank(plan: Plan, program_id: str, at: int | None = None) -> None:
    """Put a program on the rank list at index ``at`` (None or past the end: the bottom).

    A program already on the list moves there instead. Ranking a program marked "would not
    attend" clears that mark: you rank only places you would go.
    """
    program = next((p for p in plan.programs if p.id == program_id), None)
    if program is None:
        raise KeyError(f"no program has the id {program_id!r}")
    if at is not None and at < 0:
        raise IndexError(f"rank index {at} is negative")
    order = plan.rank_list.order
    if program_id in order:
        order.remove(program_id)
    order.insert(len(order) if at is None else min(at, len(order)), program_id)
    program.would_not_attend = False


def unrank(plan: Plan, program_id: str) -> None:
    """Take a program off the rank list (nothing happens if it is not on it). The program
    stays in the plan; its "would not attend" mark is left as it is."""
    order = plan.rank_list.order
    if program_id in order:
        order.remove(program_id)


def effective_likelihoods(plan: Plan, programs: list[Program]) -> list[Likelihood]:
    """Each program's likelihood: the user's where set, else the suggestion (cached)."""
    own = list(map(_likelihood, programs))
    if all(own):
        return own
    suggested = suggested_likelihoods(map(_debrief, programs), failed_attempts(plan))
    return [mine or theirs for mine, theirs in zip(own, suggested)]
