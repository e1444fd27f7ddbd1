"""A deterministic fuzz of ``rankplan check`` (issue 12, item 11): 300+ plans with wrong types,
huge and tiny numbers, deep nesting, extreme dates, unknown keys, bad enums, long strings,
control characters and cut-off files. ``check`` runs in-process on each; it must never raise,
must give every error a place (line and column, or key path), and must print only one-line,
escape-free output. Plans built to be invalid must be refused; plans at the edge of the valid
range must be accepted."""

from __future__ import annotations

import copy
import random
import re
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import json

from helpers import DEMO
from rankplan.cli import main

FINDING_LINE = re.compile(r"^[A-Z]{2}\d{2} (danger|warning|info) \S.*$")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BASE: dict[str, Any] = tomllib.loads(DEMO.read_text(encoding="utf-8"))

INVALID, VALID, EITHER = "invalid", "valid", "either"
HUGE = 10**400
# Values that no leaf of a plan accepts, and values some leaves accept.
NEVER = [HUGE, -HUGE, [[1]], {"a": 1}, date(9999, 12, 31), date(1, 1, 1), float("nan"),
         float("inf"), datetime(2026, 1, 1, 9, 30), time(9, 30)]
SOMETIMES = ["\x1b]0;x\x07\x7f", "", "x" * 5000, "[@click=app.quit]q[/] a[/]b", True, 0, -1, 2**63 - 1, 1e308,
             -0.0, 0.5, [], ["study"], date(1900, 1, 1), date(2199, 12, 31), "medium"]


def toml(value: Any) -> str:
    """``value`` as a TOML value (tables inline): a writer fast enough for 400 plans."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):  # JSON's escapes are TOML's, but for DEL
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, float):
        return "nan" if value != value else ("inf" if value == float("inf") else repr(value))
    if isinstance(value, (int, date, time)):
        return value.isoformat() if not isinstance(value, int) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(toml, value)) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml(v)}" for k, v in value.items()) + "}"


def dump(data: dict) -> str:
    return "".join(f"{json.dumps(k)} = {toml(v)}\n" for k, v in data.items())


def leaves(node: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in leaves(v, (*path, k))]
    if isinstance(node, list) and node and isinstance(node[0], (dict, list)):
        return [p for i, v in enumerate(node) for p in leaves(v, (*path, i))]
    return [path]


def tables(node: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(node, dict):
        return [path] + [p for k, v in node.items() for p in tables(v, (*path, k))]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in tables(v, (*path, i))]
    return []


def put(data: dict, path: tuple, value: Any) -> dict:
    out = copy.deepcopy(data)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


def get(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


def cases() -> list[tuple[str, str, str]]:
    """(id, TOML text, expectation) for every fuzzed plan, the same on every run."""
    rng = random.Random(12)
    out: list[tuple[str, str, str]] = []
    all_leaves = leaves(BASE)
    for i, path in enumerate(all_leaves):  # one wrong value per leaf
        if path == ("schema",):
            continue
        if rng.random() < 0.5:
            out.append((f"never-{i}", dump(put(BASE, path, rng.choice(NEVER))), INVALID))
        else:
            out.append((f"maybe-{i}", dump(put(BASE, path, rng.choice(SOMETIMES))), EITHER))
    for i, path in enumerate(tables(BASE)):  # a misspelt or unknown key in each table
        if path == ("criteria",):
            continue  # its keys are the user's own names
        table = get(BASE, path)
        name = rng.choice([*(k[:-1] + "x" for k in table), "zzz", "\x1b[2J", "a b [/]"]) \
            if table else "zzz"
        if name in table:
            name += "-extra"
        out.append((f"unknown-key-{i}", dump(put(BASE, (*path, name), 1)), INVALID))
    enums = [p for p in all_leaves if isinstance(get(BASE, p), str)
             and p[-1] in {"applicant_type", "risk_profile", "advisor_view", "setting", "track",
                           "preference", "likelihood", "failure_discussion", "board_policy",
                           "post_interview", "my_answer", "exam", "result", "domain", "tier",
                           "aim"}]
    for i, path in enumerate(enums):  # a bad enum value next to a good one
        good = get(BASE, path) or "x"
        bad = rng.choice([good.upper() + "!", good + " ", "\u0430" + good[1:], good + "\x00"])
        out.append((f"enum-{i}", dump(put(BASE, path, bad)), INVALID))
    dates = [p for p in all_leaves if isinstance(get(BASE, p), date)]
    for i, path in enumerate(dates):  # extreme dates, and the ends of the range
        for when in (date(1, 1, 1), date(9999, 12, 31), date(1899, 12, 31), date(2200, 1, 1)):
            out.append((f"date-{i}-{when.year}", dump(put(BASE, path, when)), INVALID))
        for when in (date(1900, 1, 1), date(2199, 12, 31)):
            out.append((f"edge-date-{i}-{when.year}", dump(put(BASE, path, when)), VALID))
    study = put(put(BASE, ("schedule", "study_start"), date(1900, 1, 1)),
                ("schedule", "target_date"), date(2199, 12, 31))
    out.append(("study-window-of-centuries", dump(study), VALID))
    text = DEMO.read_text(encoding="utf-8")
    for depth in (33, 100, 500, 3000):  # nesting, in a known and an unknown key
        nest = "[" * depth + "1" + "]" * depth
        out.append((f"nest-{depth}", text.replace('name = "', f"nest = {nest}\nname = \"", 1),
                    INVALID))
        inline = "{a = " * depth + "1" + "}" * depth
        out.append((f"inline-{depth}", text + f"\n[odds.x]\ny = {inline}\n", INVALID))
    for digits in (400, 4301, 10000):  # integers too long for a float or for Python
        out.append((f"digits-{digits}", text.replace("green = 3.0", "green = " + "9" * digits),
                    INVALID))
        out.append((f"digits-score-{digits}",
                    text.replace("score = 248", "score = -" + "7" * digits), INVALID))
    for i in range(40):  # cut off anywhere
        cut = rng.randrange(1, len(text))
        out.append((f"cut-{i}", text[:cut] + rng.choice(["", "\x00", "[", "= ", '"', "\ufeff"]),
                    EITHER))
    long_name = put(BASE, ("programs", 0, "name"), "W" * 1_000_000)
    out.append(("long-name", dump(long_name), VALID))
    hostile = put(BASE, ("profile", "name"), "\x1b]0;pwned\x07\x9b2J\x7f[b]x[/]\n\t")
    out.append(("control-name", dump(hostile), VALID))
    return out


CASES = cases()


def test_there_are_over_300_cases() -> None:
    assert len(CASES) >= 300
    assert sum(1 for _, _, e in CASES if e == INVALID) >= 300


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check_places_every_error_and_never_raises(tmp_path: Path, capsys, text, expected) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    code = main(["--file", str(path), "check"])
    out = capsys.readouterr().out
    assert code in (0, 2)
    assert not CONTROL.search(out)
    lines = out.splitlines()
    if code == 2:
        assert expected != VALID, lines[:5]
        assert lines
        placed = re.compile(re.escape(str(path)) + r"(:\d+:\d+|: [^:]\S*(\s\S+)*?): \S")
        for line in lines:
            assert placed.match(line), line[:300]
    else:
        assert expected != INVALID, "accepted a plan built to be invalid"
        assert all(FINDING_LINE.match(line) for line in lines)
