"""Turn the data tomllib read into a ``Plan``, or say exactly what is wrong and where.

The walk is driven by the dataclasses of ``core.model``: each field's type says what the file
may hold there. Ranges and cross-references that types cannot express are checked after.
Every problem is collected (not just the first), each with its key path.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import math
import re
import sys
import types
import typing
from datetime import date
from enum import Enum
from typing import Any

from rankplan.core import model as m
from rankplan.core.exams import scale_problem
from rankplan.core.dates import DATE_RANGE
from rankplan.core.dates import in_range as date_in_range
from rankplan.core.specialties import BUILTIN
from rankplan.storage.errors import PlanError

ID_PATTERN = re.compile(r"^[a-z0-9-]+$")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")

# Ranges of numeric fields: (class, field) -> (low, high), inclusive; None = unbounded.
RANGES: dict[tuple[type, str], tuple[float | None, float | None]] = {
    (m.Debrief, "felt"): (1, 5),
    (m.Schedule, "score_lag_weeks"): (0, 26),
    (m.Schedule, "margin"): (0, 100),
    (m.SpecialtyEntry, "baseline"): (0, 1),
    (m.OddsSettings, "green"): (0, None),
    (m.OddsSettings, "yellow"): (0, None),
    (m.OddsSettings, "red"): (0, None),
    (m.OddsSettings, "spread"): (0, 5),
    (m.Reapply, "cycles_unmatched"): (0, 20),
    (m.Reapply, "applications"): (0, 9999),
    (m.Reapply, "interviews_offered"): (0, 9999),
    (m.Reapply, "interviews_attended"): (0, 9999),
    (m.Reapply, "ranked"): (0, 9999),
    (m.Reapply, "applications_planned"): (0, 9999),
}


def key_path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    part = _key_part(key)
    return f"{parent}.{part}" if parent else part


@functools.lru_cache(maxsize=4096)
def _key_part(key: str) -> str:
    return key if _BARE_KEY.match(key) else f'"{key}"'


_SHOWN = 60  # characters of a wrong string shown in a message; digits of a wrong number


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= _SHOWN else f'"{value[:_SHOWN]}..." ({len(value)} characters)'
    if isinstance(value, int) and len(digits := str(abs(value))) > _SHOWN:
        return f"a number of {len(digits)} digits"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return str(value)


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, type) of each field of a model dataclass, resolved once per class."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


@functools.cache
def _names(cls: type) -> frozenset[str]:
    return frozenset(name for name, _ in _fields(cls))


@functools.cache
def _shape(hint: Any) -> tuple[str, Any]:
    """What a type hint asks for, worked out once per hint (a 300-program plan has about
    9,000 values): ("list", item), ("dict", item), ("table", cls) or ("scalar", hint);
    "X | None" is X, since the file leaves out what is None."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _shape(inner)
    if origin is list:
        return "list", typing.get_args(hint)[0]
    if origin is dict:
        return "dict", typing.get_args(hint)[1]
    if dataclasses.is_dataclass(hint):
        return "table", hint
    return "scalar", hint


@functools.cache
def _members(enum: type[Enum]) -> dict[str, Enum]:
    return {e.value: e for e in enum}


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""


