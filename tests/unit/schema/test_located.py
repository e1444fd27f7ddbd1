"""Issue 17 item 11: errors say where and what in people's words: a month of 13 is named,
and a schema error in a file gets its key's line and column, with items counted from 1 (a
program named by its id)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rankplan.storage.read import parse_text, read_plan

PLAN = """\
schema = 1
[profile]
nmae = "Sam"

[[profile.exams]]
exam = "step1"
result = "meh"

[[programs]]
id = "univ-a"
preference = "high"

[[programs]]
id = "univ-b"
prefrence = "high"
criteria = { fit = 9 }

[programs.debrief]
felt = 9

[schedule.hours]
night = 3
"""


def rendered(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return [e.render("plan.toml") for e in read_plan(path).errors]


def test_schema_errors_in_a_file_get_a_line_and_count_from_one(tmp_path: Path) -> None:
    lines = rendered(tmp_path, PLAN)
    assert 'plan.toml:3:1: profile.nmae: unknown key; did you mean "name"?' in lines
    assert ('plan.toml:7:1: profile.exams #1.result: expected one of pass, fail, pending; '
            'got "meh"') in lines
    assert ('plan.toml:15:1: programs #2 (univ-b).prefrence: unknown key; '
            'did you mean "preference"?') in lines
    assert "plan.toml:19:1: programs #2 (univ-b).debrief.felt: expected a number from 1 to 5; " \
           "got 9" in lines
    assert "plan.toml:16:14: programs #2 (univ-b).criteria.fit: not a criterion in [criteria]" \
        in lines
    assert ("plan.toml:22:1: schedule.hours.night: unknown slot; expected morning, afternoon "
            "or evening") in lines


def test_a_key_the_scan_cannot_find_keeps_its_path_counted_from_one(tmp_path: Path) -> None:
    text = 'schema = 1\nprograms = [{ id = "a" }, { id = "b", prefrence = "x" }]\n'
    lines = rendered(tmp_path, text)
    assert len(lines) == 1
    assert lines[0].startswith("plan.toml:2:")  # the line of the array at least
    assert "programs #2" in lines[0] and "[1]" not in lines[0]


def test_the_key_path_itself_stays_as_the_schema_says(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    paths = {e.key_path for e in read_plan(path).errors}
    assert "programs[1].prefrence" in paths  # what code and the other tests match on


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-13-02", "2026-13-02: 13 is not a month"),
        ("2026-00-02", "2026-00-02: 0 is not a month"),
        ("2027-02-29", "2027-02-29: February 2027 has no day 29 (it has 28 days)"),
        ("2026-1-02", "2026-1-02: write the month and the day with two digits: 2026-01-02"),
        ("2026-11-02T25:00:00", "2026-11-02T25:00:00: 25:00 is not a time of day"),
    ],
)
def test_an_impossible_date_is_named_at_its_place(value: str, message: str) -> None:
    plan, errors = parse_text(f'schema = 1\n[[goals]]\ntitle = "x"\ndue = {value}\n')
    assert plan is None and len(errors) == 1
    assert errors[0].render("plan.toml").startswith(f"plan.toml:4:7: {message}")
    assert "Expected newline" not in errors[0].message


def test_a_date_inside_a_string_is_not_taken_for_one() -> None:
    plan, errors = parse_text('schema = 1\n[profile]\nname = "2026-13-01" x\n')
    assert errors[0].message.startswith("TOML syntax: ")
