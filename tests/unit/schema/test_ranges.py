"""Numbers out of range, and weeks of the wrong shape, say the range or shape that is right."""

from __future__ import annotations

import pytest

from rankplan.storage.read import parse_text

PROGRAM = 'schema = 1\n[[programs]]\nid = "univ-a"\n'


def test_felt_above_five(only_error) -> None:
    error = only_error(PROGRAM + "[programs.debrief]\nfelt = 6\n")
    assert error.key_path == "programs[0].debrief.felt"
    assert error.message == "expected a number from 1 to 5; got 6"


def test_felt_at_the_edges_is_accepted() -> None:
    for felt in (1, 5):
        plan, errors = parse_text(PROGRAM + f"[programs.debrief]\nfelt = {felt}\n")
        assert errors == [], felt
        assert plan is not None and plan.programs[0].debrief.felt == felt


def test_match_chance_above_one(only_error) -> None:
    error = only_error(PROGRAM + "match_chance = 1.5\n")
    assert error.key_path == "programs[0].match_chance"
    assert error.message == "expected -1 (use the model) or a number from 0 to 1; got 1.5"


@pytest.mark.parametrize("value", ["-1.0", "-1", "0", "0.35", "1"])
def test_match_chance_minus_one_or_zero_to_one_is_accepted(value: str) -> None:
    plan, errors = parse_text(PROGRAM + f"match_chance = {value}\n")
    assert errors == []
    assert plan is not None and plan.programs[0].match_chance == float(value)


def test_match_chance_between_minus_one_and_zero_is_refused(only_error) -> None:
    error = only_error(PROGRAM + "match_chance = -0.5\n")
    assert error.key_path == "programs[0].match_chance"


def test_baseline_above_one_is_reported_once(only_error) -> None:
    error = only_error(
        'schema = 1\n[specialties."Sports Medicine"]\ntier = "moderate"\nbaseline = 2\n'
    )
    assert error.key_path == 'specialties."Sports Medicine".baseline'
    assert error.message.startswith("expected a number from 0 to 1; got 2")


def test_criteria_score_above_five(only_error) -> None:
    error = only_error(
        'schema = 1\n[criteria]\nfit = 3\n[[programs]]\nid = "univ-a"\ncriteria = { fit = 6 }\n'
    )
    assert error.key_path == "programs[0].criteria.fit"
    assert error.message == "expected a score from 1 to 5; got 6"


def test_negative_criterion_weight(only_error) -> None:
    error = only_error("schema = 1\n[criteria]\nfit = -1\n")
    assert error.key_path == "criteria.fit"
    assert error.message.startswith("expected a weight of 0 or more")


@pytest.mark.parametrize(
    ("table", "key", "path"),
    [
        ("[odds]", "green", "odds.green"),
        ("[odds]", "red", "odds.red"),
        ("[criteria]", "fit", "criteria.fit"),
        ('[specialties."Family Medicine"]', "baseline", 'specialties."Family Medicine".baseline'),
        ("[[programs]]\nid = \"univ-a\"", "match_chance", "programs[0].match_chance"),
    ],
)
@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_nan_and_infinity_are_refused_where_a_number_belongs(
    only_error, table: str, key: str, path: str, value: str
) -> None:
    error = only_error(f"schema = 1\n{table}\n{key} = {value}\n")
    assert error.key_path == path
    assert "not nan or inf" in error.message


def test_score_lag_out_of_range(only_error) -> None:
    error = only_error("schema = 1\n[schedule]\nscore_lag_weeks = 60\n")
    assert error.key_path == "schedule.score_lag_weeks"
    assert error.message == "expected a number from 0 to 26; got 60"


def test_week_with_a_misspelt_day_suggests_the_day(only_error) -> None:
    error = only_error('schema = 1\n[schedule.week]\nmonday = ["study", "research", ""]\n')
    assert error.key_path == "schedule.week.monday"
    assert error.message.startswith("unknown day; expected one of mon, tue, wed, thu, fri, sat, sun")
    assert error.message.endswith('did you mean "mon"?')


def test_week_day_with_two_slots(only_error) -> None:
    error = only_error('schema = 1\n[schedule.week]\ntue = ["study", "work"]\n')
    assert error.key_path == "schedule.week.tue"
    assert error.message == "expected 3 slots [morning, afternoon, evening]; got 2"


def test_week_day_with_four_slots(only_error) -> None:
    error = only_error('schema = 1\n[schedule.week]\nsun = ["off", "off", "", "rest"]\n')
    assert error.key_path == "schedule.week.sun"
    assert error.message.endswith("got 4")


def test_week_slot_with_an_unknown_activity_names_the_slot(only_error) -> None:
    error = only_error('schema = 1\n[schedule.week]\nmon = ["stduy", "research", ""]\n')
    assert error.key_path == "schedule.week.mon[0]"
    assert 'got "stduy"; did you mean "study"?' in error.message


def test_partial_week_is_accepted_and_keeps_the_other_days() -> None:
    plan, errors = parse_text('schema = 1\n[schedule.week]\nmon = ["qbank", "qbank", "rest"]\n')
    assert errors == []
    assert plan is not None
    assert [str(a) for a in plan.schedule.week["mon"]] == ["qbank", "qbank", "rest"]
    assert [str(a) for a in plan.schedule.week["sun"]] == ["off", "off", ""]


def test_hours_for_an_unknown_slot_and_too_many_hours(rendered) -> None:
    lines = rendered("schema = 1\n[schedule]\nhours = { morning = 13, night = 2 }\n")
    assert sorted(lines) == [
        "plan.toml: schedule.hours.morning: expected hours from 0 to 12; got 13",
        "plan.toml: schedule.hours.night: unknown slot; expected morning, afternoon or evening",
    ]
