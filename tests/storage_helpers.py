"""Small helpers the storage tests share (importable: tests/ is on pythonpath)."""

from __future__ import annotations

import copy
import stat
from pathlib import Path

from rankplan.core import model as m


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def renamed(plan: m.Plan, name: str) -> m.Plan:
    plan = copy.deepcopy(plan)
    plan.profile.name = name
    return plan


def leftovers(folder: Path) -> list[str]:
    """Temporary files of atomic writes still in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
