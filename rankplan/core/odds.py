"""The match model (DESIGN §2.3): one shared applicant factor, a chance per ranked program.

Programs do not judge you independently: your file, your story and your letters are seen by
all of them. So the model draws one shared factor θ ~ Normal(0, σ²) (``[odds] spread`` = σ)
and, given θ, gives each ranked program j an independent chance

    p_j(θ) = logistic(a_s + ln m_j + θ)

- m_j is the ``[odds]`` multiplier of the program's likelihood (the user's, else the
  suggestion); a_s is the anchor of its specialty s, solved so that ten yellow programs of s
  give P(matched) = B_s: 1 - E[(1 - logistic(a_s + θ))^10] = B_s;
- a user-set ``match_chance`` c replaces that: p_j(θ) = logistic(b_j + θ) with E[p_j] = c.

Going down the list you match at rank k if k takes you and no program above did:
P(k) = E[p_k · Π_{j<k} (1 - p_j)], and you go unmatched with E[Π_j (1 - p_j)]. Every E is a
Gauss-Hermite sum over θ. With σ = 0 this is the independent model of earlier versions
(p0 = 1 - (1 - B)^(1/10), its odds times m), computed the same way to the last digit.

Moving a program changes the P(k) of the ranks it passes, never P(matched) and never any
program's value (how much P(matched) drops without it): both depend on which programs are on
the list, not on their order. ``match_odds(plan, previous)`` uses that: when the list holds the
same programs with the same chances, it recomputes only the ranks that changed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from operator import attrgetter

from rankplan.core.likelihood import failed_attempts
from rankplan.core.model import Likelihood, Plan, Program, Track
from rankplan.core.quadrature import normal_rule
from rankplan.core.ranklist import effective_likelihoods, ranked
from rankplan.core.specialties import resolve

INTERVIEWS_IN_BASELINE = 10  # B: the chance to match with ten yellow programs ranked
FALLBACK_BASELINE = 0.5  # when neither the program's nor the profile's specialty is known
TOP = 3  # P(top 3)
# Quadrature nodes: every figure is within 0.001 of a 200-node reference (tested). A wider
# spread makes the integrand sharper on the nodes' scale, so it takes more of them.
NODES = 32  # spread up to WIDE_SPREAD
WIDE_SPREAD = 3.0
WIDE_NODES = 96  # spread above WIDE_SPREAD (the file allows up to 5)
UNMATCHED_GOAL = 0.10  # "what more it takes": P(unmatched) under 10%
MORE_LIMIT = 20  # past this, "more than 20"
PRELIMINARY_SPECIALTIES = frozenset(
    {"Transitional Year", "Preliminary Medicine", "Preliminary Surgery"})
PRELIMINARY_REFERENCE = "Preliminary Medicine"  # the typical preliminary program's specialty

_specialty = attrgetter("specialty")

Vector = tuple[float, ...]  # a program's chance at each quadrature node


class Outcome(StrEnum):
    """What a match at a program would be."""

    PRIMARY = "primary"  # a categorical or advanced position in the primary specialty
    BACKUP = "backup"  # a position in another specialty (the backup)
    PRELIMINARY = "preliminary"  # a preliminary or transitional year only


CAVEAT_ATTEMPTS = ("B assumes one failed attempt; with {n} on record, read these odds as an "
                   "upper bound.")
CAVEAT_SCOPE = "Supplemental lists and couples are not modelled."


@dataclass(frozen=True)
class MatchOdds:
    """The model's answer for the ranked list as it stands (tuples in rank order)."""

    ids: tuple[str, ...]
    chances: tuple[float, ...]  # each program's own chance to take you, E[p_j]
    at_rank: tuple[float, ...]  # P(you match at rank k)
    values: tuple[float, ...]  # how much P(matched) drops without the program
    outcomes: tuple[Outcome, ...]
    p_matched: float
    p_unmatched: float
    p_top3: float
    expected_rank: float | None  # the mean rank you match at, if you match; None if you cannot
    by_outcome: dict[Outcome, float]  # P(matched) split by what you would match into
    more_needed: dict[Outcome, int | None]  # more yellow programs for P(unmatched) < 10%
    caveats: tuple[str, ...]
    spread: float
    likelihoods: tuple[Likelihood, ...] = ()  # the likelihood used for each
    every_chance: dict[str, float] = field(default_factory=dict)  # every program's, ranked or not
    # Kept for the next call after a move: each program's vector (by id), the survival
    # products Π_{j<k} (1 - p_j) at every node (survival[k] for rank k + 1, survival[r] for
    # all) and the reference programs of "what more it takes".
    every_vector: dict[str, Vector] = field(default_factory=dict, repr=False, compare=False)
    survival: tuple[Vector, ...] = field(default=(), repr=False, compare=False)
    references: tuple[Vector | None, ...] = field(default=(), repr=False, compare=False)


