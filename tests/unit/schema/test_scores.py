"""Scores are read on their exam's scale (DESIGN §2.5): COMLEX runs 9-999, USMLE 1-300."""

from __future__ import annotations

import pytest

from rankplan.storage.read import parse_text


def test_a_step2ck_score_of_450_is_refused_naming_the_scale(only_error) -> None:
    error = only_error('schema = 1\n[[profile.exams]]\nexam = "step2ck"\nresult = "pass"\n'
                       "score = 450\n")
    assert error.key_path == "profile.exams[0].score"
    assert error.message == "a Step 2 CK score runs 1-300; 450 is outside it"


def test_a_comlex_level_2_score_of_450_is_accepted() -> None:
    plan, errors = parse_text('schema = 1\n[[profile.exams]]\nexam = "comlex2"\n'
                              'result = "pass"\nscore = 450\n')
    assert errors == [] and plan is not None and plan.profile.exams[0].score == 450


def test_a_comlex_score_below_its_scale_is_refused(only_error) -> None:
    error = only_error('schema = 1\n[[profile.exams]]\nexam = "comlex1"\nscore = 5\n')
    assert error.message == "a COMLEX Level 1 score runs 9-999; 5 is outside it"


def test_zero_is_no_score_on_every_exam() -> None:
    plan, errors = parse_text('schema = 1\n[[profile.exams]]\nexam = "comlex3"\nscore = 0\n')
    assert errors == [] and plan is not None


def test_practice_scores_are_read_on_the_schedules_exam(only_error) -> None:
    text = "schema = 1\n[schedule]\nexam = \"{exam}\"\n[[schedule.practice]]\nscore = 450\n"
    plan, errors = parse_text(text.format(exam="comlex2"))
    assert errors == [] and plan is not None
    error = only_error(text.format(exam="step1"))
    assert error.key_path == "schedule.practice[0].score"
    assert error.message == "a Step 1 score runs 1-300; 450 is outside it"


def test_passing_score_is_read_on_the_schedules_exam(only_error) -> None:
    error = only_error('schema = 1\n[schedule]\nexam = "step3"\npassing_score = 400\n')
    assert error.key_path == "schedule.passing_score"
    assert error.message == "a Step 3 score runs 1-300; 400 is outside it"
    plan, errors = parse_text('schema = 1\n[schedule]\nexam = "comlex3"\npassing_score = 400\n')
    assert errors == [] and plan is not None and plan.schedule.passing_score == 400


def test_without_passing_score_the_plan_holds_none() -> None:
    plan, _ = parse_text("schema = 1\n[schedule]\nexam = \"comlex1\"\n")
    assert plan is not None and plan.schedule.passing_score is None


@pytest.mark.parametrize("aim", ["rank-deadline", "next-season"])
def test_schedule_aim_is_read(aim: str) -> None:
    plan, errors = parse_text(f'schema = 1\n[schedule]\naim = "{aim}"\n')
    assert errors == [] and plan is not None and plan.schedule.aim.value == aim


def test_an_unknown_aim_is_refused(only_error) -> None:
    error = only_error('schema = 1\n[schedule]\naim = "next-year"\n')
    assert error.key_path == "schedule.aim"
    assert 'did you mean "next-season"' in error.message
