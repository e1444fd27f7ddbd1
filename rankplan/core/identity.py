"""A plan's identity for exports: a plan id, and an id for each goal (DESIGN §3 ``plan_id``,
``goals[].id``; README "Plan identity").

A calendar knows an event by its UID, so an export must name the same event the same way
every time, and two plans never the same way. The plan file keeps the ids:

- ``plan_id``: made once, when rankplan first holds a plan without one (the app on opening
  it, ``export`` and ``import`` on the command line), then written with the plan's next save
  and kept for good, wherever the file moves. Until it is written it is derived from the
  plan file's full path, so every export of a not-yet-saved plan at one place agrees.
- ``goals[].id``: ``g1``, ``g2``, ... given in file order to goals without one, and the
  number after the highest to a new goal; a goal keeps its id when renamed, moved or when
  others are deleted, so its calendar event follows it.

Pure: the caller passes the path's text; nothing here reads a file.
"""

from __future__ import annotations

import hashlib
import re

from rankplan.core.model import Plan

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
PLAN_ID_LENGTH = 16
_NUMBERED = re.compile(r"^g\d{1,9}$")


def derived_plan_id(place: str) -> str:
    """The plan id of a plan that has none yet, from where its file is (its full path)."""
    return hashlib.sha256(f"rankplan plan at {place}".encode()).hexdigest()[:PLAN_ID_LENGTH]


def ensure_identity(plan: Plan, place: str) -> bool:
    """Give ``plan`` its plan id and its goals their ids where they have none (in memory;
    the next save writes them). True when something was given."""
    given = False
    if not plan.plan_id:
        plan.plan_id = derived_plan_id(place)
        given = True
    taken = {g.id for g in plan.goals if g.id}
    n = max((int(g.id[1:]) for g in plan.goals if _NUMBERED.match(g.id)), default=0)
    for goal in plan.goals:
        if goal.id:
            continue
        n += 1
        while f"g{n}" in taken:
            n += 1
        goal.id = f"g{n}"
        taken.add(goal.id)
        given = True
    return given