# -- the pieces: nodes, anchors, vectors ------------------------------------------------------


def rule(spread: float) -> tuple[Vector, Vector]:
    """(θ at each node, weights) for the factor; one node at 0 when the spread is 0."""
    if spread <= 0.0:
        return (0.0,), (1.0,)
    return _scaled_rule(spread, NODES if spread <= WIDE_SPREAD else WIDE_NODES)


@cache
def _scaled_rule(spread: float, n: int) -> tuple[Vector, Vector]:
    z, w = normal_rule(n)
    return tuple(spread * x for x in z), w


def logistic(x: float) -> float:
    if x >= 0.0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def base_chance(baseline: float) -> float:
    """p0 of the independent model: one program's chance when B spreads over ten."""
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


def _solve(target: float, expectation) -> float:
    """x with expectation(x) = target, for an expectation increasing in x (bisection)."""
    lo, hi = -60.0, 60.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if expectation(mid) < target:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-13:
            break
    return 0.5 * (lo + hi)


@cache
def anchor(baseline: float, spread: float) -> float:
    """a_s: ten yellow programs of the specialty give P(matched) = B. Only for 0 < B < 1."""
    thetas, weights = rule(spread)

    def matched(a: float) -> float:
        return 1.0 - sum(w * (1.0 - logistic(a + t)) ** INTERVIEWS_IN_BASELINE
                         for t, w in zip(thetas, weights))

    return _solve(baseline, matched)


@cache
def _model_vector(baseline: float, multiplier: float, spread: float) -> Vector:
    """A program's chance at each node from its specialty's B and its multiplier."""
    thetas, _ = rule(spread)
    if spread <= 0.0:  # the independent model, exactly as before
        return (scaled_chance(base_chance(baseline), multiplier),)
    if baseline <= 0.0 or multiplier <= 0.0:
        return (0.0,) * len(thetas)
    if baseline >= 1.0:
        return (1.0,) * len(thetas)
    shift = anchor(baseline, spread) + math.log(multiplier)
    return tuple(logistic(shift + t) for t in thetas)


@cache
def _own_vector(chance: float, spread: float) -> Vector:
    """The user's own chance c for a program: logistic(b + θ) with E = c (0 and 1 stay)."""
    thetas, weights = rule(spread)
    if spread <= 0.0 or chance <= 0.0 or chance >= 1.0:
        return (chance,) * len(thetas)
    b = _solve(chance, lambda x: sum(w * logistic(x + t) for t, w in zip(thetas, weights)))
    return tuple(logistic(b + t) for t in thetas)


def multipliers(plan: Plan) -> dict[Likelihood, float]:
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


def vectors_for(plan: Plan, programs: list[Program],
                likelihoods: list[Likelihood]) -> list[Vector]:
    """Each program's vector. Programs with the same specialty and likelihood (or the same
    own chance) share one cached vector object."""
    spread = plan.odds.spread
    factor = multipliers(plan)
    base = {name: baseline_of(plan, name) for name in set(map(_specialty, programs))}
    out = []
    for program, likelihood in zip(programs, likelihoods):
        own = override(program)
        if own is not None:
            out.append(_own_vector(own, spread))
        else:
            out.append(_model_vector(base[program.specialty], factor.get(likelihood, 1.0),
                                     spread))
    return out


