"""rankplan check: findings on a valid plan (exit 0), located errors on a bad one (exit 2)."""

from __future__ import annotations

import re
from pathlib import Path

from rankplan.cli import main

FINDING_LINE = re.compile(r"^[A-Z]{2}\d{2} (danger|warning|info) \S.*$")

# A plan that raises PR01 (story incomplete), PR03 (third failure) and PR04 (two exams).
FLAGGED = """\
schema = 1
[profile]
backup_specialty = "Family Medicine"
story_context = "I booked the exam too early."
[[profile.exams]]
exam = "step1"
result = "fail"
[[profile.exams]]
exam = "step1"
result = "fail"
[[profile.exams]]
exam = "step1"
result = "fail"
[[profile.exams]]
exam = "step2ck"
result = "fail"
"""


def snapshot(path: Path) -> tuple[bytes, int, int]:
    stat = path.stat()
    return path.read_bytes(), stat.st_mtime_ns, stat.st_size


def test_check_on_the_demo_exits_0_and_prints_only_finding_lines(capsys, demo_path: Path) -> None:
    before = snapshot(demo_path)
    assert main(["--file", str(demo_path), "check"]) == 0
    captured = capsys.readouterr()
    for line in captured.out.splitlines():
        assert FINDING_LINE.match(line), line
    assert captured.err == ""
    assert snapshot(demo_path) == before


def test_check_prints_each_finding_as_code_severity_message(capsys, plan_file) -> None:
    path = plan_file(FLAGGED)
    assert main(["--file", str(path), "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines] == [
        ["PR03", "danger"],
        ["PR01", "warning"],
        ["PR04", "info"],
    ]
    assert all(FINDING_LINE.match(line) for line in lines)


def test_check_on_a_missing_file_exits_2_and_creates_nothing(capsys, tmp_path: Path) -> None:
    path = tmp_path / "missing.toml"
    assert main(["--file", str(path), "check"]) == 2
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: ")
    assert not path.exists()


def test_check_on_the_default_path_with_no_plan_exits_2(capsys) -> None:
    assert main(["check"]) == 2
    assert "no plan file" in capsys.readouterr().out


def test_check_on_a_folder_exits_2(capsys, tmp_path: Path) -> None:
    assert main(["--file", str(tmp_path), "check"]) == 2
    assert capsys.readouterr().out.startswith(f"{tmp_path}: ")


def test_schema_error_exits_2_with_key_path_lines_and_leaves_the_file_alone(
    capsys, plan_file
) -> None:
    path = plan_file(
        'schema = 1\n[[programs]]\nid = "a"\n[[programs]]\nid = "b"\n'
        '[[programs]]\nid = "c"\npreference = "hgih"\nfoo = 1\n'
    )
    before = snapshot(path)
    assert main(["--file", str(path), "check"]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert (
        f'{path}:8:1: programs #3 (c).preference: expected one of high, medium, low; '
        'got "hgih"; did you mean "high"?'
    ) in lines  # issue 17 item 11: the line, and the program counted from 1 and named
    assert f"{path}:9:1: programs #3 (c).foo: unknown key" in lines
    assert len(lines) == 2
    assert snapshot(path) == before


def test_syntax_error_exits_2_with_line_and_column(capsys, plan_file) -> None:
    path = plan_file('schema = 1\n[profile]\nname = "Sam\n')
    before = snapshot(path)
    assert main(["--file", str(path), "check"]) == 2
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{path}:3:12: TOML syntax: ")
    assert snapshot(path) == before


def test_invalid_utf8_exits_2_with_line_and_column(capsys, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"schema = 1\n# caf\xe9\n")
    before = snapshot(path)
    assert main(["--file", str(path), "check"]) == 2
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{path}:2:6: not valid UTF-8")
    assert snapshot(path) == before


def test_newer_schema_exits_2_and_is_left_as_it_is(capsys, plan_file) -> None:
    path = plan_file("schema = 2\n[future]\nx = 1\n")
    before = snapshot(path)
    assert main(["--file", str(path), "check"]) == 2
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{path}:1:1: schema: ") and "newer rankplan" in line
    assert snapshot(path) == before


def test_check_uses_rankplan_file(capsys, monkeypatch, plan_file) -> None:
    path = plan_file("schema = 1\nfoo = 1\n")
    monkeypatch.setenv("RANKPLAN_FILE", str(path))
    assert main(["check"]) == 2
    assert capsys.readouterr().out.splitlines() == [f"{path}:2:1: foo: unknown key"]


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = r"Evil \u001b]0;pwned\u0007 \u001b[2J\u009b31m [b]x[/]"


def test_check_shows_control_characters_in_findings_as_escapes(capsys, plan_file) -> None:
    path = plan_file(
        'schema = 1\n[[programs]]\nid = "a"\n'
        f'name = "{HOSTILE}\\nsecond line"\n[programs.debrief]\nmy_answer = "vague"\n'
    )
    assert main(["--file", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert not CONTROL.search(out)
    db02 = [line for line in out.splitlines() if line.startswith("DB02")]
    assert db02 == [
        r"DB02 info Evil \x1b]0;pwned\x07 \x1b[2J\x9b31m [b]x[/]\nsecond line: your answer "
        "about the failure was vague; rehearse the three parts (what happened, what changed, "
        "what proves it)."
    ]
    assert all(FINDING_LINE.match(line) for line in out.splitlines())


def test_check_shows_control_characters_in_errors_as_escapes(capsys, plan_file) -> None:
    path = plan_file(f'schema = 1\n[profile]\n"{HOSTILE}" = 1\napplicant_type = "{HOSTILE}"\n')
    assert main(["--file", str(path), "check"]) == 2
    out = capsys.readouterr().out
    assert not CONTROL.search(out)
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f'{path}:2:1: profile."Evil \\x1b]0;pwned\\x07 ')
    assert lines[1].endswith('got "Evil \\x1b]0;pwned\\x07 \\x1b[2J\\x9b31m [b]x[/]"')
