"""Add programs from a CSV file (a spreadsheet export): all of them, or none.

The first row names the columns, as ``csv_export`` writes them (the program keys of the plan
file, ``criteria.<name>``, ``debrief.<key>``, ``rank``); the computed columns of an export are
read past. Cells are read as spreadsheets write them (see ``csv_values``); an empty cell
means the key's default, as an omitted key does in the plan file.

The rows are turned into the plan file's own data and the whole plan is validated with
``storage.validate``, exactly as a plan file is, so an import cannot produce a plan that the
file check would refuse. Any problem is reported at its line and column and nothing is
imported.

- A row without an id gets one from its name (``core.programs.new_id``); a row whose id is
  already in the plan is an error, never an overwrite. A row without an id whose name (with
  specialty and track) is already in the plan, or on another such row, is an error too: most
  likely the same sheet imported twice.
- New programs join the bottom of the rank list unless ``would_not_attend`` (the rule of
  ``core.programs.add_program``); ``rank`` orders them among themselves (ranked rows first,
  in rank order, then the others in file order).
- A ``criteria.<name>`` column for a criterion the plan does not have adds it with weight 1
  (unless the name is close to an existing one, which is taken for a typo).
"""

from __future__ import annotations

import codecs
import copy
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rankplan.core.model import Plan, Program
from rankplan.core.programs import new_id
from rankplan.core.specialties import known_names
from rankplan.exchange import csv_headers as headers
from rankplan.exchange import csv_values as read
from rankplan.exchange.columns import (
    BOM,
    COMPUTED,
    CRITERIA,
    DEBRIEF,
    DEBRIEF_KEYS,
    RANK,
    header,
    known_column,
    unsafe,
)
from rankplan.exchange.csv_cells import Cell, CsvError, Record, read_records, sniff_separator

NEW_CRITERION_WEIGHT = 1.0

__all__ = ["CsvError", "ImportResult", "apply_import", "decode_csv", "import_csv"]


@dataclass(frozen=True)
class ImportResult:
    plan: Plan  # a new plan: the old one with the programs added (the old one is not changed)
    added: tuple[Program, ...]
    ranked: tuple[str, ...]  # ids put at the bottom of the rank list, in order
    new_criteria: tuple[str, ...]  # criteria added with weight 1
    ignored: tuple[str, ...] = ()  # computed columns read past
    notes: tuple[str, ...] = ()  # what the import made of the sheet's own columns


