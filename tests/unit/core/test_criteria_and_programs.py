"""Fit scores, criteria reshaping, and the interview operations."""

from __future__ import annotations

import pytest

from rankplan.core.criteria import fit_score, remove_criterion, rename_criterion, reshape_criteria
from rankplan.core.model import Plan, Program
from rankplan.core.programs import (
    add_program,
    delete_program,
    duplicate_program,
    new_id,
    set_would_not_attend,
)


def test_fit_score_is_the_weighted_mean_of_scored_criteria() -> None:
    assert fit_score({"location": 2, "fit": 3}, {"location": 4, "fit": 5}) == pytest.approx(4.6)


def test_missing_scores_are_left_out_not_counted_as_zero() -> None:
    assert fit_score({"location": 2, "fit": 3}, {"fit": 2}) == 2


def test_zero_weights_leave_a_criterion_out() -> None:
    assert fit_score({"location": 0, "fit": 1}, {"location": 1, "fit": 5}) == 5
    assert fit_score({"location": 0}, {"location": 5}) is None


def test_no_scores_means_no_fit_score() -> None:
    assert fit_score({"fit": 1}, {}) is None
    assert fit_score({}, {}) is None


def plan_with_scores() -> Plan:
    plan = Plan(criteria={"location": 2.0, "fit": 3.0})
    plan.programs = [Program(id="a", criteria={"location": 4, "fit": 5}),
                     Program(id="b", criteria={"fit": 1})]
    return plan


def test_rename_keeps_scores() -> None:
    plan = plan_with_scores()
    rename_criterion(plan, "location", "place")
    assert plan.criteria == {"place": 2.0, "fit": 3.0}
    assert plan.programs[0].criteria == {"place": 4, "fit": 5}
    with pytest.raises(ValueError):
        rename_criterion(plan, "place", "fit")


def test_remove_drops_scores() -> None:
    plan = plan_with_scores()
    remove_criterion(plan, "fit")
    assert plan.criteria == {"location": 2.0}
    assert plan.programs[1].criteria == {}


def test_reshape_renames_reweights_removes_and_adds_at_once() -> None:
    plan = plan_with_scores()
    reshape_criteria(plan, [("fit", "location", 1.0), ("location", "fit", 5.0), (None, "family", 2.0)])
    assert plan.criteria == {"location": 1.0, "fit": 5.0, "family": 2.0}
    assert plan.programs[0].criteria == {"fit": 4, "location": 5}  # swapped names kept scores
    reshape_criteria(plan, [("fit", "fit", 5.0)])
    assert plan.programs[0].criteria == {"fit": 4} and plan.criteria == {"fit": 5.0}
    with pytest.raises(ValueError):
        reshape_criteria(plan, [(None, "a", 1.0), (None, "a", 2.0)])


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("University A", set(), "university-a"),
        ("St. Mary's — IM", set(), "st-mary-s-im"),
        ("University A", {"university-a"}, "university-a-2"),
        ("University A", {"university-a", "university-a-2"}, "university-a-3"),
        ("!!!", set(), "program"),
        ("Über Klinik", set(), "uber-klinik"),
        ("Hôpital Nord", set(), "hopital-nord"),
    ],
)
def test_ids_come_from_names_and_stay_unique(name, taken, expected) -> None:
    assert new_id(name, taken) == expected


def test_new_interviews_join_the_bottom_of_the_rank_list() -> None:
    plan = Plan()
    a = add_program(plan, "A")
    b = add_program(plan, "B")
    skip = add_program(plan, "C", would_not_attend=True)
    assert plan.rank_list.order == [a.id, b.id]
    assert skip in plan.programs


def test_duplicate_gets_its_own_id_and_rank() -> None:
    plan = Plan()
    a = add_program(plan, "A")
    a.notes = "n"
    twin = duplicate_program(plan, a)
    assert twin.id != a.id and twin.notes == "n" and twin.name == "A (copy)"
    twin.debrief.takes_chances.append("holistic-pd")
    assert a.debrief.takes_chances == []  # a deep copy
    assert plan.rank_list.order == [a.id, twin.id]


def test_delete_removes_from_the_rank_list() -> None:
    plan = Plan()
    a, b = add_program(plan, "A"), add_program(plan, "B")
    delete_program(plan, a)
    assert plan.programs == [b] and plan.rank_list.order == [b.id]


def test_would_not_attend_leaves_and_rejoins_the_rank_list() -> None:
    plan = Plan()
    a, b = add_program(plan, "A"), add_program(plan, "B")
    set_would_not_attend(plan, a, True)
    assert plan.rank_list.order == [b.id]
    set_would_not_attend(plan, a, False)
    assert plan.rank_list.order == [b.id, a.id]