class _Validator:
    def __init__(self) -> None:
        self.errors: list[PlanError] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(PlanError(message, key_path=path))

    def reported(self, path: str) -> bool:
        """Whether a problem at ``path``, or at a table holding it, is already reported."""
        return any(e.key_path == path or path.startswith(e.key_path + ".") for e in self.errors)

    # -- the generic walk -------------------------------------------------------------------

    def dataclass_(self, cls: type, data: Any, path: str, **fixed: Any) -> Any:
        """Build ``cls`` from the table ``data``; unknown keys are errors."""
        if not isinstance(data, dict):
            self.error(path, f"expected a table; got {_describe(data)}")
            return cls(**fixed)
        fields = _fields(cls)
        known = _names(cls)
        for key in data:
            if key not in known:
                names = [name for name, _ in fields]
                self.error(key_path(path, key), "unknown key" + did_you_mean(key, names))
        values = dict(fixed)
        for name, hint in fields:
            if name in data and name not in fixed:
                sub = key_path(path, name)
                value = self.value(hint, data[name], sub)
                if value is not _INVALID:
                    values[name] = self.in_range(cls, name, value, sub)
        return cls(**values)

    def in_range(self, cls: type, name: str, value: Any, path: str) -> Any:
        low, high = RANGES.get((cls, name), (None, None))
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = f"{low} to {high}" if high is not None else f"at least {low}"
            self.error(path, f"expected a number from {bounds}; got {_describe(value)}")
            return _INVALID_DEFAULT(cls, name)
        return value

    def value(self, hint: Any, data: Any, path: str) -> Any:
        kind, hint = _shape(hint)
        if kind == "list":
            item = hint
            if not isinstance(data, list):
                self.error(path, f"expected an array; got {_describe(data)}")
                return _INVALID
            items = [self.value(item, v, key_path(path, i)) for i, v in enumerate(data)]
            return [v for v in items if v is not _INVALID]
        if kind == "dict":
            item = hint
            if not isinstance(data, dict):
                self.error(path, f"expected a table; got {_describe(data)}")
                return _INVALID
            out = {k: self.value(item, v, key_path(path, k)) for k, v in data.items()}
            return {k: v for k, v in out.items() if v is not _INVALID}
        if kind == "table":
            return self.dataclass_(hint, data, path)
        return self.scalar(hint, data, path)

    def scalar(self, hint: Any, data: Any, path: str) -> Any:
        if isinstance(hint, type) and issubclass(hint, Enum):
            members = _members(hint)
            if isinstance(data, str) and data in members:
                return members[data]
            allowed = list(members)
            shown = ", ".join(f'"{a}"' if a == "" else a for a in allowed)
            hint_text = did_you_mean(data, allowed) if isinstance(data, str) else ""
            self.error(path, f"expected one of {shown}; got {_describe(data)}{hint_text}")
            return _INVALID
        if hint is bool:
            if isinstance(data, bool):
                return data
            self.error(path, f"expected true or false; got {_describe(data)}")
        elif hint is int:
            if isinstance(data, int) and not isinstance(data, bool):
                return data
            self.error(path, f"expected a whole number; got {_describe(data)}")
        elif hint is float:
            if isinstance(data, (int, float)) and not isinstance(data, bool):
                if isinstance(data, int) and abs(data) > _FLOAT_MAX:  # float() would overflow
                    self.error(path, f"expected an ordinary number; got {_describe(data)}")
                elif math.isfinite(data):
                    return float(data)
                else:
                    self.error(path, f"expected an ordinary number (not nan or inf); got {_describe(data)}")
            else:
                self.error(path, f"expected a number; got {_describe(data)}")
        elif hint is str:
            if isinstance(data, str):
                return data
            self.error(path, f"expected a string in quotes; got {_describe(data)}")
        elif hint is date:
            if isinstance(data, date) and type(data) is date:
                if date_in_range(data):
                    return data
                self.error(path, f"expected a date {DATE_RANGE}; got {data.isoformat()}")
                return _INVALID
            self.error(path, f"expected a date like 2026-11-02 (no quotes); got {_describe(data)}")
        else:  # pragma: no cover - a model field of a type this walker does not know
            raise TypeError(f"no validator for {hint!r} at {path}")
        return _INVALID


_FLOAT_MAX = int(sys.float_info.max)


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid>"


_INVALID: Any = _Invalid()


def _INVALID_DEFAULT(cls: type, name: str) -> Any:  # noqa: N802 - reads as a constant
    """The field's default, used in place of a value already reported as wrong."""
    f = {f.name: f for f in dataclasses.fields(cls)}[name]
    if f.default is not dataclasses.MISSING:
        return f.default
    return f.default_factory()  # type: ignore[misc]


# -- the parts the generic walk cannot express ------------------------------------------------


def _week(v: _Validator, data: Any, path: str) -> dict[str, list[m.Activity]]:
    week = m.Schedule().week
    if not isinstance(data, dict):
        v.error(path, f"expected a table of days mon..sun; got {_describe(data)}")
        return week
    for day, slots in data.items():
        sub = key_path(path, day)
        if day not in m.DAYS:
            v.error(sub, "unknown day; expected one of " + ", ".join(m.DAYS) + did_you_mean(day, m.DAYS))
            continue
        activities = v.value(list[m.Activity], slots, sub)
        if activities is _INVALID:
            continue
        if len(slots) != len(m.SLOTS):
            v.error(sub, f"expected 3 slots [morning, afternoon, evening]; got {len(slots)}")
        elif len(activities) == len(m.SLOTS):
            week[day] = activities
    return week


