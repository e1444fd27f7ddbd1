"""The CSV columns, shared by export and import: the program keys of DESIGN §3 and a few more.

- ``rank``: the program's place on the rank list (empty when not ranked);
- the program keys, in the file's order; ``criteria.<name>`` and ``debrief.<key>`` for the
  nested tables; ``takes_chances`` joined with ``;``;
- computed, export only (an import reads past them): ``suggested_likelihood``, ``fit_score``,
  and ``chance``, the chance of matching at that rank (as on the Rank list screen).
"""

from __future__ import annotations

from dataclasses import fields

from rankplan.core.model import Debrief, Plan, Program
from rankplan.core.text import visible

RANK = "rank"
CRITERIA = "criteria."
DEBRIEF = "debrief."
LIST_SEPARATOR = ";"

PROGRAM_KEYS: tuple[str, ...] = tuple(
    f.name for f in fields(Program) if f.name not in ("criteria", "debrief")
)
DEBRIEF_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Debrief))
COMPUTED: tuple[str, ...] = ("suggested_likelihood", "fit_score", "chance")

BOM = "\ufeff"


def criteria_names(plan: Plan) -> list[str]:
    """The plan's criteria, then any a program scores that the plan does not list."""
    names = dict.fromkeys(plan.criteria)
    for program in plan.programs:
        names.update(dict.fromkeys(program.criteria))
    return list(names)


def header(plan: Plan) -> list[str]:
    return [
        RANK,
        *PROGRAM_KEYS,
        *(CRITERIA + name for name in criteria_names(plan)),
        *(DEBRIEF + key for key in DEBRIEF_KEYS),
        *COMPUTED,
    ]


def known_column(name: str) -> bool:
    """Whether an import knows the column ``name`` (criteria names are the user's own)."""
    if name.startswith(CRITERIA):
        return bool(name[len(CRITERIA):].strip())
    if name.startswith(DEBRIEF):
        return name[len(DEBRIEF):] in DEBRIEF_KEYS
    return name in (RANK, *PROGRAM_KEYS, *COMPUTED)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def _formula_like(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` after any leading ``'`` as a formula."""
    return text.lstrip(TEXT_MARK).startswith(FORMULA_START)


def safe(text: str) -> str:
    """A cell a spreadsheet reads as text: control characters shown, a formula defused."""
    text = visible(text)
    return TEXT_MARK + text if _formula_like(text) else text


def unsafe(text: str) -> str:
    """The cell that ``safe`` wrote, for the import: the ``'`` it added taken off again."""
    return text[1:] if text.startswith(TEXT_MARK) and _formula_like(text) else text
