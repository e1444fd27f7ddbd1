"""rankplan export: text to stdout by default, other formats, --output replaced atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from helpers import TODAY

from rankplan.cli import main
from rankplan.exchange.markdown import export_markdown
from rankplan.exchange.text import export_text
from rankplan.storage.read import read_plan


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_text_goes_to_stdout_by_default(capsys, demo_path: Path) -> None:
    before = snapshot(demo_path)
    assert main(["--file", str(demo_path), "export"]) == 0
    captured = capsys.readouterr()
    assert captured.out == export_text(read_plan(demo_path).plan, TODAY)
    assert captured.err == ""
    assert snapshot(demo_path) == before, "export never writes the plan"


def test_markdown_to_stdout(capsys, demo_path: Path) -> None:
    assert main(["--file", str(demo_path), "export", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == export_markdown(read_plan(demo_path).plan, TODAY)


def test_csv_to_stdout_keeps_its_bom_and_crlf(capsys, demo_path: Path) -> None:
    assert main(["--file", str(demo_path), "export", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeffrank,id,name,") and out.endswith("\r\n")


def test_ics_to_stdout_keeps_its_crlf(capsys, demo_path: Path) -> None:
    assert main(["--file", str(demo_path), "export", "--format", "ics"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert "\n" not in out.replace("\r\n", "")


def test_output_replaces_an_existing_file_whole(capsys, demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "advisor.txt"
    target.write_text("an older export that is much longer than nothing\n" * 500)
    assert main(["--file", str(demo_path), "export", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == export_text(read_plan(demo_path).plan, TODAY)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600, "a plan is private"
    assert capsys.readouterr().out == f"wrote the text export to {target}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["advisor.txt", "plans"]


def test_a_failed_write_leaves_the_old_file_whole(capsys, monkeypatch, demo_path: Path,
                                                  tmp_path: Path) -> None:
    target = tmp_path / "advisor.txt"
    target.write_text("the old export\n")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    assert main(["--file", str(demo_path), "export", "-o", str(target)]) == 2
    assert target.read_text() == "the old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["advisor.txt", "plans"], "no temp file"
    assert capsys.readouterr().err.startswith(f"rankplan: cannot write {target}: No space left")


@pytest.mark.parametrize("name, start", [
    ("plan.csv", b"\xef\xbb\xbfrank,id,"), ("plan.ics", b"BEGIN:VCALENDAR\r\n"),
    ("plan.md", b"# Residency Match plan"), ("plan.txt", b"Residency Match plan"),
    ("plan.MD", b"# Residency"),
])
def test_the_output_extension_chooses_the_format(capsys, demo_path: Path, tmp_path: Path,
                                                 name: str, start: bytes) -> None:
    target = tmp_path / name
    assert main(["--file", str(demo_path), "export", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(start)


def test_format_wins_over_the_extension(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.csv"
    assert main(["--file", str(demo_path), "export", "--format", "text", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"Residency Match plan")


def test_an_invalid_plan_exits_2_with_located_errors(capsys, plan_file, tmp_path: Path) -> None:
    path = plan_file('schema = 1\n[[programs]]\nid = "a"\npreference = "hgih"\n')
    before = snapshot(path)
    target = tmp_path / "out.txt"
    assert main(["--file", str(path), "export", "-o", str(target)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith(f'{path}:4:1: programs #1 (a).preference: expected one of high')
    assert "nothing exported" in lines[-1]
    assert not target.exists()
    assert snapshot(path) == before


def test_a_syntax_error_is_located_by_line_and_column(capsys, plan_file) -> None:
    path = plan_file('schema = 1\n[profile]\nname = "Sam\n')
    assert main(["--file", str(path), "export"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"{path}:3:12: TOML syntax: ")


def test_a_missing_plan_exits_2_and_creates_nothing(capsys, tmp_path: Path) -> None:
    path = tmp_path / "none.toml"
    assert main(["--file", str(path), "export"]) == 2
    assert "no plan file" in capsys.readouterr().err
    assert not path.exists()


def test_export_never_writes_over_the_plan_itself(capsys, demo_path: Path) -> None:
    before = snapshot(demo_path)
    assert main(["--file", str(demo_path), "export", "-o", str(demo_path)]) == 2
    assert "the plan's own file" in capsys.readouterr().err
    assert snapshot(demo_path) == before


def test_an_unknown_format_is_refused_by_the_parser(capsys, demo_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--file", str(demo_path), "export", "--format", "pdf"])
    assert info.value.code == 2
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


def test_help_lists_export_and_import(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "export" in out and "import" in out