def decode_csv(data: bytes) -> str | CsvError:
    """Strict UTF-8 (a byte order mark is fine), or UTF-16 with its byte order mark (Excel's
    "Unicode text"); a file in another encoding is refused at the first byte that is not
    UTF-8, saying how to save it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return CsvError(1, 1, 'not readable as UTF-16: save the sheet as "CSV UTF-8" and '
                            "import that file")
    body = data.removeprefix(BOM.encode())
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
        return CsvError(line, col, f"not UTF-8 (byte 0x{body[exc.start]:02x}): save the sheet "
                        'as "CSV UTF-8" and import that file')


# -- columns -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str  # as the export names it: "preference", "criteria.fit", "debrief.felt"
    index: int
    cell: Cell  # the header cell


def _normal(raw: str) -> str:
    """A header cell as a column name: "Interview date" -> "interview_date"; the name of a
    criterion after "criteria." keeps its case and spaces."""
    head, dot, rest = raw.strip().partition(".")
    head = _key(head)
    if dot and head == CRITERIA[:-1]:
        return CRITERIA + rest.strip()
    return f"{head}.{_key(rest)}" if dot else head


def _key(raw: str) -> str:
    return re.sub(r"[\s-]+", "_", raw.strip().lower())


def _hint(name: str, plan: Plan) -> str:
    if name in DEBRIEF_KEYS:
        return f'; did you mean "{DEBRIEF}{name}"?'
    if name in plan.criteria:
        return f'; did you mean "{CRITERIA}{name}"?'
    close = difflib.get_close_matches(name, header(plan), n=1, cutoff=0.6)
    if close:
        return f'; did you mean "{close[0]}"?'
    return ("; columns are named as the program keys of the plan file, such as name, "
            "specialty, preference, interview_date, criteria.<name> or debrief.felt")


def _values(rows: list[Record], index: int) -> list[str]:
    return [unsafe(r.cells[index].text) for r in rows if index < len(r.cells)]


def _columns(plan: Plan, head: Record, rows: list[Record], errors: list[CsvError],
             notes: list[str] | None = None) -> list[Column | None]:
    """The column of each header cell (None: a computed, derived or empty column, read
    past; ``notes`` says why for the derived ones). See ``csv_headers``."""
    out: list[Column | None] = []
    seen: dict[str, int] = {}  # column name -> its index
    notes = [] if notes is None else notes
    for index, cell in enumerate(head.cells):
        raw = cell.text.strip()
        name = _normal(cell.text)
        if not name:
            used = any(index < len(r.cells) and r.cells[index].text.strip() for r in rows)
            if used:
                errors.append(CsvError(cell.line, cell.col, "this column has no name in the "
                                       "first row, but holds values: name it or remove it"))
            out.append(None)
            continue
        if headers.derived(raw):
            notes.append(f'column "{raw}" read past: it is worked out from the others, and '
                         "rankplan works out its own figures")
            out.append(None)
            continue
        if not known_column(name):
            name = headers.alias(raw) or name
        if not known_column(name) and name not in DEBRIEF_KEYS:
            if not any(v.strip() for v in _values(rows, index)):
                notes.append(f'column "{raw}" read past: it is empty')
                out.append(None)
                continue
            if headers.scores_only(_values(rows, index), SCORE):
                name = headers.as_criterion_column(raw, plan.criteria)
                notes.append(f'column "{raw}" read as the criterion "{name[len(CRITERIA):]}" '
                             "(scores from 1 to 5)")
            elif headers.figure(raw):
                notes.append(f'column "{raw}" read past: it is worked out from the others, '
                             "and rankplan works out its own figures")
                out.append(None)
                continue
        if not known_column(name):
            errors.append(CsvError(cell.line, cell.col,
                                   f'unknown column "{raw}"{_hint(name, plan)}'))
            out.append(None)
            continue
        if name in seen:
            errors.append(CsvError(cell.line, cell.col, f'the column "{name}" appears twice '
                                   f"(also column {_letter(seen[name])}); keep one"))
            out.append(None)
            continue
        seen[name] = index
        out.append(None if name in COMPUTED else Column(name, index, cell))
    return out


def _has_names(columns: list[Column | None]) -> bool:
    return any(c is not None and c.name in ("name", "id") for c in columns)


# -- rows --------------------------------------------------------------------------------------

READERS: dict[str, Callable[[str], Any]] = {
    "id": read.text,
    "name": read.text,
    "specialty": read.text,
    "setting": read.word,
    "track": read.word,
    "location": read.text,
    "preference": read.word,
    "likelihood": read.word,
    "match_chance": read.chance,
    "would_not_attend": read.boolean,
    "notes": read.note,
    DEBRIEF + "failure_discussion": read.word,
    DEBRIEF + "board_policy": read.word,
    DEBRIEF + "takes_chances": read.words,
    DEBRIEF + "post_interview": read.word,
    DEBRIEF + "home_program": read.boolean,
    DEBRIEF + "my_answer": read.word,
    DEBRIEF + "felt": read.whole(1, 5),
    RANK: read.rank,
}
SCORE = read.whole(1, 5)


@dataclass
class Row:
    """One data row being read: the program's data as the plan file would hold it."""

    record: Record
    cells: dict[str, Cell]  # column name -> cell
    data: dict[str, Any] = field(default_factory=dict)
    rank: int | None = None

    def at(self, column: str) -> Cell:
        """The cell of ``column`` in this row (the row's first cell if there is none)."""
        return self.cells.get(column) or self.record.cells[0]


def _letter(index: int) -> str:
    """A spreadsheet column letter: 0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


class _Reader:
    def __init__(self, plan: Plan, today: date, date_order: str | None = None) -> None:
        self.plan = plan
        self.errors: list[CsvError] = []
        self.readers = {**READERS, "interview_date": read.day(today, date_order)}
        self.index_of: dict[str, int] = {}
        self.specialties = {name.lower(): name for name in known_names(plan)}

    def error(self, row: Row, column: str, message: str) -> None:
        """A problem in ``column`` of ``row``, named as a spreadsheet names the cell."""
        cell = row.at(column)
        if column in row.cells:
            where = f"{column} (cell {_letter(self.index_of[column])}{row.record.row})"
        else:
            where = f"row {row.record.row}"
        self.errors.append(CsvError(cell.line, cell.col, f"{where}: {message}"))

    def row(self, record: Record, columns: list[Column | None]) -> Row | None:
        """The row's data; None for a blank row. Cells past the header must be empty."""
        cells = {}
        for i, cell in enumerate(record.cells):
            column = columns[i] if i < len(columns) else None
            if column is not None:
                cells[column.name] = cell
            elif i >= len(columns) and cell.text.strip():
                self.errors.append(CsvError(cell.line, cell.col, f"row {record.row}: this row "
                                            f"has more cells than the first row has columns "
                                            f"({len(columns)}); is a separator inside a cell "
                                            "that is not in quotes?"))
        if not any(c.text.strip() for c in record.cells):
            return None
        row = Row(record, cells)
        debrief: dict[str, Any] = {}
        criteria: dict[str, int] = {}
        for name, cell in cells.items():
            if not cell.text.strip():
                continue  # empty: the default
            reader = SCORE if name.startswith(CRITERIA) else self.readers[name]
            try:
                value = reader(unsafe(cell.text))
            except ValueError as exc:
                self.error(row, name, str(exc))
                continue
            if name == RANK:
                row.rank = value
            elif name.startswith(CRITERIA):
                criteria[name[len(CRITERIA):]] = value
            elif name.startswith(DEBRIEF):
                debrief[name[len(DEBRIEF):]] = value
            elif name == "specialty":
                row.data[name] = self.specialties.get(value.lower(), value)
            else:
                row.data[name] = value
        if criteria:
            row.data["criteria"] = criteria
        if debrief:
            row.data["debrief"] = debrief
        if not row.data.get("name") and not row.data.get("id"):
            self.error(row, "name", "every program needs a name (or an id)")
        return row


