"""Unknown keys are errors that name their path, with a "did you mean" when one is close."""

from __future__ import annotations

from rankplan.storage.read import parse_text


def test_unknown_top_level_key_names_the_key(only_error) -> None:
    error = only_error('schema = 1\ncolour = "blue"\n')
    assert error.key_path == "colour"
    assert error.message == "unknown key"


def test_top_level_typo_suggests_the_table(only_error) -> None:
    error = only_error("schema = 1\n[shedule]\nmargin = 10\n")
    assert error.key_path == "shedule"
    assert error.message == 'unknown key; did you mean "schedule"?'


def test_typo_inside_a_program_names_the_program_and_suggests_the_key(only_error) -> None:
    error = only_error(
        """\
        schema = 1
        [[programs]]
        id = "univ-a"
        [[programs]]
        id = "univ-b"
        preferance = "high"
        """
    )
    assert error.key_path == "programs[1].preferance"
    assert error.message == 'unknown key; did you mean "preference"?'
    assert error.render("plan.toml") == (
        'plan.toml: programs[1].preferance: unknown key; did you mean "preference"?'
    )


def test_typo_in_a_debrief_is_reported_at_its_full_path(only_error) -> None:
    error = only_error(
        """\
        schema = 1
        [[programs]]
        id = "univ-a"
        [programs.debrief]
        board_polcy = "none-heard"
        """
    )
    assert error.key_path == "programs[0].debrief.board_polcy"
    assert 'did you mean "board_policy"?' in error.message


def test_key_far_from_every_name_gets_no_suggestion(only_error) -> None:
    error = only_error('schema = 1\n[profile]\nzzz = 1\n')
    assert error.key_path == "profile.zzz"
    assert error.message == "unknown key"


def test_key_that_needs_quotes_is_quoted_in_the_path(only_error) -> None:
    error = only_error('schema = 1\n[profile]\n"my notes" = "x"\n')
    assert error.key_path == 'profile."my notes"'


def test_unknown_key_does_not_drop_silently_even_beside_valid_data() -> None:
    plan, errors = parse_text('schema = 1\n[profile]\nname = "Sam"\nnmae = "Sam"\n')
    assert plan is None
    assert [e.key_path for e in errors] == ["profile.nmae"]
