"""Ids, rank-list entries, specialties and criteria must refer to something that exists."""

from __future__ import annotations

from rankplan.storage.read import parse_text

TWO_PROGRAMS = """\
schema = 1
[[programs]]
id = "univ-a"
[[programs]]
id = "univ-b"
"""


def test_duplicate_program_id_points_at_the_first_one(only_error) -> None:
    error = only_error('schema = 1\n[[programs]]\nid = "univ-a"\n[[programs]]\nid = "univ-a"\n')
    assert error.key_path == "programs[1].id"
    assert error.message == '"univ-a" is already the id of programs[0]'


def test_rank_list_id_no_program_has(only_error) -> None:
    error = only_error(TWO_PROGRAMS + '[rank_list]\norder = ["univ-a", "comm-x"]\n')
    assert error.key_path == "rank_list.order[1]"
    assert error.message == 'no program has the id "comm-x"'


def test_rank_list_typo_of_an_id_suggests_the_id(only_error) -> None:
    error = only_error(TWO_PROGRAMS + '[rank_list]\norder = ["univ-b", "unv-a"]\n')
    assert error.key_path == "rank_list.order[1]"
    assert error.message == 'no program has the id "unv-a"; did you mean "univ-a"?'


def test_rank_list_id_listed_twice_names_the_second_place(only_error) -> None:
    error = only_error(TWO_PROGRAMS + '[rank_list]\norder = ["univ-a", "univ-b", "univ-a"]\n')
    assert error.key_path == "rank_list.order[2]"
    assert error.message == '"univ-a" is ranked twice; a program may appear once'


def test_rank_list_may_leave_programs_out() -> None:
    plan, errors = parse_text(TWO_PROGRAMS + '[rank_list]\norder = ["univ-b"]\n')
    assert errors == []
    assert plan is not None and plan.rank_list.order == ["univ-b"]


def test_unknown_profile_specialty_suggests_a_close_name_and_the_table(only_error) -> None:
    error = only_error('schema = 1\n[profile]\nspecialty = "Internal Medicin"\n')
    assert error.key_path == "profile.specialty"
    assert 'unknown specialty "Internal Medicin"' in error.message
    assert 'did you mean "Internal Medicine"?' in error.message
    assert '[specialties."Internal Medicin"] with tier and baseline' in error.message


def test_unknown_backup_specialty(only_error) -> None:
    error = only_error('schema = 1\n[profile]\nbackup_specialty = "Cardiology"\n')
    assert error.key_path == "profile.backup_specialty"
    assert 'unknown specialty "Cardiology"' in error.message


def test_empty_primary_specialty_asks_for_a_name(only_error) -> None:
    error = only_error('schema = 1\n[profile]\nspecialty = ""\n')
    assert error.key_path == "profile.specialty"
    assert error.message == 'expected a specialty name such as "Internal Medicine"; got ""'


def test_unknown_program_specialty(only_error) -> None:
    error = only_error('schema = 1\n[[programs]]\nid = "univ-a"\nspecialty = "Sports Medicine"\n')
    assert error.key_path == "programs[0].specialty"
    assert 'unknown specialty "Sports Medicine"' in error.message
    assert '[specialties."Sports Medicine"]' in error.message


def test_custom_specialty_with_tier_and_baseline_is_accepted() -> None:
    plan, errors = parse_text(
        'schema = 1\n[specialties."Sports Medicine"]\ntier = "moderate"\nbaseline = 0.5\n'
        '[[programs]]\nid = "univ-a"\nspecialty = "Sports Medicine"\n'
    )
    assert errors == []
    assert plan is not None and plan.programs[0].specialty == "Sports Medicine"


def test_custom_specialty_missing_tier_and_baseline_names_both(rendered) -> None:
    lines = rendered('schema = 1\n[specialties."Sports Medicine"]\n')
    assert lines == [
        'plan.toml: specialties."Sports Medicine".tier: required for a specialty not in the '
        "built-in table (less, moderate or high)",
        'plan.toml: specialties."Sports Medicine".baseline: required for a specialty not in '
        "the built-in table (a number from 0 to 1)",
    ]


def test_custom_specialty_missing_only_tier(only_error) -> None:
    error = only_error('schema = 1\n[specialties."Sports Medicine"]\nbaseline = 0.5\n')
    assert error.key_path == 'specialties."Sports Medicine".tier'
    assert error.message.startswith("required")


def test_builtin_specialty_may_override_only_the_baseline() -> None:
    plan, errors = parse_text('schema = 1\n[specialties."Family Medicine"]\nbaseline = 0.9\n')
    assert errors == []
    assert plan is not None


def test_custom_specialty_with_a_misspelt_tier_is_reported_once(only_error) -> None:
    error = only_error(
        'schema = 1\n[specialties."Sports Medicine"]\ntier = "moderat"\nbaseline = 0.5\n'
    )
    assert error.key_path == 'specialties."Sports Medicine".tier'
    assert 'did you mean "moderate"?' in error.message


def test_criteria_score_for_a_criterion_not_in_the_criteria_table(only_error) -> None:
    error = only_error(
        'schema = 1\n[criteria]\nfit = 3\nlocation = 2\n'
        '[[programs]]\nid = "univ-a"\ncriteria = { fit = 4, fti = 5 }\n'
    )
    assert error.key_path == "programs[0].criteria.fti"
    assert error.message == 'not a criterion in [criteria]; did you mean "fit"?'


def test_criteria_score_when_there_is_no_criteria_table(only_error) -> None:
    error = only_error('schema = 1\n[[programs]]\nid = "univ-a"\ncriteria = { family = 4 }\n')
    assert error.key_path == "programs[0].criteria.family"
    assert error.message == "not a criterion in [criteria]"
