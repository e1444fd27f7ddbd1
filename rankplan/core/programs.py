"""Operations on the plan's interviews: add, duplicate, delete, attend or not."""

from __future__ import annotations

import copy
import re
import unicodedata

from rankplan.core.model import Plan, Program

_NOT_ID = re.compile(r"[^a-z0-9]+")


def new_id(name: str, taken: set[str]) -> str:
    """An id made from ``name`` ([a-z0-9-]+), unique among ``taken``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # ô -> o
    base = _NOT_ID.sub("-", plain.lower()).strip("-")[:40].strip("-") or "program"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def add_program(plan: Plan, name: str, **fields) -> Program:
    """A new interview, ranked last unless it is marked "would not attend"."""
    program = Program(id=new_id(name, {p.id for p in plan.programs}), name=name, **fields)
    plan.programs.append(program)
    if not program.would_not_attend:
        plan.rank_list.order.append(program.id)
    return program


def duplicate_program(plan: Plan, program: Program) -> Program:
    """A copy with its own id and "(copy)" after the name, placed after the original."""
    twin = copy.deepcopy(program)
    twin.name = f"{program.name} (copy)"
    twin.id = new_id(twin.name, {p.id for p in plan.programs})
    plan.programs.insert(plan.programs.index(program) + 1, twin)
    if not twin.would_not_attend:
        plan.rank_list.order.append(twin.id)
    return twin


def delete_program(plan: Plan, program: Program) -> None:
    plan.programs.remove(program)
    if program.id in plan.rank_list.order:
        plan.rank_list.order.remove(program.id)


def set_would_not_attend(plan: Plan, program: Program, value: bool) -> None:
    """Marking leaves the rank list (you cannot rank a place you would not go); unmarking
    ranks it last again."""
    program.would_not_attend = value
    order = plan.rank_list.order
    if value and program.id in order:
        order.remove(program.id)
    elif not value and program.id not in order:
        order.append(program.id)
