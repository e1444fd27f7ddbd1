"""Findings about interview debriefs: DB01-DB02 (DESIGN §2.2)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rankplan.core.findings import Hit, Section, Severity, rule
from rankplan.core.likelihood import failed_attempts, suggest
from rankplan.core.model import Likelihood, MyAnswer, Plan

OPPOSITE = {(Likelihood.GREEN, Likelihood.RED), (Likelihood.RED, Likelihood.GREEN)}


@rule("DB01", Severity.INFO, Section.DEBRIEF,
      "Your likelihood is two steps from the suggestion (green against red).")
def far_from_suggestion(plan: Plan, today: date) -> Iterator[Hit]:
    failures = failed_attempts(plan)
    for p in plan.programs:
        if p.likelihood is Likelihood.UNSET:
            continue
        suggested = suggest(p.debrief, failures).likelihood
        if (p.likelihood, suggested) in OPPOSITE:
            yield Hit(
                f"{p.name or p.id}: you set {p.likelihood} but the signals suggest "
                f"{suggested}; check what you know that the signals do not say.",
                (p.id,),
            )


@rule("DB02", Severity.INFO, Section.DEBRIEF,
      "Your answer to the failure question was vague or defensive.")
def weak_answer(plan: Plan, today: date) -> Iterator[Hit]:
    for p in plan.programs:
        if p.debrief.my_answer in (MyAnswer.VAGUE, MyAnswer.DEFENSIVE):
            yield Hit(
                f"{p.name or p.id}: your answer about the failure was "
                f"{p.debrief.my_answer}; rehearse the three parts (what happened, what "
                "changed, what proves it).",
                (p.id,),
            )
