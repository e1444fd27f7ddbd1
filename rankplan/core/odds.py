"""The match model (DESIGN §2.3): a chance per ranked program, and what follows from them.

- B is the specialty's baseline (2.4, with the plan's overrides): the chance to match with one
  failure on record after about ten interviews, all ranked. Spread evenly over ten programs,
  one program's base chance is p0 = 1 - (1 - B) ** (1/10).
- The likelihood (the user's, else the suggestion) scales the odds: p0 / (1 - p0) times the
  ``[odds]`` multiplier for green, yellow or red, turned back into a chance.
- A program's ``match_chance`` (0 to 1) replaces all of that for that program.
- The programs are taken as independent. Going down the list, you match at rank k if rank k
  takes you and none above did: P(k) = p_k * prod_{j<k} (1 - p_j). You go unmatched if none
  does: prod_j (1 - p_j).

Moving a program changes the P(k) of the ranks between, never P(matched): the product does not
care about order. Only which programs are on the list changes whether you match.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import attrgetter, mul

from rankplan.core.model import Likelihood, Plan, Program
from rankplan.core.ranklist import effective_likelihoods, ranked
from rankplan.core.specialties import resolve

INTERVIEWS_IN_BASELINE = 10  # B assumes about ten interviews, all ranked
FALLBACK_BASELINE = 0.5  # when neither the program's nor the profile's specialty is known
TOP = 3  # P(top 3)

_specialty = attrgetter("specialty")
_match_chance = attrgetter("match_chance")


@dataclass(frozen=True)
class MatchOdds:
    """The model's answer for the ranked list as it stands."""

    chances: tuple[float, ...]  # each ranked program's chance, rank order
    at_rank: tuple[float, ...]  # P(you match at rank k), rank order
    p_matched: float
    p_unmatched: float
    p_top3: float
    expected_rank: float | None  # the mean rank you match at, if you match; None if you cannot
    likelihoods: tuple[Likelihood, ...] = ()  # the likelihood used for each, rank order


def base_chance(baseline: float) -> float:
    """p0: one program's chance when B spreads evenly over ten interviews."""
    baseline = min(1.0, max(0.0, baseline))
    return 1.0 - (1.0 - baseline) ** (1.0 / INTERVIEWS_IN_BASELINE)


def scaled_chance(p0: float, multiplier: float) -> float:
    """p0 with its odds multiplied; a certain chance stays certain unless the multiplier is 0."""
    if p0 <= 0.0 or multiplier <= 0.0:
        return 0.0
    if p0 >= 1.0:
        return 1.0
    odds = p0 / (1.0 - p0) * multiplier
    return odds / (1.0 + odds)


def multipliers(plan: Plan) -> dict[str, float]:
    o = plan.odds
    return {Likelihood.GREEN: o.green, Likelihood.YELLOW: o.yellow, Likelihood.RED: o.red}


def baseline_of(plan: Plan, specialty: str) -> float:
    """B for ``specialty`` ("" = the profile's), with the plan's overrides.

    A name the plan does not know (only possible in an invalid plan) takes the profile's
    specialty's B, or FALLBACK_BASELINE if that is unknown too.
    """
    spec = resolve(plan, specialty or plan.profile.specialty)
    if spec is None:
        spec = resolve(plan, plan.profile.specialty)
    return spec.baseline if spec is not None else FALLBACK_BASELINE


def override(program: Program) -> float | None:
    """The user's own chance for the program, if set (match_chance from 0 to 1)."""
    mc = program.match_chance
    return float(mc) if 0.0 <= mc <= 1.0 else None


def program_chance(plan: Plan, program: Program) -> float:
    """One program's chance to take you, under the model or the user's override."""
    own = override(program)
    if own is not None:
        return own
    likelihood = effective_likelihoods(plan, [program])[0]
    p0 = base_chance(baseline_of(plan, program.specialty))
    return scaled_chance(p0, multipliers(plan).get(likelihood, 1.0))


def chances(plan: Plan, programs: list[Program], likelihoods: list[Likelihood]) -> list[float]:
    """The chance of each program. Each specialty is resolved once, and each (specialty,
    likelihood) pair worked out once, however many programs share them."""
    factor = multipliers(plan)
    pairs = list(zip(map(_specialty, programs), likelihoods))
    distinct = set(pairs)
    base = {name: base_chance(baseline_of(plan, name)) for name in {n for n, _ in distinct}}
    table = {pair: scaled_chance(base[pair[0]], factor.get(pair[1], 1.0)) for pair in distinct}
    out = list(map(table.__getitem__, pairs))
    own = list(map(_match_chance, programs))
    for i in compress(count(), map((0.0).__le__, own)):  # the user's own chance, 0 to 1
        if own[i] <= 1.0:
            out[i] = float(own[i])
    return out


def combine(chances: list[float] | tuple[float, ...]) -> tuple[tuple[float, ...], float]:
    """(P(match at each rank), P(unmatched)) for independent chances in rank order."""
    # none_above[k] = prod_{j<k} (1 - p_j): no program above rank k took you.
    none_above = list(accumulate(map((1.0).__sub__, chances), mul, initial=1.0))
    return tuple(map(mul, chances, none_above)), none_above[-1]


def match_odds(plan: Plan) -> MatchOdds:
    """Per-program chances, P(match at each rank), P(matched), P(top 3) and expected rank."""
    programs = ranked(plan)
    likelihoods = effective_likelihoods(plan, programs)
    each = chances(plan, programs, likelihoods)
    at_rank, p_unmatched = combine(each)
    p_matched = 1.0 - p_unmatched
    expected = (
        sum(map(mul, range(1, len(at_rank) + 1), at_rank)) / p_matched if p_matched > 0 else None
    )
    return MatchOdds(
        chances=tuple(each),
        at_rank=at_rank,
        p_matched=p_matched,
        p_unmatched=p_unmatched,
        p_top3=sum(at_rank[:TOP]),
        expected_rank=expected,
        likelihoods=tuple(likelihoods),
    )
