"""The shared-factor match model (DESIGN §2.3): calibration, values, splits, what more it takes."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rankplan.core import odds as odds_module
from rankplan.core.model import (
    ExamAttempt,
    ExamResult,
    Likelihood,
    OddsSettings,
    Plan,
    Profile,
    Program,
    RankList,
    SpecialtyEntry,
    Track,
)
from rankplan.core.odds import Outcome, base_chance, match_odds, scaled_chance
from rankplan.core.quadrature import normal_rule
from rankplan.core.ranklist import effective_likelihoods, move, ranked
from rankplan.demo import demo_text
from rankplan.storage.read import parse_text

G, Y, R = Likelihood.GREEN, Likelihood.YELLOW, Likelihood.RED
SPREADS = (0.0, 0.5, 1.0, 1.75, 3.0, 5.0)
ROOT = Path(__file__).resolve().parents[3]


def plan_of(*programs: Program, specialty: str = "Internal Medicine", spread: float = 1.75,
            failed: int = 1, backup: str = "") -> Plan:
    return Plan(
        profile=Profile(specialty=specialty, backup_specialty=backup,
                        exams=[ExamAttempt(result=ExamResult.FAIL)] * failed),
        programs=list(programs),
        rank_list=RankList(order=[p.id for p in programs]),
        odds=OddsSettings(spread=spread),
    )


def yellows(n: int, specialty: str, prefix: str = "p") -> list[Program]:
    return [Program(id=f"{prefix}{i}", specialty=specialty, likelihood=Y) for i in range(n)]


def genplan(n: int, seed: int = 1) -> Plan:
    spec = importlib.util.spec_from_file_location("odds_genplan", ROOT / "tests/perf/genplan.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    plan, errors = parse_text(module.generate_plan(n, seed))
    assert plan is not None, errors
    return plan


def demo_plan() -> Plan:
    plan, errors = parse_text(demo_text())
    assert plan is not None, errors
    return plan


@pytest.fixture
def reference_nodes(monkeypatch):
    """Switch the model to a 200-node rule (and back, with fresh caches)."""
    caches = (odds_module.anchor, odds_module._model_vector, odds_module._own_vector)

    def use(n: int) -> None:
        monkeypatch.setattr(odds_module, "NODES", n)
        monkeypatch.setattr(odds_module, "WIDE_NODES", n)
        for c in caches:
            c.cache_clear()

    yield use
    for c in caches:
        c.cache_clear()


# -- the anchor and the calibration -----------------------------------------------------------


@pytest.mark.parametrize("spread", SPREADS)
def test_ten_yellow_family_medicine_programs_match_80_percent(spread) -> None:
    odds = match_odds(plan_of(*yellows(10, "Family Medicine"), spread=spread))
    assert odds.p_matched == pytest.approx(0.80, abs=1e-9)


@pytest.mark.parametrize("n, public", [(1, 0.55), (2, 0.70), (3, 0.78), (5, 0.86), (7, 0.90),
                                       (10, 0.93), (15, 0.95)])
def test_calibrated_to_the_public_curve(n, public) -> None:
    """NRMP's chance to match by ranks, US seniors: B = 0.927 at ten programs, spread 1.75."""
    plan = plan_of(*yellows(n, "Calibration"), specialty="Calibration")
    plan.specialties["Calibration"] = SpecialtyEntry(tier="moderate", baseline=0.927)
    assert match_odds(plan).p_matched == pytest.approx(public, abs=0.02)


def test_independence_cannot_follow_the_curve() -> None:
    """The same anchor with spread 0 understates one rank and overstates fifteen."""
    def matched(n: int) -> float:
        plan = plan_of(*yellows(n, "Calibration"), specialty="Calibration", spread=0.0)
        plan.specialties["Calibration"] = SpecialtyEntry(tier="moderate", baseline=0.927)
        return match_odds(plan).p_matched

    assert matched(1) < 0.25  # the public figure is 0.55
    assert matched(15) > 0.975  # the public figure is 0.95