# -- the whole import --------------------------------------------------------------------------


def _criteria(plan: Plan, columns: list[Column | None], rows: list[Row],
              errors: list[CsvError]) -> list[str]:
    """Criteria the file scores that the plan lacks, to be added; a near miss of an existing
    name is reported (once, in the header) as the typo it most likely is."""
    new = []
    for column in columns:
        if column is None or not column.name.startswith(CRITERIA):
            continue
        name = column.name[len(CRITERIA):]
        if name in plan.criteria or not any(name in r.data.get("criteria", {}) for r in rows):
            continue
        close = difflib.get_close_matches(name, list(plan.criteria), n=1, cutoff=0.75)
        if close:
            cell = column.cell
            errors.append(CsvError(cell.line, cell.col, f'no criterion "{name}" in this plan; '
                                   f'did you mean "{CRITERIA}{close[0]}"? (rename the column, '
                                   "or add the criterion on the Debrief screen first)"))
            for row in rows:  # its scores are not checked again, cell by cell
                row.data.get("criteria", {}).pop(name, None)
        else:
            new.append(name)
    return new


def _identity(name: str, specialty: str, track: str) -> tuple[str, str, str]:
    return " ".join(name.lower().split()), specialty.lower(), track


def _ids_and_duplicates(reader: _Reader, rows: list[Row]) -> None:
    """Give each row its id, refusing an id or a program the plan (or the file) already has."""
    plan = reader.plan
    existing = {p.id: p for p in plan.programs}
    given: dict[str, Row] = {}
    for row in rows:
        pid = row.data.get("id")
        if not pid:
            continue
        if pid in existing:
            reader.error(row, "id", f'the plan already has a program with the id "{pid}" '
                         f'({existing[pid].name or pid}); an import only adds programs and '
                         "never replaces one: remove this row (or, if it is another program, "
                         "give it another id)")
        elif pid in given:
            reader.error(row, "id", f'the id "{pid}" is also on row {given[pid].record.row}; '
                         "each program needs its own")
        else:
            given[pid] = row
    # A row with an id of its own is a program of its own, whatever its name. A row without
    # one is known by its name: the same name (with the same specialty and track) as a program
    # already in the plan, or as another such row, is a duplicate.
    with_id = {id(row) for row in rows if row.data.get("id")}
    taken = set(existing) | set(given)
    for row in rows:
        if not row.data.get("id"):
            row.data["id"] = new_id(row.data.get("name", ""), taken)
            taken.add(row.data["id"])

    default = plan.profile.specialty
    known = {
        _identity(p.name, p.specialty or default, p.track.value): p for p in plan.programs
        if p.name.strip()
    }
    in_file: dict[tuple[str, str, str], Row] = {}
    for row in rows:
        name = row.data.get("name", "")
        if not name or id(row) in with_id:
            continue
        specialty = row.data.get("specialty") or default
        key = _identity(name, specialty, row.data.get("track", "categorical"))
        what = f'"{name}" ({specialty}, {key[2]})'
        if key in known:
            reader.error(row, "name", f"{what} is already in the plan as {known[key].id}; "
                         "to add it anyway, tell the two apart in the name or give this row "
                         "an id of its own")
        elif key in in_file:
            reader.error(row, "name", f"{what} is also on row {in_file[key].record.row}; "
                         "remove one, or tell them apart (in the name, or with an id each)")
        else:
            in_file[key] = row


def _ranking(reader: _Reader, rows: list[Row]) -> list[str]:
    """The ids to add to the bottom of the rank list, in order."""
    by_rank: dict[int, Row] = {}
    for row in rows:
        if row.rank is None:
            continue
        if row.data.get("would_not_attend"):
            reader.error(row, RANK, "a program you would not attend cannot be ranked: empty "
                         "the rank or set would_not_attend to false")
        elif row.rank in by_rank:
            reader.error(row, RANK, f"rank {row.rank} is also on row "
                         f"{by_rank[row.rank].record.row}; each rank is given once")
        else:
            by_rank[row.rank] = row
    ranked = [by_rank[k].data["id"] for k in sorted(by_rank)]
    ranked += [r.data["id"] for r in rows
               if r.rank is None and not r.data.get("would_not_attend")]
    return ranked