def outcome_of(plan: Plan, program: Program) -> Outcome:
    """What matching at ``program`` means: a primary, backup or preliminary-only position."""
    specialty = program.specialty or plan.profile.specialty
    if program.track in (Track.PRELIMINARY, Track.TRANSITIONAL) or (
            specialty in PRELIMINARY_SPECIALTIES):
        return Outcome.PRELIMINARY
    return Outcome.PRIMARY if specialty == plan.profile.specialty else Outcome.BACKUP


# -- sums over the nodes ------------------------------------------------------------------------


def _mean(vector: Vector, weights: Vector) -> float:
    return sum(map(float.__mul__, vector, weights))


def _at(vector: Vector, survival: Vector, weights: Vector) -> float:
    """E[p_k · Π_{j<k} (1 - p_j)] for one rank."""
    return sum(w * p * s for w, p, s in zip(weights, vector, survival))


def _times_miss(survival: Vector, vector: Vector) -> Vector:
    return tuple(s * (1.0 - p) for s, p in zip(survival, vector))


def _values(vectors: list[Vector], weights: Vector) -> dict[int, float]:
    """How much P(matched) drops without each program, by vector identity.

    Programs with the same vector have the same value, so the products run over the distinct
    vectors (with their counts): value = E[p · (1 - p)^(n-1) · Π_other groups (1 - p_h)^n_h].
    """
    counts: dict[int, int] = {}
    distinct: list[Vector] = []
    for v in vectors:
        key = id(v)
        if key not in counts:
            counts[key] = 0
            distinct.append(v)
        counts[key] += 1
    misses = [tuple((1.0 - p) ** counts[id(v)] for p in v) for v in distinct]
    ones = (1.0,) * len(weights)
    before = [ones]  # before[g]: Π over groups < g
    for miss in misses[:-1]:
        before.append(tuple(map(float.__mul__, before[-1], miss)))
    out: dict[int, float] = {}
    after = ones  # Π over groups > g
    for g in range(len(distinct) - 1, -1, -1):
        v, n = distinct[g], counts[id(distinct[g])]
        out[id(v)] = sum(w * p * (1.0 - p) ** (n - 1) * b * a
                         for w, p, b, a in zip(weights, v, before[g], after))
        after = tuple(map(float.__mul__, after, misses[g]))
    return out


def _more_needed(survival: Vector, extra: Vector | None, weights: Vector) -> int | None:
    """How many more programs like ``extra`` bring P(unmatched) under the goal (None: more
    than MORE_LIMIT, or no such programs to add)."""
    if extra is None:
        return None
    current = survival
    for n in range(MORE_LIMIT + 1):
        if sum(map(float.__mul__, current, weights)) < UNMATCHED_GOAL:
            return n
        current = _times_miss(current, extra)
    return None


def _reference_vectors(plan: Plan) -> dict[Outcome, Vector | None]:
    """A typical yellow program of each kind, for "what more it takes"."""
    spread, yellow = plan.odds.spread, plan.odds.yellow
    backup = plan.profile.backup_specialty
    return {
        Outcome.PRIMARY: _model_vector(baseline_of(plan, plan.profile.specialty), yellow, spread),
        Outcome.BACKUP: (_model_vector(baseline_of(plan, backup), yellow, spread)
                         if backup else None),
        Outcome.PRELIMINARY: _model_vector(baseline_of(plan, PRELIMINARY_REFERENCE), yellow,
                                           spread),
    }


# -- the answer ---------------------------------------------------------------------------------