def test_thirty_yellow_psychiatry_programs() -> None:
    shared = match_odds(plan_of(*yellows(30, "Psychiatry"), specialty="Psychiatry"))
    alone = match_odds(plan_of(*yellows(30, "Psychiatry"), specialty="Psychiatry", spread=0))
    assert alone.p_unmatched == pytest.approx(0.043, abs=0.001)
    assert shared.p_unmatched == pytest.approx(0.17, abs=0.01)


@pytest.mark.parametrize("spread", SPREADS)
@pytest.mark.parametrize("chance", [0.0, 0.03, 0.3, 0.5, 0.97, 1.0])
def test_a_users_own_chance_alone_is_p_matched(spread, chance) -> None:
    odds = match_odds(plan_of(Program(id="a", match_chance=chance), spread=spread))
    assert odds.p_matched == pytest.approx(chance, abs=1e-9)
    assert odds.chances == (chance,)


def test_own_chances_are_not_overstated_in_combination() -> None:
    """Two programs at 50% each: independence says 75%; a shared factor says less."""
    two = [Program(id="a", match_chance=0.5), Program(id="b", match_chance=0.5)]
    assert match_odds(plan_of(*two, spread=0.0)).p_matched == pytest.approx(0.75)
    assert match_odds(plan_of(*two)).p_matched < 0.70


# -- spread 0 is the previous model -------------------------------------------------------------


def independent_reference(plan: Plan) -> tuple[list[float], float]:
    """The earlier version's model, written out plainly: (P(at each rank), P(unmatched))."""
    programs = ranked(plan)
    factor = {G: plan.odds.green, Y: plan.odds.yellow, R: plan.odds.red}
    at, none_above = [], 1.0
    for program, likelihood in zip(programs, effective_likelihoods(plan, programs)):
        if 0.0 <= program.match_chance <= 1.0:
            p = program.match_chance
        else:
            p0 = base_chance(odds_module.baseline_of(plan, program.specialty))
            p = scaled_chance(p0, factor.get(likelihood, 1.0))
        at.append(p * none_above)
        none_above *= 1.0 - p
    return at, none_above


@pytest.mark.parametrize("make", [demo_plan, lambda: genplan(300)], ids=["demo", "300"])
def test_spread_zero_reproduces_the_independent_model(make) -> None:
    plan = make()
    plan.odds.spread = 0.0
    odds = match_odds(plan)
    at, unmatched = independent_reference(plan)
    assert len(at) == len(odds.at_rank) > 0
    assert max(abs(a - b) for a, b in zip(at, odds.at_rank)) <= 1e-12
    assert abs(unmatched - odds.p_unmatched) <= 1e-12


# -- accuracy of the quadrature ----------------------------------------------------------------


def test_the_rule_integrates_normal_moments() -> None:
    for n in (1, 2, 7, 32, 96, 200):
        z, w = normal_rule(n)
        assert sum(w) == pytest.approx(1.0, abs=1e-12)
        if n >= 3:
            assert sum(wi * zi**2 for wi, zi in zip(w, z)) == pytest.approx(1.0, abs=1e-10)
            assert sum(wi * zi**4 for wi, zi in zip(w, z)) == pytest.approx(3.0, abs=1e-9)


def figures(odds) -> list[float]:
    return [*odds.at_rank, *odds.values, *odds.chances, odds.p_matched, odds.p_top3,
            *odds.by_outcome.values()]


@pytest.mark.parametrize("spread", [0.5, 1.75, 3.0, 5.0])
@pytest.mark.parametrize("size", [10, 300])
def test_every_figure_within_a_thousandth_of_a_200_node_reference(spread, size,
                                                                  reference_nodes) -> None:
    plan = genplan(size, seed=size)
    plan.odds.spread = spread
    plan.programs[0].match_chance = 0.9
    plan.programs[-1].match_chance = 0.02
    ours = match_odds(plan)
    reference_nodes(200)
    ref = match_odds(plan)
    assert max(abs(a - b) for a, b in zip(figures(ours), figures(ref))) <= 0.001
    assert ours.more_needed == ref.more_needed


# -- order: where, never whether ---------------------------------------------------------------

program_specs = st.tuples(
    st.sampled_from(["", "Family Medicine", "General Surgery", "Dermatology", "Transitional Year"]),
    st.sampled_from([G, Y, R]),
    st.one_of(st.just(-1.0), st.floats(0.0, 1.0)),
)