_PROGRAM_PATH = re.compile(r"^programs\[(\d+)\](?:\.(.+))?$")


def _column_of(rest: str | None) -> str:
    """The CSV column of a key path inside a program: 'debrief.takes_chances[1]' ->
    'debrief.takes_chances', 'criteria."my score"' -> 'criteria.my score'."""
    if not rest:
        return ""
    rest = re.sub(r"\[\d+\]$", "", rest)
    head, dot, tail = rest.partition(".")
    return f"{head}.{tail.strip(chr(34))}" if dot else head


def import_csv(plan: Plan, text: str, *, today: date | None = None,
               date_order: str | None = None) -> ImportResult | list[CsvError]:
    """The plan with the CSV's programs added, or every problem found (then nothing is added).

    ``plan`` itself is never changed; ``apply_import`` makes it equal to the result.
    ``today`` is the year a date without one ("nov 2") falls in (default: the clock's).
    ``date_order`` ("mdy" or "dmy") reads a date with slashes that reads two ways
    (02/11/2026); without it such a date is an error.
    """
    if today is None:
        from rankplan.clock import today as clock_today

        today = clock_today()
    text = text.removeprefix(BOM)
    records = read_records(text, sniff_separator(text))
    if isinstance(records, CsvError):
        return [records]
    if not records:
        return [CsvError(1, 1, "the file is empty: the first row must name the columns "
                         "(name,specialty,preference,...)")]
    head, body = records[0], records[1:]
    reader = _Reader(plan, today, date_order)
    notes: list[str] = []
    columns = _columns(plan, head, body, reader.errors, notes)
    if not _has_names(columns):
        first = head.cells[0]
        return [*reader.errors, CsvError(
            first.line, first.col, "the first row must name the columns, with at least a name "
            "column (for example name,specialty,preference,interview_date)")]
    reader.index_of = {c.name: c.index for c in columns if c is not None}
    ignored = tuple(_normal(c.text) for c, col in zip(head.cells, columns)
                    if col is None and _normal(c.text) in COMPUTED)
    rows = [row for record in body if (row := reader.row(record, columns)) is not None]
    new_criteria = _criteria(plan, columns, rows, reader.errors)
    _ids_and_duplicates(reader, rows)
    ranked = _ranking(reader, rows)
    checked = _validated(reader, rows, ranked, new_criteria)
    if reader.errors or checked is None:
        return sorted(reader.errors, key=lambda e: (e.line, e.col))
    return ImportResult(
        plan=checked,
        added=tuple(checked.programs[len(plan.programs):]),
        ranked=tuple(ranked),
        new_criteria=tuple(new_criteria),
        ignored=ignored,
        notes=tuple(notes),
    )


def _validated(reader: _Reader, rows: list[Row], ranked: list[str],
               new_criteria: list[str]) -> Plan | None:
    """The whole new plan, checked by the plan file's own validation; each problem in a new
    program is reported at its cell (once per cell: the first word on it wins)."""
    from rankplan.storage.document import plain
    from rankplan.storage.validate import validate

    data = plain(reader.plan)
    first_new = len(reader.plan.programs)
    data["programs"] = [*data.get("programs", []), *(r.data for r in rows)]
    data.setdefault("rank_list", {}).setdefault("order", []).extend(ranked)
    data.setdefault("criteria", {}).update(dict.fromkeys(new_criteria, NEW_CRITERION_WEIGHT))
    checked, problems = validate(data)

    reported = {(e.line, e.col) for e in reader.errors}
    own_errors = bool(reader.errors)
    for problem in problems:
        match = _PROGRAM_PATH.match(problem.key_path)
        if match and int(match[1]) >= first_new:
            row = rows[int(match[1]) - first_new]
            column = _column_of(match[2])
            cell = row.at(column)
            if (cell.line, cell.col) not in reported:
                reported.add((cell.line, cell.col))
                reader.error(row, column, problem.message)
        elif not own_errors:  # outside the new rows: never expected, but never hidden
            reader.errors.append(CsvError(1, 1, f"{problem.key_path}: {problem.message}"))
    return checked


def apply_import(plan: Plan, result: ImportResult) -> None:
    """Make ``plan`` (the one imported into) hold what ``result`` added, in place: for an app
    that keeps its plan object (and its undo history) rather than taking the new one."""
    for name in result.new_criteria:
        plan.criteria[name] = NEW_CRITERION_WEIGHT
    plan.programs.extend(copy.deepcopy(result.added))
    plan.rank_list.order.extend(result.ranked)
