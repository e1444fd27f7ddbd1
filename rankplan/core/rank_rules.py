"""Findings about the rank list: RL01-RL11 (DESIGN §2.2).

The Match is applicant-proposing deferred acceptance: the order of the list changes where you
match, never whether, and adding a program you would attend never hurts. So no message here
tells the user to drop a program they would attend; they say what the list shows and what is
worth checking.

n is the number of interviews in the plan, r the number of ranked programs, and "tier" the
competitiveness of the primary specialty. A plan with no interviews yet raises none of these:
there is nothing to rank. Rules that depend on the tier stay silent if the primary specialty
is unknown (only possible in an invalid plan).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import compress, count, repeat, starmap
from operator import attrgetter, eq

from rankplan.core.findings import Hit, Section, Severity, rule
from rankplan.core.model import (
    BoardPolicy,
    Debrief,
    Likelihood,
    Plan,
    PostInterview,
    Preference,
    Program,
    Tier,
)
from rankplan.core.ranklist import band_sizes, effective_likelihoods, ranked
from rankplan.core.specialties import primary

FEW_ANY_TIER = 3  # RL01: this many interviews or fewer is high risk in any specialty
FEW_COMPETITIVE = 5  # RL01: ... or this many in a moderately or highly competitive one
TOP_RANKS = 4  # RL02 looks at the top 4 ranks
MAX_TOP_REDS = 2  # RL02: more red programs than this up there
RED_RUN = 3  # RL03: this many red programs in a row
FEW_FOR_SOAP = 8  # RL06: fewer interviews than this, outside the less competitive tier
MAX_ABOVE_BACKUP = 3  # RL07: more primary programs than this above the first backup one
PLAIN_ORDER_N = 12  # RL09: interviews needed
PLAIN_ORDER_SIGNALS = 3  # RL09: programs with a positive signal needed
FREE_RANKS = 20  # RL10: the NRMP fee covers this many programs
NRMP_MAX = 300  # RL10: the NRMP accepts at most this many
POLICY_RANKS = 2  # RL11 looks at the top 2 ranks
NAMES_SHOWN = 4  # a message names this many programs, then counts the rest

TIER_WORDS = {
    Tier.LESS: "less competitive",
    Tier.MODERATE: "moderately competitive",
    Tier.HIGH: "highly competitive",
}
STRICT_POLICIES = {
    BoardPolicy.FIRST_ATTEMPT_REQUIRED: "said it wants boards passed on the first attempt",
    BoardPolicy.MAX_ONE_FAILURE: "said it ranks no one with more than one failure",
}
WARM_NOTES = (PostInterview.PERSONAL_PD, PostInterview.FACULTY_ADVOCATE)
RED, GREEN, YELLOW = Likelihood.RED, Likelihood.GREEN, Likelihood.YELLOW
HIGH, LOW = Preference.HIGH, Preference.LOW
VALUED_REBOUND = BoardPolicy.VALUED_REBOUND

# These rules run for 300 programs after every keypress, so the long loops use getters and
# maps (which loop in C) where a plain loop would cost a noticeable share of a millisecond.
_id = attrgetter("id")
_preference = attrgetter("preference")
_signals = attrgetter("post_interview", "board_policy", "home_program")
_debrief = attrgetter("debrief")
_INITIAL = {RED: "r", GREEN: "g", YELLOW: "y"}
_RED_RUN = re.compile(f"r{{{RED_RUN},}}")


# -- small helpers ----------------------------------------------------------------------------

def label(program: Program) -> str:
    return program.name or program.id


def names(programs: Sequence[Program]) -> str:
    """The first few names, then how many more."""
    shown = ", ".join(label(p) for p in programs[:NAMES_SHOWN])
    more = len(programs) - NAMES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def ids(programs: Sequence[Program]) -> tuple[str, ...]:
    return tuple(p.id for p in programs)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def ranks(first: int, last: int) -> str:
    """1-based rank numbers as words: "rank 3" or "ranks 3-5"."""
    return f"rank {first}" if first == last else f"ranks {first}-{last}"


def ranked_slice(plan: Plan, start: int, stop: int | None = None) -> list[Program]:
    """``ranked(plan)[start:stop]`` without resolving the whole list (cheaper for a few)."""
    wanted = plan.rank_list.order[start:stop]
    chosen = compress(plan.programs, map(set(wanted).__contains__, map(_id, plan.programs)))
    by_id = {p.id: p for p in chosen}
    return [by_id[i] for i in wanted if i in by_id]


def tier_of(plan: Plan) -> Tier | None:
    spec = primary(plan)
    return spec.tier if spec else None


def specialty_of(plan: Plan, program: Program) -> str:
    return program.specialty or plan.profile.specialty


def positive_signal(d: Debrief) -> bool:
    """A clear sign the program wants you: a personal note or advocate, praise for the
    rebound, or your home program."""
    return _positive(*_signals(d))


def _positive(post_interview: PostInterview, board_policy: BoardPolicy, home: bool) -> bool:
    return post_interview in WARM_NOTES or board_policy == VALUED_REBOUND or home


def counter_signal(d: Debrief) -> bool:
    """A sign that outweighs a strict board policy: a personal note, an advocate, home."""
    return d.post_interview in WARM_NOTES or d.home_program


# -- the findings -----------------------------------------------------------------------------

@rule("RL01", Severity.DANGER, Section.RANK,
      "Few interviews (5 or fewer in a moderately or highly competitive specialty, 3 or fewer "
      "in any): rank every program you would attend and prepare a SOAP plan.")
def few_interviews(plan: Plan, today: date) -> Iterator[Hit]:
    n = len(plan.programs)
    if n == 0:
        return
    tier = tier_of(plan)
    competitive = tier in (Tier.MODERATE, Tier.HIGH)
    if n <= FEW_ANY_TIER or (n <= FEW_COMPETITIVE and competitive):
        where = (f" for {plan.profile.specialty}, a {TIER_WORDS[tier]} specialty"
                 if competitive else "")
        yield Hit(
            f"Only {plural(n, 'interview')}{where}: that puts you in the high-risk group. "
            "Rank every program you would attend and have a SOAP plan ready."
        )


@rule("RL02", Severity.WARNING, Section.RANK,
      "More than 2 red programs in the top 4 ranks: keep long shots up there to one or two.")
def reds_on_top(plan: Plan, today: date) -> Iterator[Hit]:
    top = ranked_slice(plan, 0, TOP_RANKS)
    reds = [p for p, lk in zip(top, effective_likelihoods(plan, top)) if lk == RED]
    if len(reds) > MAX_TOP_REDS:
        yield Hit(
            f"{len(reds)} of your top {len(top)} ranks are red ({names(reds)}): advisors keep "
            "long shots up there to one or two. It costs nothing if you truly prefer them, "
            "but check that enough green and yellow programs follow.",
            ids(reds),
        )


@rule("RL03", Severity.WARNING, Section.RANK,
      "3 or more red programs in a row somewhere on the list.")
def red_runs(plan: Plan, today: date) -> Iterator[Hit]:
    programs = ranked(plan)
    colours = "".join(map(_INITIAL.get, effective_likelihoods(plan, programs), repeat("?")))
    for run in _RED_RUN.finditer(colours):
        start, end = run.span()
        yield Hit(
            f"{ranks(start + 1, end)} are all red ({names(programs[start:end])}): a long "
            "stretch of programs unlikely to rank you. Keep any you would attend, and make sure "
            "green and yellow programs are on the list too.",
            ids(programs[start:end]),
        )


@rule("RL04", Severity.WARNING, Section.RANK,
      "A program you interviewed at is neither ranked nor marked \"would not attend\" "
      "(info with 10 or more interviews).")
def not_ranked(plan: Plan, today: date) -> Iterator[Hit]:
    on_list = set(plan.rank_list.order)
    if on_list.issuperset(map(_id, plan.programs)):
        return
    severity = Severity.INFO if len(plan.programs) >= 10 else None
    for p in plan.programs:
        if p.id not in on_list and not p.would_not_attend:
            yield Hit(
                f"{label(p)} is not on your rank list: ranking a program you would attend can "
                "only help. Rank it, or mark it \"would not attend\".",
                (p.id,),
                severity,
            )


@rule("RL05", Severity.WARNING, Section.RANK,
      "With 3 or more ranked, the bottom band holds no green program: no safety net.")
def no_safety_net(plan: Plan, today: date) -> Iterator[Hit]:
    r = len(plan.rank_list.order)
    if r < 3:
        return
    _, bottom = band_sizes(r)
    tail = ranked_slice(plan, r - bottom)
    if GREEN not in effective_likelihoods(plan, tail):
        yield Hit(
            f"No green program at the bottom of your list ({ranks(r - bottom + 1, r)}: "
            f"{names(tail)}), so it ends without a safety net. Make sure every program likely "
            "to take you that you would attend is ranked, and keep a SOAP plan ready.",
            ids(tail),
        )


@rule("RL06", Severity.WARNING, Section.RANK,
      "The SOAP plan is empty while interviews are few (under 8, outside the less competitive "
      "tier), or the specialty is highly competitive with no backup-specialty interviews.")
def soap_missing(plan: Plan, today: date) -> Iterator[Hit]:
    n = len(plan.programs)
    tier = tier_of(plan)
    if plan.soap.order or n == 0 or tier is None:
        return
    few = n < FEW_FOR_SOAP and tier is not Tier.LESS
    backup = plan.profile.backup_specialty
    no_backup = tier is Tier.HIGH and not (
        backup and any(specialty_of(plan, p) == backup for p in plan.programs)
    )
    if not (few or no_backup):
        return
    have = (f"{'only ' if few else ''}{plural(n, 'interview')} in {plan.profile.specialty}, "
            f"a {TIER_WORDS[tier]} specialty")
    if no_backup:
        have += f", and none in {backup}, your backup" if backup else ", and no backup specialty"
    yield Hit(
        f"Your SOAP plan is empty and you have {have}: choose your SOAP options now, while "
        "there is time to think."
    )


@rule("RL07", Severity.WARNING, Section.RANK,
      "More than 3 programs of a highly competitive primary specialty stand above the first "
      "backup-specialty program.")
def long_shots_above_backup(plan: Plan, today: date) -> Iterator[Hit]:
    backup = plan.profile.backup_specialty
    main = plan.profile.specialty
    if not backup or tier_of(plan) is not Tier.HIGH:
        return
    above: list[Program] = []
    for p in ranked(plan):
        specialty = specialty_of(plan, p)
        if specialty == backup:
            if len(above) > MAX_ABOVE_BACKUP:
                yield Hit(
                    f"{len(above)} {main} programs stand above your first {backup} program "
                    f"({label(p)}): keep that only if you would rather train at each of them "
                    "than there. It does not lower your chance of matching; it decides where "
                    "you land.",
                    (*ids(above), p.id),
                )
            return
        if specialty == main:
            above.append(p)


@rule("RL08", Severity.INFO, Section.RANK,
      "A low-preference program is ranked above a high-preference green or yellow program.")
def low_above_high(plan: Plan, today: date) -> Iterator[Hit]:
    programs = ranked(plan)
    prefs = list(map(_preference, programs))
    if LOW not in prefs or HIGH not in prefs:
        return
    highs = list(compress(count(), map(eq, prefs, repeat(HIGH))))
    high_likelihoods = effective_likelihoods(plan, list(map(programs.__getitem__, highs)))
    likely = {i: lk for i, lk in zip(highs, high_likelihoods) if lk in (GREEN, YELLOW)}
    if not likely:
        return
    below_at = sorted(likely)
    for i in compress(count(), map(eq, prefs, repeat(LOW))):
        k = bisect_right(below_at, i)
        if k == len(below_at):
            return  # no likely high-preference program below this one or any later one
        first = below_at[k]
        others = len(below_at) - k - 1
        more = f" and {plural(others, 'other')} like it" if others else ""
        yield Hit(
            f"{label(programs[i])} (low preference) is ranked above {label(programs[first])} "
            f"(high preference, {likely[first]}){more}: rank in the order you would like to "
            "train; order changes where you match, not whether.",
            (programs[i].id, programs[first].id),
        )


@rule("RL09", Severity.INFO, Section.RANK,
      "12 or more interviews outside the highly competitive tier and 3 or more clear positive "
      "signals: rank in plain preference order.")
def plain_order(plan: Plan, today: date) -> Iterator[Hit]:
    n = len(plan.programs)
    tier = tier_of(plan)
    if n < PLAIN_ORDER_N or tier is None or tier is Tier.HIGH:
        return
    flags = starmap(_positive, map(_signals, map(_debrief, plan.programs)))
    warm = list(compress(plan.programs, flags))
    if len(warm) >= PLAIN_ORDER_SIGNALS:
        yield Hit(
            f"{len(warm)} of your {n} interviews sent a clear positive signal ({names(warm)}): "
            f"with this many interviews in a {TIER_WORDS[tier]} specialty, simply rank in the "
            "order you would like to train.",
            ids(warm),
        )


@rule("RL10", Severity.INFO, Section.RANK,
      "More than 20 programs ranked: the NRMP charges a fee for each one beyond 20 "
      "(danger over 300, the most it accepts).")
def list_length(plan: Plan, today: date) -> Iterator[Hit]:
    r = len(plan.rank_list.order)
    if r > NRMP_MAX:
        yield Hit(
            f"{r} programs ranked, but the NRMP accepts at most {NRMP_MAX}: the list is "
            f"{r - NRMP_MAX} over what it can hold (and each one beyond {FREE_RANKS} carries "
            "a fee).",
            severity=Severity.DANGER,
        )
    elif r > FREE_RANKS:
        yield Hit(
            f"{r} programs ranked: the NRMP charges an extra fee for each beyond {FREE_RANKS} "
            f"({r - FREE_RANKS} here). Each one you would attend still adds to your chance of "
            "matching."
        )


@rule("RL11", Severity.WARNING, Section.RANK,
      "A program with a strict board policy sits in the top 2 with no sign that it wants "
      "you anyway (a personal note, an advocate, your home program).")
def strict_policy_on_top(plan: Plan, today: date) -> Iterator[Hit]:
    for rank_no, p in enumerate(ranked_slice(plan, 0, POLICY_RANKS), start=1):
        policy = STRICT_POLICIES.get(p.debrief.board_policy)
        if policy and not counter_signal(p.debrief):
            yield Hit(
                f"{label(p)} at rank {rank_no} {policy}, and nothing since says it wants you "
                "anyway: keep it there if it is your first choice, but do not count on it.",
                (p.id,),
            )
