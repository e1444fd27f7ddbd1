"""The suggested likelihood of a program ranking you high enough (DESIGN §2.1).

The points table below is the one place the rule lives: the suggestion is computed from it
and the in-app help is written from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import attrgetter

from rankplan.core.model import (
    BoardPolicy,
    Debrief,
    ExamResult,
    FailureDiscussion,
    Likelihood,
    MyAnswer,
    Plan,
    PostInterview,
    Program,
    TakesChances,
)

GREEN_AT = 2  # a total of 2 or more suggests green
RED_AT = -2  # a total of -2 or less suggests red
TAKES_CHANCES_CAP = 2  # the "takes chances" signs add at most this much together


@dataclass(frozen=True)
class Signal:
    """One row of the points table: a debrief key, the value that scores, and why."""

    key: str
    value: object
    points: int
    reason: str


SIGNALS: tuple[Signal, ...] = (
    Signal("failure_discussion", FailureDiscussion.CURIOUS, +1,
           "they asked what changed, in an open tone"),
    Signal("failure_discussion", FailureDiscussion.GRILLED, -2,
           "they grilled you about the failure"),
    Signal("board_policy", BoardPolicy.VALUED_REBOUND, +2,
           "they said they valued how you bounced back"),
    Signal("board_policy", BoardPolicy.FIRST_ATTEMPT_REQUIRED, -2,
           "they require passing boards on the first attempt"),
    Signal("board_policy", BoardPolicy.MAX_ONE_FAILURE, -1,
           "they rank no one with more than one failure (you have one)"),
    Signal("takes_chances", TakesChances.HOLISTIC_PD, +1,
           "the PD looks at the whole applicant"),
    Signal("takes_chances", TakesChances.RESIDENTS_WITH_BUMPS, +1,
           "residents there had academic bumps and did well"),
    Signal("takes_chances", TakesChances.NONTRADITIONAL_RESIDENTS, +1,
           "several IMG, DO or non-traditional residents"),
    Signal("post_interview", PostInterview.PERSONAL_PD, +2,
           "the PD wrote to you personally"),
    Signal("post_interview", PostInterview.FACULTY_ADVOCATE, +2,
           "a faculty member said they advocated for you"),
    Signal("home_program", True, +2, "your home program"),
    Signal("my_answer", MyAnswer.VAGUE, -1, "your answer about the failure was vague"),
    Signal("my_answer", MyAnswer.DEFENSIVE, -1, "your answer about the failure was defensive"),
)
MAX_ONE_FAILURE_RED = "they rank no one with more than one failure, and you have two or more"


@dataclass(frozen=True)
class Reason:
    points: int | None  # None: a rule that decides the colour outright
    text: str

    def label(self) -> str:
        if self.points is None:
            return f"red {self.text}"
        return f"{self.points:+d} {self.text}"


@dataclass(frozen=True)
class Suggestion:
    likelihood: Likelihood
    total: int
    reasons: tuple[Reason, ...]


def failed_attempts(plan: Plan) -> int:
    return sum(1 for a in plan.profile.exams if a.result is ExamResult.FAIL)


# The suggestion depends only on the debrief fields the table reads and the failure count, so
# it is cached on them (the app asks again for every program after every keypress).
# takes_chances is the one list among them; the others are kept as they are.
_SCALAR_KEYS: tuple[str, ...] = tuple(
    k for k in dict.fromkeys(s.key for s in SIGNALS) if k != "takes_chances"
)
_scalar_signals = attrgetter(*_SCALAR_KEYS)
_takes_chances = attrgetter("takes_chances")
_colour = attrgetter("likelihood")


def suggest(debrief: Debrief, failures: int) -> Suggestion:
    """The colour the debrief signals point to, with each contributing reason."""
    chances = debrief.takes_chances
    if type(chances) is list:
        try:
            return _suggest_cached(_scalar_signals(debrief), tuple(chances), failures)
        except TypeError:  # a value that cannot be a cache key: work it out directly
            pass
    return _suggest(debrief, failures)


def suggested_likelihoods(debriefs: Iterable[Debrief], failures: int) -> list[Likelihood]:
    """``suggest(d, failures).likelihood`` for each debrief, through the same cache.

    The loop runs in C (map over getters), which matters at 300 programs per keypress.
    """
    debriefs = list(debriefs)
    chances = list(map(_takes_chances, debriefs))
    if set(map(type, chances)) <= {list}:  # else suggest() decides each one, as it would
        try:
            found = map(_suggest_cached, map(_scalar_signals, debriefs), map(tuple, chances),
                        repeat(failures))
            return list(map(_colour, found))
        except TypeError:  # a value that cannot be a cache key
            pass
    return [suggest(d, failures).likelihood for d in debriefs]


@lru_cache(maxsize=1024)
def _suggest_cached(scalars: tuple, chances: tuple, failures: int) -> Suggestion:
    fields = dict(zip(_SCALAR_KEYS, scalars))
    return _suggest(Debrief(**fields, takes_chances=list(chances)), failures)


def _suggest(debrief: Debrief, failures: int) -> Suggestion:
    reasons: list[Reason] = []
    chances = 0
    forced_red = False
    for signal in SIGNALS:
        value = getattr(debrief, signal.key)
        hit = signal.value in value if isinstance(value, list) else value == signal.value
        if not hit:
            continue
        if signal.value is BoardPolicy.MAX_ONE_FAILURE:
            if failures >= 2:
                forced_red = True
                reasons.append(Reason(None, MAX_ONE_FAILURE_RED))
            elif failures == 1:
                reasons.append(Reason(signal.points, signal.reason))
            continue
        points = signal.points
        if signal.key == "takes_chances":
            points = max(0, min(points, TAKES_CHANCES_CAP - chances))
            chances += points
            if points == 0:
                continue
        reasons.append(Reason(points, signal.reason))
    total = sum(r.points for r in reasons if r.points is not None)
    if forced_red or total <= RED_AT:
        colour = Likelihood.RED
    elif total >= GREEN_AT:
        colour = Likelihood.GREEN
    else:
        colour = Likelihood.YELLOW
    return Suggestion(colour, total, tuple(reasons))


def suggestion_for(plan: Plan, program: Program) -> Suggestion:
    return suggest(program.debrief, failed_attempts(plan))


def effective(plan: Plan, program: Program) -> Likelihood:
    """The user's likelihood where set, else the suggestion."""
    if program.likelihood is not Likelihood.UNSET:
        return program.likelihood
    return suggestion_for(plan, program).likelihood