def match_odds(plan: Plan, previous: MatchOdds | None = None) -> MatchOdds:
    """Every figure of the model for the plan's ranked list.

    ``previous``: the answer before the last edit. When the list holds the same programs with
    the same vectors (a move), only the ranks whose neighbours above changed are recomputed,
    and P(matched), the values and "what more it takes" are kept: they do not depend on order.
    """
    everyone = plan.programs
    every_likelihood = effective_likelihoods(plan, everyone)
    every_vector = dict(zip((p.id for p in everyone),
                            vectors_for(plan, everyone, every_likelihood)))
    likelihood_of = dict(zip((p.id for p in everyone), every_likelihood))
    programs = ranked(plan)
    ids = tuple(p.id for p in programs)
    vectors = [every_vector[i] for i in ids]
    likelihoods = [likelihood_of[i] for i in ids]
    spread = plan.odds.spread
    _, weights = rule(spread)
    outcomes = tuple(outcome_of(plan, p) for p in programs)
    references = _reference_vectors(plan)
    span = _changed_span(previous, ids, every_vector, spread, tuple(references.values()))
    if span is None:
        survival = [(1.0,) * len(weights)]
        for v in vectors:
            survival.append(_times_miss(survival[-1], v))
        at_rank = [_at(v, s, weights) for v, s in zip(vectors, survival)]
        p_unmatched = min(1.0, max(0.0, _mean(survival[-1], weights)))
        by_vector = _values(vectors, weights)
        values = tuple(by_vector[id(v)] for v in vectors)
        more = {kind: _more_needed(survival[-1], ref, weights) for kind, ref in references.items()}
        means = {id(v): _mean(v, weights) for v in every_vector.values()}  # once per vector
        every_chance = {p.id: float(c) if (c := override(p)) is not None
                        else means[id(every_vector[p.id])] for p in everyone}
    else:
        assert previous is not None
        lo, hi = span
        survival = list(previous.survival)
        at_rank = list(previous.at_rank)
        for k in range(lo, hi + 1):
            survival[k + 1] = _times_miss(survival[k], vectors[k])
            at_rank[k] = _at(vectors[k], survival[k], weights)
        p_unmatched, more = previous.p_unmatched, previous.more_needed
        value = dict(zip(previous.ids, previous.values))
        values = tuple(value[i] for i in ids)
        every_chance = previous.every_chance
    chances = tuple(every_chance[i] for i in ids)
    p_matched = 1.0 - p_unmatched
    weighted = sum(k * p for k, p in enumerate(at_rank, 1))
    split = {kind: 0.0 for kind in Outcome}
    for kind, p in zip(outcomes, at_rank):
        split[kind] += p
    failed = failed_attempts(plan)
    caveats = ((CAVEAT_ATTEMPTS.format(n=failed),) if failed > 1 else ()) + (CAVEAT_SCOPE,)
    return MatchOdds(
        ids=ids, chances=chances, at_rank=tuple(at_rank), values=values, outcomes=outcomes,
        p_matched=p_matched, p_unmatched=p_unmatched, p_top3=sum(at_rank[:TOP]),
        expected_rank=weighted / p_matched if p_matched > 0 else None,
        by_outcome=split, more_needed=more, caveats=caveats, spread=spread,
        likelihoods=tuple(likelihoods), every_chance=every_chance,
        every_vector=every_vector, survival=tuple(survival),
        references=tuple(references.values()),
    )


def _changed_span(previous: MatchOdds | None, ids: tuple[str, ...],
                  every_vector: dict[str, Vector], spread: float,
                  references: tuple[Vector | None, ...]) -> tuple[int, int] | None:
    """(first, last) rank that differs from ``previous`` when only the order changed (the same
    programs, ranked and not, with the same vectors; the same spread and reference programs);
    None when a full computation is due."""
    if (previous is None or previous.spread != spread or len(previous.ids) != len(ids)
            or not previous.survival or previous.every_vector.keys() != every_vector.keys()
            or any(a is not b for a, b in zip(previous.references, references))):
        return None
    before = previous.every_vector
    if any(before[i] is not v for i, v in every_vector.items()):
        return None
    if set(previous.ids) != set(ids):
        return None
    differs = [k for k, (a, b) in enumerate(zip(previous.ids, ids)) if a != b]
    if not differs:
        return (0, -1)  # nothing moved: nothing to recompute
    return differs[0], differs[-1]
