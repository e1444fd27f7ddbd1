"""The suggested likelihood: every row of the points table, the special rules, thresholds."""

from __future__ import annotations

import pytest

from rankplan.core.likelihood import SIGNALS, suggest
from rankplan.core.model import (
    BoardPolicy,
    Debrief,
    FailureDiscussion,
    Likelihood,
    MyAnswer,
    PostInterview,
    TakesChances,
)

ROWS = [
    ({"failure_discussion": FailureDiscussion.CURIOUS}, 1),
    ({"failure_discussion": FailureDiscussion.GRILLED}, -2),
    ({"failure_discussion": FailureDiscussion.NEUTRAL}, 0),
    ({"failure_discussion": FailureDiscussion.NOT_MENTIONED}, 0),
    ({"board_policy": BoardPolicy.VALUED_REBOUND}, 2),
    ({"board_policy": BoardPolicy.FIRST_ATTEMPT_REQUIRED}, -2),
    ({"board_policy": BoardPolicy.MAX_ONE_FAILURE}, -1),
    ({"board_policy": BoardPolicy.NONE_HEARD}, 0),
    ({"takes_chances": [TakesChances.HOLISTIC_PD]}, 1),
    ({"takes_chances": [TakesChances.RESIDENTS_WITH_BUMPS]}, 1),
    ({"takes_chances": [TakesChances.NONTRADITIONAL_RESIDENTS]}, 1),
    ({"takes_chances": list(TakesChances)}, 2),  # capped at +2
    ({"post_interview": PostInterview.PERSONAL_PD}, 2),
    ({"post_interview": PostInterview.FACULTY_ADVOCATE}, 2),
    ({"post_interview": PostInterview.GENERIC}, 0),
    ({"post_interview": PostInterview.NONE}, 0),
    ({"home_program": True}, 2),
    ({"my_answer": MyAnswer.VAGUE}, -1),
    ({"my_answer": MyAnswer.DEFENSIVE}, -1),
    ({"my_answer": MyAnswer.OWNED}, 0),
    ({"my_answer": MyAnswer.UNSET}, 0),
]


@pytest.mark.parametrize(("fields", "points"), ROWS, ids=[str(f) for f, _ in ROWS])
def test_each_row_of_the_table(fields, points) -> None:
    s = suggest(Debrief(**fields), failures=1)
    assert s.total == points
    expected_reasons = 0 if points == 0 else min(abs(points), len(fields.get("takes_chances", [1])))
    assert len(s.reasons) == expected_reasons
    assert all(r.points != 0 for r in s.reasons)  # a zero never shows as a reason


def test_reasons_name_each_contributing_signal_with_its_points() -> None:
    s = suggest(Debrief(post_interview=PostInterview.PERSONAL_PD, home_program=True,
                        my_answer=MyAnswer.VAGUE), failures=1)
    assert [r.label() for r in s.reasons] == [
        "+2 the PD wrote to you personally",
        "+2 your home program",
        "-1 your answer about the failure was vague",
    ]
    assert (s.total, s.likelihood) == (3, Likelihood.GREEN)


def test_max_one_failure_with_one_failed_attempt_is_minus_one() -> None:
    s = suggest(Debrief(board_policy=BoardPolicy.MAX_ONE_FAILURE), failures=1)
    assert (s.total, s.likelihood) == (-1, Likelihood.YELLOW)


def test_max_one_failure_with_two_failed_attempts_is_red_outright() -> None:
    strong = Debrief(board_policy=BoardPolicy.MAX_ONE_FAILURE, home_program=True,
                     post_interview=PostInterview.PERSONAL_PD)
    s = suggest(strong, failures=2)
    assert s.likelihood is Likelihood.RED
    assert s.total == 4  # the points still add up; the rule decides the colour
    assert any(r.points is None and "two or more" in r.text for r in s.reasons)


def test_max_one_failure_without_a_failure_does_not_count() -> None:
    assert suggest(Debrief(board_policy=BoardPolicy.MAX_ONE_FAILURE), failures=0).total == 0


@pytest.mark.parametrize(
    ("fields", "colour"),
    [
        ({"board_policy": BoardPolicy.VALUED_REBOUND}, Likelihood.GREEN),  # exactly +2
        ({"failure_discussion": FailureDiscussion.CURIOUS}, Likelihood.YELLOW),  # +1
        ({"my_answer": MyAnswer.VAGUE}, Likelihood.YELLOW),  # -1
        ({"failure_discussion": FailureDiscussion.GRILLED}, Likelihood.RED),  # exactly -2
        ({}, Likelihood.YELLOW),  # nothing either way
    ],
)
def test_thresholds_at_plus_and_minus_two(fields, colour) -> None:
    assert suggest(Debrief(**fields), failures=1).likelihood is colour


def test_the_table_is_the_single_source() -> None:
    keys = {s.key for s in SIGNALS}
    assert keys == {"failure_discussion", "board_policy", "takes_chances", "post_interview",
                    "home_program", "my_answer"}
