"""Values no plan holds are refused with their place and what is right, never with a traceback:
dates far from today, numbers too big for a float or for Python to read, arrays nested
hundreds deep, and long texts shown short in the message."""

from __future__ import annotations

import pytest

from rankplan.storage.read import parse_text

DATE_KEYS = [
    ("[schedule]\ntarget_date", "schedule.target_date"),
    ("[schedule]\nstudy_start", "schedule.study_start"),
    ("[schedule]\nreport_by", "schedule.report_by"),
    ("[cycle]\nmatch_day", "cycle.match_day"),
    ("[[programs]]\nid = \"a\"\ninterview_date", "programs[0].interview_date"),
    ("[[goals]]\ndue", "goals[0].due"),
]


@pytest.mark.parametrize(("key", "path"), DATE_KEYS)
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_a_date_out_of_range_is_refused_with_the_range(only_error, key, path, value) -> None:
    error = only_error(f"schema = 1\n{key} = {value}\n")
    assert error.key_path == path
    assert error.message == f"expected a date from 1900-01-01 to 2199-12-31; got {value}"


@pytest.mark.parametrize("value", ["1900-01-01", "2199-12-31"])
def test_the_ends_of_the_date_range_are_accepted(value: str) -> None:
    plan, errors = parse_text(f"schema = 1\n[schedule]\ntarget_date = {value}\n")
    assert errors == [] and plan is not None


def test_an_integer_too_big_for_a_float_is_refused(only_error) -> None:
    error = only_error("schema = 1\n[odds]\ngreen = " + "9" * 400 + "\n")
    assert error.key_path == "odds.green"
    assert error.message == "expected an ordinary number; got a number of 400 digits"


@pytest.mark.parametrize(("key", "path"), [("[profile]\ngraduation_year", "profile.graduation_year"),
                                           ("[programs.debrief]\nfelt", "programs[0].debrief.felt"),
                                           ("[schedule.hours]\nmorning", "schedule.hours.morning")])
def test_a_huge_integer_is_described_by_its_length(only_error, key, path) -> None:
    text = 'schema = 1\n[[programs]]\nid = "a"\n' + f"{key} = {'9' * 400}\n"
    error = only_error(text)
    assert error.key_path == path
    assert error.message.endswith("got a number of 400 digits")


def test_an_integer_longer_than_python_reads_is_placed() -> None:
    plan, errors = parse_text("schema = 1\n[odds]\n# 1 [ 2\ngreen = " + "9" * 5000 + "\n")
    assert plan is None
    assert [(e.line, e.col) for e in errors] == [(4, 9)]
    assert "more than 4300 digits" in errors[0].message


@pytest.mark.parametrize("depth", [40, 500, 5000])
def test_arrays_nested_hundreds_deep_are_placed(depth: int) -> None:
    text = 'schema = 1\n[profile]\nname = "[[[" # [[[\nx = ' + "[" * depth + "1" + "]" * depth + "\n"
    plan, errors = parse_text(text)
    assert plan is None
    if depth == 40:  # tomllib reads it; the schema refuses it
        assert [e.key_path for e in errors] == ["profile.x"]
    else:
        assert [(e.line, e.col) for e in errors] == [(4, 5 + 32)]
        assert "nested more than 32 deep" in errors[0].message


def test_inline_tables_nested_deep_are_placed() -> None:
    text = "schema = 1\nx = " + "{a = " * 600 + "1" + "}" * 600 + "\n"
    plan, errors = parse_text(text)
    assert plan is None and errors[0].line == 2
    assert "nested more than 32 deep" in errors[0].message


def test_a_long_wrong_string_is_shown_short(only_error) -> None:
    error = only_error("schema = 1\n[profile]\napplicant_type = \"" + "x" * 100_000 + "\"\n")
    assert len(error.message) < 300
    assert "(100000 characters)" in error.message
