"""TOML syntax and encoding errors give a line and a column; a BOM is fine."""

from __future__ import annotations

from pathlib import Path

import pytest

from rankplan.storage.read import BOM, decode, parse_text, read_plan


def syntax_error(text: str):
    plan, errors = parse_text(text)
    assert plan is None
    assert len(errors) == 1
    return errors[0]


def test_syntax_error_renders_path_line_col_message() -> None:
    error = syntax_error('schema = 1\n[profile]\nname = "Sam\n')
    assert (error.line, error.col) == (3, 12)
    assert error.message.startswith("TOML syntax: ")
    assert error.render("plan.toml").startswith("plan.toml:3:12: TOML syntax: ")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("schema = 1\nfoo = = 2\n", 2),
        ("schema = 1\n\n\n[profile\nname = 'x'\n", 4),
        ("schema = 1\nschema = 1\n", 2),
        ("schema = 1\n[profile]\n[profile]\n", 3),
        ("schema = 1\n[cycle]\nmatch_day = 2028-02-30\n", 3),
        ('schema = 1\r\n[profile]\r\nname = "Sam" extra\r\n', 3),
    ],
)
def test_syntax_error_points_at_the_right_line(text: str, line: int) -> None:
    error = syntax_error(text)
    assert error.line == line
    assert error.col is not None and error.col >= 1
    assert "(at line" not in error.message, "the position belongs in LINE:COL, not the message"


def test_unclosed_array_at_the_end_of_the_file_points_at_the_last_line() -> None:
    error = syntax_error("schema = 1\norder = [\n")
    assert error.line == 2
    assert "end of the file" in error.message
    assert "(at end of document)" not in error.message


def test_syntax_column_counts_characters_not_bytes() -> None:
    error = syntax_error('schema = 1\nname = "éé" x\n')
    assert (error.line, error.col) == (2, 13)


def test_invalid_utf8_reports_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b'schema = 1\n[profile]\nname = "Sa\xffm"\n')
    loaded = read_plan(path)
    assert loaded.plan is None
    (error,) = loaded.errors
    assert (error.line, error.col) == (3, 11)
    assert "UTF-8" in error.message and "0xff" in error.message
    assert error.render(path) == f"{path}:3:11: {error.message}"


def test_invalid_utf8_column_counts_characters_before_it() -> None:
    text, errors = decode('schema = 1\nname = "éé'.encode() + b'\xff"\n')
    assert text is None
    assert (errors[0].line, errors[0].col) == (2, 11)


def test_invalid_utf8_after_a_bom_names_the_bad_byte_and_its_place() -> None:
    text, errors = decode(BOM + b'a = "\xff"\n')
    assert text is None
    (error,) = errors
    assert (error.line, error.col) == (1, 6)
    assert "0xff" in error.message


def test_utf16_file_is_refused_with_a_position() -> None:
    text, errors = decode("schema = 1\n".encode("utf-16"))
    assert text is None
    assert errors[0].line == 1


def test_file_with_a_bom_reads_fine(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(BOM + b'schema = 1\n[profile]\nname = "Sam"\n')
    loaded = read_plan(path)
    assert loaded.errors == []
    assert loaded.plan is not None and loaded.plan.profile.name == "Sam"


def test_bom_file_syntax_error_lines_ignore_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(BOM + b"schema = 1\nfoo = = 2\n")
    (error,) = read_plan(path).errors
    assert (error.line, error.col) == (2, 7)


def test_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    loaded = read_plan(tmp_path / "nowhere.toml")
    assert loaded.plan is None
    assert "no plan file" in loaded.errors[0].message