def _hours(v: _Validator, data: Any, path: str) -> dict[str, int]:
    hours = dict(m.DEFAULT_HOURS)
    parsed = v.value(dict[str, int], data, path)
    if parsed is _INVALID:
        return hours
    for slot, value in parsed.items():
        sub = key_path(path, slot)
        if slot not in m.SLOTS:
            v.error(sub, "unknown slot; expected morning, afternoon or evening" + did_you_mean(slot, m.SLOTS))
        elif not 0 <= value <= 12:
            v.error(sub, f"expected hours from 0 to 12; got {_describe(value)}")
        else:
            hours[slot] = value
    return hours


def _schedule(v: _Validator, data: Any, path: str) -> m.Schedule:
    if not isinstance(data, dict):
        return v.dataclass_(m.Schedule, data, path)
    fixed: dict[str, Any] = {}
    if "week" in data:
        fixed["week"] = _week(v, data["week"], key_path(path, "week"))
    if "hours" in data:
        fixed["hours"] = _hours(v, data["hours"], key_path(path, "hours"))
    return v.dataclass_(m.Schedule, data, path, **fixed)


def _check_specialty(v: _Validator, plan: m.Plan, name: str, path: str, allow_empty: bool) -> None:
    if (allow_empty and name == "") or name in BUILTIN or v.reported(path):
        return
    if name == "":
        v.error(path, 'expected a specialty name such as "Internal Medicine"; got ""')
        return
    entry = plan.specialties.get(name)
    if entry is None:
        v.error(
            path,
            f'unknown specialty "{name}": use a name from the built-in table'
            + did_you_mean(name, [*BUILTIN, *plan.specialties])
            + f' or add [specialties."{name}"] with tier and baseline',
        )


def _check_scores(v: _Validator, plan: m.Plan) -> None:
    """Every score on its exam's scale (DESIGN §2.5); 0 is "no score" where the file allows it."""
    def check(exam: m.Exam, score: int | None, path: str, none: int | None) -> None:
        if score is not None and score != none and not v.reported(path):
            if problem := scale_problem(exam, score):
                v.error(path, problem)

    for i, attempt in enumerate(plan.profile.exams):
        check(attempt.exam, attempt.score, f"profile.exams[{i}].score", none=0)
    s = plan.schedule
    for i, practice in enumerate(s.practice):
        check(s.exam, practice.score, f"schedule.practice[{i}].score", none=0)
    check(s.exam, s.passing_score, "schedule.passing_score", none=None)


def _cross_checks(v: _Validator, plan: m.Plan) -> None:
    _check_scores(v, plan)
    for name, entry in plan.specialties.items():
        if name not in BUILTIN:
            base = key_path("specialties", name)
            if entry.tier is None and not v.reported(key_path(base, "tier")):
                v.error(key_path(base, "tier"), "required for a specialty not in the built-in table (less, moderate or high)")
            if entry.baseline is None and not v.reported(key_path(base, "baseline")):
                v.error(key_path(base, "baseline"), "required for a specialty not in the built-in table (a number from 0 to 1)")
    _check_specialty(v, plan, plan.profile.specialty, "profile.specialty", allow_empty=False)
    _check_specialty(v, plan, plan.profile.backup_specialty, "profile.backup_specialty", allow_empty=True)
    g = plan.profile.graduation_year
    if g != 0 and not 1950 <= g <= 2100:
        v.error("profile.graduation_year", f"expected a year such as 2025 (or 0 for none); got {_describe(g)}")
    for name, weight in plan.criteria.items():
        if weight < 0:
            v.error(key_path("criteria", name), f"expected a weight of 0 or more; got {weight}")

    seen: dict[str, int] = {}
    for i, program in enumerate(plan.programs):
        base = f"programs[{i}]"
        if not ID_PATTERN.match(program.id) and not v.reported(f"{base}.id"):
            v.error(f"{base}.id", f'expected lowercase letters, digits and "-" only; got "{program.id}"')
        if program.id in seen:
            v.error(f"{base}.id", f'"{program.id}" is already the id of programs[{seen[program.id]}]')
        seen.setdefault(program.id, i)
        _check_specialty(v, plan, program.specialty, f"{base}.specialty", allow_empty=True)
        mc = program.match_chance
        if mc != -1.0 and not 0.0 <= mc <= 1.0:
            v.error(f"{base}.match_chance", f"expected -1 (use the model) or a number from 0 to 1; got {mc}")
        for name, score in program.criteria.items():
            sub = key_path(f"{base}.criteria", name)
            if name not in plan.criteria:
                v.error(sub, "not a criterion in [criteria]" + did_you_mean(name, plan.criteria))
            elif not 1 <= score <= 5:
                v.error(sub, f"expected a score from 1 to 5; got {_describe(score)}")
        chances = program.debrief.takes_chances
        if len(set(chances)) != len(chances):
            v.error(f"{base}.debrief.takes_chances", "each value may appear once")

    _check_identity(v, plan)
    if plan.reapply is not None:
        _reapply_checks(v, plan, plan.reapply)

    listed: set[str] = set()
    for i, pid in enumerate(plan.rank_list.order):
        sub = f"rank_list.order[{i}]"
        if pid not in seen:
            v.error(sub, f'no program has the id "{pid}"' + did_you_mean(pid, seen))
        elif pid in listed:
            v.error(sub, f'"{pid}" is ranked twice; a program may appear once')
        listed.add(pid)
    if len(set(plan.soap.order)) != len(plan.soap.order):
        v.error("soap.order", "each option may appear once")


