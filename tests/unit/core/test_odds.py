"""The match model at spread 0 (DESIGN §2.3): the independent model of earlier versions.

Every figure here was worked out for independent programs; ``spread = 0`` must still give
them. The shared factor has its own tests in test_odds_shared.py.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rankplan.core import odds as odds_module
from rankplan.core.model import (
    Debrief,
    ExamAttempt,
    ExamResult,
    Likelihood,
    OddsSettings,
    Plan,
    PostInterview,
    Profile,
    Program,
    RankList,
    SpecialtyEntry,
)
from rankplan.core.odds import base_chance, match_odds, scaled_chance
from rankplan.core.ranklist import move

G, Y, R = Likelihood.GREEN, Likelihood.YELLOW, Likelihood.RED


def plan_of(*programs: Program, specialty: str = "Internal Medicine",
            spread: float = 0.0) -> Plan:
    return Plan(
        profile=Profile(specialty=specialty, exams=[ExamAttempt(result=ExamResult.FAIL)]),
        programs=list(programs),
        rank_list=RankList(order=[p.id for p in programs]),
        odds=OddsSettings(spread=spread),
    )


def ten_yellow_fm() -> Plan:
    return plan_of(*(Program(id=f"fm-{i}", specialty="Family Medicine", likelihood=Y)
                     for i in range(10)))


def test_ten_yellow_family_medicine_programs_match_80_percent() -> None:
    odds = match_odds(ten_yellow_fm())
    assert odds.p_matched == pytest.approx(0.80, abs=1e-12)
    assert odds.p_unmatched == pytest.approx(0.20, abs=1e-12)


def test_base_chance_spreads_b_over_ten_programs() -> None:
    assert base_chance(0.8) == pytest.approx(0.1486600774792154, rel=1e-12)
    assert (1 - base_chance(0.55)) ** 10 == pytest.approx(0.45)
    assert base_chance(0.0) == 0.0 and base_chance(1.0) == 1.0


def test_scaled_chance_edges() -> None:
    assert scaled_chance(0.2, 1.0) == pytest.approx(0.2)
    assert scaled_chance(0.2, 0.0) == 0.0
    assert scaled_chance(0.0, 3.0) == 0.0
    assert scaled_chance(1.0, 0.25) == 1.0


# A mixed list, worked out by hand:
#   a  Family Medicine, green:   B 0.80, p0 = 1 - 0.2^0.1  = 0.148660; odds 0.174619 x 3
#                                 = 0.523857 -> p = 0.523857 / 1.523857 = 0.343770
#   b  Internal Medicine (the profile's), yellow: B 0.55, p0 = 1 - 0.45^0.1 = 0.076746 = p
#   c  General Surgery, red:     B 0.40, p0 = 1 - 0.6^0.1 = 0.049800; odds 0.052410 x 0.25
#                                 = 0.013103 -> p = 0.012933
#   d  Psychiatry, match_chance 0.5 (the user's own figure replaces the model)
#   P(at 1) = 0.343770
#   P(at 2) = 0.656230 x 0.076746 = 0.050363
#   P(at 3) = 0.656230 x 0.923254 x 0.012933 = 0.007836
#   P(at 4) = 0.656230 x 0.923254 x 0.987067 x 0.5 = 0.299016
#   P(unmatched) = 0.299016 (the same product times the other 0.5)
#   P(matched) = 0.700984; P(top 3) = 0.401969
#   expected rank = (1 x 0.343770 + 2 x 0.050363 + 3 x 0.007836 + 4 x 0.299016) / 0.700984
#                 = 1.664052 / 0.700984 = 2.373897
def mixed() -> Plan:
    return plan_of(
        Program(id="a", specialty="Family Medicine", likelihood=G),
        Program(id="b", likelihood=Y),
        Program(id="c", specialty="General Surgery", likelihood=R),
        Program(id="d", specialty="Psychiatry", likelihood=R, match_chance=0.5),
    )


def test_a_mixed_list_by_hand() -> None:
    odds = match_odds(mixed())
    assert odds.chances == pytest.approx((0.343770, 0.076746, 0.012933, 0.5), abs=1e-6)
    assert odds.at_rank == pytest.approx((0.343770, 0.050363, 0.007836, 0.299016), abs=1e-6)
    assert odds.p_unmatched == pytest.approx(0.299016, abs=1e-6)
    assert odds.p_matched == pytest.approx(0.700984, abs=1e-6)
    assert odds.p_top3 == pytest.approx(0.401969, abs=1e-6)
    assert odds.expected_rank == pytest.approx(2.373897, abs=1e-6)
    assert odds.likelihoods == (G, Y, R, R)
    assert sum(odds.at_rank) + odds.p_unmatched == pytest.approx(1.0)


def test_every_programs_chance_agrees_with_the_list() -> None:
    plan = mixed()
    odds = match_odds(plan)
    assert [odds.every_chance[p.id] for p in plan.programs] == list(odds.chances)


def test_an_empty_list() -> None:
    odds = match_odds(plan_of())
    assert odds.chances == odds.at_rank == ()
    assert (odds.p_matched, odds.p_unmatched, odds.p_top3) == (0.0, 1.0, 0.0)
    assert odds.expected_rank is None


def test_expected_rank_of_two_even_chances() -> None:
    plan = plan_of(Program(id="a", match_chance=0.5), Program(id="b", match_chance=0.5))
    odds = match_odds(plan)
    assert odds.at_rank == (0.5, 0.25)
    assert odds.expected_rank == pytest.approx((1 * 0.5 + 2 * 0.25) / 0.75)


def test_expected_rank_is_none_when_nothing_can_match() -> None:
    plan = plan_of(Program(id="a", match_chance=0.0), Program(id="b", match_chance=0.0))
    odds = match_odds(plan)
    assert odds.p_matched == 0.0 and odds.expected_rank is None


def test_match_chance_replaces_the_model() -> None:
    plan = plan_of(Program(id="a", likelihood=R, match_chance=1.0), Program(id="b", likelihood=G))
    odds = match_odds(plan)
    assert odds.chances[0] == 1.0
    assert odds.at_rank == (1.0, 0.0) and odds.p_matched == 1.0 and odds.expected_rank == 1.0
    plan.programs[0].match_chance = 0.0
    assert match_odds(plan).chances[0] == 0.0
    plan.programs[0].match_chance = -1.0  # back to the model
    assert match_odds(plan).chances[0] == pytest.approx(
        scaled_chance(base_chance(0.55), 0.25))


def test_odds_multipliers_come_from_the_plan() -> None:
    plan = plan_of(Program(id="g", likelihood=G), Program(id="y", likelihood=Y),
                   Program(id="r", likelihood=R))
    before = match_odds(plan).chances
    assert before[0] > before[1] > before[2]
    plan.odds = OddsSettings(green=1.0, yellow=1.0, red=1.0, spread=0.0)
    assert len(set(match_odds(plan).chances)) == 1  # every colour counts the same now
    plan.odds = OddsSettings(green=3.0, yellow=1.0, red=0.0, spread=0.0)
    assert match_odds(plan).chances[2] == 0.0
    plan.odds = OddsSettings(green=9.0, yellow=1.0, red=0.25, spread=0.0)
    p0 = base_chance(0.55)
    assert match_odds(plan).chances[0] == pytest.approx(
        9 * p0 / (1 - p0) / (1 + 9 * p0 / (1 - p0)))


def test_an_unset_likelihood_uses_the_suggestion() -> None:
    warm = Debrief(post_interview=PostInterview.PERSONAL_PD)  # +2: green
    plan = plan_of(Program(id="s", debrief=warm), Program(id="g", likelihood=G, debrief=warm))
    odds = match_odds(plan)
    assert odds.likelihoods == (G, G) and odds.chances[0] == odds.chances[1]
    plan.programs[0].likelihood = R  # the user's override wins
    assert match_odds(plan).likelihoods[0] is R


def test_specialty_overrides_change_the_baseline() -> None:
    plan = ten_yellow_fm()
    plan.specialties["Family Medicine"] = SpecialtyEntry(baseline=0.5)
    assert match_odds(plan).p_matched == pytest.approx(0.5)


def test_a_program_without_a_specialty_takes_the_profile_one() -> None:
    plan = plan_of(*(Program(id=f"p{i}", likelihood=Y) for i in range(10)),
                   specialty="Family Medicine")
    assert match_odds(plan).p_matched == pytest.approx(0.80)


def test_each_specialty_is_resolved_once(monkeypatch) -> None:
    calls: list[str] = []
    real = odds_module.resolve

    def counting(plan, name):
        calls.append(name)
        return real(plan, name)

    monkeypatch.setattr(odds_module, "resolve", counting)
    plan = plan_of(*(Program(id=f"p{i}", specialty="Pediatrics", likelihood=(G, Y, R)[i % 3])
                     for i in range(30)))
    match_odds(plan)
    assert calls.count("Pediatrics") == 1  # not once per program
    assert len(calls) == len(set(calls))  # and the references for "what more it takes" once


# -- order changes where you match, not whether -----------------------------------------------

program_specs = st.tuples(
    st.sampled_from(["", "Family Medicine", "General Surgery", "Dermatology", "Psychiatry"]),
    st.sampled_from([G, Y, R]),
    st.one_of(st.just(-1.0), st.floats(0.0, 1.0)),
)


def plan_from(specs) -> Plan:
    return plan_of(*(Program(id=f"p{i}", specialty=s, likelihood=lk, match_chance=mc)
                     for i, (s, lk, mc) in enumerate(specs)))


@given(st.lists(program_specs, min_size=1, max_size=25), st.data())
def test_reordering_never_changes_p_matched(specs, data) -> None:
    plan = plan_from(specs)
    before = match_odds(plan)
    order = plan.rank_list.order
    plan.rank_list.order = data.draw(st.permutations(order))
    after = match_odds(plan)
    assert after.p_matched == pytest.approx(before.p_matched, abs=1e-12)
    assert sorted(after.chances) == pytest.approx(sorted(before.chances))


@given(st.lists(program_specs, min_size=2, max_size=25), st.data())
def test_a_move_changes_only_the_ranks_between(specs, data) -> None:
    plan = plan_from(specs)
    n = len(specs)
    src = data.draw(st.integers(0, n - 1))
    dst = data.draw(st.integers(0, n - 1))
    before = match_odds(plan)
    move(plan.rank_list.order, src, dst)
    after = match_odds(plan)
    lo, hi = min(src, dst), max(src, dst)
    assert after.at_rank[:lo] == before.at_rank[:lo]
    assert after.at_rank[hi + 1:] == pytest.approx(before.at_rank[hi + 1:], abs=1e-12)
    assert after.p_matched == pytest.approx(before.p_matched, abs=1e-12)


def test_reordering_does_change_where_you_match() -> None:
    plan = mixed()
    before = match_odds(plan)
    move(plan.rank_list.order, 3, 0)  # the 50% program to the top
    after = match_odds(plan)
    assert after.at_rank[0] == 0.5 != before.at_rank[0]
    assert after.expected_rank < before.expected_rank
    assert after.p_matched == pytest.approx(before.p_matched)


def test_adding_a_program_never_lowers_p_matched() -> None:
    plan = mixed()
    before = match_odds(plan).p_matched
    plan.programs.append(Program(id="e", specialty="Dermatology", likelihood=R))
    plan.rank_list.order.insert(0, "e")
    assert match_odds(plan).p_matched > before


def test_odds_are_numbers_between_0_and_1() -> None:
    odds = match_odds(mixed())
    for value in (*odds.chances, *odds.at_rank, odds.p_matched, odds.p_unmatched, odds.p_top3):
        assert 0.0 <= value <= 1.0 and not math.isnan(value)
