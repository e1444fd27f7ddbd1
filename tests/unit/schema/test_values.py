"""Bad enum values and wrong types name the key and say what would be right."""

from __future__ import annotations

import pytest

THREE_PROGRAMS = """\
schema = 1
[[programs]]
id = "univ-a"
[[programs]]
id = "univ-b"
[[programs]]
id = "univ-c"
"""


def test_bad_enum_line_has_the_contract_shape(only_error) -> None:
    error = only_error(THREE_PROGRAMS + 'preference = "hgih"\n')
    assert error.key_path == "programs[2].preference"
    assert error.render("PATH").startswith(
        'PATH: programs[2].preference: expected one of high, medium, low; got "hgih"'
    )


def test_bad_enum_close_to_a_value_suggests_it(only_error) -> None:
    error = only_error(THREE_PROGRAMS + 'preference = "hgih"\n')
    assert error.render("PATH") == (
        'PATH: programs[2].preference: expected one of high, medium, low; got "hgih"; '
        'did you mean "high"?'
    )


def test_bad_enum_far_from_every_value_is_exactly_the_contract_line(only_error) -> None:
    error = only_error(THREE_PROGRAMS + 'preference = "urgent"\n')
    assert error.render("PATH") == (
        'PATH: programs[2].preference: expected one of high, medium, low; got "urgent"'
    )


def test_enum_allowing_empty_shows_the_empty_choice_in_quotes(only_error) -> None:
    error = only_error(THREE_PROGRAMS + 'likelihood = "grene"\n')
    assert error.key_path == "programs[2].likelihood"
    assert error.message.startswith('expected one of "", green, yellow, red; got "grene"')


def test_enum_given_a_number_says_what_it_got(only_error) -> None:
    error = only_error("schema = 1\n[profile]\nrisk_profile = 1\n")
    assert error.key_path == "profile.risk_profile"
    assert error.message == "expected one of P1, P2, P3, P4, P5; got 1"


def test_string_where_a_whole_number_belongs(only_error) -> None:
    error = only_error('schema = 1\n[profile]\ngraduation_year = "2025"\n')
    assert error.key_path == "profile.graduation_year"
    assert error.message == 'expected a whole number; got "2025"'


def test_bool_where_a_whole_number_belongs(only_error) -> None:
    error = only_error(THREE_PROGRAMS + "[programs.debrief]\nfelt = true\n")
    assert error.key_path == "programs[2].debrief.felt"
    assert error.message == "expected a whole number; got true"


def test_float_where_a_whole_number_belongs(only_error) -> None:
    error = only_error("schema = 1\n[schedule]\nmargin = 10.5\n")
    assert error.key_path == "schedule.margin"
    assert error.message == "expected a whole number; got 10.5"


def test_number_where_a_date_belongs(only_error) -> None:
    error = only_error(THREE_PROGRAMS + "interview_date = 20261102\n")
    assert error.key_path == "programs[2].interview_date"
    assert error.message == "expected a date like 2026-11-02 (no quotes); got 20261102"


@pytest.mark.parametrize(
    "value",
    ["2026-11-02T10:00:00", "2026-11-02 10:00:00", "2026-11-02T10:00:00Z", "10:00:00"],
)
def test_date_time_or_time_where_a_date_belongs(only_error, value: str) -> None:
    error = only_error(f"schema = 1\n[schedule]\ntarget_date = {value}\n")
    assert error.key_path == "schedule.target_date"
    assert error.message.startswith("expected a date like 2026-11-02 (no quotes); got ")


def test_quoted_date_says_to_drop_the_quotes(only_error) -> None:
    error = only_error('schema = 1\n[cycle]\nmatch_day = "2028-03-17"\n')
    assert error.key_path == "cycle.match_day"
    assert "(no quotes)" in error.message
    assert error.message.endswith('got "2028-03-17"')


def test_number_where_a_string_belongs(only_error) -> None:
    error = only_error("schema = 1\n[profile]\nname = 42\n")
    assert error.key_path == "profile.name"
    assert error.message == "expected a string in quotes; got 42"


def test_string_where_true_or_false_belongs(only_error) -> None:
    error = only_error('schema = 1\n[soap]\ncv_ready = "yes"\n')
    assert error.key_path == "soap.cv_ready"
    assert error.message == 'expected true or false; got "yes"'


def test_scalar_where_a_table_belongs(only_error) -> None:
    error = only_error("schema = 1\nprofile = 3\n")
    assert error.key_path == "profile"
    assert error.message == "expected a table; got 3"


def test_scalar_where_an_array_belongs(only_error) -> None:
    error = only_error('schema = 1\n[rank_list]\norder = "univ-a"\n')
    assert error.key_path == "rank_list.order"
    assert error.message == 'expected an array; got "univ-a"'


def test_wrong_item_in_an_array_is_named_by_index(only_error) -> None:
    error = only_error(
        THREE_PROGRAMS + '[programs.debrief]\ntakes_chances = ["holistic-pd", "brave-pd"]\n'
    )
    assert error.key_path == "programs[2].debrief.takes_chances[1]"
    assert 'got "brave-pd"' in error.message


def test_program_without_an_id_says_it_is_missing_and_nothing_more(only_error) -> None:
    error = only_error('schema = 1\n[[programs]]\nname = "University A"\n')
    assert error.key_path == "programs[0].id"
    assert error.message.startswith("missing")
    assert "?0" not in error.message


def test_program_id_with_capitals_and_spaces_says_what_is_allowed(only_error) -> None:
    error = only_error('schema = 1\n[[programs]]\nid = "Univ A"\n')
    assert error.key_path == "programs[0].id"
    assert error.message == 'expected lowercase letters, digits and "-" only; got "Univ A"'
