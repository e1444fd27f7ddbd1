"""The programs as CSV, one row each, for a spreadsheet.

Choices, for a file that opens in a spreadsheet as it is:

- UTF-8 with a byte order mark. Excel reads a CSV without one in the system's legacy code
  page and garbles every accented name ("Hôpital" becomes "HÃ´pital"); with the mark it
  reads UTF-8. LibreOffice, Numbers, Google Sheets and Python's ``utf-8-sig`` all accept it,
  and ``rankplan import`` skips it.
- Commas between fields and CRLF between records (RFC 4180). A field is quoted only when it
  must be (a comma, a quote or a line break in it); a line break inside a note stays a line
  break inside the quoted field, which spreadsheets show as a line break in the cell.
- Values as the plan file writes them: ISO dates, ``true``/``false``, the words of each
  choice; ``match_chance`` is left empty when the model is used (the file's -1).
- Rows in the plan's order; the ``rank`` column holds the rank list's order.
- Text from the plan is data (DESIGN §4): control characters become visible escapes
  (``\\x1b``), and a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a CR gets a
  ``'`` in front, so a spreadsheet shows it as text instead of running it as a formula
  (``=HYPERLINK(...)``). A cell that already begins with ``'`` (one or more) and one of those
  gets one more, so ``rankplan import``, which takes one ``'`` off such a cell, reads back
  exactly what was written.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from enum import Enum

from rankplan.core.criteria import program_fit
from rankplan.core.likelihood import suggestion_for
from rankplan.core.model import Plan, Program
from rankplan.core.odds import match_odds
from rankplan.exchange.columns import (
    BOM,
    CRITERIA,
    DEBRIEF,
    DEBRIEF_KEYS,
    LIST_SEPARATOR,
    PROGRAM_KEYS,
    RANK,
    criteria_names,
    header,
    safe,
)


def cell(value: object) -> str:
    """A model value as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def program_row(program: Program) -> dict[str, str]:
    """The stored keys of one program (no rank, nothing computed)."""
    row = {key: cell(getattr(program, key)) for key in PROGRAM_KEYS}
    if program.match_chance == -1.0:
        row["match_chance"] = ""
    row.update({CRITERIA + name: str(score) for name, score in program.criteria.items()})
    row.update({DEBRIEF + key: cell(getattr(program.debrief, key)) for key in DEBRIEF_KEYS})
    return row


def export_csv(plan: Plan, today: date) -> str:  # noqa: ARG001 - the exports share one signature
    """The programs as CSV text, starting with a byte order mark (see the module's notes)."""
    columns = header(plan)
    odds = match_odds(plan)
    rank_of = {pid: i for i, pid in enumerate(plan.rank_list.order)}
    criteria = criteria_names(plan)
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\r\n", restval="")
    writer.writerow({name: safe(name) for name in columns})  # criteria names are the user's
    for program in plan.programs:
        row = program_row(program)
        index = rank_of.get(program.id)
        fit = program_fit(plan, program)
        row[RANK] = "" if index is None else str(index + 1)
        row["suggested_likelihood"] = suggestion_for(plan, program).likelihood.value
        row["fit_score"] = "" if fit is None else f"{fit:.2f}"
        row["chance"] = "" if index is None else f"{odds.at_rank[index]:.4f}"
        for name in criteria:
            row.setdefault(CRITERIA + name, "")
        writer.writerow({key: safe(value) for key, value in row.items()})
    return BOM + out.getvalue()