def _check_identity(v: _Validator, plan: m.Plan) -> None:
    """``plan_id`` and ``goals[].id`` (core.identity): optional, but well formed and, for
    goals, each its own."""
    from rankplan.core.identity import ID_PATTERN as IDENTITY

    shape = 'expected lowercase letters, digits and "-" (at most 64, not starting with "-")'
    if plan.plan_id and not IDENTITY.match(plan.plan_id) and not v.reported("plan_id"):
        v.error("plan_id", f'{shape}; got "{plan.plan_id}"')
    goal_ids: dict[str, int] = {}
    for i, goal in enumerate(plan.goals):
        path = f"goals[{i}].id"
        if not goal.id or v.reported(path):
            continue
        if not IDENTITY.match(goal.id):
            v.error(path, f'{shape}; got "{goal.id}"')
        elif goal.id in goal_ids:
            v.error(path, f'"{goal.id}" is already the id of goals[{goal_ids[goal.id]}]')
        goal_ids.setdefault(goal.id, i)


def _reapply_checks(v: _Validator, plan: m.Plan, reapply: m.Reapply) -> None:
    """``[reapply]`` (DESIGN §2.6): a known specialty where one is named, a plausible year,
    and advocates' programs as ids of the plan or names (any text but an empty one)."""
    year = reapply.last_cycle
    if year != 0 and not 1950 <= year <= 2100:
        v.error("reapply.last_cycle", f"expected a Match year such as 2026 (or 0 for none); got {year}")
    _check_specialty(v, plan, reapply.specialty, "reapply.specialty", allow_empty=True)
    _check_specialty(v, plan, reapply.pivot_specialty, "reapply.pivot_specialty", allow_empty=True)
    for i, advocate in enumerate(reapply.advocates):
        for j, name in enumerate(advocate.programs):
            if not name.strip():
                v.error(f"reapply.advocates[{i}].programs[{j}]",
                        'expected a program id of the plan or a program\'s name; got ""')


def validate(data: dict[str, Any]) -> tuple[m.Plan | None, list[PlanError]]:
    """The plan in ``data`` (as tomllib returns it), or the list of what is wrong."""
    v = _Validator()
    schema = data.get("schema")
    if schema is None:
        v.error("schema", "missing: the first line of a plan file is schema = 1")
        return None, v.errors
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        v.error("schema", f"expected 1; got {_describe(schema)}")
        return None, v.errors
    if schema > m.SCHEMA_VERSION:
        v.error(
            "schema",
            f"this file uses schema {_describe(schema)}, made by a newer rankplan; this version reads "
            f"schema {m.SCHEMA_VERSION}. Upgrade rankplan to open it (the file is left as it is).",
        )
        return None, v.errors
    fixed: dict[str, Any] = {}
    if "schedule" in data:
        fixed["schedule"] = _schedule(v, data["schedule"], "schedule")
    if isinstance(data.get("programs"), list):
        programs = []
        for i, item in enumerate(data["programs"]):
            path = f"programs[{i}]"
            if not isinstance(item, dict):
                v.error(path, f"expected a table; got {_describe(item)}")
                continue
            pid = item.get("id")
            if not isinstance(pid, str):
                v.error(f"{path}.id", "missing: every program needs an id such as \"univ-a\"" if pid is None else f"expected a string; got {_describe(pid)}")
                pid = f"?{i}"
            programs.append(v.dataclass_(m.Program, item, path, id=pid))
        fixed["programs"] = programs
    plan = v.dataclass_(m.Plan, data, "", **fixed)
    _cross_checks(v, plan)
    return (None, v.errors) if v.errors else (plan, [])
