"""core.dates.parse_date: the forms a person types, and clear messages for the rest."""

from __future__ import annotations

from datetime import date

import pytest

from rankplan.core.dates import parse_date

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-02", date(2026, 11, 2)),
        ("2026-1-5", date(2026, 1, 5)),
        ("  2026-11-02 ", date(2026, 11, 2)),
        ("11/2/2026", date(2026, 11, 2)),
        ("11/02/2026", date(2026, 11, 2)),
        ("11/2/27", date(2027, 11, 2)),
        ("11/2", date(2026, 11, 2)),
        ("nov 2", date(2026, 11, 2)),
        ("Nov 2", date(2026, 11, 2)),
        ("NOV. 2", date(2026, 11, 2)),
        ("november 2, 2027", date(2027, 11, 2)),
        ("sept 3", date(2026, 9, 3)),
        ("2 nov 2026", date(2026, 11, 2)),
        ("2 nov", date(2026, 11, 2)),
        ("feb 29 2028", date(2028, 2, 29)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_year_left_out_is_todays_year() -> None:
    assert parse_date("mar 1", date(2030, 6, 1)) == date(2030, 3, 1)


@pytest.mark.parametrize("text", ["abc", "", "2026-11", "11-02-2026", "2026-11-02T10:00", "11/2/026"])
def test_unreadable_text_says_which_forms_work(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(text, TODAY)
    message = str(info.value)
    assert message.startswith(f'cannot read "{text.strip()}" as a date')
    assert "2026-11-02, 11/2/2026 or nov 2" in message


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("2026-02-30", "day"),
        ("nov 32", "day"),
        ("feb 29", "day"),  # 2026 is not a leap year
        ("13/1/2026", "month"),
        ("2026-00-10", "month"),
        ("foo 2", '"foo" is not a month'),
    ],
)
def test_right_form_but_no_such_date(text: str, detail: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(text, TODAY)
    message = str(info.value)
    assert message.startswith(f"no such date: {text}")
    assert detail in message


@pytest.mark.parametrize("text", ["0000-01-01", "nov 2 0000", "1/1/0000"])
def test_year_zero_is_no_such_date_not_a_silent_guess(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(text, TODAY)
    assert str(info.value).startswith(f"no such date: {text}")


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01", "12/31/9999"])
def test_a_date_outside_the_plan_range_is_refused_with_the_range(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(text, TODAY)
    assert "expected a date from 1900-01-01 to 2199-12-31" in str(info.value)


@pytest.mark.parametrize(("text", "expected"), [("1900-01-01", date(1900, 1, 1)),
                                                ("2199-12-31", date(2199, 12, 31))])
def test_the_ends_of_the_range_are_dates_a_plan_may_hold(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jan 20", date(2027, 1, 20)),  # typed in November: next January
        ("1/20", date(2027, 1, 20)),
        ("20 jan", date(2027, 1, 20)),
        ("dec 1", date(2026, 12, 1)),
        ("nov 21", date(2026, 11, 21)),  # today is still to come
        ("nov 20", date(2027, 11, 20)),
        ("jan 20 2026", date(2026, 1, 20)),  # a year typed is kept
        ("1/20/2026", date(2026, 1, 20)),
        ("2026-01-20", date(2026, 1, 20)),
    ],
)
def test_ahead_takes_the_next_such_date(text: str, expected: date) -> None:
    assert parse_date(text, TODAY, ahead=True) == expected
    if expected.year == TODAY.year:
        assert parse_date(text, TODAY) == expected


def test_without_ahead_a_missing_year_is_this_year() -> None:
    assert parse_date("jan 20", TODAY) == date(2026, 1, 20)