def plan_from(specs, spread: float) -> Plan:
    return plan_of(*(Program(id=f"p{i}", specialty=s, likelihood=lk, match_chance=mc)
                     for i, (s, lk, mc) in enumerate(specs)), spread=spread,
                   backup="Family Medicine")


@settings(max_examples=60, deadline=None)
@given(st.lists(program_specs, min_size=1, max_size=25), st.sampled_from(SPREADS), st.data())
def test_reordering_never_changes_p_matched_or_values(specs, spread, data) -> None:
    plan = plan_from(specs, spread)
    before = match_odds(plan)
    plan.rank_list.order = data.draw(st.permutations(plan.rank_list.order))
    after = match_odds(plan)
    assert after.p_matched == pytest.approx(before.p_matched, abs=1e-12)
    value = dict(zip(before.ids, before.values))
    assert all(v == pytest.approx(value[i], abs=1e-12) for i, v in zip(after.ids, after.values))
    assert sum(after.at_rank) == pytest.approx(after.p_matched, abs=1e-9)
    assert sum(after.by_outcome.values()) == pytest.approx(after.p_matched, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(program_specs, min_size=2, max_size=25), st.sampled_from(SPREADS), st.data())
def test_a_move_from_the_previous_answer_equals_a_full_computation(specs, spread, data) -> None:
    plan = plan_from(specs, spread)
    n = len(specs)
    odds = match_odds(plan)
    for _ in range(3):
        src, dst = data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1))
        move(plan.rank_list.order, src, dst)
        previous, odds = odds, match_odds(plan, odds)
        full = match_odds(plan)
        assert odds.ids == full.ids
        assert figures(odds) == pytest.approx(figures(full), abs=1e-12)
        lo = min(src, dst)
        assert odds.at_rank[:lo] == previous.at_rank[:lo]  # not even recomputed


@settings(max_examples=60, deadline=None)
@given(st.lists(program_specs, min_size=1, max_size=20), st.sampled_from(SPREADS),
       program_specs, st.integers(0, 20))
def test_adding_a_program_never_lowers_p_matched(specs, spread, extra, at) -> None:
    plan = plan_from(specs, spread)
    before = match_odds(plan).p_matched
    s, lk, mc = extra
    plan.programs.append(Program(id="extra", specialty=s, likelihood=lk, match_chance=mc))
    plan.rank_list.order.insert(min(at, len(specs)), "extra")
    assert match_odds(plan).p_matched >= before - 1e-12


@settings(max_examples=40, deadline=None)
@given(st.lists(program_specs, min_size=1, max_size=12), st.sampled_from(SPREADS))
def test_a_value_is_what_p_matched_loses_without_the_program(specs, spread) -> None:
    plan = plan_from(specs, spread)
    odds = match_odds(plan)
    for i, pid in enumerate(odds.ids):
        assert odds.values[i] >= 0.0
        without = plan_from(specs, spread)
        without.rank_list.order.remove(pid)
        lost = odds.p_matched - match_odds(without).p_matched
        assert odds.values[i] == pytest.approx(lost, abs=1e-9)


def test_figures_are_numbers_between_0_and_1() -> None:
    for spread in SPREADS:
        odds = match_odds(genplan(60))
        odds = match_odds(plan_of(*ranked(genplan(60)), spread=spread))
        for x in figures(odds):
            assert 0.0 <= x <= 1.0 + 1e-12 and not math.isnan(x)


# -- what you would match into, what more it takes, caveats --------------------------------------


def test_p_matched_split_by_outcome() -> None:
    plan = plan_of(
        Program(id="im", likelihood=G),
        Program(id="fm", specialty="Family Medicine", likelihood=Y),
        Program(id="prelim", track=Track.PRELIMINARY, likelihood=Y),
        Program(id="ty", specialty="Transitional Year", likelihood=Y),
        backup="Family Medicine",
    )
    odds = match_odds(plan)
    assert odds.outcomes == (Outcome.PRIMARY, Outcome.BACKUP, Outcome.PRELIMINARY,
                             Outcome.PRELIMINARY)
    assert odds.by_outcome[Outcome.PRIMARY] == pytest.approx(odds.at_rank[0])
    assert odds.by_outcome[Outcome.BACKUP] == pytest.approx(odds.at_rank[1])
    assert odds.by_outcome[Outcome.PRELIMINARY] == pytest.approx(sum(odds.at_rank[2:]))


