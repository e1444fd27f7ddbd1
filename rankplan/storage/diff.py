"""What differs between the plan in rankplan and the plan file changed outside it (a
conflict, DESIGN §5): one row per key, by section, for a side-by-side view."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rankplan.core.model import Plan
from rankplan.storage.document import plain
from rankplan.storage.read import read_plan

ABSENT = "(not there)"


@dataclass(frozen=True)
class Difference:
    section: str  # "profile", "programs: univ-a", "goals #2", "" for top-level keys
    key: str  # "name", "debrief.felt"
    ours: str
    theirs: str


def _shown(value: Any) -> str:
    if value is _GONE:
        return ABSENT
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + "}"
    return str(value)


_GONE = object()


def _whole(value: Any) -> str:
    """A table only one side has, in short: its name or title if it has one."""
    if not isinstance(value, dict):
        return _shown(value)
    for name in ("name", "title", "author", "source"):
        if value.get(name):
            return f"there ({_shown(value[name])})"
    return "there"


def _items(value: Any, by_id: bool) -> dict[str, Any] | None:
    """A list of tables by a readable name (programs by id, others counted from 1)."""
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        return None
    if by_id and all(v.get("id") for v in value):
        return {str(v["id"]): v for v in value}
    return {f"#{i}": v for i, v in enumerate(value, 1)}


def _sub(raw: Any, name: str) -> Any:
    """The file's value under ``name`` (``_GONE``: not in the file; None: not known)."""
    if raw is None or raw is _GONE:
        return raw
    return raw.get(name, _GONE) if isinstance(raw, dict) else _GONE


def _side(value: Any, raw: Any, whole: bool = False) -> str:
    """A value as shown; "(not there)" where the file it came from lacks the key (the model
    fills it with its default, such as "", which read as a real empty string)."""
    if raw is _GONE:
        return ABSENT
    return _whole(value) if whole else _shown(value)


def _walk(section: str, key: str, ours: Any, theirs: Any, out: list[Difference],
          raws: tuple[Any, Any] = (None, None)) -> None:
    """``raws``: each side's file as read (tomllib), in step with ``ours`` and ``theirs``,
    or None where it is not known. The values decide what differs; the files only how a
    value shows."""
    if ours == theirs:
        return
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for name in [*ours, *(k for k in theirs if k not in ours)]:
            sub = f"{key}.{name}" if key else name
            _walk(section, sub, ours.get(name, _GONE), theirs.get(name, _GONE), out,
                  (_sub(raws[0], name), _sub(raws[1], name)))
        return
    by_id = key == "programs" and not section  # matched by id, as the file is (document.py)
    a, b = _items(ours, by_id), _items(theirs, by_id)
    if (a is not None or ours == []) and (b is not None or theirs == []):
        a, b = a or {}, b or {}
        raw_a, raw_b = (r if r is None or r is _GONE else (_items(r, by_id) or {})
                        for r in raws)
        label = f"{section}.{key}" if section and key else (section or key)
        for name in [*a, *(k for k in b if k not in a)]:
            _walk(f"{label} {name}" if name.startswith("#") else f"{label}: {name}", "",
                  a.get(name, _GONE), b.get(name, _GONE), out,
                  (_sub(raw_a, name), _sub(raw_b, name)))
        return
    whole = isinstance(ours, dict) or isinstance(theirs, dict)  # a table added or removed
    out.append(Difference(section, key, _side(ours, raws[0], whole),
                          _side(theirs, raws[1], whole)))


def differences(ours: Plan, theirs: Plan, ours_file: dict | None = None,
                theirs_file: dict | None = None) -> list[Difference]:
    """Every key whose value differs, by section (a top-level table or a list item).

    ``ours_file``/``theirs_file``: that side's file as read, when there is one: a key it
    lacks shows as "(not there)", not as the default the model gives it."""
    a, b = plain(ours), plain(theirs)
    out: list[Difference] = []
    for name in [*a, *(k for k in b if k not in a)]:
        x, y = a.get(name, _GONE), b.get(name, _GONE)
        raws = (_sub(ours_file, name), _sub(theirs_file, name))
        if isinstance(x, dict) and isinstance(y, dict):
            _walk(name, "", x, y, out, raws)
        elif isinstance(x, list) or isinstance(y, list):
            _walk("", name, [] if x is _GONE else x, [] if y is _GONE else y, out, raws)
        else:
            _walk("", name, x, y, out, raws)
    return out


def differences_with_file(ours: Plan, path: Path) -> tuple[list[Difference], list[str]]:
    """The differences with the plan in ``path`` now, or (when that file is not a valid
    plan) no differences and its errors as lines."""
    loaded = read_plan(path)
    if loaded.plan is None:
        return [], [e.render(path) for e in loaded.errors]
    return differences(ours, loaded.plan, theirs_file=tomllib.loads(loaded.text)), []