@pytest.mark.parametrize("spread", [0.0, 1.75])
def test_more_needed_is_the_least_that_brings_unmatched_under_10_percent(spread) -> None:
    base = yellows(3, "Internal Medicine")
    odds = match_odds(plan_of(*base, spread=spread, backup="Family Medicine"))
    for kind, specialty in ((Outcome.PRIMARY, "Internal Medicine"),
                            (Outcome.BACKUP, "Family Medicine"),
                            (Outcome.PRELIMINARY, "Preliminary Medicine")):
        n = odds.more_needed[kind]
        if n is None:  # more than 20
            more = plan_of(*base, *yellows(20, specialty, "x"), spread=spread)
            assert match_odds(more).p_unmatched >= 0.10
            continue
        enough = plan_of(*base, *yellows(n, specialty, "x"), spread=spread)
        assert match_odds(enough).p_unmatched < 0.10
        fewer = plan_of(*base, *yellows(n - 1, specialty, "x"), spread=spread)
        assert match_odds(fewer).p_unmatched >= 0.10


def test_more_needed_at_the_default_spread() -> None:
    """The shared factor caps what length buys: 3 yellow IM programs are not made safe by 20
    more, while 4 green FM programs need 13 more yellow ones."""
    short = match_odds(plan_of(*yellows(3, "Internal Medicine"), backup="Family Medicine"))
    assert set(short.more_needed.values()) == {None}
    greens = [Program(id=f"g{i}", specialty="Family Medicine", likelihood=G) for i in range(4)]
    odds = match_odds(plan_of(*greens, specialty="Family Medicine", backup="Psychiatry"))
    assert odds.more_needed[Outcome.PRIMARY] == 13


def test_nothing_more_needed_when_already_safe() -> None:
    odds = match_odds(plan_of(Program(id="sure", match_chance=0.95), backup="Pediatrics"))
    assert set(odds.more_needed.values()) == {0}


def test_an_empty_list_is_unmatched() -> None:
    odds = match_odds(plan_of())
    assert (odds.p_matched, odds.p_unmatched, odds.expected_rank) == (0.0, 1.0, None)


def test_no_backup_specialty_means_no_backup_figure() -> None:
    odds = match_odds(plan_of(*yellows(3, "Internal Medicine")))
    assert odds.more_needed[Outcome.BACKUP] is None


def test_caveats() -> None:
    one = match_odds(plan_of(*yellows(3, "Internal Medicine")))
    assert one.caveats == (odds_module.CAVEAT_SCOPE,)
    two = match_odds(plan_of(*yellows(3, "Internal Medicine"), failed=2))
    assert len(two.caveats) == 2 and "2 on record" in two.caveats[0]


def test_a_new_backup_specialty_is_seen_after_an_earlier_answer() -> None:
    greens = [Program(id=f"g{i}", specialty="Family Medicine", likelihood=G) for i in range(8)]
    plan = plan_of(*greens, specialty="Family Medicine")
    before = match_odds(plan)
    assert before.more_needed[Outcome.BACKUP] is None
    plan.profile.backup_specialty = "Psychiatry"
    after = match_odds(plan, before)
    assert after.more_needed == match_odds(plan).more_needed
    assert after.more_needed[Outcome.BACKUP] is not None


def test_an_unranked_programs_change_is_seen_after_an_earlier_answer() -> None:
    plan = plan_of(*yellows(3, "Internal Medicine"))
    plan.programs.append(Program(id="off", likelihood=Y))
    before = match_odds(plan)
    assert before.every_chance["off"] == before.chances[0]
    plan.programs[-1].likelihood = G
    after = match_odds(plan, before)
    assert after.every_chance["off"] > before.every_chance["off"]
    assert after.every_chance == match_odds(plan).every_chance
